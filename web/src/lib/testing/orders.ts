/** Test data: orders, their lines and tickets, and the stream frames that carry them, shaped as the edge sends them. */
import type { OrderStatus, OrderView, PricedLine, StoreEvent, StreamEventFrame, TicketView } from '@tillbox/core';

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

/**
 * A stream `event` frame as the edge sends it: the event (a fact about the order, by a kitchen
 * screen) with the order as it is now. Screens show the view and never read the fact's payload,
 * so the payload here is only its common part.
 */
export function orderFrame(
  seq: number,
  order: OrderView | undefined,
  type?: string,
  orderId?: string,
): StreamEventFrame {
  const id = order?.id ?? orderId ?? 'unknown';
  const event: StoreEvent = {
    seq,
    id: `event-${seq}`,
    type: type ?? (order && EVENT_OF[order.status]) ?? 'order.recalled',
    version: 1,
    subject: id,
    actor: { kind: 'device', id: 'kds-1', role: 'kds', name: 'Bar screen' },
    device: 'kds-1',
    data: { orderId: id },
    at: '2025-01-01T12:00:00.000Z',
  };
  return order ? { type: 'event', event, order } : { type: 'event', event };
}
