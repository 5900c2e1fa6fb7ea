/**
 * Taking money for an order: split tender. Each tender (card, cash, external) pays any amount up
 * to what is still due — of the order, or of the part of a split bill it names — and the order is
 * paid when its tenders cover the total. Cash gives change only on the cash that pays the rest; a
 * card never takes more than is due. A tip rides on a card payment apart from the sale: it is not
 * part of the amount, and it belongs to the staff member who took the payment.
 *
 * What each tender may do is one row of {@link TENDERS}. Loyalty rewards are not a tender: they
 * are redeemed through the pricing engine (a reward discount in the order's price, its points in
 * `pricing.loyaltyPointsRedeemed`; `../loyalty`). Points spent as money would be a row here —
 * never over what is due, no change, no tip — and a payment method in the catalogue.
 */
import type { CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import type { PaymentMethod } from '../events/catalogue.js';
import { applyOrderCommand } from '../order-lifecycle.js';
import type { Order, OrderEvent } from './order.js';
import { amountDue } from './order-view.js';
import { splitParts } from './split.js';

/** What a tender may do. */
interface TenderRule {
  /** More than is due: `change` (cash, given back on the tender that pays the rest), or refused. */
  overpay: 'change' | 'never';
  /** A tip may ride on it. */
  tips: boolean;
  /** Who may take it: a guest at a kiosk too, or staff (and the edge's own recovery) only. */
  guests: boolean;
}

export const TENDERS: Readonly<Record<PaymentMethod, TenderRule>> = {
  card: { overpay: 'never', tips: true, guests: true },
  cash: { overpay: 'change', tips: false, guests: true },
  external: { overpay: 'never', tips: false, guests: false },
};

/** A tender as a command gives it. */
export type TenderRequest =
  | {
      method: 'card';
      /** Towards the order (the sale), at most what is due. */
      amount: number;
      tip?: number;
      part?: number;
      reference: string;
      cardLast4?: string;
      /** The payment intent it completes (the order's open one, if it has one). */
      intentId?: string;
    }
  | {
      method: 'cash';
      tendered: number;
      /** Towards the order; all the cash, up to what is due, when left out. */
      amount?: number;
      part?: number;
    }
  | { method: 'external'; amount: number; part?: number; reference: string };

const invalid = (path: string, message: string): TillboxError =>
  new TillboxError('validation', message, { details: [{ path, message }] });

/** Where a tender goes and what is due there: the order, or the part of its split bill it names. */
export function dueFor(order: Order, part: number | undefined): number {
  if (!order.split) {
    if (part !== undefined) throw invalid('part', `the bill of order ${order.number} is not split: leave the part out`);
    return amountDue(order);
  }
  const parts = splitParts(order);
  if (part === undefined)
    throw invalid('part', `the bill of order ${order.number} is split in ${parts.length}: name the part this pays`);
  const found = parts.find((p) => p.part === part);
  if (!found) throw invalid('part', `the bill of order ${order.number} has no part ${part} (1 to ${parts.length})`);
  if (found.due === 0 && found.amount > 0)
    throw new TillboxError('conflict', `part ${part} of order ${order.number} is paid`);
  return found.due;
}

function checkAmount(amount: number, due: number, method: PaymentMethod): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw invalid('amount', 'an amount is whole minor units, 0 or more');
  if (amount > due)
    throw invalid('amount', `a ${method} payment of ${amount} is more than the ${due} due: it never takes more`);
  if (amount === 0 && due > 0) throw invalid('amount', 'a payment takes something: more than 0');
}

/** Checks that a tender may be taken now, for an amount up to what is due; answers what is due where it goes. */
export function checkTender(
  order: Order,
  tender: { method: PaymentMethod; amount: number; part?: number; tip?: number },
  cmd: CommandContext,
): number {
  applyOrderCommand(order, 'pay'); // not paid in full yet, not cancelled, voided or refunded
  const rule = TENDERS[tender.method];
  const guest = cmd.actor.kind === 'guest';
  if (guest && !rule.guests) throw new TillboxError('forbidden', `a kiosk does not take ${tender.method} payments`);
  const due = dueFor(order, tender.part);
  if (guest && tender.amount !== due)
    throw invalid('amount', `a kiosk pays the whole order: ${due}, not ${tender.amount}`);
  checkAmount(tender.amount, due, tender.method);
  if (tender.tip !== undefined) {
    if (!rule.tips) throw invalid('tip', `tips are not taken on ${tender.method} payments`);
    if (!Number.isSafeInteger(tender.tip) || tender.tip < 0)
      throw invalid('tip', 'a tip is whole minor units, 0 or more');
  }
  return due;
}

type Recorded = Extract<OrderEvent, { type: 'order.paid' }>['data']['payment'];

/**
 * The event of one tender: `order.paid` when it leaves nothing due on the order, else
 * `order.payment-taken` with what is still due. Throws when it may not be taken.
 */
export function decideTender(order: Order, tender: TenderRequest, cmd: CommandContext, paymentId: string): OrderEvent {
  let amount: number;
  let cash: { tendered: number; change: number } | undefined;
  if (tender.method === 'cash') {
    const { tendered } = tender;
    if (!Number.isSafeInteger(tendered) || tendered < 0)
      throw invalid('tendered', 'cash tendered is whole minor units');
    const due = dueFor(order, tender.part);
    amount = tender.amount ?? Math.min(tendered, due);
    if (amount > tendered) throw invalid('amount', `not enough cash: ${tendered} tendered for ${amount}`);
    if (tendered === 0 && due > 0) throw invalid('tendered', 'no cash tendered');
    const change = tendered - amount;
    // Change only on the cash that pays the rest: a smaller cash tender is all of it towards the order.
    if (change > 0 && amount < due)
      throw invalid('tendered', `change is given only on the cash that pays the rest (${due} due)`);
    cash = { tendered, change };
  } else {
    amount = tender.amount;
  }
  const tip = tender.method === 'card' ? tender.tip : undefined;
  checkTender(
    order,
    { method: tender.method, amount, ...partOf(tender.part), ...(tip !== undefined ? { tip } : {}) },
    cmd,
  );
  if (tender.method === 'card' && tender.intentId !== undefined && order.paymentInProgress?.id !== tender.intentId) {
    throw new TillboxError('conflict', `the card payment of order ${order.number} is no longer in progress`);
  }
  const recorded: Recorded = { id: paymentId, method: tender.method, amount };
  if (tip !== undefined && tip > 0) recorded.tip = tip;
  if (tender.part !== undefined) recorded.part = tender.part;
  if (cmd.actor.kind === 'staff') recorded.staffId = cmd.actor.id;
  if (cash) {
    recorded.tendered = cash.tendered;
    recorded.change = cash.change;
  }
  if (tender.method !== 'cash') recorded.reference = tender.reference;
  if (tender.method === 'card' && tender.cardLast4 !== undefined) recorded.cardLast4 = tender.cardLast4;
  const left = amountDue(order) - amount;
  return left > 0
    ? { type: 'order.payment-taken', data: { orderId: order.id, payment: recorded, due: left } }
    : { type: 'order.paid', data: { orderId: order.id, payment: recorded } };
}

const partOf = (part: number | undefined): { part?: number } => (part === undefined ? {} : { part });
