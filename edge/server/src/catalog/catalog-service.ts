/**
 * The current menu and pricing rules, and the pricing engine compiled from them. A new store
 * is seeded with the demo menu and rules; the highest version of each is current.
 */
import {
  createPricingEngine,
  type CommerceCatalog,
  type CommerceCatalogInput,
  type PricingEngine,
  type PricingRules,
  type PricingRulesInput,
} from '@tillbox/core';
import type { CatalogRepository } from './catalog-repository.js';

export class CatalogService {
  private current: PricingEngine | undefined;

  constructor(
    private readonly repository: CatalogRepository,
    private readonly seed: { catalog: CommerceCatalogInput; rules: PricingRulesInput },
  ) {}

  start(): void {
    const now = Date.now();
    let catalog = this.repository.currentCatalog();
    let rules = this.repository.currentRules();
    // Compile before seeding anything: a bad seed must not be stored.
    const engine = createPricingEngine(catalog ?? this.seed.catalog, rules ?? this.seed.rules);
    if (catalog === undefined) {
      catalog = engine.catalog;
      this.repository.publishCatalog(engine.catalog.version, engine.catalog, now);
    }
    if (rules === undefined) {
      rules = engine.rules;
      this.repository.publishRules(1, engine.rules, now);
    }
    this.current = engine;
  }

  stop(): void {
    this.current = undefined;
  }

  /** The compiled engine of the current menu and rules. */
  get engine(): PricingEngine {
    if (!this.current) throw new Error('CatalogService used before start()');
    return this.current;
  }

  /**
   * Make a new menu and/or rules current, compiled and checked in full first (each is stored as
   * the version after the highest stored, whatever version it carries). `alsoInTransaction` runs in the same transaction (the
   * relay records the configuration version there). The next order is priced with it.
   */
  activate(
    next: { catalog?: CommerceCatalogInput; rules?: PricingRulesInput },
    alsoInTransaction: () => void = () => {},
  ): PricingEngine {
    const current = this.engine;
    const rulesVersion = next.rules ? this.repository.latestRulesVersion() + 1 : current.rules.version;
    const engine = createPricingEngine(
      next.catalog ? { ...next.catalog, version: this.repository.latestCatalogVersion() + 1 } : current.catalog,
      next.rules ? { ...next.rules, version: rulesVersion } : current.rules,
    );
    const now = Date.now();
    this.repository.transaction(() => {
      if (next.catalog) this.repository.publishCatalog(engine.catalog.version, engine.catalog, now);
      if (next.rules) this.repository.publishRules(rulesVersion, engine.rules, now);
      alsoInTransaction();
    });
    this.current = engine;
    return engine;
  }

  get catalog(): CommerceCatalog {
    return this.engine.catalog;
  }

  get rules(): PricingRules {
    return this.engine.rules;
  }
}
