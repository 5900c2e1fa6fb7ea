/**
 * Stock in the online ordering API, against a running relay, a real broker (aedes) and a fake
 * store box publishing its stock events: the menu offers an item only above its safety stock
 * (and never one the store 86'd), a quote or an order for more than is offered is refused (and the
 * order never sent),
 * the last unit with a safety stock of 0 is ordered and then gone from the menu, the marketplace
 * feed says the same per item, and the chain's view of an item across stores.
 */
import { onlineMenuSchema, uuidv7 } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudRelay } from '../app.js';
import { FakeStore, eventually, startBroker, startRelay, type TestBroker } from '../testing/harness.js';
import { runSampleConfig } from '../testing/sample-config.js';
import { relayEvent } from '../testing/store-events.js';

let broker: TestBroker;
let relay: CloudRelay;
let store: FakeStore;
let api: string;
let seq = 0;

const get = async (path: string) => {
  const res = await fetch(`${api}/api/v1${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const post = async (path: string, body: unknown) => {
  const res = await fetch(`${api}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** The store's next stock event, as its relay publishes it. */
async function stockEvent(type: Parameters<typeof relayEvent>[2], data: { itemId: string }): Promise<void> {
  await store.publish('events', relayEvent('brooklyn', ++seq, type, data, data.itemId));
}

async function menuAvailability(): Promise<Record<string, { available: boolean; reason?: string }>> {
  const { body } = await get('/stores/brooklyn/menu?channel=online');
  const menu = onlineMenuSchema.parse(body);
  return Object.fromEntries(menu.availability.map((a) => [a.itemId, a]));
}

/** Waits until the menu says `available` of an item (its events are in). */
const menuSays = (itemId: string, available: boolean) =>
  eventually(async () => ((await menuAvailability())[itemId]?.available === available ? true : undefined));

type Feed = {
  takingOrders: boolean;
  items: { itemId: string; available: boolean; quantity?: number; reason?: string }[];
};
const feed = async (): Promise<Feed> => (await get('/marketplace/availability?store=brooklyn')).body as unknown as Feed;
const feedItem = async (itemId: string) => (await feed()).items.find((i) => i.itemId === itemId);

function order(lines: { itemId: string; quantity: number }[]) {
  return {
    id: uuidv7(),
    channel: 'online',
    guest: { name: 'Ada' },
    lines: lines.map((l) => ({ ...l, lineId: uuidv7() })),
  };
}

beforeAll(async () => {
  broker = await startBroker();
  relay = await startRelay(broker.url, { overrides: { 'orders.answerTimeoutMs': 2000 } });
  api = relay.url;
  store = new FakeStore('brooklyn', broker.url);
  await store.connect();
  await runSampleConfig(api, store);
  await eventually(async () => (await get('/stores/brooklyn/menu')).status === 200);
});
afterAll(async () => {
  await store?.close();
  await relay?.stop();
  await broker?.stop();
});

describe('stock online', () => {
  it('offers a counted item only above its safety stock, refuses an order past it and sends it nowhere', async () => {
    await stockEvent('stock.counted', { itemId: 'croissant', count: 1, variance: 1 } as { itemId: string });
    await stockEvent('stock.counted', { itemId: 'beans', count: 5, variance: 5 } as { itemId: string });
    await stockEvent('stock.86d', { itemId: 'cookie', name: 'Cookie', reason: 'manual' } as { itemId: string });
    await menuSays('cookie', false);
    const menu = await menuAvailability();
    expect(menu.cookie?.reason).toMatch(/sold out at this store/);
    expect(menu.croissant).toEqual({ itemId: 'croissant', available: true });
    expect(menu.latte?.available).toBe(true); // not counted: always offered

    // The chain keeps one croissant for walk-in guests at every store.
    const set = await post('/admin/stock/safety/croissant', { quantity: 1 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.settings).toEqual([expect.objectContaining({ itemId: 'croissant', quantity: 1 })]);
    await menuSays('croissant', false);
    expect((await menuAvailability()).croissant?.reason).toMatch(/kept for guests in the store/);
    const refused = await post('/stores/brooklyn/orders', order([{ itemId: 'croissant', quantity: 1 }]));
    expect(refused.status).toBe(409);
    expect((refused.body.error as { message: string }).message).toMatch(/"Croissant" is not sold online/);
    // The quote says so before the guest pays.
    const quoted = await post('/stores/brooklyn/quote', { lines: order([{ itemId: 'croissant', quantity: 1 }]).lines });
    expect(quoted.status).toBe(409);
    expect((quoted.body.error as { message: string }).message).toMatch(/"Croissant" is not sold online/);
    expect(await feedItem('croissant')).toMatchObject({ available: false, quantity: 0 });

    // Beans: 5 on hand, 4 kept for the store → one may be ordered online, not two.
    await post('/admin/stock/safety/beans', { storeId: 'brooklyn', quantity: 4 });
    const two = await post('/stores/brooklyn/orders', order([{ itemId: 'beans', quantity: 2 }]));
    expect(two.status).toBe(409);
    expect((two.body.error as { message: string }).message).toBe(
      'only 1 "House blend beans, 12 oz" can be ordered online at this store now',
    );
    const quotedTwo = await post('/stores/brooklyn/quote', { lines: order([{ itemId: 'beans', quantity: 2 }]).lines });
    expect(quotedTwo.status).toBe(409);
    expect(
      (await post('/stores/brooklyn/quote', { lines: order([{ itemId: 'beans', quantity: 1 }]).lines })).status,
    ).toBe(200);
    expect(store.received['orders/in'] ?? []).toHaveLength(0);
  });

  it('sells the last unit online with a safety stock of 0, then takes it off the menu and the feed', async () => {
    // Brooklyn's own setting wins over the chain's.
    expect((await post('/admin/stock/safety/croissant', { storeId: 'brooklyn', quantity: 0 })).status).toBe(200);
    await menuSays('croissant', true);
    expect(await feedItem('croissant')).toEqual({
      itemId: 'croissant',
      name: 'Croissant',
      available: true,
      quantity: 1,
    });
    store.onOrder = (o) => ({
      kind: 'accepted',
      orderId: o.id,
      number: 12,
      paid: false,
      totals: { currency: 'USD', subtotal: 0, discount: 0, tax: 0, total: 0 },
      at: new Date().toISOString(),
    });
    const placed = await post('/stores/brooklyn/orders', order([{ itemId: 'croissant', quantity: 1 }]));
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    // The store took it in the order's transaction: its log says none left, 86'd.
    await stockEvent('stock.sold', {
      itemId: 'croissant',
      orderId: String(placed.body.id),
      lines: [{ lineId: 'l1', quantity: 1 }],
      quantity: 1,
      count: 0,
    } as { itemId: string });
    await stockEvent('stock.86d', { itemId: 'croissant', name: 'Croissant', reason: 'sold-out' } as { itemId: string });
    await menuSays('croissant', false);
    expect(await feedItem('croissant')).toMatchObject({ available: false, quantity: 0 });
    const chain = await get('/admin/stock/items/croissant');
    expect(chain.body).toMatchObject({ itemId: 'croissant', onHand: 0, storesOffering: [], storesOut: ['brooklyn'] });
  });

  it('lists every item of the store’s menu in the feed, none of them while the store is offline', async () => {
    const open = await feed();
    expect(open.takingOrders).toBe(true);
    expect(open.items.map((i) => i.itemId)).toEqual([
      'latte',
      'cold-brew',
      'croissant',
      'cookie',
      'beans',
      'breakfast-combo',
    ]);
    expect(open.items.find((i) => i.itemId === 'beans')).toMatchObject({ available: true, quantity: 1 });
    expect(open.items.find((i) => i.itemId === 'cookie')).toMatchObject({ available: false });
    await store.state(false);
    const closed = await eventually(async () => {
      const f = await feed();
      return f.takingOrders ? undefined : f;
    });
    expect(closed.items.every((i) => !i.available)).toBe(true);
    await store.state(true);
    expect((await get('/marketplace/availability?store=Not A Store')).status).toBe(400);
  });
});
