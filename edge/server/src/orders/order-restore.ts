/**
 * Orders from events restored from the cloud's copy of the log (docs/reliability.md): each order's
 * events folded with the core's `evolveOrder` — the same function every decision's state comes
 * from — onto the order as stored (or from its `order.placed`), and saved through the repository
 * in the restore's transaction, so the order, its lines, tickets and payments are as they were
 * before the loss. Stock and loyalty are not decided again: their own events are restored too.
 */
import { evolveOrder, type Order, type OrderEvent, type StoreEvent } from '@tillbox/core';
import type { Tx } from '../db/database.js';
import type { OrderRepository } from './order-repository.js';

/** The start of the placing-request fingerprint of a restored order (the request is not in the log). */
export const RESTORED_REQUEST = 'restored:';

const isOrderEvent = (e: StoreEvent): boolean => e.type.startsWith('order.') || e.type.startsWith('ticket.');

/**
 * Fold restored events (in seq order) into their orders and save them. Throws when an event does
 * not fit its order (an event of an order never placed, a second `order.placed`): the restore's
 * transaction is rolled back.
 */
export function restoreOrders(tx: Tx, repository: OrderRepository, restored: readonly StoreEvent[]): number {
  const byOrder = new Map<string, StoreEvent[]>();
  for (const e of restored) {
    if (!isOrderEvent(e)) continue;
    const list = byOrder.get(e.subject);
    if (list) list.push(e);
    else byOrder.set(e.subject, [e]);
  }
  for (const [orderId, list] of byOrder) {
    const before = repository.find(orderId);
    let state: Order | undefined = before;
    for (const e of list) {
      try {
        state = evolveOrder(state, { type: e.type, data: e.data } as OrderEvent, Date.parse(e.at));
      } catch (err) {
        throw new Error(`event seq ${e.seq} (${e.type}) does not fit order ${orderId}: ${(err as Error).message}`);
      }
    }
    if (!state) continue;
    const placed = list.find((e) => e.type === 'order.placed');
    // The placing request's fingerprint is not in the log: a request sent again with this id is taken as this order.
    const requestHash = `${RESTORED_REQUEST}${placed?.id ?? orderId}`;
    repository.save(tx, before, state, before ? undefined : { requestHash });
    repository.keepNumber(tx, state.businessDay, state.number);
  }
  return byOrder.size;
}
