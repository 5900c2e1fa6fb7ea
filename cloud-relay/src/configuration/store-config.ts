/**
 * A store's configuration as the cloud knows it: the documents of the versions it runs (or will
 * run), combined into the commerce catalog and pricing rules by the core's `assembleConfig` —
 * the same `applyConfig` the edge applies each version with (edge/server/src/relay/config-sync.ts).
 * The checks are the core's: each kind's schema (`configSchemas`), then the whole catalog and rules
 * compiled by the commerce engine (`createPricingEngine`: every id a rule names exists, rates add
 * up), and the store named in the rules.
 */
import {
  assembleConfig,
  completeRules,
  configSchemas,
  createPricingEngine,
  describeIssues,
  isTillboxError,
  TillboxError,
  rulesDocuments,
  type CommerceCatalogInput,
  type ConfigKind,
  type ConfigMessage,
  type ConfigSet,
  type ErrorDetail,
  type PricingEngine,
  type PricingRulesInput,
} from '@tillbox/core';

export type { ConfigSet };
export { rulesDocuments };

/** The kinds the cloud needs to price a cart exactly as the store does. */
export const PRICING_KINDS = ['catalog', 'promotions', 'tax'] as const satisfies readonly ConfigKind[];

/**
 * The catalog and rules these documents make, assembled by the core's {@link assembleConfig} as
 * the store applies them (missing parts left out: the caller knows which are missing).
 */
export function pricingDocuments(set: ConfigSet): { catalog?: CommerceCatalogInput; rules?: PricingRulesInput } {
  const { catalog, rules } = assembleConfig(set);
  const complete = completeRules(rules);
  return { ...(catalog ? { catalog } : {}), ...(complete ? { rules: complete } : {}) };
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
