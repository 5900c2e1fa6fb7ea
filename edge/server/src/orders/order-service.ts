/**
 * Orders: placing (idempotent on the client-made id), numbering per business day, when an
 * order goes to the kitchen, and the front-of-house commands. Each is one transaction with
 * its events.
 */
import { createHash } from 'node:crypto';
import {
  businessDay,
  priceWithEngine,
  pricingContextSchema,
  TillboxError,
  uuidv7,
  type OrderEventData,
  type OrderPricing,
  type OrderStatus,
  type OrderView,
  type PlaceOrderBody,
} from '@tillbox/core';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { CatalogService } from '../catalog/catalog-service.js';
import { orderLines, orderNumbers, orders, payments } from '../db/schema.js';
import type { Tx } from '../db/database.js';
import type { Append, EventLog } from '../events/event-log.js';
import type { KitchenService } from '../kitchen/kitchen-service.js';
import { flattenChoices, type LineDetail, type OrderStore } from './order-store.js';

export interface OrderServiceContext {
  events: EventLog;
  orderStore: OrderStore;
  catalog: CatalogService;
  kitchen: KitchenService;
  store: { timeZone: string; businessDayStartHour: number };
  /** The store's id in the pricing rules (its time zone, prices and tax). */
  storeId: string;
  counterFires: 'at-once' | 'on-payment';
  now?: () => number;
}

/** Commands the front of house sends for a whole order. */
export type FrontCommand = 'fire' | 'pick-up' | 'complete' | 'cancel';

const CLOSED: OrderStatus[] = ['picked_up', 'completed', 'cancelled', 'voided', 'refunded'];

export class OrderService {
  private readonly now: () => number;

  constructor(private readonly ctx: OrderServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  /**
   * Place an order. The same id placed again returns the stored order (`created: false`);
   * the same id with a different cart is a conflict. Whether it fires at once follows the
   * channel: counter orders at once (unless set otherwise), the rest once paid; an order
   * promised for later fires at the promised time minus its prep time.
   */
  place(body: PlaceOrderBody): { order: OrderView; created: boolean } {
    return this.ctx.events.transact((tx, append) => this.placeIn(tx, append, body));
  }

  /** {@link place} through the group commit: many screens' orders share one fsync. */
  placeQueued(body: PlaceOrderBody): Promise<{ order: OrderView; created: boolean }> {
    return this.ctx.events.enqueue((tx, append) => this.placeIn(tx, append, body));
  }

  private placeIn(tx: Tx, append: Append, body: PlaceOrderBody): { order: OrderView; created: boolean } {
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const existing = tx.select({ requestHash: orders.requestHash }).from(orders).where(eq(orders.id, body.id)).get();
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new TillboxError('conflict', `order id ${body.id} was already used for a different order`, {
          details: [{ path: 'id', message: 'make a new id for a new order' }],
        });
      }
      return { order: this.ctx.orderStore.view(tx, body.id), created: false };
    }
    const engine = this.ctx.catalog.engine;
    const at = this.now();
    const priced = priceWithEngine(
      engine,
      { lines: body.lines.map((l) => ({ ...l, lineId: uuidv7(at) })) },
      pricingContextSchema.parse({
        storeId: this.ctx.storeId,
        channel: body.channel,
        orderType: body.orderType,
        at: new Date(at).toISOString(),
      }),
    );
    const routed = priced.lines.map((l) => ({ ...l, station: this.ctx.kitchen.route(l.itemId) }));
    if (body.payment && body.payment.amount !== priced.totals.total) {
      throw new TillboxError(
        'validation',
        `the payment of ${body.payment.amount} does not match the order total of ${priced.totals.total}`,
        {
          details: [{ path: 'body.payment.amount', message: `expected ${priced.totals.total}` }],
        },
      );
    }
    const promisedAt = body.promisedAt === undefined ? null : Date.parse(body.promisedAt);
    const prepMs = this.ctx.kitchen.prepMinutes(routed.map((l) => l.station)) * 60_000;
    const fireAt = promisedAt === null ? null : promisedAt - prepMs;
    const firePolicy =
      body.fire === 'now' || (body.fire === 'auto' && body.channel === 'counter' && this.ctx.counterFires === 'at-once')
        ? 'now'
        : 'on-payment';
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
        payment: 'unpaid',
        channel: body.channel,
        orderType: body.orderType,
        guestName: body.guestName && body.guestName !== '' ? body.guestName : null,
        tableLabel: body.table ?? null,
        promisedAt,
        dueAt: promisedAt ?? at + prepMs,
        rush: body.rush,
        firePolicy,
        fireAt,
        currency: priced.totals.currency,
        subtotal: priced.totals.subtotal,
        discount: priced.totals.discount,
        tax: priced.totals.tax,
        total: priced.totals.total,
        pricing: {
          discounts: priced.applied.map((a) => ({
            promotionId: a.promotionId,
            explanation: a.explanation,
            amount: a.amount,
          })),
          taxes: priced.taxes.map((t) => ({ name: t.name.en, rate: t.rate, inclusive: t.inclusive, amount: t.amount })),
          loyaltyPoints: priced.loyalty.pointsEarned,
          localTime: priced.localTime,
        } satisfies OrderPricing,
        requestHash,
        catalogVersion: engine.catalog.version,
        placedAt: at,
      })
      .run();
    tx.insert(orderLines)
      .values(
        routed.map((l, position) => {
          const detail: LineDetail = {
            name: l.name,
            variantName: l.variantName,
            modifiers: flattenChoices(l),
            note: l.note,
            allergens: l.allergens,
            discount: l.discount,
            tax: l.tax,
            total: l.total,
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
    let view = this.ctx.orderStore.view(tx, body.id);
    append({ type: 'order.placed', subject: body.id, data: { order: view } satisfies OrderEventData });
    if (body.payment) {
      const payment = body.payment;
      view = this.ctx.orderStore.transition(tx, append, body.id, 'pay', at, () => {
        tx.insert(payments)
          .values({
            id: uuidv7(at),
            orderId: body.id,
            method: 'external',
            amount: payment.amount,
            reference: payment.reference,
            at,
          })
          .run();
      });
    }
    const due = fireAt === null || fireAt <= at;
    if (due && (firePolicy === 'now' || view.payment === 'paid')) view = this.ctx.kitchen.fire(tx, append, body.id, at);
    return { order: view, created: true };
  }

  /** A front-of-house command for a whole order. */
  command(id: string, command: FrontCommand): OrderView {
    const at = this.now();
    return this.ctx.events.transact((tx, append) =>
      command === 'fire'
        ? this.ctx.kitchen.fire(tx, append, id, at)
        : this.ctx.orderStore.transition(tx, append, id, command, at),
    );
  }

  get(id: string): OrderView {
    return this.ctx.events.transact((tx) => this.ctx.orderStore.view(tx, id));
  }

  /**
   * Orders by status ('open' = not yet handed over or closed) and the seq the list is current
   * at. Closed statuses are listed for one business day (today unless `day` is given).
   */
  list(status: OrderStatus | 'open', day?: string): { seq: number; orders: OrderView[] } {
    // One transaction, so the seq and the rows are one consistent snapshot.
    return this.ctx.events.transact((tx) => {
      const today = businessDay(this.now(), this.ctx.store.timeZone, this.ctx.store.businessDayStartHour);
      const where =
        status === 'open'
          ? notInArray(orders.status, CLOSED)
          : CLOSED.includes(status)
            ? and(eq(orders.status, status), eq(orders.businessDay, day ?? today))
            : eq(orders.status, status);
      const rows = tx
        .select()
        .from(orders)
        .where(where)
        .orderBy(asc(orders.placedAt), asc(orders.number))
        .limit(2000)
        .all();
      return { seq: this.ctx.events.lastSeq, orders: this.ctx.orderStore.views(tx, rows) };
    });
  }
}
