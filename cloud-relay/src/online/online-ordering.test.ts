/**
 * Online ordering over HTTP against a running relay, a real broker (aedes) and a fake store box
 * speaking the core's payloads: the menu and quote priced exactly as the core's engine prices the
 * sample store's cart; orders refused with a clear reason while the store is offline; placed,
 * accepted and followed to "ready"; rejected with the store's reason.
 */
import {
  createPricingEngine,
  onlineMenuSchema,
  pricingCartSchema,
  pricingContextSchema,
  priceWithEngine,
  totalsOf,
  usStoreExample,
  uuidv7,
} from '@tillbox/core';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudRelay } from '../app.js';
import { FakeStore, eventually, startBroker, startRelay, type TestBroker } from '../testing/harness.js';
import { runSampleConfig } from '../testing/sample-config.js';

let broker: TestBroker;
let relay: CloudRelay;
let store: FakeStore;
let api: string;
let versions: Record<string, number>;

/** The sample cart with UUIDv7 line ids, as an app builds it. */
const cartLines = usStoreExample.cart.lines.map((l) => ({ ...l, lineId: uuidv7() }));

const post = (path: string, body: unknown) =>
  fetch(`${api}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const get = (path: string) => fetch(`${api}/api/v1${path}`);

function order(overrides: Record<string, unknown> = {}) {
  return { id: uuidv7(), channel: 'online', guest: { name: 'Ada' }, lines: cartLines, ...overrides };
}

beforeAll(async () => {
  broker = await startBroker();
  relay = await startRelay(broker.url, { overrides: { 'orders.answerTimeoutMs': 2000 } });
  api = relay.url;
  store = new FakeStore('brooklyn', broker.url);
  await store.connect();
  versions = await runSampleConfig(api, store);
  await eventually(async () => {
    const res = await get('/stores/brooklyn/menu');
    return res.status === 200;
  });
});
afterAll(async () => {
  await store?.close();
  await relay?.stop();
  await broker?.stop();
});

describe('online ordering', () => {
  it('prices the sample cart to the cent as the core engine does with the same configuration', async () => {
    const res = await post('/stores/brooklyn/quote', { channel: 'online', orderType: 'pickup', lines: cartLines });
    const quote = (await res.json()) as {
      at: string;
      versions: Record<string, number>;
      totals: unknown;
      lines: { lineId: string; unitPrice: number; lineTotal: number; discount: number; tax: number; total: number }[];
      pricing: { discounts: unknown[] };
    };
    expect(res.status, JSON.stringify(quote)).toBe(200);
    expect(quote.versions).toMatchObject(versions);
    const engine = createPricingEngine(usStoreExample.catalog, usStoreExample.rules);
    const expected = priceWithEngine(
      engine,
      pricingCartSchema.parse({ lines: cartLines }),
      pricingContextSchema.parse({ storeId: 'brooklyn', channel: 'online', orderType: 'pickup', at: quote.at }),
    );
    expect(quote.totals).toEqual(totalsOf(expected));
    expect(quote.lines.map((l) => [l.lineId, l.unitPrice, l.lineTotal, l.discount, l.tax, l.total])).toEqual(
      expected.lines.map((l) => [l.lineId, l.unitPrice, l.lineTotal, l.discount, l.tax, l.total]),
    );
    expect(quote.pricing.discounts).toHaveLength(expected.applied.length);
  });

  it('the menu is the store’s active catalog, with what can be sold online now', async () => {
    const res = await get('/stores/brooklyn/menu?channel=online');
    const menu = onlineMenuSchema.parse(await res.json());
    expect(res.status).toBe(200);
    expect(menu.catalog.items.map((i) => i.id)).toEqual(usStoreExample.catalog.items.map((i) => i.id));
    expect(menu.availability.map((a) => a.itemId)).toContain('latte');
    // With the rules the store runs, a guest's page prices the cart to the cent of the quote.
    const quote = (await (
      await post('/stores/brooklyn/quote', { channel: 'online', orderType: 'pickup', lines: cartLines })
    ).json()) as { at: string; totals: { total: number } };
    const onPage = priceWithEngine(
      createPricingEngine(menu.catalog, menu.rules),
      pricingCartSchema.parse({ lines: cartLines }),
      pricingContextSchema.parse({ storeId: 'brooklyn', channel: 'online', orderType: 'pickup', at: quote.at }),
    );
    expect(totalsOf(onPage).total).toBe(quote.totals.total);
  });

  it('refuses an order for a store that is offline, or never reported, with a clear reason, and sends nothing', async () => {
    const queens = new FakeStore('queens', broker.url);
    await queens.connect();
    try {
      let res = await post('/stores/queens/orders', order());
      let body = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status).toBe(503);
      expect(body.error).toMatchObject({ code: 'unavailable' });
      expect(body.error.message).toMatch(/queens.*never reported.*not taking online orders/);

      await queens.state(false); // what the broker publishes as its last will
      await eventually(async () => {
        res = await post('/stores/queens/orders', order());
        body = (await res.json()) as typeof body;
        return /is offline/.test(body.error.message);
      });
      expect(res.status).toBe(503);
      expect(body.error.message).toMatch(/store "queens" is offline.*not taking online orders right now/);
      expect(queens.received['orders/in']).toBeUndefined();
    } finally {
      await queens.close();
    }
  });

  it('places an order with the store, which accepts it, and follows it to ready', async () => {
    store.onOrder = (o) => ({
      kind: 'accepted',
      orderId: o.id,
      number: 57,
      paid: false,
      totals: quoteTotals(o.id),
      at: now(),
    });
    const placed = order();
    const res = await post('/stores/brooklyn/orders', placed);
    const view = (await res.json()) as { state: string; phase: string; number: number; totals: { total: number } };
    expect(res.status, JSON.stringify(view)).toBe(201);
    expect(view).toMatchObject({ state: 'accepted', phase: 'placed', number: 57 });
    const sent = store.received['orders/in']?.find((o) => o.id === placed.id);
    expect(sent?.lines.map((l) => l.lineId)).toEqual(cartLines.map((l) => l.lineId));

    // The same id again is the same order: answered again, not sent again.
    const again = await post('/stores/brooklyn/orders', placed);
    expect(again.status).toBe(201);
    expect(store.received['orders/in']?.filter((o) => o.id === placed.id)).toHaveLength(1);

    // Status messages, one delivered twice and one out of order: the highest seq wins.
    await store.publish('orders/out', { kind: 'status', orderId: placed.id, status: 'fired', seq: 10, at: now() });
    await store.publish('orders/out', { kind: 'status', orderId: placed.id, status: 'ready', seq: 12, at: now() });
    await store.publish('orders/out', { kind: 'status', orderId: placed.id, status: 'fired', seq: 10, at: now() });
    const ready = await eventually(async () => {
      const v = (await (await get(`/orders/${placed.id}`)).json()) as { phase: string; status: string };
      return v.phase === 'ready' ? v : undefined;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(await (await get(`/orders/${placed.id}`)).json()).toMatchObject({ phase: 'ready', status: 'ready' });
    expect(ready.status).toBe('ready');
  });

  it('answers the store’s refusal with its code and reason; the same id with another cart is a conflict', async () => {
    store.onOrder = (o) => ({
      kind: 'rejected',
      orderId: o.id,
      code: 'not-found',
      reason: '"Latte" is sold out',
      details: [],
      at: now(),
    });
    const placed = order();
    const res = await post('/stores/brooklyn/orders', placed);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBe(404);
    expect(body.error.message).toBe('the store refused the order: "Latte" is sold out');

    const changed = await post('/stores/brooklyn/orders', { ...placed, lines: cartLines.slice(0, 1) });
    expect(changed.status).toBe(409);
  });

  it('refuses a prepaid amount that is not the store’s total, and an item the menu does not have', async () => {
    store.onOrder = undefined;
    const wrong = await post(
      '/stores/brooklyn/orders',
      order({ payment: { method: 'external', amount: 1, reference: 'app-1' } }),
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/price the cart again/);
    const ghost = await post(
      '/stores/brooklyn/orders',
      order({ lines: [{ lineId: uuidv7(), itemId: 'ghost', quantity: 1 }] }),
    );
    expect(ghost.status).toBe(400);
    expect(((await ghost.json()) as { error: { message: string } }).error.message).toMatch(/ghost/);
  });

  it('answers 202 when the store has not answered in time; the order page shows it as sent', async () => {
    store.onOrder = undefined;
    const placed = order();
    const res = await post('/stores/brooklyn/orders', placed);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ state: 'pending', phase: 'sent' });
  });

  it('publishes a valid OpenAPI 3.1 document', async () => {
    const doc = (await (await get('/openapi.json')).json()) as object;
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });
});

const now = () => new Date().toISOString();

/** The totals the cloud quoted for an order (the store prices it the same). */
function quoteTotals(_orderId: string) {
  const engine = createPricingEngine(usStoreExample.catalog, usStoreExample.rules);
  const priced = priceWithEngine(
    engine,
    pricingCartSchema.parse({ lines: cartLines }),
    pricingContextSchema.parse({ storeId: 'brooklyn', channel: 'online', orderType: 'pickup', at: now() }),
  );
  return totalsOf(priced);
}
