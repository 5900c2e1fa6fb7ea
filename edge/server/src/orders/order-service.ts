/**
 * Orders: placing (idempotent on the client-made id), numbering per business day, and the
 * lifecycle commands. Each command is one transaction with its events.
 */
import { createHash } from 'node:crypto';
import {
  applyOrderCommand,
  businessDay,
  priceCart,
  TillboxError,
  uuidv7,
  type OrderCommand,
  type OrderEventData,
  type OrderStatus,
  type OrderView,
  type PlaceOrderBody,
  type PricedLine,
} from '@tillbox/core';
import { asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { Tx } from '../db/database.js';
import { orderLines, orderNumbers, orders } from '../db/schema.js';
import type { EventLog } from '../events/event-log.js';

type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;
type LineDetail = Pick<PricedLine, 'name' | 'variantName' | 'modifiers' | 'note' | 'allergens'>;

export interface OrderServiceContext {
  events: EventLog;
  catalog: CatalogService;
  store: { timeZone: string; businessDayStartHour: number };
  now?: () => number;
}

const iso = (ms: number | null): string | undefined => (ms === null ? undefined : new Date(ms).toISOString());

function toView(row: OrderRow, lines: LineRow[]): OrderView {
  const view: OrderView = {
    id: row.id,
    number: row.number,
    businessDay: row.businessDay,
    status: row.status,
    channel: row.channel as OrderView['channel'],
    orderType: row.orderType as OrderView['orderType'],
    lines: lines.map((l) => {
      const d = l.detail as LineDetail;
      const line: PricedLine = {
        lineId: l.id,
        itemId: l.itemId,
        name: d.name,
        modifiers: d.modifiers,
        quantity: l.quantity,
        station: l.station,
        allergens: d.allergens,
        unitPrice: l.unitPrice,
        lineTotal: l.lineTotal,
      };
      if (l.variantId !== null) line.variantId = l.variantId;
      if (d.variantName) line.variantName = d.variantName;
      if (d.note !== undefined) line.note = d.note;
      return line;
    }),
    totals: { currency: row.currency, subtotal: row.subtotal, total: row.total },
    placedAt: new Date(row.placedAt).toISOString(),
  };
  if (row.guestName !== null) view.guestName = row.guestName;
  const fired = iso(row.firedAt);
  const ready = iso(row.readyAt);
  const pickedUp = iso(row.pickedUpAt);
  if (fired) view.firedAt = fired;
  if (ready) view.readyAt = ready;
  if (pickedUp) view.pickedUpAt = pickedUp;
  return view;
}

export class OrderService {
  private readonly now: () => number;

  constructor(private readonly ctx: OrderServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  /**
   * Place an order. The same id placed again returns the stored order (`created: false`);
   * the same id with a different cart is a conflict. The order fires to the kitchen at once
   * (payment arrives with its own capability).
   */
  place(body: PlaceOrderBody): { order: OrderView; created: boolean } {
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    return this.ctx.events.transact((tx, append) => {
      const existing = tx.select().from(orders).where(eq(orders.id, body.id)).get();
      if (existing) {
        if (existing.requestHash !== requestHash) {
          throw new TillboxError('conflict', `order id ${body.id} was already used for a different order`, {
            details: [{ path: 'id', message: 'make a new id for a new order' }],
          });
        }
        return { order: this.view(tx, existing), created: false };
      }
      const index = this.ctx.catalog.index;
      const priced = priceCart(index, body.lines, () => uuidv7());
      const at = this.now();
      const day = businessDay(at, this.ctx.store.timeZone, this.ctx.store.businessDayStartHour);
      const numberRow = tx
        .insert(orderNumbers)
        .values({ businessDay: day, lastNumber: 1 })
        .onConflictDoUpdate({
          target: orderNumbers.businessDay,
          set: { lastNumber: sql`${orderNumbers.lastNumber} + 1` },
        })
        .returning({ n: orderNumbers.lastNumber })
        .get();
      tx.insert(orders)
        .values({
          id: body.id,
          number: numberRow.n,
          businessDay: day,
          status: 'placed',
          channel: body.channel,
          orderType: body.orderType,
          guestName: body.guestName && body.guestName !== '' ? body.guestName : null,
          currency: priced.totals.currency,
          subtotal: priced.totals.subtotal,
          total: priced.totals.total,
          requestHash,
          catalogVersion: index.catalog.version,
          placedAt: at,
        })
        .run();
      tx.insert(orderLines)
        .values(
          priced.lines.map((l, position) => {
            const detail: LineDetail = {
              name: l.name,
              variantName: l.variantName,
              modifiers: l.modifiers,
              note: l.note,
              allergens: l.allergens,
            };
            return {
              id: l.lineId,
              orderId: body.id,
              position,
              itemId: l.itemId,
              variantId: l.variantId ?? null,
              quantity: l.quantity,
              unitPrice: l.unitPrice,
              lineTotal: l.lineTotal,
              station: l.station,
              detail,
            };
          }),
        )
        .run();
      const placed = this.view(tx, this.row(tx, body.id));
      append({ type: 'order.placed', subject: body.id, data: { order: placed } satisfies OrderEventData });
      const fired = this.transition(tx, append, body.id, 'fire', at);
      return { order: fired, created: true };
    });
  }

  /** Apply a lifecycle command (`bump`, `pick-up`) to an order. */
  command(id: string, command: OrderCommand): OrderView {
    return this.ctx.events.transact((tx, append) => this.transition(tx, append, id, command, this.now()));
  }

  get(id: string): OrderView {
    const row = this.ctx.events.transact((tx) => {
      const r = tx.select().from(orders).where(eq(orders.id, id)).get();
      return r ? this.view(tx, r) : undefined;
    });
    if (!row) throw new TillboxError('not-found', `no order ${id}`);
    return row;
  }

  /** Orders by status ('open' = not yet picked up) and the seq the list is current at. */
  list(status: OrderStatus | 'open'): { seq: number; orders: OrderView[] } {
    // One transaction, so the seq and the rows are one consistent snapshot.
    return this.ctx.events.transact((tx) => {
      const rows = tx
        .select()
        .from(orders)
        .where(status === 'open' ? ne(orders.status, 'picked_up') : eq(orders.status, status))
        .orderBy(asc(orders.placedAt), asc(orders.number))
        .limit(1000)
        .all();
      const ids = rows.map((r) => r.id);
      const lines =
        ids.length === 0
          ? []
          : tx
              .select()
              .from(orderLines)
              .where(inArray(orderLines.orderId, ids))
              .orderBy(asc(orderLines.position))
              .all();
      const byOrder = new Map<string, LineRow[]>();
      for (const l of lines) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
      return { seq: this.ctx.events.lastSeq, orders: rows.map((r) => toView(r, byOrder.get(r.id) ?? [])) };
    });
  }

  private row(tx: Tx, id: string): OrderRow {
    const row = tx.select().from(orders).where(eq(orders.id, id)).get();
    if (!row) throw new TillboxError('not-found', `no order ${id}`);
    return row;
  }

  private view(tx: Tx, row: OrderRow): OrderView {
    const lines = tx
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, row.id))
      .orderBy(asc(orderLines.position))
      .all();
    return toView(row, lines);
  }

  private transition(
    tx: Tx,
    append: Parameters<Parameters<EventLog['transact']>[0]>[1],
    id: string,
    command: OrderCommand,
    at: number,
  ): OrderView {
    const row = this.row(tx, id);
    const next = applyOrderCommand(row.status, command);
    const stamp =
      next.status === 'in_kitchen'
        ? { firedAt: at }
        : next.status === 'ready'
          ? { readyAt: at }
          : next.status === 'picked_up'
            ? { pickedUpAt: at }
            : {};
    tx.update(orders)
      .set({ status: next.status, ...stamp })
      .where(eq(orders.id, id))
      .run();
    const view = this.view(tx, { ...row, status: next.status, ...stamp });
    append({ type: next.event, subject: id, data: { order: view } satisfies OrderEventData });
    return view;
  }
}
