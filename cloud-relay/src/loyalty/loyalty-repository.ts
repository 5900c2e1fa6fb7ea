/**
 * The loyalty tables: members' accounts and their append-only ledger. A store's loyalty events
 * become entries in the transaction that ingests them (`applyStoreEvents`), each once by its
 * origin; a member whose balance the merge finds below zero gets an adjustment back to zero,
 * flagged as a conflict for a manager, never a silent negative.
 */
import { ledgerEntryOf, uuidv7 } from '@tillbox/core';
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { loyaltyAccounts, loyaltyLedger, stores } from '../db/schema.js';
import type { StoreEventRow } from '../ingest/ingest-repository.js';

export type AccountRow = typeof loyaltyAccounts.$inferSelect;
export type LedgerRow = typeof loyaltyLedger.$inferSelect;
type NewLedgerRow = typeof loyaltyLedger.$inferInsert;

/** A member's balance, and what the asking store needs to add its own entries to it. */
export interface BalanceRow {
  points: number;
  /** Points accrued in the year before `now` (tiers). */
  earnedInYear: number;
  /** The asking store's contiguous head: every one of its events up to it is in `points`. */
  storeSeq?: number;
  /** Points among `points` from the asking store's events after `storeSeq`. */
  storeAbove?: number;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;
const num = (v: unknown): number => Number(v ?? 0);

export class LoyaltyRepository {
  constructor(private readonly db: Db) {}

  /**
   * The ledger entries of newly ingested store events, inside the ingest's transaction. Answers
   * the conflicts it found (members whose balance went below zero, each given an adjustment).
   */
  async applyStoreEvents(tx: Tx, events: readonly StoreEventRow[], now: Date): Promise<LedgerRow[]> {
    const rows: NewLedgerRow[] = [];
    for (const e of [...events].sort((a, b) => a.storeId.localeCompare(b.storeId) || a.seq - b.seq)) {
      const entry = ledgerEntryOf(e.type, e.data);
      if (!entry) continue;
      rows.push({
        id: uuidv7(now.getTime()),
        origin: `store:${e.storeId}:${e.seq}`,
        memberId: entry.memberId,
        kind: entry.kind,
        points: entry.points,
        storeId: e.storeId,
        seq: e.seq,
        orderId: entry.orderId ?? null,
        reason: entry.reason ?? null,
        at: e.at,
      });
    }
    if (rows.length === 0) return [];
    const inserted = await tx
      .insert(loyaltyLedger)
      .values(rows)
      .onConflictDoNothing({ target: loyaltyLedger.origin })
      .returning();
    if (inserted.length === 0) return [];
    const members = [...new Set(inserted.map((r) => r.memberId))].sort();
    // Every member has an account row to lock (one a store knew before the cloud did gets a bare one).
    await tx
      .insert(loyaltyAccounts)
      .values(members.map((memberId) => ({ memberId })))
      .onConflictDoNothing();
    // Locked in id order, so two instances merging the same member take turns; each sum below is
    // a statement that starts after the lock, so it sees what the other committed.
    await tx
      .select({ id: loyaltyAccounts.memberId })
      .from(loyaltyAccounts)
      .where(inArray(loyaltyAccounts.memberId, members))
      .orderBy(loyaltyAccounts.memberId)
      .for('update');
    const conflicts: LedgerRow[] = [];
    for (const memberId of members) {
      const balance = await this.sum(tx, memberId);
      if (balance >= 0) continue;
      // The entry of this batch that spent what was not there (the last one of the member's).
      const cause = inserted.filter((r) => r.memberId === memberId && r.points < 0).at(-1) ?? inserted.at(-1);
      if (!cause) continue;
      const [row] = await tx
        .insert(loyaltyLedger)
        .values({
          id: uuidv7(now.getTime()),
          origin: `conflict:${cause.storeId}:${cause.seq}`,
          memberId,
          kind: 'adjustment',
          points: -balance,
          storeId: cause.storeId,
          seq: cause.seq,
          orderId: cause.orderId,
          reason:
            `balance went to ${balance}: store ${cause.storeId} ${cause.kind === 'redemption' ? 'redeemed' : 'took'} ` +
            `${-cause.points} points (order ${cause.orderId ?? '?'}) that other entries had already spent; ` +
            `${-balance} points written off`,
          conflict: true,
          at: cause.at,
        })
        .onConflictDoNothing({ target: loyaltyLedger.origin })
        .returning();
      if (row) conflicts.push(row);
    }
    return conflicts;
  }

  private async sum(tx: Tx | Db, memberId: string): Promise<number> {
    const [row] = await tx
      .select({ points: sql<string>`coalesce(sum(${loyaltyLedger.points}), 0)` })
      .from(loyaltyLedger)
      .where(eq(loyaltyLedger.memberId, memberId));
    return num(row?.points);
  }

  /** A member's balance, in one statement (one snapshot); with `storeId`, that store's head and its entries above it. */
  async balance(memberId: string, storeId: string | undefined, now: Date): Promise<BalanceRow> {
    const l = loyaltyLedger;
    const yearAgo = new Date(now.getTime() - YEAR_MS).toISOString();
    const head = sql`(select coalesce(max(${stores.lastSeq}), 0) from ${stores} where ${stores.id} = ${storeId ?? ''})`;
    const [row] = await this.db
      .select({
        points: sql<string>`coalesce(sum(${l.points}), 0)`,
        earned: sql<string>`coalesce(sum(${l.points}) filter (where ${l.kind} = 'accrual' and ${l.at} > ${yearAgo}::timestamptz), 0)`,
        storeSeq: sql<string>`${head}`,
        storeAbove: sql<string>`coalesce(sum(${l.points}) filter (where ${l.storeId} = ${storeId ?? ''} and not ${l.conflict} and ${l.seq} > ${head}), 0)`,
      })
      .from(l)
      .where(eq(l.memberId, memberId));
    const out: BalanceRow = { points: num(row?.points), earnedInYear: num(row?.earned) };
    if (storeId !== undefined) {
      out.storeSeq = num(row?.storeSeq);
      out.storeAbove = num(row?.storeAbove);
    }
    return out;
  }

  async account(by: { memberId: string } | { phone: string } | { qrCode: string }): Promise<AccountRow | undefined> {
    const a = loyaltyAccounts;
    const where =
      'memberId' in by ? eq(a.memberId, by.memberId) : 'phone' in by ? eq(a.phone, by.phone) : eq(a.qrCode, by.qrCode);
    const [row] = await this.db.select().from(a).where(where).limit(1);
    return row;
  }

  /** A new account; `conflict` (thrown by the database as a unique violation) is the caller's to name. */
  async insertAccount(row: typeof loyaltyAccounts.$inferInsert): Promise<AccountRow | undefined> {
    const [created] = await this.db.insert(loyaltyAccounts).values(row).onConflictDoNothing().returning();
    return created;
  }

  /** Whether an account holds this phone or card code already. */
  async taken(phone: string | undefined, qrCode: string): Promise<boolean> {
    const a = loyaltyAccounts;
    const [row] = await this.db
      .select({ id: a.memberId })
      .from(a)
      .where(phone === undefined ? eq(a.qrCode, qrCode) : or(eq(a.phone, phone), eq(a.qrCode, qrCode)))
      .limit(1);
    return row !== undefined;
  }

  /** An entry made in the cloud (an adjustment, an expiry), once by its origin; undefined when it was made already. */
  async addEntry(entry: Omit<NewLedgerRow, 'id'>, now: Date): Promise<LedgerRow | undefined> {
    return this.db.transaction(async (tx) => {
      await tx.insert(loyaltyAccounts).values({ memberId: entry.memberId }).onConflictDoNothing();
      await tx
        .select({ id: loyaltyAccounts.memberId })
        .from(loyaltyAccounts)
        .where(eq(loyaltyAccounts.memberId, entry.memberId))
        .for('update');
      const [row] = await tx
        .insert(loyaltyLedger)
        .values({ ...entry, id: uuidv7(now.getTime()) })
        .onConflictDoNothing({ target: loyaltyLedger.origin })
        .returning();
      return row;
    });
  }

  /**
   * In a transaction: the member's account locked (as the merge locks it, so a redemption being
   * checked and a store's entries being merged take turns) and their balance after the lock.
   */
  async lockedBalance(tx: Tx, memberId: string): Promise<number> {
    await tx.insert(loyaltyAccounts).values({ memberId }).onConflictDoNothing();
    await tx
      .select({ id: loyaltyAccounts.memberId })
      .from(loyaltyAccounts)
      .where(eq(loyaltyAccounts.memberId, memberId))
      .for('update');
    return this.sum(tx, memberId);
  }

  /** Which of these orders' redemptions the ledger holds already (a store's `loyalty.redeemed` for it). */
  async redeemedOrders(memberId: string, orderIds: readonly string[], tx?: Tx): Promise<Set<string>> {
    if (orderIds.length === 0) return new Set();
    const l = loyaltyLedger;
    const rows = await (tx ?? this.db)
      .selectDistinct({ orderId: l.orderId })
      .from(l)
      .where(and(eq(l.memberId, memberId), eq(l.kind, 'redemption'), inArray(l.orderId, [...orderIds])));
    return new Set(rows.map((r) => r.orderId).filter((id): id is string => id !== null));
  }

  /**
   * Members with points whose last accrual or redemption (or, with none, their account's opening)
   * is before `cutoff`, oldest first; `after` pages by member id.
   */
  async inactiveSince(cutoff: Date, limit: number, after = ''): Promise<{ memberId: string; lastActive: Date }[]> {
    const l = loyaltyLedger;
    const a = loyaltyAccounts;
    const last = sql<
      Date | string
    >`coalesce(max(${l.at}) filter (where ${l.kind} in ('accrual', 'redemption')), min(${a.createdAt}))`;
    const rows = await this.db
      .select({ memberId: l.memberId, lastActive: last })
      .from(l)
      .innerJoin(a, eq(a.memberId, l.memberId))
      .where(sql`${l.memberId} > ${after}`)
      .groupBy(l.memberId)
      .having(and(sql`sum(${l.points}) > 0`, sql`${last} < ${cutoff.toISOString()}::timestamptz`))
      .orderBy(l.memberId)
      .limit(limit);
    return rows.map((r) => ({ memberId: r.memberId, lastActive: new Date(r.lastActive) }));
  }

  /**
   * Expire a member's whole balance if they are still inactive since before `cutoff` (checked again
   * under the member's lock): one `expiry` entry keyed `expiry:{memberId}:{last activity}`, so the
   * same quiet spell is expired once however often, and by however many instances, the job runs.
   */
  async expire(memberId: string, cutoff: Date, reason: (points: number, lastActive: Date) => string, now: Date) {
    return this.db.transaction(async (tx): Promise<LedgerRow | undefined> => {
      const points = await this.lockedBalance(tx, memberId);
      if (points <= 0) return undefined;
      const l = loyaltyLedger;
      const [row] = await tx
        .select({
          last: sql<Date | string | null>`max(${l.at}) filter (where ${l.kind} in ('accrual', 'redemption'))`,
        })
        .from(l)
        .where(eq(l.memberId, memberId));
      const [account] = await tx.select().from(loyaltyAccounts).where(eq(loyaltyAccounts.memberId, memberId));
      const lastActive = row?.last ? new Date(row.last) : account?.createdAt;
      if (!lastActive || lastActive >= cutoff) return undefined;
      const [entry] = await tx
        .insert(loyaltyLedger)
        .values({
          id: uuidv7(now.getTime()),
          origin: `expiry:${memberId}:${lastActive.toISOString()}`,
          memberId,
          kind: 'expiry',
          points: -points,
          reason: reason(points, lastActive),
          at: now,
        })
        .onConflictDoNothing({ target: loyaltyLedger.origin })
        .returning();
      return entry;
    });
  }

  /** A member's entries, newest first. */
  async entries(memberId: string, limit: number): Promise<LedgerRow[]> {
    return this.db
      .select()
      .from(loyaltyLedger)
      .where(eq(loyaltyLedger.memberId, memberId))
      .orderBy(desc(loyaltyLedger.at), desc(loyaltyLedger.recordedAt))
      .limit(limit);
  }

  /** Conflicts found on merge, newest first (before `before`, a page cursor). */
  async conflicts(limit: number, before?: Date): Promise<LedgerRow[]> {
    const l = loyaltyLedger;
    return this.db
      .select()
      .from(l)
      .where(before ? and(eq(l.conflict, true), lt(l.recordedAt, before)) : eq(l.conflict, true))
      .orderBy(desc(l.recordedAt))
      .limit(limit);
  }
}
