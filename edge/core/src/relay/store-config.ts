/**
 * A store's configuration assembled from the documents the cloud publishes, one way for the edge
 * and the cloud: the edge applies each version it receives to what it runs
 * (edge/server/src/relay/config-sync.ts), the cloud assembles what a store runs from the versions
 * it published (cloud-relay/src/configuration/store-config.ts) — both through {@link applyConfig},
 * so the cloud prices an online order with exactly the menu and rules the store will.
 *
 * Each kind replaces its part of the configuration whole: the catalog (its version number is the
 * publication's); the promotions part of the rules (tags, promotions, exclusions, maxDiscount,
 * upsells: a document without a maxDiscount leaves no cap, whatever the store had before); the
 * stores and tax; the loyalty programme (null: none); the kitchen stations.
 */
import type { CommerceCatalogInput } from '../commerce/catalog-schema.js';
import type { PricingRulesInput } from '../commerce/rules-schema.js';
import { CONFIG_KINDS, type ConfigKind, type ConfigMessage, type ConfigMessageInput } from './payloads.js';

/** The published documents of some kinds, each with its version. */
export type ConfigSet = { [K in ConfigKind]?: { version: number; document: ConfigMessage<K>['document'] } };

/** One kind's document with its version (a message's `kind`, `version` and `document`). */
export type ConfigVersion = {
  [K in ConfigKind]: { kind: K; version: number; document: ConfigMessage<K>['document'] };
}[ConfigKind];

export type StationsDocument = ConfigMessage<'stations'>['document'];

/**
 * The rules as they are built up: complete once the stores and tax are known (the edge always has
 * its own; the cloud only once a tax version was published).
 */
export type PartialRules = Partial<PricingRulesInput>;

/** What a store runs, or the part of it known. */
export interface StoreConfig {
  catalog?: CommerceCatalogInput;
  rules?: PartialRules;
  stations?: StationsDocument;
}

/** The fields of the rules each kind owns. */
const PROMOTION_FIELDS = ['tags', 'promotions', 'exclusions', 'maxDiscount', 'upsells'] as const;
const TAX_FIELDS = ['stores', 'tax'] as const;

function without(rules: PartialRules, fields: readonly (keyof PricingRulesInput)[]): PartialRules {
  const out: PartialRules = { ...rules };
  for (const f of fields) delete out[f];
  return out;
}

/** `base` with one kind's version applied (base is not changed). */
export function applyConfig(base: StoreConfig, v: ConfigVersion): StoreConfig {
  const rules = base.rules ?? {};
  switch (v.kind) {
    case 'catalog':
      return { ...base, catalog: { ...v.document, version: v.version } };
    case 'promotions': {
      const d = v.document;
      return {
        ...base,
        rules: {
          ...without(rules, PROMOTION_FIELDS),
          tags: d.tags,
          promotions: d.promotions,
          exclusions: d.exclusions,
          ...(d.maxDiscount !== undefined ? { maxDiscount: d.maxDiscount } : {}),
          upsells: d.upsells,
        },
      };
    }
    case 'tax':
      return {
        ...base,
        rules: { ...without(rules, TAX_FIELDS), stores: v.document.stores, tax: v.document.tax },
      };
    case 'loyalty': {
      const rest = without(rules, ['loyalty']);
      const loyalty = v.document.loyalty;
      return { ...base, rules: loyalty === null ? rest : { ...rest, loyalty } };
    }
    case 'stations':
      return { ...base, stations: v.document };
  }
}

/** `base` with every version of `set` applied, in the order of {@link CONFIG_KINDS}. */
export function assembleConfig(set: ConfigSet, base: StoreConfig = {}): StoreConfig {
  let config = base;
  for (const kind of CONFIG_KINDS) {
    const entry = set[kind];
    if (entry) config = applyConfig(config, { kind, ...entry } as ConfigVersion);
  }
  return config;
}

/** The rules, when they name the stores and tax (undefined while either is missing). */
export function completeRules(rules: PartialRules | undefined): PricingRulesInput | undefined {
  return rules?.stores !== undefined && rules.tax !== undefined ? (rules as PricingRulesInput) : undefined;
}

/**
 * A pricing rules document as the kinds the cloud publishes (the inverse of {@link applyConfig}):
 * its promotions, its stores and tax, its loyalty.
 */
export function rulesDocuments(rules: PricingRulesInput): {
  promotions: ConfigMessageInput<'promotions'>['document'];
  tax: ConfigMessageInput<'tax'>['document'];
  loyalty: ConfigMessageInput<'loyalty'>['document'];
} {
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
