import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commerceCatalogSchema,
  LANGUAGES,
  uuidv7,
  type ErrorBody,
  type OrderList,
  type OrderView,
} from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualPinpad } from '../payments/pinpad.js';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';

describe('HTTP API', () => {
  let t: TestEdge;
  /** A counter screen with a cashier signed in, a kiosk and a kitchen screen. */
  let counter: TestClient;
  let kiosk: TestClient;
  let kds: TestClient;
  const web = tempDir('tillbox-web-');

  beforeAll(async () => {
    mkdirSync(join(web.dir, '_app', 'immutable'), { recursive: true });
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>Tillbox</title>');
    writeFileSync(join(web.dir, '_app', 'immutable', 'app.abc123.js'), 'console.log(1)');
    t = await startTestEdge({
      overrides: { 'web.dir': web.dir, 'http.bodyLimitBytes': 4096 },
      pinpad: new VirtualPinpad({ declineAmounts: [299] }),
    });
    counter = await testDevice(t.edge, 'counter', 'cashier');
    kiosk = await testDevice(t.edge, 'kiosk');
    kds = await testDevice(t.edge, 'kds');
  });
  afterAll(async () => {
    await t.stop();
    web.remove();
  });

  const post = (url: string, payload?: unknown, headers: Record<string, string> = {}, as: TestClient = counter) =>
    as.inject({
      method: 'POST',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
    });
  const get = (url: string, as: TestClient = counter) => as.get(url);
  const openOrders = async (): Promise<OrderList> => (await get('/api/v1/orders')).json();

  it('reports health', async () => {
    const res = await get('/api/v1/health', kds);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', storeId: 'demo-store', db: { ok: true } });
  });

  it('serves the demo menu as a commerce catalog: 30+ items in 7 categories, combos, three languages', async () => {
    const res = await get('/api/v1/catalog', kiosk);
    const catalog = commerceCatalogSchema.parse(res.json());
    expect(catalog.categories).toHaveLength(7);
    expect(catalog.items.length).toBeGreaterThanOrEqual(30);
    for (const item of catalog.items)
      for (const lang of LANGUAGES) expect(item.name[lang], `${item.id} in ${lang}`).toBeTruthy();
    const latte = catalog.items.find((i) => i.id === 'latte');
    expect(latte?.variants.map((v) => v.id)).toEqual(['small', 'medium', 'large']);
    expect(latte?.modifierGroupIds).toContain('milk');
    const combo = catalog.items.find((i) => i.id === 'breakfast-combo');
    expect(combo?.combo?.slots.map((s) => s.id)).toEqual(['sandwich', 'drink', 'side']);
    expect(combo?.dayparts).toEqual(['breakfast']);
  });

  it('places an order once per client id: 201, then 200 with the same order', async () => {
    const order = latteOrder();
    const first = await post('/api/v1/orders', order);
    expect(first.statusCode).toBe(201);
    const again = await post('/api/v1/orders', order);
    expect(again.statusCode).toBe(200);
    expect((again.json() as OrderView).number).toBe((first.json() as OrderView).number);
    expect((await openOrders()).orders.filter((o) => o.id === order.id)).toHaveLength(1);
  });

  it.each([
    ['malformed JSON', '{"id": "x", "lines": [', 400, /JSON/],
    ['an unknown item', latteOrder({ lines: [{ itemId: 'moon-cake', quantity: 1 }] }), 400, /unknown item "moon-cake"/],
    [
      'a negative quantity',
      latteOrder({ lines: [{ itemId: 'espresso', quantity: -2 }] }),
      400,
      /quantity must be at least 1/,
    ],
    ['a fractional quantity', latteOrder({ lines: [{ itemId: 'espresso', quantity: 1.5 }] }), 400, /quantity/],
    ['no lines', latteOrder({ lines: [] }), 400, /at least one line/],
    [
      'a missing size',
      latteOrder({ lines: [{ itemId: 'latte', quantity: 1, modifiers: [{ groupId: 'milk', optionId: 'oat' }] }] }),
      400,
      /needs a size/,
    ],
    ['a non-UUIDv7 id', latteOrder({ id: 'order-1' }), 400, /UUIDv7/],
    ['an empty body', undefined, 400, /body/i],
    ['an oversized body', latteOrder({ guestName: 'x'.repeat(5000) }), 413, /larger than 4096 bytes/],
  ])('refuses %s with a reason and changes nothing', async (_name, payload, status, reason) => {
    const before = await openOrders();
    const res = await post('/api/v1/orders', payload);
    expect(res.statusCode).toBe(status);
    const body = res.json() as ErrorBody;
    expect(body.error.message).toMatch(reason);
    const after = await openOrders();
    expect(after.seq).toBe(before.seq);
    expect(after.orders).toHaveLength(before.orders.length);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await post('/api/v1/orders', 'id=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
  });

  it('bumps station tickets, picks up, and refuses a second bump with 409', async () => {
    const placed = (await post('/api/v1/orders', latteOrder())).json() as OrderView;
    const [bar, kitchen] = placed.tickets;
    expect([bar?.station, kitchen?.station]).toEqual(['bar', 'kitchen']);
    expect((await post(`/api/v1/tickets/${bar?.id}/bump`, undefined, {}, kds)).statusCode).toBe(200);
    const twice = await post(`/api/v1/tickets/${bar?.id}/bump`, undefined, {}, kds);
    expect(twice.statusCode).toBe(409);
    expect((twice.json() as ErrorBody).error.message).toBe('this ticket is already bumped');
    const ready = await post(`/api/v1/tickets/${kitchen?.id}/bump`, undefined, {}, kds);
    expect((ready.json() as OrderView).status).toBe('ready');
    expect((await post(`/api/v1/orders/${placed.id}/pick-up`)).statusCode).toBe(200);
    expect((await openOrders()).orders.map((o) => o.id)).not.toContain(placed.id);
    const late = await post(`/api/v1/tickets/${kitchen?.id}/recall`, undefined, {}, kds);
    expect(late.statusCode).toBe(409);
    expect((late.json() as ErrorBody).error.message).toMatch(/picked up/);
    expect((await post(`/api/v1/orders/${uuidv7()}/pick-up`)).statusCode).toBe(404);
    expect((await post(`/api/v1/orders/not-an-id/pick-up`)).statusCode).toBe(400);
    const unknown = await get('/api/v1/kitchen/stations/grill/recall', kds);
    expect(unknown.statusCode).toBe(404);
    expect((unknown.json() as ErrorBody).error.message).toBe('no station "grill" (stations: bar, kitchen)');
  });

  it('takes a kiosk order, charges it on the pinpad and fires it; a declined card is a 402', async () => {
    const placed = (await post('/api/v1/orders', latteOrder({ channel: 'kiosk' }), {}, kiosk)).json() as OrderView;
    expect(placed).toMatchObject({ status: 'placed', payment: 'unpaid' });
    const paid = await post(`/api/v1/orders/${placed.id}/pay`, { method: 'card' }, {}, kiosk);
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'in_kitchen', payment: 'paid' });
    const espresso = (
      await post(
        '/api/v1/orders',
        latteOrder({ channel: 'kiosk', lines: [{ itemId: 'espresso', quantity: 1 }] }),
        {},
        kiosk,
      )
    ).json() as OrderView;
    const declined = await post(`/api/v1/orders/${espresso.id}/pay`, { method: 'card' }, {}, kiosk);
    expect(declined.statusCode).toBe(402);
    expect((declined.json() as ErrorBody).error.code).toBe('payment-declined');
    const bad = await post(`/api/v1/orders/${espresso.id}/pay`, { method: 'card', tendered: 500 }, {}, kiosk);
    expect(bad.statusCode).toBe(400);
  });

  it('serves the kitchen configuration', async () => {
    const res = await get('/api/v1/kitchen/config', kds);
    expect(res.json()).toMatchObject({ stations: [{ id: 'bar' }, { id: 'kitchen' }], bumpBar: { bump: 'Enter' } });
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const doc = (await t.edge.http.inject({ url: '/api/v1/openapi.json' })).json() as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/health',
        '/api/v1/catalog',
        '/api/v1/orders',
        '/api/v1/orders/{id}/pay',
        '/api/v1/orders/{id}/pick-up',
        '/api/v1/tickets/{id}/bump',
        '/api/v1/tickets/{id}/items/{lineId}/bump',
        '/api/v1/kitchen/stations/{station}/undo',
        '/api/v1/reports/speed-of-service',
      ]),
    );
    const placeSchema = doc.paths['/api/v1/orders']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(placeSchema?.properties ?? {})).toEqual(expect.arrayContaining(['id', 'channel', 'lines']));
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect((res.json() as ErrorBody).error.code).toBe('not-found');
  });

  it('serves the web app: screens fall back to the app shell, hashed assets are cached immutably', async () => {
    const kds = await t.edge.http.inject({ url: '/kds/bar' });
    expect(kds.statusCode).toBe(200);
    expect(kds.body).toContain('<title>Tillbox</title>');
    expect(kds.headers['cache-control']).toBe('no-cache');
    const asset = await t.edge.http.inject({ url: '/_app/immutable/app.abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await t.edge.http.inject({ url: '/_app/immutable/missing.js' })).statusCode).toBe(404);
  });
});
