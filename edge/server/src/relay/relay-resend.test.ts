/**
 * The repair path over a real broker (aedes in process): a cloud that lacks events the broker
 * acknowledged asks for them on `events/resend`, and the edge publishes them again from its log —
 * with the status of an app order among them — without moving its cursor.
 */
import { placeOrderBodySchema, uuidv7, type OrderAnswer, type RelayEvent } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorRepository } from '../events/cursor-repository.js';
import { cashierAtCounter } from '../testing/contexts.js';
import { TestBroker, TestCloud, until } from '../testing/test-broker.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';
import { RELAY_CURSOR } from './relay.js';

const STORE = 'demo-store';
const at = (): string => new Date().toISOString();
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('events sent again when the cloud asks', () => {
  let broker: TestBroker;
  /** The cloud that was there all along. */
  let early: TestCloud;
  let t: TestEdge;
  let appOrderId: string;
  const head = (): number => t.edge.caps.events.lastSeq;
  const cursor = (): number => new CursorRepository(t.edge.database.db).seq(RELAY_CURSOR);

  beforeAll(async () => {
    broker = await new TestBroker().start();
    early = await TestCloud.connect(broker.url, STORE);
    t = await startTestEdge({
      overrides: { 'relay.url': broker.url, 'relay.protocol': '3.1.1', 'relay.reconnectMs': 100 },
    });
    await until('connected', () => t.edge.relay.status().connected);
    for (let i = 0; i < 3; i++)
      await t.edge.caps.orders.placeQueued(cashierAtCounter, placeOrderBodySchema.parse(latteOrder()));
    // A paid app order, so that a status (fired) is among the events.
    const order = (amount: number): Record<string, unknown> => ({
      id: appOrderId,
      channel: 'app',
      guest: { name: 'Ada' },
      lines: [{ lineId: uuidv7(), itemId: 'croissant', quantity: 1 }],
      payment: { method: 'external', amount, reference: 'app-pay-1' },
      sentAt: at(),
    });
    appOrderId = uuidv7();
    await early.publish('orders/in', order(1));
    await until('refused with the total', () => early.of<OrderAnswer>('orders/out').length === 1);
    const total = Number(/expected (\d+)/.exec(JSON.stringify(early.of<OrderAnswer>('orders/out')[0]))?.[1]);
    appOrderId = uuidv7();
    await early.publish('orders/in', order(total));
    await until('fired', () =>
      early.of<OrderAnswer>('orders/out').some((a) => a.kind === 'status' && a.orderId === appOrderId),
    );
    await until('everything acknowledged', () => cursor() === head());
  });
  afterAll(async () => {
    await t?.stop();
    await early?.end();
    await broker?.stop();
  });

  it('publishes the asked range again from the log, stops at the acknowledged seq, and leaves the cursor', async () => {
    const late = await TestCloud.connect(broker.url, STORE);
    try {
      const last = head();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(late.of<RelayEvent>('events')).toEqual([]); // it was not subscribed when they went out

      await late.publish('events/resend', { fromSeq: 2, toSeq: last + 50, at: at() });
      await until('the range again', () => late.of<RelayEvent>('events').length === last - 1);
      const again = late.of<RelayEvent>('events');
      expect(again.map((e) => e.seq)).toEqual(range(2, last));
      expect(again.every((e) => e.storeId === STORE)).toBe(true);
      const statuses = late.of<OrderAnswer>('orders/out');
      expect(statuses).toEqual([expect.objectContaining({ kind: 'status', orderId: appOrderId, status: 'fired' })]);
      expect(cursor()).toBe(last);
      expect(t.edge.relay.status().state).toMatchObject({ relayedSeq: last, backlog: 0 });
      // The first cloud heard each event once: a resend goes to whoever listens, and is applied once by (store, seq).
      expect(early.of<RelayEvent>('events').filter((e) => e.seq === 1)).toHaveLength(1);
    } finally {
      await late.end();
    }
  });

  it('ignores a request it cannot read, and sends nothing', async () => {
    const late = await TestCloud.connect(broker.url, STORE);
    try {
      await late.publish('events/resend', { fromSeq: 5, toSeq: 2, at: at() });
      await late.publish('events/resend', '{"fromSeq": 1');
      await late.publish('events/resend', { fromSeq: 1, toSeq: 1, at: at() }); // a good one after them
      await until('the good one', () => late.of<RelayEvent>('events').length === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(late.of<RelayEvent>('events').map((e) => e.seq)).toEqual([1]);
    } finally {
      await late.end();
    }
  });
});
