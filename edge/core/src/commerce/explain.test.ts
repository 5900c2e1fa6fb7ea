/**
 * Explanations a support person can read aloud, and hints a guest can act on: what a deal is
 * missing, a cap and its exclusions named, tags by their display names, no label said twice.
 * Exact strings for hand-made cases; the store has no tax.
 */
import { describe, expect, it } from 'vitest';
import type { CommerceCatalogInput } from './catalog-schema.js';
import type { PricingContextInput } from './cart-schema.js';
import { createPricingEngine } from './compile.js';
import { englishPlural } from './hints.js';
import { price } from './price.js';
import type { PricingRulesInput } from './rules-schema.js';
import type { PriceResult } from './types.js';

type PromotionInput = NonNullable<PricingRulesInput['promotions']>[number];

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'donuts', name: { en: 'Donuts', es: 'Donas' } },
    { id: 'drinks', name: { en: 'Drinks' }, taxClass: 'beverage' },
    { id: 'food', name: { en: 'Food' } },
    { id: 'bar', name: { en: 'Bar' }, taxClass: 'alcohol' },
  ],
  items: [
    { id: 'donut', categoryId: 'donuts', sku: 'D', name: { en: 'Donut', es: 'Dona' }, price: 400 },
    { id: 'cruller', categoryId: 'donuts', sku: 'CR', name: { en: 'Cruller' }, price: 350 },
    { id: 'coffee', categoryId: 'drinks', sku: 'C', name: { en: 'Coffee' }, price: 300, tags: ['hot'] },
    { id: 'cocoa', categoryId: 'drinks', sku: 'H', name: { en: 'Cocoa' }, price: 350, tags: ['hot', 'sweet'] },
    { id: 'sandwich', categoryId: 'food', sku: 'S', name: { en: 'Sandwich' }, price: 800 },
    { id: 'wine', categoryId: 'bar', sku: 'W', name: { en: 'Wine' }, price: 900, tags: ['alcohol'] },
  ],
};

function run(promotions: PromotionInput[], lines: [string, number][], context: Partial<PricingContextInput> = {}) {
  const engine = createPricingEngine(catalog, {
    stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'none' }],
    tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
    tags: [
      { id: 'alcohol', name: { en: 'Alcohol', es: 'Alcohol' } },
      { id: 'hot', name: { en: 'Hot drinks', es: 'Bebidas calientes' } },
    ],
    promotions,
  });
  const cart = { lines: lines.map(([itemId, quantity], k) => ({ lineId: `l${k}`, itemId, quantity })) };
  return price({ engine, cart, context: { storeId: 's', at: '2025-03-10T19:00:00Z', ...context } });
}

const messages = (r: PriceResult): string[] => r.hints.map((h) => h.message);
const explanations = (r: PriceResult): string[] => r.applied.map((a) => a.explanation);

const donuts: PromotionInput = {
  id: 'three-donuts',
  name: { en: '3 donuts for $10', es: '3 donas por $10' },
  effect: { kind: 'multi-buy', appliesTo: { itemIds: ['donut'] }, quantity: 3, price: 1000 },
};

describe('a deal the cart is short of says what to add', () => {
  it('"3 donuts for $10: add 1 more Donut" — a hint for the guest, the same words for support', () => {
    const r = run([donuts], [['donut', 2]]);
    expect(r.hints).toEqual([
      { promotionId: 'three-donuts', kind: 'add-items', missing: 1, message: '3 donuts for $10: add 1 more Donut' },
    ]);
    expect(r.skipped).toEqual([
      {
        promotionId: 'three-donuts',
        source: 'promotion',
        reason: 'min-quantity',
        message: '3 donuts for $10: add 1 more Donut',
      },
    ]);
    expect(messages(run([donuts], [['donut', 1]]))).toEqual(['3 donuts for $10: add 2 more Donuts']);
    expect(messages(run([donuts], [['donut', 1]], { language: 'es' }))).toEqual(['3 donas por $10: add 2 more Dona']);
  });

  it('no hint once the deal applies', () => {
    // 3 × 400 = 1200 → 1000: −200.
    const r = run([donuts], [['donut', 3]]);
    expect(r.hints).toEqual([]);
    expect(explanations(r)).toEqual(['3 donuts for $10: 3 for $10.00 on Donut, −$2.00']);
  });

  it('a deal on a category or a tag names it', () => {
    const pair: PromotionInput = {
      id: 'pair',
      name: { en: 'Donut pair' },
      effect: { kind: 'multi-buy', appliesTo: { categoryIds: ['donuts'] }, quantity: 2, price: 600 },
    };
    expect(messages(run([pair], [['cruller', 1]]))).toEqual(['Donut pair: add 1 more from Donuts']);
    const meal: PromotionInput = {
      id: 'meal',
      name: { en: 'Meal deal' },
      effect: {
        kind: 'bundle-price',
        components: [
          { appliesTo: { itemIds: ['sandwich'] }, quantity: 1 },
          { appliesTo: { tags: ['hot'] }, quantity: 2 },
        ],
        price: 1200,
      },
    };
    expect(messages(run([meal], [['sandwich', 1]]))).toEqual(['Meal deal: add 2 more from Hot drinks']);
    expect(messages(run([meal], [['coffee', 1]]))).toEqual([
      'Meal deal: add 1 more Sandwich and 1 more from Hot drinks',
    ]);
  });

  it('buy X get Y: the free unit when both sides are the same, otherwise the missing side', () => {
    const bogo: PromotionInput = {
      id: 'bogo',
      name: { en: 'Coffee BOGO' },
      effect: {
        kind: 'buy-x-get-y',
        buy: { appliesTo: { itemIds: ['coffee'] }, quantity: 1 },
        get: { appliesTo: { itemIds: ['coffee'] }, quantity: 1 },
      },
    };
    expect(messages(run([bogo], [['coffee', 1]]))).toEqual(['Coffee BOGO: add 1 more Coffee']);
    const lunch: PromotionInput = {
      id: 'lunch',
      name: { en: 'Lunch' },
      effect: {
        kind: 'buy-x-get-y',
        buy: { appliesTo: { itemIds: ['sandwich'] }, quantity: 1 },
        get: { appliesTo: { categoryIds: ['drinks'] }, quantity: 1, percentPpm: 500_000 },
      },
    };
    expect(messages(run([lunch], [['coffee', 2]]))).toEqual(['Lunch: add 1 more Sandwich']);
    expect(messages(run([lunch], [['sandwich', 1]]))).toEqual(['Lunch: add 1 more from Drinks']);
  });

  it('a minimum quantity and a spend threshold say how many, or how much, is missing', () => {
    const halfDozen: PromotionInput = {
      id: 'half-dozen',
      name: { en: 'Half dozen' },
      conditions: { minQuantity: 6 },
      effect: { kind: 'percent-off', percentPpm: 100_000, appliesTo: { categoryIds: ['donuts'] } },
    };
    expect(messages(run([halfDozen], [['donut', 4]]))).toEqual(['Half dozen: add 2 more from Donuts']);
    const over30: PromotionInput = {
      id: 'over-30',
      name: { en: 'Big order saving' },
      conditions: { spend: { amount: 3000, comparison: 'more-than', measuredOn: 'subtotal-before-discounts' } },
      effect: { kind: 'amount-off', amount: 500, appliesTo: { all: true } },
    };
    // Sandwiches 2400 + coffees 600 = 3000, not over 3000: one cent more.
    const r = run(
      [over30],
      [
        ['sandwich', 3],
        ['coffee', 2],
      ],
    );
    expect(r.hints).toEqual([
      { promotionId: 'over-30', kind: 'add-spend', missing: 1, message: 'Big order saving: add $0.01 more' },
    ]);
    const drinks: PromotionInput = {
      id: 'drinks',
      name: { en: 'Drinks treat' },
      conditions: { spend: { amount: 1000, comparison: 'at-least', measuredOn: 'after-earlier-promotions' } },
      effect: { kind: 'percent-off', percentPpm: 100_000, appliesTo: { categoryIds: ['drinks'] } },
    };
    // One coffee, 300 of 1000.
    expect(messages(run([drinks], [['coffee', 1]]))).toEqual(['Drinks treat: add $7.00 more of Drinks']);
  });
});

describe('a capped discount names its cap and its exclusions', () => {
  const weekend: PromotionInput = {
    id: 'weekend',
    name: { en: 'Weekend', es: 'Fin de semana' },
    maxDiscount: 500,
    exclude: { tags: ['alcohol'] },
    effect: { kind: 'percent-off', percentPpm: 200_000, appliesTo: { all: true } },
  };

  it('"20% off, up to $5.00; not on Alcohol"', () => {
    // Sandwiches 4 × 800 = 3200: 20% = 640, capped at 500. The wine is never discounted.
    const r = run(
      [weekend],
      [
        ['sandwich', 4],
        ['wine', 1],
      ],
    );
    expect(explanations(r)).toEqual(['Weekend: 20% off, up to $5.00; not on Alcohol, −$5.00']);
    expect(r.applied[0]?.capped).toBe(true);
    const es = run([weekend], [['sandwich', 1]], { language: 'es' });
    // 20% of 800 = 160: under the cap, still named.
    expect(explanations(es)).toEqual(['Fin de semana: 20% off, up to 5,00\u00a0US$; not on Alcohol, −1,60\u00a0US$']);
  });

  it("an author's label that already says its terms is not extended", () => {
    const r = run([{ ...weekend, label: { en: '20% off, up to $5 (not on alcohol)' } }], [['sandwich', 1]]);
    expect(explanations(r)).toEqual(['Weekend: 20% off, up to $5 (not on alcohol), −$1.60']);
  });
});

describe('a deal chosen by tag shows its display name', () => {
  const warmUp: PromotionInput = {
    id: 'warm-up',
    name: { en: 'Warm up', es: 'Entra en calor' },
    effect: { kind: 'percent-off', percentPpm: 100_000, appliesTo: { tags: ['hot'] } },
  };

  it('in the language of the order; a tag without a name as written', () => {
    // Coffee 300 + cocoa 350 = 650: 10% = 65.
    const cart: [string, number][] = [
      ['coffee', 1],
      ['cocoa', 1],
    ];
    expect(explanations(run([warmUp], cart))).toEqual(['Warm up: 10% off Hot drinks, −$0.65']);
    expect(explanations(run([warmUp], cart, { language: 'es' }))).toEqual([
      'Entra en calor: 10% off Bebidas calientes, −0,65\u00a0US$',
    ]);
    const sweet = { ...warmUp, effect: { ...warmUp.effect, appliesTo: { tags: ['sweet'] } } };
    expect(explanations(run([sweet], cart))).toEqual(['Warm up: 10% off sweet, −$0.35']);
  });
});

describe('no label repeats itself', () => {
  const pct = (id: string, name: string, label?: string, coupon?: string): PromotionInput => ({
    id,
    name: { en: name },
    ...(label === undefined ? {} : { label: { en: label } }),
    ...(coupon === undefined ? {} : { coupon: { code: coupon } }),
    effect: { kind: 'percent-off', percentPpm: 500_000, appliesTo: { itemIds: ['coffee'] } },
  });

  it('says the name once when the label begins with it, or the label once when the name holds it', () => {
    const coffee: [string, number][] = [['coffee', 1]];
    expect(explanations(run([pct('hh', 'Happy hour', 'Happy hour 50% off')], coffee))).toEqual([
      'Happy hour 50% off, −$1.50',
    ]);
    expect(explanations(run([pct('hh', 'Happy Hour: 50% off coffee', '50% off Coffee')], coffee))).toEqual([
      'Happy Hour: 50% off coffee, −$1.50',
    ]);
    expect(explanations(run([pct('hh', 'Coffee', undefined)], coffee))).toEqual(['50% off Coffee, −$1.50']);
    // Different words are both said; the coupon code stays with what is said.
    expect(
      explanations(
        run([pct('w', 'Welcome', 'Welcome: half-price coffee', 'HELLO')], coffee, { coupons: [{ code: 'hello' }] }),
      ),
    ).toEqual(['Welcome: half-price coffee (HELLO), −$1.50']);
    expect(explanations(run([pct('hh', 'Happy hour', undefined)], coffee))).toEqual([
      'Happy hour: 50% off Coffee, −$1.50',
    ]);
  });

  it('does not take letters inside a word for a repeat', () => {
    // "Tea" is inside "Steam", but not one of its words: both are said.
    const coffee: [string, number][] = [['coffee', 1]];
    expect(explanations(run([pct('t', 'Tea', 'Steam deal 50% off')], coffee))).toEqual([
      'Tea: Steam deal 50% off, −$1.50',
    ]);
  });
});

describe('English plurals for item names', () => {
  it('adds s, es or ies; leaves names with numbers alone', () => {
    expect(['Donut', 'Blueberry', 'Peach', 'Box', 'Latte', 'Day', 'Beans, 12 oz'].map(englishPlural)).toEqual([
      'Donuts',
      'Blueberries',
      'Peaches',
      'Boxes',
      'Lattes',
      'Days',
      'Beans, 12 oz',
    ]);
  });
});
