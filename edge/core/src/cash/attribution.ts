/**
 * Which events of the log move cash through a drawer, and how much: a cash tender of an order
 * (`order.paid`, or `order.payment-taken` for one part of a split tender) puts its amount and any
 * tip taken with it into the drawer; a cash refund (`order.refunded`) takes its amount and tip
 * back out. The drawer is the one the event's device is assigned to, and the cash counts only
 * while that drawer's session is open — the edge records each such payment as a drawer move in
 * the payment's own transaction, and the Z report can re-derive the same figures from the log
 * with this one function.
 */
import { z } from 'zod';

export interface CashTaken {
  direction: 'sale' | 'refund';
  /** Minor units into (sale) or out of (refund) the drawer. */
  amount: number;
  orderId: string;
  paymentId: string;
}

const tender = z.object({
  id: z.string(),
  method: z.string(),
  amount: z.int().min(0),
  tip: z.int().min(0).optional(),
});
const paid = z.object({ orderId: z.string(), payment: tender });
const refunded = z.object({
  orderId: z.string(),
  refunds: z.array(tender.omit({ id: true }).extend({ paymentId: z.string() })),
});

/** Event types that can carry cash. */
export const CASH_EVENT_TYPES: ReadonlySet<string> = new Set(['order.paid', 'order.payment-taken', 'order.refunded']);

/** The cash an event moves (none for an event that is not a cash tender or a cash refund). */
export function cashTakenBy(event: { type: string; data: unknown }): CashTaken[] {
  if (event.type === 'order.paid' || event.type === 'order.payment-taken') {
    const parsed = paid.safeParse(event.data);
    if (!parsed.success || parsed.data.payment.method !== 'cash') return [];
    const { orderId, payment } = parsed.data;
    const amount = payment.amount + (payment.tip ?? 0);
    return amount > 0 ? [{ direction: 'sale', amount, orderId, paymentId: payment.id }] : [];
  }
  if (event.type === 'order.refunded') {
    const parsed = refunded.safeParse(event.data);
    if (!parsed.success) return [];
    const { orderId } = parsed.data;
    return parsed.data.refunds
      .filter((r) => r.method === 'cash' && r.amount + (r.tip ?? 0) > 0)
      .map((r) => ({ direction: 'refund', amount: r.amount + (r.tip ?? 0), orderId, paymentId: r.paymentId }));
  }
  return [];
}
