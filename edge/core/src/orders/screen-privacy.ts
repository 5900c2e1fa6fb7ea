/**
 * Who a loyalty member is stays with the staff screens that attach customers to orders (the
 * counter, the admin) and the relay: the kitchen displays, the pickup board and the kiosk never
 * receive a member id — not in an order's view, not in the events the stream carries (an order
 * placed for a member names them, and its priced input holds the customer).
 */
import type { DeviceRole } from '../auth/actors.js';
import type { OrderView } from '../wire/api.js';

/** The device roles that may see which member an order is for. */
export const MEMBER_VISIBLE_ROLES: readonly DeviceRole[] = ['counter', 'admin', 'relay'];

/** The view without the member it is for. */
export function withoutMember(view: OrderView): OrderView {
  if (view.memberId === undefined) return view;
  const { memberId: _member, ...rest } = view;
  return rest;
}

/** The view as a screen of `role` gets it: without the member unless it is a staff screen that needs it. */
export function orderViewFor(view: OrderView, role: DeviceRole): OrderView {
  return MEMBER_VISIBLE_ROLES.includes(role) ? view : withoutMember(view);
}

/**
 * An event's data as every screen gets it on the stream: without `memberId`, and without the
 * customer (member id, tier, points balance) in its `priceInput`. Data that names no member is
 * answered as it is.
 */
export function eventDataWithoutMember(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  const input = record['priceInput'];
  const context =
    input !== null && typeof input === 'object' ? (input as Record<string, unknown>)['context'] : undefined;
  const hasCustomer = context !== null && typeof context === 'object' && 'customer' in context;
  if (!('memberId' in record) && !hasCustomer) return data;
  const { memberId: _member, ...rest } = record;
  if (hasCustomer) {
    const { customer: _customer, ...ctx } = context as Record<string, unknown>;
    rest['priceInput'] = { ...(input as Record<string, unknown>), context: ctx };
  }
  return rest;
}
