/** Invalid rules are refused with a message naming the rule and the problem. */
import { describe, expect, it } from 'vitest';
import { isTillboxError, type TillboxError } from '../errors.js';
import type { CommerceCatalogInput } from './catalog-schema.js';
import { createPricingEngine } from './compile.js';
import type { PricingRulesInput } from './rules-schema.js';

type PromotionInput = NonNullable<PricingRulesInput['promotions']>[number];

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [{ id: 'drinks', name: { en: 'Drinks' } }],
  items: [{ id: 'coffee', categoryId: 'drinks', sku: 'C', name: { en: 'Coffee' }, price: 300 }],
};

const base: PricingRulesInput = {
  stores: [{ id: 's', timeZone: 'Europe/Paris', taxJurisdictionId: 'fr' }],
  tax: {
    jurisdictions: [
      {
        id: 'fr',
        name: 'France',
        pricesIncludeTax: true,
        rates: [
          { id: 'tva-10', name: { en: 'TVA 10%' }, ratePpm: 100_000, appliesTo: [{ classes: ['prepared-food'] }] },
        ],
      },
    ],
  },
};

const percent = (id: string, percentPpm: number, extra: Partial<PromotionInput> = {}): PromotionInput => ({
  id,
  name: { en: id },
  effect: { kind: 'percent-off', percentPpm, appliesTo: { all: true } },
  ...extra,
});

function refusal(rules: unknown): TillboxError {
  try {
    createPricingEngine(catalog, rules);
  } catch (e) {
    if (isTillboxError(e)) return e;
    throw e;
  }
  throw new Error('expected the rules to be refused');
}

describe('rule validation', () => {
  it('accepts good rules', () => {
    expect(createPricingEngine(catalog, { ...base, promotions: [percent('ok', 100_000)] }).promotions).toHaveLength(1);
  });

  it('refuses a promotion rate above 100%', () => {
    const e = refusal({ ...base, promotions: [percent('ok', 100_000), percent('too-generous', 1_200_000)] });
    expect(e.code).toBe('validation');
    expect(e.message).toBe(
      'invalid pricing rules: promotion "too-generous": a rate above 100% (1000000 ppm) is not allowed',
    );
    expect(e.details[0]?.path).toBe('promotions.1.effect.percentPpm');
  });

  it('refuses a tax rate above 100%', () => {
    const jurisdictions = base.tax.jurisdictions.map((j) => ({
      ...j,
      rates: (j.rates ?? []).map((r) => ({ ...r, ratePpm: 1_000_001 })),
    }));
    expect(refusal({ ...base, tax: { jurisdictions } }).message).toBe(
      'invalid pricing rules: jurisdiction "fr" tax rate "tva-10": a rate above 100% (1000000 ppm) is not allowed',
    );
  });

  it('refuses a window that ends before it starts', () => {
    const late = percent('late-deal', 100_000, { windows: [{ days: ['fri'], start: '14:00', end: '13:00' }] });
    expect(refusal({ ...base, promotions: [late] }).message).toBe(
      'invalid pricing rules: promotion "late-deal": window ends (13:00) before it starts (14:00); split an overnight window in two',
    );
  });

  it('refuses dates that run backwards', () => {
    const p = percent('spring', 100_000, { startsOn: '2025-04-01', endsOn: '2025-03-01' });
    expect(refusal({ ...base, promotions: [p] }).message).toBe(
      'invalid pricing rules: promotion "spring": ends on 2025-03-01, before it starts on 2025-04-01',
    );
  });

  it('refuses a promotion naming a missing item or category', () => {
    const ghost: PromotionInput = {
      id: 'ghost',
      name: { en: 'Ghost' },
      effect: {
        kind: 'percent-off',
        percentPpm: 100_000,
        appliesTo: { itemIds: ['unicorn'], categoryIds: ['dragons'] },
      },
    };
    const e = refusal({ ...base, promotions: [ghost] });
    expect(e.details.map((d) => d.message)).toEqual([
      'promotion "ghost": appliesTo names missing item "unicorn"',
      'promotion "ghost": appliesTo names missing category "dragons"',
    ]);
  });

  it('refuses a promotion that matches nothing, duplicate ids and reused coupon codes', () => {
    const nothing: PromotionInput = {
      id: 'empty',
      name: { en: 'Empty' },
      effect: { kind: 'amount-off', amount: 100, appliesTo: {} },
    };
    const a = percent('a', 1, { coupon: { code: 'HELLO' } });
    const b = percent('b', 1, { coupon: { code: 'hello' } });
    const e = refusal({ ...base, promotions: [nothing, a, b, percent('a', 2)] });
    expect(e.details.map((d) => d.message)).toEqual([
      'promotion "a" is defined twice',
      'promotion "empty": appliesTo matches nothing; list items, categories or tags',
      'promotion "b": coupon code "HELLO" is already used by "a"',
    ]);
  });

  it('refuses an unknown time zone and a missing jurisdiction', () => {
    const e = refusal({ ...base, stores: [{ id: 'x', timeZone: 'Mars/Olympus', taxJurisdictionId: 'nowhere' }] });
    expect(e.details.map((d) => d.message)).toEqual([
      'store "x": unknown time zone "Mars/Olympus"',
      'store "x" names missing jurisdiction "nowhere"',
    ]);
  });

  it('refuses loyalty rules naming missing things', () => {
    const e = refusal({
      ...base,
      loyalty: {
        earn: { points: 1, perAmount: 100 },
        multipliers: [{ id: 'm', name: { en: 'M' }, factorPpm: 2_000_000, dayparts: ['brunch'], promotionIds: ['p'] }],
        rewards: [{ id: 'r', name: { en: 'R' }, points: 10, kind: 'item', appliesTo: { itemIds: ['tea'] } }],
      },
    });
    expect(e.details.map((d) => d.message)).toEqual([
      'loyalty multiplier "m" names missing daypart "brunch"',
      'loyalty multiplier "m" names missing promotion "p"',
      'reward "r": appliesTo names missing item "tea"',
    ]);
  });
});
