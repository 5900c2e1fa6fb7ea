/**
 * Every rule of an order, in one pure function: `decideOrder(state, command, env)` answers the
 * events a command leads to and the state after them, or throws a TillboxError saying why the
 * command does not apply (`conflict`, `validation`, `forbidden`, `not-found`). The edge loads the
 * order, decides, saves the state and appends the events in one transaction; nothing else
 * changes an order. Ids and the clock come in through `env`, so the same inputs always give the
 * same answer.
 */
import type { CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import type { PricingEngine } from '../commerce/compile.js';
import type { PricingCartLine } from '../commerce/cart-schema.js';
import {
  decided,
  type FirePolicy,
  type OrderPriceInput,
  type PlacedLine,
  type SplitPlanInput,
} from '../events/catalogue.js';
import { applyTicketCommand, type TicketCommand } from '../kitchen/kitchen.js';
import { bumpedAtStation, lineStations, madeAt } from '../kitchen/line-stations.js';
import { applyOrderCommand } from '../order-lifecycle.js';
import type { Channel, OrderType } from '../channels.js';
import type { OrderPricing, Totals } from '../wire/api.js';
import { decideDiscount, decidePriceOverride, type DiscountApprovalLimits, type DiscountRequest } from './adjust.js';
import { decideAddLines, decideHold, decideResume, decideTransfer, nextRound } from './open-tickets.js';
import { evolveOrder, type Millis, type Order, type OrderEvent, type StaffRef } from './order.js';
import type { OpenPaymentIntent } from './payment-intent.js';
import { prepMinutes, type RoutingConfig } from './placement.js';
import { decideRefund } from './refunds.js';
import { decideSplit } from './split.js';
import { checkTender, decideTender, type TenderRequest } from './tenders.js';

/** An order about to be placed: priced, routed and numbered. */
export interface OrderDraft {
  id: string;
  number: number;
  businessDay: string;
  channel: Channel;
  orderType: OrderType;
  guestName?: string;
  table?: string;
  promisedAt?: Millis;
  rush: boolean;
  lines: PlacedLine[];
  totals: Totals;
  pricing?: OrderPricing;
  catalogVersion?: number;
  /** The cart and context it was priced from, kept so staff's discounts can price it again. */
  priceInput?: OrderPriceInput;
}

export type OrderCommand =
  | {
      kind: 'place';
      order: OrderDraft;
      /** auto: counter orders at once (unless settings say on payment), the rest once paid. */
      fire: 'auto' | 'now' | 'on-payment';
      /** Paid elsewhere (app, online, marketplace): only the cloud relay brings these in. */
      payment?: { method: 'external'; amount: number; reference: string };
    }
  /** One tender: the whole order, some of it (split tender), or a part of a split bill. */
  | { kind: 'pay'; payment: TenderRequest }
  /** Send it to the kitchen now (the front's fire button). */
  | { kind: 'fire' }
  /** The scheduler: fire it if its time has come. */
  | { kind: 'fire-due' }
  | { kind: 'ticket'; ticketId: string; command: TicketCommand; lineId?: string }
  /** The expo: ready, bumping every station that has not. */
  | { kind: 'ready' }
  | { kind: 'pick-up' }
  | { kind: 'complete' }
  | { kind: 'cancel'; reason?: string }
  /** Open a card payment: the terminal may be asked once the intent is saved. No events. */
  | { kind: 'start-payment'; intent: OpenPaymentIntent }
  /** The system: cancel a kiosk order left unpaid for longer than the store allows. */
  | { kind: 'expire'; unpaidForMinutes: number }
  /**
   * The system: end an app or online order nobody picked up this long after it was due, so what
   * it holds (stock reserved for it) goes back: cancelled or voided when unpaid, refunded to its
   * tenders when paid in the app.
   */
  | { kind: 'expire-unpicked'; minutes: number }
  | { kind: 'void'; reason: string }
  /**
   * The whole order back to its tenders (tips too), or some lines with the amounts `refundLine`
   * gives; `to` names the tenders the money goes back to (else the order they were taken in).
   */
  | {
      kind: 'refund';
      reason: string;
      lines?: readonly { lineId: string; amount: number }[];
      to?: readonly { paymentId: string; amount: number }[];
    }
  /** Split the bill evenly or by lines (`none`: one bill again), before any payment. */
  | { kind: 'split'; plan: SplitPlanInput }
  /** Open tickets: park a counter order, recall it onto a counter, hand it to another staff member. */
  | { kind: 'hold' }
  | { kind: 'resume' }
  | { kind: 'transfer'; to: StaffRef; reason?: string }
  /** New lines on a placed, unpaid order (the screen's line ids), priced with the rest. */
  | { kind: 'add-lines'; lines: readonly (PricingCartLine & { lineId: string })[] }
  /** Staff's discount or comp on the order or a line (a manager approves past the limits). */
  | { kind: 'discount'; adjustment: DiscountRequest }
  /** A manager's price for one unit of a line, before modifiers. */
  | { kind: 'override-price'; lineId: string; unitPrice: number; reason: string };

export interface OrderConfig {
  /** An order is ready as soon as every station has bumped it. */
  expoAutoReady: boolean;
  /** When counter orders with fire `auto` go to the kitchen. */
  counterFires: 'at-once' | 'on-payment';
  stations: readonly { id: string; prepMinutes: number }[];
  /** Past these a discount needs a manager's approval (the settings' defaults when absent). */
  discountApproval?: DiscountApprovalLimits;
  /** Where each item is made: lines added to a placed order are routed with it. */
  routing?: RoutingConfig;
}

export interface OrderEnv {
  cmd: CommandContext;
  at: Millis;
  newId: () => string;
  config: OrderConfig;
  /** The store's pricing engine: discounts and price overrides price the order again with it. */
  engine?: PricingEngine;
}

export interface OrderDecision {
  state: Order;
  events: OrderEvent[];
}

const forbidden = (message: string): TillboxError => new TillboxError('forbidden', message);

/** A kiosk (a guest) sees and pays only the orders it placed itself. */
export function canAccessOrder(order: Pick<Order, 'placedByDevice'>, cmd: CommandContext): boolean {
  return cmd.actor.kind !== 'guest' || (cmd.device !== null && order.placedByDevice === cmd.device);
}

/** {@link canAccessOrder}, or a `forbidden` error. */
export function assertOrderAccess(order: Pick<Order, 'placedByDevice'>, cmd: CommandContext): void {
  if (!canAccessOrder(order, cmd)) throw forbidden('this order was placed on another screen');
}

/** The state and events of a command on one order (`undefined` before it is placed). */
export function decideOrder(state: Order | undefined, command: OrderCommand, env: OrderEnv): OrderDecision {
  if (command.kind === 'place') {
    if (state) throw new TillboxError('conflict', `order ${state.number} is already placed`);
    return place(command, env);
  }
  if (!state) throw new TillboxError('not-found', 'no such order');
  assertOrderAccess(state, env.cmd);
  refuseWhilePaying(state, command);
  const d = new Decision(state, env.at);
  switch (command.kind) {
    case 'pay':
      pay(d, command.payment, env);
      break;
    case 'fire':
      applyOrderCommand(d.state, 'fire');
      fire(d, env);
      break;
    case 'fire-due':
      if (!isDueToFire(d.state, env.at))
        throw new TillboxError('conflict', `order ${d.state.number} is not due to fire`);
      fire(d, env);
      break;
    case 'ticket':
      ticket(d, command, env);
      break;
    case 'ready':
      applyOrderCommand(d.state, 'ready');
      d.emit({ type: 'order.ready', data: { orderId: d.state.id, by: 'expo' } });
      break;
    case 'pick-up':
      applyOrderCommand(d.state, 'pick-up');
      d.emit({ type: 'order.picked-up', data: { orderId: d.state.id } });
      break;
    case 'complete':
      applyOrderCommand(d.state, 'complete');
      d.emit({ type: 'order.completed', data: { orderId: d.state.id } });
      break;
    case 'start-payment':
      startPayment(d, command.intent, env);
      break;
    case 'expire':
      expire(d, command.unpaidForMinutes, env);
      break;
    case 'expire-unpicked':
      expireUnpicked(d, command.minutes, env);
      break;
    case 'cancel':
      applyOrderCommand(d.state, 'cancel');
      d.emit({ type: 'order.cancelled', data: withReason(d.state.id, command.reason) });
      break;
    case 'void': {
      const reason = needReason(command.reason, 'void');
      applyOrderCommand(d.state, 'void');
      d.emit({ type: 'order.voided', data: { orderId: d.state.id, reason } });
      break;
    }
    case 'refund':
      d.emit(decideRefund(d.state, command, env));
      break;
    case 'discount':
      d.emit(decideDiscount(d.state, command.adjustment, env));
      break;
    case 'override-price':
      d.emit(decidePriceOverride(d.state, command, env));
      break;
    case 'split':
      d.emit(decideSplit(d.state, command.plan, env.cmd));
      break;
    case 'hold':
      d.emit(decideHold(d.state, env.cmd));
      break;
    case 'resume':
      d.emit(decideResume(d.state, env.cmd));
      break;
    case 'transfer':
      d.emit(decideTransfer(d.state, command.to, command.reason, env.cmd));
      break;
    case 'add-lines':
      addLines(d, command.lines, env);
      break;
  }
  return { state: d.state, events: d.events };
}

/** Events made so far and the state they lead to: each emitted event is applied at once. */
class Decision {
  readonly events: OrderEvent[] = [];
  constructor(
    public state: Order,
    private readonly at: Millis,
  ) {}
  emit(event: OrderEvent): void {
    this.state = evolveOrder(this.state, event, this.at);
    decided(event.data);
    this.events.push(event);
  }
}

const iso = (t: Millis): string => new Date(t).toISOString();

function withReason(orderId: string, reason: string | undefined): { orderId: string; reason?: string } {
  const r = reason?.trim();
  return r ? { orderId, reason: r } : { orderId };
}

function needReason(reason: string | undefined, what: string): string {
  const r = reason?.trim() ?? '';
  if (r === '' || r.length > 200) {
    throw new TillboxError('validation', `a ${what} needs a reason (up to 200 characters)`, {
      details: [{ path: 'reason', message: 'say why' }],
    });
  }
  return r;
}

function firePolicyOf(fire: 'auto' | 'now' | 'on-payment', channel: Channel, config: OrderConfig): FirePolicy {
  if (fire === 'now') return 'now';
  if (fire === 'auto' && channel === 'counter' && config.counterFires === 'at-once') return 'now';
  return 'on-payment';
}

/** Waiting to fire, allowed to (paid, or firing without payment), and its time has come. */
export function isDueToFire(order: Pick<Order, 'status' | 'fireAt' | 'payment' | 'firePolicy'>, at: Millis): boolean {
  if (order.status !== 'placed' && order.status !== 'paid') return false;
  if (order.fireAt !== undefined && order.fireAt > at) return false;
  return order.payment === 'paid' || order.firePolicy === 'now';
}

function place(command: Extract<OrderCommand, { kind: 'place' }>, env: OrderEnv): OrderDecision {
  const { order, payment } = command;
  const { actor, device } = env.cmd;
  if (actor.kind === 'guest') {
    if (order.channel !== 'kiosk') throw forbidden('a kiosk places kiosk orders only');
    if (command.fire !== 'auto') throw forbidden('a kiosk order goes to the kitchen when it is paid');
    if (payment) throw forbidden('a kiosk order is paid at the kiosk');
  }
  if (payment && actor.kind !== 'cloud') {
    throw forbidden('only the cloud relay brings in orders paid elsewhere');
  }
  if (payment && payment.amount !== order.totals.total) {
    throw new TillboxError(
      'validation',
      `the payment of ${payment.amount} does not match the order total of ${order.totals.total}`,
      { details: [{ path: 'payment.amount', message: `expected ${order.totals.total}` }] },
    );
  }
  const prepMs =
    prepMinutes(
      env.config.stations,
      order.lines.flatMap((l) => lineStations(l)),
    ) * 60_000;
  const fireAt = order.promisedAt === undefined ? undefined : order.promisedAt - prepMs;
  const data: Extract<OrderEvent, { type: 'order.placed' }>['data'] = {
    id: order.id,
    number: order.number,
    businessDay: order.businessDay,
    channel: order.channel,
    orderType: order.orderType,
    lines: order.lines,
    totals: order.totals,
    dueAt: iso(order.promisedAt ?? env.at + prepMs),
    rush: order.rush,
    firePolicy: firePolicyOf(command.fire, order.channel, env.config),
  };
  const guestName = order.guestName?.trim();
  if (guestName) data.guestName = guestName;
  if (order.table !== undefined) data.table = order.table;
  if (order.pricing) data.pricing = order.pricing;
  if (order.promisedAt !== undefined) data.promisedAt = iso(order.promisedAt);
  if (fireAt !== undefined) data.fireAt = iso(fireAt);
  if (device !== null) data.placedByDevice = device;
  if (order.catalogVersion !== undefined) data.catalogVersion = order.catalogVersion;
  if (order.priceInput) data.priceInput = order.priceInput;
  const memberId = order.priceInput?.context.customer?.id;
  if (memberId !== undefined) data.memberId = memberId;
  const placed = evolveOrder(undefined, { type: 'order.placed', data }, env.at);
  const d = new Decision(placed, env.at);
  d.events.push({ type: 'order.placed', data: decided(data) });
  if (payment) {
    d.emit({
      type: 'order.paid',
      data: {
        orderId: order.id,
        payment: { id: env.newId(), method: 'external', amount: payment.amount, reference: payment.reference },
      },
    });
  }
  if (isDueToFire(d.state, env.at)) fire(d, env);
  return { state: d.state, events: d.events };
}

function pay(d: Decision, payment: TenderRequest, env: OrderEnv): void {
  d.emit(decideTender(d.state, payment, env.cmd, env.newId()));
  // An order waiting for its payment fires once paid in full, unless it is scheduled for later.
  if (isDueToFire(d.state, env.at)) fire(d, env);
}

function addLines(d: Decision, lines: Extract<OrderCommand, { kind: 'add-lines' }>['lines'], env: OrderEnv): void {
  d.emit(decideAddLines(d.state, lines, env));
  const round = nextRound(
    d.state,
    lines.map((l) => l.lineId),
    env.newId,
  );
  if (round) d.emit({ type: 'order.fired', data: { orderId: d.state.id, tickets: round.tickets, round: round.round } });
}

/** One ticket per station of its lines (a combo's on each of its slot items' stations), in station order. */
function fire(d: Decision, env: OrderEnv): void {
  const byStation = new Map<string, string[]>();
  for (const l of d.state.lines) {
    for (const station of lineStations(l)) byStation.set(station, [...(byStation.get(station) ?? []), l.lineId]);
  }
  const tickets = [...byStation.keys()]
    .sort()
    .map((station) => ({ id: env.newId(), station, lineIds: byStation.get(station) ?? [] }));
  d.emit({ type: 'order.fired', data: { orderId: d.state.id, tickets } });
}

function ticket(d: Decision, command: Extract<OrderCommand, { kind: 'ticket' }>, env: OrderEnv): void {
  const order = d.state;
  const t = order.tickets.find((x) => x.id === command.ticketId);
  if (!t) throw new TillboxError('not-found', `order ${order.number} has no ticket ${command.ticketId}`);
  if (order.status !== 'in_kitchen' && !(command.command === 'recall' && order.status === 'ready')) {
    throw new TillboxError(
      'conflict',
      `order ${order.number} is ${order.status.replace('_', ' ')}: its tickets can no longer change`,
    );
  }
  const items = order.lines
    .filter((l) => madeAt(l, t.station))
    .map((l) => {
      const bumpedAt = bumpedAtStation(l, t.station);
      return { lineId: l.lineId, bumpedAt: bumpedAt === undefined ? undefined : iso(bumpedAt) };
    });
  const type = applyTicketCommand({ status: t.status, items }, command.command, command.lineId);
  const ids = { orderId: order.id, ticketId: t.id };
  switch (type) {
    case 'ticket.bumped':
      d.emit({ type, data: { ...ids, station: t.station } });
      break;
    case 'ticket.recalled':
      d.emit({ type, data: { ...ids, station: t.station } });
      if (d.state.status === 'ready') d.emit({ type: 'order.recalled', data: { orderId: order.id } });
      return;
    case 'ticket.item-bumped':
    case 'ticket.item-unbumped':
      d.emit({ type, data: { ...ids, lineId: command.lineId ?? '' } });
      break;
  }
  if (type === 'ticket.item-bumped') {
    // The last item bumped bumps the ticket.
    const left = d.state.lines.some((l) => madeAt(l, t.station) && bumpedAtStation(l, t.station) === undefined);
    if (!left) d.emit({ type: 'ticket.bumped', data: { ...ids, station: t.station } });
  }
  if (
    type !== 'ticket.item-unbumped' &&
    env.config.expoAutoReady &&
    d.state.status === 'in_kitchen' &&
    d.state.tickets.every((x) => x.status === 'bumped')
  ) {
    d.emit({ type: 'order.ready', data: { orderId: order.id, by: 'auto' } });
  }
}

/** Commands that would race a card payment under way: refused until the terminal has answered. */
const RACING_PAYMENT: ReadonlySet<OrderCommand['kind']> = new Set([
  'start-payment',
  'pay',
  'cancel',
  'expire',
  'void',
  'refund',
  'discount',
  'override-price',
  'split',
  'add-lines',
  // Parked as an open ticket while the guest is at the terminal, it would leave the counter unpaid.
  'hold',
]);

function refuseWhilePaying(state: Order, command: OrderCommand): void {
  const intent = state.paymentInProgress;
  if (!intent || !RACING_PAYMENT.has(command.kind)) return;
  if (command.kind === 'pay' && command.payment.method === 'card' && command.payment.intentId === intent.id) return;
  throw new TillboxError(
    'conflict',
    `payment in progress: order ${state.number} is being paid on the card terminal; try again once it has answered`,
    { details: [{ path: 'payment', message: `payment intent ${intent.id}` }] },
  );
}

function startPayment(d: Decision, intent: OpenPaymentIntent, env: OrderEnv): void {
  const order = d.state;
  // Not paid in full yet, not closed; at most what is due (of the order or its part), tip apart.
  checkTender(
    order,
    {
      method: 'card',
      amount: intent.amount,
      ...(intent.part !== undefined ? { part: intent.part } : {}),
      ...(intent.tip !== undefined ? { tip: intent.tip } : {}),
    },
    env.cmd,
  );
  d.state = { ...order, paymentInProgress: intent };
}

function expireUnpicked(d: Decision, minutes: number, env: OrderEnv): void {
  const order = d.state;
  if (env.cmd.actor.kind !== 'system') throw forbidden('only the edge itself expires orders nobody picked up');
  const waiting =
    order.status === 'placed' || order.status === 'paid' || order.status === 'in_kitchen' || order.status === 'ready';
  if ((order.channel !== 'app' && order.channel !== 'online') || !waiting)
    throw new TillboxError('conflict', `order ${order.number} is not an app or online order waiting to be picked up`);
  if (!(minutes > 0) || env.at - order.dueAt < minutes * 60_000)
    throw new TillboxError('conflict', `order ${order.number} has not waited ${minutes} minutes past its time yet`);
  const reason = `expired: not picked up ${minutes} minutes after it was due`;
  if (order.payment === 'paid') {
    d.emit(decideRefund(order, { kind: 'refund', reason }, env));
  } else if (order.status === 'placed') {
    applyOrderCommand(order, 'cancel');
    d.emit({ type: 'order.cancelled', data: { orderId: order.id, reason } });
  } else {
    applyOrderCommand(order, 'void'); // unpaid, in the kitchen or ready; refused when partly paid
    d.emit({ type: 'order.voided', data: { orderId: order.id, reason } });
  }
}

function expire(d: Decision, unpaidForMinutes: number, env: OrderEnv): void {
  const order = d.state;
  if (env.cmd.actor.kind !== 'system') throw forbidden('only the edge itself expires unpaid orders');
  if (order.channel !== 'kiosk' || order.payment !== 'unpaid' || order.status !== 'placed') {
    throw new TillboxError('conflict', `order ${order.number} is not an unpaid kiosk order waiting for payment`);
  }
  if (!(unpaidForMinutes > 0) || env.at - order.placedAt < unpaidForMinutes * 60_000) {
    throw new TillboxError('conflict', `order ${order.number} has not waited ${unpaidForMinutes} minutes yet`);
  }
  applyOrderCommand(order, 'cancel');
  d.emit({
    type: 'order.cancelled',
    data: { orderId: order.id, reason: `expired: unpaid for ${unpaidForMinutes} minutes` },
  });
}
