/**
 * The store box checks its log against the cloud's copy on connecting (`events.since` over a real
 * broker, aedes in process; the cloud's side a fake speaking the real wire format): a foreign,
 * malformed or gapped answer is refused with the reason and writes nothing; another event at a seq
 * the store holds is a conflict an admin sees, and the outbox stops sending. Restored events reach a
 * screen following the stream, and open no drawer. A whole restore
 * against the real cloud relay: tests/system/cloud-restore.test.ts.
 */
import { copyFileSync } from 'node:fs';
import { uuidv7, type RelayEvent, type StoreEvent } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CursorRepository, MemoryCursor } from '../events/cursor-repository.js';
import { LogConsumer } from '../events/log-consumer.js';
import { isRestoredEvent, LogRestore } from '../events/log-restore.js';
import { restoreOrders } from '../orders/order-restore.js';
import { CloudRestore } from './cloud-restore.js';
import { TestBroker, TestCloud, until } from '../testing/test-broker.js';
import { latteOrder, startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';
import { testDevice } from '../testing/test-actors.js';

const STORE = 'demo-store';

type Page = { lastSeq: number; events: RelayEvent[] };

const asRelayed = (e: StoreEvent, storeId = STORE): RelayEvent => ({ ...e, storeId });

describe("checking the store's log against the cloud's copy", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** A store with three orders in its log, started again with its relay on a broker where `answer` plays the cloud. */
  async function storeBox(answer: (afterSeq: number, local: StoreEvent[]) => Page): Promise<{
    t: TestEdge;
    cloud: TestCloud;
    head: number;
    local: StoreEvent[];
  }> {
    const folder = tempDir();
    cleanups.push(folder.remove);
    const first = await startTestEdge({ dataDir: folder.dir });
    const counter = await testDevice(first.edge, 'counter', 'cashier');
    for (let i = 0; i < 3; i++) expect((await counter.post('/api/v1/orders', latteOrder())).statusCode).toBe(201);
    const local = first.edge.caps.events.readSince(0, { limit: 10_000 });
    await first.stop();

    const broker = await new TestBroker().start();
    cleanups.push(() => broker.stop());
    const cloud = await TestCloud.connect(broker.url, STORE);
    cleanups.push(() => cloud.end());
    cloud.respond((r) => {
      if (r.method !== 'events.since') return { id: r.id, ok: false, error: { code: 'not-found', message: 'no' } };
      return { id: r.id, ok: true, result: answer((r.params as { afterSeq: number }).afterSeq, local) };
    });
    const t = await startTestEdge({
      dataDir: folder.dir,
      overrides: { 'relay.url': broker.url, 'relay.protocol': '3.1.1', 'relay.reconnectMs': 100 },
    });
    cleanups.push(() => t.stop());
    return { t, cloud, head: local.length, local };
  }

  const outcomeOf = async (t: TestEdge) => {
    await until('the check', () => t.edge.relay.cloudLog !== undefined);
    return t.edge.relay.cloudLog;
  };
  const tables = (t: TestEdge) =>
    t.edge.database.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM orders) AS orders,
          (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM payments) AS payments`,
      )
      .get();

  it('refuses an answer with another store’s event, a payload the catalogue refuses, or a gap, and writes nothing', async () => {
    let bad: 'foreign' | 'payload' | 'gap' | 'none' = 'foreign';
    const { t, head, local } = await storeBox((afterSeq, events) => {
      const mine = events.filter((e) => e.seq > afterSeq).map((e) => asRelayed(e));
      const placed = events.find((e) => e.type === 'order.placed');
      if (!placed || bad === 'none') return { lastSeq: head, events: mine };
      const extra = { ...asRelayed(placed), seq: head + 1, id: uuidv7() };
      if (bad === 'foreign') extra.storeId = 'other-store';
      if (bad === 'payload') extra.data = { ...(placed.data as Record<string, unknown>), lines: 'two lattes' };
      if (bad === 'gap') extra.seq = head + 2;
      return { lastSeq: extra.seq, events: [...mine, extra] };
    });
    const before = tables(t);
    expect(await outcomeOf(t)).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining(`event seq ${head + 1} (order.placed) belongs to store "other-store"`),
    });
    const [problem] = t.edge.database.health.problems;
    expect(problem).toMatchObject({
      kind: 'cloud-log',
      message: expect.stringContaining('Nothing from there on was restored'),
    });

    bad = 'payload';
    expect(await t.edge.relay.checkCloudLog()).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('does not match the event catalogue: event "order.placed" v1'),
    });
    bad = 'gap';
    expect(await t.edge.relay.checkCloudLog()).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining(`event seq ${head + 2} (order.placed) came where seq ${head + 1} was due`),
    });
    expect(tables(t)).toEqual(before);
    expect(t.edge.caps.events.lastSeq).toBe(head);
    expect(t.edge.caps.events.readSince(0, { limit: 10_000 })).toEqual(local);

    // The cloud's copy as the store has it: in step, and the health is clear again.
    bad = 'none';
    expect(await t.edge.relay.checkCloudLog()).toEqual({ kind: 'in-step', cloudSeq: head });
    expect(t.edge.database.health.problems).toEqual([]);
  });

  it('shows a conflict when the cloud holds other events at the store’s seqs, overwrites nothing and stops sending', async () => {
    const { t, cloud, head, local } = await storeBox((afterSeq, events) => ({
      lastSeq: head,
      events: events.filter((e) => e.seq > afterSeq).map((e) => ({ ...asRelayed(e), id: uuidv7() })),
    }));
    const outcome = await outcomeOf(t);
    expect(outcome).toMatchObject({ kind: 'conflict', cloudSeq: head, toSeq: head });
    const [problem] = t.edge.database.health.problems;
    expect(problem?.kind).toBe('cloud-log');
    expect(problem?.message).toMatch(/differ at \d+ events \(seq \d+–\d+\).*Nothing was overwritten/);
    expect(t.edge.caps.events.readSince(0, { limit: 10_000 })).toEqual(local);

    // The store keeps selling; its new events stay in its log, not sent to the cloud.
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    expect((await counter.post('/api/v1/orders', latteOrder())).statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 500));
    expect(cloud.of<RelayEvent>('events').filter((e) => e.seq > head)).toEqual([]);
    expect(t.edge.caps.events.lastSeq).toBeGreaterThan(head);
  });

  it('hands the restored events to a screen following the stream, and opens no drawer for their cash', async () => {
    // The box before the loss: a drawer open, then (after a backup) cash sales, each kicking the drawer.
    const folder = tempDir();
    cleanups.push(folder.remove);
    const a = await startTestEdge({ dataDir: folder.dir });
    const counter = await testDevice(a.edge, 'counter', 'cashier');
    const drawer = (await counter.get('/api/v1/drawers')).json<{ mine: string }>().mine;
    expect((await counter.post(`/api/v1/drawers/${drawer}/open`, { amount: 10_000 })).statusCode).toBe(201);
    await until('the opening kick', () =>
      a.edge.caps.events.readSince(0).some((e) => e.type === 'drawer.kick-requested'),
    );
    const backup = `${folder.dir}/backup.sqlite`;
    await a.edge.database.sqlite.backup(backup);
    const backupHead = a.edge.caps.events.lastSeq;
    for (let i = 0; i < 2; i++) {
      const order = (await counter.post('/api/v1/orders', latteOrder())).json<{ id: string }>();
      expect(
        (await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'cash', tendered: 5_000 })).statusCode,
      ).toBe(200);
    }
    const kicks = (events: StoreEvent[]) => events.filter((e) => e.type === 'drawer.kick-requested').length;
    await until('the sales kicks', () => kicks(a.edge.caps.events.readSince(0, { limit: 10_000 })) === 3);
    const cloudCopy = a.edge.caps.events.readSince(0, { limit: 10_000 });
    await a.stop();

    // The backup, with a cloud that answers only once a screen follows the stream.
    const dir = tempDir();
    cleanups.push(dir.remove);
    copyFileSync(backup, `${dir.dir}/tillbox.sqlite`);
    const broker = await new TestBroker().start();
    cleanups.push(() => broker.stop());
    const cloud = await TestCloud.connect(broker.url, STORE);
    cleanups.push(() => cloud.end());
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    cloud.respond((r) => {
      const afterSeq = (r.params as { afterSeq: number }).afterSeq;
      const page: Page = {
        lastSeq: cloudCopy.length,
        events: cloudCopy.filter((e) => e.seq > afterSeq).map((e) => asRelayed(e)),
      };
      return gate.then(() => ({ id: r.id, ok: true, result: page }));
    });
    const b = await startTestEdge({
      dataDir: dir.dir,
      overrides: { 'relay.url': broker.url, 'relay.protocol': '3.1.1', 'relay.reconnectMs': 100 },
    });
    cleanups.push(() => b.stop());
    expect(b.edge.caps.events.lastSeq).toBe(backupHead);
    const heard: number[] = [];
    const screen = new LogConsumer({
      events: b.edge.caps.events,
      cursor: new MemoryCursor('kds', backupHead),
      handler: (events) => void heard.push(...events.map((e) => e.seq)),
      log: { warn: () => {} },
    });
    screen.start();
    cleanups.push(() => screen.stop());
    release();
    await until('restored', () => b.edge.relay.cloudLog?.kind === 'restored');
    const head = b.edge.caps.events.lastSeq;
    await until('the screen heard it all', () => heard.at(-1) === head);
    expect(heard).toEqual(Array.from({ length: head - backupHead }, (_, i) => backupHead + 1 + i));
    await new Promise((r) => setTimeout(r, 200));
    const log = b.edge.caps.events.readSince(0, { limit: 10_000 });
    expect(kicks(log)).toBe(3);
    expect(log.at(-1)?.type).toBe('log.restored');
    // Read back from the log (other objects than the restore announced), the restored events are
    // still known as restored (a print consumer reading pages makes no job for them); the rest not.
    const restored = (e: StoreEvent) => isRestoredEvent(b.edge.caps.events, e);
    expect(log.filter(restored).map((e) => e.seq)).toEqual(
      Array.from({ length: head - 1 - backupHead }, (_, i) => backupHead + 1 + i),
    );
    expect(log.filter((e) => e.seq <= backupHead || e.type === 'log.restored').some(restored)).toBe(false);
  });

  it('restores a long log a chunk at a time: an order placed in one chunk and paid in the next is whole', async () => {
    const a = await startTestEdge();
    cleanups.push(() => a.stop());
    const counter = await testDevice(a.edge, 'counter', 'cashier');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const order = (await counter.post('/api/v1/orders', latteOrder())).json<{ id: string }>();
      ids.push(order.id);
      expect((await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' })).statusCode).toBe(200);
    }
    const copy = a.edge.caps.events.readSince(0, { limit: 10_000 }).map((e) => asRelayed(e));
    const b = await startTestEdge();
    cleanups.push(() => b.stop());
    const { db } = b.edge.database;
    const cursors = new CursorRepository(db);
    const writes: number[] = [];
    const restore = new CloudRestore({
      storeId: STORE,
      page: async (afterSeq, limit) => ({
        lastSeq: copy.length,
        events: copy.filter((e) => e.seq > afterSeq).slice(0, Math.min(limit, 4)),
      }),
      checkedThrough: () => 0,
      writer: new LogRestore({
        storeId: STORE,
        db,
        events: b.edge.caps.events,
        cursors,
        projections: [
          (tx, restored) => {
            writes.push(restored.length);
            restoreOrders(tx, b.edge.caps.orderRepository, restored);
          },
        ],
      }),
      cursors,
      restoredCursors: ['mqtt-relay'],
      writeChunk: 5,
      health: b.edge.database.health,
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    expect(await restore.run()).toEqual({
      kind: 'restored',
      cloudSeq: copy.length,
      count: copy.length,
      fromSeq: 1,
      toSeq: copy.length,
    });
    expect(writes.length).toBeGreaterThan(2);
    for (const id of ids) expect(b.edge.caps.orderRepository.find(id)).toEqual(a.edge.caps.orderRepository.find(id));
    expect(cursors.seq('mqtt-relay')).toBe(copy.length);
    // One log.restored for the whole restore, after every restored seq.
    expect(b.edge.caps.events.readSince(0, { limit: 10_000 }).filter((e) => e.type === 'log.restored')).toMatchObject([
      { seq: copy.length + 1, data: { source: 'cloud', count: copy.length, fromSeq: 1, toSeq: copy.length } },
    ]);
  });
});
