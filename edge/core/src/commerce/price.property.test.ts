/**
 * Properties of price() over generated catalogs, rules and carts (with staff's price overrides,
 * discounts and comps): the totals add up, nothing goes below zero, every cent of every
 * allocation is accounted for, refunds return the total, comps leave nothing to pay, and neither
 * the order of the lines nor of the rules changes anything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded } from '../money.js';
import { TAX_CLASSES, type CommerceCatalogInput } from './catalog-schema.js';
import { PPM } from './common.js';
import type { PricingCartInput, PricingContextInput } from './cart-schema.js';
import { createPricingEngine } from './compile.js';
import { price } from './price.js';
import { refundLine } from './refund.js';
import type { PricingRulesInput } from './rules-schema.js';
import type { PriceResult } from './types.js';

type PromotionInput = NonNullable<PricingRulesInput['promotions']>[number];
type SelectorInput = { all?: boolean; itemIds?: string[]; categoryIds?: string[]; tags?: string[] };

interface Scenario {
  catalog: CommerceCatalogInput;
  rules: PricingRulesInput;
  cart: PricingCartInput;
  context: PricingContextInput;
}

const TAGS = ['hot', 'cold'];
const CHANNELS = ['kiosk', 'counter', 'app', 'online', 'marketplace'] as const;
const ORDER_TYPES = ['dine-in', 'takeout', 'pickup', 'delivery'] as const;

const catalogArb = fc
  .record({
    categories: fc.array(fc.constantFrom(...TAX_CLASSES), { minLength: 1, maxLength: 3 }),
    items: fc.array(
      fc.record({
        category: fc.nat(2),
        price: fc.integer({ min: 0, max: 5000 }),
        variants: fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 2 }),
        tags: fc.subarray(TAGS),
        extras: fc.boolean(),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    options: fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })),
  })
  .map(({ categories, items, options }): CommerceCatalogInput => ({
    version: 1,
    currency: 'USD',
    categories: categories.map((taxClass, k) => ({ id: `c${k}`, name: { en: `Category ${k}` }, taxClass })),
    modifierGroups: [
      {
        id: 'extras',
        name: { en: 'Extras' },
        min: 0,
        max: 2,
        options: options.map((p, k) => ({ id: `o${k}`, name: { en: `Option ${k}` }, price: p })),
      },
    ],
    items: items.map((it, k) => ({
      id: `i${k}`,
      categoryId: `c${it.category % categories.length}`,
      sku: `SKU${k}`,
      name: { en: `Item ${k}` },
      price: it.price,
      variants: it.variants.map((p, v) => ({ id: `v${v}`, name: { en: `Size ${v}` }, price: p })),
      modifierGroupIds: it.extras ? ['extras'] : [],
      tags: it.tags,
    })),
  }));

function selectorArb(itemIds: string[], categoryIds: string[]): fc.Arbitrary<SelectorInput> {
  return fc.oneof(
    fc.constant({ all: true }),
    fc.subarray(itemIds, { minLength: 1 }).map((ids) => ({ itemIds: ids })),
    fc.subarray(categoryIds, { minLength: 1 }).map((ids) => ({ categoryIds: ids })),
    fc.subarray(TAGS, { minLength: 1 }).map((tags) => ({ tags })),
  );
}

function promotionArb(itemIds: string[], categoryIds: string[], id: string): fc.Arbitrary<PromotionInput> {
  const sel = selectorArb(itemIds, categoryIds);
  const maxApplications = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });
  const effect = fc.oneof(
    fc.record({
      kind: fc.constant('percent-off' as const),
      percentPpm: fc.integer({ min: 0, max: 1_000_000 }),
      appliesTo: sel,
    }),
    fc.record({
      kind: fc.constant('amount-off' as const),
      amount: fc.integer({ min: 0, max: 3000 }),
      per: fc.constantFrom('order' as const, 'unit' as const),
      appliesTo: sel,
    }),
    fc.record({
      kind: fc.constant('buy-x-get-y' as const),
      buy: fc.record({ appliesTo: sel, quantity: fc.integer({ min: 1, max: 3 }) }),
      get: fc.record({
        appliesTo: sel,
        quantity: fc.integer({ min: 1, max: 2 }),
        percentPpm: fc.integer({ min: 0, max: 1_000_000 }),
      }),
      maxApplications,
    }),
    fc.record({
      kind: fc.constant('multi-buy' as const),
      appliesTo: sel,
      quantity: fc.integer({ min: 2, max: 4 }),
      price: fc.integer({ min: 0, max: 3000 }),
      maxApplications,
    }),
    fc.record({
      kind: fc.constant('bundle-price' as const),
      components: fc.array(fc.record({ appliesTo: sel, quantity: fc.integer({ min: 1, max: 2 }) }), {
        minLength: 1,
        maxLength: 2,
      }),
      price: fc.integer({ min: 0, max: 3000 }),
      maxApplications,
    }),
  );
  return fc.record({
    id: fc.constant(id),
    name: fc.constant({ en: `Promotion ${id}` }),
    priority: fc.integer({ min: 0, max: 3 }),
    stacking: fc.constantFrom('stackable' as const, 'exclusive' as const),
    conditions: fc.oneof(
      // Older rules' bare minSpend, and thresholds that say what they measure and how they compare.
      fc.record({ minSpend: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined, freq: 4 }) }),
      fc.record({
        spend: fc.record({
          amount: fc.integer({ min: 0, max: 4000 }),
          comparison: fc.constantFrom('at-least' as const, 'more-than' as const),
          measuredOn: fc.constantFrom('subtotal-before-discounts' as const, 'after-earlier-promotions' as const),
        }),
      }),
    ),
    exclude: fc.option(
      fc.subarray(itemIds).map((ids) => ({ itemIds: ids })),
      { nil: undefined },
    ),
    maxDiscount: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    channels: fc.oneof(
      { weight: 4, arbitrary: fc.constant<(typeof CHANNELS)[number][]>([]) },
      { weight: 1, arbitrary: fc.subarray([...CHANNELS]) },
    ),
    coupon: fc.option(fc.record({ code: fc.constant(`CODE-${id}`), maxUses: fc.integer({ min: 1, max: 3 }) }), {
      nil: undefined,
      freq: 4,
    }),
    effect,
  });
}

const scenarioArb: fc.Arbitrary<Scenario> = catalogArb.chain((catalog) => {
  const items = catalog.items;
  const itemIds = items.map((i) => i.id);
  const categoryIds = catalog.categories.map((c) => c.id);
  const classes = fc.subarray([...TAX_CLASSES], { minLength: 1 });
  const rules = fc.record({
    promotions: fc
      .integer({ min: 0, max: 8 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => promotionArb(itemIds, categoryIds, `p${k}`)))),
    exclusions: fc.option(
      fc.subarray(categoryIds).map((ids) => ({ categoryIds: ids })),
      { nil: undefined },
    ),
    maxDiscount: fc.option(
      fc.record({
        amount: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
        percentPpm: fc.integer({ min: 0, max: 1_000_000 }),
      }),
      { nil: undefined },
    ),
    jurisdiction: fc.record({
      pricesIncludeTax: fc.boolean(),
      rounding: fc.constantFrom('line' as const, 'order' as const),
      roundingMode: fc.constantFrom('half-up' as const, 'half-even' as const),
      stackedRates: fc.constantFrom('per-rate' as const, 'combined' as const),
      rates: fc.array(
        fc.record({
          ratePpm: fc.integer({ min: 0, max: 300_000 }),
          appliesTo: fc.array(fc.record({ classes, orderTypes: fc.subarray([...ORDER_TYPES]) }), {
            minLength: 1,
            maxLength: 2,
          }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    loyalty: fc.record({
      points: fc.integer({ min: 0, max: 10 }),
      perAmount: fc.integer({ min: 1, max: 500 }),
      factorPpm: fc.integer({ min: 0, max: 5_000_000 }),
      reward: selectorArb(itemIds, categoryIds),
      amount: fc.integer({ min: 0, max: 2000 }),
    }),
  });
  const line = fc.nat(items.length - 1).chain((k) => {
    const item = items[k];
    const variants = item?.variants ?? [];
    return fc.record({
      itemId: fc.constant(`i${k}`),
      variantId: variants.length > 0 ? fc.constantFrom(...variants.map((v) => v.id)) : fc.constant(undefined),
      modifiers:
        (item?.modifierGroupIds ?? []).length > 0
          ? fc.subarray(['o0', 'o1']).map((ids) => ids.map((optionId) => ({ groupId: 'extras', optionId })))
          : fc.constant<{ groupId: string; optionId: string }[]>([]),
      quantity: fc.integer({ min: 1, max: 5 }),
    });
  });
  const override = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined, freq: 4 });
  const cart = fc.array(fc.tuple(line, override), { minLength: 1, maxLength: 8 }).chain((lines) =>
    fc
      .shuffledSubarray(
        lines.map((_, k) => `line-${String.fromCharCode(97 + k)}`),
        { minLength: lines.length, maxLength: lines.length },
      )
      .map((ids) => ({
        lines: lines.map(([l, unitPrice], k) => ({
          ...l,
          lineId: ids[k] ?? `x${k}`,
          ...(unitPrice === undefined ? {} : { unitPriceOverride: { unitPrice, reason: 'manager' } }),
        })),
      })),
  );
  // Staff's discounts: order-wide or on a line (by position; the line's id is looked up below).
  const manual = fc.array(
    fc.record({
      line: fc.option(fc.nat(7), { nil: undefined }),
      kind: fc.constantFrom('percent' as const, 'amount' as const, 'comp' as const),
      percent: fc.integer({ min: 1, max: 1_000_000 }),
      amount: fc.integer({ min: 1, max: 5000 }),
    }),
    { maxLength: 3 },
  );
  const context = fc.record({
    at: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 0, 1) }).map((t) => new Date(t).toISOString()),
    channel: fc.constantFrom(...CHANNELS),
    orderType: fc.constantFrom(...ORDER_TYPES),
    taxExempt: fc.boolean(),
    tier: fc.boolean(),
    codes: fc.array(fc.record({ promo: fc.nat(7), timesUsed: fc.nat(4) }), { maxLength: 3 }),
    rewards: fc.subarray(['free', 'off']),
    manual,
  });
  return fc.tuple(rules, cart, context).map(([r, c, ctx]): Scenario => {
    const codes = new Map<string, number>();
    for (const { promo, timesUsed } of ctx.codes) codes.set(`CODE-p${promo}`, timesUsed);
    // A line the rules exclude from discounts cannot be discounted by hand either: leave those out.
    const excluded = new Set(r.exclusions?.categoryIds ?? []);
    const categoryOf = (itemId: string): string => items.find((i) => i.id === itemId)?.categoryId ?? '';
    const adjustments = ctx.manual.flatMap((m, k) => {
      const target = m.line === undefined ? undefined : c.lines[m.line % c.lines.length];
      if (target && excluded.has(categoryOf(target.itemId))) return [];
      const value = m.kind === 'percent' ? m.percent : m.kind === 'amount' ? m.amount : undefined;
      return [
        {
          id: `m${k}`,
          scope: target ? { lineId: target.lineId } : ('order' as const),
          kind: m.kind,
          reason: 'staff',
          ...(value === undefined ? {} : { value }),
        },
      ];
    });
    return {
      catalog,
      cart: c,
      rules: {
        stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'j' }],
        promotions: r.promotions,
        ...(r.exclusions ? { exclusions: r.exclusions } : {}),
        ...(r.maxDiscount ? { maxDiscount: r.maxDiscount } : {}),
        tax: {
          jurisdictions: [
            {
              id: 'j',
              name: 'J',
              ...r.jurisdiction,
              rates: r.jurisdiction.rates.map((x, k) => ({ ...x, id: `r${k}`, name: { en: `Rate ${k}` } })),
            },
          ],
        },
        loyalty: {
          earn: { points: r.loyalty.points, perAmount: r.loyalty.perAmount },
          tiers: [{ id: 'gold', name: { en: 'Gold' }, factorPpm: r.loyalty.factorPpm }],
          rewards: [
            { id: 'free', name: { en: 'Free' }, points: 10, kind: 'item', appliesTo: r.loyalty.reward },
            { id: 'off', name: { en: 'Off' }, points: 20, kind: 'amount', amount: r.loyalty.amount },
          ],
        },
      },
      context: {
        storeId: 's',
        at: ctx.at,
        channel: ctx.channel,
        orderType: ctx.orderType,
        customer: { id: 'g', taxExempt: ctx.taxExempt, ...(ctx.tier ? { loyaltyTier: 'gold' } : {}) },
        coupons: [...codes].map(([code, timesUsed]) => ({ code, timesUsed })),
        rewards: ctx.rewards,
        manual: adjustments,
      },
    };
  });
});

const RUNS = { numRuns: 2000 };
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const priceScenario = (s: Scenario): PriceResult =>
  price({ engine: createPricingEngine(s.catalog, s.rules), cart: s.cart, context: s.context });

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let x = seed | 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('price() properties', () => {
  it('totals add up: total = Σ line prices − Σ discounts − exemptions + Σ exclusive taxes', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const t = r.totals;
        expect(sum(r.lines.map((l) => l.lineTotal))).toBe(t.subtotal);
        expect(t.total).toBe(t.subtotal - t.discount - t.exemption + t.taxExclusive);
        expect(sum(r.lines.map((l) => l.total))).toBe(t.total);
        expect(t.tax).toBe(t.taxExclusive + t.taxInclusive);
        expect(t.taxExclusive === 0 || t.taxInclusive === 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('no line and no total goes below zero; no line is discounted past its price', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        for (const l of r.lines) {
          expect(l.discount).toBeGreaterThanOrEqual(0);
          expect(l.discount).toBeLessThanOrEqual(l.lineTotal);
          expect(l.net).toBeGreaterThanOrEqual(0);
          expect(l.tax).toBeGreaterThanOrEqual(0);
          expect(l.total).toBeGreaterThanOrEqual(0);
          for (const t of l.taxes) expect(t.amount).toBeGreaterThan(0);
        }
        for (const a of r.adjustments) expect(a.amount).toBeGreaterThan(0);
        expect(r.totals.total).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('every cent is accounted for: adjustments, applied discounts and taxes agree line by line', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const discounts = r.adjustments.filter((a) => a.kind === 'line-discount');
        for (const l of r.lines) {
          expect(sum(discounts.filter((a) => a.lineId === l.lineId).map((a) => a.amount))).toBe(l.discount);
          const exemptions = r.adjustments.filter((a) => a.kind === 'tax-exemption' && a.lineId === l.lineId);
          expect(sum(exemptions.map((a) => a.amount))).toBe(l.exemption);
          expect(sum(l.taxes.map((t) => t.amount))).toBe(l.tax);
        }
        for (const applied of r.applied) {
          const mine = discounts.filter((a) => a.promotionId === applied.promotionId && a.source === applied.source);
          expect(sum(mine.map((a) => a.amount))).toBe(applied.amount);
          expect(applied.amount).toBeGreaterThan(0);
        }
        expect(sum(r.applied.map((a) => a.amount))).toBe(r.totals.discount);
        for (const t of r.taxes) {
          expect(sum(r.lines.map((l) => l.taxes.find((x) => x.rateId === t.rateId)?.amount ?? 0))).toBe(t.amount);
        }
        expect(sum(r.taxes.map((t) => t.amount))).toBe(r.totals.tax);
        const cap = s.rules.maxDiscount;
        if (cap?.amount !== undefined) {
          const promotions = r.applied.filter((a) => a.source === 'promotion');
          expect(sum(promotions.map((a) => a.amount))).toBeLessThanOrEqual(cap.amount);
        }
      }),
      RUNS,
    );
  });

  /** The scenario's jurisdiction, which of its rates apply to a tax class, and the divisor of a line's tax. */
  function taxOf(s: Scenario) {
    const j = s.rules.tax.jurisdictions[0];
    if (!j || (s.context.customer?.taxExempt ?? false)) return undefined;
    const orderType = s.context.orderType ?? 'takeout';
    const allRates = j.rates ?? [];
    type Rate = (typeof allRates)[number];
    const applies = (rate: Rate, taxClass: string): boolean =>
      taxClass !== 'exempt' &&
      rate.appliesTo.some(
        (x) =>
          (x.classes as string[]).includes(taxClass) &&
          ((x.orderTypes ?? []).length === 0 || (x.orderTypes ?? []).includes(orderType)),
      );
    const ratesOn = (taxClass: string): Rate[] => allRates.filter((x) => applies(x, taxClass));
    // The divisor: 1 with tax added on top; 1 + (all rates on the line) when prices include it.
    const divisor = (taxClass: string): number =>
      j.pricesIncludeTax ? PPM + sum(ratesOn(taxClass).map((x) => x.ratePpm)) : PPM;
    return { j, mode: j.roundingMode ?? 'half-up', applies, ratesOn, divisor };
  }

  it('each tax is the rate of the discounted amounts, rounded per line or once per order', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const tax = taxOf(s);
        if (!tax || tax.j.stackedRates === 'combined') return;
        const { j, mode, applies, divisor } = tax;
        for (const rate of j.rates ?? []) {
          const on = r.lines.filter((l) => applies(rate, l.taxClass));
          let expected = 0;
          if (j.rounding === 'order') {
            const groups = new Map<number, number>();
            for (const l of on)
              groups.set(divisor(l.taxClass), (groups.get(divisor(l.taxClass)) ?? 0) + l.net * rate.ratePpm);
            for (const [d, numerator] of groups) expected += divideRounded(numerator, d, mode);
          } else {
            for (const l of on) expected += divideRounded(l.net * rate.ratePpm, divisor(l.taxClass), mode);
          }
          const got = r.taxes.find((t) => t.rateId === rate.id)?.amount ?? 0;
          expect(got).toBe(expected);
        }
      }),
      RUNS,
    );
  });

  it("combined: each line's (or same-rated lines') tax is the combined rate rounded once; each rate within 1 cent of its own", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const tax = taxOf(s);
        if (!tax || tax.j.stackedRates !== 'combined') return;
        const { j, mode, ratesOn, divisor } = tax;
        // Lines rounded together: each line alone, or (per order) every line carrying the same rates.
        const groups = new Map<string, PriceResult['lines']>();
        r.lines.forEach((l, k) => {
          const rates = ratesOn(l.taxClass);
          if (rates.length === 0) return;
          const key = j.rounding === 'order' ? rates.map((x) => x.id).join() : String(k);
          groups.set(key, [...(groups.get(key) ?? []), l]);
        });
        for (const lines of groups.values()) {
          const first = lines[0];
          if (!first) continue;
          const rates = ratesOn(first.taxClass);
          const d = divisor(first.taxClass);
          const base = sum(lines.map((l) => l.net));
          const shareOf = (rateId: string): number =>
            sum(lines.map((l) => l.taxes.find((t) => t.rateId === rateId)?.amount ?? 0));
          const combined = sum(rates.map((x) => x.ratePpm));
          expect(sum(rates.map((x) => shareOf(x.id)))).toBe(divideRounded(base * combined, d, mode));
          for (const x of rates) {
            const own = divideRounded(base * x.ratePpm, d, mode);
            expect(Math.abs(shareOf(x.id) - own)).toBeLessThanOrEqual(1);
          }
        }
      }),
      RUNS,
    );
  });

  it('a spend threshold passes exactly at its boundary: "at least X" takes X, "more than X" needs X + 1', () => {
    const measures = ['subtotal-before-discounts', 'after-earlier-promotions'] as const;
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom(-1, 0, 1),
        fc.constantFrom('at-least' as const, 'more-than' as const),
        fc.constantFrom(...measures),
        (s, delta, comparison, measuredOn) => {
          // Stackable promotions and no exclusions, so "after earlier promotions" is the subtotal less their discounts.
          const earlier = (s.rules.promotions ?? []).map((p) => ({ ...p, stacking: 'stackable' as const }));
          const base: Scenario = {
            ...s,
            rules: { ...s.rules, promotions: earlier, exclusions: undefined, maxDiscount: undefined },
          };
          const first = priceScenario(base);
          const promotions = sum(first.applied.filter((a) => a.source === 'promotion').map((a) => a.amount));
          // Nothing left to discount: skipped as no-saving before any threshold is looked at.
          if (first.totals.subtotal === promotions) return;
          const measured = first.totals.subtotal - (measuredOn === 'after-earlier-promotions' ? promotions : 0);
          const amount = Math.max(0, measured + delta);
          const threshold: PromotionInput = {
            id: 'zz-threshold', // after every generated promotion of priority 0
            name: { en: 'Threshold' },
            conditions: { spend: { amount, comparison, measuredOn } },
            effect: { kind: 'amount-off', amount: 1, appliesTo: { all: true } },
          };
          const r = priceScenario({ ...base, rules: { ...base.rules, promotions: [...earlier, threshold] } });
          const passes = comparison === 'at-least' ? measured >= amount : measured > amount;
          expect(r.applied.some((a) => a.promotionId === 'zz-threshold')).toBe(passes);
          if (!passes) expect(r.skipped.find((x) => x.promotionId === 'zz-threshold')?.reason).toBe('min-spend');
        },
      ),
      RUNS,
    );
  });

  it('hints name deals that did not apply, each with its reason, and only those', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const promotions = r.skipped.filter((x) => x.source === 'promotion');
        for (const h of r.hints) {
          expect(h.missing).toBeGreaterThan(0);
          expect(r.applied.some((a) => a.source === 'promotion' && a.promotionId === h.promotionId)).toBe(false);
          const reason = h.kind === 'add-items' ? 'min-quantity' : 'min-spend';
          expect(promotions.filter((x) => x.promotionId === h.promotionId).map((x) => x.reason)).toEqual([reason]);
          if (h.kind === 'add-items')
            expect(promotions.find((x) => x.promotionId === h.promotionId)?.message).toBe(h.message);
        }
        const short = promotions.filter((x) => x.reason === 'min-quantity' || x.reason === 'min-spend');
        expect(short.map((x) => x.promotionId)).toEqual(r.hints.map((h) => h.promotionId));
      }),
      RUNS,
    );
  });

  it('per-line refunds add up to the order total, unit by unit too', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const full = r.lines.map((l) => refundLine(r, l.lineId));
        expect(sum(full.map((f) => f.amount))).toBe(r.totals.total);
        expect(sum(full.map((f) => f.tax))).toBe(r.totals.tax);
        for (const l of r.lines) {
          const units = Array.from({ length: l.quantity }, (_, u) => refundLine(r, l.lineId, 1, u));
          expect(sum(units.map((u) => u.amount))).toBe(l.total);
          expect(sum(units.map((u) => u.discount))).toBe(l.discount);
          for (const t of l.taxes) {
            expect(sum(units.map((u) => u.taxes.find((x) => x.rateId === t.rateId)?.amount ?? 0))).toBe(t.amount);
          }
          const amounts = units.map((u) => u.amount);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the lines, the rules or the catalog', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        const r = priceScenario(s);
        const shuffled: Scenario = {
          ...s,
          catalog: {
            ...s.catalog,
            categories: shuffle(s.catalog.categories, seed + 2),
            items: shuffle(s.catalog.items, seed + 3),
          },
          cart: { lines: shuffle(s.cart.lines, seed) },
          rules: { ...s.rules, promotions: shuffle(s.rules.promotions ?? [], seed + 1) },
        };
        const q = priceScenario(shuffled);
        const byId = (x: PriceResult) => ({
          ...x,
          lines: [...x.lines].sort((a, b) => (a.lineId < b.lineId ? -1 : 1)),
        });
        expect(byId(q)).toEqual(byId(r));
      }),
      RUNS,
    );
  });

  it('pricing the same cart twice gives the same result and leaves the inputs alone', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const before = structuredClone(s);
        const engine = createPricingEngine(s.catalog, s.rules);
        const first = price({ engine, cart: s.cart, context: s.context });
        const second = price({ engine, cart: s.cart, context: s.context });
        expect(second).toEqual(first);
        expect(s).toEqual(before);
      }),
      RUNS,
    );
  });
  it('manual discounts take what they say from what is left, after promotions and rewards, never more', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const manual = s.context.manual ?? [];
        const excluded = new Set(s.rules.exclusions?.categoryIds ?? []);
        for (const m of manual) {
          const applied = r.applied.find((a) => a.source === 'manual' && a.promotionId === m.id);
          const skipped = r.skipped.find((a) => a.source === 'manual' && a.promotionId === m.id);
          expect(applied === undefined).toBe(skipped !== undefined);
          if (!applied) continue;
          const base = applied.base ?? -1;
          const expected =
            m.kind === 'comp'
              ? base
              : m.kind === 'percent'
                ? divideRounded(base * (m.value ?? 0), PPM)
                : Math.min(m.value ?? 0, base);
          expect(applied.amount).toBe(expected);
          expect(applied.amount).toBeLessThanOrEqual(base);
          for (const id of applied.lineIds) {
            const line = r.lines.find((l) => l.lineId === id);
            expect(line && excluded.has(line.categoryId)).toBe(false);
            if (m.scope !== 'order') expect(id).toBe(m.scope.lineId);
          }
        }
        // Taking the manual adjustments away leaves every promotion and reward as it was.
        const without = priceScenario({ ...s, context: { ...s.context, manual: [] } });
        expect(r.applied.filter((a) => a.source !== 'manual')).toEqual(without.applied);
        expect(r.totals.discount - without.totals.discount).toBe(
          sum(r.applied.filter((a) => a.source === 'manual').map((a) => a.amount)),
        );
      }),
      RUNS,
    );
  });

  it('a comp makes its lines zero before tax: no net, no tax, nothing to pay', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const excluded = new Set(s.rules.exclusions?.categoryIds ?? []);
        for (const m of s.context.manual ?? []) {
          if (m.kind !== 'comp') continue;
          const comped = r.lines.filter((l) =>
            m.scope === 'order' ? !excluded.has(l.categoryId) : l.lineId === m.scope.lineId,
          );
          for (const l of comped) {
            expect(l.discount + l.exemption).toBe(l.lineTotal);
            expect(l.net).toBe(0);
            expect(l.tax).toBe(0);
            expect(l.total).toBe(0);
          }
        }
      }),
      RUNS,
    );
  });

  it("a price override replaces the item's price and keeps the modifiers' upcharges", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = priceScenario(s);
        const plain = priceScenario({
          ...s,
          cart: { lines: s.cart.lines.map(({ unitPriceOverride: _, ...l }) => l) },
        });
        for (const line of s.cart.lines) {
          const withIt = r.lines.find((l) => l.lineId === line.lineId);
          const without = plain.lines.find((l) => l.lineId === line.lineId);
          const o = line.unitPriceOverride;
          if (!withIt || !without) throw new Error('a line went missing');
          if (!o) {
            expect(withIt.unitPrice).toBe(without.unitPrice);
            expect(withIt.priceOverride).toBeUndefined();
            continue;
          }
          const from = withIt.priceOverride?.from ?? -1;
          expect(withIt.priceOverride?.to).toBe(o.unitPrice);
          expect(withIt.unitPrice - o.unitPrice).toBe(without.unitPrice - from);
          expect(withIt.lineTotal).toBe(withIt.unitPrice * withIt.quantity);
        }
      }),
      RUNS,
    );
  });
});
