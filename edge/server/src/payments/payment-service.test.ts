import { placeOrderBodySchema, type PlaceOrderInput } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payments as paymentsTable } from '../db/schema.js';
import { cashierAtCounter as cashier, guestAtKiosk, managerAtCounter as manager } from '../testing/contexts.js';
import { latteOrder } from '../testing/order-factory.js';
import { servicesOnTempDb } from '../testing/test-edge.js';
import { VirtualPinpad } from './pinpad.js';

const body = (o: PlaceOrderInput = latteOrder()) => placeOrderBodySchema.parse(o);
const kiosk = guestAtKiosk();

describe('refunds on a real SQLite file', () => {
  let s: ReturnType<typeof servicesOnTempDb>;
  let pinpad: VirtualPinpad;
  beforeEach(() => {
    pinpad = new VirtualPinpad();
    s = servicesOnTempDb({ pinpad });
  });
  afterEach(() => s.close());

  it('gives a card payment back through the terminal, by the charge reference', async () => {
    const placed = s.caps.orders.place(kiosk, body(latteOrder({ channel: 'kiosk' }))).order;
    const paid = await s.caps.payments.pay(kiosk, placed.id, { method: 'card' });
    const charge = paid.payments[0];
    const refunded = await s.caps.payments.refund(manager, placed.id, { reason: 'wrong order' });
    expect(pinpad.refunds).toEqual([{ reference: charge?.reference, amount: 1563 }]);
    expect(refunded).toMatchObject({ status: 'refunded', payment: 'refunded' });
    expect(refunded.payments.map((p) => [p.method, p.amount])).toEqual([
      ['card', 1563],
      ['card', -1563],
    ]);
    const rows = s.db.db.select().from(paymentsTable).all();
    expect(rows.find((r) => r.amount < 0)?.refundOf).toBe(charge?.id);
    expect(s.heard.at(-1)).toMatchObject({
      type: 'order.refunded',
      actor: { kind: 'staff', role: 'manager' },
      data: {
        orderId: placed.id,
        full: true,
        reason: 'wrong order',
        refunds: [{ refundOf: charge?.id, amount: 1563 }],
      },
    });
    await expect(s.caps.payments.refund(manager, placed.id, { reason: 'again' })).rejects.toThrow(/already refunded/);
    expect(pinpad.refunds).toHaveLength(1);
  });

  it('refunds lines in cash as negative cash payments, each line once, the rest later', async () => {
    const placed = s.caps.orders.place(cashier, body()).order;
    await s.caps.payments.pay(cashier, placed.id, { method: 'cash', tendered: 2000 });
    const [latte, croissant] = placed.lines;
    if (!latte || !croissant) throw new Error('two lines expected');
    const part = await s.caps.payments.refund(manager, placed.id, { lines: [croissant.lineId], reason: 'stale' });
    // The croissant's total with its tax: 345 + 31.
    expect(part.payments.map((p) => [p.method, p.amount])).toEqual([
      ['cash', 1563],
      ['cash', -376],
    ]);
    expect(part).toMatchObject({ status: 'in_kitchen', payment: 'paid' });
    expect(pinpad.refunds).toEqual([]);
    await expect(
      s.caps.payments.refund(manager, placed.id, { lines: [croissant.lineId], reason: 'again' }),
    ).rejects.toThrow(`line ${croissant.lineId} is already refunded`);
    const rest = await s.caps.payments.refund(manager, placed.id, { reason: 'closing the tab' });
    expect(rest.payments.map((p) => p.amount)).toEqual([1563, -376, -1187]);
    expect(rest).toMatchObject({ status: 'refunded', payment: 'refunded' });
  });

  it('refuses to refund an unpaid order and changes nothing', async () => {
    const placed = s.caps.orders.place(cashier, body()).order;
    const seq = s.caps.events.lastSeq;
    await expect(s.caps.payments.refund(manager, placed.id, { reason: 'x' })).rejects.toThrow(/it is not paid/);
    expect(s.caps.events.lastSeq).toBe(seq);
    expect(s.db.db.select().from(paymentsTable).all()).toEqual([]);
  });
});
