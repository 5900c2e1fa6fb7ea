/**
 * Promotions, each example computed by hand. The store has no tax so totals show discounts
 * alone. Line ids are letters; lines are processed in lineId order.
 */
import { describe, expect, it } from 'vitest';
import type { CommerceCatalogInput } from './catalog-schema.js';
import type { PricingCartInput, PricingContextInput } from './cart-schema.js';
import { createPricingEngine } from './compile.js';
import { price } from './price.js';
import type { PricingRulesInput } from './rules-schema.js';
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
    { id: 'coffee', categoryId: 'drinks', sku: 'C', name: { en: 'Coffee' }, price: 300 },
    { id: 'tea', categoryId: 'drinks', sku: 'T', name: { en: 'Tea' }, price: 250 },
    { id: 'latte', categoryId: 'drinks', sku: 'L', name: { en: 'Latte' }, price: 450 },
    { id: 'muffin', categoryId: 'food', sku: 'M', name: { en: 'Muffin' }, price: 325 },
    { id: 'bagel', categoryId: 'food', sku: 'B', name: { en: 'Bagel' }, price: 275 },
    { id: 'sandwich', categoryId: 'food', sku: 'S', name: { en: 'Sandwich' }, price: 800 },
    { id: 'gift-card', categoryId: 'retail', sku: 'G', name: { en: 'Gift card' }, price: 2500 },
  ],
};

function rules(promotions: PromotionInput[], extra: Partial<PricingRulesInput> = {}): PricingRulesInput {
  return {
    stores: [{ id: 'nyc', timeZone: 'America/New_York', taxJurisdictionId: 'none' }],
    tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
    promotions,
    ...extra,
  };
}

/** Lines as [lineId, itemId, quantity]. */
function cart(...lines: [string, string, number][]): PricingCartInput {
  return { lines: lines.map(([lineId, itemId, quantity]) => ({ lineId, itemId, quantity })) };
}

const MONDAY_AFTERNOON = '2025-03-10T19:00:00Z'; // 15:00 EDT

function run(
  promotions: PromotionInput[],
  c: PricingCartInput,
  context: Partial<PricingContextInput> = {},
  extra: Partial<PricingRulesInput> = {},
): PriceResult {
  const engine = createPricingEngine(catalog, rules(promotions, extra));
  return price({ engine, cart: c, context: { storeId: 'nyc', at: MONDAY_AFTERNOON, ...context } });
}

const discountOf = (r: PriceResult, lineId: string): number => r.lines.find((l) => l.lineId === lineId)?.discount ?? -1;

const happyHour: PromotionInput = {
  id: 'happy-hour',
  name: { en: 'Happy hour' },
  windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:00', end: '17:00' }],
  effect: { kind: 'percent-off', percentPpm: 200_000, appliesTo: { categoryIds: ['drinks'] } },
};

describe('happy hour (20% off drinks, Mon–Fri 14:00–17:00 store time)', () => {
  const order = cart(['a', 'coffee', 2], ['b', 'muffin', 1]);

  it('applies inside the window and explains itself', () => {
    // Drinks: 2 × 300 = 600; 20% = 120. Muffin 325 untouched. Total 925 − 120 = 805.
    const r = run([happyHour], order);
    expect(r.totals).toMatchObject({ subtotal: 925, discount: 120, total: 805 });
    expect(r.adjustments).toEqual([
      { kind: 'line-discount', lineId: 'a', amount: 120, promotionId: 'happy-hour', source: 'promotion' },
    ]);
    expect(r.applied[0]?.explanation).toBe('Happy hour: 20% off Drinks, −$1.20');
  });

  it('follows the store clock through the DST change week', () => {
    // Fri 7 Mar 21:30Z = 16:30 EST → inside; Mon 10 Mar 21:30Z = 17:30 EDT → outside;
    // Mon 10 Mar 18:30Z = 14:30 EDT → inside. A fixed UTC−5 offset would get the Monday ones backwards.
    expect(run([happyHour], order, { at: '2025-03-07T21:30:00Z' }).totals.discount).toBe(120);
    const late = run([happyHour], order, { at: '2025-03-10T21:30:00Z' });
    expect(late.totals.discount).toBe(0);
    expect(late.skipped).toEqual([
      {
        promotionId: 'happy-hour',
        source: 'promotion',
        reason: 'outside-hours',
        message: 'Happy hour runs Mon, Tue, Wed, Thu, Fri 14:00–17:00; it is 2025-03-10 17:30 mon (America/New_York)',
      },
    ]);
    expect(run([happyHour], order, { at: '2025-03-10T18:30:00Z' }).totals.discount).toBe(120);
  });
});

describe('buy X get Y', () => {
  const bogo: PromotionInput = {
    id: 'bogo',
    name: { en: 'BOGO drinks' },
    effect: {
      kind: 'buy-x-get-y',
      buy: { appliesTo: { categoryIds: ['drinks'] }, quantity: 1 },
      get: { appliesTo: { categoryIds: ['drinks'] }, quantity: 1 },
    },
  };

  it('BOGO: the cheaper of two drinks is free', () => {
    // Latte 450 + coffee 300: buy the latte, coffee free → −300.
    const r = run([bogo], cart(['a', 'latte', 1], ['b', 'coffee', 1]));
    expect(discountOf(r, 'b')).toBe(300);
    expect(r.totals.total).toBe(450);
    expect(r.applied[0]?.explanation).toBe('BOGO drinks: buy 1 Drinks, get 1 Drinks free, −$3.00');
  });

  it('BOGO: three coffees give one free, four give two', () => {
    // 3 units → ⌊3 / 2⌋ = 1 free (300); 4 units → 2 free (600).
    expect(run([bogo], cart(['a', 'coffee', 3])).totals.discount).toBe(300);
    expect(run([bogo], cart(['a', 'coffee', 4])).totals.discount).toBe(600);
  });

  it('cheapest free: buy 2 food, get the cheapest third free', () => {
    const promo: PromotionInput = {
      id: 'cheapest-free',
      name: { en: '3rd free' },
      effect: {
        kind: 'buy-x-get-y',
        buy: { appliesTo: { categoryIds: ['food'] }, quantity: 2 },
        get: { appliesTo: { categoryIds: ['food'] }, quantity: 1 },
      },
    };
    // Sandwich 800, muffin 325, bagel 275 → one set; the bagel (275) is free.
    const one = run([promo], cart(['a', 'sandwich', 1], ['b', 'muffin', 1], ['c', 'bagel', 1]));
    expect(discountOf(one, 'c')).toBe(275);
    expect(one.totals.total).toBe(800 + 325);
    // Two of each (6 units) → two sets; the two cheapest units (both bagels, 2 × 275 = 550) are free.
    const two = run([promo], cart(['a', 'sandwich', 2], ['b', 'muffin', 2], ['c', 'bagel', 2]));
    expect(discountOf(two, 'c')).toBe(550);
    expect(two.totals.discount).toBe(550);
  });

  it('buy a sandwich, get a drink half price: the cheapest drink', () => {
    const promo: PromotionInput = {
      id: 'lunch',
      name: { en: 'Lunch' },
      effect: {
        kind: 'buy-x-get-y',
        buy: { appliesTo: { itemIds: ['sandwich'] }, quantity: 1 },
        get: { appliesTo: { categoryIds: ['drinks'] }, quantity: 1, percentPpm: 500_000 },
      },
    };
    // One sandwich, a latte 450 and a tea 250 → tea at half: 250 × 50% = 125.
    const r = run([promo], cart(['a', 'sandwich', 1], ['b', 'latte', 1], ['c', 'tea', 1]));
    expect(discountOf(r, 'c')).toBe(125);
    expect(r.totals.discount).toBe(125);
  });
});

describe('3 for $10', () => {
  const deal: PromotionInput = {
    id: 'three-for-ten',
    name: { en: 'Drinks deal' },
    effect: { kind: 'multi-buy', appliesTo: { categoryIds: ['drinks'] }, quantity: 3, price: 1000 },
  };

  it('three lattes for $10', () => {
    // 3 × 450 = 1350 → 1000: −350. A fourth latte is full price.
    expect(run([deal], cart(['a', 'latte', 3])).totals.discount).toBe(350);
    expect(run([deal], cart(['a', 'latte', 4])).totals).toMatchObject({ discount: 350, total: 1800 - 350 });
  });

  it('mixes items, takes the dearest three, and spreads the saving by value', () => {
    // Units 450, 300, 300, 250 → set 450 + 300 + 300 = 1050 → −50; the tea stays out.
    // Spread 50 over latte 450 and coffees 600: 50×450/1050 = 21.43 → 21, 50×600/1050 = 28.57 → 28,
    // one cent left goes to the larger remainder (.57, coffees) → 21 + 29.
    const r = run([deal], cart(['a', 'latte', 1], ['b', 'coffee', 2], ['c', 'tea', 1]));
    expect([discountOf(r, 'a'), discountOf(r, 'b'), discountOf(r, 'c')]).toEqual([21, 29, 0]);
  });
});

describe('$5 off orders over $30', () => {
  const fiveOff: PromotionInput = {
    id: 'five-off',
    name: { en: 'Spend and save' },
    conditions: { spend: { amount: 3000, comparison: 'more-than', measuredOn: 'after-earlier-promotions' } },
    effect: { kind: 'amount-off', amount: 500, appliesTo: { all: true } },
  };

  it('does not apply under $30 and says why', () => {
    // 3 × 800 + 450 = 2850 < 3000.
    const r = run([fiveOff], cart(['a', 'sandwich', 3], ['b', 'latte', 1]));
    expect(r.totals.discount).toBe(0);
    expect(r.skipped[0]).toMatchObject({
      reason: 'min-spend',
      message:
        'Spend and save needs more than $30.00 of qualifying items after earlier promotions; the cart has $28.50',
    });
  });

  it('applies over $30, spread over the lines by largest remainder', () => {
    // 2400 + 450 + 325 = 3175. 500×2400/3175 = 377.95, 500×450/3175 = 70.87, 500×325/3175 = 51.18
    // → floors 377 + 70 + 51 = 498; the two cents go to the largest remainders (.95, .87) → 378, 71, 51.
    const r = run([fiveOff], cart(['a', 'sandwich', 3], ['b', 'latte', 1], ['c', 'muffin', 1]));
    expect([discountOf(r, 'a'), discountOf(r, 'b'), discountOf(r, 'c')]).toEqual([378, 71, 51]);
    expect(r.totals.total).toBe(2675);
    expect(r.applied[0]?.explanation).toBe('Spend and save: $5.00 off orders over $30.00, −$5.00');
  });
});

describe('coupons', () => {
  const coupon: PromotionInput = {
    id: 'save-ten',
    name: { en: 'Welcome' },
    coupon: { code: 'SAVE10', maxUses: 100, maxUsesPerCustomer: 1 },
    effect: { kind: 'percent-off', percentPpm: 100_000, appliesTo: { all: true } },
  };
  const order = cart(['a', 'sandwich', 1]);
  const customer = { id: 'c1' };

  it('needs its code; matches it without regard to case', () => {
    expect(run([coupon], order, { customer }).totals.discount).toBe(0);
    // 10% of 800 = 80.
    const r = run([coupon], order, { customer, coupons: [{ code: 'save10', timesUsed: 99 }] });
    expect(r.totals.discount).toBe(80);
    expect(r.applied[0]).toMatchObject({ code: 'SAVE10', explanation: 'Welcome (SAVE10): 10% off, −$0.80' });
  });

  it('is refused when its use limit is reached', () => {
    const r = run([coupon], order, { customer, coupons: [{ code: 'SAVE10', timesUsed: 100 }] });
    expect(r.totals.discount).toBe(0);
    expect(r.skipped).toEqual([
      {
        promotionId: 'save-ten',
        source: 'promotion',
        reason: 'coupon-limit',
        message: 'coupon SAVE10 has been used 100 of 100 times',
      },
    ]);
    const again = run([coupon], order, { customer, coupons: [{ code: 'SAVE10', timesUsedByCustomer: 1 }] });
    expect(again.skipped[0]?.reason).toBe('coupon-customer-limit');
  });

  it('reports an unknown code', () => {
    const r = run([coupon], order, { coupons: [{ code: 'NOPE' }] });
    expect(r.skipped).toEqual([
      { promotionId: 'NOPE', source: 'promotion', reason: 'coupon-unknown', message: 'no coupon NOPE' },
    ]);
  });
});

describe('stacking', () => {
  const halfLatte = (priority: number): PromotionInput => ({
    id: 'half-latte',
    name: { en: 'Half-price latte' },
    priority,
    stacking: 'exclusive',
    effect: { kind: 'percent-off', percentPpm: 500_000, appliesTo: { itemIds: ['latte'] } },
  });
  const tenOffDrinks = (priority: number): PromotionInput => ({
    id: 'ten-drinks',
    name: { en: '10% off drinks' },
    priority,
    effect: { kind: 'percent-off', percentPpm: 100_000, appliesTo: { categoryIds: ['drinks'] } },
  });
  const order = cart(['a', 'latte', 1], ['b', 'coffee', 1]);

  it('an exclusive promotion with higher priority keeps its line to itself', () => {
    // Exclusive first: latte 450 × 50% = 225, latte locked. Then 10% of the coffee only: 30. Total 255.
    const r = run([tenOffDrinks(5), halfLatte(10)], order);
    expect([discountOf(r, 'a'), discountOf(r, 'b')]).toEqual([225, 30]);
  });

  it('a lower-priority exclusive promotion skips lines already discounted', () => {
    // 10% first on 750 → 75 (latte 45, coffee 30); the exclusive latte deal then finds its line taken.
    const r = run([tenOffDrinks(20), halfLatte(10)], order);
    expect(r.totals.discount).toBe(75);
    expect(r.skipped[0]).toMatchObject({ promotionId: 'half-latte', reason: 'exclusive' });
  });

  it('stackable promotions compound on what is left', () => {
    // 10% of 750 = 75 → 675 left; 20% of 675 = 135. Total 210.
    const twenty: PromotionInput = { ...tenOffDrinks(1), id: 'twenty', effect: { ...happyHour.effect } };
    const r = run([twenty, tenOffDrinks(10)], order);
    expect(r.applied.map((a) => [a.promotionId, a.amount])).toEqual([
      ['ten-drinks', 75],
      ['twenty', 135],
    ]);
  });

  it('caps the total discount of the order', () => {
    // Cap 25% of 1250 = 312.5 → 313 (half-up). 20% off all = 250 fits; $2 off each latte = 200 is cut to 63.
    const all20: PromotionInput = {
      id: 'all-20',
      name: { en: 'Twenty' },
      priority: 10,
      effect: { kind: 'percent-off', percentPpm: 200_000, appliesTo: { all: true } },
    };
    const twoOff: PromotionInput = {
      id: 'two-off-latte',
      name: { en: 'Latte love' },
      effect: { kind: 'amount-off', amount: 200, per: 'unit', appliesTo: { itemIds: ['latte'] } },
    };
    const r = run(
      [all20, twoOff],
      cart(['a', 'sandwich', 1], ['b', 'latte', 1]),
      {},
      {
        maxDiscount: { percentPpm: 250_000 },
      },
    );
    expect(r.totals.discount).toBe(313);
    expect(r.applied[1]).toMatchObject({ promotionId: 'two-off-latte', amount: 63, capped: true });
    expect(r.applied[1]?.explanation).toBe(
      'Latte love: $2.00 off each Latte (capped: at most 25% of the subtotal off an order), −$0.63',
    );
  });

  it('caps one promotion at its own maximum', () => {
    // 50% of 800 = 400, at most 300.
    const r = run(
      [
        {
          id: 'half-up-to-3',
          name: { en: 'Half off' },
          maxDiscount: 300,
          effect: { kind: 'percent-off', percentPpm: 500_000, appliesTo: { all: true } },
        },
      ],
      cart(['a', 'sandwich', 1]),
    );
    expect(r.totals.discount).toBe(300);
    expect(r.applied[0]).toMatchObject({ capped: true, explanation: 'Half off: 50% off, up to $3.00, −$3.00' });
  });

  it('never discounts excluded items', () => {
    const all20: PromotionInput = {
      id: 'all-20',
      name: { en: 'Twenty' },
      exclude: { itemIds: ['sandwich'] },
      effect: { kind: 'percent-off', percentPpm: 200_000, appliesTo: { all: true } },
    };
    // Gift cards never discount (rules); the sandwich is excluded by the promotion; latte 450 × 20% = 90.
    const r = run(
      [all20],
      cart(['a', 'gift-card', 1], ['b', 'latte', 1], ['c', 'sandwich', 1]),
      {},
      {
        exclusions: { categoryIds: ['retail'] },
      },
    );
    expect([discountOf(r, 'a'), discountOf(r, 'b'), discountOf(r, 'c')]).toEqual([0, 90, 0]);
  });
});

describe('bundles and scoping', () => {
  it('a sandwich and a drink for $10', () => {
    const meal: PromotionInput = {
      id: 'meal',
      name: { en: 'Meal deal' },
      effect: {
        kind: 'bundle-price',
        components: [
          { appliesTo: { itemIds: ['sandwich'] }, quantity: 1 },
          { appliesTo: { categoryIds: ['drinks'] }, quantity: 1 },
        ],
        price: 1000,
      },
    };
    // Sandwich 800 + the dearer drink (latte 450) = 1250 → 1000: −250, spread 800:450 →
    // 250×800/1250 = 160, 250×450/1250 = 90. The tea is not in a bundle.
    const r = run([meal], cart(['a', 'sandwich', 1], ['b', 'latte', 1], ['c', 'tea', 1]));
    expect([discountOf(r, 'a'), discountOf(r, 'b'), discountOf(r, 'c')]).toEqual([160, 90, 0]);
  });

  it('channel and segment scoping', () => {
    const appOnly: PromotionInput = { ...happyHour, id: 'app-only', windows: [], channels: ['app'] };
    const staff: PromotionInput = { ...happyHour, id: 'staff', windows: [], segments: ['staff'] };
    const order = cart(['a', 'coffee', 1]);
    expect(run([appOnly], order, { channel: 'kiosk' }).skipped[0]?.reason).toBe('channel');
    expect(run([appOnly], order, { channel: 'app' }).totals.discount).toBe(60); // 300 × 20%
    expect(run([staff], order).skipped[0]?.reason).toBe('segment');
    expect(run([staff], order, { customer: { segments: ['staff'] } }).totals.discount).toBe(60);
  });
});
