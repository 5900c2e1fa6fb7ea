/**
 * The running sums of a day report and how one event adds to them: a sale (an order paid in
 * full), a payment taken or given back, a refund's tax, a void, a cancellation, declared tips,
 * a drawer opened, counted or closed, a member's points earned, spent or undone. The report reads them (see `DayReportBuilder.report`).
 */
import type { Channel } from '../channels.js';
import type { EventData } from '../events/catalogue.js';
import type { DayReport, ReportPerson, SalesFigures } from './day-report-schema.js';
import {
  foldOrderEvent,
  orderIdOf,
  taxKey,
  taxOfRefund,
  type OrderFacts,
  type ReportEvent,
  type TaxLabel,
} from './report-orders.js';

type Tender = DayReport['tenders'][number];
type Tips = { card: number; declared: number };

export interface Counts {
  sales: SalesFigures;
  byChannel: Map<Channel, SalesFigures>;
  byHour: Map<number, { orders: number; total: number }>;
  tenders: Map<string, Tender>;
  taxes: Map<string, TaxLabel & { collected: number; refunded: number }>;
  discounts: Map<string, DayReport['discounts'][number]>;
  refunds: DayReport['refunds'];
  voids: DayReport['voids'];
  cancelled: { orders: number; amount: number };
  tips: Map<string, Tips>;
  unattributedTips: number;
  staffNames: Map<string, string>;
  closedDrawers: DayReport['drawers']['closed'];
  openDrawers: Map<string, DayReport['drawers']['open'][number]>;
  loyalty: DayReport['loyalty'];
  days: Set<string>;
  firstAt: string | undefined;
  lastAt: string | undefined;
}

export function person(actor: ReportEvent['actor'] | undefined): ReportPerson {
  if (!actor) return { kind: 'system', id: 'edge', role: 'system' };
  const p: ReportPerson = { kind: actor.kind, id: actor.id, role: actor.role };
  if (actor.name !== undefined) p.name = actor.name;
  return p;
}

/** "Cookies: 3 for $6, −$1.50" → "Cookies: 3 for $6": the promotion without this order's amount. */
function discountLabel(explanation: string): string {
  return explanation.replace(/,\s*[−-][^,]*$/u, '');
}

function tender(c: Counts, method: string): Tender {
  let t = c.tenders.get(method);
  if (!t) {
    t = { method, payments: 0, amount: 0, tips: 0, refunds: 0, refunded: 0, tipsRefunded: 0, net: 0 };
    c.tenders.set(method, t);
  }
  return t;
}

function tipsOf(c: Counts, staffId: string): Tips {
  let t = c.tips.get(staffId);
  if (!t) c.tips.set(staffId, (t = { card: 0, declared: 0 }));
  return t;
}

function addTip(c: Counts, staffId: string | undefined, amount: number): void {
  if (staffId === undefined) c.unattributedTips += amount;
  else tipsOf(c, staffId).card += amount;
}

function tax(c: Counts, label: TaxLabel): { collected: number; refunded: number } {
  const key = taxKey(label);
  let t = c.taxes.get(key);
  if (!t)
    c.taxes.set(
      key,
      (t = { name: label.name, rate: label.rate, inclusive: label.inclusive, collected: 0, refunded: 0 }),
    );
  return t;
}

function sell(c: Counts, facts: OrderFacts, hour: number): void {
  const { totals, pricing } = facts;
  for (const figures of [c.sales, c.byChannel.get(facts.channel)]) {
    if (!figures) continue;
    figures.orders += 1;
    figures.gross += totals.subtotal;
    figures.discounts += totals.discount;
    figures.tax += totals.tax;
    figures.total += totals.total;
  }
  const h = c.byHour.get(hour) ?? { orders: 0, total: 0 };
  c.byHour.set(hour, { orders: h.orders + 1, total: h.total + totals.total });
  for (const t of pricing?.taxes ?? []) tax(c, t).collected += t.amount;
  const seen = new Set<string>();
  for (const d of pricing?.discounts ?? []) {
    const manual = facts.manual.get(d.promotionId);
    const kind = manual ? 'staff' : facts.rewards.has(d.promotionId) ? 'reward' : 'promotion';
    const key = manual ? `staff:${manual}` : d.promotionId;
    let row = c.discounts.get(key);
    if (!row) {
      const label = manual === 'comp' ? 'Comps' : manual ? 'Staff discounts' : discountLabel(d.explanation);
      c.discounts.set(key, (row = { key, kind, label, orders: 0, amount: 0 }));
    }
    row.amount += d.amount;
    if (!seen.has(key)) row.orders += 1;
    seen.add(key);
  }
}

function refund(c: Counts, e: ReportEvent, facts: OrderFacts | undefined): void {
  const d = e.data as EventData<'order.refunded'>;
  let amount = 0;
  let tip = 0;
  for (const r of d.refunds) {
    const t = tender(c, r.method);
    t.refunds += 1;
    t.refunded += r.amount;
    t.tipsRefunded += r.tip ?? 0;
    amount += r.amount;
    tip += r.tip ?? 0;
    if (r.tip) addTip(c, facts?.payments.get(r.refundOf)?.staffId, -r.tip);
  }
  const sale = facts?.sold ?? true;
  const lineIds = d.refunds[0]?.lineIds;
  if (sale) {
    c.sales.refunds += amount;
    if (facts) {
      const channel = c.byChannel.get(facts.channel);
      if (channel) channel.refunds += amount;
      for (const r of taxOfRefund(facts, { lineIds, amount })) tax(c, r.label).refunded += r.amount;
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
  c.refunds.push(entry);
}

function drawer(c: Counts, e: ReportEvent): void {
  if (e.type === 'drawer.opened') {
    const d = e.data as EventData<'drawer.opened'>;
    c.openDrawers.set(d.sessionId, { drawerId: d.drawerId, sessionId: d.sessionId, openedAt: e.at, status: 'open' });
  } else if (e.type === 'drawer.counted') {
    const d = e.data as EventData<'drawer.counted'>;
    const open = c.openDrawers.get(d.sessionId);
    if (open && d.needsApproval) open.status = 'counted';
  } else if (e.type === 'drawer.closed') {
    const d = e.data as EventData<'drawer.closed'>;
    c.openDrawers.delete(d.sessionId);
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
    c.closedDrawers.push(closed);
  }
}

/** Add one event of the period (a type the report reads) to the sums, folding it into its order's facts. */
export function countEvent(
  c: Counts,
  orders: Map<string, OrderFacts>,
  e: ReportEvent,
  hourOf: (iso: string) => number,
): void {
  c.firstAt ??= e.at;
  c.lastAt = e.at;
  if (e.actor.kind === 'staff' && e.actor.name !== undefined) c.staffNames.set(e.actor.id, e.actor.name);
  if (e.actor.approvedBy?.name !== undefined) c.staffNames.set(e.actor.approvedBy.id, e.actor.approvedBy.name);
  // A refund's tax is worked out from the order before it (what its lines and earlier refunds left).
  if (e.type === 'order.refunded') refund(c, e, orders.get(orderIdOf(e) ?? ''));
  const facts = foldOrderEvent(orders, e, true);
  if (facts) c.days.add(facts.businessDay);
  switch (e.type) {
    case 'order.paid':
    case 'order.payment-taken': {
      const { payment } = e.data as EventData<'order.paid'>;
      const t = tender(c, payment.method);
      t.payments += 1;
      t.amount += payment.amount;
      t.tips += payment.tip ?? 0;
      if (payment.tip) addTip(c, payment.staffId, payment.tip);
      if (e.type === 'order.paid' && facts) sell(c, facts, hourOf(e.at));
      break;
    }
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
      c.voids.push(entry);
      break;
    }
    case 'order.cancelled':
      c.cancelled.orders += 1;
      c.cancelled.amount += facts?.totals.total ?? 0;
      break;
    case 'loyalty.accrued':
      c.loyalty.accruals += 1;
      c.loyalty.pointsIssued += (e.data as EventData<'loyalty.accrued'>).points;
      break;
    case 'loyalty.redeemed':
      c.loyalty.redemptions += 1;
      c.loyalty.pointsRedeemed += (e.data as EventData<'loyalty.redeemed'>).points;
      break;
    case 'loyalty.reversed': {
      const d = e.data as EventData<'loyalty.reversed'>;
      c.loyalty.pointsTakenBack += d.accrual;
      c.loyalty.pointsGivenBack += d.redemption;
      break;
    }
    case 'tips.declared': {
      const d = e.data as EventData<'tips.declared'>;
      tipsOf(c, d.staffId).declared += d.amount;
      break;
    }
    default:
      drawer(c, e);
  }
}
