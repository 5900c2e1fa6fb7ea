/**
 * Store events in a real PGlite database: each (store, seq) applied once under redelivery and
 * replay, in any order, by one or two writers at once; the chain's orders projected the same
 * whatever the arrival order; the store's contiguous head.
 */
import { uuidv7 } from '@tillbox/core';
import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainOrders, storeEvents, stores } from '../db/schema.js';
import { memoryDatabaseForFile } from '../testing/memory-database.js';
import { SAMPLE_STORE, orderLife, relayEvent, shuffled } from '../testing/store-events.js';
import { IngestRepository, eventRow } from './ingest-repository.js';

const file = memoryDatabaseForFile([chainOrders, storeEvents, stores]);
let repo: IngestRepository;
const now = new Date('2025-03-10T19:31:00Z');

beforeAll(() => {
  repo = new IngestRepository(file.db());
});

async function eventCount(storeId = SAMPLE_STORE): Promise<number> {
  const [row] = await file
    .db()
    .select({ n: sql<number>`count(*)::int` })
    .from(storeEvents)
    .where(eq(storeEvents.storeId, storeId));
  return row?.n ?? 0;
}

async function store(id = SAMPLE_STORE) {
  const [row] = await file.db().select().from(stores).where(eq(stores.id, id));
  return row;
}

describe('store events', () => {
  it('applies each (store, seq) once when every event is delivered one to five times', async () => {
    const events = [...orderLife(SAMPLE_STORE, 1), ...orderLife(SAMPLE_STORE, 6, uuidv7(), 2)];
    // Event i is delivered (i % 5) + 1 times, spread over batches of mixed content.
    const deliveries = events.flatMap((e, i) => Array.from({ length: (i % 5) + 1 }, () => e));
    let inserted = 0;
    for (let i = 0; i < deliveries.length; i += 7) {
      inserted += (await repo.apply(deliveries.slice(i, i + 7).map(eventRow), now)).inserted;
    }
    expect(deliveries.length).toBe(30);
    expect(inserted).toBe(10);
    expect(await eventCount()).toBe(10);
    const rows = await file
      .db()
      .select({ seq: storeEvents.seq, type: storeEvents.type })
      .from(storeEvents)
      .orderBy(asc(storeEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await store())?.lastSeq).toBe(10);
    const orders = await file.db().select().from(chainOrders).orderBy(asc(chainOrders.number));
    expect(orders.map((o) => [o.number, o.status, o.payment])).toEqual([
      [1, 'picked_up', 'paid'],
      [2, 'picked_up', 'paid'],
    ]);
  });

  it('a replay of the whole log after a restart changes nothing', async () => {
    const events = orderLife(SAMPLE_STORE, 1).map(eventRow);
    await repo.apply(events, now);
    const before = await file.db().select().from(chainOrders);
    expect((await repo.apply(events, now)).inserted).toBe(0);
    expect(await eventCount()).toBe(5);
    const after = await file.db().select().from(chainOrders);
    expect(after.map(({ updatedAt: _u, ...o }) => o)).toEqual(before.map(({ updatedAt: _u, ...o }) => o));
  });

  it('projects the same order whatever order its events arrive in, and keeps the head below a gap', async () => {
    const id = uuidv7();
    const life = orderLife(SAMPLE_STORE, 1, id, 7);
    await repo.apply(life.map(eventRow), now);
    const [expected] = await file.db().select().from(chainOrders);
    for (const seed of [1, 2, 3, 4, 5]) {
      await file.empty();
      // One event per batch, shuffled: the ready before the placed, the paid after the fired, ...
      for (const e of shuffled(life, seed)) await repo.apply([eventRow(e)], now);
      const [got] = await file.db().select().from(chainOrders);
      const { updatedAt: _a, ...g } = got ?? { updatedAt: null };
      const { updatedAt: _b, ...x } = expected ?? { updatedAt: null };
      expect(g).toEqual(x);
    }
    expect(expected?.status).toBe('picked_up');
    expect(expected?.readyAt?.toISOString()).toBe(life[3]?.at);

    // Seq 7 arrives before 6: the head waits at 5 until the gap is filled.
    const later = orderLife(SAMPLE_STORE, 6);
    await repo.apply([eventRow(later[1] as never)], now);
    expect(await store()).toMatchObject({ lastSeq: 5, maxSeq: 7 });
    await repo.apply([eventRow(later[0] as never)], now);
    expect(await store()).toMatchObject({ lastSeq: 7, maxSeq: 7 });
  });

  it('a counter order fired before it is paid stays in the kitchen when the payment arrives last', async () => {
    const id = uuidv7();
    const life = orderLife(SAMPLE_STORE, 1, id);
    const [placed, paid, fired] = life;
    // Counter order: placed (1), fired (2), paid (3) — delivered paid, placed, fired.
    const asLogged = [
      { ...placed, seq: 1 },
      { ...fired, seq: 2 },
      { ...paid, seq: 3 },
    ].map((e) => eventRow(e as never));
    for (const e of [asLogged[2], asLogged[0], asLogged[1]]) await repo.apply([e as never], now);
    const [order] = await file.db().select().from(chainOrders);
    expect(order).toMatchObject({ status: 'in_kitchen', payment: 'paid' });

    // A kiosk order paid and not yet fired is `paid`, whichever of the two arrived first.
    const kiosk = orderLife(SAMPLE_STORE, 4);
    await repo.apply([eventRow(kiosk[1] as never)], now);
    await repo.apply([eventRow(kiosk[0] as never)], now);
    const [kioskOrder] = await file
      .db()
      .select()
      .from(chainOrders)
      .where(eq(chainOrders.id, kiosk[0]?.subject ?? ''));
    expect(kioskOrder).toMatchObject({ status: 'paid', payment: 'paid', number: 1 });
  });

  it('two writers applying the same deliveries at once store each event once', async () => {
    const other = new IngestRepository(file.db());
    const events = Array.from({ length: 40 }, (_, i) => orderLife(SAMPLE_STORE, i * 5 + 1, uuidv7(), i + 1)).flat();
    const rows = events.map(eventRow);
    const batches = (list: typeof rows) => Array.from({ length: 20 }, (_, i) => list.slice(i * 10, i * 10 + 10));
    const results = await Promise.all([
      ...batches(rows).map((b) => repo.apply(b, now)),
      ...batches(shuffled(rows, 9)).map((b) => other.apply(b, now)),
    ]);
    expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(200);
    expect(await eventCount()).toBe(200);
    expect((await store())?.lastSeq).toBe(200);
    const [n] = await file
      .db()
      .select({ n: sql<number>`count(*)::int` })
      .from(chainOrders);
    expect(n?.n).toBe(40);
  });

  it('keeps events of types it does not know (a newer edge) without projecting them', async () => {
    await repo.apply([eventRow(relayEvent('other-store', 1, 'stock.counted' as never, { sku: 'x' }))], now);
    expect(await eventCount('other-store')).toBe(1);
    expect((await store('other-store'))?.lastSeq).toBe(1);
    expect(await file.db().select().from(chainOrders)).toEqual([]);
  });
});
