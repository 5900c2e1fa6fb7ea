/**
 * Spend thresholds: what they measure (before discounts, or after earlier promotions) and how
 * they compare ("at least" or "more than"). Each example computed by hand; the store has no tax.
 */
import { describe, expect, it } from 'vitest';
import type { CommerceCatalogInput } from './catalog-schema.js';
import type { PricingCartInput } from './cart-schema.js';
import { createPricingEngine, parsePricingRules } from './compile.js';
import { price } from './price.js';
import type { PricingRulesInput, SpendThreshold } from './rules-schema.js';
import type { PriceResult } from './types.js';

type PromotionInput = NonNullable<PricingRulesInput['promotions']>[number];

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'drinks', name: { en: 'Drinks' }, taxClass: 'beverage' },
    { id: 'food', name: { en: 'Food' } },
    { id: 'retail', name: { en: 'Retail' }, taxClass: 'general' },
  ],
  items: [
    { id: 'latte', categoryId: 'drinks', sku: 'L', name: { en: 'Latte' }, price: 450 },
    { id: 'tea', categoryId: 'drinks', sku: 'T', name: { en: 'Tea' }, price: 250 },
    { id: 'sandwich', categoryId: 'food', sku: 'S', name: { en: 'Sandwich' }, price: 800 },
    { id: 'gift-card', categoryId: 'retail', sku: 'G', name: { en: 'Gift card' }, price: 2500 },
  ],
};

const happyHour: PromotionInput = {
  id: 'happy-hour',
  name: { en: 'Happy hour' },
  priority: 10,
  effect: { kind: 'percent-off', percentPpm: 200_000, appliesTo: { categoryIds: ['drinks'] } },
};

const fiveOff = (spend: SpendThreshold): PromotionInput => ({
  id: 'five-off',
  name: { en: 'Big order saving' },
  conditions: { spend },
  effect: { kind: 'amount-off', amount: 500, appliesTo: { all: true } },
});

function run(promotions: PromotionInput[], lines: [string, string, number][]): PriceResult {
  const engine = createPricingEngine(catalog, {
    stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'none' }],
    tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
    exclusions: { categoryIds: ['retail'] },
    promotions,
  });
  const cart: PricingCartInput = { lines: lines.map(([lineId, itemId, quantity]) => ({ lineId, itemId, quantity })) };
  return price({ engine, cart, context: { storeId: 's', at: '2025-03-10T19:00:00Z' } });
}

// Sandwiches 2 × 800 = 1600, lattes 2 × 450 = 900, teas 2 × 250 = 500: exactly $30.00.
const thirty: [string, string, number][] = [
  ['a', 'sandwich', 2],
  ['b', 'latte', 2],
  ['c', 'tea', 2],
];

describe('"over $30" and "$30 or more"', () => {
  it('exactly $30.00 is not over $30', () => {
    const r = run(
      [fiveOff({ amount: 3000, comparison: 'more-than', measuredOn: 'subtotal-before-discounts' })],
      thirty,
    );
    expect(r.totals.discount).toBe(0);
    expect(r.skipped).toEqual([
      {
        promotionId: 'five-off',
        source: 'promotion',
        reason: 'min-spend',
        message: 'Big order saving needs more than $30.00 of qualifying items before discounts; the cart has $30.00',
      },
    ]);
  });

  it('exactly $30.00 is $30 or more', () => {
    const r = run([fiveOff({ amount: 3000, comparison: 'at-least', measuredOn: 'subtotal-before-discounts' })], thirty);
    expect(r.totals).toMatchObject({ discount: 500, total: 2500 });
    expect(r.applied[0]?.explanation).toBe('Big order saving: $5.00 off orders of $30.00 or more, −$5.00');
  });

  it('names the comparison in the label', () => {
    const r = run(
      [fiveOff({ amount: 2999, comparison: 'more-than', measuredOn: 'subtotal-before-discounts' })],
      thirty,
    );
    expect(r.applied[0]?.explanation).toBe('Big order saving: $5.00 off orders over $29.99, −$5.00');
  });
});

describe('what a threshold is measured on', () => {
  // Happy hour first: 20% of the drinks 1400 = 280 (latte 180, tea 100), leaving 1600 + 720 + 400 = 2720.
  it('after earlier promotions: $27.20 left is short of $30', () => {
    const r = run(
      [happyHour, fiveOff({ amount: 3000, comparison: 'at-least', measuredOn: 'after-earlier-promotions' })],
      thirty,
    );
    expect(r.totals.discount).toBe(280);
    expect(r.skipped[0]?.message).toBe(
      'Big order saving needs $30.00 or more of qualifying items after earlier promotions; the cart has $27.20',
    );
  });

  it('before discounts: the $30.00 subtotal qualifies; $5 comes off what is left', () => {
    // 500 over 1600 / 720 / 400 (2720): 294.12, 132.35, 73.53 → floors 294 + 132 + 73 = 499, the cent
    // left goes to the largest remainder (.53, the teas) → 294 / 132 / 74. Discount 280 + 500 = 780.
    const r = run(
      [happyHour, fiveOff({ amount: 3000, comparison: 'at-least', measuredOn: 'subtotal-before-discounts' })],
      thirty,
    );
    expect(r.adjustments.filter((a) => a.kind === 'line-discount' && a.promotionId === 'five-off')).toEqual([
      { kind: 'line-discount', lineId: 'a', amount: 294, promotionId: 'five-off', source: 'promotion' },
      { kind: 'line-discount', lineId: 'b', amount: 132, promotionId: 'five-off', source: 'promotion' },
      { kind: 'line-discount', lineId: 'c', amount: 74, promotionId: 'five-off', source: 'promotion' },
    ]);
    expect(r.totals).toMatchObject({ discount: 780, total: 2220 });
  });

  it('before discounts: lines that are never discounted do not count', () => {
    // The gift card (2500, excluded from every promotion) does not count: only the latte's 450 does.
    const r = run(
      [fiveOff({ amount: 3000, comparison: 'at-least', measuredOn: 'subtotal-before-discounts' })],
      [
        ['a', 'gift-card', 1],
        ['b', 'latte', 1],
      ],
    );
    expect(r.skipped[0]?.message).toBe(
      'Big order saving needs $30.00 or more of qualifying items before discounts; the cart has $4.50',
    );
  });

  it('a threshold on some lines counts only those lines', () => {
    // Drinks 900 + 500 = 1400 > 1000: 20% of 1400 = 280. The sandwiches do not count and are not discounted.
    const drinks: PromotionInput = {
      ...happyHour,
      conditions: { spend: { amount: 1000, comparison: 'more-than', measuredOn: 'subtotal-before-discounts' } },
    };
    const r = run([drinks], thirty);
    expect(r.totals.discount).toBe(280);
    expect(r.applied[0]?.explanation).toBe('Happy hour: 20% off Drinks when they come to over $10.00, −$2.80');
    expect(
      run(
        [drinks],
        [
          ['a', 'sandwich', 2],
          ['b', 'tea', 4],
        ],
      ).skipped[0]?.message,
    ).toBe('Happy hour needs more than $10.00 of qualifying items before discounts; the cart has $10.00');
  });
});

describe('rules written before thresholds named their measure', () => {
  it('read minSpend as "at least, after earlier promotions", as it always was', () => {
    const legacy = { ...fiveOff({ amount: 1, comparison: 'at-least', measuredOn: 'after-earlier-promotions' }) };
    legacy.conditions = { minSpend: 3000 };
    const parsed = parsePricingRules({
      stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'none' }],
      tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
      promotions: [legacy],
    });
    expect(parsed.promotions[0]?.conditions).toEqual({
      spend: { amount: 3000, comparison: 'at-least', measuredOn: 'after-earlier-promotions' },
    });
    // And it prices as before: $27.20 after happy hour is short of $30.
    expect(run([happyHour, legacy], thirty).skipped[0]?.reason).toBe('min-spend');
    expect(run([legacy], thirty).totals.discount).toBe(500);
  });

  it('refuse a threshold that does not say what it measures, or both forms at once', () => {
    const rules = (conditions: unknown) => ({
      stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'none' }],
      tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
      promotions: [
        { ...fiveOff({ amount: 1, comparison: 'at-least', measuredOn: 'after-earlier-promotions' }), conditions },
      ],
    });
    expect(() => parsePricingRules(rules({ spend: { amount: 3000, comparison: 'more-than' } }))).toThrow(
      'invalid pricing rules: promotion "five-off": spend.measuredOn must say what the threshold is measured on: "subtotal-before-discounts" or "after-earlier-promotions"',
    );
    expect(() =>
      parsePricingRules(
        rules({
          minSpend: 3000,
          spend: { amount: 3000, comparison: 'more-than', measuredOn: 'subtotal-before-discounts' },
        }),
      ),
    ).toThrow('give spend or the older minSpend, not both');
  });
});
