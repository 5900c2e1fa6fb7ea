/** Test data: orders and the events that carry them, shaped as the edge sends them. */
import type { OrderStatus, OrderView, StoreEvent } from '@tillbox/core';

export function makeOrder(overrides: Partial<OrderView> & { id: string }): OrderView {
  return {
    number: 1,
    businessDay: '2025-01-01',
    status: 'in_kitchen',
    channel: 'kiosk',
    orderType: 'takeout',
    lines: [],
    totals: { currency: 'USD', subtotal: 0, total: 0 },
    placedAt: '2025-01-01T12:00:00.000Z',
    ...overrides,
  };
}

const EVENT_OF: Record<OrderStatus, string> = {
  placed: 'order.placed',
  in_kitchen: 'order.fired',
  ready: 'order.bumped',
  picked_up: 'order.picked-up',
};

export function orderEvent(seq: number, order: OrderView): StoreEvent {
  return {
    seq,
    id: `event-${seq}`,
    type: EVENT_OF[order.status],
    subject: order.id,
    data: { order },
    at: '2025-01-01T12:00:00.000Z',
  };
}
