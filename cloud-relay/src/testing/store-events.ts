/**
 * Test factories: a store's relayed events as the edge publishes them (`relayEventSchema`),
 * with order payloads that pass the core's event catalogue (priced by the core's engine). Not
 * exported from the package.
 */
import {
  createPricingEngine,
  placementOf,
  priceWithEngine,
  pricingCartSchema,
  pricingContextSchema,
  usStoreExample,
  uuidv7,
  type EventType,
  type RelayEvent,
} from '@tillbox/core';

export const SAMPLE_STORE = 'brooklyn';

const engine = createPricingEngine(usStoreExample.catalog, usStoreExample.rules);

/** The data of an `order.placed` event for the sample store's example cart. */
export function placedData(orderId: string, number: number, channel: 'kiosk' | 'online' = 'kiosk') {
  const context = pricingContextSchema.parse({ ...usStoreExample.context, channel, customer: undefined });
  const cart = pricingCartSchema.parse(usStoreExample.cart);
  const priced = priceWithEngine(engine, cart, context);
  const placement = placementOf(priced, engine, { stations: [], defaultStation: 'kitchen' });
  return {
    id: orderId,
    number,
    businessDay: '2025-03-10',
    channel,
    orderType: 'takeout' as const,
    ...placement,
    dueAt: '2025-03-10T19:38:00.000Z',
    rush: false,
    firePolicy: 'on-payment' as const,
  };
}

/** A relayed event of a store. */
export function relayEvent(storeId: string, seq: number, type: EventType, data: unknown, subject = ''): RelayEvent {
  return {
    storeId,
    seq,
    id: uuidv7(),
    type,
    version: 1,
    subject,
    at: new Date(Date.UTC(2025, 2, 10, 19, 30, seq)).toISOString(),
    actor: { kind: 'device', id: 'dev-1', role: 'kiosk' },
    device: 'dev-1',
    data,
  };
}

/**
 * One kiosk order's life as a store's log holds it, from `firstSeq`: placed, paid, fired,
 * ready, picked up.
 */
export function orderLife(storeId: string, firstSeq: number, orderId = uuidv7(), number = 1): RelayEvent[] {
  const placed = placedData(orderId, number);
  const steps: [EventType, unknown][] = [
    ['order.placed', placed],
    [
      'order.paid',
      { orderId, payment: { id: uuidv7(), method: 'card', amount: placed.totals.total, reference: 'T-1' } },
    ],
    ['order.fired', { orderId, tickets: [{ id: uuidv7(), station: 'kitchen', lineIds: [placed.lines[0]?.lineId] }] }],
    ['order.ready', { orderId, by: 'expo' }],
    ['order.picked-up', { orderId }],
  ];
  return steps.map(([type, data], i) => relayEvent(storeId, firstSeq + i, type, data, orderId));
}

/** A shuffled copy (a seeded Fisher–Yates, so a failure can be replayed). */
export function shuffled<T>(items: readonly T[], seed = 1): T[] {
  const out = [...items];
  let s = seed;
  const next = (): number => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
