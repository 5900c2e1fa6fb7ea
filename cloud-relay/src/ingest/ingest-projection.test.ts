/**
 * The order projection is written before a batch's events (in a transaction of its own that lets
 * the order rows go at once): a batch delivered again comes out the same, and an event that takes
 * up a (store, seq) already stored as another event changes nothing, in the projection as in the log.
 */
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainOrders, storeEvents, stores } from '../db/schema.js';
import { memoryDatabaseForFile } from '../testing/memory-database.js';
import { SAMPLE_STORE, orderLife, shuffled } from '../testing/store-events.js';
import { IngestRepository, eventRow } from './ingest-repository.js';

const file = memoryDatabaseForFile([chainOrders, storeEvents, stores]);
let repo: IngestRepository;
const now = new Date('2025-03-10T19:31:00Z');

beforeAll(() => {
  repo = new IngestRepository(file.db());
});

const orders = () => file.db().select().from(chainOrders).orderBy(asc(chainOrders.number));
const withoutTimes = (rows: Awaited<ReturnType<typeof orders>>) => rows.map(({ updatedAt: _u, ...row }) => row);

describe('the order projection beside the event log', () => {
  it('comes out the same when batches are delivered again, whole or in part, in any order', async () => {
    const life = [...orderLife(SAMPLE_STORE, 1, undefined, 1), ...orderLife(SAMPLE_STORE, 6, undefined, 2)].map(
      eventRow,
    );
    await repo.apply(life, now);
    const once = withoutTimes(await orders());
    expect(once.map((o) => [o.number, o.status, o.payment])).toEqual([
      [1, 'picked_up', 'paid'],
      [2, 'picked_up', 'paid'],
    ]);
    const again = shuffled(life, 7);
    expect(await repo.apply(again.slice(0, 4), now)).toEqual({ inserted: 0 });
    expect(await repo.apply(again, now)).toEqual({ inserted: 0 });
    expect(withoutTimes(await orders())).toEqual(once);
  });

  it('leaves out an event that takes up a (store, seq) stored as another event', async () => {
    const first = orderLife(SAMPLE_STORE, 1, undefined, 1).map(eventRow);
    await repo.apply(first.slice(0, 2), now); // placed and paid
    // The store lost its tail and sold on from seq 2: another order's placing at a stored seq.
    const [otherPlaced] = orderLife(SAMPLE_STORE, 2, undefined, 9).map(eventRow);
    expect(await repo.apply([otherPlaced!], now)).toEqual({ inserted: 0 });
    expect((await orders()).map((o) => [o.number, o.status])).toEqual([[1, 'paid']]);
    const [stored] = await file.db().select().from(storeEvents).where(eq(storeEvents.seq, 2));
    expect(stored?.id).toBe(first[1]?.id);
  });
});
