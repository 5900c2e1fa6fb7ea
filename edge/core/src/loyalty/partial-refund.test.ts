/**
 * Refunds of some lines take back the points those lines earned: their share of the order's net,
 * rounded down, cumulative, so refunds of every line (in any order, whole or by lines) take back
 * exactly what the order earned and never more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideOrder } from '../orders/decide.js';
import { CONFIG, draft, envFor, line, staff, T0 } from '../orders/fixtures.test-support.js';
import type { Order } from '../orders/order.js';
import { ledgerEntryOf } from './ledger.js';
import { loyaltyEventsOf, pointsOfLines } from './order-loyalty.js';

/** An order for member m1, placed, redeeming `spent` and earning `earned`, paid in full. */
function paidOrder(totals: readonly number[], earned: number, spent = 0): Order {
  const lines = totals.map((t, i) => line(`l${i + 1}`, 'bar', t));
  const order = draft({
    lines,
    pricing: {
      discounts: [],
      taxes: [],
      loyaltyPoints: earned,
      ...(spent > 0 ? { loyaltyPointsRedeemed: spent } : {}),
      localTime: 'x',
    },
    priceInput: {
      cart: {
        lines: lines.map((l) => ({ lineId: l.lineId, itemId: l.itemId, modifiers: [], slots: [], quantity: 1 })),
      },
      context: {
        storeId: 's',
        channel: 'counter',
        orderType: 'takeout',
        at: new Date(T0).toISOString(),
        customer: { id: 'm1', segments: [], taxExempt: false },
        coupons: [],
        rewards: spent > 0 ? ['free-drink'] : [],
        language: 'en',
        manual: [],
      },
    },
  });
  const placed = decideOrder(undefined, { kind: 'place', order, fire: 'on-payment' }, envFor(staff, T0, CONFIG));
  const total = totals.reduce((s, t) => s + t, 0);
  return decideOrder(
    placed.state,
    { kind: 'pay', payment: { method: 'cash', tendered: total } },
    envFor(staff, T0 + 1000, CONFIG),
  ).state as Order;
}

/** Refund some lines (each in full, or the whole order without `lineIds`); the state and the ledger's points. */
function refund(order: Order, lineIds?: string[]): { state: Order; points: number; data: unknown[] } {
  const lines = lineIds?.map((lineId) => ({
    lineId,
    amount: order.lines.find((l) => l.lineId === lineId)?.total ?? 0,
  }));
  const d = decideOrder(
    order,
    { kind: 'refund', reason: 'guest changed their mind', ...(lines ? { lines } : {}) },
    envFor(staff, T0 + 2000, CONFIG),
  );
  const state = d.state as Order;
  const loyalty = loyaltyEventsOf(state, d.events);
  const points = loyalty.reduce((s, e) => s + (ledgerEntryOf(e.type, e.data)?.points ?? 0), 0);
  return { state, points, data: loyalty.map((e) => e.data) };
}

describe('a refund of some lines', () => {
  it("takes back the lines' share of the points, rounded down, and the rest with the last line", () => {
    // 300 + 700 + 500 = 1500 net; 15 points earned.
    const order = paidOrder([300, 700, 500], 15);
    const first = refund(order, ['l1']);
    // 15 × 300 / 1500 = 3 points.
    expect(first.data).toEqual([
      { memberId: 'm1', orderId: 'order-1', accrual: 3, redemption: 0, reason: 'refunded', lineIds: ['l1'] },
    ]);
    expect(first.points).toBe(-3);
    expect(ledgerEntryOf('loyalty.reversed', first.data[0])?.reason).toBe(
      '1 line refunded: 3 points earned taken back',
    );
    // 15 × 1000 / 1500 = 10 so far: 7 more.
    const second = refund(first.state, ['l2']);
    expect(second.points).toBe(-7);
    // The whole refund of what is left: the rest, 5.
    const rest = refund(second.state);
    expect(rest.points).toBe(-5);
    expect(rest.data).toEqual([{ memberId: 'm1', orderId: 'order-1', accrual: 5, redemption: 0, reason: 'refunded' }]);
  });

  it('gives back the spent points only when the last line goes', () => {
    const order = paidOrder([300, 700], 10, 150);
    const first = refund(order, ['l1']);
    expect(first.points).toBe(-3);
    const last = refund(first.state, ['l2']);
    // The rest earned (7) taken back, the 150 spent given back.
    expect(last.data).toEqual([
      { memberId: 'm1', orderId: 'order-1', accrual: 7, redemption: 150, reason: 'refunded', lineIds: ['l2'] },
    ]);
    expect(last.points).toBe(143);
  });

  it('takes nothing back for a line whose share rounds down to no point', () => {
    const order = paidOrder([10, 990], 1);
    expect(refund(order, ['l1']).data).toEqual([]);
    expect(pointsOfLines(order, 1, new Set(['l1', 'l2']))).toBe(1);
  });

  it('whatever the lines and the order of refunds: never more than earned, exactly earned at the end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        (totals, earned, seed, endWhole) => {
          let state = paidOrder(totals, earned);
          const ids = state.lines.map((l) => l.lineId);
          // A seeded shuffle, refunded in groups of one or two lines.
          let s = seed;
          const order = [...ids].sort(() => ((s = (s * 16807) % 2147483647) % 3) - 1);
          const groups: string[][] = [];
          for (let i = 0; i < order.length; i += 1 + (i % 2)) groups.push(order.slice(i, i + 1 + (i % 2)));
          if (endWhole && groups.length > 1) groups.pop();
          let taken = 0;
          for (const g of groups) {
            const r = refund(state, g);
            expect(r.points).toBeLessThanOrEqual(0);
            taken -= r.points;
            expect(taken).toBeLessThanOrEqual(earned);
            state = r.state;
          }
          // What is left (the last group, left out above) refunded whole.
          if (state.payment !== 'refunded') taken -= refund(state).points;
          expect(taken).toBe(earned);
        },
      ),
      { numRuns: 200 },
    );
  });
});
