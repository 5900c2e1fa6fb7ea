/**
 * The X and Z reports, computed from the event log alone: `dayReport(events, options)` sums the
 * events of one period — every event after the previous Z up to the head of the log — so the
 * report of a closed day is the same whenever it is computed again from the same events. The
 * edge keeps a {@link DayReportBuilder} of the open period up to date as events commit (the same
 * fold, one event at a time), so an X or a Z is answered without reading the day again.
 *
 * What counts where:
 * - a **sale** is an order paid in full in the period (`order.paid`), at its money as last
 *   priced: by channel, by the hour it was paid in, its taxes and discounts;
 * - **tenders** are every payment taken (`order.paid`, `order.payment-taken`) and given back
 *   (`order.refunded`) in the period, by method;
 * - a **refund** counts in the period it was given, whenever its order was sold (a refund today of
 *   yesterday's order is today's), with who gave it and the manager who approved it;
 * - **voids** and cancellations of unpaid orders, **tips** by staff (card tips on the payments they
 *   took, cash tips declared), **drawer** sessions closed (expected, counted, variance) or still
 *   open, orders still **open** at the end, members' **loyalty** points earned, spent and undone
 *   (the `loyalty.*` ledger entries);
 * - pending card payments are a snapshot the caller gives (payment intents are not events).
 */
import { localHour } from '../business-day.js';
import { CHANNELS, type Channel } from '../channels.js';
import type { EventData } from '../events/catalogue.js';
import type { DayReport, PendingCardPayment, ReportPerson, SalesFigures } from './day-report-schema.js';
import { countEvent, type Counts } from './report-counts.js';
import {
  foldOrderEvent,
  ORDER_HISTORY_EVENT_TYPES,
  orderIdOf,
  type OrderFacts,
  type ReportEvent,
} from './report-orders.js';

export { ORDER_HISTORY_EVENT_TYPES, type ReportEvent } from './report-orders.js';

/** The event types a day report reads (the edge reads only these from the log). */
export const DAY_REPORT_EVENT_TYPES: readonly string[] = [
  ...ORDER_HISTORY_EVENT_TYPES,
  'tips.declared',
  'drawer.opened',
  'drawer.counted',
  'drawer.closed',
  'loyalty.accrued',
  'loyalty.redeemed',
  'loyalty.reversed',
];
const COUNTED: ReadonlySet<string> = new Set(DAY_REPORT_EVENT_TYPES);

/** What a report says beyond its sums: which report, of which day, when, and the names to show. */
export interface DayReportLabels {
  kind: 'x' | 'z';
  businessDay: string;
  currency: string;
  /** The last seq of the period (the head of the log when it was made). */
  throughSeq: number;
  /** ISO 8601: when it was made (a Z: when the day was closed). */
  generatedAt: string;
  closedBy?: ReportPerson;
  pendingCardPayments?: readonly PendingCardPayment[];
  /** Names to show: staff (else the name an event's actor carried) and drawers, by id. */
  names?: { staff?: Pick<ReadonlyMap<string, string>, 'get'>; drawers?: Pick<ReadonlyMap<string, string>, 'get'> };
  /** Events of the period the log could not read. */
  damagedEvents?: number;
}

export interface DayReportOptions extends DayReportLabels {
  timeZone: string;
  /** The first seq of the period; events outside fromSeq..throughSeq are not counted. */
  fromSeq: number;
  /** Earlier events of orders the period refunds, pays or voids but did not place: read, never counted. */
  prior?: readonly ReportEvent[];
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

const zeroSales = (): SalesFigures => ({ orders: 0, gross: 0, discounts: 0, tax: 0, total: 0, refunds: 0, net: 0 });
const TENDER_ORDER = ['card', 'cash', 'external'];
const rank = (m: string): number => (TENDER_ORDER.includes(m) ? TENDER_ORDER.indexOf(m) : TENDER_ORDER.length);
const finish = (f: SalesFigures): SalesFigures => ({ ...f, net: f.total - f.refunds });

/**
 * The sums of one period, event by event. `add` takes the period's events in seq order; an event
 * of an order the period did not place first asks `history` for that order's earlier events
 * (folded, never counted). `report` reads the sums at any moment without changing them.
 */
export class DayReportBuilder {
  private readonly orders = new Map<string, OrderFacts>();
  private readonly asked = new Set<string>();
  private readonly counts: Counts;
  private readonly hours = new Map<number, number>();
  private lastSeq: number;
  private earliestPlaced: string | undefined;

  constructor(
    readonly fromSeq: number,
    private readonly timeZone: string,
    private readonly history: (orderId: string) => readonly ReportEvent[] = () => [],
  ) {
    this.lastSeq = fromSeq - 1;
    this.counts = {
      sales: zeroSales(),
      byChannel: new Map<Channel, SalesFigures>(CHANNELS.map((c) => [c, zeroSales()])),
      byHour: new Map(),
      tenders: new Map(),
      taxes: new Map(),
      discounts: new Map(),
      refunds: [],
      voids: [],
      cancelled: { orders: 0, amount: 0 },
      tips: new Map(),
      unattributedTips: 0,
      staffNames: new Map(),
      closedDrawers: [],
      openDrawers: new Map(),
      loyalty: {
        accruals: 0,
        pointsIssued: 0,
        redemptions: 0,
        pointsRedeemed: 0,
        pointsTakenBack: 0,
        pointsGivenBack: 0,
      },
      days: new Set(),
      firstAt: undefined,
      lastAt: undefined,
    };
  }

  /** The last seq added (fromSeq − 1 before any). */
  get throughSeq(): number {
    return this.lastSeq;
  }

  /** The earliest business day of the orders placed in the period, if any. */
  get earliestPlacedDay(): string | undefined {
    return this.earliestPlaced;
  }

  // Every time zone's offset is a whole number of quarter hours: one lookup per quarter hour.
  private hourOf(iso: string): number {
    const at = Date.parse(iso);
    const quarter = Math.floor(at / 900_000);
    let h = this.hours.get(quarter);
    if (h === undefined) this.hours.set(quarter, (h = localHour(at, this.timeZone)));
    return h;
  }

  /** The log was read through `seq`: the events up to it that are not added are none a report counts. */
  advanceTo(seq: number): void {
    if (seq > this.lastSeq) this.lastSeq = seq;
  }

  /** Count one event of the period (in seq order; one before fromSeq or already added is ignored). */
  add(e: ReportEvent): void {
    if (e.seq < this.fromSeq || e.seq <= this.lastSeq) return;
    this.lastSeq = e.seq;
    if (!COUNTED.has(e.type)) return;
    const id = orderIdOf(e);
    if (id !== undefined && e.type !== 'order.placed' && !this.orders.has(id) && !this.asked.has(id)) {
      this.asked.add(id);
      for (const p of this.history(id)) foldOrderEvent(this.orders, p, false);
    }
    if (e.type === 'order.placed') {
      const day = (e.data as EventData<'order.placed'>).businessDay;
      if (this.earliestPlaced === undefined || day < this.earliestPlaced) this.earliestPlaced = day;
    }
    countEvent(this.counts, this.orders, e, (iso) => this.hourOf(iso));
  }

  /** The report of what was added, with its labels; the sums stay as they are. */
  report(labels: DayReportLabels): DayReport {
    const c = this.counts;
    const drawerName = <T extends { drawerId: string; name?: string }>(d: T): T => {
      const name = labels.names?.drawers?.get(d.drawerId);
      return name === undefined ? { ...d } : { ...d, name };
    };
    const openOrders = { orders: 0, total: 0, paid: 0 };
    for (const o of this.orders.values()) {
      if (!o.placedInPeriod || o.sold || o.closed) continue;
      openOrders.orders += 1;
      openOrders.total += o.totals.total;
      openOrders.paid += o.paid;
    }
    const staffTips = [...c.tips.entries()]
      .map(([staffId, t]) => {
        const name = labels.names?.staff?.get(staffId) ?? c.staffNames.get(staffId);
        return { staffId, ...(name === undefined ? {} : { name }), ...t, total: t.card + t.declared };
      })
      .sort((a, b) => (a.name ?? a.staffId).localeCompare(b.name ?? b.staffId));
    const card = staffTips.reduce((s, t) => s + t.card, 0) + c.unattributedTips;
    const declared = staffTips.reduce((s, t) => s + t.declared, 0);
    const report: DayReport = {
      kind: labels.kind,
      businessDay: labels.businessDay,
      currency: labels.currency,
      timeZone: this.timeZone,
      fromSeq: this.fromSeq,
      throughSeq: labels.throughSeq,
      generatedAt: labels.generatedAt,
      orderDays: [...c.days].sort(),
      sales: finish(c.sales),
      byChannel: CHANNELS.map((channel) => ({ channel, ...finish(c.byChannel.get(channel) ?? zeroSales()) })),
      byHour: [...c.byHour.entries()].sort(([a], [b]) => a - b).map(([hour, h]) => ({ hour, ...h })),
      tenders: [...c.tenders.values()]
        .sort((a, b) => rank(a.method) - rank(b.method) || a.method.localeCompare(b.method))
        .map((t) => ({ ...t, net: t.amount - t.refunded })),
      taxes: [...c.taxes.values()].map((t) => ({ ...t, net: t.collected - t.refunded })),
      discounts: [...c.discounts.values()]
        .map((d) => ({ ...d }))
        .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key)),
      refunds: c.refunds.map((r) => ({ ...r })),
      voids: c.voids.map((v) => ({ ...v })),
      cancelled: { ...c.cancelled },
      tips: { staff: staffTips, unattributed: c.unattributedTips, card, declared, total: card + declared },
      drawers: {
        closed: c.closedDrawers.map(drawerName),
        open: [...c.openDrawers.values()].map(drawerName),
        variance: c.closedDrawers.reduce((s, d) => s + d.variance, 0),
      },
      pendingCardPayments: [...(labels.pendingCardPayments ?? [])],
      loyalty: { ...c.loyalty },
      openOrders,
      damagedEvents: labels.damagedEvents ?? 0,
    };
    if (c.firstAt !== undefined) report.firstAt = c.firstAt;
    if (c.lastAt !== undefined) report.lastAt = c.lastAt;
    if (labels.closedBy) report.closedBy = labels.closedBy;
    return report;
  }
}

/** The report of the events of one period (in seq order), with the options' labels and snapshot. */
export function dayReport(events: readonly ReportEvent[], options: DayReportOptions): DayReport {
  const prior = new Map<string, ReportEvent[]>();
  for (const e of options.prior ?? []) {
    const id = orderIdOf(e);
    if (id === undefined) continue;
    const list = prior.get(id);
    if (list) list.push(e);
    else prior.set(id, [e]);
  }
  const builder = new DayReportBuilder(options.fromSeq, options.timeZone, (id) => prior.get(id) ?? []);
  for (const e of events) if (e.seq <= options.throughSeq) builder.add(e);
  return builder.report(options);
}
