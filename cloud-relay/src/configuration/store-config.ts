/**
 * A store's configuration as the cloud knows it: the documents of the versions it runs (or will
 * run), combined into the commerce catalog and pricing rules the way the edge applies them
 * (edge/server/src/relay/config-sync.ts): the catalog takes its version number from the
 * publication; the promotions, tax and loyalty documents are the corresponding parts of the
 * rules. The checks are the core's: each kind's schema (`configSchemas`), then the whole
 * catalog and rules compiled by the commerce engine (`createPricingEngine`: every id a rule names
 * exists, rates add up), and the store named in the rules.
 */
import {
  configSchemas,
  createPricingEngine,
  describeIssues,
  isTillboxError,
  TillboxError,
  type CommerceCatalogInput,
  type ConfigKind,
  type ConfigMessage,
  type ErrorDetail,
  type PricingEngine,
  type PricingRulesInput,
} from '@tillbox/core';

/** The published documents of some kinds, each with its version. */
export type ConfigSet = { [K in ConfigKind]?: { version: number; document: ConfigMessage<K>['document'] } };

/**
 * A pricing rules document as the configuration kinds the cloud publishes (the inverse of
 * {@link pricingDocuments}): its promotions, its stores and tax, its loyalty.
 */
export function rulesDocuments(rules: PricingRulesInput): { promotions: unknown; tax: unknown; loyalty: unknown } {
  return {
    promotions: {
      tags: rules.tags ?? [],
      promotions: rules.promotions ?? [],
      exclusions: rules.exclusions ?? {},
      ...(rules.maxDiscount ? { maxDiscount: rules.maxDiscount } : {}),
      upsells: rules.upsells ?? [],
    },
    tax: { stores: rules.stores, tax: rules.tax },
    loyalty: { loyalty: rules.loyalty ?? null },
  };
}

/** The kinds the cloud needs to price a cart exactly as the store does. */
export const PRICING_KINDS = ['catalog', 'promotions', 'tax'] as const satisfies readonly ConfigKind[];

/** The catalog and rules these documents make (missing parts left empty: the caller knows which are missing). */
export function pricingDocuments(set: ConfigSet): { catalog?: CommerceCatalogInput; rules?: PricingRulesInput } {
  const catalog = set.catalog ? { ...set.catalog.document, version: set.catalog.version } : undefined;
  if (!set.tax) return { ...(catalog ? { catalog } : {}) };
  const promotions = set.promotions?.document;
  const loyalty = set.loyalty?.document.loyalty;
  const rules: PricingRulesInput = {
    stores: set.tax.document.stores,
    tax: set.tax.document.tax,
    ...(promotions ?? {}),
    ...(loyalty ? { loyalty } : {}),
  };
  return { ...(catalog ? { catalog } : {}), rules };
}

/**
 * The pricing engine of a store running these versions. Throws `unavailable` when the cloud does
 * not know all of the store's pricing (a kind the store still runs its own of).
 */
export function engineOf(storeId: string, set: ConfigSet): PricingEngine {
  const missing = PRICING_KINDS.filter((k) => set[k] === undefined);
  const { catalog, rules } = pricingDocuments(set);
  if (missing.length > 0 || !catalog || !rules)
    throw new TillboxError(
      'unavailable',
      `store "${storeId}" does not run a ${missing.join(', ')} configuration published by the cloud: online ordering needs its menu, promotions and tax from the cloud`,
      { details: missing.map((k) => ({ path: k, message: `publish a ${k} version to store "${storeId}"` })) },
    );
  const engine = createPricingEngine(catalog, rules);
  if (!engine.stores.has(storeId))
    throw new TillboxError('unavailable', `the tax configuration of store "${storeId}" does not name the store`);
  return engine;
}

/**
 * What is wrong with publishing `document` as `version` of `kind` to a store whose other kinds
 * are `others` (the versions it runs or will run): empty when nothing is. A kind the store
 * still runs its own of (never published) cannot be checked against, and is left out.
 */
export function configProblems(
  storeId: string,
  kind: ConfigKind,
  version: number,
  document: unknown,
  others: ConfigSet,
  publishedAt: string,
): { problems: ErrorDetail[]; message?: ConfigMessage } {
  const envelope = { kind, version, publishedAt, document };
  const parsed = configSchemas[kind].safeParse(envelope);
  if (!parsed.success) return { problems: describeIssues(parsed.error, envelope) };
  const message = parsed.data as ConfigMessage;
  const set = { ...others, [kind]: { version, document: message.document } } as ConfigSet;
  const problems: ErrorDetail[] = [];
  if (set.tax && !set.tax.document.stores.some((s) => s.id === storeId))
    problems.push({
      path: 'document.stores',
      message: `the rules name no store "${storeId}": add it with its time zone and tax jurisdiction`,
    });
  const { catalog, rules } = pricingDocuments(set);
  if (catalog && rules && kind !== 'stations') {
    try {
      createPricingEngine(catalog, rules);
    } catch (err) {
      if (!isTillboxError(err)) throw err;
      problems.push(...(err.details.length > 0 ? err.details : [{ message: err.message }]));
    }
  }
  return problems.length > 0 ? { problems } : { problems, message };
}
