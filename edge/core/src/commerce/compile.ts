/**
 * Compiling a catalog and its rules into a `PricingEngine`: maps for every look-up and
 * promotions indexed by item, category and tag, so pricing a line looks only at the
 * promotions that can touch it. Compile once per catalog/rules version; price many carts.
 */
import type { LocalizedText } from '../i18n.js';
import type { Selector } from './common.js';
import {
  commerceCatalogSchema,
  type CommerceCatalog,
  type CommerceCategory,
  type CommerceItem,
  type CommerceModifierGroup,
  type CommerceOption,
  type Daypart,
} from './catalog-schema.js';
import { checkBarcode } from './barcode.js';
import { parseWith, validationError } from './issues.js';
import {
  pricingRulesSchema,
  type Jurisdiction,
  type PricingRules,
  type Promotion,
  type Reward,
} from './rules-schema.js';
import { rulesProblems, selectorsOf } from './rules-validate.js';
import { compileWindow, type CompiledWindow } from './time-windows.js';

/** A selector with sets for constant-time matching. */
export interface CompiledSelector {
  readonly all: boolean;
  readonly items: ReadonlySet<string>;
  readonly categories: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
}

/** What a selector needs to know about a line. */
export interface SelectableLine {
  readonly itemId: string;
  readonly categoryId: string;
  readonly tags: readonly string[];
}

export function compileSelector(s: Selector): CompiledSelector {
  return { all: s.all, items: new Set(s.itemIds), categories: new Set(s.categoryIds), tags: new Set(s.tags) };
}

export function selects(s: CompiledSelector, line: SelectableLine): boolean {
  if (s.all || s.items.has(line.itemId) || s.categories.has(line.categoryId)) return true;
  if (s.tags.size > 0) for (const t of line.tags) if (s.tags.has(t)) return true;
  return false;
}

export interface CompiledPromotion {
  readonly promotion: Promotion;
  /** Position in evaluation order: priority high to low, then id. */
  readonly rank: number;
  /** The effect's selectors, compiled, in the effect's order. */
  readonly selectors: readonly CompiledSelector[];
  readonly exclude: CompiledSelector;
  /** Upper-case coupon code, when the promotion needs one. */
  readonly code: string | undefined;
  readonly windows: readonly CompiledWindow[];
}

export interface GroupEntry {
  readonly group: CommerceModifierGroup;
  readonly options: ReadonlyMap<string, CommerceOption>;
}

export interface PricingEngine {
  readonly catalog: CommerceCatalog;
  readonly rules: PricingRules;
  readonly currency: string;
  readonly items: ReadonlyMap<string, CommerceItem>;
  readonly categories: ReadonlyMap<string, CommerceCategory>;
  readonly groups: ReadonlyMap<string, GroupEntry>;
  readonly dayparts: ReadonlyMap<string, Daypart>;
  readonly stores: ReadonlyMap<string, PricingRules['stores'][number]>;
  readonly jurisdictions: ReadonlyMap<string, Jurisdiction>;
  /** `store|item|variant` → store price. */
  readonly itemPrices: ReadonlyMap<string, number>;
  /** `store|group|option` → store upcharge. */
  readonly optionPrices: ReadonlyMap<string, number>;
  /** Normalized (13-digit) barcode → item and size. */
  readonly barcodes: ReadonlyMap<string, { itemId: string; variantId?: string }>;
  /** In evaluation order (`rank` is the index). */
  readonly promotions: readonly CompiledPromotion[];
  readonly promotionsByItem: ReadonlyMap<string, readonly number[]>;
  readonly promotionsByCategory: ReadonlyMap<string, readonly number[]>;
  readonly promotionsByTag: ReadonlyMap<string, readonly number[]>;
  /** Promotions with a selector matching every line. */
  readonly promotionsForAll: readonly number[];
  readonly couponCodes: ReadonlyMap<string, number>;
  readonly exclusions: CompiledSelector;
  /** Tag → its display name, for explanations. */
  readonly tagNames: ReadonlyMap<string, LocalizedText>;
  readonly rewards: ReadonlyMap<string, Reward>;
  /** What each item reward may make free. */
  readonly rewardSelectors: ReadonlyMap<string, CompiledSelector>;
}

export const priceKey = (...parts: string[]): string => parts.join('|');

function push(map: Map<string, number[]>, key: string, rank: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [rank]);
  else if (list[list.length - 1] !== rank) list.push(rank);
}

/**
 * Build an engine from a parsed catalog and rules. Throws one `validation` TillboxError
 * listing every rule that names something missing or is otherwise unusable.
 */
export function compilePricing(catalog: CommerceCatalog, rules: PricingRules): PricingEngine {
  const problems = rulesProblems(catalog, rules);
  if (problems.length > 0) throw validationError('pricing rules', problems);

  const ordered = [...rules.promotions].sort((a, b) =>
    a.priority !== b.priority ? b.priority - a.priority : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const promotions: CompiledPromotion[] = ordered.map((promotion, rank) => ({
    promotion,
    rank,
    selectors: selectorsOf(promotion).map(compileSelector),
    exclude: compileSelector(promotion.exclude),
    code: promotion.coupon?.code.toUpperCase(),
    windows: promotion.windows.map(compileWindow),
  }));
  const byItem = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const forAll: number[] = [];
  const couponCodes = new Map<string, number>();
  for (const p of promotions) {
    if (p.code !== undefined) couponCodes.set(p.code, p.rank);
    for (const s of p.selectors) {
      if (s.all && forAll[forAll.length - 1] !== p.rank) forAll.push(p.rank);
      for (const id of s.items) push(byItem, id, p.rank);
      for (const id of s.categories) push(byCategory, id, p.rank);
      for (const t of s.tags) push(byTag, t, p.rank);
    }
  }

  const itemPrices = new Map<string, number>();
  const optionPrices = new Map<string, number>();
  for (const sp of catalog.storePrices) {
    if (sp.kind === 'item') itemPrices.set(priceKey(sp.storeId, sp.itemId, sp.variantId ?? ''), sp.price);
    else optionPrices.set(priceKey(sp.storeId, sp.groupId, sp.optionId), sp.price);
  }
  const barcodes = new Map<string, { itemId: string; variantId?: string }>();
  for (const item of catalog.items) {
    for (const code of item.barcodes) {
      const c = checkBarcode(code);
      if (c.ok) barcodes.set(c.normalized, { itemId: item.id });
    }
    for (const v of item.variants)
      for (const code of v.barcodes) {
        const c = checkBarcode(code);
        if (c.ok) barcodes.set(c.normalized, { itemId: item.id, variantId: v.id });
      }
  }

  return {
    catalog,
    rules,
    currency: catalog.currency,
    items: new Map(catalog.items.map((i) => [i.id, i])),
    categories: new Map(catalog.categories.map((c) => [c.id, c])),
    groups: new Map(
      catalog.modifierGroups.map((g) => [g.id, { group: g, options: new Map(g.options.map((o) => [o.id, o])) }]),
    ),
    dayparts: new Map(catalog.dayparts.map((d) => [d.id, d])),
    stores: new Map(rules.stores.map((s) => [s.id, s])),
    jurisdictions: new Map(rules.tax.jurisdictions.map((j) => [j.id, j])),
    itemPrices,
    optionPrices,
    barcodes,
    promotions,
    promotionsByItem: byItem,
    promotionsByCategory: byCategory,
    promotionsByTag: byTag,
    promotionsForAll: forAll,
    couponCodes,
    exclusions: compileSelector(rules.exclusions),
    tagNames: new Map(rules.tags.map((t) => [t.id, t.name])),
    rewards: new Map((rules.loyalty?.rewards ?? []).map((r) => [r.id, r])),
    rewardSelectors: new Map(
      (rules.loyalty?.rewards ?? []).flatMap((r) => (r.kind === 'item' ? [[r.id, compileSelector(r.appliesTo)]] : [])),
    ),
  };
}

/** Parse a catalog document; problems name the item, group or category they are in. */
export function parseCommerceCatalog(input: unknown): CommerceCatalog {
  return parseWith(commerceCatalogSchema, input, 'catalog');
}

/** Parse a rules document; problems name the promotion, store or rate they are in. */
export function parsePricingRules(input: unknown): PricingRules {
  return parseWith(pricingRulesSchema, input, 'pricing rules');
}

/** Parse and compile in one step, for documents straight from JSON. */
export function createPricingEngine(catalogInput: unknown, rulesInput: unknown): PricingEngine {
  return compilePricing(parseCommerceCatalog(catalogInput), parsePricingRules(rulesInput));
}

/** The item and size a scanned barcode (EAN-13, UPC-A or EAN-8) stands for. */
export function lookupBarcode(engine: PricingEngine, code: string): { itemId: string; variantId?: string } | undefined {
  const c = checkBarcode(code.trim());
  return c.ok ? engine.barcodes.get(c.normalized) : undefined;
}
