/**
 * The order as the screens see it: its lines, tickets and payments, what is still due, the tips
 * apart from the sale, each part of a split bill with what it has paid and has due, and whose
 * open ticket it is.
 */
import type { OrderLineView, OrderView, PaymentView, TicketView } from '../wire/api.js';
import { bumpedAtStation, madeAt } from '../kitchen/line-stations.js';
import { paidNet, put, type Millis, type Order, type OrderLine, type OrderPayment, type OrderTicket } from './order.js';
import { splitParts } from './split.js';

const iso = (t: Millis | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

/** Still to pay on the order, minor units: nothing once it is paid (refunds do not make it due again). */
export function amountDue(order: Pick<Order, 'payment' | 'payments' | 'totals'>): number {
  if (order.payment === 'paid' || order.payment === 'refunded') return 0;
  return Math.max(0, order.totals.total - paidNet(order));
}

/** Tips taken with the order's payments, net of tips given back. */
export function tipTotal(order: Pick<Order, 'payments'>): number {
  return order.payments.reduce((s, p) => s + (p.tip ?? 0), 0);
}

function lineView(l: OrderLine): OrderLineView {
  const view: OrderLineView = {
    lineId: l.lineId,
    itemId: l.itemId,
    name: l.name,
    modifiers: l.modifiers,
    quantity: l.quantity,
    station: l.station,
    allergens: l.allergens,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal,
    discount: l.discount,
    tax: l.tax,
    total: l.total,
  };
  put(view, 'variantId', l.variantId);
  put(view, 'variantName', l.variantName);
  put(view, 'note', l.note);
  put(
    view,
    'parts',
    l.parts?.map(({ bumpedAt: _, ...part }) => part),
  );
  put(view, 'round', l.round);
  put(view, 'refundedAt', iso(l.refundedAt));
  return view;
}

function ticketView(t: OrderTicket, lines: readonly OrderLine[]): TicketView {
  const view: TicketView = {
    id: t.id,
    station: t.station,
    status: t.status,
    firedAt: new Date(t.firedAt).toISOString(),
    items: lines
      .filter((l) => madeAt(l, t.station))
      .map((l) => {
        const bumpedAt = bumpedAtStation(l, t.station);
        return bumpedAt === undefined ? { lineId: l.lineId } : { lineId: l.lineId, bumpedAt: iso(bumpedAt) };
      }),
  };
  put(view, 'bumpedAt', iso(t.bumpedAt));
  return view;
}

function paymentView(p: OrderPayment): PaymentView {
  const view: PaymentView = { id: p.id, method: p.method, amount: p.amount, at: new Date(p.at).toISOString() };
  put(view, 'tip', p.tip);
  put(view, 'part', p.part);
  put(view, 'staffId', p.staffId);
  put(view, 'refundOf', p.refundOf);
  put(view, 'tendered', p.tendered);
  put(view, 'change', p.change);
  put(view, 'reference', p.reference);
  put(view, 'cardLast4', p.cardLast4);
  return view;
}

/** The order as the screens show it. */
export function orderView(order: Order): OrderView {
  const view: OrderView = {
    id: order.id,
    number: order.number,
    businessDay: order.businessDay,
    status: order.status,
    payment: order.payment,
    dueAt: new Date(order.dueAt).toISOString(),
    rush: order.rush,
    tickets: order.tickets.map((t) => ticketView(t, order.lines)),
    payments: order.payments.map(paymentView),
    channel: order.channel,
    orderType: order.orderType,
    lines: order.lines.map(lineView),
    totals: order.totals,
    placedAt: new Date(order.placedAt).toISOString(),
  };
  put(view, 'guestName', order.guestName);
  put(view, 'memberId', order.priceInput?.context.customer?.id);
  put(view, 'table', order.table);
  put(view, 'pricing', order.pricing);
  put(view, 'promisedAt', iso(order.promisedAt));
  put(view, 'paidAt', iso(order.paidAt));
  put(view, 'firedAt', iso(order.firedAt));
  put(view, 'readyAt', iso(order.readyAt));
  put(view, 'pickedUpAt', iso(order.pickedUpAt));
  put(view, 'closedAt', iso(order.closedAt));
  view.due = amountDue(order);
  view.tipTotal = tipTotal(order);
  if (order.split) view.split = { kind: order.split.kind, parts: splitParts(order) };
  if (order.owner) view.owner = { ...order.owner };
  put(view, 'heldAt', iso(order.heldAt));
  return view;
}
