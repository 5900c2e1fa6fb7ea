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
const nyc = (rounding: 'line' | 'order', stackedRates: 'per-rate' | 'combined' = 'per-rate'): JurisdictionInput => ({
  id: 'nyc',
  name: 'New York City',
  rounding,
  stackedRates,
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
    { id: 'cookie', categoryId: 'food', sku: 'K', name: { en: 'Cookie' }, price: 60 },
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

describe('stacked rates rounded as one (combined 8.875%)', () => {
  const rates = (r: ReturnType<typeof run>) => r.taxes.map((t) => t.amount);
  const lineTaxes = (r: ReturnType<typeof run>) => r.lines.map((l) => l.taxes.map((t) => [t.rateId, t.amount]));

  it('per line: 13 on each bagel, not 6 + 7 + 1 = 14, split 6 / 7 / 0 over the rates', () => {
    // 150 × 8.875% = 13.3125 → 13. 13 × 4/8.875 = 5.859, × 4.5/8.875 = 6.592, × 0.375/8.875 = 0.549:
    // floors 5 + 6 + 0 = 11, the 2 cents left go to .859 (state) and .592 (city) → 6 / 7 / 0.
    const r = run(nyc('line', 'combined'), threeBagels);
    expect(rates(r)).toEqual([18, 21, 0]);
    expect(lineTaxes(r)[0]).toEqual([
      ['state', 6],
      ['city', 7],
    ]);
    expect(r.totals).toMatchObject({ tax: 39, total: 1489 });
    expect(run(nyc('line'), threeBagels).totals.tax).toBe(42);
  });

  it('per order: 120 × 8.875% = 10.65 → 11 (per rate 4.8 → 5, 5.4 → 5, 0.45 → 0 = 10)', () => {
    // 11 × 4/8.875 = 4.958, × 4.5/8.875 = 5.577, × 0.375/8.875 = 0.465 → floors 4 + 5 + 0, the 2 cents
    // left to .958 and .577 → 5 / 6 / 0. Over the two equal cookies: state 3 + 2, city 3 + 3.
    const cookies = {
      lines: [
        { lineId: 'a', itemId: 'cookie', quantity: 1 },
        { lineId: 'b', itemId: 'cookie', quantity: 1 },
      ],
    };
    const r = run(nyc('order', 'combined'), cookies);
    expect(rates(r)).toEqual([5, 6, 0]);
    expect(lineTaxes(r)).toEqual([
      [
        ['state', 3],
        ['city', 3],
      ],
      [
        ['state', 2],
        ['city', 3],
      ],
    ]);
    expect(r.totals).toMatchObject({ tax: 11, total: 131 });
    expect(rates(run(nyc('order'), cookies))).toEqual([5, 5, 0]);
  });

  it('half-up and half-even on an exact half of the combined rate', () => {
    // 8 bagels, 1200 × 8.875% = 106.5. Half-up 107: 48.225, 54.254, 4.521 → 48 + 54 + 4, the cent left
    // to .521 → 48 / 54 / 5. Half-even 106: 47.775, 53.746, 4.479 → 47 + 53 + 4, two cents to
    // .775 and .746 → 48 / 54 / 4.
    const eight = { lines: [{ lineId: 'a', itemId: 'bagel', quantity: 8 }] };
    const mode = (roundingMode: 'half-up' | 'half-even') =>
      rates(run({ ...nyc('line', 'combined'), roundingMode }, eight));
    expect(mode('half-up')).toEqual([48, 54, 5]);
    expect(mode('half-even')).toEqual([48, 54, 4]);
  });

  it('with prices that include tax: the tax inside the price on 5% + 9.975%, split by rate', () => {
    // 1000 × 14.975/114.975 = 130.25 → 130; 130 × 5/14.975 = 43.41, × 9.975/14.975 = 86.59 → 43 + 86,
    // the cent left to .59 → 43 / 87. The price stays 1000.
    const both: JurisdictionInput = {
      id: 'qc',
      name: 'Two stacked included rates',
      pricesIncludeTax: true,
      stackedRates: 'combined',
      rates: [
        { id: 'gst', name: { en: 'GST' }, ratePpm: 50_000, appliesTo: [{ classes: ['food'] }] },
        { id: 'qst', name: { en: 'QST' }, ratePpm: 99_750, appliesTo: [{ classes: ['food'] }] },
      ],
    };
    const r = run(both, { lines: [{ itemId: 'beans', quantity: 1 }] });
    expect(r.taxes.map((t) => [t.rateId, t.taxable, t.amount])).toEqual([
      ['gst', 870, 43],
      ['qst', 870, 87],
    ]);
    expect(r.totals).toMatchObject({ taxInclusive: 130, total: 1000 });
  });

  it('refuses combined rates past 100% on some line', () => {
    const j: JurisdictionInput = {
      ...nyc('line', 'combined'),
      rates: [
        { id: 'a', name: { en: 'A' }, ratePpm: 600_000, appliesTo: [{ classes: ['alcohol'] }] },
        {
          id: 'b',
          name: { en: 'B' },
          ratePpm: 500_000,
          appliesTo: [{ classes: ['alcohol'], orderTypes: ['delivery'] }],
        },
      ],
    };
    expect(() => run(j, threeBagels)).toThrow(
      'jurisdiction "nyc": the rates on alcohol (delivery) add up to 110%; combined rates cannot pass 100%',
    );
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
