/**
 * Card payments not settled when a report is made, a snapshot for it (payment intents are not
 * events): charges the terminal is being asked for right now, and those a person must look at
 * (an outcome nobody knows, a reversal not through yet) as `GET /payments/attention` lists them.
 */
import type { PaymentAttention, PendingCardPayment } from '@tillbox/core';

interface OpenIntent {
  id: string;
  orderId: string;
  amount: number;
}

export function pendingCardPayments(open: readonly OpenIntent[], attention: PaymentAttention): PendingCardPayment[] {
  const out: PendingCardPayment[] = open.map((i) => ({
    intentId: i.id,
    orderId: i.orderId,
    amount: i.amount,
    status: 'open',
    reason: 'The card terminal is being asked for this payment',
  }));
  const seen = new Set(out.map((p) => p.intentId));
  for (const item of attention.items) {
    if (seen.has(item.intentId)) continue;
    out.push({
      intentId: item.intentId,
      orderId: item.orderId,
      ...(item.orderNumber !== undefined ? { orderNumber: item.orderNumber } : {}),
      amount: item.amount,
      status: item.status,
      reason: item.reason.slice(0, 400),
    });
  }
  return out;
}
