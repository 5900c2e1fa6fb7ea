/**
 * Refunds: what a refund of some lines of a placed order gives back, computed by the pricing
 * engine's {@link refundLine} from the line as it was priced (total, net, discount, tax by rate),
 * so the counter's preview and the edge's refund are the same cents; and which of the order's
 * tenders the money goes back to ({@link allocateRefund}).
 */
import { refundLine, type LineRefund } from '../commerce/refund.js';
import type { PriceResult } from '../commerce/types.js';
import { TillboxError } from '../errors.js';
import type { PaymentMethod } from '../events/catalogue.js';
import { applyOrderCommand } from '../order-lifecycle.js';
import type { OrderCommand, OrderEnv } from './decide.js';
import { paidNet, type Order, type OrderEvent, type OrderPayment } from './order.js';

export function refundsForLines(order: Pick<Order, 'lines'>, lineIds: readonly string[]): LineRefund[] {
  const lines = order.lines.map((l) => ({
    lineId: l.lineId,
    quantity: l.quantity,
    total: l.total,
    discount: l.discount,
    // Orders placed before lines kept their net and taxes: tax was added on top of the net.
    net: l.net ?? l.total - l.tax,
    tax: l.tax,
    taxes: l.taxes ?? [],
  }));
  // refundLine reads only `lines` of the price result, and of each line only the fields above.
  const priced = { lines } as unknown as PriceResult;
  return lineIds.map((id) => refundLine(priced, id));
}

/** Where a refund's money goes: which payment, how much of the sale and of its tip, and its part. */
export type RefundAllocation = {
  refundOf: string;
  method: PaymentMethod;
  amount: number;
  tip?: number;
  part?: number;
}[];

/** What is left to give back of each payment taken (sale and tip), in the order they were taken. */
export function refundableTenders(
  order: Pick<Order, 'payments'>,
): { payment: OrderPayment; amount: number; tip: number }[] {
  return order.payments
    .filter((p) => p.refundOf === undefined && (p.amount > 0 || (p.tip ?? 0) > 0))
    .map((p) => {
      const back = order.payments.filter((r) => r.refundOf === p.id);
      return {
        payment: p,
        amount: p.amount + back.reduce((s, r) => s + r.amount, 0),
        tip: (p.tip ?? 0) + back.reduce((s, r) => s + (r.tip ?? 0), 0),
      };
    });
}

const invalid = (message: string, path = 'to'): TillboxError =>
  new TillboxError('validation', message, { details: [{ path, message }] });

/**
 * Give `amount` of the sale back to the tenders it was taken on — never more to a tender than
 * is left of it. `to` names the tenders and how much each gets (the guest's choice); otherwise
 * the lines' own part of a bill split by lines pays back first, then the tenders in the order they
 * were taken. A whole-order refund (`withTips`) also gives back each tender's tip.
 */
export function allocateRefund(
  order: Pick<Order, 'payments' | 'split' | 'number'>,
  amount: number,
  options: { lineIds?: readonly string[]; to?: readonly { paymentId: string; amount: number }[]; withTips?: boolean },
): RefundAllocation {
  const tenders = refundableTenders(order);
  const out: RefundAllocation = [];
  const add = (t: (typeof tenders)[number], take: number): void => {
    const tip = options.withTips ? t.tip : 0;
    if (take <= 0 && tip <= 0) return;
    const entry: RefundAllocation[number] = { refundOf: t.payment.id, method: t.payment.method, amount: take };
    if (tip > 0) entry.tip = tip;
    if (t.payment.part !== undefined) entry.part = t.payment.part;
    out.push(entry);
  };
  if (options.to) {
    const named = new Map<string, number>();
    for (const [i, r] of options.to.entries()) {
      const t = tenders.find((x) => x.payment.id === r.paymentId);
      if (!t) throw invalid(`order ${order.number} has no payment ${r.paymentId} to refund to`, `to.${i}.paymentId`);
      if (named.has(r.paymentId)) throw invalid(`payment ${r.paymentId} is named twice`, `to.${i}.paymentId`);
      if (!Number.isSafeInteger(r.amount) || r.amount < 1 || r.amount > t.amount)
        throw invalid(`payment ${r.paymentId} has ${t.amount} left to give back, not ${r.amount}`, `to.${i}.amount`);
      named.set(r.paymentId, r.amount);
    }
    const sum = [...named.values()].reduce((s, x) => s + x, 0);
    if (sum !== amount) throw invalid(`the tenders named come to ${sum}, but the refund is ${amount}`);
    for (const t of tenders) add(t, named.get(t.payment.id) ?? 0);
    return out;
  }
  const plan = order.split;
  const ownParts = new Set<number>();
  if (plan?.kind === 'lines' && options.lineIds) {
    plan.parts.forEach((ids, i) => {
      if (ids.some((id) => options.lineIds?.includes(id))) ownParts.add(i + 1);
    });
  }
  const ordered = [
    ...tenders.filter((t) => t.payment.part !== undefined && ownParts.has(t.payment.part)),
    ...tenders.filter((t) => t.payment.part === undefined || !ownParts.has(t.payment.part)),
  ];
  let due = amount;
  for (const t of ordered) {
    const take = Math.min(due, t.amount);
    add(t, take);
    due -= take;
  }
  if (due > 0) throw new TillboxError('conflict', `order ${order.number} has only ${amount - due} left to give back`);
  return out;
}

/**
 * `order.refunded`: the whole order back to its tenders (tips too), or some lines with the amounts
 * `refundLine` gives (a partly paid order only whole); each tender gets no more than is left of it.
 */
export function decideRefund(
  order: Order,
  command: Extract<OrderCommand, { kind: 'refund' }>,
  env: Pick<OrderEnv, 'newId'>,
): OrderEvent {
  const reason = command.reason.trim();
  if (reason === '' || reason.length > 200)
    throw new TillboxError('validation', 'a refund needs a reason (up to 200 characters)', {
      details: [{ path: 'reason', message: 'say why' }],
    });
  applyOrderCommand(order, 'refund'); // paid or partly paid, and not already refunded
  const left = paidNet(order);
  if (left <= 0) throw new TillboxError('conflict', `order ${order.number} has nothing left to refund`);
  let amount = left;
  let lineIds: string[] | undefined;
  if (command.lines) {
    if (order.payment !== 'paid')
      throw new TillboxError(
        'conflict',
        `order ${order.number} is not paid in full: refund what was taken (the whole order), or take the rest first`,
      );
    if (command.lines.length === 0) throw new TillboxError('validation', 'name at least one line to refund');
    const seen = new Set<string>();
    amount = 0;
    for (const r of command.lines) {
      const line = order.lines.find((l) => l.lineId === r.lineId);
      if (!line) throw new TillboxError('not-found', `order ${order.number} has no line ${r.lineId}`);
      if (seen.has(r.lineId)) throw new TillboxError('validation', `line ${r.lineId} is named twice`);
      if (line.refundedAt !== undefined) throw new TillboxError('conflict', `line ${r.lineId} is already refunded`);
      if (!Number.isSafeInteger(r.amount) || r.amount < 1 || r.amount > line.total) {
        throw new TillboxError(
          'validation',
          `a refund of ${r.amount} for line ${r.lineId} is not between 1 and ${line.total}`,
        );
      }
      seen.add(r.lineId);
      amount += r.amount;
    }
    if (amount > left) {
      throw new TillboxError('validation', `the lines come to ${amount} but only ${left} is left to refund`);
    }
    lineIds = [...seen];
  }
  // Back to the original tenders: each gets no more than is left of it.
  const allocation = allocateRefund(order, amount, {
    ...(lineIds ? { lineIds } : {}),
    ...(command.to ? { to: command.to } : {}),
    withTips: lineIds === undefined,
  });
  const refunds = allocation.map((a) => ({ paymentId: env.newId(), ...a, ...(lineIds ? { lineIds } : {}) }));
  return { type: 'order.refunded', data: { orderId: order.id, refunds, full: amount === left, reason } };
}
