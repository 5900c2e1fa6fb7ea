/**
 * How a command reaches an order, for every capability that changes one (orders, kitchen,
 * payments): load it through the repository, decide with the core's `decideOrder`, save the
 * decided state and append its events — in one transaction. The rules are all in the core.
 */
import {
  decideOrder,
  orderView,
  uuidv7,
  type CommandContext,
  type OpenPaymentIntent,
  type Order,
  type OrderCommand,
  type OrderConfig,
  type OrderDecision,
  type OrderEnv,
  type OrderEvent,
  type OrderView,
  type PricingEngine,
  type StoreEvent,
} from '@tillbox/core';
import type { Tx } from '../db/database.js';
import type { Append, EventLog } from '../events/event-log.js';
import { asStored, type OrderRepository } from './order-repository.js';

export interface OrderAggregateContext {
  events: EventLog;
  repository: OrderRepository;
  config: OrderConfig;
  now: () => number;
  /** Card payments under way: an order is loaded with its open payment intent, so the core refuses what would race it. */
  intents?: { openFor(orderId: string): OpenPaymentIntent | undefined };
  /** The store's current pricing engine (discounts and price overrides price an order again with it). */
  engine?: () => PricingEngine;
  /** Run after every decision's events, in its transaction. */
  effects?: readonly OrderEffect[];
}

/**
 * Work another capability does in an order's transaction once its events are appended (stock
 * taken by a sale, given back by a refund); throwing refuses the command (nothing is saved).
 */
export type OrderEffect = (tx: Tx, append: Append, events: readonly OrderEvent[], at: number, order: Order) => void;

/** Which order a command is for: by its id, or by one of its kitchen tickets. */
export type OrderTarget = { orderId: string } | { ticketId: string };

/**
 * The state each order event was decided with, and the repository's number of the save that wrote
 * it, by the stored event: a committed batch's stream frames show an order as decided instead of
 * reading it back (four queries per order, on every order's path to the screens), and the
 * repository keeps it for the next views asked for (a print run's). Events of a command that
 * rolled back are never published; events read from the log (a replay) are not in here and their
 * orders are read.
 */
const decided = new WeakMap<StoreEvent, { order: Order; save: number }>();

/**
 * The screens' views of the orders `ids` once `batch` has committed. An order whose last event in
 * the batch was appended by {@link OrderAggregate.apply} is shown as that decision left it (what
 * the transaction saved last for it); any other (an event from elsewhere, a replayed page) is read.
 */
export function viewsAfter(
  repository: Pick<OrderRepository, 'views'>,
  ids: readonly string[],
  batch: readonly StoreEvent[],
): Map<string, OrderView> {
  const last = new Map<string, StoreEvent>();
  for (const event of batch) last.set(event.subject, event);
  const out = new Map<string, OrderView>();
  const unread: string[] = [];
  for (const id of ids) {
    const event = last.get(id);
    const state = event && decided.get(event)?.order;
    if (state) out.set(id, orderView(asStored(state)));
    else unread.push(id);
  }
  if (unread.length > 0) for (const [id, view] of repository.views(unread)) out.set(id, view);
  return out;
}

export class OrderAggregate {
  constructor(private readonly ctx: OrderAggregateContext) {
    ctx.events.subscribe((batch) => this.committed(batch));
  }

  /** Tell the repository which saves a committed batch's decisions made (the last one per order). */
  private committed(batch: readonly StoreEvent[]): void {
    const last = new Map<string, { order: Order; save: number }>();
    for (const event of batch) {
      const d = decided.get(event);
      if (d) last.set(d.order.id, d);
    }
    for (const d of last.values()) this.ctx.repository.committed(d.save, d.order);
  }

  get repository(): OrderRepository {
    return this.ctx.repository;
  }

  /** What a command decides with: who, when, the store's order settings and pricing engine, and fresh UUIDv7 ids. */
  env(cmd: CommandContext, at: number = this.ctx.now()): OrderEnv {
    const env: OrderEnv = { cmd, at, config: this.ctx.config, newId: () => uuidv7(at) };
    if (this.ctx.engine) env.engine = this.ctx.engine();
    return env;
  }

  /** The order with its lines, tickets, payments and the card payment under way (if any). */
  load(target: OrderTarget): Order {
    const order =
      'orderId' in target
        ? this.ctx.repository.load(target.orderId)
        : this.ctx.repository.loadByTicket(target.ticketId);
    const intent = this.ctx.intents?.openFor(order.id);
    return intent ? { ...order, paymentInProgress: intent } : order;
  }

  /** One transaction for work over several orders (each still decided by the core and saved with {@link apply}). */
  transact<T>(cmd: CommandContext, work: (tx: Tx, append: Append) => T): T {
    return this.ctx.events.transact(cmd, work);
  }

  /**
   * Load → decide → save → append, in one transaction. Answers the order as the screens show it.
   * `alongside` writes what belongs with the decision in the same transaction (a payment intent).
   */
  execute(
    cmd: CommandContext,
    target: OrderTarget,
    command: OrderCommand,
    alongside?: (tx: Tx, after: Order) => void,
  ): OrderView {
    const at = this.ctx.now();
    return this.ctx.events.transact(cmd, (tx, append) => {
      const before = this.load(target);
      const after = this.apply(tx, append, before, decideOrder(before, command, this.env(cmd, at)), at);
      alongside?.(tx, after);
      return orderView(after);
    });
  }

  /**
   * Decide without saving: whether a command would be accepted now, and what it would do. For
   * work that must happen outside a transaction first (charging a card) and only if allowed.
   */
  preview(cmd: CommandContext, before: Order, command: OrderCommand): OrderDecision {
    return decideOrder(before, command, this.env(cmd));
  }

  /** Save a decision and append its events inside `tx`; answers the new state. */
  apply(
    tx: Tx,
    append: Append,
    before: Order | undefined,
    decision: OrderDecision,
    at: number,
    placing?: { requestHash: string },
  ): Order {
    const save = this.ctx.repository.save(tx, before, decision.state, placing);
    const made = { order: decision.state, save };
    for (const event of decision.events) decided.set(append({ ...event, subject: decision.state.id, at }), made);
    if (this.ctx.effects)
      for (const effect of this.ctx.effects) effect(tx, append, decision.events, at, decision.state);
    return decision.state;
  }
}
