/**
 * Card payments approved offline (store-and-forward) on the real protocol: within the store's
 * caps the terminal may approve them itself and they are recorded, each pending and shown to the
 * manager with the total exposure; past a cap the terminal is told to stay online and, unable to
 * reach the bank, declines; a reconciliation settles them only once the terminal reached its
 * acquirer. And the demo's virtual terminal, controlled from the admin routes.
 */
import type { ErrorBody, OfflineExposure, OrderView, PaymentAttention, ReconciliationResult } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder } from '../testing/test-edge.js';
import {
  controlTerminal,
  startNetworkTerminal,
  startTerminalEdge,
  type NetworkTerminal,
  type TerminalEdge,
} from '../testing/terminal-edge.js';

describe('offline card payments', () => {
  let terminal: NetworkTerminal;
  let t: TerminalEdge;
  let counter: TestClient;
  let manager: TestClient;

  beforeAll(async () => {
    terminal = await startNetworkTerminal();
    t = await startTerminalEdge(terminal, {
      overrides: {
        'payments.offline.maxPerTransaction': 2000,
        'payments.offline.maxTotal': 3500,
        'payments.offline.reconcileEverySeconds': 0,
      },
    });
    counter = await testDevice(t.edge, 'counter', 'cashier');
    manager = await testDevice(t.edge, 'admin', 'manager');
  });
  afterAll(async () => {
    await t?.stop();
    await terminal?.stop();
  });

  const pay = async (lattes = 2) => {
    const lines = [
      { itemId: 'latte', variantId: 'medium', modifiers: [{ groupId: 'milk', optionId: 'oat' }], quantity: lattes },
    ];
    const o = (await counter.post('/api/v1/orders', latteOrder(lattes === 2 ? {} : { lines }))).json() as OrderView;
    return { order: o, res: await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' }) };
  };
  const exposure = async () => (await manager.get('/api/v1/payments/offline')).json() as OfflineExposure;
  const reconcile = async () => {
    const res = await manager.post('/api/v1/payments/reconciliation');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReconciliationResult;
  };

  it('approves offline within the caps, each pending and counted in the exposure the manager sees', async () => {
    await controlTerminal(terminal.virtual, { mode: 'offline' });
    const first = await pay();
    expect(first.res.statusCode, first.res.body).toBe(200);
    expect(first.res.json()).toMatchObject({ payment: 'paid' });
    const second = await pay();
    expect(second.res.statusCode, second.res.body).toBe(200);

    const seen = await exposure();
    expect(seen).toMatchObject({ currency: 'USD', count: 2, total: 3126, maxPerTransaction: 2000, maxTotal: 3500 });
    expect(seen.items.map((i) => [i.orderId, i.amount])).toEqual([
      [first.order.id, 1563],
      [second.order.id, 1563],
    ]);
    expect(seen.items[0]?.reference).toBe((first.res.json() as OrderView).payments[0]?.reference);
    const attention = (await manager.get('/api/v1/payments/attention')).json() as PaymentAttention;
    expect(attention.items.filter((i) => i.status === 'approved-offline')).toHaveLength(2);
    expect(attention.items[0]?.reason).toMatch(
      /Approved offline .*store-and-forward.*pending until the terminal forwards it/,
    );
    expect(terminal.virtual.poi.state().storedOffline).toBe(2);
  });

  it('past a cap the terminal must stay online: unable to reach the bank, it declines with words that say so (402, nothing charged)', async () => {
    const overTotal = await pay(); // 3126 + 1563 > 3500
    expect(overTotal.res.statusCode, overTotal.res.body).toBe(402);
    expect((overTotal.res.json() as ErrorBody).error.message).toMatch(/over what the store takes offline/);
    const overOne = await pay(4); // 3126 > 2000 on its own
    expect(overOne.res.statusCode).toBe(402);
    expect((await counter.get(`/api/v1/orders/${overOne.order.id}`)).json()).toMatchObject({ payment: 'unpaid' });
    expect((await exposure()).count).toBe(2);
    expect(
      terminal.virtual.poi
        .state()
        .transactions.slice(0, 2)
        .map((x) => x.outcome),
    ).toEqual(['unreachable', 'unreachable']);
  });

  it('a reconciliation while the terminal is still offline settles nothing', async () => {
    const result = await reconcile();
    expect(result).toMatchObject({
      settled: false,
      settledPayments: 0,
      message: expect.stringMatching(/UnreachableHost/),
    });
    expect(await exposure()).toMatchObject({ count: 2, lastReconciliation: { settled: false, settledPayments: 0 } });
  });

  it('once the terminal reaches its acquirer, the reconciliation forwards and settles them', async () => {
    await controlTerminal(terminal.virtual, { mode: 'approve' });
    const result = await reconcile();
    expect(result).toMatchObject({ settled: true, settledPayments: 2 });
    expect(result.totals.reduce((n, x) => n + x.sales, 0)).toBe(3126);
    expect(await exposure()).toMatchObject({
      count: 0,
      total: 0,
      items: [],
      lastReconciliation: { settled: true, settledPayments: 2 },
    });
    const attention = (await manager.get('/api/v1/payments/attention')).json() as PaymentAttention;
    expect(attention.items.filter((i) => i.status === 'approved-offline')).toEqual([]);
    expect(terminal.virtual.poi.state().storedOffline).toBe(0);
    // An online sale now is not pending.
    expect((await pay()).res.statusCode).toBe(200);
    expect((await exposure()).count).toBe(0);
  });

  it('only shift leads and up see the exposure; the virtual controls are not there with a real terminal', async () => {
    expect((await counter.get('/api/v1/payments/offline')).statusCode).toBe(403);
    const admin = await testDevice(t.edge, 'admin', 'admin');
    expect((await admin.get('/api/v1/payments/terminal/virtual')).statusCode).toBe(404);
  });
});

describe("the demo store's virtual terminal", () => {
  let terminal: NetworkTerminal;
  let t: TerminalEdge;

  beforeAll(async () => {
    terminal = await startNetworkTerminal();
    // The demo profile as it is: the terminal is `virtual`, started by the edge.
    t = await startTerminalEdge(terminal, { overrides: { 'devices.profile': '', demo: true } });
  });
  afterAll(async () => {
    await t?.stop();
    await terminal?.stop();
  });

  it('runs inside the edge over HTTPS, and the admin routes set what its next sales do', async () => {
    const virtual = t.edge.cardTerminal?.virtual;
    expect(virtual?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/nexo$/);
    const admin = await testDevice(t.edge, 'admin', 'admin');
    const set = await admin.inject({
      method: 'PUT',
      url: '/api/v1/payments/terminal/virtual',
      payload: JSON.stringify({ next: ['decline'], cardWaitMs: 10 }),
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ mode: 'approve', next: ['decline'], cardWaitMs: 10 });
    const bad = await admin.inject({
      method: 'PUT',
      url: '/api/v1/payments/terminal/virtual',
      payload: JSON.stringify({ mode: 'explode' }),
    });
    expect(bad.statusCode).toBe(400);

    const kiosk = await testDevice(t.edge, 'kiosk');
    const o = (await kiosk.post('/api/v1/orders', latteOrder({ channel: 'kiosk' }))).json() as OrderView;
    expect((await kiosk.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' })).statusCode).toBe(402);
    expect((await kiosk.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' })).statusCode).toBe(200);
    const state = (await admin.get('/api/v1/payments/terminal/virtual')).json() as {
      transactions: { outcome: string }[];
    };
    expect(state.transactions.slice(0, 2).map((x) => x.outcome)).toEqual(['approved', 'declined']);
    const manager = await testDevice(t.edge, 'admin', 'manager');
    expect((await manager.get('/api/v1/payments/terminal/virtual')).statusCode).toBe(403);
  });
});
