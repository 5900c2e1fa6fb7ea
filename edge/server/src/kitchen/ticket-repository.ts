/**
 * The kitchen's queries over tickets and orders: what a station can recall, and which orders
 * wait for a scheduled time. Orders and tickets are written only through the order repository.
 */
import { and, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { orders, tickets } from '../db/schema.js';

export interface RecallableTicket {
  ticketId: string;
  orderId: string;
  bumpedAt: number;
}

export class TicketRepository {
  constructor(private readonly db: Db) {}

  /** Tickets a station bumped since `since`, whose orders are still in the kitchen or ready; newest first. */
  recallable(station: string, since: number, limit = 20): RecallableTicket[] {
    return this.db
      .select({ ticketId: tickets.id, orderId: tickets.orderId, bumpedAt: tickets.bumpedAt })
      .from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(
        and(
          eq(tickets.station, station),
          eq(tickets.status, 'bumped'),
          gte(tickets.bumpedAt, since),
          inArray(orders.status, ['in_kitchen', 'ready']),
        ),
      )
      .orderBy(desc(tickets.bumpedAt), desc(tickets.id))
      .limit(limit)
      .all()
      .flatMap((r) => (r.bumpedAt === null ? [] : [{ ...r, bumpedAt: r.bumpedAt }]));
  }

  /** Orders not yet fired whose scheduled firing time is at or before `at` (the core decides if they fire). */
  scheduledBy(at: number): string[] {
    return this.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(inArray(orders.status, ['placed', 'paid']), isNotNull(orders.fireAt), lte(orders.fireAt, at)))
      .all()
      .map((o) => o.id);
  }
}
