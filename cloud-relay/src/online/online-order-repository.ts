/**
 * App and online orders sent to stores: one row per client-made id, the store's answer, the
 * status the guest's page shows, and the points an order's rewards hold. The only code on the
 * `online_orders` table.
 */
import type { ErrorCode, OrderAnswer, Totals } from '@tillbox/core';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { onlineOrders } from '../db/schema.js';

export type OnlineOrderRow = typeof onlineOrders.$inferSelect;

export class OnlineOrderRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<OnlineOrderRow | undefined> {
    const [row] = await this.db.select().from(onlineOrders).where(eq(onlineOrders.id, id));
    return row;
  }

  /**
   * Records an order about to be sent; `false` when its id is already taken. With `guard`, in one
   * transaction after it (the guard locks what it checks and throws to record nothing).
   */
  async insert(
    row: {
      id: string;
      storeId: string;
      channel: string;
      request: unknown;
      quote: Totals;
      createdAt: Date;
      memberId?: string;
      pointsRedeemed?: number;
    },
    guard?: (tx: Tx) => Promise<void>,
  ): Promise<boolean> {
    const write = async (q: Db | Tx): Promise<boolean> => {
      const added = await q
        .insert(onlineOrders)
        .values({ ...row, state: 'pending' })
        .onConflictDoNothing()
        .returning({ id: onlineOrders.id });
      return added.length > 0;
    };
    if (!guard) return write(this.db);
    return this.db.transaction(async (tx) => {
      await guard(tx);
      return write(tx);
    });
  }

  /**
   * A member's online orders that redeem points and were not refused, made since `since`: the
   * candidates for a hold on their balance (those whose redemption is not in the ledger yet).
   */
  async redeeming(
    memberId: string,
    since: Date,
    tx?: Tx,
  ): Promise<{ id: string; points: number; storeId: string; state: string }[]> {
    const o = onlineOrders;
    return (tx ?? this.db)
      .select({ id: o.id, points: o.pointsRedeemed, storeId: o.storeId, state: o.state })
      .from(o)
      .where(
        and(
          eq(o.memberId, memberId),
          gt(o.pointsRedeemed, 0),
          ne(o.state, 'rejected'),
          sql`${o.createdAt} > ${since.toISOString()}::timestamptz`,
        ),
      );
  }

  /** Forgets an order that was never sent (the broker could not be reached). */
  async remove(id: string): Promise<void> {
    await this.db.delete(onlineOrders).where(and(eq(onlineOrders.id, id), eq(onlineOrders.state, 'pending')));
  }

  /**
   * The store's answer. `accepted` wins over a pending order or an earlier refusal (the store
   * makes it); `rejected` only answers a pending one. Answers the row after it, if it changed.
   */
  async answer(
    storeId: string,
    a: Extract<OrderAnswer, { kind: 'accepted' | 'rejected' }>,
    at: Date,
  ): Promise<OnlineOrderRow | undefined> {
    const where = and(eq(onlineOrders.id, a.orderId), eq(onlineOrders.storeId, storeId));
    if (a.kind === 'accepted') {
      const [row] = await this.db
        .update(onlineOrders)
        .set({
          state: 'accepted',
          code: null,
          reason: null,
          number: a.number,
          totals: a.totals,
          paid: a.paid,
          status: sql`coalesce(${onlineOrders.status}, 'placed')`,
          statusAt: sql`coalesce(${onlineOrders.statusAt}, ${at.toISOString()}::timestamptz)`,
          answeredAt: at,
        })
        .where(and(where, ne(onlineOrders.state, 'accepted')))
        .returning();
      return row;
    }
    const [row] = await this.db
      .update(onlineOrders)
      .set({ state: 'rejected', code: a.code as ErrorCode, reason: a.reason, answeredAt: at })
      .where(and(where, eq(onlineOrders.state, 'pending')))
      .returning();
    return row;
  }

  /** A status from the store: applied once per (store, seq), the status of highest seq wins. */
  async status(
    storeId: string,
    a: Extract<OrderAnswer, { kind: 'status' }>,
    at: Date,
  ): Promise<OnlineOrderRow | undefined> {
    const [row] = await this.db
      .update(onlineOrders)
      .set({ status: a.status, statusSeq: a.seq, statusAt: at })
      .where(
        and(
          eq(onlineOrders.id, a.orderId),
          eq(onlineOrders.storeId, storeId),
          sql`${onlineOrders.statusSeq} < ${a.seq}`,
        ),
      )
      .returning();
    return row;
  }
}
