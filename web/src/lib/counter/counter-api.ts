/**
 * The edge's order calls the counter makes after placing an order (placing is the sale
 * library's `Checkout` on the 'counter' channel): read it back, send it to the kitchen, cancel
 * it, pay it, and staff's discounts and price overrides — each answer parsed by the core's schema.
 */
import { orderViewSchema, type DiscountBody, type OrderView, type PriceOverrideBody } from '@tillbox/core';
import { api, ApiError } from '$lib/api.js';

/** A tender the counter takes in full: cash with the amount handed over, or card on the pinpad. */
export type TenderBody = { method: 'cash'; tendered: number } | { method: 'card' };

export interface CounterCalls {
  get(orderId: string): Promise<OrderView>;
  fire(orderId: string): Promise<OrderView>;
  cancel(orderId: string): Promise<OrderView>;
  pay(orderId: string, body: TenderBody): Promise<OrderView>;
  discount(orderId: string, body: DiscountBody): Promise<OrderView>;
  overridePrice(orderId: string, lineId: string, body: PriceOverrideBody): Promise<OrderView>;
}

export const counterCalls: CounterCalls = {
  get: (id) => api.get('/orders/{id}', { params: { id }, schema: orderViewSchema }),
  fire: (id) => api.post('/orders/{id}/fire', { params: { id }, schema: orderViewSchema }),
  cancel: (id) => api.post('/orders/{id}/cancel', { params: { id }, schema: orderViewSchema }),
  pay: (id, body) => api.post('/orders/{id}/pay', { params: { id }, body, schema: orderViewSchema }),
  discount: (id, body) => api.post('/orders/{id}/discount', { params: { id }, body, schema: orderViewSchema }),
  overridePrice: (id, lineId, body) =>
    api.post('/orders/{id}/lines/{lineId}/price', { params: { id, lineId }, body, schema: orderViewSchema }),
};

/**
 * The edge refused because a manager must approve (a comp, a discount past the store's limit,
 * any price override): it answers 403 with the detail path `override`.
 */
export function needsApproval(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.details.some((d) => d.path === 'override');
}

/** The outcome of a request is unknown (network, the edge's own failure, an unreadable answer). */
export function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ApiError) || error.retryable || error.kind === 'bad-response';
}
