/**
 * A card payment under way: the edge writes a payment intent (committed) before it asks the
 * terminal, and while an order has an open one the order aggregate refuses whatever would race
 * the card: cancelling, voiding, expiring, a second payment, a discount or a price change. The
 * intent ends approved (the payment recorded with it), declined, failed (no answer), or — when
 * the terminal approved but the payment could not be recorded — `reversal-pending` until the
 * terminal has given the money back (`reversed`). A sale the terminal approved offline
 * (store-and-forward: the bank has not seen it yet) is recorded like any other and stays
 * `approved-offline` until a reconciliation with the terminal settles it (`approved`). No card
 * data: amount, the terminal's reference and times only.
 */
import type { Millis } from './order.js';

export const PAYMENT_INTENT_STATUSES = [
  'open',
  'approved',
  'approved-offline',
  'declined',
  'failed',
  'reversal-pending',
  'reversed',
] as const;
export type PaymentIntentStatus = (typeof PAYMENT_INTENT_STATUSES)[number];

/** The open intent of an order, as its aggregate is loaded with it (not part of the event history). */
export interface OpenPaymentIntent {
  id: string;
  method: 'card';
  /** Towards the order (the sale). */
  amount: number;
  /** A tip entered on the screen, charged with the amount (absent when the terminal asks for one). */
  tip?: number;
  /** The part of a split bill it pays. */
  part?: number;
  startedAt: Millis;
}

/** Which status an intent may move to from which: a settled intent never reopens. */
const NEXT: Readonly<Record<PaymentIntentStatus, readonly PaymentIntentStatus[]>> = {
  open: ['approved', 'approved-offline', 'declined', 'failed', 'reversal-pending'],
  'reversal-pending': ['reversed'],
  'approved-offline': ['approved'],
  approved: [],
  declined: [],
  failed: [],
  reversed: [],
};

/** The statuses an intent can be in before it moves to `to`. */
export function intentStatusesBefore(to: PaymentIntentStatus): PaymentIntentStatus[] {
  return PAYMENT_INTENT_STATUSES.filter((from) => NEXT[from].includes(to));
}

/**
 * When to try a failed reversal again: `baseMs` after the first failure, doubling with each one,
 * never more than `maxMs` apart.
 */
export function reversalRetryDelay(failures: number, baseMs: number, maxMs = 10 * 60_000): number {
  const n = Math.max(1, Math.floor(failures));
  return Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 30));
}
