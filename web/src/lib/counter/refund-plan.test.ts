import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder } from '$lib/testing/orders.js';
import { orderActions, refundableLines, refundPreview } from './refund-plan.js';

const lines = [
  makeLine({ lineId: 'a', itemId: 'latte', lineTotal: 450, tax: 40, total: 490 }),
  makeLine({ lineId: 'b', itemId: 'cookie', quantity: 2, unitPrice: 275, lineTotal: 550, tax: 49, total: 599 }),
];
const totals = { currency: 'USD', subtotal: 1000, discount: 0, tax: 89, total: 1089 };
const cash = { id: 'cash', method: 'cash' as const, amount: 500, tendered: 500, change: 0, at: '2025-01-01T12:00:00Z' };
const card = {
  id: 'card',
  method: 'card' as const,
  amount: 589,
  tip: 100,
  cardLast4: '4242',
  at: '2025-01-01T12:01:00Z',
};
const paid = makeOrder({
  id: 'o',
  payment: 'paid',
  status: 'picked_up',
  lines,
  totals,
  payments: [cash, card],
  due: 0,
});

describe('refund preview', () => {
  it('gives a line back in full to the tenders in the order they were taken, never more than each gave', () => {
    expect(refundPreview(paid, ['b'])).toEqual({
      amount: 599,
      tips: 0,
      tenders: [
        { paymentId: 'cash', method: 'cash', cardLast4: undefined, amount: 500, tip: 0 },
        { paymentId: 'card', method: 'card', cardLast4: '4242', amount: 99, tip: 0 },
      ],
    });
  });

  it('gives the whole order back with the tips', () => {
    const whole = refundPreview(paid, 'all');
    expect(whole).toMatchObject({ amount: 1089, tips: 100 });
    expect(typeof whole === 'object' && whole.tenders.map((t) => [t.paymentId, t.amount, t.tip])).toEqual([
      ['cash', 500, 0],
      ['card', 589, 100],
    ]);
  });

  it('goes back to the part of a bill split by lines that paid for the line first', () => {
    const split = makeOrder({
      ...paid,
      split: {
        kind: 'lines',
        parts: [
          { part: 1, amount: 490, paid: 490, due: 0, lineIds: ['a'] },
          { part: 2, amount: 599, paid: 599, due: 0, lineIds: ['b'] },
        ],
      },
      payments: [
        { ...card, id: 'p1', amount: 490, tip: 0, part: 1 },
        { ...cash, id: 'p2', amount: 599, tendered: 600, change: 1, part: 2 },
      ],
    });
    const preview = refundPreview(split, ['b']);
    expect(typeof preview === 'object' && preview.tenders.map((t) => [t.paymentId, t.amount])).toEqual([['p2', 599]]);
  });

  it('leaves out lines already refunded, and says why a refund cannot be made', () => {
    const after = makeOrder({ ...paid, lines: [lines[0]!, { ...lines[1]!, refundedAt: '2025-01-01T13:00:00Z' }] });
    expect(refundableLines(after).map((l) => l.lineId)).toEqual(['a']);
    expect(refundPreview(paid, [])).toBe('Choose the lines to refund.');
    const part = makeOrder({ ...paid, payment: 'partially-paid', payments: [cash], due: 589 });
    expect(refundPreview(part, ['a'])).toBe('Only a paid order is refunded by lines: refund it whole.');
    expect(refundPreview(part, 'all')).toMatchObject({ amount: 500 });
  });

  it('offers a refund of a paid order, a void of an unpaid one, and a partly paid one its refund first', () => {
    expect(orderActions(paid)).toEqual(['refund']);
    expect(orderActions({ status: 'placed', payment: 'unpaid' })).toEqual(['void']);
    expect(orderActions({ status: 'in_kitchen', payment: 'partially-paid' })).toEqual(['refund']);
    expect(orderActions({ status: 'voided', payment: 'unpaid' })).toEqual([]);
  });
});
