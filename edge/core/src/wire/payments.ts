/**
 * Card payments that need a person: an approval the store could not record whose reversal has
 * not gone through yet (retried by itself), or a payment whose outcome the terminal could not
 * tell after a restart. No card data: amount, the terminal's reference, times.
 */
import { z } from 'zod';
import { PAYMENT_INTENT_STATUSES } from '../orders/payment-intent.js';

export const paymentAttentionItemSchema = z.object({
  intentId: z.string(),
  orderId: z.string(),
  orderNumber: z.int().optional().describe('The order’s number on its business day'),
  businessDay: z.string().optional(),
  method: z.enum(['card']),
  amount: z.int().describe('Minor units'),
  currency: z.string(),
  status: z.enum(PAYMENT_INTENT_STATUSES),
  reference: z.string().optional().describe('The terminal’s transaction reference'),
  reason: z.string().describe('What happened and what to do, in words for a manager'),
  reversalAttempts: z.int().min(0),
  lastError: z.string().optional(),
  nextAttemptAt: z.string().optional().describe('When the edge tries the reversal again'),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type PaymentAttentionItem = z.infer<typeof paymentAttentionItemSchema>;

export const paymentAttentionSchema = z.object({
  items: z.array(paymentAttentionItemSchema).describe('Oldest first'),
});
export type PaymentAttention = z.infer<typeof paymentAttentionSchema>;
