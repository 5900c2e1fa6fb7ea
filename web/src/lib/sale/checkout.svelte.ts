/**
 * Placing a screen's order on its channel (the kiosk's; the counter's). The order id is made
 * once per attempt to buy and kept until the edge gives a definite answer, so a retry after a
 * network failure (ours, automatic, or the guest's tap) can never make a second order: the edge
 * answers the same id with the same order. A cart whose order was placed and then cancelled
 * needs new line ids before it is placed again (`Cart.renewLineIds`): line ids name one line in
 * the store.
 */
import { orderViewSchema, uuidv7, type Channel, type OrderView, type PlaceOrderInput } from '@tillbox/core';
import { api, ApiError } from '$lib/api.js';
import { placeOrderInput, type OrderRequest } from './checkout.js';

export type CheckoutStatus =
  /** Nothing sent, or the last attempt was refused: the cart can change. */
  | 'idle'
  /** A request is on its way (or waiting to be retried). */
  | 'placing'
  /** The edge was not reached, or its answer was unreadable: the order may or may not exist. */
  | 'uncertain'
  | 'placed';

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Checkout {
  status = $state<CheckoutStatus>('idle');
  /** The last failure, shown with its message; undefined while there is none. */
  error = $state<unknown>(undefined);
  /** True while automatic retries are running after a network failure. */
  retrying = $state(false);
  order = $state<OrderView | undefined>(undefined);
  #pendingId: string | undefined;
  readonly channel: Channel;
  #post: (body: PlaceOrderInput) => Promise<OrderView>;

  constructor(channel: Channel, post?: (body: PlaceOrderInput) => Promise<OrderView>) {
    this.channel = channel;
    this.#post = post ?? ((body) => api.post('/orders', { body, schema: orderViewSchema }));
  }

  /** While an earlier attempt's outcome is unknown the cart must not change. */
  get locked(): boolean {
    return this.status === 'placing' || this.status === 'uncertain';
  }

  /** The id the next attempt will use (for tests and logs). */
  get pendingId(): string | undefined {
    return this.#pendingId;
  }

  /** Place the cart (with its line ids, as previewed) under this attempt's order id. */
  async place(request: OrderRequest): Promise<void> {
    if (this.status === 'placing' || this.status === 'placed') return;
    this.#pendingId ??= uuidv7();
    const body = placeOrderInput(this.#pendingId, this.channel, request);
    this.status = 'placing';
    this.error = undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        const order = await this.#post(body);
        this.order = order;
        this.status = 'placed';
        this.error = undefined;
        this.retrying = false;
        this.#pendingId = undefined;
        return;
      } catch (e) {
        const refused = e instanceof ApiError && e.kind === 'rejected' && e.status < 500;
        const delay = RETRY_DELAYS_MS[attempt];
        this.error = e;
        if (refused) {
          // The edge said no and changed nothing: the guest can fix the cart and try a new id.
          this.#pendingId = undefined;
          this.status = 'idle';
          this.retrying = false;
          return;
        }
        if (e instanceof ApiError && e.retryable && delay !== undefined) {
          this.retrying = true;
          await sleep(delay);
          continue;
        }
        this.retrying = false;
        this.status = 'uncertain';
        return;
      }
    }
  }

  /** Forget everything for the next guest. */
  reset(): void {
    this.status = 'idle';
    this.error = undefined;
    this.retrying = false;
    this.order = undefined;
    this.#pendingId = undefined;
  }
}
