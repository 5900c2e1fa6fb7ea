/** The current catalog: seeded with the demo menu on a new store, kept indexed in memory. */
import { catalogSchema, indexCatalog, type Catalog, type CatalogIndex, type CatalogInput } from '@tillbox/core';
import { desc } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { catalogs } from '../db/schema.js';

export class CatalogService {
  private current: CatalogIndex | undefined;

  constructor(
    private readonly db: Db,
    private readonly seed: CatalogInput,
  ) {}

  start(): void {
    const row = this.db.select().from(catalogs).orderBy(desc(catalogs.version)).limit(1).get();
    if (row) {
      this.current = indexCatalog(catalogSchema.parse(row.document));
      return;
    }
    const catalog = catalogSchema.parse(this.seed);
    this.db.insert(catalogs).values({ version: catalog.version, document: catalog, publishedAt: Date.now() }).run();
    this.current = indexCatalog(catalog);
  }

  stop(): void {
    this.current = undefined;
  }

  get index(): CatalogIndex {
    if (!this.current) throw new Error('CatalogService used before start()');
    return this.current;
  }

  get catalog(): Catalog {
    return this.index.catalog;
  }
}
