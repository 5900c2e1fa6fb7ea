/**
 * Orders: placing (idempotent on the client-made id), the front-of-house commands, voids,
 * discounts and price overrides, and reading orders. Each command is load → decide (in the
 * core) → save → append, in one transaction; no rule lives here.
 */
import { createHash } from 'node:crypto';
import {
  assertOrderAccess,
  businessDay,
  canAccessOrder,
  decideOrder,
  orderCursor,
  orderView,
  parseOrderCursor,
  placementOf,
  priceWithEngine,
  pricingContextSchema,
  TillboxError,
  uuidv7,
  type CommandContext,
  type DiscountRequest,
  type KitchenConfig,
  type OrderList,
  type OrderScope,
  type OrderStatus,
  type OrderView,
  type PlaceOrderBody,
  type BalanceSource,
  type Order,
  type PriceResult,
} from '@tillbox/core';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { Tx } from '../db/database.js';
import type { Append, EventLog } from '../events/event-log.js';
import type { OrderAggregate } from './order-aggregate.js';
import { RESTORED_REQUEST } from './order-restore.js';

export interface OrderServiceContext {
  events: EventLog;
  orders: OrderAggregate;
  catalog: CatalogService;
  /** Where each item is made (stations and routing). */
  routing: Pick<KitchenConfig, 'stations' | 'defaultStation'>;
  store: { timeZone: string; businessDayStartHour: number };
  /** The store's id in the pricing rules (its time zone, prices and tax). */
  storeId: string;
  /** The business day of a moment: after a Z report, the day after the closed one (the clock's day by default). */
  businessDay?: (at: number) => string;
  now?: () => number;
  /** Loyalty: the member an order is for (their tier, balance and rewards), and the points it spends. */
  loyalty?: OrderLoyalty;
}

/** What placing an order for a loyalty member needs of the loyalty capability. */
export interface OrderLoyalty {
  /** Before the placing transaction: the member's balance from the cloud when it can be asked. */
  prepare(cmd: CommandContext, memberId: string): Promise<BalanceSource>;
  /** In the transaction: the customer the order is priced for. */
  customer(memberId: string): { id: string; loyaltyTier?: string; pointsBalance: number };
  /** In the transaction, before deciding: refuse rewards that are not in the price or past the offline limit. */
  checkRedemption(memberId: string, requested: readonly string[], priced: PriceResult, source: BalanceSource): void;
  /** In the transaction, once placed: the points it spends. */
  placed(append: Append, order: Order, source: BalanceSource): void;
}

/** The customer an order is priced for; without a balance limit when the cloud vouched for the points. */
function customerOf(loyalty: OrderLoyalty, memberId: string, vouched: boolean) {
  const customer = loyalty.customer(memberId);
  if (!vouched) return customer;
  const { pointsBalance: _checkedByTheCloud, ...rest } = customer;
  return rest;
}

/** Commands the front of house sends for a whole order. */
export type FrontCommand = 'fire' | 'pick-up' | 'complete' | 'cancel';

export class OrderService {
  private readonly now: () => number;
  private readonly dayOf: (at: number) => string;

  constructor(private readonly ctx: OrderServiceContext) {
    this.now = ctx.now ?? Date.now;
    this.dayOf = ctx.businessDay ?? ((at) => businessDay(at, ctx.store.timeZone, ctx.store.businessDayStartHour));
  }

  /**
   * Place an order. The same id placed again returns the stored order (`created: false`); the
   * same id with a different cart is a conflict. When it goes to the kitchen is the core's
   * decision (channel, settings, payment, promised time).
   */
  place(
    cmd: CommandContext,
    body: PlaceOrderBody,
    source: BalanceSource = 'offline-estimate',
  ): { order: OrderView; created: boolean } {
    return this.ctx.events.transact(cmd, (tx, append) => this.placeIn(cmd, tx, append, body, source));
  }

  /**
   * {@link place} through the group commit: many screens' orders share one fsync. An order for a
   * loyalty member first asks the cloud for their balance (outside the transaction).
   */
  async placeQueued(cmd: CommandContext, body: PlaceOrderBody): Promise<{ order: OrderView; created: boolean }> {
    // An app or online order's points were checked by the cloud, in its ledger (less what the
    // member's other online orders hold) under the member's lock: the store does not ask again —
    // it could not: the relay holds the inbound message until it is placed, and the answer would
    // wait behind it — and prices its rewards without a balance limit.
    const vouched = cmd.actor.kind === 'cloud' && body.loyalty !== undefined;
    const source = vouched
      ? 'cloud'
      : body.loyalty && this.ctx.loyalty
        ? await this.ctx.loyalty.prepare(cmd, body.loyalty.memberId)
        : undefined;
    return this.ctx.events.enqueue(cmd, (tx, append) => this.placeIn(cmd, tx, append, body, source, vouched));
  }

  private placeIn(
    cmd: CommandContext,
    tx: Tx,
    append: Append,
    body: PlaceOrderBody,
    source: BalanceSource = 'offline-estimate',
    vouched = false,
  ): { order: OrderView; created: boolean } {
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const repository = this.ctx.orders.repository;
    const existing = repository.find(body.id);
    if (existing) {
      assertOrderAccess(existing, cmd);
      // An order restored from the cloud's copy of the log has no fingerprint to compare: its id is the order.
      const stored = repository.requestHash(body.id);
      if (stored !== requestHash && !stored?.startsWith(RESTORED_REQUEST)) {
        throw new TillboxError('conflict', `order id ${body.id} was already used for a different order`, {
          details: [{ path: 'id', message: 'make a new id for a new order' }],
        });
      }
      return { order: orderView(existing), created: false };
    }
    const engine = this.ctx.catalog.engine;
    const at = this.now();
    // The screen's line ids, which it priced its preview with (ties in a discount split by line
    // id, so the same ids give the same cents); new ones, in cart order, when it sent none. Kept
    // with the order: staff's discounts and price overrides price it again from these.
    const cart = { lines: body.lines.map((l) => ({ ...l, lineId: l.lineId ?? uuidv7(at) })) };
    const taken = repository.lineIdsInUse(cart.lines.map((l) => l.lineId));
    if (taken.length > 0) {
      throw new TillboxError('conflict', `line id ${taken[0]} already belongs to another order`, {
        details: taken.map((id) => ({ path: 'lines', message: `line id ${id} is taken: make new line ids` })),
      });
    }
    const member = body.loyalty;
    const loyalty = this.ctx.loyalty;
    if (member && !loyalty) throw new TillboxError('unavailable', 'This store box keeps no loyalty programme');
    const context = pricingContextSchema.parse({
      storeId: this.ctx.storeId,
      channel: body.channel,
      orderType: body.orderType,
      at: new Date(at).toISOString(),
      ...(member && loyalty
        ? { customer: customerOf(loyalty, member.memberId, vouched), rewards: member.rewards }
        : {}),
    });
    const priced = priceWithEngine(engine, cart, context);
    if (member && loyalty) loyalty.checkRedemption(member.memberId, member.rewards, priced, source);
    const day = this.dayOf(at);
    const command = {
      kind: 'place' as const,
      order: {
        id: body.id,
        number: repository.nextNumber(tx, day),
        businessDay: day,
        channel: body.channel,
        orderType: body.orderType,
        rush: body.rush,
        ...(body.guestName !== undefined ? { guestName: body.guestName } : {}),
        ...(body.table !== undefined ? { table: body.table } : {}),
        ...(body.promisedAt !== undefined ? { promisedAt: Date.parse(body.promisedAt) } : {}),
        ...placementOf(priced, engine, this.ctx.routing),
        priceInput: { cart, context },
      },
      fire: body.fire,
      ...(body.payment ? { payment: body.payment } : {}),
    };
    const decision = decideOrder(undefined, command, this.ctx.orders.env(cmd, at));
    const order = this.ctx.orders.apply(tx, append, undefined, decision, at, { requestHash });
    if (member && loyalty) loyalty.placed(append, order, source);
    return { order: orderView(order), created: true };
  }

  /** A front-of-house command for a whole order. */
  command(cmd: CommandContext, id: string, command: FrontCommand): OrderView {
    return this.ctx.orders.execute(cmd, { orderId: id }, { kind: command });
  }

  /** Void an unpaid order that is still open (a manager override at the route); the reason is kept. */
  voidOrder(cmd: CommandContext, id: string, reason: string): OrderView {
    return this.ctx.orders.execute(cmd, { orderId: id }, { kind: 'void', reason });
  }

  /** Staff's discount or comp on an unpaid order or one of its lines (approved by a manager past the limits). */
  discount(cmd: CommandContext, id: string, adjustment: DiscountRequest): OrderView {
    return this.ctx.orders.execute(cmd, { orderId: id }, { kind: 'discount', adjustment });
  }

  /** A manager's price for one unit of a line of an unpaid order, before modifiers. */
  overridePrice(
    cmd: CommandContext,
    id: string,
    lineId: string,
    change: { unitPrice: number; reason: string },
  ): OrderView {
    return this.ctx.orders.execute(cmd, { orderId: id }, { kind: 'override-price', lineId, ...change });
  }

  get(cmd: CommandContext, id: string): OrderView {
    const order = this.ctx.orders.repository.load(id);
    assertOrderAccess(order, cmd);
    return orderView(order);
  }

  /**
   * One page of orders by status ('open' = not yet handed over or closed; `scope` = what a
   * kitchen or pickup screen shows), oldest placed first, with the seq the page is current at
   * and the cursor of the next page. Closed statuses are listed for one business day (today
   * unless `day` is given).
   */
  list(
    cmd: CommandContext,
    query: { status: OrderStatus | 'open'; day?: string; scope?: OrderScope; limit: number; after?: string },
  ): OrderList {
    // Synchronous on the one connection: the seq and the rows are one consistent snapshot.
    const seq = this.ctx.events.lastSeq;
    const today = this.dayOf(this.now());
    const page = this.ctx.orders.repository.listPage({
      status: query.status,
      day: query.day ?? today,
      limit: query.limit,
      ...(query.scope ? { scope: query.scope } : {}),
      ...(query.after ? { after: parseOrderCursor(query.after) } : {}),
    });
    return {
      seq,
      orders: page.orders.filter((o) => canAccessOrder(o, cmd)).map(orderView),
      ...(page.next ? { next: orderCursor(page.next) } : {}),
    };
  }
}
