/** The reports' reads: the only report code that touches the order and ticket tables. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { orders, tickets } from '../db/schema.js';

export interface StageTimes {
  placedAt: number;
  firedAt: number | null;
  readyAt: number | null;
  pickedUpAt: number | null;
}

export interface StationTimes {
  station: string;
  firedAt: number;
  bumpedAt: number | null;
}

export class ReportRepository {
  constructor(private readonly db: Db) {}

  /** When each order of a business day was placed, fired, ready and picked up, and each of its tickets fired and bumped. */
  serviceTimes(businessDay: string): { orders: StageTimes[]; tickets: StationTimes[] } {
    return {
      orders: this.db
        .select({
          placedAt: orders.placedAt,
          firedAt: orders.firedAt,
          readyAt: orders.readyAt,
          pickedUpAt: orders.pickedUpAt,
        })
        .from(orders)
        .where(eq(orders.businessDay, businessDay))
        .all(),
      tickets: this.db
        .select({ station: tickets.station, firedAt: tickets.firedAt, bumpedAt: tickets.bumpedAt })
        .from(tickets)
        .innerJoin(orders, eq(orders.id, tickets.orderId))
        .where(eq(orders.businessDay, businessDay))
        .all(),
    };
  }
}
