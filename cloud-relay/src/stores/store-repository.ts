/**
 * The chain's stores: the state each publishes (retained, and its last will) and how far its
 * log has come. The only code on the `stores` table besides the ingest's head update.
 */
import type { RelayState } from '@tillbox/core';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { stores } from '../db/schema.js';

export type StoreRow = typeof stores.$inferSelect;

export class StoreRepository {
  constructor(private readonly db: Db) {}

  /** Record a state message as it arrives (every instance sees every state, in the broker's order). */
  async saveState(storeId: string, state: RelayState, now: Date): Promise<void> {
    const status = state.online ? 'online' : 'offline';
    await this.db
      .insert(stores)
      .values({ id: storeId, status, online: state.online, state, stateAt: now, lastSeenAt: now })
      .onConflictDoUpdate({
        target: stores.id,
        set: { status, online: state.online, state, stateAt: now, lastSeenAt: now },
      });
  }

  async find(storeId: string): Promise<StoreRow | undefined> {
    const [row] = await this.db.select().from(stores).where(eq(stores.id, storeId));
    return row;
  }

  /**
   * Online stores whose log has a gap in the cloud: `last_seq` below the highest seq received or
   * below the seq the broker acknowledged to the store (its last state's `relayedSeq`).
   */
  async gaps(limit: number): Promise<{ id: string; lastSeq: number; maxSeq: number; relayedSeq: number }[]> {
    const relayed = sql<number>`coalesce((${stores.state}->>'relayedSeq')::bigint, 0)`.mapWith(Number);
    return this.db
      .select({ id: stores.id, lastSeq: stores.lastSeq, maxSeq: stores.maxSeq, relayedSeq: relayed })
      .from(stores)
      .where(
        and(
          eq(stores.online, true),
          or(sql`${stores.lastSeq} < ${stores.maxSeq}`, sql`${stores.lastSeq} < ${relayed}`),
        ),
      )
      .orderBy(asc(stores.id))
      .limit(limit);
  }

  async list(limit: number, after = ''): Promise<StoreRow[]> {
    return this.db.select().from(stores).where(gt(stores.id, after)).orderBy(asc(stores.id)).limit(limit);
  }
}
