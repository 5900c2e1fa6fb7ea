/**
 * Stock as stored: the only code that touches `stock_levels` and `stock_moves`. An item has a row
 * once the store counts it or has taken it off sale; items without one are on sale and not
 * counted, and the repository keeps their absence in memory (the ids that have a row), so an
 * order of items the store does not count reads nothing here. Reads and writes use statements
 * prepared once on the one connection: inside a command's transaction they run in it.
 */
import { EIGHTY_SIX_REASONS, type Actor, type StockItem, type StockMoveRecord, type StockLineUse } from '@tillbox/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { preparedInsert, preparedUpdate } from '../db/prepared-writes.js';
import { stockLevels, stockMoves } from '../db/schema.js';

type LevelRow = typeof stockLevels.$inferSelect;

/** What a sale of an order left to give back: per item, the lines and how many each still holds. */
export type SoldLines = Map<string, StockLineUse[]>;

function itemOf(row: LevelRow, name: string): StockItem {
  const item: StockItem = { itemId: row.itemId, name, tracked: row.tracked, count: row.count };
  const reason = EIGHTY_SIX_REASONS.find((r) => r === row.eightySixed);
  if (reason)
    item.eightySixed = {
      reason,
      at: row.eightySixedAt ?? row.updatedAt,
      ...(row.eightySixNote ? { note: row.eightySixNote } : {}),
    };
  return item;
}

function prepare(db: Db) {
  const id = sql.placeholder('id');
  return {
    level: db.select().from(stockLevels).where(eq(stockLevels.itemId, id)).prepare(),
    sold: db
      .select({
        itemId: stockMoves.itemId,
        lineId: stockMoves.lineId,
        held: sql<number>`-sum(${stockMoves.quantity})`,
      })
      .from(stockMoves)
      .where(and(eq(stockMoves.orderId, id), inArray(stockMoves.kind, ['sale', 'return'])))
      .groupBy(stockMoves.itemId, stockMoves.lineId)
      .prepare(),
    insertLevel: preparedInsert(db, stockLevels),
    updateLevel: preparedUpdate(db, stockLevels, 'itemId'),
    insertMove: preparedInsert(db, stockMoves),
  };
}

export class StockRepository {
  private statements: ReturnType<typeof prepare> | undefined;
  /** Items with a row (never removed: rows are never deleted; one left by a rolled-back insert costs one read). */
  private readonly known = new Set<string>();

  constructor(private readonly db: Db) {}

  private get q(): ReturnType<typeof prepare> {
    this.statements ??= prepare(this.db);
    return this.statements;
  }

  start(): void {
    this.known.clear();
    for (const r of this.db.select({ itemId: stockLevels.itemId }).from(stockLevels).all()) this.known.add(r.itemId);
  }

  /** Whether the store has ever counted or 86'd the item (it has a row); false: on sale, not counted. */
  has(itemId: string): boolean {
    return this.known.has(itemId);
  }

  /** Whether any item has a row at all. */
  get empty(): boolean {
    return this.known.size === 0;
  }

  /** The item's stock, or undefined when it has no row. */
  load(itemId: string, name: string): StockItem | undefined {
    if (!this.known.has(itemId)) return undefined;
    const row = this.q.level.get({ id: itemId });
    return row ? itemOf(row, name) : undefined;
  }

  /** Every item with a row, by id. */
  list(nameOf: (itemId: string) => string): StockItem[] {
    return this.db
      .select()
      .from(stockLevels)
      .orderBy(asc(stockLevels.itemId))
      .all()
      .map((r) => itemOf(r, nameOf(r.itemId)));
  }

  /** Write the item as decided (inside the command's transaction): a new row, or the changed one. */
  save(before: StockItem | undefined, after: StockItem, at: number): void {
    const values = {
      tracked: after.tracked,
      count: after.count,
      eightySixed: after.eightySixed?.reason ?? null,
      eightySixedAt: after.eightySixed?.at ?? null,
      eightySixNote: after.eightySixed?.note ?? null,
      updatedAt: at,
    };
    if (before) this.q.updateLevel(after.itemId, values);
    else {
      this.q.insertLevel({ itemId: after.itemId, ...values });
      this.known.add(after.itemId);
    }
  }

  /** The moves of a decision, with the event that recorded them and who made them. */
  addMoves(
    moves: readonly StockMoveRecord[],
    by: { eventSeq: number | null; actor: Actor; device: string | null; at: number },
  ): void {
    for (const m of moves)
      this.q.insertMove({
        id: m.id,
        itemId: m.itemId,
        kind: m.kind,
        quantity: m.quantity,
        countAfter: m.countAfter,
        orderId: m.orderId ?? null,
        lineId: m.lineId ?? null,
        reason: m.reason ?? null,
        eventSeq: by.eventSeq,
        actor: by.actor,
        device: by.device,
        at: by.at,
      });
  }

  /** What an order's sales still hold, per item and line (sold minus given back); lines holding nothing are left out. */
  soldFor(orderId: string): SoldLines {
    const out: SoldLines = new Map();
    if (this.known.size === 0) return out;
    for (const r of this.q.sold.all({ id: orderId })) {
      if (r.lineId === null || r.held <= 0) continue;
      const list = out.get(r.itemId);
      const use = { lineId: r.lineId, quantity: r.held };
      if (list) list.push(use);
      else out.set(r.itemId, [use]);
    }
    return out;
  }

  /** The sum of an item's moves (what its count must be while it is counted). */
  movesTotal(itemId: string): number {
    const row = this.db
      .select({ total: sql<number>`coalesce(sum(${stockMoves.quantity}), 0)` })
      .from(stockMoves)
      .where(eq(stockMoves.itemId, itemId))
      .get();
    return row?.total ?? 0;
  }
}
