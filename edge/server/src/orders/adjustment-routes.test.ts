/**
 * Discounts, comps and price overrides through the HTTP API on a real SQLite file: a cashier's
 * small discount goes through; past the limit, a comp and any price override need a manager's
 * PIN on the same request; the audit log names both people; paying charges the new total.
 */
import {
  priceWithEngine,
  type AuditRowView,
  type ErrorBody,
  type ManualAdjustment,
  type OrderView,
  type StaffPrincipal,
} from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('discounts, comps and price overrides', () => {
  let t: TestEdge;
  let counter: TestClient;
  let manager: { staff: StaffPrincipal; pin: string };

  beforeAll(async () => {
    t = await startTestEdge({ overrides: { 'security.pinMaxFailures': 3 } });
    counter = await testDevice(t.edge, 'counter', 'cashier');
    manager = await testStaff(t.edge, 'manager');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const place = async (client: TestClient = counter): Promise<OrderView> => {
    const res = await client.post('/api/v1/orders', latteOrder());
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as OrderView;
  };
  const read = async (id: string): Promise<OrderView> =>
    (await counter.get(`/api/v1/orders/${id}`)).json() as OrderView;
  const discount = (client: TestClient, id: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/orders/${id}/discount`, body);
  const audited = (subject: string): AuditRowView[] =>
    t.edge.access.audit
      .page({ limit: 500 })
      .rows.filter((r) => r.subject === subject)
      .reverse();
  /** What the engine makes of the order's own priced input with these adjustments added. */
  const engineTotal = (id: string, manual: Omit<ManualAdjustment, 'id'>[]): number => {
    const input = t.edge.caps.orderRepository.load(id).priceInput;
    if (!input) throw new Error('the order keeps no priced input');
    const context = { ...input.context, manual: manual.map((m, k) => ({ ...m, id: `m${k}` })) };
    return priceWithEngine(t.edge.caps.catalog.engine, input.cart, context).totals.total;
  };
  const override = (who = manager) => ({ staffId: who.staff.id, pin: who.pin });

  it("a cashier's 10% discount goes through: the total drops by the engine's figure, explained and audited", async () => {
    const order = await place();
    const ten = { scope: 'order' as const, kind: 'percent' as const, value: 100_000, reason: 'regular guest' };
    const res = await discount(counter, order.id, ten);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as OrderView;
    expect(after.totals.total).toBe(engineTotal(order.id, [ten]));
    expect(after.totals.total).toBeLessThan(order.totals.total);
    expect(after.totals.discount).toBeGreaterThan(0);
    expect(after.pricing?.discounts.at(-1)?.explanation).toMatch(/^Discount: regular guest — 10%, −\$\d+\.\d\d$/);
    expect(await read(order.id)).toEqual(after);
    const rows = audited(order.id);
    expect(rows.map((r) => r.action)).toEqual(['order.discounted']);
    expect(rows[0]?.actor).toMatchObject({ kind: 'staff', id: counter.staff?.id });
    expect(rows[0]?.actor.approvedBy).toBeUndefined();
    expect(rows[0]?.detail).toMatchObject({ orderId: order.id, adjustment: { kind: 'percent', value: 100_000 } });
  });

  it("a 50% discount without a manager's PIN is refused and changes nothing; with it, it goes through", async () => {
    const order = await place();
    const half = { scope: 'order', kind: 'percent', value: 500_000, reason: 'staff meal' };
    const seq = t.edge.caps.events.lastSeq;
    const refused = await discount(counter, order.id, half);
    expect(refused.statusCode).toBe(403);
    const error = (refused.json() as ErrorBody).error;
    expect(error.message).toMatch(/needs a manager's approval/);
    expect(error.details).toContainEqual({ path: 'override', message: "a manager's staff id and PIN" });
    expect(await read(order.id)).toEqual(order);
    expect(t.edge.caps.events.readSince(seq)).toEqual([]);

    const approved = await discount(counter, order.id, { ...half, override: override() });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as OrderView).totals.total).toBe(
      engineTotal(order.id, [{ scope: 'order', kind: 'percent', value: 500_000, reason: 'staff meal' }]),
    );
    const rows = audited(order.id);
    expect(rows.map((r) => r.action)).toEqual(['order.discounted', 'override.approved']);
    for (const row of rows) {
      expect(row.actor).toMatchObject({ id: counter.staff?.id, approvedBy: { id: manager.staff.id, role: 'manager' } });
    }
    expect(rows[1]?.detail).toMatchObject({ event: 'order.discounted', approver: manager.staff.id });
  });

  it("a cashier's PIN cannot approve (403); a wrong manager PIN is 401 and counts toward the lockout", async () => {
    const till = await testDevice(t.edge, 'counter', 'cashier');
    const boss = await testStaff(t.edge, 'manager');
    const cashier = await testStaff(t.edge, 'cashier');
    const order = await place(till);
    const comp = { scope: 'order', kind: 'comp', reason: 'birthday' };
    const byCashier = await discount(till, order.id, { ...comp, override: override(cashier) });
    expect(byCashier.statusCode).toBe(403);
    expect((byCashier.json() as ErrorBody).error.message).toMatch(/cannot approve this: ask a manager/);
    for (let i = 0; i < 3; i += 1) {
      const wrong = await discount(till, order.id, { ...comp, override: { staffId: boss.staff.id, pin: '0000' } });
      expect(wrong.statusCode).toBe(401);
    }
    // Three wrong PINs (the test store's limit): even the right one is refused now.
    const locked = await discount(till, order.id, { ...comp, override: override(boss) });
    expect(locked.statusCode).toBe(403);
    expect((locked.json() as ErrorBody).error.message).toMatch(/Too many wrong PINs/);
    expect(await read(order.id)).toEqual(order);
    const failed = t.edge.access.audit.page({ action: 'staff.pin-failed', limit: 50 }).rows;
    expect(failed.filter((r) => r.subject === boss.staff.id)).toHaveLength(3);
  });

  it("a comp needs a manager and makes its line free; a price override needs a manager's PIN too", async () => {
    const order = await place();
    const croissant = order.lines.find((l) => l.itemId === 'croissant');
    const latte = order.lines.find((l) => l.itemId === 'latte');
    if (!croissant || !latte) throw new Error('the order has its two lines');
    const comp = { scope: { lineId: croissant.lineId }, kind: 'comp', reason: 'cold croissant' };
    expect((await discount(counter, order.id, comp)).statusCode).toBe(403);
    const comped = await discount(counter, order.id, { ...comp, override: override() });
    expect(comped.statusCode, comped.body).toBe(200);
    expect((comped.json() as OrderView).lines.find((l) => l.lineId === croissant.lineId)).toMatchObject({
      discount: croissant.lineTotal,
      tax: 0,
      total: 0,
    });

    const url = `/api/v1/orders/${order.id}/lines/${latte.lineId}/price`;
    const unapproved = await counter.post(url, { unitPrice: 300, reason: 'regular guest' });
    expect(unapproved.statusCode).toBe(400);
    const cashier = await testStaff(t.edge, 'cashier');
    const byCashier = await counter.post(url, { unitPrice: 300, reason: 'regular guest', override: override(cashier) });
    expect(byCashier.statusCode).toBe(403);
    const res = await counter.post(url, { unitPrice: 300, reason: 'regular guest', override: override() });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as OrderView;
    const modifiers = latte.modifiers.reduce((s, m) => s + m.price, 0);
    expect(after.lines.find((l) => l.lineId === latte.lineId)).toMatchObject({
      unitPrice: 300 + modifiers,
      lineTotal: (300 + modifiers) * latte.quantity,
    });
    expect(after.totals.total).toBeLessThan((comped.json() as OrderView).totals.total);
    expect(after.pricing?.overrides).toEqual([
      {
        lineId: latte.lineId,
        explanation: expect.stringMatching(/^Price override \(Caffè Latte\): \$4\.75 → \$3\.00 each/),
      },
    ]);
    const rows = audited(order.id);
    expect(rows.map((r) => r.action)).toEqual([
      'order.discounted',
      'override.approved',
      'order.price-overridden',
      'override.approved',
    ]);
    expect(rows[2]?.detail).toMatchObject({ lineId: latte.lineId, from: 475, to: 300, reason: 'regular guest' });
  });

  it('paying afterwards charges the new total; a paid order can no longer be discounted (409)', async () => {
    const order = await place();
    const off = await discount(counter, order.id, { scope: 'order', kind: 'amount', value: 200, reason: 'late' });
    expect(off.statusCode, off.body).toBe(200);
    const discounted = off.json() as OrderView;
    expect(discounted.totals.total).toBe(
      engineTotal(order.id, [{ scope: 'order', kind: 'amount', value: 200, reason: 'late' }]),
    );
    const paid = await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect((paid.json() as OrderView).payments.map((p) => p.amount)).toEqual([discounted.totals.total]);
    const again = await discount(counter, order.id, { scope: 'order', kind: 'amount', value: 100, reason: 'late' });
    expect(again.statusCode).toBe(409);
    expect((again.json() as ErrorBody).error.message).toMatch(/is paid: its price can no longer change/);
  });

  it('placing an order never sets a price: a unitPriceOverride in the body is ignored', async () => {
    const kiosk = await testDevice(t.edge, 'kiosk');
    const body = latteOrder({ channel: 'kiosk' });
    const plain = (await kiosk.post('/api/v1/orders', body)).json() as OrderView;
    const sneaky = {
      ...latteOrder({ channel: 'kiosk' }),
      lines: body.lines.map((l) => ({ ...l, unitPriceOverride: { unitPrice: 0, reason: 'free please' } })),
    };
    const res = await kiosk.post('/api/v1/orders', sneaky);
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as OrderView).totals.total).toBe(plain.totals.total);
    const asKiosk = await discount(kiosk, plain.id, { scope: 'order', kind: 'amount', value: 100, reason: 'please' });
    expect(asKiosk.statusCode).toBe(403);
  });
});
