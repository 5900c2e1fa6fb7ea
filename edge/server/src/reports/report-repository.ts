/** The reports' reads: the only report code that touches the order and ticket tables. */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { orderLines, orders, tickets } from '../db/schema.js';

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

/** A line a guest added from an upsell suggestion, with what it came to. */
export interface UpsellLineRow {
  orderId: string;
  upsellId: string;
  quantity: number;
  lineTotal: number;
}

/** The upsell ids of the lines of a stored `pricing` column's priced input, by line id; none when it is unreadable. */
function upsellIdsOf(pricing: unknown): Map<string, string> {
  const out = new Map<string, string>();
  let stored: unknown = pricing;
  try {
    if (typeof pricing === 'string') stored = JSON.parse(pricing);
  } catch {
    return out;
  }
  const lines = (stored as { input?: { cart?: { lines?: unknown } } } | null)?.input?.cart?.lines;
  if (!Array.isArray(lines)) return out;
  for (const l of lines as { lineId?: unknown; upsellId?: unknown }[])
    if (typeof l.lineId === 'string' && typeof l.upsellId === 'string') out.set(l.lineId, l.upsellId);
  return out;
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

  /**
   * The lines of a business day's orders (cancelled and voided ones left out) that guests added
   * from an upsell suggestion: the cart each order was priced from names the suggestion.
   */
  upsellLines(businessDay: string): UpsellLineRow[] {
    const placed = this.db
      .select({ id: orders.id, pricing: sql<unknown>`${orders.pricing}` })
      .from(orders)
      .where(and(eq(orders.businessDay, businessDay), notInArray(orders.status, ['cancelled', 'voided'])))
      .all();
    const upsellOf = new Map<string, { orderId: string; upsellId: string }>();
    for (const o of placed)
      for (const [lineId, upsellId] of upsellIdsOf(o.pricing)) upsellOf.set(lineId, { orderId: o.id, upsellId });
    if (upsellOf.size === 0) return [];
    const rows: UpsellLineRow[] = [];
    const ids = [...upsellOf.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const lines = this.db
        .select({ id: orderLines.id, quantity: orderLines.quantity, lineTotal: orderLines.lineTotal })
        .from(orderLines)
        .where(inArray(orderLines.id, ids.slice(i, i + 500)))
        .all();
      for (const l of lines) {
        const of = upsellOf.get(l.id);
        if (of) rows.push({ ...of, quantity: l.quantity, lineTotal: l.lineTotal });
      }
    }
    return rows;
  }
}
