/**
 * The cloud and the store box together over the deployed broker: configuration published from the
 * cloud (an invalid version refused with the reason and never sent; a valid one active at the store
 * and used by its next order), an online order placed in the cloud reaching the store's kitchen and
 * its "ready" coming back, and an online order for a store that went offline refused with a clear
 * reason.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7, type OrderView } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulesDocuments } from '../../cloud-relay/src/configuration/store-config.js';
import { demoCatalog } from '../../edge/server/src/catalog/demo-catalog.js';
import { demoRules } from '../../edge/server/src/catalog/demo-rules.js';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { demoHeaders, type Headers } from '../support/credentials.js';
import type { EdgeProcess } from '../support/edge-process.js';
import { DEMO_STORE, startChain, type Chain } from './support/chain.js';
import { ADMIN_TOKEN } from './support/cloud-relay-process.js';
import { waitFor } from './support/guard.js';
import { relayStatus } from './support/store-box.js';

interface ConfigRow {
  kind: string;
  version: number;
  state: 'pending' | 'active' | 'refused';
  reason?: string;
}

describe('online orders and configuration from the cloud', () => {
  let chain: Chain;
  let dataDir: string;
  let edge: EdgeProcess;
  let counter: Headers;
  let kds: Headers;
  let admin: Headers;
  let cloud: string;

  const api = async (method: string, path: string, body?: unknown, token = false): Promise<Response> =>
    fetch(`${cloud}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const publish = (kind: string, document: unknown): Promise<Response> =>
    api('POST', `/admin/stores/${DEMO_STORE}/config/${kind}`, { document }, true);
  const versions = async (): Promise<ConfigRow[]> =>
    (
      (await (await api('GET', `/admin/stores/${DEMO_STORE}/config`, undefined, true)).json()) as {
        versions: ConfigRow[];
      }
    ).versions;
  const storeActive = async (): Promise<Record<string, number>> =>
    (await relayStatus(edge.url, admin)).state.config as Record<string, number>;
  const counterOrder = async (): Promise<OrderView> => {
    const res = await fetch(`${edge.url}/api/v1/orders`, {
      method: 'POST',
      headers: counter,
      body: JSON.stringify(latteOrder()),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as OrderView;
  };
  const onlineCart = () => [
    { lineId: uuidv7(), itemId: 'latte', variantId: 'medium', quantity: 1 },
    { lineId: uuidv7(), itemId: 'croissant', quantity: 2 },
  ];

  beforeAll(async () => {
    chain = await startChain({ name: 'online', stores: [DEMO_STORE], relays: 2 });
    cloud = chain.relays[0]!.url;
    dataDir = mkdtempSync(join(chain.root, 'store-'));
    edge = await chain.startEdge({ dataDir });
    [counter, kds, admin] = await Promise.all([
      demoHeaders(edge.url, 'counter', 'cashier'),
      demoHeaders(edge.url, 'kds'),
      demoHeaders(edge.url, 'admin', 'admin'),
    ]);
    // The chain runs the demo store's own menu and rules, published from the cloud.
    const documents = { catalog: demoCatalog, ...rulesDocuments(demoRules) };
    for (const [kind, document] of Object.entries(documents)) {
      const res = await publish(kind, document);
      expect(res.status, await res.clone().text()).toBe(201);
    }
    await waitFor('the store running version 1 of each kind', async () => {
      const active = await storeActive();
      return ['catalog', 'promotions', 'tax', 'loyalty'].every((k) => active[k] === 1);
    });
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it('refuses an invalid configuration version with the reason; a valid one is active on the next order', async () => {
    const before = await counterOrder();

    // A croissant in a category the catalog does not have: refused by the core's checks, never sent.
    const broken = {
      ...demoCatalog,
      items: demoCatalog.items.map((i) => (i.id === 'croissant' ? { ...i, categoryId: 'pastry-case' } : i)),
    };
    const refused = await publish('catalog', broken);
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/catalog version 2 refused: .*pastry-case/);
    expect((await versions()).find((v) => v.kind === 'catalog' && v.version === 2)).toMatchObject({
      state: 'refused',
    });
    expect((await storeActive()).catalog).toBe(1);
    expect((await counterOrder()).totals).toEqual(before.totals);

    // The croissant 50 cents dearer: active at the store, and its next order is priced with it.
    const dearer = {
      ...demoCatalog,
      items: demoCatalog.items.map((i) => (i.id === 'croissant' ? { ...i, price: i.price! + 50 } : i)),
    };
    const published = await publish('catalog', dearer);
    expect(published.status).toBe(201);
    expect(await published.json()).toMatchObject({ kind: 'catalog', version: 3, state: 'pending' });
    await waitFor('catalog 3 active at the store', async () => (await storeActive()).catalog === 3);
    await waitFor('catalog 3 active in the cloud', async () =>
      (await versions()).some((v) => v.kind === 'catalog' && v.version === 3 && v.state === 'active'),
    );
    const after = await counterOrder();
    expect(after.totals.subtotal - before.totals.subtotal).toBe(50);
    // The cloud's quote of the same cart is the store's price to the cent.
    const cart = latteOrder();
    const quote = await api('POST', `/stores/${DEMO_STORE}/quote`, {
      channel: 'online',
      orderType: 'takeout',
      lines: cart.lines.map((l) => ({ ...l, lineId: uuidv7() })),
    });
    expect(quote.status, await quote.clone().text()).toBe(200);
    expect(((await quote.json()) as { totals: unknown }).totals).toEqual(after.totals);
  });

  it("puts an online order paid in the app on the store's kitchen screens, and its ready back in the cloud", async () => {
    const lines = onlineCart();
    const quote = await api('POST', `/stores/${DEMO_STORE}/quote`, { channel: 'online', orderType: 'pickup', lines });
    const { totals } = (await quote.json()) as { totals: { total: number } };
    const id = uuidv7();
    // Placed through the second instance: any instance answers any request.
    const res = await fetch(`${chain.relays[1]!.url}/api/v1/stores/${DEMO_STORE}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id,
        channel: 'online',
        guest: { name: 'Ada' },
        lines,
        payment: { method: 'external', amount: totals.total, reference: 'app-pay-1' },
      }),
    });
    const placed = (await res.json()) as { state: string; number: number };
    expect(res.status, JSON.stringify(placed)).toBe(201);
    expect(placed.state).toBe('accepted');

    // At the store: the same order, paid, in the kitchen.
    const view = (await (await fetch(`${edge.url}/api/v1/orders/${id}`, { headers: counter })).json()) as OrderView;
    expect(view).toMatchObject({ id, number: placed.number, channel: 'online', guestName: 'Ada', payment: 'paid' });
    expect(view.totals.total).toBe(totals.total);
    await waitFor('the cloud to see it preparing', async () => {
      const o = (await (await api('GET', `/orders/${id}`)).json()) as { phase: string };
      return o.phase === 'preparing';
    });

    // The kitchen calls it ready; the guest's page says so.
    const ready = await fetch(`${edge.url}/api/v1/orders/${id}/ready`, { method: 'POST', headers: kds });
    expect(ready.status, await ready.clone().text()).toBe(200);
    await waitFor('the cloud to see it ready', async () => {
      const o = (await (await api('GET', `/orders/${id}`)).json()) as { phase: string };
      return o.phase === 'ready';
    });
  });

  it('refuses an online order while the store is offline, with a clear reason, and never sends it', async () => {
    // The store box loses power: the broker publishes its last will (offline, retained).
    await edge.kill();
    await waitFor('the cloud to see the store offline', async () => {
      const { stores } = (await (await api('GET', '/admin/stores', undefined, true)).json()) as {
        stores: { id: string; status: string; takingOrders: boolean }[];
      };
      const store = stores.find((s) => s.id === DEMO_STORE);
      return store?.status === 'offline' && !store.takingOrders;
    });
    const id = uuidv7();
    const res = await api('POST', `/stores/${DEMO_STORE}/orders`, {
      id,
      channel: 'online',
      guest: { name: 'Bo' },
      lines: onlineCart(),
    });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status, JSON.stringify(body)).toBe(503);
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/store "demo-store" is offline.*not taking online orders/);

    // Back on, it never gets that order.
    edge = await chain.startEdge({ dataDir });
    await waitFor('the store back online', async () => (await relayStatus(edge.url, admin)).connected);
    const kept = await fetch(`${edge.url}/api/v1/orders/${id}`, { headers: counter });
    expect(kept.status).toBe(404);
  });
});
