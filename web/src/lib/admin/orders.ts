/** Today's orders as the admin screen lists them, and which manager override each one takes. */
import { applyOrderCommand, type OrderStatus, type OrderView } from '@tillbox/core';

/** The lists the admin screen shows: still open, handed over or completed, and already voided or refunded. */
export const ADMIN_ORDER_LISTS: readonly ('open' | OrderStatus)[] = [
  'open',
  'picked_up',
  'completed',
  'voided',
  'refunded',
];

export type OverrideKind = 'void' | 'refund';

/** Orders from several lists, each once, newest first. */
export function mergeOrders(lists: readonly (readonly OrderView[])[]): OrderView[] {
  const byId = new Map<string, OrderView>();
  for (const list of lists) for (const o of list) byId.set(o.id, o);
  return [...byId.values()].sort((a, b) =>
    a.placedAt < b.placedAt ? 1 : a.placedAt > b.placedAt ? -1 : b.number - a.number,
  );
}

/**
 * What a manager can do to this order, by the core's own lifecycle rules: void an unpaid order
 * that is still open, refund a paid one.
 */
export function overridesFor(order: Pick<OrderView, 'status' | 'payment'>): OverrideKind[] {
  const out: OverrideKind[] = [];
  for (const kind of ['void', 'refund'] as const) {
    try {
      applyOrderCommand({ status: order.status, payment: order.payment }, kind);
      out.push(kind);
    } catch {
      // not allowed in this state
    }
  }
  return out;
}
