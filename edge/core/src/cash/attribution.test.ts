import { describe, expect, it } from 'vitest';
import { cashTakenBy } from './attribution.js';

describe('cash an event moves through a drawer', () => {
  const tender = { id: 'p1', method: 'cash', amount: 1_187, tendered: 2_000, change: 813 };

  it('a cash tender puts what it paid towards the order into the drawer, not the change', () => {
    expect(cashTakenBy({ type: 'order.paid', data: { orderId: 'o1', payment: tender } })).toEqual([
      { direction: 'sale', amount: 1_187, orderId: 'o1', paymentId: 'p1' },
    ]);
    expect(
      cashTakenBy({
        type: 'order.payment-taken',
        data: { orderId: 'o1', payment: { ...tender, amount: 500 }, due: 687 },
      }),
    ).toEqual([{ direction: 'sale', amount: 500, orderId: 'o1', paymentId: 'p1' }]);
  });

  it('a card tender, or any other event, moves no cash', () => {
    expect(
      cashTakenBy({ type: 'order.paid', data: { orderId: 'o1', payment: { ...tender, method: 'card' } } }),
    ).toEqual([]);
    expect(cashTakenBy({ type: 'order.fired', data: { orderId: 'o1', tickets: [] } })).toEqual([]);
  });

  it('a refund takes back its cash parts only', () => {
    const refunds = [
      { paymentId: 'r1', refundOf: 'p1', method: 'cash', amount: 600 },
      { paymentId: 'r2', refundOf: 'p2', method: 'card', amount: 400 },
    ];
    expect(
      cashTakenBy({ type: 'order.refunded', data: { orderId: 'o1', refunds, full: false, reason: 'cold' } }),
    ).toEqual([{ direction: 'refund', amount: 600, orderId: 'o1', paymentId: 'r1' }]);
  });
});
