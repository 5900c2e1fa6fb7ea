/** Tax, each example computed by hand. Rates are parts per million. */
import { describe, expect, it } from 'vitest';
import type { CommerceCatalogInput } from './catalog-schema.js';
import type { PricingCartInput, PricingContextInput } from './cart-schema.js';
import { createPricingEngine } from './compile.js';
import { price } from './price.js';
import { jurisdictionSchema, type PricingRulesInput } from './rules-schema.js';
import { computeTax } from './tax.js';
import { euVatStoreExample } from './sample-stores.js';

type JurisdictionInput = PricingRulesInput['tax']['jurisdictions'][number];

const taxed = ['prepared-food', 'beverage', 'alcohol', 'general'] as const;
const nyc = (rounding: 'line' | 'order'): JurisdictionInput => ({
  id: 'nyc',
  name: 'New York City',
  rounding,
  roundingMode: 'half-up',
  rates: [
    { id: 'state', name: { en: 'NY State' }, ratePpm: 40_000, appliesTo: [{ classes: [...taxed] }] },
    { id: 'city', name: { en: 'NYC' }, ratePpm: 45_000, appliesTo: [{ classes: [...taxed] }] },
    { id: 'mctd', name: { en: 'MCTD' }, ratePpm: 3_750, appliesTo: [{ classes: [...taxed] }] },
  ],
});

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'food', name: { en: 'Food' } },
    { id: 'grocery', name: { en: 'Grocery' }, taxClass: 'food' },
  ],
  items: [
    { id: 'bagel', categoryId: 'food', sku: 'B', name: { en: 'Bagel' }, price: 150 },
    { id: 'beans', categoryId: 'grocery', sku: 'G', name: { en: 'Beans' }, price: 1000 },
    { id: 'cake', categoryId: 'food', sku: 'C', name: { en: 'Cake' }, price: 147 },
  ],
};

function run(j: JurisdictionInput, c: PricingCartInput, context: Partial<PricingContextInput> = {}) {
  const engine = createPricingEngine(catalog, {
    stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: j.id }],
    tax: { jurisdictions: [j] },
  });
  return price({ engine, cart: c, context: { storeId: 's', at: '2025-06-02T16:00:00Z', ...context } });
}

const threeBagels: PricingCartInput = {
  lines: [
    { lineId: 'a', itemId: 'bagel', quantity: 1 },
    { lineId: 'b', itemId: 'bagel', quantity: 1 },
    { lineId: 'c', itemId: 'bagel', quantity: 1 },
    { lineId: 'd', itemId: 'beans', quantity: 1 },
  ],
};

describe('US sales tax: stacked state + city + MCTD, added on top', () => {
  it('rounds each line half-up', () => {
    // Each 150 bagel: 4% = 6.00 → 6; 4.5% = 6.75 → 7; 0.375% = 0.5625 → 1. Per line 14, three lines 42.
    // Beans are grocery food: untaxed. Total 450 + 1000 + 42 = 1492.
    const r = run(nyc('line'), threeBagels);
    expect(r.taxes.map((t) => [t.rateId, t.rate, t.taxable, t.amount])).toEqual([
      ['state', '4%', 450, 18],
      ['city', '4.5%', 450, 21],
      ['mctd', '0.375%', 450, 3],
    ]);
    expect(r.totals).toMatchObject({ subtotal: 1450, tax: 42, taxExclusive: 42, total: 1492 });
    expect(r.lines[0]?.taxes).toEqual([
      { rateId: 'state', amount: 6 },
      { rateId: 'city', amount: 7 },
      { rateId: 'mctd', amount: 1 },
    ]);
  });

  it('rounds each rate once over the order, then spreads it back by largest remainder', () => {
    // Taxable 450: 4% = 18.00 → 18; 4.5% = 20.25 → 20; 0.375% = 1.6875 → 2. Total tax 40 (not 42).
    // City 20 over three equal lines → 7, 7, 6 (ties go to the earlier line).
    const r = run(nyc('order'), threeBagels);
    expect(r.taxes.map((t) => t.amount)).toEqual([18, 20, 2]);
    expect(r.totals).toMatchObject({ tax: 40, total: 1490 });
    expect(r.lines.map((l) => l.taxes.find((t) => t.rateId === 'city')?.amount ?? 0)).toEqual([7, 7, 6, 0]);
  });

  it('taxes the discounted amount', () => {
    const engine = createPricingEngine(catalog, {
      stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'nyc' }],
      tax: { jurisdictions: [nyc('line')] },
      promotions: [
        {
          id: 'half',
          name: { en: 'Half' },
          effect: { kind: 'percent-off', percentPpm: 500_000, appliesTo: { itemIds: ['bagel'] } },
        },
      ],
    });
    // Bagel 150 − 50% = 75: 4% = 3.00 → 3; 4.5% = 3.375 → 3; 0.375% = 0.28 → 0. Tax 6, total 81.
    const r = price({
      engine,
      cart: { lines: [{ itemId: 'bagel', quantity: 1 }] },
      context: { storeId: 's', at: '2025-06-02T16:00:00Z' },
    });
    expect(r.totals).toMatchObject({ subtotal: 150, discount: 75, tax: 6, total: 81 });
  });

  it('charges a tax-exempt customer no tax', () => {
    const r = run(nyc('line'), threeBagels, { customer: { taxExempt: true } });
    expect(r.totals).toMatchObject({ tax: 0, total: 1450 });
    expect(r.taxes).toEqual([]);
  });

  it('half-up and half-even differ on an exact half', () => {
    // 4.5% of 100 = 4.5 → half-up 5, half-even 4.
    const one = (roundingMode: 'half-up' | 'half-even') =>
      computeTax(
        jurisdictionSchema.parse({ ...nyc('line'), roundingMode }),
        [{ taxClass: 'prepared-food', net: 100 }],
        'takeout',
        false,
      ).perLine[0]?.find((t) => t.rateId === 'city')?.amount;
    expect(one('half-up')).toBe(5);
    expect(one('half-even')).toBe(4);
  });
});

describe('EU VAT: included in prices', () => {
  const austria = (roundingMode: 'half-up' | 'half-even'): JurisdictionInput => ({
    id: 'at',
    name: 'Austria',
    pricesIncludeTax: true,
    rounding: 'line',
    roundingMode,
    rates: [{ id: 'vat-20', name: { en: 'USt 20%' }, ratePpm: 200_000, appliesTo: [{ classes: ['prepared-food'] }] }],
  });
  const cake = (quantity: number): PricingCartInput => ({ lines: [{ lineId: 'a', itemId: 'cake', quantity }] });

  it('takes the tax out of the price, half-even', () => {
    // 147 includes 20%: 147 × 20/120 = 24.5 → half-even 24 (half-up would give 25). Total stays 147.
    const r = run(austria('half-even'), cake(1));
    expect(r.taxes[0]).toMatchObject({ amount: 24, taxable: 123, inclusive: true, rate: '20%' });
    expect(r.totals).toMatchObject({ subtotal: 147, taxInclusive: 24, taxExclusive: 0, total: 147 });
    expect(run(austria('half-up'), cake(1)).taxes[0]?.amount).toBe(25);
    // 3 × 147 = 441 → 73.5 → half-even 74 (7 is odd, so up to the even 74).
    expect(run(austria('half-even'), cake(3)).taxes[0]?.amount).toBe(74);
  });

  it('a tax-exempt guest pays the price less the VAT it holds', () => {
    // 147 holds 24 (half-even): the guest pays 123, shown as a tax-exemption adjustment.
    const r = run(austria('half-even'), cake(1), { customer: { taxExempt: true } });
    expect(r.totals).toMatchObject({ exemption: 24, tax: 0, total: 123 });
    expect(r.adjustments).toEqual([{ kind: 'tax-exemption', lineId: 'a', amount: 24 }]);
  });

  it('charges dine-in and takeout food at different rates (Berlin example)', () => {
    const croissant = { ...euVatStoreExample, cart: { lines: [{ itemId: 'croissant', quantity: 1 }] } };
    const at = '2025-03-29T12:00:00+01:00'; // outside the breakfast deal
    // Dine-in: 290 × 19/119 = 46.30 → 46. Takeout: 290 × 7/107 = 18.97 → 19.
    const dineIn = price({ ...croissant, context: { ...croissant.context, at, orderType: 'dine-in' } });
    const takeout = price({ ...croissant, context: { ...croissant.context, at, orderType: 'takeout' } });
    expect(dineIn.taxes.filter((t) => t.amount > 0).map((t) => [t.rateId, t.amount])).toEqual([['vat-19', 46]]);
    expect(takeout.taxes.filter((t) => t.amount > 0).map((t) => [t.rateId, t.amount])).toEqual([['vat-7', 19]]);
    expect(dineIn.totals.total).toBe(290);
    expect(takeout.totals.total).toBe(290);
  });
});
