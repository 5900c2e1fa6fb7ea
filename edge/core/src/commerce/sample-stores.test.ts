/**
 * The worked examples of docs/pricing.md: the JSON files in docs/examples are these sample
 * stores, and they price to the numbers the docs state (arithmetic in docs/pricing.md).
 */
import { describe, expect, it } from 'vitest';
import usJson from '../../../../docs/examples/pricing-us-store.json' with { type: 'json' };
import euJson from '../../../../docs/examples/pricing-eu-vat-store.json' with { type: 'json' };
import { lookupBarcode, createPricingEngine } from './compile.js';
import { price } from './price.js';
import { refundLine } from './refund.js';
import { euVatStoreExample, usStoreExample } from './sample-stores.js';

describe('docs/examples', () => {
  it('are the sample stores', () => {
    expect(usJson).toEqual(JSON.parse(JSON.stringify(usStoreExample)));
    expect(euJson).toEqual(JSON.parse(JSON.stringify(euVatStoreExample)));
  });
});

describe('US sales-tax store (Brooklyn), Monday 10 March 2025 15:30 EDT', () => {
  const r = price(usStoreExample);

  it('applies happy hour, the cookie deal and $5 off over $30, in priority order', () => {
    // Subtotal: lattes 2 × (525 + 70) = 1190, croissant 350, beans 1599, cookies 3 × 250 = 750 → 3889.
    // Happy hour 20% of 1190 = 238. Cookies 750 → 600: 150. The subtotal before discounts, 3889, is over
    // 3000, so $5 off what is left (952 + 350 + 1599 + 600 = 3501), spread 136 / 50 / 228 / 86 by largest remainder.
    expect(r.applied.map((a) => a.explanation)).toEqual([
      'Happy hour: 20% off Coffee, −$2.38',
      'Cookie deal: 3 for $6.00 on Cookie, −$1.50',
      'Big order saving: $5.00 off orders over $30.00, −$5.00',
    ]);
    expect(r.lines.map((l) => [l.lineId, l.discount, l.net])).toEqual([
      ['latte', 238 + 136, 816],
      ['croissant', 50, 300],
      ['beans', 228, 1371],
      ['cookies', 150 + 86, 514],
    ]);
  });

  it('adds NY State 4% + NYC 4.5% + MCTD 0.375% per line, half-up; beans are untaxed food', () => {
    // Latte 816: 32.64 → 33, 36.72 → 37, 3.06 → 3 = 73. Croissant 300: 12, 13.5 → 14, 1.125 → 1 = 27.
    // Cookies 514: 20.56 → 21, 23.13 → 23, 1.93 → 2 = 46. Tax 146; total 3889 − 888 + 146 = 3147.
    expect(r.taxes.map((t) => [t.rateId, t.rate, t.taxable, t.amount])).toEqual([
      ['ny-state', '4%', 1630, 66],
      ['nyc', '4.5%', 1630, 74],
      ['mctd', '0.375%', 1630, 6],
    ]);
    expect(r.totals).toEqual({
      currency: 'USD',
      subtotal: 3889,
      discount: 888,
      exemption: 0,
      taxExclusive: 146,
      taxInclusive: 0,
      tax: 146,
      total: 3147,
    });
  });

  it('earns gold points with double points on beans', () => {
    // (816 + 300 + 514) × 1 + 1371 × 2 = 4372 → 43.72 points × 1.5 (gold) = 65.58 → 65.
    expect(r.loyalty).toMatchObject({ pointsEarned: 65, basis: 3001, tierId: 'gold' });
  });

  it('rounded per order instead: 65 + 73 + 6 = 144 tax', () => {
    // 1630 × 4% = 65.2 → 65; × 4.5% = 73.35 → 73; × 0.375% = 6.11 → 6. Total 3889 − 888 + 144 = 3145.
    const rules = structuredClone(usStoreExample.rules);
    const nyc = rules.tax.jurisdictions[0];
    if (nyc) nyc.rounding = 'order';
    const o = price({ ...usStoreExample, rules });
    expect(o.taxes.map((t) => t.amount)).toEqual([65, 73, 6]);
    expect(o.totals.total).toBe(3145);
  });

  it('rounded on the combined 8.875% instead: 72 + 27 + 46 = 145 tax', () => {
    // Latte 816 × 8.875% = 72.42 → 72: 32.45 / 36.51 / 3.04 → 32 + 36 + 3, the cent left to .51 → 32 / 37 / 3.
    // Croissant 300 → 26.63 → 27: 12.17 / 13.69 / 1.14 → 12 / 14 / 1. Cookies 514 → 45.62 → 46:
    // 20.73 / 23.32 / 1.94 → 20 + 23 + 1, two cents to .94 and .73 → 21 / 23 / 2. Total 3889 − 888 + 145 = 3146.
    const rules = structuredClone(usStoreExample.rules);
    const nyc = rules.tax.jurisdictions[0];
    if (nyc) nyc.stackedRates = 'combined';
    const c = price({ ...usStoreExample, rules });
    expect(c.lines.map((l) => [l.lineId, l.taxes.map((t) => t.amount)])).toEqual([
      ['latte', [32, 37, 3]],
      ['croissant', [12, 14, 1]],
      ['beans', []],
      ['cookies', [21, 23, 2]],
    ]);
    expect(c.taxes.map((t) => t.amount)).toEqual([65, 74, 6]);
    expect(c.totals.total).toBe(3146);
    // Once over the order: 1630 × 8.875% = 144.66 → 145 (per rate, 65 + 73 + 6 = 144), split 65 / 74 / 6.
    if (nyc) nyc.rounding = 'order';
    expect(price({ ...usStoreExample, rules }).taxes.map((t) => t.amount)).toEqual([65, 74, 6]);
  });

  it('at 17:30 EDT happy hour is over', () => {
    // Cookies take 150; $5 off spreads over 1190 / 350 / 1599 / 600 (3739): 159.13, 46.80, 213.83, 80.23
    // → floors 498, the 2 cents go to .83 and .80 → 159 / 47 / 214 / 80. Nets 1031, 303, 1385, 520.
    // Tax: 1031 → 41 + 46 + 4 = 91; 303 → 12 + 14 + 1 = 27; 520 → 21 + 23 + 2 = 46; 164.
    // Total 3889 − 650 + 164 = 3403.
    const late = price({ ...usStoreExample, context: { ...usStoreExample.context, at: '2025-03-10T21:30:00Z' } });
    expect(late.skipped.map((s) => [s.promotionId, s.reason])).toEqual([['happy-hour', 'outside-hours']]);
    expect(late.lines.map((l) => l.discount)).toEqual([159, 47, 214, 150 + 80]);
    expect(late.lines.map((l) => l.tax)).toEqual([91, 27, 0, 46]);
    expect(late.totals).toMatchObject({ discount: 650, tax: 164, total: 3403 });
  });

  it('refunds one latte of two', () => {
    // Latte line total 816 + 73 = 889 over 2 units → 445 + 444; net 816 → 408 + 408, so the first
    // unit holds 37 tax, split over the rates 33 : 37 : 3 → 16.73, 18.75, 1.52; floors 16 + 18 + 1 = 35,
    // the 2 cents left go to the largest remainders (.75 NYC, .73 state) → 17 + 19 + 1.
    expect(refundLine(r, 'latte', 1)).toMatchObject({
      amount: 445,
      net: 408,
      tax: 37,
      taxes: [
        { rateId: 'ny-state', amount: 17 },
        { rateId: 'nyc', amount: 19 },
        { rateId: 'mctd', amount: 1 },
      ],
    });
    expect(refundLine(r, 'latte', 1, 1).amount).toBe(444);
  });

  it('finds the beans by their UPC-A barcode', () => {
    const engine = createPricingEngine(usStoreExample.catalog, usStoreExample.rules);
    expect(lookupBarcode(engine, '036000291452')).toEqual({ itemId: 'beans' });
  });
});

describe('EU VAT store (Berlin), Saturday 29 March 2025 08:30 CET', () => {
  it('dine-in: breakfast bundle, VAT 19% on drink and croissants, 7% on beans, included', () => {
    // Cappuccino 380 + croissant 290 = 670 → bundle 550: −120, spread 380:290 → 68 + 52.
    // 19%: (312 + 528) × 19/119 = 134.12 → 134. 7%: 1290 × 7/107 = 84.39 → 84. Total 2250 − 120 = 2130.
    const r = price(euVatStoreExample);
    expect(r.applied.map((a) => a.explanation)).toEqual(['Frühstücksangebot: bundle for 5,50\u00a0€, −1,20\u00a0€']);
    expect(r.taxes.map((t) => [t.rateId, t.taxable, t.amount])).toEqual([
      ['vat-19', 706, 134],
      ['vat-7', 1206, 84],
    ]);
    expect(r.totals).toMatchObject({ subtotal: 2250, discount: 120, taxInclusive: 218, total: 2130 });
  });

  it('takeout: the croissants move to 7%, the price does not change', () => {
    // 19%: 312 × 19/119 = 49.82 → 50. 7%: (528 + 1290) × 7/107 = 118.93 → 119. Total still 2130.
    const r = price({ ...euVatStoreExample, context: { ...euVatStoreExample.context, orderType: 'takeout' } });
    expect(r.taxes.map((t) => [t.rateId, t.taxable, t.amount])).toEqual([
      ['vat-19', 262, 50],
      ['vat-7', 1699, 119],
    ]);
    expect(r.totals).toMatchObject({ taxInclusive: 169, total: 2130 });
  });
});
