/**
 * Checks the rules against the catalog they will price: every id a rule names exists, dates
 * run forwards, time zones are real. Each problem names the rule by id.
 */
import { isValidTimeZone } from '../business-day.js';
import type { ErrorDetail } from '../errors.js';
import { ORDER_TYPES } from '../channels.js';
import { TAX_CLASSES, type CommerceCatalog } from './catalog-schema.js';
import { PPM, formatPpm, type Selector } from './common.js';
import type { Jurisdiction, PricingRules, Promotion } from './rules-schema.js';
import { rateApplies } from './tax.js';
import { upsellProblems } from './upsell-schema.js';

function effectSelectors(p: Promotion): { name: string; selector: Selector }[] {
  const e = p.effect;
  switch (e.kind) {
    case 'percent-off':
    case 'amount-off':
    case 'multi-buy':
      return [{ name: 'appliesTo', selector: e.appliesTo }];
    case 'buy-x-get-y':
      return [
        { name: 'buy.appliesTo', selector: e.buy.appliesTo },
        { name: 'get.appliesTo', selector: e.get.appliesTo },
      ];
    case 'bundle-price':
      return e.components.map((c, i) => ({ name: `components.${i}.appliesTo`, selector: c.appliesTo }));
  }
}

/** Every selector a promotion's effect uses. */
export function selectorsOf(p: Promotion): Selector[] {
  return effectSelectors(p).map((s) => s.selector);
}

function isEmpty(s: Selector): boolean {
  return !s.all && s.itemIds.length === 0 && s.categoryIds.length === 0 && s.tags.length === 0;
}

/**
 * A jurisdiction that rounds stacked rates as one: the rates that stack on any line (a tax class
 * in an order type) add up to at most 100%, or the first combination that does not.
 */
function combinedOver100(j: Jurisdiction): string | undefined {
  for (const taxClass of TAX_CLASSES)
    for (const orderType of ORDER_TYPES) {
      const on = j.rates.filter((r) => rateApplies(r, taxClass, orderType));
      const combined = on.reduce((s, r) => s + r.ratePpm, 0);
      if (combined > PPM)
        return `jurisdiction "${j.id}": the rates on ${taxClass} (${orderType}) add up to ${formatPpm(combined)}; combined rates cannot pass 100%`;
    }
  return undefined;
}

/** All problems of the rules against the catalog; empty when the rules can be compiled. */
export function rulesProblems(catalog: CommerceCatalog, rules: PricingRules): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  const items = new Set(catalog.items.map((i) => i.id));
  const categories = new Set(catalog.categories.map((c) => c.id));
  const dayparts = new Set(catalog.dayparts.map((d) => d.id));
  const stores = new Set(rules.stores.map((s) => s.id));
  const jurisdictions = new Set(rules.tax.jurisdictions.map((j) => j.id));
  const promotions = new Set(rules.promotions.map((p) => p.id));
  const tiers = new Set((rules.loyalty?.tiers ?? []).map((t) => t.id));

  const unique = (kind: string, path: string, ids: readonly string[]): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(`${path}.${i}.id`, `${kind} "${id}" is defined twice`);
      seen.add(id);
    });
  };
  const checkSelector = (owner: string, path: string, name: string, s: Selector, mustMatch: boolean): void => {
    if (mustMatch && isEmpty(s)) add(path, `${owner}: ${name} matches nothing; list items, categories or tags`);
    for (const id of s.itemIds) if (!items.has(id)) add(path, `${owner}: ${name} names missing item "${id}"`);
    for (const id of s.categoryIds)
      if (!categories.has(id)) add(path, `${owner}: ${name} names missing category "${id}"`);
  };

  unique(
    'store',
    'stores',
    rules.stores.map((s) => s.id),
  );
  unique(
    'promotion',
    'promotions',
    rules.promotions.map((p) => p.id),
  );
  unique(
    'jurisdiction',
    'tax.jurisdictions',
    rules.tax.jurisdictions.map((j) => j.id),
  );

  unique(
    'tag',
    'tags',
    rules.tags.map((t) => t.id),
  );

  rules.stores.forEach((s, i) => {
    if (!isValidTimeZone(s.timeZone)) add(`stores.${i}.timeZone`, `store "${s.id}": unknown time zone "${s.timeZone}"`);
    if (!jurisdictions.has(s.taxJurisdictionId))
      add(`stores.${i}.taxJurisdictionId`, `store "${s.id}" names missing jurisdiction "${s.taxJurisdictionId}"`);
  });

  const codes = new Map<string, string>();
  rules.promotions.forEach((p, i) => {
    const owner = `promotion "${p.id}"`;
    const path = `promotions.${i}`;
    for (const { name, selector } of effectSelectors(p)) checkSelector(owner, `${path}.effect`, name, selector, true);
    checkSelector(owner, `${path}.exclude`, 'exclude', p.exclude, false);
    if (p.startsOn !== undefined && p.endsOn !== undefined && p.endsOn < p.startsOn)
      add(path, `${owner}: ends on ${p.endsOn}, before it starts on ${p.startsOn}`);
    for (const s of p.storeIds) if (!stores.has(s)) add(`${path}.storeIds`, `${owner} names missing store "${s}"`);
    for (const t of p.tiers) if (!tiers.has(t)) add(`${path}.tiers`, `${owner} names missing loyalty tier "${t}"`);
    if (p.coupon) {
      const code = p.coupon.code.toUpperCase();
      const other = codes.get(code);
      if (other !== undefined) add(`${path}.coupon`, `${owner}: coupon code "${code}" is already used by "${other}"`);
      codes.set(code, p.id);
    }
  });
  checkSelector('exclusions', 'exclusions', 'exclusions', rules.exclusions, false);
  if (rules.maxDiscount && rules.maxDiscount.amount === undefined && rules.maxDiscount.percentPpm === undefined)
    add('maxDiscount', 'maxDiscount: give an amount, a percentPpm, or both');

  rules.tax.jurisdictions.forEach((j, i) => {
    unique(
      `jurisdiction "${j.id}" tax rate`,
      `tax.jurisdictions.${i}.rates`,
      j.rates.map((r) => r.id),
    );
    const over = j.stackedRates === 'combined' ? combinedOver100(j) : undefined;
    if (over !== undefined) add(`tax.jurisdictions.${i}.rates`, over);
  });

  const loyalty = rules.loyalty;
  if (loyalty) {
    unique(
      'loyalty tier',
      'loyalty.tiers',
      loyalty.tiers.map((t) => t.id),
    );
    unique(
      'reward',
      'loyalty.rewards',
      loyalty.rewards.map((r) => r.id),
    );
    unique(
      'loyalty multiplier',
      'loyalty.multipliers',
      loyalty.multipliers.map((m) => m.id),
    );
    loyalty.multipliers.forEach((m, i) => {
      const owner = `loyalty multiplier "${m.id}"`;
      const path = `loyalty.multipliers.${i}`;
      if (m.appliesTo) checkSelector(owner, path, 'appliesTo', m.appliesTo, true);
      for (const d of m.dayparts) if (!dayparts.has(d)) add(path, `${owner} names missing daypart "${d}"`);
      for (const p of m.promotionIds) if (!promotions.has(p)) add(path, `${owner} names missing promotion "${p}"`);
    });
    loyalty.rewards.forEach((r, i) => {
      const owner = `reward "${r.id}"`;
      if (r.kind === 'item') checkSelector(owner, `loyalty.rewards.${i}`, 'appliesTo', r.appliesTo, true);
      for (const t of r.tiers) if (!tiers.has(t)) add(`loyalty.rewards.${i}`, `${owner} names missing tier "${t}"`);
    });
    checkSelector('loyalty', 'loyalty.exclude', 'exclude', loyalty.exclude, false);
  }
  problems.push(...upsellProblems(catalog, rules.upsells));
  return problems;
}
