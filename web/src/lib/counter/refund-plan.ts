/**
 * Refunds and voids at the counter, previewed by the core's own rules before a manager approves:
 * what a refund of some lines gives back (`refundsForLines`: each line's total, as it was priced)
 * and which tenders it goes back to (`allocateRefund`: the lines' own part of a bill split by lines
 * first, then the tenders in the order they were taken, never more to a tender than it gave; a
 * whole refund gives the tips back too). The edge decides with the same functions.
 *
 * Pure: no Svelte, no DOM.
 */
import { allocateRefund, applyOrderCommand, refundsForLines, type OrderView, type PaymentMethod } from '@tillbox/core';

export interface RefundTender {
  readonly paymentId: string;
  readonly method: PaymentMethod;
  readonly cardLast4: string | undefined;
  readonly amount: number;
  readonly tip: number;
}

export interface RefundPreview {
  /** Of the sale (tips apart). */
  readonly amount: number;
  readonly tips: number;
  readonly tenders: readonly RefundTender[];
}

/** Lines a refund by lines can still give back. */
export function refundableLines(order: OrderView): OrderView['lines'] {
  return order.lines.filter((l) => l.refundedAt === undefined && (l.total ?? l.lineTotal) > 0);
}

/** The order as the core's refund rules read it (payments' times in ms). */
function asOrder(order: OrderView) {
  return {
    number: order.number,
    split: order.split
      ? order.split.kind === 'even'
        ? { kind: 'even' as const, count: order.split.parts.length }
        : { kind: 'lines' as const, parts: order.split.parts.map((p) => p.lineIds ?? []) }
      : undefined,
    payments: order.payments.map((p) => ({ ...p, at: Date.parse(p.at) })),
    lines: order.lines.map((l) => ({ ...l, total: l.total ?? l.lineTotal - l.discount })),
  };
}

/**
 * What refunding `lineIds` (or the whole order, `'all'`) gives back and to which tenders, or why
 * it cannot be done.
 */
export function refundPreview(order: OrderView, lineIds: readonly string[] | 'all'): RefundPreview | string {
  const core = asOrder(order);
  try {
    let amount: number;
    if (lineIds === 'all') {
      amount = order.payments.reduce((s, p) => s + p.amount, 0);
    } else {
      if (lineIds.length === 0) return 'Choose the lines to refund.';
      if (order.payment !== 'paid') return 'Only a paid order is refunded by lines: refund it whole.';
      // refundsForLines and allocateRefund read only the fields asOrder gives them.
      amount = refundsForLines(core as unknown as Parameters<typeof refundsForLines>[0], lineIds).reduce(
        (s, r) => s + r.amount,
        0,
      );
    }
    if (amount <= 0) return 'There is nothing left to give back.';
    const allocation = allocateRefund(core as unknown as Parameters<typeof allocateRefund>[0], amount, {
      ...(lineIds === 'all' ? {} : { lineIds }),
      withTips: lineIds === 'all',
    });
    const tenders = allocation.map((a) => ({
      paymentId: a.refundOf,
      method: a.method,
      cardLast4: order.payments.find((p) => p.id === a.refundOf)?.cardLast4,
      amount: a.amount,
      tip: a.tip ?? 0,
    }));
    return { amount, tips: tenders.reduce((s, t) => s + t.tip, 0), tenders };
  } catch (e) {
    return e instanceof Error ? e.message : 'This refund cannot be made.';
  }
}

export type OrderAction = 'refund' | 'void';

/** What a manager can do to `order` now, by the core's lifecycle (a partly paid order is refunded before its void). */
export function orderActions(order: Pick<OrderView, 'status' | 'payment'>): OrderAction[] {
  const out: OrderAction[] = [];
  for (const action of ['refund', 'void'] as const) {
    try {
      applyOrderCommand({ status: order.status, payment: order.payment }, action);
      out.push(action);
    } catch {
      // not in this state
    }
  }
  return out;
}
