/**
 * Taking one tender for a placed counter order — cash (the amount handed over; the edge says the
 * change), card on the store's pinpad (with a tip, or the pinpad asks), or another tender with its
 * reference — for all that is due or part of it (split tender), of the order or of one part of a
 * split bill (`POST /orders/:id/pay`). Money must never be taken twice: whenever the outcome is
 * unknown (the network, the edge's own failure, "a payment is already under way") the order is
 * read back before anything else, and the tender counts as taken only if the order shows it.
 */
import type { OrderView, PaymentView } from '@tillbox/core';
import { ApiError } from '$lib/api.js';
import { counterCalls, outcomeUnknown, type CounterCalls, type TenderBody } from './counter-api.js';

export type TenderStatus =
  /** Nothing under way: the cashier may take a tender. */
  | 'idle'
  /** The edge (and for a card, the terminal) is taking it. */
  | 'paying'
  /** The outcome was unknown: reading the order back (for as long as the edge is away). */
  | 'checking';

const READ_BACK_DELAYS_MS = [300, 1000, 2000, 3000];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const underWay = (e: unknown): boolean => e instanceof ApiError && e.status === 409;

/** The tender `body` as the order shows it once taken: a new payment of that method (and part). */
function newTender(before: OrderView, after: OrderView, body: TenderBody): PaymentView | undefined {
  const known = new Set(before.payments.map((p) => p.id));
  return after.payments.find(
    (p) => !known.has(p.id) && p.refundOf === undefined && p.method === body.method && p.part === body.part,
  );
}

export class CounterPayment {
  status = $state<TenderStatus>('idle');
  /** The tender being taken. */
  method = $state<TenderBody['method'] | undefined>(undefined);
  /** The last tender taken (its change, the card's last four). */
  last = $state<PaymentView | undefined>(undefined);
  /** Why the last tender did not go through (a decline, a refusal), shown with its message. */
  error = $state<unknown>(undefined);
  /** The store system could not be reached; the screen keeps asking by itself. */
  unreachable = $state(false);
  readonly #calls: CounterCalls;
  /** Bumped by reset(): a read-back of an earlier order stops at its next step. */
  #generation = 0;

  constructor(calls: CounterCalls = counterCalls) {
    this.#calls = calls;
  }

  get working(): boolean {
    return this.status === 'paying' || this.status === 'checking';
  }

  /** Take `body`'s tender for `order`. Resolves to the order after it (paid, or with less due), or undefined (see `error`). */
  async pay(order: OrderView, body: TenderBody): Promise<OrderView | undefined> {
    if (this.working || order.payment === 'paid') return undefined;
    const generation = this.#generation;
    this.status = 'paying';
    this.method = body.method;
    this.error = undefined;
    try {
      const after = await this.#calls.pay(order.id, body);
      if (generation !== this.#generation) return undefined;
      return this.#finish(after, newTender(order, after, body) ?? after.payments.at(-1));
    } catch (e) {
      if (generation !== this.#generation) return undefined;
      if (!outcomeUnknown(e) && !underWay(e)) {
        // Declined, or refused for a reason the cashier is told: nothing was taken.
        this.error = e;
        this.status = 'idle';
        return undefined;
      }
      this.unreachable = outcomeUnknown(e);
      return this.#readBack(order, body, e, generation);
    }
  }

  /** Read the order back until the edge answers: the tender on it is done; without it the cashier may try again. */
  async #readBack(
    before: OrderView,
    body: TenderBody,
    cause: unknown,
    generation: number,
  ): Promise<OrderView | undefined> {
    this.status = 'checking';
    if (underWay(cause)) await sleep(1000);
    for (let i = 0; ; i++) {
      if (generation !== this.#generation) return undefined;
      try {
        const now = await this.#calls.get(before.id);
        if (generation !== this.#generation) return undefined;
        this.unreachable = false;
        const tender = newTender(before, now, body);
        if (tender) return this.#finish(now, tender);
        // Paid meanwhile (on another screen): nothing more to take.
        if (now.payment === 'paid') return this.#finish(now, undefined);
        this.error = underWay(cause)
          ? cause
          : new Error('The payment did not go through: nothing was taken. Take the tender again.');
        this.status = 'idle';
        return undefined;
      } catch (e) {
        if (generation !== this.#generation) return undefined;
        if (!outcomeUnknown(e)) {
          this.error = e;
          this.status = 'idle';
          return undefined;
        }
        this.unreachable = true;
        await sleep(READ_BACK_DELAYS_MS[Math.min(i, READ_BACK_DELAYS_MS.length - 1)] ?? 3000);
      }
    }
  }

  #finish(order: OrderView, tender: PaymentView | undefined): OrderView {
    this.last = tender;
    this.error = undefined;
    this.unreachable = false;
    this.status = 'idle';
    return order;
  }

  reset(): void {
    this.#generation++;
    this.status = 'idle';
    this.method = undefined;
    this.last = undefined;
    this.error = undefined;
    this.unreachable = false;
  }
}
