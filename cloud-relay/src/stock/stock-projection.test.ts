/**
 * The chain's stock projected from store events in a real PGlite database: each store's level is
 * what its log says after its last stock event, whether the events arrive once, one to five times,
 * shuffled, or an older one after a newer; and the online throttle of safety stock.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { stockLevels, storeEvents, stores } from '../db/schema.js';
import { IngestRepository, eventRow } from '../ingest/ingest-repository.js';
import { memoryDatabaseForFile } from '../testing/memory-database.js';
import { relayEvent, shuffled } from '../testing/store-events.js';
import { onlineOffer, cartItemQuantities } from './stock-projection.js';
import { StockRepository } from './stock-repository.js';
import { CloudStock } from './stock-service.js';
import type { StoreService } from '../stores/store-service.js';
import type { StoreRepository } from '../stores/store-repository.js';

const file = memoryDatabaseForFile([stockLevels, storeEvents, stores]);
let ingest: IngestRepository;
const now = new Date('2025-03-10T19:31:00Z');

beforeAll(() => {
  const stock = new CloudStock({
    repository: new StockRepository(file.db()),
    // Not asked for anything by the projection.
    stores: {} as StoreService,
    storeRows: {} as StoreRepository,
  });
  ingest = new IngestRepository(file.db(), [(tx, fresh, at) => stock.applyIngested(tx, fresh, at)]);
});

const orderId = '0190a1b2-0000-7000-8000-000000000001';
const sold = (count: number, quantity = 1) => ({
  itemId: 'croissant',
  orderId,
  lines: [{ lineId: 'l1', quantity }],
  quantity,
  count,
});

/** A day of one store's croissants: counted 3, two sold, the last sold (86'd), a batch, one wasted, 86'd by hand. */
function croissantDay(storeId: string) {
  const steps: [Parameters<typeof relayEvent>[2], unknown][] = [
    ['stock.counted', { itemId: 'croissant', count: 3, variance: 3 }],
    ['stock.sold', sold(2)],
    ['stock.sold', sold(1)],
    ['stock.sold', sold(0)],
    ['stock.86d', { itemId: 'croissant', name: 'Croissant', reason: 'sold-out' }],
    ['stock.received', { itemId: 'croissant', quantity: 6, count: 6, note: 'second bake' }],
    ['stock.un86d', { itemId: 'croissant', reason: 'restocked' }],
    ['stock.wasted', { itemId: 'croissant', quantity: 1, count: 5, reason: 'dropped' }],
    ['stock.86d', { itemId: 'croissant', name: 'Croissant', reason: 'manual', note: 'oven down' }],
  ];
  return steps.map(([type, data], i) => relayEvent(storeId, i + 1, type, data, 'croissant'));
}

async function level(storeId: string) {
  const rows = await file.db().select().from(stockLevels).where(eq(stockLevels.storeId, storeId));
  return rows.map((r) => ({
    itemId: r.itemId,
    tracked: r.tracked,
    count: r.count,
    eightySixed: r.eightySixed,
    note: r.eightySixNote,
  }));
}

const END_OF_DAY = [{ itemId: 'croissant', tracked: true, count: 5, eightySixed: 'manual', note: 'oven down' }];

describe('the chain’s stock from store events', () => {
  it('is the store’s count and 86 after its last stock event, each event applied once however often it comes', async () => {
    const events = croissantDay('brooklyn');
    const deliveries = shuffled(
      events.flatMap((e, i) => Array.from({ length: (i % 5) + 1 }, () => e)),
      7,
    );
    let inserted = 0;
    for (let i = 0; i < deliveries.length; i += 4)
      inserted += (await ingest.apply(deliveries.slice(i, i + 4).map(eventRow), now)).inserted;
    expect(inserted).toBe(events.length);
    expect(await level('brooklyn')).toEqual(END_OF_DAY);
  });

  it('never goes back to an older event that arrives after a newer one', async () => {
    const events = croissantDay('queens');
    // The end of the day first, then the rest one by one from the newest back.
    for (const e of [...events].reverse()) await ingest.apply([eventRow(e)], now);
    expect(await level('queens')).toEqual(END_OF_DAY);
    // After the last sale, before the batch: counted, none left, sold out.
    await file.db().delete(stockLevels);
    await file.db().delete(storeEvents);
    for (const e of events.slice(0, 5)) await ingest.apply([eventRow(e)], now);
    expect(await level('queens')).toEqual([
      { itemId: 'croissant', tracked: true, count: 0, eightySixed: 'sold-out', note: null },
    ]);
  });

  it('keeps stores apart, and an item no longer counted nor 86’d is not listed', async () => {
    await ingest.apply(croissantDay('brooklyn').map(eventRow), now);
    await ingest.apply(
      [
        relayEvent('soho', 1, 'stock.counted', { itemId: 'croissant', count: 2, variance: 2 }, 'croissant'),
        relayEvent('soho', 2, 'stock.untracked', { itemId: 'croissant', count: 2 }, 'croissant'),
      ].map(eventRow),
      now,
    );
    expect(await level('soho')).toEqual([
      { itemId: 'croissant', tracked: false, count: 0, eightySixed: null, note: null },
    ]);
    expect(await new StockRepository(file.db()).levels('soho')).toEqual([]);
    expect(await level('brooklyn')).toEqual(END_OF_DAY);
  });
});

describe('what a store offers online', () => {
  const counted = (count: number) => ({ itemId: 'juice', tracked: true, count, eightySixed: null });

  it('only above the safety stock, and at most what is above it', () => {
    expect(onlineOffer(counted(1), 0, 'Juice')).toEqual({ offered: true, quantity: 1 });
    expect(onlineOffer(counted(3), 2, 'Juice')).toEqual({ offered: true, quantity: 1 });
    expect(onlineOffer(counted(2), 2, 'Juice')).toMatchObject({ offered: false, quantity: 0 });
    expect(onlineOffer(counted(2), 2, 'Juice').reason).toMatch(/kept for guests in the store/);
    expect(onlineOffer(counted(0), 0, 'Juice')).toMatchObject({
      offered: false,
      reason: '"Juice" is sold out at this store',
    });
  });

  it('never when 86’d, and always when the store does not count it', () => {
    expect(onlineOffer({ ...counted(9), eightySixed: 'manual' }, 0, 'Juice').offered).toBe(false);
    expect(onlineOffer({ itemId: 'latte', tracked: false, count: 0, eightySixed: null }, 5, 'Latte')).toEqual({
      offered: true,
    });
    expect(onlineOffer(undefined, 5, 'Latte')).toEqual({ offered: true });
  });

  it('counts a cart’s items with the items chosen in its combos', () => {
    const quantities = cartItemQuantities([
      { itemId: 'juice', quantity: 2 },
      { itemId: 'breakfast-combo', quantity: 1, slots: [{ itemId: 'juice' }, { itemId: 'croissant' }] },
    ]);
    expect(Object.fromEntries(quantities)).toEqual({ juice: 3, 'breakfast-combo': 1, croissant: 1 });
  });
});
