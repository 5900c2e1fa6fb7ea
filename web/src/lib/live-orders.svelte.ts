/**
 * Open orders kept current from the edge: a snapshot (`GET /api/v1/orders?status=open`), then
 * every `order.*` event after its seq, applied once each in seq order. The KDS and the pickup
 * board each hold one of these; it reconnects by itself and resumes from the last seq applied.
 */
import {
  ORDER_STATUSES,
  orderViewSchema,
  type OrderCommand,
  isOpenStatus,
  orderEventDataSchema,
  orderListSchema,
  topicOf,
  type OrderStatus,
  type OrderView,
  type StoreEvent,
} from '@tillbox/core';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { apiGet, apiPost } from './api.js';
import { StreamClient, streamUrl, type ConnectionState, type SocketLike, type StreamHello } from './stream-client.js';

export interface LiveOrdersOptions {
  url?: string;
  createSocket?: (url: string) => SocketLike;
  loadSnapshot?: () => Promise<{ seq: number; orders: OrderView[] }>;
}

const rank = (status: OrderStatus): number => ORDER_STATUSES.indexOf(status);

export class LiveOrders {
  /** Open orders by id. Picked-up orders leave. */
  readonly orders = new SvelteMap<string, OrderView>();
  connection = $state<ConnectionState>('connecting');
  /** The seq of the last event applied (or of the snapshot): what a reconnect subscribes from. */
  lastSeq = $state(0);
  /** How many stream events have been applied (duplicates and old seqs are not counted). */
  appliedEvents = $state(0);
  /** Local time (ms) of the last message of any kind from the edge; undefined before the first. */
  lastHeardAt = $state<number | undefined>(undefined);
  /** Edge clock minus this screen's clock, from heartbeats; add it to Date.now() to get edge time. */
  serverOffsetMs = $state(0);
  /** True once a snapshot has been loaded, so an empty list means "no orders". */
  loaded = $state(false);
  /** Orders with a command (bump, pick-up) on its way to the edge. */
  readonly busy = new SvelteSet<string>();
  /** The last command's failure, for the screen to show; cleared by the next command. */
  commandError = $state<unknown>(undefined);

  #client: StreamClient | undefined;
  #storeId: string | undefined;
  #needsSnapshot = true;
  readonly #options: LiveOrdersOptions;

  constructor(options: LiveOrdersOptions = {}) {
    this.#options = options;
  }

  start(): void {
    if (this.#client) return;
    const options: ConstructorParameters<typeof StreamClient>[0] = {
      url: this.#options.url ?? streamUrl(location),
      topics: ['order'],
      handlers: {
        prepare: (hello, resync) => this.#prepare(hello, resync),
        event: (event) => this.applyEvent(event),
        state: (state) => {
          this.connection = state;
        },
        heard: (at, serverAt) => {
          this.lastHeardAt = at;
          if (serverAt !== undefined) this.serverOffsetMs = serverAt - at;
        },
        problem: (message) => console.warn('[live-orders]', message),
      },
    };
    if (this.#options.createSocket) options.createSocket = this.#options.createSocket;
    this.#client = new StreamClient(options);
    this.#client.start();
  }

  stop(): void {
    this.#client?.stop();
    this.#client = undefined;
  }

  /** Send a lifecycle command for an order (once at a time per order) and apply its answer. */
  async command(orderId: string, command: OrderCommand): Promise<void> {
    if (this.busy.has(orderId)) return;
    this.busy.add(orderId);
    this.commandError = undefined;
    try {
      this.acceptCommandResult(await apiPost(`/api/v1/orders/${orderId}/${command}`, {}, orderViewSchema));
    } catch (e) {
      this.commandError = e;
    } finally {
      this.busy.delete(orderId);
    }
  }

  /** Open orders with one of `statuses`, oldest placed first. */
  withStatus(...statuses: OrderStatus[]): OrderView[] {
    return [...this.orders.values()]
      .filter((o) => statuses.includes(o.status))
      .sort((a, b) => Date.parse(a.placedAt) - Date.parse(b.placedAt) || a.number - b.number);
  }

  /** Apply one stream event unless its seq has been applied already. */
  applyEvent(event: StoreEvent): void {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.appliedEvents += 1;
    if (topicOf(event.type) !== 'order') return;
    const data = orderEventDataSchema.safeParse(event.data);
    if (!data.success) {
      console.warn('[live-orders] unreadable event', event.seq, event.type);
      return;
    }
    this.#put(data.data.order);
  }

  /**
   * Apply the order a command (bump, pick-up) answered with, so the screen does not wait for the
   * event. Only moves an order forward, and only one this screen still shows: the stream stays
   * the authority and may already have moved it further.
   */
  acceptCommandResult(order: OrderView): void {
    const current = this.orders.get(order.id);
    if (current && rank(order.status) > rank(current.status)) this.#put(order);
  }

  #put(order: OrderView): void {
    if (isOpenStatus(order.status)) this.orders.set(order.id, order);
    else this.orders.delete(order.id);
  }

  async #prepare(hello: StreamHello, resync: boolean): Promise<number> {
    const otherStore = this.#storeId !== undefined && this.#storeId !== hello.storeId;
    // A head behind what we applied means the edge's log was replaced: start over from a snapshot.
    if (this.#needsSnapshot || resync || otherStore || hello.head < this.lastSeq) {
      this.#needsSnapshot = true;
      await this.#loadSnapshot();
    }
    this.#storeId = hello.storeId;
    return this.lastSeq;
  }

  async #loadSnapshot(): Promise<void> {
    const snapshot = this.#options.loadSnapshot
      ? await this.#options.loadSnapshot()
      : await apiGet('/api/v1/orders?status=open', orderListSchema);
    this.orders.clear();
    for (const order of snapshot.orders) this.#put(order);
    this.lastSeq = snapshot.seq;
    this.loaded = true;
    this.#needsSnapshot = false;
  }
}
