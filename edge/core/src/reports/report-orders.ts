/**
 * What a day report needs to know of each order, folded from its events: its channel, day and
 * number, its money as last priced (totals, taxes, discounts, each line's total and tax by rate),
 * which of its discounts were staff's or loyalty rewards, its payments, and whether it was sold
 * (paid in full). The report folds the earlier history of an order it meets (placed before the
 * period, refunded in it) the same way, without counting it.
 */
import type { Channel } from '../channels.js';
import type { EventData, OrderPriceInput } from '../events/catalogue.js';
import { allocate, divideRounded } from '../money.js';
import type { OrderPricing, Totals } from '../wire/api.js';

/** An event as the report reads it (a stored event has these and more). */
export interface ReportEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
  readonly actor: {
    kind: string;
    id: string;
    role: string;
    name?: string | undefined;
    approvedBy?: { kind: string; id: string; role: string; name?: string | undefined } | undefined;
  };
  /** ISO 8601. */
  readonly at: string;
}

interface LineMoney {
  total: number;
  tax: number;
  taxes: readonly { rateId: string; amount: number }[];
}

export interface OrderFacts {
  id: string;
  number: number;
  businessDay: string;
  channel: Channel;
  totals: Totals;
  pricing: OrderPricing | undefined;
  lines: Map<string, LineMoney>;
  /** Staff's adjustments by id (the promotion id they price as): a comp or a discount. */
  manual: Map<string, 'comp' | 'discount'>;
  /** Loyalty rewards it redeems (their ids are the promotion ids they price as). */
  rewards: Set<string>;
  /** Who took each payment (whose tip it is) and how. */
  payments: Map<string, { method: string; staffId: string | undefined }>;
  /** Sale money taken and not given back. */
  paid: number;
  /** Paid in full (a sale), whenever. */
  sold: boolean;
  /** Voided, cancelled, or all of it given back. */
  closed: boolean;
  placedInPeriod: boolean;
  /** Tax given back so far, by tax key ({@link taxKey}). */
  taxRefunded: Map<string, number>;
}

/** A tax as the report groups it: by name, rate and whether the price holds it. */
export interface TaxLabel {
  name: string;
  rate: string;
  inclusive: boolean;
}

export function taxKey(t: TaxLabel): string {
  return `${t.name}\u0000${t.rate}\u0000${t.inclusive ? 1 : 0}`;
}

/** Event types that change an order's money or fate. */
export const ORDER_HISTORY_EVENT_TYPES = [
  'order.placed',
  'order.paid',
  'order.payment-taken',
  'order.refunded',
  'order.voided',
  'order.cancelled',
  'order.discounted',
  'order.price-overridden',
  'order.lines-added',
] as const;
const ORDER_TYPES: ReadonlySet<string> = new Set(ORDER_HISTORY_EVENT_TYPES);

// The log holds only events its catalogue validated, so each payload is read as its type's shape.
type Data<T extends (typeof ORDER_HISTORY_EVENT_TYPES)[number]> = EventData<T>;

function manualOf(input: OrderPriceInput | undefined): Map<string, 'comp' | 'discount'> {
  return new Map((input?.context.manual ?? []).map((m) => [m.id, m.kind === 'comp' ? 'comp' : 'discount']));
}

function repriceLines(facts: OrderFacts, lines: readonly (LineMoney & { lineId: string })[]): void {
  for (const l of lines) facts.lines.set(l.lineId, { total: l.total, tax: l.tax, taxes: l.taxes });
}

/** The order an event is about, or undefined for an event that is no order's. */
export function orderIdOf(event: Pick<ReportEvent, 'type' | 'data'>): string | undefined {
  if (!ORDER_TYPES.has(event.type)) return undefined;
  const data = event.data as { id?: unknown; orderId?: unknown };
  const id = event.type === 'order.placed' ? data.id : data.orderId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Apply an order event to the facts kept by order id (money and fate only; counting is the
 * report's). Answers the order's facts after it, or undefined when the order was never seen placed.
 */
export function foldOrderEvent(
  orders: Map<string, OrderFacts>,
  event: ReportEvent,
  inPeriod: boolean,
): OrderFacts | undefined {
  if (event.type === 'order.placed') {
    const d = event.data as Data<'order.placed'>;
    const facts: OrderFacts = {
      id: d.id,
      number: d.number,
      businessDay: d.businessDay,
      channel: d.channel,
      totals: d.totals,
      pricing: d.pricing,
      lines: new Map(),
      manual: manualOf(d.priceInput),
      rewards: new Set(d.priceInput?.context.rewards ?? []),
      payments: new Map(),
      paid: 0,
      sold: false,
      closed: false,
      placedInPeriod: inPeriod,
      taxRefunded: new Map(),
    };
    repriceLines(
      facts,
      d.lines.map((l) => ({ lineId: l.lineId, total: l.total ?? l.lineTotal, tax: l.tax, taxes: l.taxes ?? [] })),
    );
    orders.set(d.id, facts);
    return facts;
  }
  const id = orderIdOf(event);
  const facts = id === undefined ? undefined : orders.get(id);
  if (!facts) return undefined;
  switch (event.type) {
    case 'order.paid':
    case 'order.payment-taken': {
      const { payment } = event.data as Data<'order.paid'>;
      facts.payments.set(payment.id, { method: payment.method, staffId: payment.staffId });
      facts.paid += payment.amount;
      if (event.type === 'order.paid') facts.sold = true;
      break;
    }
    case 'order.refunded': {
      const d = event.data as Data<'order.refunded'>;
      facts.paid -= d.refunds.reduce((s, r) => s + r.amount, 0);
      if (d.full && facts.sold) facts.closed = true;
      break;
    }
    case 'order.voided':
    case 'order.cancelled':
      facts.closed = true;
      break;
    case 'order.discounted':
    case 'order.price-overridden':
    case 'order.lines-added': {
      const d = event.data as Data<'order.discounted'>;
      if (event.type === 'order.discounted') {
        facts.manual.set(d.adjustment.id, d.adjustment.kind === 'comp' ? 'comp' : 'discount');
      }
      if (event.type === 'order.lines-added') {
        const added = (event.data as Data<'order.lines-added'>).added;
        repriceLines(
          facts,
          added.map((l) => ({ lineId: l.lineId, total: l.total ?? l.lineTotal, tax: l.tax, taxes: l.taxes ?? [] })),
        );
      }
      repriceLines(facts, d.lines);
      facts.totals = d.totals;
      facts.pricing = d.pricing;
      break;
    }
  }
  return facts;
}

/** The label of a tax rate of the order (by the rate id its lines name). */
function labelOfRate(facts: OrderFacts, rateId: string): TaxLabel {
  const t = facts.pricing?.taxes.find((x) => x.rateId === rateId);
  return t ? { name: t.name, rate: t.rate, inclusive: t.inclusive } : { name: rateId, rate: '', inclusive: false };
}

/**
 * The tax a refund gave back, by tax: for lines, the tax they carried (in proportion when less than
 * their whole total went back, split over the rates by largest remainder); for the whole order (or
 * what was left of it), the order's tax less what earlier refunds gave back.
 */
export function taxOfRefund(
  facts: OrderFacts,
  refund: { lineIds: readonly string[] | undefined; amount: number },
): { label: TaxLabel; amount: number }[] {
  const out = new Map<string, { label: TaxLabel; amount: number }>();
  const add = (label: TaxLabel, amount: number): void => {
    if (amount === 0) return;
    const key = taxKey(label);
    const e = out.get(key);
    if (e) e.amount += amount;
    else out.set(key, { label, amount });
  };
  if (refund.lineIds && refund.lineIds.length > 0) {
    const byRate = new Map<string, number>();
    let total = 0;
    for (const id of refund.lineIds) {
      const line = facts.lines.get(id);
      if (!line) continue;
      total += line.total;
      for (const t of line.taxes) byRate.set(t.rateId, (byRate.get(t.rateId) ?? 0) + t.amount);
    }
    const rates = [...byRate.entries()];
    let shares = rates.map(([, amount]) => amount);
    if (refund.amount !== total && total > 0) {
      const tax = shares.reduce((s, x) => s + x, 0);
      shares = allocate(divideRounded(refund.amount * tax, total), shares);
    }
    rates.forEach(([rateId], i) => add(labelOfRate(facts, rateId), shares[i] ?? 0));
  } else {
    for (const t of facts.pricing?.taxes ?? []) {
      const label = { name: t.name, rate: t.rate, inclusive: t.inclusive };
      add(label, t.amount - (facts.taxRefunded.get(taxKey(label)) ?? 0));
    }
  }
  const result = [...out.values()];
  for (const r of result) {
    const key = taxKey(r.label);
    facts.taxRefunded.set(key, (facts.taxRefunded.get(key) ?? 0) + r.amount);
  }
  return result;
}
