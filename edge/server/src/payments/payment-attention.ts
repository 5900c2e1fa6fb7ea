/**
 * Card payments a person should look at, as the admin's attention list shows them: reversals not
 * yet through, outcomes nobody knows, approvals offline not yet settled. No card data: amount,
 * the terminal's reference, times.
 */
import type { PaymentAttention } from '@tillbox/core';
import type { OrderRepository } from '../orders/order-repository.js';
import type { PaymentIntentRepository } from './payment-intent-repository.js';

export function paymentAttention(intents: PaymentIntentRepository, orderRepository: OrderRepository): PaymentAttention {
  const rows = intents.needingAttention();
  const orders = orderRepository.findMany(rows.map((r) => r.orderId));
  const iso = (t: number): string => new Date(t).toISOString();
  return {
    items: rows.map((r) => {
      const order = orders.get(r.orderId);
      return {
        intentId: r.id,
        orderId: r.orderId,
        ...(order ? { orderNumber: order.number, businessDay: order.businessDay } : {}),
        method: r.method,
        amount: r.amount,
        currency: r.currency,
        status: r.status,
        ...(r.reference ? { reference: r.reference } : {}),
        reason: r.attention ?? '',
        reversalAttempts: r.reversalAttempts,
        ...(r.lastError ? { lastError: r.lastError } : {}),
        ...(r.status === 'reversal-pending' && r.nextAttemptAt !== null ? { nextAttemptAt: iso(r.nextAttemptAt) } : {}),
        startedAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
      };
    }),
  };
}
