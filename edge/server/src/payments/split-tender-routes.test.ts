/**
 * Split tender, tips, split bills and refunds to the original tender through the HTTP API on a
 * real SQLite file, as a counter uses them: part cash and part card, a tip typed on the screen or
 * chosen on the pinpad, a bill shared three ways, a line refunded to the card it was paid on with a
 * manager's PIN, a partly paid order refunded before it is voided, and tips by staff.
 */
import type { ErrorBody, OrderView, StaffPrincipal, TipsReport } from '@tillbox/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';
import { VirtualPinpad } from './pinpad.js';

describe('split tender, tips and split bills over HTTP', () => {
  let t: TestEdge;
  let counter: TestClient;
  let lead: TestClient;
  let manager: { staff: StaffPrincipal; pin: string };
  const pinpad = new VirtualPinpad({ tipPercent: 20 });

  beforeAll(async () => {
    t = await startTestEdge({ pinpad });
    counter = await testDevice(t.edge, 'counter', 'cashier');
    lead = await testDevice(t.edge, 'counter', 'shift-lead');
    manager = await testStaff(t.edge, 'manager');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const ok = (res: LightMyRequestResponse, status = 200): OrderView => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as OrderView;
  };
  const refused = (res: LightMyRequestResponse, status: number): string => {
    expect(res.statusCode, res.body).toBe(status);
    return (res.json() as ErrorBody).error.message;
  };
  const place = async (): Promise<OrderView> => ok(await counter.post('/api/v1/orders', latteOrder()), 201);
  const pay = (id: string, body: Record<string, unknown>, client = counter) =>
    client.post(`/api/v1/orders/${id}/pay`, body);
  const override = () => ({ staffId: manager.staff.id, pin: manager.pin });

  it('takes part in cash and the rest on a card with a tip, the tip kept apart from the sale', async () => {
    const order = await place();
    const total = order.totals.total;
    const part = ok(await pay(order.id, { method: 'cash', tendered: 1000 }));
    expect(part).toMatchObject({ payment: 'partially-paid', due: total - 1000 });
    expect(part.payments[0]).toMatchObject({ method: 'cash', amount: 1000, change: 0, staffId: counter.staff?.id });

    expect(refused(await pay(order.id, { method: 'card', amount: total }), 400)).toBe(
      `a card payment of ${total} is more than the ${total - 1000} due: it never takes more`,
    );
    const charges = pinpad.charges.length;
    const paid = ok(await pay(order.id, { method: 'card', tip: 150 }));
    expect(paid).toMatchObject({ payment: 'paid', due: 0, tipTotal: 150 });
    expect(paid.totals.total).toBe(total);
    expect(paid.payments[1]).toMatchObject({ method: 'card', amount: total - 1000, tip: 150, cardLast4: '4242' });
    // The terminal was asked for the rest, with the tip on top.
    expect(pinpad.charges.slice(charges)).toEqual([expect.objectContaining({ amount: total - 1000, tip: 150 })]);
  });

  it('lets the pinpad ask the guest for a tip', async () => {
    const order = await place();
    const paid = ok(await pay(order.id, { method: 'card', tipPrompt: true }));
    const tip = Math.round(order.totals.total / 5); // the virtual guest picks 20%
    expect(paid).toMatchObject({ payment: 'paid', tipTotal: tip });
    expect(paid.payments[0]).toMatchObject({ amount: order.totals.total, tip });
    expect(refused(await pay((await place()).id, { method: 'cash', tendered: 100, tip: 50 }), 400)).toMatch(
      /tips are taken on card payments/,
    );
  });

  it('splits the bill in three by largest remainder and takes each part on its own', async () => {
    const order = await place();
    const total = order.totals.total;
    const split = ok(await counter.post(`/api/v1/orders/${order.id}/split`, { kind: 'even', count: 3 }));
    const parts = split.split?.parts ?? [];
    expect(parts.map((p) => p.part)).toEqual([1, 2, 3]);
    expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(total);
    expect(Math.max(...parts.map((p) => p.amount)) - Math.min(...parts.map((p) => p.amount))).toBeLessThanOrEqual(1);

    expect(refused(await pay(order.id, { method: 'card' }), 400)).toMatch(/name the part this pays/);
    const first = ok(await pay(order.id, { method: 'card', part: 1 }));
    expect(first.split?.parts[0]).toMatchObject({ paid: parts[0]?.amount, due: 0 });
    expect(first.payment).toBe('partially-paid');
    expect(refused(await counter.post(`/api/v1/orders/${order.id}/split`, { kind: 'even', count: 2 }), 409)).toMatch(
      /already has payments/,
    );
    // Split tender inside a part: some cash, then the card for the rest of it.
    ok(await pay(order.id, { method: 'cash', tendered: 100, part: 2 }));
    ok(await pay(order.id, { method: 'card', part: 2 }));
    const last = ok(await pay(order.id, { method: 'cash', tendered: 10_000, part: 3 }));
    expect(last).toMatchObject({ payment: 'paid', due: 0 });
    expect(last.payments.at(-1)).toMatchObject({ amount: parts[2]?.amount, change: 10_000 - (parts[2]?.amount ?? 0) });
    expect(last.split?.parts.map((p) => p.due)).toEqual([0, 0, 0]);
  });

  it("refunds a line to the card it was paid on, with a manager's PIN, never more than the card took", async () => {
    const order = await place();
    const croissant = order.lines.find((l) => l.itemId === 'croissant');
    const latte = order.lines.find((l) => l.itemId === 'latte');
    if (!croissant || !latte) throw new Error('the latte order has a latte and a croissant');
    ok(await pay(order.id, { method: 'cash', tendered: latte.total ?? 0 }));
    const paid = ok(await pay(order.id, { method: 'card' }));
    const card = paid.payments[1];
    expect(card).toMatchObject({ method: 'card', amount: croissant.total });
    const body = { reason: 'stale croissant', lines: [croissant.lineId] };
    expect((await counter.post(`/api/v1/orders/${order.id}/refund`, body)).statusCode).toBe(400);
    const refunds = pinpad.refunds.length;
    const refunded = ok(
      await counter.post(`/api/v1/orders/${order.id}/refund`, {
        ...body,
        override: override(),
        to: [{ paymentId: card?.id, amount: croissant.total }],
      }),
    );
    expect(refunded.payments.at(-1)).toMatchObject({
      method: 'card',
      amount: -(croissant.total ?? 0),
      refundOf: card?.id,
    });
    expect(pinpad.refunds.slice(refunds)).toEqual([{ reference: card?.reference, amount: croissant.total }]);
    // The card has nothing left: the latte cannot go back to it.
    const more = await counter.post(`/api/v1/orders/${order.id}/refund`, {
      reason: 'cold latte',
      lines: [latte.lineId],
      override: override(),
      to: [{ paymentId: card?.id, amount: latte.total }],
    });
    expect(refused(more, 400)).toBe(`payment ${card?.id} has 0 left to give back, not ${latte.total}`);
  });

  it('refuses to void a partly paid order until a manager has refunded what it took', async () => {
    const order = await place();
    ok(await pay(order.id, { method: 'card', amount: 500 }));
    const voiding = { reason: 'guest left', override: override() };
    expect(refused(await counter.post(`/api/v1/orders/${order.id}/void`, voiding), 409)).toMatch(
      /part of it is paid: refund what was taken first/,
    );
    const back = ok(
      await counter.post(`/api/v1/orders/${order.id}/refund`, { reason: 'guest left', override: override() }),
    );
    expect(back).toMatchObject({ payment: 'unpaid', due: order.totals.total });
    expect(back.payments.map((p) => p.amount)).toEqual([500, -500]);
    expect(ok(await counter.post(`/api/v1/orders/${order.id}/void`, voiding)).status).toBe('voided');
  });

  it('keeps cash tips declared apart, and reports tips by the staff who took them', async () => {
    const declared = await counter.post('/api/v1/tips/declarations', { amount: 875 });
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({ staffId: counter.staff?.id, amount: 875, currency: 'USD' });
    expect(
      refused(await counter.post('/api/v1/tips/declarations', { amount: 100, staffId: lead.staff?.id }), 403),
    ).toMatch(/declares their own tips/);
    expect((await lead.post('/api/v1/tips/declarations', { amount: 125, staffId: counter.staff?.id })).statusCode).toBe(
      201,
    );
    expect((await counter.get('/api/v1/tips')).statusCode).toBe(403);
    const report = (await lead.get('/api/v1/tips')).json() as TipsReport;
    const cashier = report.staff.find((s) => s.staffId === counter.staff?.id);
    // The card tips of this file's payments (150, and 20% of one order) and the cash declared (875 + 125).
    expect(cashier).toMatchObject({ name: counter.staff?.name, declared: 1000 });
    expect(cashier?.card).toBeGreaterThan(150);
    expect(cashier?.total).toBe((cashier?.card ?? 0) + 1000);
    expect(report.total).toBe(report.staff.reduce((s, x) => s + x.total, 0));
  });
});
