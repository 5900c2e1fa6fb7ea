/**
 * A lost connection or a crash in the middle of a card payment, on the real protocol: the edge
 * asks the terminal (TransactionStatus, by the sale's ServiceID made from the payment intent)
 * and records what it says — an approval once, a decline never, a sale still at the terminal
 * aborted — so a card is never charged twice and an order is never paid without an approval.
 * The virtual terminal runs on its own, as on the store's network: it outlives the edge.
 */
import type { OrderView } from '@tillbox/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../../testing/test-actors.js';
import { latteOrder, tempDir } from '../../testing/test-edge.js';
import {
  controlTerminal,
  startNetworkTerminal,
  startTerminalEdge,
  type NetworkTerminal,
  type TerminalEdge,
} from '../../testing/terminal-edge.js';

let terminal: NetworkTerminal;
const edges: TerminalEdge[] = [];
const dirs: { remove: () => void }[] = [];

beforeAll(async () => {
  terminal = await startNetworkTerminal();
});
afterAll(async () => {
  await terminal?.stop();
});
beforeEach(async () => {
  await controlTerminal(terminal.virtual, { mode: 'approve', next: [], cardWaitMs: 20 });
});
afterEach(async () => {
  for (const e of edges.splice(0)) await e.stop();
  for (const d of dirs.splice(0)) d.remove();
});

async function edgeOn(dataDir?: string): Promise<{ t: TerminalEdge; counter: TestClient }> {
  const t = await startTerminalEdge(terminal, dataDir ? { dataDir } : {});
  edges.push(t);
  return { t, counter: await testDevice(t.edge, 'counter', 'cashier') };
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sales = () => terminal.virtual.poi.state().transactions.filter((x) => x.kind === 'payment');

/** Places an order, starts paying it by card, and stops the edge while the guest is at the terminal. */
async function crashMidPayment(dataDir: string, cardWaitMs: number): Promise<{ order: OrderView; intent: string }> {
  await controlTerminal(terminal.virtual, { cardWaitMs });
  const { t, counter } = await edgeOn(dataDir);
  edges.splice(edges.indexOf(t), 1);
  const order = (await counter.post('/api/v1/orders', latteOrder())).json() as OrderView;
  const paying = counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' }).catch(() => undefined);
  const sale = await until('the guest at the terminal', () => sales().find((s) => s.outcome === 'in-progress'));
  expect((await counter.post(`/api/v1/orders/${order.id}/cancel`)).statusCode).toBe(409);
  await t.edge.stop(); // the database closes first: what happens next is not recorded, as in a crash
  await paying;
  return { order, intent: sale.merchantReference };
}

describe('recovery by TransactionStatus', () => {
  it('a lost answer: the approval is found and recorded once', async () => {
    await controlTerminal(terminal.virtual, { next: ['lost-answer'] });
    const { counter } = await edgeOn();
    const order = (await counter.post('/api/v1/orders', latteOrder())).json() as OrderView;
    const res = await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' });
    expect(res.statusCode, res.body).toBe(200);
    const sale = sales()[0];
    expect(sale).toMatchObject({ outcome: 'approved', amount: 1563 });
    expect((res.json() as OrderView).payments.map((p) => [p.amount, p.reference])).toEqual([[1563, sale?.reference]]);
    expect(sales().filter((s) => s.merchantReference === sale?.merchantReference)).toHaveLength(1);
  });

  it('a crash while the guest pays: at start the approval is found and recorded once, never charged twice', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { order, intent } = await crashMidPayment(dir.dir, 400);
    const approved = await until('the terminal to approve', () =>
      sales().find((s) => s.merchantReference === intent && s.outcome === 'approved'),
    );

    const { t, counter } = await edgeOn(dir.dir);
    await t.edge.caps.payments.recovered;
    // It was this start that asked the terminal and recorded it.
    expect(t.logs.map((l) => JSON.parse(l) as { msg: string; outcome?: string })).toContainEqual(
      expect.objectContaining({ msg: 'open card payment resolved', outcome: 'approved' }),
    );
    const now = (await counter.get(`/api/v1/orders/${order.id}`)).json() as OrderView;
    expect(now).toMatchObject({ payment: 'paid', status: 'in_kitchen' });
    expect(now.payments.map((p) => [p.method, p.amount, p.reference])).toEqual([['card', 1563, approved.reference]]);
    // Paying again is refused before the terminal is asked.
    const before = sales().length;
    expect((await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' })).statusCode).toBe(409);
    expect(sales()).toHaveLength(before);
    expect(sales().filter((s) => s.merchantReference === intent)).toHaveLength(1);
  });

  it('a crash and a declined card: the order is not paid, and is free again', async () => {
    const dir = tempDir();
    dirs.push(dir);
    await controlTerminal(terminal.virtual, { next: ['decline'] });
    const { order, intent } = await crashMidPayment(dir.dir, 300);
    await until('the terminal to decline', () =>
      sales().find((s) => s.merchantReference === intent && s.outcome === 'declined'),
    );

    const { t, counter } = await edgeOn(dir.dir);
    await t.edge.caps.payments.recovered;
    expect((await counter.get(`/api/v1/orders/${order.id}`)).json()).toMatchObject({ payment: 'unpaid', payments: [] });
    expect((await counter.post(`/api/v1/orders/${order.id}/cancel`)).statusCode).toBe(200);
  });

  it('back before the guest finished: the sale is aborted on the terminal, nothing is charged', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { order, intent } = await crashMidPayment(dir.dir, 30_000);

    const { t, counter } = await edgeOn(dir.dir);
    await t.edge.caps.payments.recovered;
    expect(sales().find((s) => s.merchantReference === intent)).toMatchObject({ outcome: 'aborted' });
    expect(terminal.virtual.poi.state().inProgress).toBe(false);
    expect((await counter.get(`/api/v1/orders/${order.id}`)).json()).toMatchObject({ payment: 'unpaid' });
    await controlTerminal(terminal.virtual, { cardWaitMs: 20 });
    const paid = await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' });
    expect(paid.statusCode, paid.body).toBe(200);
  });
});
