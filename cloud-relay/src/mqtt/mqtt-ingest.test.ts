/**
 * Store events over a real broker (aedes in process) into a real PGlite database: every event
 * published one to five times, out of order, to two relay instances that both receive
 * everything (aedes has no shared subscriptions), is applied once per (store, seq). A message
 * is acknowledged only after its commit: one whose ack is held comes again after a reconnect.
 */
import { uuidv7, type RelayEvent } from '@tillbox/core';
import { eq, sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudRelay } from '../app.js';
import type { Database } from '../db/database.js';
import { chainOrders, storeEvents, stores } from '../db/schema.js';
import { loadSettings } from '../settings/settings.js';
import { FakeStore, eventually, memoryDatabase, startBroker, startRelay, type TestBroker } from '../testing/harness.js';
import { orderLife, shuffled } from '../testing/store-events.js';
import { MqttLink, type Handlers } from './mqtt-link.js';

let broker: TestBroker;
let database: Database;
let relays: CloudRelay[] = [];

beforeAll(async () => {
  broker = await startBroker();
  database = await memoryDatabase();
  relays = [
    await startRelay(broker.url, { database, instanceId: 'one' }),
    await startRelay(broker.url, { database, instanceId: 'two' }),
  ];
});
afterAll(async () => {
  for (const r of relays) await r.stop();
  await database?.close();
  await broker?.stop();
});

async function count(table: typeof storeEvents | typeof chainOrders, storeId: string): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.storeId, storeId));
  return row?.n ?? 0;
}

/** A link of its own on the test broker (MQTT 3.1.1, no sharing), `events` to `onEvent`, everything else acked. */
async function startLink(
  instanceId: string,
  onEvent: Handlers['events'],
  overrides: Record<string, unknown> = {},
): Promise<MqttLink> {
  const handlers = {
    events: onEvent,
    state: ({ ack }) => ack(),
    'orders/out': ({ ack }) => ack(),
    'config/ack': ({ ack }) => ack(),
    'rpc/req': ({ ack }) => ack(),
  } satisfies Handlers;
  const settings = loadSettings({
    env: {},
    overrides: { 'mqtt.url': broker.url, 'mqtt.protocolVersion': 4, 'mqtt.shareGroup': '', ...overrides },
  }).mqtt;
  const link = new MqttLink({ settings, instanceId, handlers, log: pino({ level: 'silent' }) });
  await link.start();
  return link;
}

describe('store events over MQTT', () => {
  it('two instances receiving every delivery (1–5 times each, out of order) store each (store, seq) once', async () => {
    const store = new FakeStore('queens', broker.url);
    await store.connect();
    try {
      const events: RelayEvent[] = Array.from({ length: 8 }, (_, i) =>
        orderLife('queens', i * 5 + 1, uuidv7(), i + 1),
      ).flat();
      const deliveries = shuffled(
        events.flatMap((e, i) => Array.from({ length: (i % 5) + 1 }, () => e)),
        3,
      );
      for (const e of deliveries) await store.publish('events', e);
      await eventually(async () => (await count(storeEvents, 'queens')) === 40);
      // Both instances got every delivery; let them finish writing before looking for doubles.
      await eventually(async () =>
        relays.every((r) => r.parts.ingest.counts.received === deliveries.length) ? true : undefined,
      );
      for (const r of relays) await r.parts.ingest.drained();
      expect(deliveries.length).toBe(120);
      expect(await count(storeEvents, 'queens')).toBe(40);
      expect(relays.reduce((n, r) => n + r.parts.ingest.counts.inserted, 0)).toBe(40);
      const [row] = await database.db.select().from(stores).where(eq(stores.id, 'queens'));
      expect(row).toMatchObject({ lastSeq: 40, maxSeq: 40 });
      const orders = await database.db.select().from(chainOrders).where(eq(chainOrders.storeId, 'queens'));
      expect(orders).toHaveLength(8);
      expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['picked_up']));
    } finally {
      await store.close();
    }
  });

  it('a message is acknowledged only when its handler says so: held, it comes again after a reconnect', async () => {
    const seen: number[] = [];
    let hold = true;
    const link = await startLink('held', ({ payload, ack }) => {
      seen.push(payload.seq);
      if (!hold) ack();
    });
    const publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 4, clientId: 'held-publisher' });
    try {
      const [event] = orderLife('bronx', 1);
      await publisher.publishAsync('tillbox/v1/stores/bronx/events', JSON.stringify(event), { qos: 1 });
      await eventually(async () => seen.length === 1);
      // Drop the connection without acknowledging: the broker keeps the message for the session.
      hold = false;
      broker.drop('tillbox-cloud-relay-held');
      await eventually(async () => seen.length === 2);
      expect(seen).toEqual([1, 1]);
      // Acknowledged this time: a further reconnect brings nothing.
      broker.drop('tillbox-cloud-relay-held');
      await new Promise((r) => setTimeout(r, 1500));
      expect(seen).toEqual([1, 1]);
    } finally {
      await publisher.endAsync(true);
      await link.stop();
    }
  });

  it('no more than receiveMaximum messages wait for their acks, whatever the broker sends; the rest come as acks make room', async () => {
    const waiting: { seq: number; ack: () => void }[] = [];
    const seen: number[] = [];
    const link = await startLink(
      'window',
      ({ payload, ack }) => {
        seen.push(payload.seq);
        waiting.push({ seq: payload.seq, ack });
      },
      { 'mqtt.receiveMaximum': 5 },
    );
    const publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 4, clientId: 'window-publisher' });
    const settled = (): Promise<void> => new Promise((r) => setTimeout(r, 300));
    try {
      // aedes sends a 3.1.1 subscriber everything at once; the link reads the first five only.
      const events = orderLife('harlem', 1, uuidv7(), 1).concat(orderLife('harlem', 6, uuidv7(), 2));
      await Promise.all(
        events.map((e) => publisher.publishAsync('tillbox/v1/stores/harlem/events', JSON.stringify(e), { qos: 1 })),
      );
      await eventually(async () => seen.length === 5);
      await settled();
      expect(seen).toEqual([1, 2, 3, 4, 5]);
      expect(link.unacknowledged).toBe(5);
      // Two acks make room for two more, and no more.
      for (const w of waiting.splice(0, 2)) w.ack();
      await eventually(async () => seen.length === 7);
      await settled();
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(link.unacknowledged).toBe(5);
      // Acking as they come brings the rest, in order, each once.
      while (seen.length < 10 || waiting.length > 0) {
        for (const w of waiting.splice(0)) w.ack();
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(link.unacknowledged).toBe(0);
    } finally {
      await publisher.endAsync(true);
      await link.stop();
    }
  });

  it('a connection dropped with its window full leaves nothing held: after the reconnect the rest comes', async () => {
    let acking = false;
    const seen: number[] = [];
    const link = await startLink(
      'full',
      ({ payload, ack }) => {
        seen.push(payload.seq);
        if (acking) ack();
      },
      { 'mqtt.receiveMaximum': 2 },
    );
    const publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 4, clientId: 'full-publisher' });
    try {
      for (const e of orderLife('astoria', 1))
        await publisher.publishAsync('tillbox/v1/stores/astoria/events', JSON.stringify(e), { qos: 1 });
      await eventually(async () => seen.length === 2);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual([1, 2]);
      // The window is full and its callback held when the connection goes.
      acking = true;
      broker.drop('tillbox-cloud-relay-full');
      await eventually(async () => [1, 2, 3, 4, 5].every((seq) => seen.lastIndexOf(seq) >= 2));
      expect(seen.slice(0, 2)).toEqual([1, 2]);
      expect(new Set(seen.slice(2))).toEqual(new Set([1, 2, 3, 4, 5]));
      await eventually(async () => link.unacknowledged === 0);
    } finally {
      await publisher.endAsync(true);
      await link.stop();
    }
  });
});
