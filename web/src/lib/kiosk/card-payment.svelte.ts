/**
 * Paying a placed kiosk order on the store's card terminal (`POST /orders/:id/pay` with
 * `{method: 'card'}`; the edge drives the pinpad and answers the paid, fired order). A charge
 * must never be taken twice: whenever the outcome of a pay request is unknown (network failure,
 * an unreadable answer, or "a payment is already under way") the order is read back first, and
 * payment is asked for again only while the order is still unpaid.
 *
 * When the store system cannot be reached the guest is told so at once (`unreachable`), may
 * cancel, and the kiosk keeps reading the order back by itself until the edge answers: paid
 * shows the number, unpaid lets the guest pay (or completes the cancel they asked for).
 */
import { orderViewSchema, type OrderView } from '@tillbox/core';
import { api, ApiError } from '$lib/api.js';

export type PaymentStatus =
  /** Waiting for the guest to pay (again, after a decline or once the edge is back). */
  | 'due'
  /** The terminal is taking the card. */
  | 'paying'
  /** The outcome is unknown and the order is being read back (for as long as the edge is away). */
  | 'checking'
  | 'cancelling'
  | 'paid'
  | 'cancelled';

export interface PaymentApi {
  pay(orderId: string): Promise<OrderView>;
  get(orderId: string): Promise<OrderView>;
  cancel(orderId: string): Promise<OrderView>;
}

export const edgePaymentApi: PaymentApi = {
  pay: (id) => api.post('/orders/{id}/pay', { params: { id }, body: { method: 'card' }, schema: orderViewSchema }),
  get: (id) => api.get('/orders/{id}', { params: { id }, schema: orderViewSchema }),
  cancel: (id) => api.post('/orders/{id}/cancel', { params: { id }, schema: orderViewSchema }),
};

/** Waits between read-backs while the edge is away: quick at first, then every few seconds, for as long as it takes. */
const READ_BACK_DELAYS_MS = [500, 1000, 2000, 3000];
/** The edge answering within this long of a failed pay request: the guest is still at the terminal, so pay again by itself. */
const AUTO_RETRY_WINDOW_MS = 10_000;
/** While the edge says a payment is under way (the guest may be slow to tap), read back this often. */
const UNDER_WAY_POLL_MS = 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const unknownOutcome = (e: unknown): boolean => !(e instanceof ApiError) || e.retryable || e.kind === 'bad-response';
const inProgress = (e: unknown): boolean => e instanceof ApiError && e.status === 409;

export class CardPayment {
  status = $state<PaymentStatus>('due');
  order = $state<OrderView | undefined>(undefined);
  /** The last failure (a decline, a refusal), shown with its message. */
  error = $state<unknown>(undefined);
  /** The store system could not be reached the last time it was asked; the kiosk keeps asking. */
  unreachable = $state(false);
  /** The guest asked to cancel while the edge was away: done as soon as it answers (unless it was paid). */
  cancelRequested = $state(false);
  readonly #api: PaymentApi;
  readonly #now: () => number;
  /** Bumped by begin() and reset(): a loop of an earlier order stops at its next step. */
  #generation = 0;

  constructor(api: PaymentApi = edgePaymentApi, now: () => number = Date.now) {
    this.#api = api;
    this.#now = now;
  }

  /** Start paying for a freshly placed order. */
  begin(order: OrderView): void {
    this.#generation++;
    this.order = order;
    this.error = undefined;
    this.unreachable = false;
    this.cancelRequested = false;
    this.status = order.payment === 'paid' ? 'paid' : order.status === 'cancelled' ? 'cancelled' : 'due';
  }

  /** True while a request is out: the guest cannot pay again. */
  get working(): boolean {
    return this.status === 'paying' || this.status === 'checking' || this.status === 'cancelling';
  }

  /** The guest may cancel: while the payment is due, or whenever the edge is away (the cancel waits for it). */
  get canCancel(): boolean {
    if (this.status === 'paid' || this.status === 'cancelled' || this.cancelRequested) return false;
    return this.status === 'due' || this.unreachable;
  }

  /** Pay by card. After an unknown outcome the order is read back before anything is charged again. */
  async pay(): Promise<void> {
    const order = this.order;
    if (!order || this.status !== 'due') return;
    this.error = undefined;
    this.cancelRequested = false;
    const generation = this.#generation;
    let failedAt: number | undefined;
    for (;;) {
      this.status = 'paying';
      let failure: unknown;
      try {
        const paid = await this.#api.pay(order.id);
        if (generation === this.#generation) this.#finish(paid);
        return;
      } catch (e) {
        failure = e;
      }
      if (generation !== this.#generation) return;
      if (!inProgress(failure) && !unknownOutcome(failure)) {
        // Declined, or refused for a reason the guest is told: nothing was charged.
        this.error = failure;
        this.status = 'due';
        return;
      }
      if (inProgress(failure)) {
        // Another request of ours is still at the terminal: wait for it.
        await sleep(UNDER_WAY_POLL_MS);
        if (generation !== this.#generation) return;
      } else {
        this.unreachable = true;
        failedAt ??= this.#now();
      }
      if (!(await this.#readBack())) return;
      // Still unpaid and open: the earlier request took nothing (or is still at the terminal).
      if (this.cancelRequested) return this.#cancelNow();
      if (failedAt !== undefined && this.#now() - failedAt > AUTO_RETRY_WINDOW_MS) {
        // The edge was away a while: the guest pays again when they are ready.
        this.status = 'due';
        return;
      }
    }
  }

  /** Cancel the unpaid order (the guest changed their mind). A race with a payment is read back. */
  async cancel(): Promise<void> {
    if (!this.order || !this.canCancel) return;
    if (this.working) {
      // The edge is away mid-payment: cancel once it answers, unless the card was charged.
      this.cancelRequested = true;
      return;
    }
    await this.#cancelNow();
  }

  async #cancelNow(): Promise<void> {
    const order = this.order;
    if (!order) return;
    this.status = 'cancelling';
    this.error = undefined;
    const generation = this.#generation;
    try {
      const cancelled = await this.#api.cancel(order.id);
      if (generation !== this.#generation) return;
      this.order = cancelled;
      this.status = 'cancelled';
      this.unreachable = false;
      this.cancelRequested = false;
      return;
    } catch (e) {
      if (generation !== this.#generation) return;
      if (unknownOutcome(e)) {
        this.unreachable = true;
        this.cancelRequested = true;
      } else {
        this.error = e;
        this.cancelRequested = false;
      }
    }
    // Away, or refused because a payment is under way or it got paid meanwhile: read it back.
    if (!(await this.#readBack())) return;
    if (this.cancelRequested) return this.#cancelNow();
    this.status = 'due';
  }

  /**
   * Read the order back until the edge answers. Resolves true when it is still unpaid and open
   * (paying or cancelling may go on); else the status says what happened (paid or cancelled).
   */
  async #readBack(): Promise<boolean> {
    const order = this.order;
    if (!order) return false;
    const generation = this.#generation;
    if (this.status !== 'cancelling') this.status = 'checking';
    for (let i = 0; ; i++) {
      try {
        const current = await this.#api.get(order.id);
        if (generation !== this.#generation) return false;
        this.order = current;
        this.unreachable = false;
        if (current.payment !== 'unpaid') {
          this.#finish(current);
          return false;
        }
        if (current.status !== 'placed') {
          this.status = 'cancelled';
          this.cancelRequested = false;
          return false;
        }
        return true;
      } catch (e) {
        if (generation !== this.#generation) return false;
        if (!unknownOutcome(e)) {
          this.error = e;
          this.status = 'due';
          return false;
        }
        this.unreachable = true;
        await sleep(READ_BACK_DELAYS_MS[Math.min(i, READ_BACK_DELAYS_MS.length - 1)] ?? 3000);
        if (generation !== this.#generation) return false;
      }
    }
  }

  #finish(order: OrderView): void {
    this.order = order;
    this.error = undefined;
    this.unreachable = false;
    this.cancelRequested = false;
    this.status = 'paid';
  }

  reset(): void {
    this.#generation++;
    this.status = 'due';
    this.order = undefined;
    this.error = undefined;
    this.unreachable = false;
    this.cancelRequested = false;
  }
}
