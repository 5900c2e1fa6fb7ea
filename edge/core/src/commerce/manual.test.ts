/**
 * Staff's discounts, comps and price overrides, each example computed by hand. Tax is 10% on top
 * (rounded per line, half-up) so "before tax" shows; line ids are letters.
 */
import { describe, expect, it } from 'vitest';
import { TillboxError } from '../errors.js';
import type { CommerceCatalogInput } from './catalog-schema.js';
import type { PricingCartInput, PricingContextInput } from './cart-schema.js';
import { createPricingEngine } from './compile.js';
import { price } from './price.js';
import type { PricingRulesInput } from './rules-schema.js';
import type { PriceResult } from './types.js';

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'drinks', name: { en: 'Drinks' }, taxClass: 'beverage' },
    { id: 'food', name: { en: 'Food' } },
    { id: 'retail', name: { en: 'Retail' }, taxClass: 'general' },
  ],
  modifierGroups: [
    {
      id: 'milk',
      name: { en: 'Milk' },
      min: 0,
      max: 1,
      options: [{ id: 'oat', name: { en: 'Oat milk' }, price: 60 }],
    },
  ],
  items: [
    { id: 'coffee', categoryId: 'drinks', sku: 'C', name: { en: 'Coffee' }, price: 300 },
    { id: 'latte', categoryId: 'drinks', sku: 'L', name: { en: 'Latte' }, price: 450, modifierGroupIds: ['milk'] },
    { id: 'muffin', categoryId: 'food', sku: 'M', name: { en: 'Muffin' }, price: 325 },
    { id: 'gift-card', categoryId: 'retail', sku: 'G', name: { en: 'Gift card' }, price: 2500 },
  ],
};

const rules: PricingRulesInput = {
  stores: [{ id: 'nyc', timeZone: 'America/New_York', taxJurisdictionId: 'ten' }],
  exclusions: { categoryIds: ['retail'] },
  tax: {
    jurisdictions: [
      {
        id: 'ten',
        name: 'Ten percent',
        rounding: 'line',
        rates: [
          { id: 'ten', name: { en: 'Tax' }, ratePpm: 100_000, appliesTo: [{ classes: ['prepared-food', 'beverage'] }] },
        ],
      },
    ],
  },
  promotions: [
    {
      id: 'happy-hour',
      name: { en: 'Happy hour' },
      effect: { kind: 'percent-off', percentPpm: 200_000, appliesTo: { categoryIds: ['drinks'] } },
    },
  ],
};

const engine = createPricingEngine(catalog, rules);

function run(c: PricingCartInput, manual: PricingContextInput['manual'] = []): PriceResult {
  return price({ engine, cart: c, context: { storeId: 'nyc', at: '2025-03-10T19:00:00Z', manual } });
}

const coffeesAndMuffin: PricingCartInput = {
  lines: [
    { lineId: 'a', itemId: 'coffee', quantity: 2 },
    { lineId: 'b', itemId: 'muffin', quantity: 1 },
  ],
};

const lineOf = (r: PriceResult, id: string) => r.lines.find((l) => l.lineId === id);

function refusal(f: () => unknown): TillboxError {
  try {
    f();
  } catch (e) {
    if (e instanceof TillboxError) return e;
  }
  throw new Error('expected a TillboxError');
}

describe('manual discounts', () => {
  it('a 10% order discount comes after the promotion, on what it left, and explains itself', () => {
    // Coffees 600, happy hour 20% → 120 off, 480 left; muffin 325. 10% of 805 = 80.5 → 81,
    // spread 480:325 → 48.30 and 32.70 → 48 + 33 (the larger remainder gets the cent).
    const r = run(coffeesAndMuffin, [{ id: 'm1', scope: 'order', kind: 'percent', value: 100_000, reason: 'regular' }]);
    expect(lineOf(r, 'a')).toMatchObject({ discount: 168, net: 432, tax: 43, total: 475 });
    expect(lineOf(r, 'b')).toMatchObject({ discount: 33, net: 292, tax: 29, total: 321 });
    expect(r.totals).toMatchObject({ subtotal: 925, discount: 201, tax: 72, total: 796 });
    expect(r.applied.map((a) => [a.source, a.amount])).toEqual([
      ['promotion', 120],
      ['manual', 81],
    ]);
    expect(r.applied[1]).toMatchObject({ promotionId: 'm1', base: 805, lineIds: ['a', 'b'] });
    expect(r.applied[1]?.explanation).toBe('Discount: regular — 10%, −$0.81');
    expect(r.adjustments.filter((a) => a.kind === 'line-discount' && a.source === 'manual')).toEqual([
      { kind: 'line-discount', lineId: 'a', amount: 48, promotionId: 'm1', source: 'manual' },
      { kind: 'line-discount', lineId: 'b', amount: 33, promotionId: 'm1', source: 'manual' },
    ]);
  });

  it('an amount never takes more than is left: the order comes to zero, tax too', () => {
    const r = run(coffeesAndMuffin, [{ id: 'm1', scope: 'order', kind: 'amount', value: 5000, reason: 'sorry' }]);
    expect(r.applied[1]).toMatchObject({ amount: 805, base: 805 });
    expect(r.totals).toMatchObject({ discount: 925, tax: 0, total: 0 });
    expect(r.applied[1]?.explanation).toBe('Discount: sorry — $50.00 off, −$8.05');
  });

  it('a comp makes its line zero before tax and leaves the others alone', () => {
    const r = run(coffeesAndMuffin, [{ id: 'c1', scope: { lineId: 'b' }, kind: 'comp', reason: 'cold muffin' }]);
    expect(lineOf(r, 'b')).toMatchObject({ lineTotal: 325, discount: 325, net: 0, tax: 0, total: 0 });
    expect(lineOf(r, 'a')).toMatchObject({ discount: 120, net: 480, tax: 48, total: 528 });
    expect(r.totals.total).toBe(528);
    expect(r.applied[1]?.explanation).toBe('Comp (Muffin): cold muffin — 100%, −$3.25');
  });

  it('applies in list order, each on what the one before left: two 10% make 19%', () => {
    const muffin: PricingCartInput = { lines: [{ lineId: 'b', itemId: 'muffin', quantity: 4 }] }; // 1300
    const ten = (id: string) => ({
      id,
      scope: 'order' as const,
      kind: 'percent' as const,
      value: 100_000,
      reason: 'x',
    });
    const r = run(muffin, [ten('m1'), ten('m2')]);
    expect(r.applied.map((a) => [a.amount, a.base])).toEqual([
      [130, 1300],
      [117, 1170],
    ]);
    expect(lineOf(r, 'b')?.discount).toBe(247);
  });

  it('a discount on an order already comped takes nothing and says so', () => {
    const r = run(coffeesAndMuffin, [
      { id: 'c1', scope: 'order', kind: 'comp', reason: 'on the house' },
      { id: 'm1', scope: 'order', kind: 'amount', value: 100, reason: 'late' },
    ]);
    expect(r.totals.total).toBe(0);
    expect(r.applied.map((a) => a.promotionId)).toEqual(['happy-hour', 'c1']);
    expect(r.skipped).toContainEqual({
      promotionId: 'm1',
      source: 'manual',
      reason: 'no-saving',
      message: 'Discount: nothing left to take off',
    });
  });

  it('an order-wide discount passes excluded lines by; a line discount on one is refused', () => {
    const withGiftCard: PricingCartInput = {
      lines: [
        { lineId: 'b', itemId: 'muffin', quantity: 1 },
        { lineId: 'g', itemId: 'gift-card', quantity: 1 },
      ],
    };
    const r = run(withGiftCard, [{ id: 'c1', scope: 'order', kind: 'comp', reason: 'owner' }]);
    expect(lineOf(r, 'g')).toMatchObject({ discount: 0, total: 2500 });
    expect(lineOf(r, 'b')).toMatchObject({ discount: 325, total: 0 });
    const e = refusal(() => run(withGiftCard, [{ id: 'c1', scope: { lineId: 'g' }, kind: 'comp', reason: 'owner' }]));
    expect(e.code).toBe('validation');
    expect(e.details).toContainEqual({
      path: 'manual.0.scope.lineId',
      message: '"Gift card" is never discounted (the rules exclude it)',
    });
  });

  it('refuses a line that is not in the cart, an id used twice, a comp with a value and more than 100%', () => {
    const unknown = refusal(() =>
      run(coffeesAndMuffin, [{ id: 'x', scope: { lineId: 'z' }, kind: 'comp', reason: 'r' }]),
    );
    expect(unknown.details).toContainEqual({ path: 'manual.0.scope.lineId', message: 'the cart has no line "z"' });
    const twice = refusal(() =>
      run(coffeesAndMuffin, [
        { id: 'x', scope: 'order', kind: 'amount', value: 1, reason: 'r' },
        { id: 'x', scope: 'order', kind: 'amount', value: 1, reason: 'r' },
      ]),
    );
    expect(twice.details).toContainEqual({ path: 'manual.1.id', message: 'adjustment id "x" is used twice' });
    const comp = refusal(() =>
      run(coffeesAndMuffin, [{ id: 'x', scope: 'order', kind: 'comp', value: 5, reason: 'r' }]),
    );
    expect(comp.code).toBe('validation');
    const over = refusal(() =>
      run(coffeesAndMuffin, [{ id: 'x', scope: 'order', kind: 'percent', value: 1_000_001, reason: 'r' }]),
    );
    expect(over.code).toBe('validation');
  });
});

describe('price overrides', () => {
  const lattes = (unitPrice?: number): PricingCartInput => ({
    lines: [
      {
        lineId: 'a',
        itemId: 'latte',
        quantity: 2,
        modifiers: [{ groupId: 'milk', optionId: 'oat' }],
        ...(unitPrice === undefined ? {} : { unitPriceOverride: { unitPrice, reason: 'regular' } }),
      },
    ],
  });

  it("replaces the item's price; modifiers still add; promotions then apply to the new price", () => {
    // (300 + 60) × 2 = 720; happy hour 20% → 144 off; 576 + 10% tax 58 = 634.
    const r = run(lattes(300));
    expect(lineOf(r, 'a')).toMatchObject({ unitPrice: 360, lineTotal: 720, discount: 144, tax: 58, total: 634 });
    expect(lineOf(r, 'a')?.priceOverride).toEqual({
      from: 450,
      to: 300,
      reason: 'regular',
      explanation: 'Price override (Latte): $4.50 → $3.00 each, regular',
    });
    expect(lineOf(run(lattes()), 'a')).toMatchObject({ unitPrice: 510, lineTotal: 1020 });
    expect(lineOf(run(lattes()), 'a')?.priceOverride).toBeUndefined();
  });

  it('comes first, then promotions, then manual discounts', () => {
    // 720 − 144 (happy hour) = 576; 50% of it = 288.
    const r = run(lattes(300), [{ id: 'm1', scope: { lineId: 'a' }, kind: 'percent', value: 500_000, reason: 'r' }]);
    expect(r.applied.map((a) => [a.promotionId, a.amount])).toEqual([
      ['happy-hour', 144],
      ['m1', 288],
    ]);
    expect(r.applied[1]?.explanation).toBe('Discount (Latte): r — 50%, −$2.88');
  });

  it('may be zero, and a free line pays no tax', () => {
    expect(lineOf(run(lattes(0)), 'a')).toMatchObject({ unitPrice: 60, lineTotal: 120, discount: 24, tax: 10 });
  });
});
