/**
 * Paying a placed counter order in full, in cash (the amount handed over; the edge says the
 * change) or by card on the store's pinpad (`POST /orders/:id/pay`, the route the kiosk pays
 * through). Money must never be taken twice: whenever the outcome is unknown (the network, the
 * edge's own failure, "a payment is already under way") the order is read back before anything
 * else, and the cashier may pay again only while it is still unpaid.
 */
import type { OrderView } from '@tillbox/core';
import { ApiError } from '$lib/api.js';
import { counterCalls, outcomeUnknown, type CounterCalls, type TenderBody } from './counter-api.js';

export type TenderStatus =
  /** Nothing under way: the cashier may take a tender. */
  | 'idle'
  /** The edge (and for a card, the terminal) is taking it. */
  | 'paying'
  /** The outcome was unknown: reading the order back (for as long as the edge is away). */
  | 'checking'
  | 'paid';

const READ_BACK_DELAYS_MS = [300, 1000, 2000, 3000];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const underWay = (e: unknown): boolean => e instanceof ApiError && e.status === 409;

export class CounterPayment {
  status = $state<TenderStatus>('idle');
  /** The tender being taken, or that paid. */
  method = $state<TenderBody['method'] | undefined>(undefined);
  /** The order as paid (with its payment: change, last four of the card). */
  order = $state<OrderView | undefined>(undefined);
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

  /** Take `body`'s tender for `order`. Resolves to the paid order, or undefined (see `error`). */
  async pay(order: OrderView, body: TenderBody): Promise<OrderView | undefined> {
    if (this.working || this.status === 'paid') return undefined;
    const generation = this.#generation;
    this.status = 'paying';
    this.method = body.method;
    this.error = undefined;
    try {
      const paid = await this.#calls.pay(order.id, body);
      if (generation !== this.#generation) return undefined;
      return this.#finish(paid);
    } catch (e) {
      if (generation !== this.#generation) return undefined;
      if (!outcomeUnknown(e) && !underWay(e)) {
        // Declined, or refused for a reason the cashier is told: nothing was taken.
        this.error = e;
        this.status = 'idle';
        return undefined;
      }
      this.unreachable = outcomeUnknown(e);
      return this.#readBack(order.id, e, generation);
    }
  }

  /** Read the order back until the edge answers: paid is done; unpaid lets the cashier try again. */
  async #readBack(orderId: string, cause: unknown, generation: number): Promise<OrderView | undefined> {
    this.status = 'checking';
    if (underWay(cause)) await sleep(1000);
    for (let i = 0; ; i++) {
      if (generation !== this.#generation) return undefined;
      try {
        const now = await this.#calls.get(orderId);
        if (generation !== this.#generation) return undefined;
        this.unreachable = false;
        if (now.payment === 'paid') return this.#finish(now);
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

  #finish(order: OrderView): OrderView {
    this.order = order;
    this.error = undefined;
    this.unreachable = false;
    this.status = 'paid';
    return order;
  }

  reset(): void {
    this.#generation++;
    this.status = 'idle';
    this.method = undefined;
    this.order = undefined;
    this.error = undefined;
    this.unreachable = false;
  }
}
