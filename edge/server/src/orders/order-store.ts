/**
 * Reading orders as the screens see them, and applying lifecycle transitions with their
 * events. Orders, kitchen and payments all change orders through here, inside their own
 * transactions, so every transition is checked by the one state machine in the core.
 */
import {
  applyOrderCommand,
  TillboxError,
  type OrderCommand,
  type OrderEventData,
  type OrderPricing,
  type PricedCommerceLine,
  type PricedModifierChoice,
  type OrderView,
  type PaymentView,
  type PricedLine,
  type TicketView,
} from '@tillbox/core';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { orderLines, orders, payments, tickets } from '../db/schema.js';
import type { Append } from '../events/event-log.js';

export type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;
type TicketRow = typeof tickets.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;
export type LineDetail = Pick<PricedLine, 'name' | 'variantName' | 'modifiers' | 'note' | 'allergens'> & {
  discount?: number;
  tax?: number;
  total?: number;
};

/** A priced line's choices as one flat list: modifiers, nested ones after their parent, combo components. */
export function flattenChoices(line: PricedCommerceLine): PricedLine['modifiers'] {
  const out: PricedLine['modifiers'] = [];
  const walk = (choices: readonly PricedModifierChoice[]): void => {
    for (const c of choices) {
      out.push({ groupId: c.groupId, optionId: c.optionId, name: c.name, price: c.price });
      walk(c.modifiers);
    }
  };
  walk(line.modifiers);
  for (const c of line.components) {
    const name = Object.fromEntries(
      Object.entries(c.name).map(([lang, text]) => [
        lang,
        c.variantName?.[lang] ? `${text} (${c.variantName[lang]})` : text,
      ]),
    );
    out.push({ groupId: c.slotId, optionId: c.itemId, name: { ...name, en: name.en ?? c.name.en }, price: c.upcharge });
    walk(c.modifiers);
  }
  return out;
}

const iso = (ms: number | null | undefined): string | undefined =>
  ms === null || ms === undefined ? undefined : new Date(ms).toISOString();

function lineView(l: LineRow): PricedLine {
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
    discount: d.discount ?? 0,
    tax: d.tax ?? 0,
    total: d.total ?? l.lineTotal,
  };
  if (l.variantId !== null) line.variantId = l.variantId;
  if (d.variantName) line.variantName = d.variantName;
  if (d.note !== undefined) line.note = d.note;
  return line;
}

function ticketView(t: TicketRow, lines: LineRow[]): TicketView {
  const view: TicketView = {
    id: t.id,
    station: t.station,
    status: t.status,
    firedAt: new Date(t.firedAt).toISOString(),
    items: lines
      .filter((l) => l.station === t.station)
      .map((l) => {
        const bumped = iso(l.bumpedAt);
        return bumped ? { lineId: l.id, bumpedAt: bumped } : { lineId: l.id };
      }),
  };
  const bumped = iso(t.bumpedAt);
  if (bumped) view.bumpedAt = bumped;
  return view;
}

function paymentView(p: PaymentRow): PaymentView {
  const v: PaymentView = { id: p.id, method: p.method, amount: p.amount, at: new Date(p.at).toISOString() };
  if (p.tendered !== null) v.tendered = p.tendered;
  if (p.change !== null) v.change = p.change;
  if (p.reference !== null) v.reference = p.reference;
  if (p.cardLast4 !== null) v.cardLast4 = p.cardLast4;
  return v;
}

function toView(row: OrderRow, lines: LineRow[], ticketRows: TicketRow[], paymentRows: PaymentRow[]): OrderView {
  const view: OrderView = {
    id: row.id,
    number: row.number,
    businessDay: row.businessDay,
    status: row.status,
    payment: row.payment,
    dueAt: new Date(row.dueAt).toISOString(),
    rush: row.rush,
    channel: row.channel as OrderView['channel'],
    orderType: row.orderType as OrderView['orderType'],
    lines: lines.map(lineView),
    tickets: ticketRows.map((t) => ticketView(t, lines)),
    payments: paymentRows.map(paymentView),
    totals: { currency: row.currency, subtotal: row.subtotal, discount: row.discount, tax: row.tax, total: row.total },
    placedAt: new Date(row.placedAt).toISOString(),
  };
  if (row.pricing !== null) view.pricing = row.pricing as OrderPricing;
  if (row.guestName !== null) view.guestName = row.guestName;
  if (row.tableLabel !== null) view.table = row.tableLabel;
  const optional = {
    promisedAt: row.promisedAt,
    paidAt: row.paidAt,
    firedAt: row.firedAt,
    readyAt: row.readyAt,
    pickedUpAt: row.pickedUpAt,
    closedAt: row.closedAt,
  };
  for (const [key, ms] of Object.entries(optional)) {
    const v = iso(ms);
    if (v) view[key as keyof typeof optional] = v;
  }
  return view;
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const STAMP: Partial<Record<OrderCommand, keyof OrderRow>> = {
  pay: 'paidAt',
  fire: 'firedAt',
  ready: 'readyAt',
  'pick-up': 'pickedUpAt',
  complete: 'closedAt',
  cancel: 'closedAt',
  void: 'closedAt',
  refund: 'closedAt',
};

/** The queries every order read needs, prepared once per database. */
function prepareQueries(db: Db) {
  const id = sql.placeholder('id');
  return {
    order: db.select().from(orders).where(eq(orders.id, id)).prepare(),
    lines: db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.position)).prepare(),
    tickets: db.select().from(tickets).where(eq(tickets.orderId, id)).orderBy(asc(tickets.station)).prepare(),
    payments: db.select().from(payments).where(eq(payments.orderId, id)).orderBy(asc(payments.at)).prepare(),
  };
}

/**
 * Orders as stored and as shown. Reads use statements prepared once; they run on the one
 * SQLite connection, so inside a command's transaction they see its writes.
 */
export class OrderStore {
  private prepared: ReturnType<typeof prepareQueries> | undefined;

  constructor(private readonly db: Db) {}

  private get q(): ReturnType<typeof prepareQueries> {
    this.prepared ??= prepareQueries(this.db);
    return this.prepared;
  }

  row(_tx: Tx, id: string): OrderRow {
    const row = this.q.order.get({ id });
    if (!row) throw new TillboxError('not-found', `no order ${id}`);
    return row;
  }

  view(tx: Tx, id: string): OrderView {
    return this.viewOfRow(this.row(tx, id));
  }

  viewOfRow(row: OrderRow): OrderView {
    const id = row.id;
    return toView(row, this.q.lines.all({ id }), this.q.tickets.all({ id }), this.q.payments.all({ id }));
  }

  /** Views of many orders with four queries in all. */
  views(tx: Tx, rows: OrderRow[]): OrderView[] {
    if (rows.length === 0) return [];
    if (rows.length === 1 && rows[0]) return [this.viewOfRow(rows[0])];
    const ids = rows.map((r) => r.id);
    const lines = groupBy(
      tx.select().from(orderLines).where(inArray(orderLines.orderId, ids)).orderBy(asc(orderLines.position)).all(),
      (l) => l.orderId,
    );
    const ticketRows = groupBy(
      tx.select().from(tickets).where(inArray(tickets.orderId, ids)).orderBy(asc(tickets.station)).all(),
      (t) => t.orderId,
    );
    const paymentRows = groupBy(
      tx.select().from(payments).where(inArray(payments.orderId, ids)).orderBy(asc(payments.at)).all(),
      (p) => p.orderId,
    );
    return rows.map((r) => toView(r, lines.get(r.id) ?? [], ticketRows.get(r.id) ?? [], paymentRows.get(r.id) ?? []));
  }

  /**
   * Apply a lifecycle command to an order inside `tx`: check it with the core state machine,
   * write the new state (plus `also`, written before the event's view is read) and append the
   * event carrying the order as it now is.
   */
  transition(tx: Tx, append: Append, id: string, command: OrderCommand, at: number, also?: () => void): OrderView {
    const row = this.row(tx, id);
    const next = applyOrderCommand({ status: row.status, payment: row.payment }, command);
    const stamp = STAMP[command];
    const set: Partial<OrderRow> = { status: next.status, payment: next.payment };
    if (stamp) (set as Record<string, unknown>)[stamp] = at;
    if (command === 'recall') set.readyAt = null;
    tx.update(orders).set(set).where(eq(orders.id, id)).run();
    also?.();
    const view = this.viewOfRow({ ...row, ...set });
    append({ type: next.event, subject: id, data: { order: view } satisfies OrderEventData });
    return view;
  }
}
