/**
 * Open tickets as stored: which orders are held (parked on no counter), by owner, oldest held
 * first. The orders themselves are read through the order repository; this only finds them (the
 * `orders_held` index).
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { orders } from '../db/schema.js';

/** The most open tickets one list answers. */
export const OPEN_TICKETS_MAX = 200;

export class OpenTicketRepository {
  constructor(private readonly db: Db) {}

  /** Ids of held orders (of one owner, when given), oldest held first. */
  heldIds(owner?: string): string[] {
    const held = isNotNull(orders.heldAt);
    return this.db
      .select({ id: orders.id })
      .from(orders)
      .where(owner === undefined ? held : and(held, eq(orders.ownerStaffId, owner)))
      .orderBy(asc(orders.heldAt), asc(orders.id))
      .limit(OPEN_TICKETS_MAX)
      .all()
      .map((r) => r.id);
  }
}
