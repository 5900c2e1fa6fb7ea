/**
 * The chain's stock tables: `stock_levels` (each store's count and 86 of each item it counts or
 * has 86'd, projected from its stock events inside the ingest's transaction) and `safety_stock`
 * (how many of an item a store keeps for its guests in the store; a row with an empty store id is
 * the chain's default for the item). The only code on these tables.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { EightySixReason } from '@tillbox/core';
import type { Db, Tx } from '../db/database.js';
import { safetyStock, stockLevels } from '../db/schema.js';
import type { StockLevelChange } from './stock-projection.js';

export type StockLevelRow = typeof stockLevels.$inferSelect;

/** A safety stock setting: for one store, or (store id '') the chain's default. */
export interface SafetyStockRow {
  storeId: string;
  itemId: string;
  quantity: number;
  updatedAt: Date;
}

/** The chain's default safety stock of an item (every store without its own). */
export const EVERY_STORE = '';

const excluded = (column: string) => sql.raw(`excluded.${column}`);

export class StockRepository {
  constructor(private readonly db: Db) {}

  /**
   * Apply a batch's changes (one per store and item, in that order) inside the ingest's
   * transaction: each part of a row only from an event of higher seq than the one that set it.
   */
  async apply(tx: Tx, changes: readonly StockLevelChange[], now: Date): Promise<void> {
    if (changes.length === 0) return;
    const t = stockLevels;
    const newerLevel = sql`${excluded('count_seq')} > ${t.countSeq}`;
    const newer86 = sql`${excluded('eighty_six_seq')} > ${t.eightySixSeq}`;
    await tx
      .insert(t)
      .values(
        changes.map((c) => ({
          storeId: c.storeId,
          itemId: c.itemId,
          name: c.name ?? null,
          tracked: c.level?.tracked ?? false,
          count: c.level?.count ?? 0,
          countSeq: c.level?.seq ?? 0,
          eightySixed: c.eightySix?.reason ?? null,
          eightySixNote: c.eightySix?.note ?? null,
          eightySixAt: c.eightySix?.reason ? c.eightySix.at : null,
          eightySixSeq: c.eightySix?.seq ?? 0,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [t.storeId, t.itemId],
        set: {
          name: sql`coalesce(${excluded('name')}, ${t.name})`,
          tracked: sql`case when ${newerLevel} then ${excluded('tracked')} else ${t.tracked} end`,
          count: sql`case when ${newerLevel} then ${excluded('count')} else ${t.count} end`,
          countSeq: sql`greatest(${t.countSeq}, ${excluded('count_seq')})`,
          eightySixed: sql`case when ${newer86} then ${excluded('eighty_six')} else ${t.eightySixed} end`,
          eightySixNote: sql`case when ${newer86} then ${excluded('eighty_six_note')} else ${t.eightySixNote} end`,
          eightySixAt: sql`case when ${newer86} then ${excluded('eighty_six_at')} else ${t.eightySixAt} end`,
          eightySixSeq: sql`greatest(${t.eightySixSeq}, ${excluded('eighty_six_seq')})`,
          updatedAt: sql`${excluded('updated_at')}`,
        },
      });
  }

  /** Every item a store counts or has 86'd (a row whose item is neither any more is left out). */
  async levels(storeId: string): Promise<StockLevelRow[]> {
    return this.db
      .select()
      .from(stockLevels)
      .where(
        and(eq(stockLevels.storeId, storeId), sql`(${stockLevels.tracked} or ${stockLevels.eightySixed} is not null)`),
      )
      .orderBy(asc(stockLevels.itemId));
  }

  /** One item at every store that counts it or has 86'd it. */
  async item(itemId: string): Promise<StockLevelRow[]> {
    return this.db
      .select()
      .from(stockLevels)
      .where(
        and(eq(stockLevels.itemId, itemId), sql`(${stockLevels.tracked} or ${stockLevels.eightySixed} is not null)`),
      )
      .orderBy(asc(stockLevels.storeId));
  }

  /** The safety stock settings that apply to a store: its own and the chain's defaults. */
  async safetyFor(storeId: string): Promise<SafetyStockRow[]> {
    return this.db
      .select()
      .from(safetyStock)
      .where(inArray(safetyStock.storeId, [storeId, EVERY_STORE]));
  }

  /** Every safety stock setting (the admin's list), by item then store. */
  async safetyList(): Promise<SafetyStockRow[]> {
    return this.db.select().from(safetyStock).orderBy(asc(safetyStock.itemId), asc(safetyStock.storeId));
  }

  /** Set a safety stock (`undefined`: remove the setting, so the default applies). */
  async setSafety(storeId: string, itemId: string, quantity: number | undefined, now: Date): Promise<void> {
    if (quantity === undefined) {
      await this.db.delete(safetyStock).where(and(eq(safetyStock.storeId, storeId), eq(safetyStock.itemId, itemId)));
      return;
    }
    await this.db
      .insert(safetyStock)
      .values({ storeId, itemId, quantity, updatedAt: now })
      .onConflictDoUpdate({ target: [safetyStock.storeId, safetyStock.itemId], set: { quantity, updatedAt: now } });
  }
}

/** A row's level as the online rule reads it. */
export function levelOf(row: StockLevelRow): {
  itemId: string;
  tracked: boolean;
  count: number;
  eightySixed: EightySixReason | null;
} {
  const reason = row.eightySixed === 'manual' || row.eightySixed === 'sold-out' ? row.eightySixed : null;
  return { itemId: row.itemId, tracked: row.tracked, count: row.count, eightySixed: reason };
}
