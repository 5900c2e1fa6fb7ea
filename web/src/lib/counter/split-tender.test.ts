import type { OrderView } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { makeOrder } from '$lib/testing/orders.js';
import { billState, cashOutcome, nextPart, tenderAmount, tenderName } from './split-tender.js';

const totals = { currency: 'USD', subtotal: 893, discount: 0, tax: 0, total: 893 };
const cash = { id: 'p1', method: 'cash' as const, amount: 500, tendered: 500, change: 0, at: '' };

describe('split tender', () => {
  it('shows the bill, each tender taken, and the rest', () => {
    const order = makeOrder({ id: 'o', payment: 'partially-paid', totals, payments: [cash], due: 393 });
    expect(billState(order)).toEqual({ part: undefined, amount: 893, paid: 500, due: 393, tenders: [cash] });
  });

  it('leaves refunds out of the tenders but counts them in what is paid', () => {
    const refund = { id: 'r1', method: 'cash' as const, amount: -500, refundOf: 'p1', at: '' };
    const order = makeOrder({ id: 'o', payment: 'unpaid', totals, payments: [cash, refund], due: 893 });
    expect(billState(order)).toMatchObject({ paid: 0, due: 893, tenders: [cash] });
  });

  it('works on one part of a split bill at a time, the first with something due by default', () => {
    const split: OrderView['split'] = {
      kind: 'even',
      parts: [
        { part: 1, amount: 447, paid: 447, due: 0 },
        { part: 2, amount: 446, paid: 0, due: 446 },
      ],
    };
    const paid1 = { ...cash, amount: 447, tendered: 500, change: 53, part: 1 };
    const order = makeOrder({ id: 'o', payment: 'partially-paid', totals, payments: [paid1], split, due: 446 });
    expect(nextPart(order)).toBe(2);
    expect(billState(order)).toEqual({ part: 2, amount: 446, paid: 0, due: 446, tenders: [] });
    expect(billState(order, 1)).toEqual({ part: 1, amount: 447, paid: 447, due: 0, tenders: [paid1] });
  });

  it('gives change only on the cash that pays the rest; less cash is a part', () => {
    expect(cashOutcome(393, 2000)).toEqual({ kind: 'pays', change: 1607 });
    expect(cashOutcome(393, 393)).toEqual({ kind: 'pays', change: 0 });
    expect(cashOutcome(893, 500)).toEqual({ kind: 'part', rest: 393 });
    expect(cashOutcome(893, 0)).toBeUndefined();
    expect(cashOutcome(0, 500)).toBeUndefined();
  });

  it('takes the rest on a card by default, or a typed part of it, never more', () => {
    expect(tenderAmount('', 393, 'USD')).toBe(393);
    expect(tenderAmount('2.50', 393, 'USD')).toBe(250);
    expect(tenderAmount('5', 393, 'USD')).toMatch(/at most what is due/);
    expect(tenderAmount('0', 393, 'USD')).toMatch(/more than nothing/);
    expect(tenderAmount('abc', 393, 'USD')).toMatch(/Type an amount/);
  });

  it('names each tender as the guest would', () => {
    expect(tenderName({ method: 'card', cardLast4: '4242' })).toBe('Card ending 4242');
    expect(tenderName({ method: 'cash' })).toBe('Cash');
    expect(tenderName({ method: 'external', reference: 'Voucher 12' })).toBe('Other (Voucher 12)');
  });
});
