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

/**
 * Card payments the terminal approved offline (store-and-forward) that no reconciliation has
 * settled: the store's exposure if the bank refuses them later, against its caps.
 */
export const offlineExposureSchema = z.object({
  currency: z.string(),
  total: z.int().describe('Minor units: what the pending offline approvals took, tips included'),
  count: z.int().min(0),
  maxPerTransaction: z.int().describe('Largest payment the terminal may approve offline (minor units; 0: none)'),
  maxTotal: z.int().describe('Offline approvals stop once pending ones would pass this (minor units)'),
  items: z
    .array(
      z.object({
        intentId: z.string(),
        orderId: z.string(),
        orderNumber: z.int().optional(),
        businessDay: z.string().optional(),
        amount: z.int().describe('Minor units, tip included'),
        reference: z.string().optional().describe('The terminal’s transaction reference'),
        cardLast4: z.string().optional(),
        approvedAt: z.string(),
      }),
    )
    .describe('Oldest first'),
  lastReconciliation: z
    .object({
      at: z.string(),
      settled: z.boolean(),
      settledPayments: z.int().min(0),
      message: z.string().optional(),
    })
    .optional()
    .describe('The last reconciliation with the terminal since the edge started'),
});
export type OfflineExposure = z.infer<typeof offlineExposureSchema>;

/** A reconciliation with the terminal: its totals, and how many offline approvals it settled. */
export const reconciliationResultSchema = z.object({
  at: z.string(),
  settled: z.boolean().describe('The terminal reached its acquirer: what it stored offline was forwarded'),
  settledPayments: z.int().min(0).describe('Offline approvals marked settled'),
  period: z.string().optional().describe('The terminal’s id of the period it closed'),
  totals: z.array(
    z.object({
      brand: z.string(),
      currency: z.string(),
      sales: z.int(),
      salesCount: z.int(),
      refunds: z.int(),
      refundsCount: z.int(),
    }),
  ),
  message: z.string().optional(),
});
export type ReconciliationResult = z.infer<typeof reconciliationResultSchema>;

/** What the virtual card terminal does with the next sales (the demo's and the tests' terminal). */
export const VIRTUAL_TERMINAL_BEHAVIOURS = [
  'approve',
  'decline',
  'timeout',
  'cancel',
  'card-removed',
  'offline',
  'lost-answer',
] as const;
export type VirtualTerminalBehaviour = (typeof VIRTUAL_TERMINAL_BEHAVIOURS)[number];

export const virtualTerminalControlSchema = z
  .object({
    mode: z
      .enum(VIRTUAL_TERMINAL_BEHAVIOURS)
      .optional()
      .describe(
        'What every sale does from now on: approve; decline (the issuer refuses); timeout (no card is presented until the terminal gives up); cancel (cancelled on the terminal); card-removed; offline (the bank cannot be reached: approved store-and-forward when allowed); lost-answer (approved, but the answer never reaches the edge)',
      ),
    next: z
      .array(z.enum(VIRTUAL_TERMINAL_BEHAVIOURS))
      .max(20)
      .optional()
      .describe('One-off behaviours for the next sales, in order, before the mode applies again (replaces the list)'),
    cardWaitMs: z.int().min(0).max(60_000).optional().describe('How long the guest takes to present a card'),
    timeoutMs: z
      .int()
      .min(10)
      .max(300_000)
      .optional()
      .describe('How long the terminal waits for a card before it gives up'),
    tipPercent: z.int().min(0).max(100).optional().describe('The tip a guest chooses when the terminal asks for one'),
  })
  .strict();
export type VirtualTerminalControl = z.infer<typeof virtualTerminalControlSchema>;

export const virtualTerminalStateSchema = z.object({
  poiId: z.string(),
  mode: z.enum(VIRTUAL_TERMINAL_BEHAVIOURS),
  next: z.array(z.enum(VIRTUAL_TERMINAL_BEHAVIOURS)),
  cardWaitMs: z.int(),
  timeoutMs: z.int(),
  tipPercent: z.int(),
  inProgress: z.boolean().describe('A sale is waiting for the guest on the terminal'),
  storedOffline: z.int().describe('Sales approved offline, not yet forwarded to the acquirer'),
  refusedMessages: z.int().describe('Requests refused because they did not decrypt or authenticate'),
  transactions: z
    .array(
      z.object({
        kind: z.enum(['payment', 'refund']),
        serviceId: z.string(),
        merchantReference: z.string(),
        amount: z.int().describe('Minor units, tip included'),
        tip: z.int(),
        currency: z.string(),
        outcome: z.string(),
        reference: z.string().optional(),
        brand: z.string().optional(),
        cardLast4: z.string().optional(),
        offline: z.boolean(),
        forwarded: z.boolean(),
        at: z.string(),
      }),
    )
    .describe('The latest first, at most 50'),
});
export type VirtualTerminalState = z.infer<typeof virtualTerminalStateSchema>;
