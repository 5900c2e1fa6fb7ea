import { describe, expect, it } from 'vitest';
import { decideOrder, type OrderDecision } from '../orders/decide.js';
import { CONFIG, draft, envFor, staff, T0 } from '../orders/fixtures.test-support.js';
import type { Order } from '../orders/order.js';
import { checkOfflineRedemption, estimateBalance, ledgerEntryOf, redeemedOffline } from './ledger.js';
import { isMemberQr, normalisePhone, tierOf } from './members.js';
import { loyaltyEventsOf, redemptionOf } from './order-loyalty.js';

describe('identifying a member', () => {
  it('reads phone numbers in any common writing as one E.164 form', () => {
    expect(normalisePhone('+1 (555) 010-0199')).toBe('+15550100199');
    expect(normalisePhone('001 555 010 0199')).toBe('+15550100199');
    expect(normalisePhone('555.010.0199', '1')).toBe('+15550100199');
    expect(normalisePhone('020 7946 0018', '44')).toBe('+442079460018');
    expect(normalisePhone('call me')).toBeUndefined();
    expect(normalisePhone('12')).toBeUndefined();
  });

  it('tells a loyalty card from an item barcode', () => {
    expect(isMemberQr('TBXM1-abcdefghijklmnop')).toBe(true);
    expect(isMemberQr('012345678905')).toBe(false);
    expect(isMemberQr('TBXM1-short')).toBe(false);
  });

  it('puts a member in the highest tier whose threshold the year reaches', () => {
    const rules = {
      earn: { points: 1, perAmount: 100 },
      multipliers: [],
      rewards: [],
      exclude: { all: false, itemIds: [], categoryIds: [], tags: [] },
      tiers: [
        { id: 'silver', name: { en: 'Silver' }, factorPpm: 1_000_000, minPoints: 500 },
        { id: 'gold', name: { en: 'Gold' }, factorPpm: 1_500_000, minPoints: 2000 },
        { id: 'staff', name: { en: 'Staff' }, factorPpm: 1_000_000 },
      ],
    };
    expect(tierOf(rules, 499)).toBeUndefined();
    expect(tierOf(rules, 500)).toBe('silver');
    expect(tierOf(rules, 5000)).toBe('gold');
    expect(tierOf(undefined, 5000)).toBeUndefined();
  });
});

describe('the ledger', () => {
  const accrued = (seq: number, points: number) => ({
    seq,
    type: 'loyalty.accrued',
    data: { memberId: 'm1', orderId: `o${seq}`, points },
  });
  const redeemed = (seq: number, points: number, offline: boolean, businessDay = '2026-11-27') => ({
    seq,
    type: 'loyalty.redeemed',
    data: { memberId: 'm1', orderId: `o${seq}`, points, rewardIds: ['free-drink'], businessDay, offline },
  });

  it('makes one signed entry of each store event, and none of the cache', () => {
    expect(ledgerEntryOf('loyalty.accrued', accrued(1, 12).data)).toMatchObject({ kind: 'accrual', points: 12 });
    expect(ledgerEntryOf('loyalty.redeemed', redeemed(2, 150, false).data)).toMatchObject({
      kind: 'redemption',
      points: -150,
    });
    expect(
      ledgerEntryOf('loyalty.reversed', {
        memberId: 'm1',
        orderId: 'o3',
        accrual: 10,
        redemption: 150,
        reason: 'refunded',
      }),
    ).toMatchObject({ kind: 'adjustment', points: 140, reason: expect.stringContaining('refunded') });
    expect(ledgerEntryOf('loyalty.member-seen', { memberId: 'm1', points: 5, storeSeq: 1 })).toBeUndefined();
    expect(ledgerEntryOf('loyalty.accrued', { memberId: 'm1' })).toBeUndefined();
  });

  it("estimates from what the cloud said plus the store's entries it had not counted", () => {
    const log = [accrued(3, 10), redeemed(7, 150, true), accrued(9, 25)];
    expect(estimateBalance({ points: 400, storeSeq: 5 }, log)).toEqual({ points: 275, pending: -125 });
    expect(estimateBalance(undefined, log)).toEqual({ points: -115, pending: -115 });
  });

  it('counts only offline redemptions of the day against the offline limit', () => {
    const log = [redeemed(1, 150, true), redeemed(2, 150, false), redeemed(3, 100, true, '2026-11-26')];
    expect(redeemedOffline(log, '2026-11-27')).toBe(150);
    expect(() => checkOfflineRedemption({ points: 150, balance: 900, redeemedToday: 150, maxPerDay: 200 })).toThrow(
      /at most 50 more points/,
    );
    expect(() => checkOfflineRedemption({ points: 150, balance: 100, redeemedToday: 0, maxPerDay: 200 })).toThrow(
      /about 100/,
    );
    expect(() => checkOfflineRedemption({ points: 150, balance: 900, redeemedToday: 0, maxPerDay: 0 })).toThrow(
      /no more points/,
    );
    expect(() =>
      checkOfflineRedemption({ points: 150, balance: 900, redeemedToday: 50, maxPerDay: 200 }),
    ).not.toThrow();
  });
});

describe("an order's points", () => {
  const memberDraft = () =>
    draft({
      pricing: { discounts: [], taxes: [], loyaltyPoints: 15, loyaltyPointsRedeemed: 150, localTime: 'x' },
      priceInput: {
        cart: { lines: [{ lineId: 'l1', itemId: 'item-l1', modifiers: [], slots: [], quantity: 1 }] },
        context: {
          storeId: 's',
          channel: 'counter',
          orderType: 'takeout',
          at: new Date(T0).toISOString(),
          customer: { id: 'm1', segments: [], taxExempt: false },
          coupons: [],
          rewards: ['free-drink'],
          language: 'en',
          manual: [],
        },
      },
    });
  const placed = (): OrderDecision =>
    decideOrder(undefined, { kind: 'place', order: memberDraft(), fire: 'on-payment' }, envFor(staff, T0, CONFIG));

  it('names the member in order.placed, spends on placing and earns when paid in full', () => {
    const p = placed();
    expect(p.events[0]).toMatchObject({ type: 'order.placed', data: { memberId: 'm1' } });
    expect(redemptionOf(p.state, true)).toMatchObject({
      subject: 'm1',
      data: { points: 150, rewardIds: ['free-drink'], offline: true, businessDay: '2026-11-27' },
    });
    const paid = decideOrder(
      p.state,
      { kind: 'pay', payment: { method: 'cash', tendered: 1500 } },
      envFor(staff, T0 + 1000, CONFIG),
    );
    expect(loyaltyEventsOf(paid.state, paid.events)).toEqual([
      { type: 'loyalty.accrued', subject: 'm1', data: { memberId: 'm1', orderId: 'order-1', points: 15 } },
    ]);
  });

  it('gives back what a cancelled order spent, and earns nothing for it', () => {
    const p = placed();
    const cancelled = decideOrder(p.state, { kind: 'cancel' }, envFor(staff, T0 + 1000, CONFIG));
    expect(loyaltyEventsOf(cancelled.state, cancelled.events)).toEqual([
      {
        type: 'loyalty.reversed',
        subject: 'm1',
        data: { memberId: 'm1', orderId: 'order-1', accrual: 0, redemption: 150, reason: 'cancelled' },
      },
    ]);
  });

  it('does nothing for an order without a member', () => {
    const p = decideOrder(undefined, { kind: 'place', order: draft(), fire: 'now' }, envFor(staff));
    expect(p.events[0]?.data).not.toHaveProperty('memberId');
    const paid = decideOrder(p.state, { kind: 'pay', payment: { method: 'cash', tendered: 1500 } }, envFor(staff));
    expect(loyaltyEventsOf(paid.state as Order, paid.events)).toEqual([]);
    expect(redemptionOf(p.state, false)).toBeUndefined();
  });
});
