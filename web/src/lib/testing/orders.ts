/** Test data: orders, their lines and tickets, and the events that carry them, shaped as the edge sends them. */
import type { OrderStatus, OrderView, PricedLine, StoreEvent, TicketView } from '@tillbox/core';

export function makeOrder(overrides: Partial<OrderView> & { id: string }): OrderView {
  return {
    number: 1,
    businessDay: '2025-01-01',
    status: 'in_kitchen',
    payment: 'paid',
    dueAt: '2025-01-01T12:05:00.000Z',
    rush: false,
    tickets: [],
    payments: [],
    channel: 'kiosk',
    orderType: 'takeout',
    lines: [],
    totals: { currency: 'USD', subtotal: 0, discount: 0, tax: 0, total: 0 },
    placedAt: '2025-01-01T12:00:00.000Z',
    ...overrides,
  };
}

export function makeLine(overrides: Partial<PricedLine> & { lineId: string; itemId: string }): PricedLine {
  return {
    name: { en: overrides.itemId },
    modifiers: [],
    quantity: 1,
    station: 'bar',
    allergens: [],
    unitPrice: 100,
    lineTotal: 100 * (overrides.quantity ?? 1),
    discount: 0,
    tax: 0,
    ...overrides,
  };
}

export function makeTicket(overrides: Partial<TicketView> & { id: string; station: string }): TicketView {
  return {
    status: 'open',
    firedAt: '2025-01-01T12:00:00.000Z',
    items: [],
    ...overrides,
  };
}

/**
 * An in-kitchen order with one ticket per station of its lines. Lines are `[itemId, station]`
 * (or with a quantity); ticket and line ids derive from the order id.
 */
export function kitchenOrder(
  id: string,
  lines: readonly (readonly [itemId: string, station: string, quantity?: number])[],
  overrides: Partial<OrderView> = {},
): OrderView {
  const priced = lines.map(([itemId, station, quantity], i) =>
    makeLine({ lineId: `${id}-l${i}`, itemId, station, quantity: quantity ?? 1 }),
  );
  const stations = [...new Set(priced.map((l) => l.station))].sort();
  const tickets = stations.map((station) =>
    makeTicket({
      id: `${id}-${station}`,
      station,
      items: priced.filter((l) => l.station === station).map((l) => ({ lineId: l.lineId })),
    }),
  );
  return makeOrder({ id, lines: priced, tickets, ...overrides });
}

const EVENT_OF: Partial<Record<OrderStatus, string>> = {
  placed: 'order.placed',
  paid: 'order.paid',
  in_kitchen: 'order.fired',
  ready: 'order.ready',
  picked_up: 'order.picked-up',
  completed: 'order.completed',
  cancelled: 'order.cancelled',
};

export function orderEvent(seq: number, order: OrderView, type?: string): StoreEvent {
  return {
    seq,
    id: `event-${seq}`,
    type: type ?? EVENT_OF[order.status] ?? 'order.changed',
    subject: order.id,
    data: { order },
    at: '2025-01-01T12:00:00.000Z',
  };
}
