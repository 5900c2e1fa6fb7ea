/**
 * The order aggregate: an order with its lines, kitchen tickets and payments, as one value.
 * {@link evolveOrder} is the only way it changes — one event at a time — so the state a
 * command leads to is exactly what its events say happened. `orderView` (./order-view.ts) is
 * how the screens see it.
 */
import type {
  DomainEvent,
  FirePolicy,
  OrderPriceInput,
  PaymentMethod,
  PlacedLine,
  RepricedLine,
  SplitPlanInput,
} from '../events/catalogue.js';
import type { Channel, OrderType } from '../channels.js';
import type { OrderStatus, PaymentStatus } from '../order-lifecycle.js';
import { bumpAtStation, unbumpAtStation, type LinePart } from '../kitchen/line-stations.js';
import type { OpenPaymentIntent } from './payment-intent.js';
import type { OrderPricing, Totals } from '../wire/api.js';

/** Times are epoch milliseconds (the edge's clock); views and events carry them as ISO 8601. */
export type Millis = number;

/** How an order's tickets are kept: by station (code-unit order), as its `order.fired` transitions sort them. */
export const byStation = (a: { station: string }, b: { station: string }): number =>
  a.station < b.station ? -1 : a.station > b.station ? 1 : 0;

export interface OrderLine extends Omit<PlacedLine, 'total' | 'parts'> {
  total: number;
  /** A combo's slot items, each made at its own station, with when that station marked it done. */
  parts?: (LinePart & { bumpedAt?: Millis })[];
  /** When its station marked it done (item bump, or the ticket's bump). */
  bumpedAt?: Millis;
  /** When it was given back in a refund by lines. */
  refundedAt?: Millis;
  /** Added after the order fired: the round it went to the kitchen in (2, 3, …). */
  round?: number;
}

export interface OrderTicket {
  id: string;
  station: string;
  status: 'open' | 'bumped';
  firedAt: Millis;
  bumpedAt?: Millis;
}

export interface OrderPayment {
  id: string;
  method: PaymentMethod;
  /** Minor units taken towards the order (the sale); a refund is negative and names the payment it returns money from. */
  amount: number;
  /** A tip taken with it, apart from the sale (negative on a refund that gave it back). */
  tip?: number;
  /** The part of a split bill it pays (1-based). */
  part?: number;
  /** The staff member who took it (whose tip it is). */
  staffId?: string;
  refundOf?: string;
  tendered?: number;
  change?: number;
  reference?: string;
  cardLast4?: string;
  at: Millis;
}

export interface Order {
  id: string;
  number: number;
  businessDay: string;
  status: OrderStatus;
  payment: PaymentStatus;
  channel: Channel;
  orderType: OrderType;
  guestName?: string;
  table?: string;
  lines: OrderLine[];
  /** In station order; one per station once fired. */
  tickets: OrderTicket[];
  /** In the order they were taken. */
  payments: OrderPayment[];
  /** How the bill is split; absent: one bill. */
  split?: SplitPlan;
  /** The staff member whose open ticket it is (set when first held, changed by a transfer). */
  owner?: StaffRef;
  /** While it is held as an open ticket (parked, on no counter). */
  heldAt?: Millis;
  totals: Totals;
  pricing?: OrderPricing;
  /** What it was priced from, staff's discounts and price overrides included (orders placed before it was kept have none). */
  priceInput?: OrderPriceInput;
  promisedAt?: Millis;
  dueAt: Millis;
  rush: boolean;
  firePolicy: FirePolicy;
  fireAt?: Millis;
  placedByDevice?: string;
  catalogVersion?: number;
  placedAt: Millis;
  paidAt?: Millis;
  firedAt?: Millis;
  readyAt?: Millis;
  pickedUpAt?: Millis;
  closedAt?: Millis;
  /**
   * A card payment under way (its intent, committed before the terminal was asked): loaded with
   * the order, not made by its events; the payment that completes it ends it.
   */
  paymentInProgress?: OpenPaymentIntent;
}

/** An event of the order aggregate. */
export type OrderEvent = Extract<DomainEvent, { type: `order.${string}` | `ticket.${string}` }>;

/** How a bill is split: evenly into `count` parts, or by lines (each part its lines). */
export type SplitPlan = Exclude<SplitPlanInput, { kind: 'none' }>;

/** A staff member as an order names them (an open ticket's owner). */
export interface StaffRef {
  staffId: string;
  name?: string;
}

const ms = (iso: string | undefined): Millis | undefined => (iso === undefined ? undefined : Date.parse(iso));

/** Copy `value` into `key` of `target` unless it is undefined (keeps optional fields absent). */
export function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export function withoutKey<T extends object, K extends keyof T>(o: T, key: K): T {
  const copy = { ...o };
  delete copy[key];
  return copy;
}

/** The money taken and not yet given back. */
export function paidNet(order: Pick<Order, 'payments'>): number {
  return order.payments.reduce((s, p) => s + p.amount, 0);
}

/** The state after one event (at `at`). Events of another order or the wrong state are a bug: it throws. */
export function evolveOrder(state: Order | undefined, event: OrderEvent, at: Millis): Order {
  if (event.type === 'order.placed') {
    if (state) throw new Error(`order ${state.id} is already placed`);
    const d = event.data;
    const order: Order = {
      id: d.id,
      number: d.number,
      businessDay: d.businessDay,
      status: 'placed',
      payment: 'unpaid',
      channel: d.channel,
      orderType: d.orderType,
      lines: d.lines.map((l) => ({ ...l, total: l.total ?? l.lineTotal })),
      tickets: [],
      payments: [],
      totals: d.totals,
      dueAt: Date.parse(d.dueAt),
      rush: d.rush,
      firePolicy: d.firePolicy,
      placedAt: at,
    };
    put(order, 'guestName', d.guestName);
    put(order, 'table', d.table);
    put(order, 'pricing', d.pricing);
    put(order, 'promisedAt', ms(d.promisedAt));
    put(order, 'fireAt', ms(d.fireAt));
    put(order, 'placedByDevice', d.placedByDevice);
    put(order, 'catalogVersion', d.catalogVersion);
    put(order, 'priceInput', d.priceInput);
    return order;
  }
  if (!state) throw new Error(`${event.type} before order.placed`);
  if (event.data.orderId !== state.id) throw new Error(`${event.type} of order ${event.data.orderId} on ${state.id}`);
  // A closed order is no open ticket any more (a completed tab may still be held until paid).
  const closed = (status: OrderStatus): Order => ({ ...withoutKey(state, 'heldAt'), status, closedAt: at });
  switch (event.type) {
    case 'order.paid': {
      // Paid in full: it is no open ticket any more.
      const payment: OrderPayment = { ...event.data.payment, at };
      return {
        ...withoutKey(withoutKey(state, 'paymentInProgress'), 'heldAt'),
        status: state.status === 'placed' ? 'paid' : state.status,
        payment: 'paid',
        paidAt: at,
        payments: [...state.payments, payment],
      };
    }
    case 'order.payment-taken':
      return {
        ...withoutKey(state, 'paymentInProgress'),
        payment: 'partially-paid',
        payments: [...state.payments, { ...event.data.payment, at }],
      };
    case 'order.split':
      return event.data.plan.kind === 'none' ? withoutKey(state, 'split') : { ...state, split: event.data.plan };
    case 'order.held':
      return { ...state, owner: event.data.owner, heldAt: at };
    case 'order.resumed':
      return withoutKey(state, 'heldAt');
    case 'order.transferred':
      return { ...state, owner: event.data.to };
    case 'order.lines-added': {
      const input = priceInputOf(state, event.type);
      const added = event.data.added.map((l): OrderLine => ({ ...l, total: l.total ?? l.lineTotal }));
      const next: Order = {
        ...state,
        lines: [...state.lines, ...added],
        priceInput: { ...input, cart: { lines: [...input.cart.lines, ...event.data.cart] } },
      };
      return repriced(event.data.splitDropped ? withoutKey(next, 'split') : next, event.data);
    }
    case 'order.fired':
      if (event.data.round !== undefined) return firedAgain(state, event.data, at);
      return {
        ...state,
        status: 'in_kitchen',
        firedAt: at,
        tickets: event.data.tickets
          .map((t): OrderTicket => ({ id: t.id, station: t.station, status: 'open', firedAt: at }))
          .sort(byStation),
      };
    case 'ticket.bumped': {
      const { ticketId, station } = event.data;
      return {
        ...state,
        tickets: state.tickets.map((t) => (t.id === ticketId ? { ...t, status: 'bumped', bumpedAt: at } : t)),
        lines: state.lines.map((l) => bumpAtStation(l, station, at)),
      };
    }
    case 'ticket.recalled': {
      const { ticketId, station } = event.data;
      return {
        ...state,
        tickets: state.tickets.map((t) => (t.id === ticketId ? withoutKey({ ...t, status: 'open' }, 'bumpedAt') : t)),
        lines: state.lines.map((l) => unbumpAtStation(l, station)),
      };
    }
    case 'ticket.item-bumped':
    case 'ticket.item-unbumped': {
      // The item is the line's share at the ticket's station (of a combo, its slot items made there).
      const { lineId, ticketId } = event.data;
      const ticketStation = state.tickets.find((t) => t.id === ticketId)?.station;
      const bump = event.type === 'ticket.item-bumped';
      return {
        ...state,
        lines: state.lines.map((l) => {
          if (l.lineId !== lineId) return l;
          const station = ticketStation ?? l.station;
          return bump ? bumpAtStation(l, station, at) : unbumpAtStation(l, station);
        }),
      };
    }
    case 'order.ready': {
      // The expo's ready bumps every station that has not; an automatic one follows the last bump.
      const stations = new Set(state.tickets.filter((t) => t.status === 'open').map((t) => t.station));
      return {
        ...state,
        status: 'ready',
        readyAt: at,
        tickets: state.tickets.map((t) => (t.status === 'open' ? { ...t, status: 'bumped', bumpedAt: at } : t)),
        lines: state.lines.map((l) => [...stations].reduce((x, station) => bumpAtStation(x, station, at), l)),
      };
    }
    case 'order.recalled':
      return withoutKey({ ...state, status: 'in_kitchen' }, 'readyAt');
    case 'order.picked-up':
      return { ...state, status: 'picked_up', pickedUpAt: at };
    case 'order.completed':
      return closed('completed');
    case 'order.cancelled':
      return closed('cancelled');
    case 'order.voided':
      return closed('voided');
    case 'order.discounted': {
      const input = priceInputOf(state, event.type);
      const context = { ...input.context, manual: [...input.context.manual, event.data.adjustment] };
      return repriced({ ...state, priceInput: { ...input, context } }, event.data);
    }
    case 'order.price-overridden': {
      const input = priceInputOf(state, event.type);
      const { lineId, to, reason } = event.data;
      const lines = input.cart.lines.map((l) =>
        l.lineId === lineId ? { ...l, unitPriceOverride: { unitPrice: to, reason } } : l,
      );
      return repriced({ ...state, priceInput: { ...input, cart: { lines } } }, event.data);
    }
    case 'order.refunded': {
      const refunded = new Set(event.data.refunds.flatMap((r) => r.lineIds ?? []));
      const payments = event.data.refunds.map((r): OrderPayment => {
        const p: OrderPayment = { id: r.paymentId, method: r.method, amount: -r.amount, refundOf: r.refundOf, at };
        if (r.tip !== undefined) p.tip = -r.tip;
        put(p, 'part', r.part);
        return p;
      });
      const next: Order = {
        ...state,
        payments: [...state.payments, ...payments],
        lines: state.lines.map((l) => (refunded.has(l.lineId) ? { ...l, refundedAt: at } : l)),
      };
      if (!event.data.full) return next;
      // A partly paid order given all its money back is unpaid again, where it was.
      if (state.payment === 'partially-paid') return { ...next, payment: 'unpaid' };
      return { ...withoutKey(next, 'heldAt'), status: 'refunded', payment: 'refunded', closedAt: at };
    }
  }
}

/**
 * Another round: lines added after the order fired go to their station's ticket, opened again
 * (its earlier items stay done), or to a new ticket; the order is back in the kitchen.
 */
function firedAgain(
  state: Order,
  data: { tickets: { id: string; station: string; lineIds: string[] }[]; round?: number },
  at: Millis,
): Order {
  const round = data.round;
  const fired = new Set(data.tickets.flatMap((t) => t.lineIds));
  const reopened = new Set(data.tickets.map((t) => t.id));
  const tickets = state.tickets.map((t) =>
    reopened.has(t.id) ? withoutKey({ ...t, status: 'open' as const }, 'bumpedAt') : t,
  );
  for (const t of data.tickets) {
    if (!state.tickets.some((x) => x.id === t.id))
      tickets.push({ id: t.id, station: t.station, status: 'open', firedAt: at });
  }
  return {
    ...withoutKey(state, 'readyAt'),
    status: 'in_kitchen',
    tickets: tickets.sort(byStation),
    lines: state.lines.map((l) => (fired.has(l.lineId) && round !== undefined ? { ...l, round } : l)),
  };
}

function priceInputOf(state: Order, type: string): OrderPriceInput {
  if (!state.priceInput) throw new Error(`${type} of order ${state.id}, which keeps no priced input`);
  return state.priceInput;
}

/** The order with the money of its lines, its totals and explanations as priced again. */
function repriced(state: Order, data: { lines: RepricedLine[]; totals: Totals; pricing: OrderPricing }): Order {
  const byId = new Map(data.lines.map((l) => [l.lineId, l]));
  return {
    ...state,
    lines: state.lines.map((l) => {
      const r = byId.get(l.lineId);
      if (!r) return l;
      const { unitPrice, lineTotal, discount, tax, total, net, taxes } = r;
      return { ...l, unitPrice, lineTotal, discount, tax, total, net, taxes };
    }),
    totals: data.totals,
    pricing: data.pricing,
  };
}
