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

  get catalog(): CommerceCatalog {
    return this.engine.catalog;
  }

  get rules(): PricingRules {
    return this.engine.rules;
  }
}
