/**
 * The edge's order calls the counter makes after placing an order (placing is the sale
 * library's `Checkout` on the 'counter' channel): read it back, send it to the kitchen, cancel
 * it, pay it (split tender, tips, a part of a split bill), add lines, hold, recall and hand over
 * open tickets, split the bill, staff's discounts and price overrides — each answer parsed by the
 * core's schema.
 */
import {
  openTicketsSchema,
  orderViewSchema,
  type AddLinesBody,
  type DiscountBody,
  type OpenTickets,
  type OrderView,
  type PriceOverrideBody,
  type SplitBody,
} from '@tillbox/core';
import { api, ApiError } from '$lib/api.js';

/** One tender: cash with the amount handed over, card (with its tip) on the pinpad, or another tender with its reference. */
export type TenderBody =
  | { method: 'cash'; tendered: number; part?: number }
  | { method: 'card'; amount?: number; tip?: number; tipPrompt?: true; part?: number }
  | { method: 'external'; amount?: number; reference: string; part?: number };

export interface CounterCalls {
  get(orderId: string): Promise<OrderView>;
  fire(orderId: string): Promise<OrderView>;
  cancel(orderId: string): Promise<OrderView>;
  pay(orderId: string, body: TenderBody): Promise<OrderView>;
  discount(orderId: string, body: DiscountBody): Promise<OrderView>;
  overridePrice(orderId: string, lineId: string, body: PriceOverrideBody): Promise<OrderView>;
  addLines(orderId: string, body: AddLinesBody): Promise<OrderView>;
  hold(orderId: string): Promise<OrderView>;
  resume(orderId: string): Promise<OrderView>;
  split(orderId: string, body: SplitBody): Promise<OrderView>;
}

export const counterCalls: CounterCalls = {
  get: (id) => api.get('/orders/{id}', { params: { id }, schema: orderViewSchema }),
  fire: (id) => api.post('/orders/{id}/fire', { params: { id }, schema: orderViewSchema }),
  cancel: (id) => api.post('/orders/{id}/cancel', { params: { id }, schema: orderViewSchema }),
  pay: (id, body) => api.post('/orders/{id}/pay', { params: { id }, body, schema: orderViewSchema }),
  discount: (id, body) => api.post('/orders/{id}/discount', { params: { id }, body, schema: orderViewSchema }),
  overridePrice: (id, lineId, body) =>
    api.post('/orders/{id}/lines/{lineId}/price', { params: { id, lineId }, body, schema: orderViewSchema }),
  addLines: (id, body) => api.post('/orders/{id}/lines', { params: { id }, body, schema: orderViewSchema }),
  hold: (id) => api.post('/orders/{id}/hold', { params: { id }, schema: orderViewSchema }),
  resume: (id) => api.post('/orders/{id}/resume', { params: { id }, schema: orderViewSchema }),
  split: (id, body) => api.post('/orders/{id}/split', { params: { id }, body, schema: orderViewSchema }),
};

/** Held open tickets: the signed-in cashier's (`me`) or everyone's. */
export function openTickets(owner: 'me' | 'all'): Promise<OpenTickets> {
  return api.get('/open-tickets', { query: owner === 'me' ? { owner: 'me' } : {}, schema: openTicketsSchema });
}

/** Hand an open ticket to another staff member. */
export function transferTicket(orderId: string, toStaffId: string): Promise<OrderView> {
  return api.post('/orders/{id}/transfer', { params: { id: orderId }, body: { toStaffId }, schema: orderViewSchema });
}

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
