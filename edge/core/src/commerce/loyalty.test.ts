/** Loyalty earning and rewards, each example computed by hand. No tax, so nets are prices. */
import { describe, expect, it } from 'vitest';
import type { CommerceCatalogInput } from './catalog-schema.js';
import type { PricingCartInput, PricingContextInput } from './cart-schema.js';
import { createPricingEngine } from './compile.js';
import { rewardCost } from './loyalty.js';
import { price } from './price.js';
import type { PricingRulesInput } from './rules-schema.js';

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'drinks', name: { en: 'Drinks' }, taxClass: 'beverage' },
    { id: 'food', name: { en: 'Food' } },
  ],
  dayparts: [{ id: 'morning', name: { en: 'Morning' }, windows: [{ days: ['mon'], start: '06:00', end: '11:00' }] }],
  items: [
    { id: 'coffee', categoryId: 'drinks', sku: 'C', name: { en: 'Coffee' }, price: 300 },
    { id: 'latte', categoryId: 'drinks', sku: 'L', name: { en: 'Latte' }, price: 450 },
    { id: 'muffin', categoryId: 'food', sku: 'M', name: { en: 'Muffin' }, price: 325 },
  ],
};

const rules: PricingRulesInput = {
  stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'none' }],
  tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
  promotions: [
    {
      id: 'muffin-deal',
      name: { en: 'Muffin deal' },
      effect: { kind: 'amount-off', amount: 25, per: 'unit', appliesTo: { itemIds: ['muffin'] } },
    },
  ],
  loyalty: {
    earn: { points: 1, perAmount: 100 },
    multipliers: [
      {
        id: 'morning-drinks',
        name: { en: 'Morning drinks ×3' },
        factorPpm: 3_000_000,
        appliesTo: { categoryIds: ['drinks'] },
        dayparts: ['morning'],
      },
      { id: 'deal-double', name: { en: 'Deals ×2' }, factorPpm: 2_000_000, promotionIds: ['muffin-deal'] },
    ],
    tiers: [{ id: 'gold', name: { en: 'Gold' }, factorPpm: 1_500_000 }],
    rewards: [
      {
        id: 'free-drink',
        name: { en: 'Free drink' },
        points: 150,
        kind: 'item',
        appliesTo: { categoryIds: ['drinks'] },
      },
      { id: 'five-off', name: { en: '$5 off' }, points: 500, kind: 'amount', amount: 500 },
    ],
  },
};

const engine = createPricingEngine(catalog, rules);
const MONDAY_9AM = '2025-03-10T13:00:00Z'; // 09:00 EDT, inside "morning"
const MONDAY_NOON = '2025-03-10T16:00:00Z'; // 12:00 EDT

const order: PricingCartInput = {
  lines: [
    { lineId: 'a', itemId: 'coffee', quantity: 2 },
    { lineId: 'b', itemId: 'muffin', quantity: 1 },
  ],
};
const run = (c: PricingCartInput, context: Partial<PricingContextInput>) =>
  price({ engine, cart: c, context: { storeId: 's', at: MONDAY_9AM, customer: { id: 'g' }, ...context } });

describe('earning', () => {
  it('multiplies by the daypart, the promotion and the tier, and floors once', () => {
    // Coffees 600 × 3 (morning drinks) = 1800; muffin 325 − 25 = 300 × 2 (deal) = 600;
    // 2400 / 100 = 24 points.
    expect(run(order, {}).loyalty).toMatchObject({ pointsEarned: 24, basis: 900 });
    // At noon the drinks multiplier is off: 600 + 600 = 1200 → 12 points.
    expect(run(order, { at: MONDAY_NOON }).loyalty.pointsEarned).toBe(12);
    // Gold ×1.5 at noon: 12 × 1.5 = 18. In the morning: 24 × 1.5 = 36.
    expect(run(order, { at: MONDAY_NOON, customer: { loyaltyTier: 'gold' } }).loyalty).toMatchObject({
      pointsEarned: 18,
      tierId: 'gold',
    });
    expect(run(order, { customer: { loyaltyTier: 'gold' } }).loyalty.pointsEarned).toBe(36);
  });

  it('floors fractions of a point', () => {
    // Muffin alone at noon: (325 − 25) × 2 = 600 → 6; a coffee alone: 300 / 100 = 3; 1 coffee at
    // gold: 3 × 1.5 = 4.5 → 4.
    const coffee = { lines: [{ itemId: 'coffee', quantity: 1 }] };
    expect(run(coffee, { at: MONDAY_NOON, customer: { loyaltyTier: 'gold' } }).loyalty.pointsEarned).toBe(4);
  });
});

describe('rewards', () => {
  it('a free drink makes the dearest drink free and costs 150 points', () => {
    // Latte 450 is the dearest drink → −450. Points then earn on what is left at noon: coffee 300 → 3,
    // muffin 300 × 2 → 6: 9 points.
    const c = {
      lines: [
        { lineId: 'a', itemId: 'coffee', quantity: 1 },
        { lineId: 'b', itemId: 'latte', quantity: 1 },
        { lineId: 'c', itemId: 'muffin', quantity: 1 },
      ],
    };
    const r = run(c, { at: MONDAY_NOON, rewards: ['free-drink'], customer: { id: 'g', pointsBalance: 200 } });
    expect(r.lines.find((l) => l.lineId === 'b')?.discount).toBe(450);
    expect(r.loyalty).toMatchObject({
      pointsRedeemed: 150,
      redemptions: [{ rewardId: 'free-drink', points: 150, amount: 450 }],
      pointsEarned: 9,
    });
    expect(r.applied.at(-1)?.explanation).toBe('Reward — Free drink: 150 points, −$4.50');
  });

  it('refuses a reward the balance cannot pay for', () => {
    const r = run(order, { rewards: ['free-drink'], customer: { id: 'g', pointsBalance: 100 } });
    expect(r.totals.discount).toBe(25); // only the muffin deal
    expect(r.skipped).toEqual([
      {
        promotionId: 'free-drink',
        source: 'reward',
        reason: 'insufficient-points',
        message: 'Free drink costs 150 points; 100 available',
      },
    ]);
  });

  it('an amount reward comes off the order, spread over the lines', () => {
    // 600 + (325 − 25) = 900 left; $5 over 600:300 → 333.33, 166.67 → 333 + 167 (largest remainder).
    const r = run(order, { rewards: ['five-off'] });
    expect(r.adjustments.filter((a) => a.kind === 'line-discount' && a.source === 'reward')).toEqual([
      { kind: 'line-discount', lineId: 'a', amount: 333, promotionId: 'five-off', source: 'reward' },
      { kind: 'line-discount', lineId: 'b', amount: 167, promotionId: 'five-off', source: 'reward' },
    ]);
    expect(r.totals.total).toBe(925 - 25 - 500);
  });

  it('says what a reward costs', () => {
    expect(rewardCost(engine, 'five-off')).toBe(500);
    expect(() => rewardCost(engine, 'nope')).toThrow('no loyalty reward "nope"');
  });
});
