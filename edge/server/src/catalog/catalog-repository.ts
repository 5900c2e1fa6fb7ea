/** Published menus and pricing rules: the only code touching their tables. The highest version is current. */
import { desc } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { catalogs, pricingRules } from '../db/schema.js';

export class CatalogRepository {
  constructor(private readonly db: Db) {}

  currentCatalog(): unknown {
    return this.db.select().from(catalogs).orderBy(desc(catalogs.version)).limit(1).get()?.document;
  }

  currentRules(): unknown {
    return this.db.select().from(pricingRules).orderBy(desc(pricingRules.version)).limit(1).get()?.document;
  }

  publishCatalog(version: number, document: unknown, at: number): void {
    this.db.insert(catalogs).values({ version, document, publishedAt: at }).run();
  }

  publishRules(version: number, document: unknown, at: number): void {
    this.db.insert(pricingRules).values({ version, document, publishedAt: at }).run();
  }

  /** The highest catalog version stored (0 for none). */
  latestCatalogVersion(): number {
    return (
      this.db.select({ v: catalogs.version }).from(catalogs).orderBy(desc(catalogs.version)).limit(1).get()?.v ?? 0
    );
  }

  /** The highest rules version stored (0 for none). */
  latestRulesVersion(): number {
    return (
      this.db.select({ v: pricingRules.version }).from(pricingRules).orderBy(desc(pricingRules.version)).limit(1).get()
        ?.v ?? 0
    );
  }

  /** Run `work` in one transaction (synchronous): what it publishes is all stored, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(() => work());
  }
}
