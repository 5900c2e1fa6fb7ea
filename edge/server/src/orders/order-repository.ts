/**
 * The order aggregate as stored: the only code that touches the orders, order_lines, tickets,
 * payments and order_numbers tables. It loads an order with its lines, tickets and payments,
 * saves a decided state as the difference from the loaded one, gives out order numbers, and
 * builds the views the screens and the stream show.
 *
 * Reads use statements prepared once on the one SQLite connection, so inside a command's
 * transaction they see its writes.
 *
 * The views of recently changed orders are built from the state their last save wrote, kept once
 * it has committed ({@link OrderRepository.committed}), instead of four queries per order: the
 * print runs ask for the view of every order they print, the stream for every order it shows.
 */
import {
  byStation,
  isOpenStatus,
  ORDER_STATUSES,
  orderView,
  scopeStatuses,
  TillboxError,
  type Channel,
  type Order,
  type OrderLine,
  type OrderPayment,
  type OrderPriceInput,
  type OrderPricing,
  type OrderScope,
  type OrderStatus,
  type OrderTicket,
  type OrderType,
  type OrderView,
  type PlacedLine,
} from '@tillbox/core';
import { and, asc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { orderLines, orderNumbers, orders, payments, tickets } from '../db/schema.js';
import { preparedInsert, preparedUpdate } from '../db/prepared-writes.js';
import { storageHealthOf } from '../db/storage-health.js';
import { damagedOrder, parseOrderRows } from './order-rows.js';

type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;
type TicketRow = typeof tickets.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;

/** Every column, the JSON ones as their stored text, parsed by ./order-rows.ts (a damaged one is reported). */
const ORDER_COLUMNS = { ...getTableColumns(orders), pricing: sql<unknown>`${orders.pricing}` };
const LINE_COLUMNS = { ...getTableColumns(orderLines), detail: sql<unknown>`${orderLines.detail}` };

/**
 * What a line keeps besides its columns: names, choices and the priced amounts, its refund, and a
 * combo's slot items with their stations and bumps.
 */
type LineDetail = Pick<PlacedLine, 'name' | 'variantName' | 'modifiers' | 'note' | 'allergens' | 'net' | 'taxes'> & {
  parts?: OrderLine['parts'];
  discount?: number;
  tax?: number;
  total?: number;
  refundedAt?: number;
  /** Added after the order fired: its round (2, 3, …). */
  round?: number;
};

/**
 * The `pricing` column: the explanations the screens show, and beside them (`input`, never shown)
 * the cart and context the order was priced from, so it can be priced again.
 */
type StoredPricing = OrderPricing & { input?: OrderPriceInput };

function storedPricing(o: Order): StoredPricing | null {
  if (!o.pricing) return null;
  return o.priceInput ? { ...o.pricing, input: o.priceInput } : o.pricing;
}

const CLOSED: OrderStatus[] = ORDER_STATUSES.filter((s) => !isOpenStatus(s));
/** Open orders, written as the `orders_open_placed` index's condition so SQLite reads them through it. */
const OPEN_ORDERS = sql`status in ('placed', 'paid', 'in_kitchen', 'ready')`;

/** Up to this many orders are read one by one through the prepared statements. */
const FEW = 8;

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function toLine(l: LineRow): OrderLine {
  const d = l.detail as LineDetail;
  const line: OrderLine = {
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
  put(line, 'variantId', opt(l.variantId));
  put(line, 'variantName', d.variantName);
  put(line, 'note', d.note);
  put(line, 'net', d.net);
  put(line, 'taxes', d.taxes);
  put(line, 'bumpedAt', opt(l.bumpedAt));
  put(line, 'refundedAt', d.refundedAt);
  put(line, 'parts', d.parts);
  put(line, 'round', d.round);
  return line;
}

function lineDetail(l: OrderLine): LineDetail {
  const d: LineDetail = {
    name: l.name,
    modifiers: l.modifiers,
    allergens: l.allergens,
    discount: l.discount,
    tax: l.tax,
    total: l.total,
  };
  put(d, 'variantName', l.variantName);
  put(d, 'note', l.note);
  put(d, 'net', l.net);
  put(d, 'taxes', l.taxes);
  put(d, 'refundedAt', l.refundedAt);
  put(d, 'parts', l.parts);
  put(d, 'round', l.round);
  return d;
}

function toTicket(t: TicketRow): OrderTicket {
  const ticket: OrderTicket = { id: t.id, station: t.station, status: t.status, firedAt: t.firedAt };
  put(ticket, 'bumpedAt', opt(t.bumpedAt));
  return ticket;
}

function toPayment(p: PaymentRow): OrderPayment {
  const payment: OrderPayment = { id: p.id, method: p.method, amount: p.amount, at: p.at };
  put(payment, 'refundOf', opt(p.refundOf));
  put(payment, 'tendered', opt(p.tendered));
  put(payment, 'change', opt(p.change));
  put(payment, 'reference', opt(p.reference));
  put(payment, 'cardLast4', opt(p.cardLast4));
  if (p.tip !== 0) payment.tip = p.tip;
  put(payment, 'part', opt(p.part));
  put(payment, 'staffId', opt(p.staffId));
  return payment;
}

function toOrder(row: OrderRow, lines: LineRow[], ticketRows: TicketRow[], paymentRows: PaymentRow[]): Order {
  const order: Order = {
    id: row.id,
    number: row.number,
    businessDay: row.businessDay,
    status: row.status,
    payment: row.payment,
    channel: row.channel as Channel,
    orderType: row.orderType as OrderType,
    lines: lines.map(toLine),
    tickets: ticketRows.map(toTicket),
    payments: paymentRows.map(toPayment),
    totals: { currency: row.currency, subtotal: row.subtotal, discount: row.discount, tax: row.tax, total: row.total },
    dueAt: row.dueAt,
    rush: row.rush,
    firePolicy: row.firePolicy,
    catalogVersion: row.catalogVersion,
    placedAt: row.placedAt,
  };
  put(order, 'guestName', opt(row.guestName));
  put(order, 'table', opt(row.tableLabel));
  const stored = opt(row.pricing) as StoredPricing | undefined;
  if (stored) {
    const { input, ...pricing } = stored;
    order.pricing = pricing;
    put(order, 'priceInput', input);
  }
  put(order, 'promisedAt', opt(row.promisedAt));
  put(order, 'fireAt', opt(row.fireAt));
  put(order, 'placedByDevice', opt(row.placedByDevice));
  put(order, 'paidAt', opt(row.paidAt));
  put(order, 'firedAt', opt(row.firedAt));
  put(order, 'readyAt', opt(row.readyAt));
  put(order, 'pickedUpAt', opt(row.pickedUpAt));
  put(order, 'closedAt', opt(row.closedAt));
  if (row.ownerStaffId !== null)
    order.owner = { staffId: row.ownerStaffId, ...(row.ownerName ? { name: row.ownerName } : {}) };
  put(order, 'heldAt', opt(row.heldAt));
  put(order, 'split', opt(row.split) as Order['split']);
  return order;
}

/** A line's money changed: priced again (a discount, a price override). */
function repriced(a: OrderLine, b: OrderLine): boolean {
  return (
    a.unitPrice !== b.unitPrice ||
    a.lineTotal !== b.lineTotal ||
    a.discount !== b.discount ||
    a.tax !== b.tax ||
    a.total !== b.total ||
    a.net !== b.net ||
    a.taxes !== b.taxes
  );
}

/** The columns of an order that change after it is placed. */
function changing(o: Order) {
  return {
    status: o.status,
    payment: o.payment,
    paidAt: o.paidAt ?? null,
    firedAt: o.firedAt ?? null,
    readyAt: o.readyAt ?? null,
    pickedUpAt: o.pickedUpAt ?? null,
    closedAt: o.closedAt ?? null,
    ownerStaffId: o.owner?.staffId ?? null,
    ownerName: o.owner?.name ?? null,
    heldAt: o.heldAt ?? null,
    split: o.split ?? null,
  };
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

function prepareQueries(db: Db) {
  const id = sql.placeholder('id');
  return {
    order: db.select(ORDER_COLUMNS).from(orders).where(eq(orders.id, id)).prepare(),
    lines: db
      .select(LINE_COLUMNS)
      .from(orderLines)
      .where(eq(orderLines.orderId, id))
      .orderBy(asc(orderLines.position))
      .prepare(),
    tickets: db.select().from(tickets).where(eq(tickets.orderId, id)).orderBy(asc(tickets.station)).prepare(),
    payments: db
      .select()
      .from(payments)
      .where(eq(payments.orderId, id))
      .orderBy(asc(payments.at), sql`rowid`)
      .prepare(),
    orderOfTicket: db.select({ orderId: tickets.orderId }).from(tickets).where(eq(tickets.id, id)).prepare(),
    requestHash: db.select({ requestHash: orders.requestHash }).from(orders).where(eq(orders.id, id)).prepare(),
    lineInUse: db.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.id, id)).prepare(),
    nextNumber: db
      .insert(orderNumbers)
      .values({ businessDay: sql.placeholder('day'), lastNumber: 1 })
      .onConflictDoUpdate({
        target: orderNumbers.businessDay,
        set: { lastNumber: sql`${orderNumbers.lastNumber} + 1` },
      })
      .returning({ n: orderNumbers.lastNumber })
      .prepare(),
  };
}

/** The writes of {@link OrderRepository.save}, prepared once (they run inside the command's transaction). */
function prepareWrites(db: Db) {
  return {
    insertOrder: preparedInsert(db, orders),
    insertLine: preparedInsert(db, orderLines),
    insertTicket: preparedInsert(db, tickets),
    insertPayment: preparedInsert(db, payments),
    updateOrder: preparedUpdate(db, orders, 'id'),
    updateLine: preparedUpdate(db, orderLines, 'id'),
    updateTicket: preparedUpdate(db, tickets, 'id'),
  };
}

/**
 * How many recently saved orders' states are kept for {@link OrderRepository.views}: the print
 * runs ask for orders up to a few seconds after their commit in a rush (at 800 orders/s in the
 * bench they were over 1,024 orders behind), so a few seconds of orders at the busiest.
 */
const KEPT_MAX = 4096;

/** An order's last save, by its number, and what it wrote once the save has committed (as decided; {@link asStored} when viewed). */
interface Kept {
  save: number;
  order?: Order;
}

const byTime = (a: { at: number }, b: { at: number }): number => a.at - b.at;

/** Whether `list` is already in the order `compare` sorts it (a stable sort would leave it as it is). */
function inOrder<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1] as T, list[i] as T) > 0) return false;
  return true;
}

/**
 * An order as the repository reads it back: its tickets by station, its payments by time (then as
 * added). The order itself when they already are (nearly always: a copy per view was garbage).
 */
export function asStored(order: Order): Order {
  const tickets = inOrder(order.tickets, byStation);
  const payments = inOrder(order.payments, byTime);
  if (tickets && payments) return order;
  return {
    ...order,
    tickets: tickets ? order.tickets : [...order.tickets].sort(byStation),
    payments: payments ? order.payments : [...order.payments].sort(byTime),
  };
}

export class OrderRepository {
  private prepared: ReturnType<typeof prepareQueries> | undefined;
  private writes: ReturnType<typeof prepareWrites> | undefined;
  /** By order id, oldest save first: its last save and, once committed, the state it wrote. */
  private readonly kept = new Map<string, Kept>();
  private saves = 0;

  constructor(private readonly db: Db) {}

  private get q(): ReturnType<typeof prepareQueries> {
    this.prepared ??= prepareQueries(this.db);
    return this.prepared;
  }

  /** Prepared on the repository's connection, which is the one every `tx` runs on. */
  private get w(): ReturnType<typeof prepareWrites> {
    this.writes ??= prepareWrites(this.db);
    return this.writes;
  }

  /** The order with its lines, tickets and payments, or undefined. */
  find(id: string): Order | undefined {
    const raw = this.q.order.get({ id });
    if (!raw) return undefined;
    const order = this.one(raw);
    if (!order) throw damagedOrder(raw);
    return order;
  }

  /** The order of a stored row, or undefined (reported) when a line cannot be read: see ./order-rows.ts. */
  private one(raw: OrderRow): Order | undefined {
    const { id } = raw;
    const parsed = parseOrderRows(storageHealthOf(this.db), raw, this.q.lines.all({ id }));
    return parsed && toOrder(parsed.row, parsed.lines, this.q.tickets.all({ id }), this.q.payments.all({ id }));
  }

  /** Those of `lineIds` that lines of stored orders already have (a line id names one line in the store). */
  lineIdsInUse(lineIds: readonly string[]): string[] {
    return lineIds.filter((id) => this.q.lineInUse.get({ id }) !== undefined);
  }

  /** The order, or a `not-found` error. */
  load(id: string): Order {
    const order = this.find(id);
    if (!order) throw new TillboxError('not-found', `no order ${id}`);
    return order;
  }

  /** The order a kitchen ticket belongs to, or a `not-found` error. */
  loadByTicket(ticketId: string): Order {
    const row = this.q.orderOfTicket.get({ id: ticketId });
    if (!row) throw new TillboxError('not-found', `no ticket ${ticketId}`);
    return this.load(row.orderId);
  }

  /** The fingerprint of the request that placed an order (a reused id must bring the same cart). */
  requestHash(id: string): string | undefined {
    return this.q.requestHash.get({ id })?.requestHash;
  }

  /** The next order number of a business day (1 for its first order). */
  nextNumber(tx: Tx, businessDay: string): number {
    void tx; // the prepared statement runs in it: one connection
    const row = this.q.nextNumber.get({ day: businessDay });
    if (!row) throw new Error(`no order number for ${businessDay}`);
    return row.n;
  }

  /** A business day's numbers go on after `number` (an order restored from the cloud's copy of the log had it). */
  keepNumber(tx: Tx, businessDay: string, number: number): void {
    tx.insert(orderNumbers)
      .values({ businessDay, lastNumber: number })
      .onConflictDoUpdate({
        target: orderNumbers.businessDay,
        set: { lastNumber: sql`max(${orderNumbers.lastNumber}, ${number})` },
      })
      .run();
  }

  /**
   * Write a decided state inside `tx` as its difference from `before` (undefined for a new
   * order, which needs the fingerprint of its placing request).
   */
  save(tx: Tx, before: Order | undefined, after: Order, placing?: { requestHash: string }): number {
    const save = this.saving(after.id);
    if (!before) {
      if (!placing) throw new Error('a new order is saved with its request hash');
      this.insertOrder(tx, after, placing.requestHash);
    } else {
      const was = changing(before);
      const now = changing(after);
      if ((Object.keys(now) as (keyof typeof now)[]).some((k) => was[k] !== now[k])) {
        this.w.updateOrder(after.id, now);
      }
      if (
        before.totals !== after.totals ||
        before.pricing !== after.pricing ||
        before.priceInput !== after.priceInput
      ) {
        const { subtotal, discount, tax, total } = after.totals;
        this.w.updateOrder(after.id, { subtotal, discount, tax, total, pricing: storedPricing(after) });
      }
      const oldLines = new Map(before.lines.map((l) => [l.lineId, l]));
      for (const l of after.lines) {
        const old = oldLines.get(l.lineId);
        if (old && old.bumpedAt !== l.bumpedAt) {
          this.w.updateLine(l.lineId, { bumpedAt: l.bumpedAt ?? null });
        }
        if (old && repriced(old, l)) {
          this.w.updateLine(l.lineId, { unitPrice: l.unitPrice, lineTotal: l.lineTotal, detail: lineDetail(l) });
        } else if (old && (old.refundedAt !== l.refundedAt || old.round !== l.round || old.parts !== l.parts)) {
          this.w.updateLine(l.lineId, { detail: lineDetail(l) });
        }
      }
      // Lines added to the placed order, after the others.
      after.lines.forEach((l, position) => {
        if (!oldLines.has(l.lineId)) this.insertLine(after.id, l, position);
      });
    }
    const oldTickets = new Map(before?.tickets.map((t) => [t.id, t]));
    const newTickets = after.tickets.filter((t) => !oldTickets.has(t.id));
    for (const t of newTickets) this.w.insertTicket({ ...t, orderId: after.id, bumpedAt: t.bumpedAt ?? null });
    for (const t of after.tickets) {
      const old = oldTickets.get(t.id);
      if (old && (old.status !== t.status || old.bumpedAt !== t.bumpedAt)) {
        this.w.updateTicket(t.id, { status: t.status, bumpedAt: t.bumpedAt ?? null });
      }
    }
    const oldPayments = new Set(before?.payments.map((p) => p.id));
    const newPayments = after.payments.filter((p) => !oldPayments.has(p.id));
    for (const p of newPayments) {
      this.w.insertPayment({
        id: p.id,
        orderId: after.id,
        method: p.method,
        amount: p.amount,
        refundOf: p.refundOf ?? null,
        tendered: p.tendered ?? null,
        change: p.change ?? null,
        reference: p.reference ?? null,
        cardLast4: p.cardLast4 ?? null,
        at: p.at,
        tip: p.tip ?? 0,
        part: p.part ?? null,
        staffId: p.staffId ?? null,
      });
    }
    return save;
  }

  /**
   * Number a save of order `id`, forgetting the state kept for it: until this save is known to
   * have committed, the order is read (a rolled-back save is never announced, so it stays read).
   */
  private saving(id: string): number {
    const save = ++this.saves;
    this.kept.delete(id);
    this.kept.set(id, { save });
    if (this.kept.size > KEPT_MAX) {
      const oldest = this.kept.keys().next();
      if (!oldest.done) this.kept.delete(oldest.value);
    }
    return save;
  }

  /**
   * Save number `save` of an order, which wrote `order`, has committed: its views are built from
   * that state from now on, unless the order has been saved again since.
   */
  committed(save: number, order: Order): void {
    const kept = this.kept.get(order.id);
    // As decided: put as stored only when a view is asked for (most are asked for by nobody).
    if (kept?.save === save) kept.order = order;
  }

  private insertOrder(tx: Tx, o: Order, requestHash: string): void {
    void tx; // the prepared statements run in it: one connection
    this.w.insertOrder({
      id: o.id,
      number: o.number,
      businessDay: o.businessDay,
      channel: o.channel,
      orderType: o.orderType,
      guestName: o.guestName ?? null,
      tableLabel: o.table ?? null,
      currency: o.totals.currency,
      subtotal: o.totals.subtotal,
      discount: o.totals.discount,
      tax: o.totals.tax,
      total: o.totals.total,
      pricing: storedPricing(o),
      requestHash,
      catalogVersion: o.catalogVersion ?? 0,
      placedAt: o.placedAt,
      promisedAt: o.promisedAt ?? null,
      dueAt: o.dueAt,
      rush: o.rush,
      firePolicy: o.firePolicy,
      fireAt: o.fireAt ?? null,
      placedByDevice: o.placedByDevice ?? null,
      ...changing(o),
    });
    o.lines.forEach((l, position) => this.insertLine(o.id, l, position));
  }

  private insertLine(orderId: string, l: OrderLine, position: number): void {
    this.w.insertLine({
      id: l.lineId,
      orderId,
      position,
      itemId: l.itemId,
      variantId: l.variantId ?? null,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      lineTotal: l.lineTotal,
      station: l.station,
      bumpedAt: l.bumpedAt ?? null,
      detail: lineDetail(l),
    });
  }

  /** Many orders with four queries in all, by id. */
  findMany(ids: readonly string[]): Map<string, Order> {
    const unique = [...new Set(ids)];
    const out = new Map<string, Order>();
    if (unique.length === 0) return out;
    if (unique.length <= FEW) {
      // A live batch's few orders: the prepared statements cost less than building a query for them.
      for (const id of unique) {
        const raw = this.q.order.get({ id });
        const one = raw && this.one(raw);
        if (one) out.set(one.id, one);
      }
      return out;
    }
    const rows = this.db.select(ORDER_COLUMNS).from(orders).where(inArray(orders.id, unique)).all();
    for (const order of this.assemble(rows)) out.set(order.id, order);
    return out;
  }

  /** The views of some orders for screens and the stream (orders that do not exist are left out). */
  views(ids: readonly string[]): Map<string, OrderView> {
    const unread = ids.filter((id) => !this.kept.get(id)?.order);
    const read = unread.length > 0 ? this.findMany(unread) : undefined;
    const out = new Map<string, OrderView>();
    for (const id of ids) {
      const kept = this.kept.get(id)?.order;
      const order = kept ? asStored(kept) : read?.get(id);
      if (order && !out.has(id)) out.set(id, orderView(order));
    }
    return out;
  }

  /**
   * One page of orders by status (and what a screen shows, `scope`), oldest placed first, after
   * the cursor `after` (placed time, id). `next` is where the following page starts; absent on
   * the last page. Open orders are read through the `orders_open_placed` index.
   */
  listPage(query: {
    status: OrderStatus | 'open';
    day: string;
    scope?: OrderScope;
    limit: number;
    after?: { placedAt: number; id: string };
  }): { orders: Order[]; next?: { placedAt: number; id: string } } {
    const { status, day, scope, limit, after } = query;
    const conditions = [
      status === 'open'
        ? OPEN_ORDERS
        : CLOSED.includes(status)
          ? and(eq(orders.status, status), eq(orders.businessDay, day))
          : eq(orders.status, status),
    ];
    if (scope) conditions.push(inArray(orders.status, [...scopeStatuses(scope)]));
    if (after) conditions.push(sql`(${orders.placedAt}, ${orders.id}) > (${after.placedAt}, ${after.id})`);
    const keys = this.db
      .select({ id: orders.id, placedAt: orders.placedAt })
      .from(orders)
      .where(and(...conditions))
      .orderBy(asc(orders.placedAt), asc(orders.id))
      .limit(limit + 1)
      .all();
    const page = keys.slice(0, limit);
    const found = this.findMany(page.map((k) => k.id));
    const last = page.at(-1);
    return {
      orders: page.flatMap((k) => found.get(k.id) ?? []),
      ...(keys.length > limit && last ? { next: last } : {}),
    };
  }

  /**
   * Kiosk orders placed before `cutoff` and still unpaid, oldest first, after the cursor `after`
   * (the core decides whether each expires).
   */
  unpaidKioskBefore(
    cutoff: number,
    limit: number,
    after?: { placedAt: number; id: string },
  ): { placedAt: number; id: string }[] {
    const conditions = [
      OPEN_ORDERS,
      eq(orders.status, 'placed'),
      eq(orders.payment, 'unpaid'),
      eq(orders.channel, 'kiosk'),
      lt(orders.placedAt, cutoff),
    ];
    if (after) conditions.push(sql`(${orders.placedAt}, ${orders.id}) > (${after.placedAt}, ${after.id})`);
    return this.db
      .select({ id: orders.id, placedAt: orders.placedAt })
      .from(orders)
      .where(and(...conditions))
      .orderBy(asc(orders.placedAt), asc(orders.id))
      .limit(limit)
      .all();
  }

  /** App and online orders still open (not picked up) that were due before `cutoff`, oldest placed first. */
  unpickedInboundBefore(
    cutoff: number,
    limit: number,
    after?: { placedAt: number; id: string },
  ): { placedAt: number; id: string }[] {
    const conditions = [OPEN_ORDERS, inArray(orders.channel, ['app', 'online']), lt(orders.dueAt, cutoff)];
    if (after) conditions.push(sql`(${orders.placedAt}, ${orders.id}) > (${after.placedAt}, ${after.id})`);
    return this.db
      .select({ id: orders.id, placedAt: orders.placedAt })
      .from(orders)
      .where(and(...conditions))
      .orderBy(asc(orders.placedAt), asc(orders.id))
      .limit(limit)
      .all();
  }

  private assemble(rows: OrderRow[]): Order[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const lines = groupBy(
      this.db
        .select(LINE_COLUMNS)
        .from(orderLines)
        .where(inArray(orderLines.orderId, ids))
        .orderBy(asc(orderLines.position))
        .all(),
      (l) => l.orderId,
    );
    const ticketRows = groupBy(
      this.db.select().from(tickets).where(inArray(tickets.orderId, ids)).orderBy(asc(tickets.station)).all(),
      (t) => t.orderId,
    );
    const paymentRows = groupBy(
      this.db
        .select()
        .from(payments)
        .where(inArray(payments.orderId, ids))
        .orderBy(asc(payments.at), sql`rowid`)
        .all(),
      (p) => p.orderId,
    );
    return rows.flatMap((r) => {
      const parsed = parseOrderRows(storageHealthOf(this.db), r, lines.get(r.id) ?? []);
      return parsed ? [toOrder(parsed.row, parsed.lines, ticketRows.get(r.id) ?? [], paymentRows.get(r.id) ?? [])] : [];
    });
  }
}
