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
import { desc } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { catalogs, pricingRules } from '../db/schema.js';

export class CatalogService {
  private current: PricingEngine | undefined;

  constructor(
    private readonly db: Db,
    private readonly seed: { catalog: CommerceCatalogInput; rules: PricingRulesInput },
  ) {}

  start(): void {
    const now = Date.now();
    let catalog: unknown = this.db.select().from(catalogs).orderBy(desc(catalogs.version)).limit(1).get()?.document;
    let rules: unknown = this.db
      .select()
      .from(pricingRules)
      .orderBy(desc(pricingRules.version))
      .limit(1)
      .get()?.document;
    // Compile before seeding anything: a bad seed must not be stored.
    const engine = createPricingEngine(catalog ?? this.seed.catalog, rules ?? this.seed.rules);
    if (catalog === undefined) {
      catalog = engine.catalog;
      this.db
        .insert(catalogs)
        .values({ version: engine.catalog.version, document: engine.catalog, publishedAt: now })
        .run();
    }
    if (rules === undefined) {
      rules = engine.rules;
      this.db.insert(pricingRules).values({ version: 1, document: engine.rules, publishedAt: now }).run();
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
