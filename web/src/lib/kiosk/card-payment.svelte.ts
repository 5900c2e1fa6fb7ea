/**
 * Paying a placed kiosk order on the store's card terminal (`POST /orders/:id/pay` with
 * `{method: 'card'}`; the edge drives the pinpad and answers the paid, fired order). A charge
 * must never be taken twice: whenever the outcome of a pay request is unknown (network failure,
 * an unreadable answer, or "a payment is already under way") the order is read back first, and
 * payment is asked for again only while the order is still unpaid.
 */
import { orderViewSchema, type OrderView } from '@tillbox/core';
import { api, ApiError } from '$lib/api.js';

export type PaymentStatus =
  /** Waiting for the guest to pay (again, after a decline). */
  | 'due'
  /** The terminal is taking the card. */
  | 'paying'
  /** The outcome was unknown and the order is being read back. */
  | 'checking'
  /** The store system cannot be reached to say whether the card was charged. */
  | 'uncertain'
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

/** Waits between read-backs and retries while the outcome is unknown. */
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000];
/** How long a payment the edge says is under way may take (the guest may be slow to tap). */
const UNDER_WAY_POLLS = 90;
const UNDER_WAY_POLL_MS = 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const unknownOutcome = (e: unknown): boolean => !(e instanceof ApiError) || e.retryable || e.kind === 'bad-response';

export class CardPayment {
  status = $state<PaymentStatus>('due');
  order = $state<OrderView | undefined>(undefined);
  /** The last failure (a decline, a refusal, or the network), shown with its message. */
  error = $state<unknown>(undefined);
  readonly #api: PaymentApi;

  constructor(api: PaymentApi = edgePaymentApi) {
    this.#api = api;
  }

  /** Start paying for a freshly placed order. */
  begin(order: OrderView): void {
    this.order = order;
    this.error = undefined;
    this.status = order.payment === 'paid' ? 'paid' : order.status === 'cancelled' ? 'cancelled' : 'due';
  }

  /** True while a request is out: the guest cannot pay or cancel again. */
  get working(): boolean {
    return this.status === 'paying' || this.status === 'checking' || this.status === 'cancelling';
  }

  /** Pay by card. After an unknown outcome the order is read back before anything is charged. */
  async pay(): Promise<void> {
    const order = this.order;
    if (!order || this.working || this.status === 'paid' || this.status === 'cancelled') return;
    const resume = this.status === 'uncertain';
    this.error = undefined;
    if (resume && !(await this.#settle(0))) return;
    for (let attempt = 0; ; attempt++) {
      this.status = 'paying';
      let failure: unknown;
      try {
        this.#finish(await this.#api.pay(order.id));
        return;
      } catch (e) {
        failure = e;
      }
      const underWay = failure instanceof ApiError && failure.status === 409;
      if (!underWay && !unknownOutcome(failure)) {
        // Declined, or refused for a reason the guest is told: nothing was charged.
        this.error = failure;
        this.status = 'due';
        return;
      }
      this.error = failure;
      const delay = underWay ? UNDER_WAY_POLL_MS : RETRY_DELAYS_MS[attempt];
      if (delay === undefined || attempt >= (underWay ? UNDER_WAY_POLLS : RETRY_DELAYS_MS.length)) {
        this.status = 'uncertain';
        return;
      }
      await sleep(delay);
      if (!(await this.#settle(attempt))) return;
      // Still unpaid: the earlier request took nothing (or is still at the terminal; the edge refuses a second one).
    }
  }

  /** Cancel the unpaid order (the guest changed their mind). A race with a payment is read back. */
  async cancel(): Promise<void> {
    const order = this.order;
    if (!order || this.working || this.status === 'paid' || this.status === 'cancelled') return;
    this.status = 'cancelling';
    this.error = undefined;
    try {
      const cancelled = await this.#api.cancel(order.id);
      this.order = cancelled;
      this.status = 'cancelled';
    } catch (e) {
      this.error = e;
      this.status = 'due';
      // Refused because it got paid meanwhile? Read it back: paid shows the confirmation.
      if (e instanceof ApiError && e.status === 409 && (await this.#settle(0))) this.status = 'due';
    }
  }

  /**
   * Read the order back. Resolves true when it is still unpaid and open (paying may go on); else
   * the status says what happened (paid, cancelled, or uncertain when the edge cannot be reached).
   */
  async #settle(attempt: number): Promise<boolean> {
    const order = this.order;
    if (!order) return false;
    this.status = 'checking';
    for (let i = attempt; ; i++) {
      try {
        const current = await this.#api.get(order.id);
        this.order = current;
        if (current.payment !== 'unpaid') {
          this.#finish(current);
          return false;
        }
        if (current.status !== 'placed') {
          this.status = 'cancelled';
          return false;
        }
        return true;
      } catch (e) {
        this.error = e;
        const delay = RETRY_DELAYS_MS[i];
        if (!unknownOutcome(e) || delay === undefined) {
          this.status = 'uncertain';
          return false;
        }
        await sleep(delay);
      }
    }
  }

  #finish(order: OrderView): void {
    this.order = order;
    this.error = undefined;
    this.status = 'paid';
  }

  reset(): void {
    this.status = 'due';
    this.order = undefined;
    this.error = undefined;
  }
}
