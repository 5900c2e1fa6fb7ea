/**
 * Finding 7 of the adversarial review: a cancel during a card tap used to win (192 of 200
 * pairs approved the card and then reversed it, leaving a log line). Now a payment intent is
 * committed before the terminal is asked, the order refuses cancel while it is open, a reversal
 * that fails stays visible and is retried, and a crash mid-payment is resolved at start. All
 * through the HTTP API of a real edge on a real SQLite file.
 */
import { join } from 'node:path';
import type { ErrorBody, OrderView, PaymentAttention } from '@tillbox/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';
import { VirtualPinpad, type Pinpad } from './pinpad.js';

const edges: TestEdge[] = [];
const dirs: { remove: () => void }[] = [];
afterEach(async () => {
  for (const t of edges.splice(0)) await t.stop();
  for (const d of dirs.splice(0)) d.remove();
});

async function edgeWith(pinpad: Pinpad, overrides: Record<string, unknown> = {}, dataDir?: string) {
  const t = await startTestEdge({
    pinpad,
    overrides: { 'kitchen.counterFires': 'on-payment', ...overrides },
    ...(dataDir ? { dataDir } : {}),
  });
  edges.push(t);
  return t;
}

async function place(counter: TestClient): Promise<OrderView> {
  const res = await counter.post('/api/v1/orders', latteOrder());
  expect(res.statusCode).toBe(201);
  return res.json();
}

const order = async (as: TestClient, id: string): Promise<OrderView> => (await as.get(`/api/v1/orders/${id}`)).json();
const attention = async (as: TestClient): Promise<PaymentAttention> =>
  (await as.get('/api/v1/payments/attention')).json();

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a card tap and a cancel at the same time', () => {
  it('200 concurrent pay + cancel pairs: each ends paid or cancelled, and no card is charged and reversed', async () => {
    const pinpad = new VirtualPinpad({ delayMs: 15 });
    const t = await edgeWith(pinpad);
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    const orders: OrderView[] = [];
    for (let i = 0; i < 200; i += 1) orders.push(await place(counter));

    const pairs = await Promise.all(
      orders.map(async (o, i) => {
        const pay = () => counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
        const cancel = () => counter.post(`/api/v1/orders/${o.id}/cancel`);
        // Half the pairs send the cancel first; the pipelines interleave either way.
        if (i % 2 === 0) {
          const [p, c] = await Promise.all([pay(), cancel()]);
          return { o, pay: p, cancel: c };
        }
        const [c, p] = await Promise.all([cancel(), pay()]);
        return { o, pay: p, cancel: c };
      }),
    );

    expect(pinpad.reversalAttempts).toBe(0);
    expect(pinpad.reversed).toEqual([]);
    let paid = 0;
    let cancelled = 0;
    let refusedWhilePaying = 0;
    for (const { o, pay, cancel } of pairs) {
      const now = await order(counter, o.id);
      const charges = pinpad.charges.filter((c) => c.orderId === o.id);
      if (now.payment === 'paid') {
        paid += 1;
        expect(pay.statusCode, `order ${o.number}`).toBe(200);
        expect(cancel.statusCode, `order ${o.number}`).toBe(409);
        if ((cancel.json() as ErrorBody).error.message.startsWith('payment in progress')) refusedWhilePaying += 1;
        expect(charges.map((c) => c.approved)).toEqual([true]);
        expect(now.payments.map((p) => p.reference)).toEqual([charges[0]?.reference]);
      } else {
        cancelled += 1;
        expect(now.status, `order ${o.number}`).toBe('cancelled');
        expect(cancel.statusCode, `order ${o.number}`).toBe(200);
        expect(pay.statusCode, `order ${o.number}`).toBe(409);
        expect(charges, `order ${o.number}: the card is untouched`).toEqual([]);
      }
    }
    expect(paid + cancelled).toBe(200);
    // Both ways round really happened, and cancels really arrived while the terminal was asked.
    expect(paid).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(0);
    expect(refusedWhilePaying).toBeGreaterThan(0);
    const lead = await testDevice(t.edge, 'admin', 'shift-lead');
    expect((await attention(lead)).items).toEqual([]);
  });

  it('refuses a second payment while the terminal is asked; a decline frees the order', async () => {
    const pinpad = new VirtualPinpad({ delayMs: 150, declineAmounts: [1563] });
    const t = await edgeWith(pinpad);
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    const o = await place(counter);
    const first = counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
    await new Promise((r) => setImmediate(r));
    const second = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'cash', tendered: 5000 });
    expect(second.statusCode).toBe(409);
    expect((second.json() as ErrorBody).error.message).toMatch(/^payment in progress/);
    expect((await first).statusCode).toBe(402);
    expect(pinpad.charges).toHaveLength(1);
    const cancel = await counter.post(`/api/v1/orders/${o.id}/cancel`);
    expect(cancel.statusCode).toBe(200);
  });
});

describe('an approval that cannot be recorded', () => {
  it('is reversed; a failing reversal stays visible to managers and is retried until it succeeds', async () => {
    const pinpad = new VirtualPinpad({ failReversals: 2 });
    const t = await edgeWith(pinpad, { 'payments.reversalRetryMs': 40 });
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    const lead = await testDevice(t.edge, 'admin', 'shift-lead');
    const o = await place(counter);
    // The store cannot record payments (as on a failing disk): the approval must go back.
    const db = new Database(join(t.dataDir, 'tillbox.sqlite'));
    db.exec(`CREATE TRIGGER no_payments BEFORE INSERT ON payments BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const pay = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
    db.exec('DROP TRIGGER no_payments');
    db.close();
    expect(pay.statusCode).toBeGreaterThanOrEqual(400);
    const reference = pinpad.charges[0]?.reference;
    expect(pinpad.charges).toEqual([expect.objectContaining({ orderId: o.id, approved: true })]);

    const pending = await attention(lead);
    expect(pending.items).toEqual([
      expect.objectContaining({
        orderId: o.id,
        orderNumber: o.number,
        status: 'reversal-pending',
        reference,
        amount: 1563,
        reversalAttempts: 1,
        lastError: 'the terminal is offline',
        reason: expect.stringMatching(/could not be recorded.*being reversed/),
      }),
    ]);
    // Nobody below shift lead sees it; the cashier's counter is refused.
    expect((await counter.get('/api/v1/payments/attention')).statusCode).toBe(403);

    await until('the reversal to go through', async () => {
      const items = (await attention(lead)).items;
      return items.length === 0 ? true : undefined;
    });
    expect(pinpad.reversalAttempts).toBe(3);
    expect(pinpad.reversed).toEqual([reference]);
    expect(await order(counter, o.id)).toMatchObject({ status: 'placed', payment: 'unpaid', payments: [] });
    expect((await counter.post(`/api/v1/orders/${o.id}/cancel`)).statusCode).toBe(200);
  });
});

describe('a crash while the terminal is asked', () => {
  /** Starts a card payment whose answer never comes back, then stops the edge as if it had died. */
  async function crashMidPayment(pinpad: Pinpad, terminal: VirtualPinpad, dataDir: string): Promise<OrderView> {
    const t = await startTestEdge({ pinpad, dataDir, overrides: { 'kitchen.counterFires': 'on-payment' } });
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    const o = await place(counter);
    void counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
    await until('the card to be tapped', async () => (terminal.charges.length > 0 ? true : undefined));
    const refused = await counter.post(`/api/v1/orders/${o.id}/cancel`);
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as ErrorBody).error.message).toMatch(/^payment in progress/);
    await t.edge.stop();
    return o;
  }

  it('asks the terminal at start and records the approval it took', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const terminal = new VirtualPinpad({ hangCharges: true });
    const o = await crashMidPayment(terminal, terminal, dir.dir);
    expect(terminal.charges).toEqual([expect.objectContaining({ orderId: o.id, approved: true })]);

    const t = await edgeWith(terminal, {}, dir.dir);
    await t.edge.caps.payments.recovered;
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    const now = await order(counter, o.id);
    // Paid as the cashier who started it; a counter order that waited for its payment fires now.
    expect(now).toMatchObject({ status: 'in_kitchen', payment: 'paid' });
    expect(now.payments.map((p) => [p.method, p.amount, p.reference])).toEqual([
      ['card', 1563, terminal.charges[0]?.reference],
    ]);
    expect(terminal.reversed).toEqual([]);
    expect((await attention(await testDevice(t.edge, 'admin', 'manager'))).items).toEqual([]);
  });

  it('hands it to a manager when the terminal cannot tell, and frees the order', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const terminal = new VirtualPinpad({ hangCharges: true });
    // A terminal without a status query.
    const blind: Pinpad = {
      name: 'blind',
      sale: (r) => terminal.sale(r),
      reverse: (ref) => terminal.reverse(ref),
      refund: (r) => terminal.refund(r),
    };
    const o = await crashMidPayment(blind, terminal, dir.dir);

    const t = await edgeWith(blind, {}, dir.dir);
    await t.edge.caps.payments.recovered;
    const manager = await testDevice(t.edge, 'admin', 'manager');
    expect((await attention(manager)).items).toEqual([
      expect.objectContaining({
        orderId: o.id,
        status: 'failed',
        amount: 1563,
        reason: expect.stringMatching(/unknown.*Check the terminal's report/),
      }),
    ]);
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    expect(await order(counter, o.id)).toMatchObject({ payment: 'unpaid' });
    expect((await counter.post(`/api/v1/orders/${o.id}/cancel`)).statusCode).toBe(200);
  });
});
