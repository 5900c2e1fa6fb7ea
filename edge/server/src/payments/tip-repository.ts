/**
 * Tips as stored: cash tips declared by staff (`tip_declarations`, only written here), and, for
 * the tips-by-staff report, the card tips on the payments each staff member took on a business
 * day (read only; the payments are the order repository's).
 */
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '@tillbox/core';
import type { Db, Tx } from '../db/database.js';
import { orders, payments, tipDeclarations } from '../db/schema.js';

export type TipDeclarationRow = typeof tipDeclarations.$inferSelect;

export class TipRepository {
  constructor(private readonly db: Db) {}

  insert(
    tx: Tx,
    row: {
      id: string;
      staffId: string;
      amount: number;
      currency: string;
      businessDay: string;
      actor: Actor;
      device: string | null;
      at: number;
    },
  ): void {
    tx.insert(tipDeclarations).values(row).run();
  }

  /** A business day's declarations, oldest first. */
  declared(businessDay: string): TipDeclarationRow[] {
    return this.db
      .select()
      .from(tipDeclarations)
      .where(eq(tipDeclarations.businessDay, businessDay))
      .orderBy(asc(tipDeclarations.at), asc(tipDeclarations.id))
      .all();
  }

  /** Card tips by the staff member who took the payment, on a business day's orders (net of tips given back). */
  cardTipsByStaff(businessDay: string): { staffId: string; tips: number }[] {
    // A refund row has no staff of its own: it counts against the payment it gave back to.
    const original = sql`coalesce((select p2.staff_id from payments p2 where p2.id = ${payments.refundOf}), ${payments.staffId})`;
    return this.db
      .select({ staffId: sql<string>`${original}`, tips: sql<number>`sum(${payments.tip})` })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(and(eq(orders.businessDay, businessDay), ne(payments.tip, 0), isNotNull(sql`${original}`)))
      .groupBy(sql`${original}`)
      .all();
  }
}
