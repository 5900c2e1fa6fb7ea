/**
 * Finding 3 of issue 8: one damaged row (garbage in `events.data`, `events.actor`,
 * `orders.pricing` or `order_lines.detail`, written with raw SQL on the real SQLite file) is
 * reported and skipped: the stream replays around it, order lists still answer, health says
 * `degraded` naming the table and key, and the edge keeps serving.
 */
import { SYSTEM_CONTEXT, type Health, type OrderList, type OrderView, type StoreEvent } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCursor } from '../events/cursor-repository.js';
import { EventLog } from '../events/event-log.js';
import { LogConsumer } from '../events/log-consumer.js';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';
import { openDatabase } from './database.js';

describe('a damaged row', () => {
  let t: TestEdge;
  let counter: TestClient;
  let kds: TestClient;
  const streams: StreamTestClient[] = [];

  beforeEach(async () => {
    t = await startTestEdge();
    counter = await testDevice(t.edge, 'counter', 'cashier');
    kds = await testDevice(t.edge, 'kds');
  });
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((s) => s.close()));
    await t.stop();
  });

  async function place(): Promise<OrderView> {
    const res = await counter.post('/api/v1/orders', latteOrder());
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const raw = (statement: string, ...params: unknown[]) => t.edge.database.sqlite.prepare(statement).run(...params);

  const seqOf = (orderId: string, type: string): number =>
    (
      t.edge.database.sqlite.prepare('SELECT seq FROM events WHERE subject = ? AND type = ?').get(orderId, type) as {
        seq: number;
      }
    ).seq;

  async function health(): Promise<Health> {
    const res = await kds.get('/api/v1/health');
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  async function replayFromZero(): Promise<StreamTestClient> {
    const stream = await StreamTestClient.connect(t.url, {
      headers: { authorization: kds.headers.authorization ?? '' },
    });
    streams.push(stream);
    await stream.waitForType('hello');
    stream.subscribe(0, ['order']);
    await stream.waitForType('caught-up');
    return stream;
  }

  it('in the event log is skipped by a replay from 0, reported, and the edge goes on', async () => {
    const [a, b, c] = [await place(), await place(), await place()];
    const badData = seqOf(b.id, 'order.placed');
    const badActor = seqOf(c.id, 'order.placed');
    raw('UPDATE events SET data = \'{"orderId": garbage\' WHERE seq = ?', badData);
    raw("UPDATE events SET actor = 'not json at all' WHERE seq = ?", badActor);

    const stream = await replayFromZero();
    const seqs = stream.events.map((e) => e.seq);
    expect(seqs).toContain(seqOf(a.id, 'order.placed'));
    expect(seqs).not.toContain(badData);
    expect(seqs).not.toContain(badActor);
    // Events after the damaged ones still arrive (a page is not cut short by a skipped row).
    expect(seqs).toContain(seqOf(c.id, 'order.fired'));

    // Again (a screen reconnecting): no crash, same answer, and new orders still stream live.
    const again = await replayFromZero();
    expect(again.events.map((e) => e.seq)).toEqual(seqs);
    const d = await place();
    await again.waitFor('the new order', () => again.events.some((e) => e.subject === d.id));

    const h = await health();
    expect(h.status).toBe('degraded');
    const reasons = h.degraded.map((r) => r.message).join('\n');
    expect(reasons).toContain(`events seq ${badData}`);
    expect(reasons).toContain(`events seq ${badActor}`);
  });

  it('in an order leaves the other orders listed and that order shown safely or left out', async () => {
    const [a, b, c] = [await place(), await place(), await place()];
    raw('UPDATE orders SET pricing = \'{"adjustments": [\' WHERE id = ?', b.id);
    raw("UPDATE order_lines SET detail = 'garbage' WHERE order_id = ? AND position = 0", c.id);

    const res = await kds.get('/api/v1/orders?status=open');
    expect(res.statusCode).toBe(200);
    const list = res.json<OrderList>();
    const ids = list.orders.map((o) => o.id);
    expect(ids).toContain(a.id);
    // A bad pricing explanation is dropped; the order and its totals still show.
    const shownB = list.orders.find((o) => o.id === b.id);
    expect(shownB?.totals).toEqual(b.totals);
    expect(shownB?.lines.map((l) => l.name)).toEqual(b.lines.map((l) => l.name));
    // An order whose line cannot be read is left out rather than shown wrong.
    expect(ids).not.toContain(c.id);

    // The stream's views and a command on a healthy order are unaffected.
    const stream = await replayFromZero();
    expect(stream.frames.some((f) => f.order?.id === a.id)).toBe(true);
    expect((await kds.get(`/api/v1/orders/${a.id}`)).statusCode).toBe(200);

    const h = await health();
    expect(h.status).toBe('degraded');
    const reasons = h.degraded.map((r) => r.message).join('\n');
    expect(reasons).toContain(`orders id ${b.id}`);
    expect(reasons).toContain(`order_lines`);
    expect(reasons).toContain(c.id);
  });
});

describe('a damaged event read by a log consumer', () => {
  it('is skipped without cutting its page short: the events after it on the page and later pages all arrive', async () => {
    const t = tempDir();
    const database = openDatabase(t.dir);
    try {
      const log = new EventLog(database.db);
      log.start();
      for (let i = 1; i <= 10; i += 1) {
        log.transact(SYSTEM_CONTEXT, (_tx, append) =>
          append({ type: 'order.picked-up', subject: `o${i}`, data: { orderId: `o${i}` } }),
        );
      }
      database.sqlite.prepare("UPDATE events SET data = 'garbage' WHERE seq = 2").run();
      database.sqlite.prepare("UPDATE events SET at = 'yesterday' WHERE seq = 7").run();
      const got: StoreEvent[] = [];
      let caughtUp: number | undefined;
      const consumer = new LogConsumer({
        events: log,
        cursor: new MemoryCursor('screen', 0),
        pageSize: 3,
        handler: (events) => void got.push(...events),
        log: { warn: () => {} },
        caughtUp: (seq) => (caughtUp = seq),
      });
      consumer.start();
      for (let i = 0; i < 100 && caughtUp === undefined; i += 1) await new Promise((r) => setTimeout(r, 5));
      consumer.stop();
      expect(got.map((e) => e.seq)).toEqual([1, 3, 4, 5, 6, 8, 9, 10]);
      expect(caughtUp).toBe(10);
      expect(database.health.problems.map((p) => p.key)).toEqual(['events.data:seq=2', 'events.at:seq=7']);
    } finally {
      database.close();
      t.remove();
    }
  });
});
