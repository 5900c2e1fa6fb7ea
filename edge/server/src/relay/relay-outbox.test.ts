/**
 * The event outbox against a real broker (aedes in process): seq order, the cursor moved only by
 * PUBACKs, a broker outage during 500 orders, a restart in the middle of a drain.
 */
import { placeOrderBodySchema, type RelayEvent } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CursorRepository } from '../events/cursor-repository.js';
import { cashierAtCounter } from '../testing/contexts.js';
import { TestBroker, TestCloud, until } from '../testing/test-broker.js';
import { latteOrder, startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';
import { RELAY_CURSOR } from './relay.js';

const STORE = 'demo-store';

function relayOverrides(broker: TestBroker): Record<string, unknown> {
  return {
    'relay.url': broker.url,
    'relay.protocol': '3.1.1',
    'relay.reconnectMs': 100,
    'relay.stateIntervalMs': 200,
  };
}

const durableCursor = (t: TestEdge): number => new CursorRepository(t.edge.database.db).seq(RELAY_CURSOR);
const head = (t: TestEdge): number => t.edge.caps.events.lastSeq;

async function placeOrders(t: TestEdge, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = placeOrderBodySchema.parse(latteOrder());
    ids.push(body.id);
    await t.edge.caps.orders.placeQueued(cashierAtCounter, body);
  }
  return ids;
}

/** Events as the cloud got them, each seq once, and how many came more than once. */
function received(cloud: TestCloud): { seqs: number[]; duplicates: number; events: RelayEvent[] } {
  const events = cloud.of<RelayEvent>('events');
  const seen = new Set<number>();
  const firsts: number[] = [];
  for (const e of events) {
    if (seen.has(e.seq)) continue;
    seen.add(e.seq);
    firsts.push(e.seq);
  }
  return { seqs: firsts, duplicates: events.length - firsts.length, events };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the event log as the outbox', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp(
    options: { dataDir?: string } = {},
  ): Promise<{ broker: TestBroker; cloud: TestCloud; t: TestEdge }> {
    const broker = await new TestBroker().start();
    cleanups.push(() => broker.stop());
    const cloud = await TestCloud.connect(broker.url, STORE);
    cleanups.push(() => cloud.end());
    const t = await startTestEdge({ overrides: relayOverrides(broker), ...options });
    cleanups.push(() => t.stop());
    return { broker, cloud, t };
  }

  it('publishes every event in seq order and moves its cursor only on PUBACK', async () => {
    const { broker, cloud, t } = await setUp();
    await until('connected', () => t.edge.relay.status().connected);
    broker.hold = (topic) => topic.endsWith('/events');
    await placeOrders(t, 3);
    await until('events at the broker', () => broker.held.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Sent, not acknowledged: nothing is relayed yet, durably or in the state.
    expect(durableCursor(t)).toBe(0);
    expect(t.edge.relay.status().state).toMatchObject({ relayedSeq: 0, backlog: head(t) });
    expect(received(cloud).seqs).toEqual([]);

    broker.hold = () => false;
    broker.releaseHeld();
    await until('every event relayed', () => received(cloud).seqs.length === head(t));
    await until('cursor at the head', () => durableCursor(t) === head(t));
    const { seqs, events } = received(cloud);
    expect(seqs).toEqual(range(1, head(t)));
    expect(events.filter((e) => e.type === 'order.placed')).toHaveLength(3);
    expect(events[0]).toMatchObject({ storeId: STORE, seq: 1, version: 1 });
    await until('state shows no backlog', () =>
      cloud.of<{ backlog: number; online: boolean }>('state').some((s) => s.online && s.backlog === 0),
    );
  });

  it('broker down during 500 orders: all 500 reach the cloud once, in order, when it is back; selling goes on', async () => {
    const { broker, cloud, t } = await setUp();
    await until('connected', () => t.edge.relay.status().connected);
    await placeOrders(t, 1);
    await until('caught up', () => durableCursor(t) === head(t) && received(cloud).seqs.length === head(t));
    const before = head(t);
    await cloud.end();
    await broker.stop();
    await until('relay sees the outage', () => !t.edge.relay.status().connected);

    const started = Date.now();
    const ids = await placeOrders(t, 500);
    // Orders are placed at the store's pace, whatever the broker does.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(t.edge.relay.status().state.backlog).toBe(head(t) - before);

    // Back on the same port; the edge is let in only once the cloud listens again.
    broker.admit = (id) => id.startsWith('test-cloud');
    await broker.start();
    const back = await TestCloud.connect(broker.url, STORE);
    cleanups.push(() => back.end());
    broker.admit = () => true;
    await until('the backlog drained', () => received(back).seqs.length >= head(t) - before, 30_000);
    await until('cursor at the head', () => durableCursor(t) === head(t));

    const { seqs, duplicates, events } = received(back);
    expect(seqs).toEqual(range(before + 1, head(t)));
    expect(duplicates).toBe(0);
    const placed = events.filter((e) => e.type === 'order.placed').map((e) => e.subject);
    expect(placed).toEqual(ids);
  }, 60_000);

  it('a broker that refuses the store box (server unavailable) is tried again until it lets it in', async () => {
    const broker = await new TestBroker().start();
    cleanups.push(() => broker.stop());
    let refused = 0;
    broker.admit = (id) => {
      if (id.startsWith('test-cloud')) return true;
      refused += 1;
      return false;
    };
    const cloud = await TestCloud.connect(broker.url, STORE);
    cleanups.push(() => cloud.end());
    const t = await startTestEdge({ overrides: relayOverrides(broker) });
    cleanups.push(() => t.stop());
    await placeOrders(t, 3);
    await until('refused twice', () => refused >= 2);
    expect(t.edge.relay.status().connected).toBe(false);
    broker.admit = () => true;
    await until('connected', () => t.edge.relay.status().connected);
    await until('everything relayed', () => durableCursor(t) === head(t));
    expect(received(cloud).seqs).toEqual(range(1, head(t)));
  });

  it('a restart in the middle of a drain resumes from the cursor: nothing lost, duplicates only by (store, seq)', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const { broker, cloud, t } = await setUp({ dataDir: data.dir });
    await until('connected', () => t.edge.relay.status().connected);
    // The broker acknowledges the first 100 events and stalls after that.
    broker.hold = (topic, payload) => topic.endsWith('/events') && (JSON.parse(payload) as RelayEvent).seq > 100;
    await placeOrders(t, 120);
    const last = head(t);
    await until('100 acknowledged', () => durableCursor(t) >= 100, 20_000);
    expect(durableCursor(t)).toBe(100);
    await t.stop();
    cleanups.splice(cleanups.length - 1, 1);

    broker.hold = () => false;
    broker.releaseHeld(); // what was held reaches the cloud too: a duplicate later, never a gap
    const again = await startTestEdge({ overrides: relayOverrides(broker), dataDir: data.dir });
    cleanups.push(() => again.stop());
    await until('everything relayed', () => durableCursor(again) === last, 30_000);
    await until('the cloud has every seq', () => received(cloud).seqs.length >= last);
    const { seqs } = received(cloud);
    expect([...seqs].sort((a, b) => a - b)).toEqual(range(1, last));
    // After the restart it sent again from seq 101, in order.
    const resent = cloud
      .of<RelayEvent>('events')
      .map((e) => e.seq)
      .filter((s) => s > 100);
    const fromRestart = resent.slice(resent.lastIndexOf(101));
    expect(fromRestart).toEqual(range(101, last));
  }, 60_000);
});
