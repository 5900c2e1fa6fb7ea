/**
 * The X and Z reports, computed from the event log alone: `dayReport(events, options)` sums the
 * events of one period — every event after the previous Z up to the head of the log — so the
 * report of a closed day is the same whenever it is computed again from the same events.
 *
 * What counts where:
 * - a **sale** is an order paid in full in the period (`order.paid`), at its money as last
 *   priced: by channel, by the hour it was paid in, its taxes, discounts and loyalty points;
 * - **tenders** are every payment taken (`order.paid`, `order.payment-taken`) and given back
 *   (`order.refunded`) in the period, by method;
 * - a **refund** counts in the period it was given, whenever its order was sold (a refund today of
 *   yesterday's order is today's), with who gave it and the manager who approved it;
 * - **voids** and cancellations of unpaid orders, **tips** by staff (card tips on the payments they
 *   took, cash tips declared), **drawer** sessions closed (expected, counted, variance) or still
 *   open, orders still **open** at the end;
 * - pending card payments are a snapshot the caller gives (payment intents are not events).
 */
import { localHour } from '../business-day.js';
import { CHANNELS, type Channel } from '../channels.js';
import type { EventData } from '../events/catalogue.js';
import type { DayReport, PendingCardPayment, ReportPerson, SalesFigures } from './day-report-schema.js';
import {
  foldOrderEvent,
  ORDER_HISTORY_EVENT_TYPES,
  orderIdOf,
  taxKey,
  taxOfRefund,
  type OrderFacts,
  type ReportEvent,
  type TaxLabel,
} from './report-orders.js';

export { ORDER_HISTORY_EVENT_TYPES, type ReportEvent } from './report-orders.js';

/** The event types a day report reads (the edge reads only these from the log). */
export const DAY_REPORT_EVENT_TYPES: readonly string[] = [
  ...ORDER_HISTORY_EVENT_TYPES,
  'tips.declared',
  'drawer.opened',
  'drawer.counted',
  'drawer.closed',
];

export interface DayReportOptions {
  kind: 'x' | 'z';
  businessDay: string;
  timeZone: string;
  currency: string;
  /** The first and last seq of the period; events outside it are not counted. */
  fromSeq: number;
  throughSeq: number;
  /** ISO 8601: when it was made (a Z: when the day was closed). */
  generatedAt: string;
  closedBy?: ReportPerson;
  /** Earlier events of orders the period refunds, pays or voids but did not place: read, never counted. */
  prior?: readonly ReportEvent[];
  pendingCardPayments?: readonly PendingCardPayment[];
  /** Names to show: staff (else the name an event's actor carried) and drawers, by id. */
  names?: { staff?: Pick<ReadonlyMap<string, string>, 'get'>; drawers?: Pick<ReadonlyMap<string, string>, 'get'> };
  /** Events of the period the log could not read. */
  damagedEvents?: number;
}

/** Orders the events pay, refund or change without placing them: their history must come as `prior`. */
export function ordersWithoutHistory(events: readonly Pick<ReportEvent, 'type' | 'data'>[]): string[] {
  const placed = new Set<string>();
  const missing = new Set<string>();
  for (const e of events) {
    const id = orderIdOf(e);
    if (id === undefined) continue;
    if (e.type === 'order.placed') placed.add(id);
    else if (!placed.has(id)) missing.add(id);
  }
  return [...missing];
}

const COUNTED: ReadonlySet<string> = new Set(DAY_REPORT_EVENT_TYPES);
const zeroSales = (): SalesFigures => ({ orders: 0, gross: 0, discounts: 0, tax: 0, total: 0, refunds: 0, net: 0 });
const TENDER_ORDER = ['card', 'cash', 'external'];
const PAID_TYPES: ReadonlySet<string> = new Set(['order.paid', 'order.payment-taken']);

function person(actor: ReportEvent['actor'] | undefined): ReportPerson {
  if (!actor) return { kind: 'system', id: 'edge', role: 'system' };
  const p: ReportPerson = { kind: actor.kind, id: actor.id, role: actor.role };
  if (actor.name !== undefined) p.name = actor.name;
  return p;
}

/** "Cookies: 3 for $6, −$1.50" → "Cookies: 3 for $6": the promotion without this order's amount. */
function discountLabel(explanation: string): string {
  return explanation.replace(/,\s*[−-][^,]*$/u, '');
}

type Tender = DayReport['tenders'][number];
type Tips = { card: number; declared: number };

/** The report of the events of one period (in seq order), with the options' labels and snapshot. */
export function dayReport(events: readonly ReportEvent[], options: DayReportOptions): DayReport {
  const orders = new Map<string, OrderFacts>();
  for (const e of options.prior ?? []) foldOrderEvent(orders, e, false);

  const sales = zeroSales();
  const byChannel = new Map<Channel, SalesFigures>(CHANNELS.map((c) => [c, zeroSales()]));
  const byHour = new Map<number, { orders: number; total: number }>();
  const tenders = new Map<string, Tender>();
  const taxes = new Map<string, TaxLabel & { collected: number; refunded: number }>();
  const discounts = new Map<string, DayReport['discounts'][number]>();
  const refunds: DayReport['refunds'] = [];
  const voids: DayReport['voids'] = [];
  const cancelled = { orders: 0, amount: 0 };
  const tips = new Map<string, Tips>();
  let unattributedTips = 0;
  const staffNames = new Map<string, string>();
  const closedDrawers: DayReport['drawers']['closed'] = [];
  const openDrawers = new Map<string, DayReport['drawers']['open'][number]>();
  const loyalty = { orders: 0, pointsIssued: 0, pointsRedeemed: 0 };
  const days = new Set<string>();
  const hours = new Map<number, number>();
  let firstAt: string | undefined;
  let lastAt: string | undefined;

  const tender = (method: string): Tender => {
    let t = tenders.get(method);
    if (!t) {
      t = { method, payments: 0, amount: 0, tips: 0, refunds: 0, refunded: 0, tipsRefunded: 0, net: 0 };
      tenders.set(method, t);
    }
    return t;
  };
  const tipsOf = (staffId: string): Tips => {
    let t = tips.get(staffId);
    if (!t) tips.set(staffId, (t = { card: 0, declared: 0 }));
    return t;
  };
  const addTip = (staffId: string | undefined, amount: number): void => {
    if (staffId === undefined) unattributedTips += amount;
    else tipsOf(staffId).card += amount;
  };
  const tax = (label: TaxLabel) => {
    const key = taxKey(label);
    let t = taxes.get(key);
    if (!t)
      taxes.set(
        key,
        (t = { name: label.name, rate: label.rate, inclusive: label.inclusive, collected: 0, refunded: 0 }),
      );
    return t;
  };
  // Every time zone's offset is a whole number of quarter hours: one lookup per quarter hour.
  const hourOf = (iso: string): number => {
    const at = Date.parse(iso);
    const quarter = Math.floor(at / 900_000);
    let h = hours.get(quarter);
    if (h === undefined) hours.set(quarter, (h = localHour(at, options.timeZone)));
    return h;
  };

  const sell = (facts: OrderFacts, at: string): void => {
    const { totals, pricing } = facts;
    for (const figures of [sales, byChannel.get(facts.channel)]) {
      if (!figures) continue;
      figures.orders += 1;
      figures.gross += totals.subtotal;
      figures.discounts += totals.discount;
      figures.tax += totals.tax;
      figures.total += totals.total;
    }
    const hour = hourOf(at);
    const h = byHour.get(hour) ?? { orders: 0, total: 0 };
    byHour.set(hour, { orders: h.orders + 1, total: h.total + totals.total });
    for (const t of pricing?.taxes ?? []) tax(t).collected += t.amount;
    const seen = new Set<string>();
    for (const d of pricing?.discounts ?? []) {
      const manual = facts.manual.get(d.promotionId);
      const kind = manual ? 'staff' : facts.rewards.has(d.promotionId) ? 'reward' : 'promotion';
      const key = manual ? `staff:${manual}` : d.promotionId;
      let row = discounts.get(key);
      if (!row) {
        const label = manual === 'comp' ? 'Comps' : manual ? 'Staff discounts' : discountLabel(d.explanation);
        discounts.set(key, (row = { key, kind, label, orders: 0, amount: 0 }));
      }
      row.amount += d.amount;
      if (!seen.has(key)) row.orders += 1;
      seen.add(key);
    }
    if (pricing) {
      loyalty.pointsIssued += pricing.loyaltyPoints;
      loyalty.pointsRedeemed += pricing.loyaltyPointsRedeemed ?? 0;
      if (pricing.loyaltyPoints > 0) loyalty.orders += 1;
    }
  };

  const refund = (e: ReportEvent, facts: OrderFacts | undefined): void => {
    const d = e.data as EventData<'order.refunded'>;
    let amount = 0;
    let tip = 0;
    for (const r of d.refunds) {
      const t = tender(r.method);
      t.refunds += 1;
      t.refunded += r.amount;
      t.tipsRefunded += r.tip ?? 0;
      amount += r.amount;
      tip += r.tip ?? 0;
      if (r.tip) addTip(facts?.payments.get(r.refundOf)?.staffId, -r.tip);
    }
    const sale = facts?.sold ?? true;
    const lineIds = d.refunds[0]?.lineIds;
    if (sale) {
      sales.refunds += amount;
      if (facts) {
        const channel = byChannel.get(facts.channel);
        if (channel) channel.refunds += amount;
        for (const r of taxOfRefund(facts, { lineIds, amount })) tax(r.label).refunded += r.amount;
      }
    }
    const entry: DayReport['refunds'][number] = {
      orderId: d.orderId,
      at: e.at,
      amount,
      tip,
      methods: [...new Set(d.refunds.map((r) => r.method))],
      lines: lineIds?.length ?? 0,
      full: d.full,
      sale,
      reason: d.reason,
      by: person(e.actor),
    };
    if (facts) Object.assign(entry, { number: facts.number, businessDay: facts.businessDay });
    if (e.actor.approvedBy) entry.approvedBy = person(e.actor.approvedBy);
    refunds.push(entry);
  };

  for (const e of events) {
    if (e.seq < options.fromSeq || e.seq > options.throughSeq || !COUNTED.has(e.type)) continue;
    firstAt ??= e.at;
    lastAt = e.at;
    if (e.actor.kind === 'staff' && e.actor.name !== undefined) staffNames.set(e.actor.id, e.actor.name);
    if (e.actor.approvedBy?.name !== undefined) staffNames.set(e.actor.approvedBy.id, e.actor.approvedBy.name);
    // A refund's tax is worked out from the order before it (what its lines and earlier refunds left).
    if (e.type === 'order.refunded') refund(e, orders.get(orderIdOf(e) ?? ''));
    const facts = foldOrderEvent(orders, e, true);
    if (facts) days.add(facts.businessDay);
    if (PAID_TYPES.has(e.type)) {
      const { payment } = e.data as EventData<'order.paid'>;
      const t = tender(payment.method);
      t.payments += 1;
      t.amount += payment.amount;
      t.tips += payment.tip ?? 0;
      if (payment.tip) addTip(payment.staffId, payment.tip);
      if (e.type === 'order.paid' && facts) sell(facts, e.at);
      continue;
    }
    switch (e.type) {
      case 'order.voided': {
        const d = e.data as EventData<'order.voided'>;
        const entry: DayReport['voids'][number] = {
          orderId: d.orderId,
          at: e.at,
          amount: facts?.totals.total ?? 0,
          reason: d.reason,
          by: person(e.actor),
        };
        if (facts) Object.assign(entry, { number: facts.number, businessDay: facts.businessDay });
        if (e.actor.approvedBy) entry.approvedBy = person(e.actor.approvedBy);
        voids.push(entry);
        break;
      }
      case 'order.cancelled':
        cancelled.orders += 1;
        cancelled.amount += facts?.totals.total ?? 0;
        break;
      case 'tips.declared': {
        const d = e.data as EventData<'tips.declared'>;
        tipsOf(d.staffId).declared += d.amount;
        break;
      }
      case 'drawer.opened': {
        const d = e.data as EventData<'drawer.opened'>;
        openDrawers.set(d.sessionId, { drawerId: d.drawerId, sessionId: d.sessionId, openedAt: e.at, status: 'open' });
        break;
      }
      case 'drawer.counted': {
        const d = e.data as EventData<'drawer.counted'>;
        const open = openDrawers.get(d.sessionId);
        if (open && d.needsApproval) open.status = 'counted';
        break;
      }
      case 'drawer.closed': {
        const d = e.data as EventData<'drawer.closed'>;
        openDrawers.delete(d.sessionId);
        const closed: DayReport['drawers']['closed'][number] = {
          drawerId: d.drawerId,
          sessionId: d.sessionId,
          openedAt: d.openedAt,
          closedAt: e.at,
          ...d.figures,
          noSales: d.noSales,
          expected: d.expected,
          counted: d.counted,
          variance: d.variance,
          closedBy: person(e.actor),
        };
        if (d.approvedBy) closed.approvedBy = person(d.approvedBy);
        closedDrawers.push(closed);
        break;
      }
    }
  }

  const drawerName = <T extends { drawerId: string; name?: string }>(d: T): T => {
    const name = options.names?.drawers?.get(d.drawerId);
    return name === undefined ? d : { ...d, name };
  };
  const openOrders = { orders: 0, total: 0, paid: 0 };
  for (const o of orders.values()) {
    if (!o.placedInPeriod || o.sold || o.closed) continue;
    openOrders.orders += 1;
    openOrders.total += o.totals.total;
    openOrders.paid += o.paid;
  }
  const finish = (f: SalesFigures): SalesFigures => ({ ...f, net: f.total - f.refunds });
  const staffTips = [...tips.entries()]
    .map(([staffId, t]) => {
      const name = options.names?.staff?.get(staffId) ?? staffNames.get(staffId);
      return { staffId, ...(name === undefined ? {} : { name }), ...t, total: t.card + t.declared };
    })
    .sort((a, b) => (a.name ?? a.staffId).localeCompare(b.name ?? b.staffId));
  const card = staffTips.reduce((s, t) => s + t.card, 0) + unattributedTips;
  const declared = staffTips.reduce((s, t) => s + t.declared, 0);
  const rank = (m: string): number => (TENDER_ORDER.includes(m) ? TENDER_ORDER.indexOf(m) : TENDER_ORDER.length);

  const report: DayReport = {
    kind: options.kind,
    businessDay: options.businessDay,
    currency: options.currency,
    timeZone: options.timeZone,
    fromSeq: options.fromSeq,
    throughSeq: options.throughSeq,
    generatedAt: options.generatedAt,
    orderDays: [...days].sort(),
    sales: finish(sales),
    byChannel: CHANNELS.map((channel) => ({ channel, ...finish(byChannel.get(channel) ?? zeroSales()) })),
    byHour: [...byHour.entries()].sort(([a], [b]) => a - b).map(([hour, h]) => ({ hour, ...h })),
    tenders: [...tenders.values()]
      .sort((a, b) => rank(a.method) - rank(b.method) || a.method.localeCompare(b.method))
      .map((t) => ({ ...t, net: t.amount - t.refunded })),
    taxes: [...taxes.values()].map((t) => ({ ...t, net: t.collected - t.refunded })),
    discounts: [...discounts.values()].sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key)),
    refunds,
    voids,
    cancelled,
    tips: { staff: staffTips, unattributed: unattributedTips, card, declared, total: card + declared },
    drawers: {
      closed: closedDrawers.map(drawerName),
      open: [...openDrawers.values()].map(drawerName),
      variance: closedDrawers.reduce((s, d) => s + d.variance, 0),
    },
    pendingCardPayments: [...(options.pendingCardPayments ?? [])],
    loyalty,
    openOrders,
    damagedEvents: options.damagedEvents ?? 0,
  };
  if (firstAt !== undefined) report.firstAt = firstAt;
  if (lastAt !== undefined) report.lastAt = lastAt;
  if (options.closedBy) report.closedBy = options.closedBy;
  return report;
}
