/**
 * Open orders kept current from the edge: a snapshot (`GET /api/v1/orders?status=open`, every
 * page of it, scoped to what the screen shows), then every `order.*` and `ticket.*` event after
 * the first page's seq, applied once each in seq order. The event
 * itself is a domain fact; the last frame about an order in each committed batch also carries the
 * order as it is after the batch, so applying it is an upsert of that view (or a removal once the
 * order is no longer open); an earlier frame of that batch about it carries none. The
 * KDS, the expo and the pickup board each hold one of these; it reconnects by itself and resumes
 * from the last seq applied.
 */
import {
  orderViewSchema,
  isInScope,
  isOpenStatus,
  loadOrderSnapshot,
  orderListSchema,
  orderPageSearch,
  type OrderScope,
  type OrderStatus,
  type OrderView,
  type StoreEvent,
  type StreamTopic,
} from '@tillbox/core';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { ApiError, apiGet, apiPost, screenRole, type ScreenRole } from './api.js';
import { StreamClient, streamUrl, type ConnectionState, type SocketLike, type StreamHello } from './stream-client.js';

export interface LiveOrdersOptions {
  url?: string;
  /**
   * Which screen this is (`kds` for stations and the expo, `pickup` for the board), sent as the
   * stream's `?screen=`; by default the role the page set with `setScreenRole`. Ignored with `url`.
   */
  screen?: ScreenRole;
  /**
   * What this screen shows of the open orders (`kitchen`: fired orders; `pickup`: paid, in the
   * kitchen or ready): the snapshot asks only for those, and orders outside it are not kept.
   */
  scope?: OrderScope;
  createSocket?: (url: string) => SocketLike;
  loadSnapshot?: () => Promise<{ seq: number; orders: OrderView[] }>;
}

/** Order commands a kitchen or pickup screen sends (`POST /api/v1/orders/:id/{command}`). */
export type OrderScreenCommand = 'ready' | 'pick-up' | 'complete' | 'fire';

/** Ticket commands of a KDS. */
export type TicketScreenCommand =
  | { kind: 'bump' }
  | { kind: 'recall' }
  | { kind: 'bump-item'; lineId: string }
  | { kind: 'unbump-item'; lineId: string };

export const STREAM_TOPICS_SHOWN: StreamTopic[] = ['order', 'ticket'];

/** What is busy while a ticket command is on its way: the ticket, or the item. */
function ticketCommandKey(ticketId: string, command: TicketScreenCommand): string {
  return command.kind === 'bump' || command.kind === 'recall' ? ticketId : `${ticketId}/${command.lineId}`;
}

function ticketCommandPath(ticketId: string, command: TicketScreenCommand): string {
  return command.kind === 'bump' || command.kind === 'recall'
    ? `/api/v1/tickets/${ticketId}/${command.kind}`
    : `/api/v1/tickets/${ticketId}/items/${command.lineId}/${command.kind === 'bump-item' ? 'bump' : 'unbump'}`;
}

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
  /** Orders, tickets and stations with a command on its way to the edge (by their id). */
  readonly busy = new SvelteSet<string>();
  /** The last command's failure, for the screen to show; cleared by the next command. */
  commandError = $state<unknown>(undefined);

  #client: StreamClient | undefined;
  #storeId: string | undefined;
  /** Per order, how often the stream (or a snapshot) has changed it: command answers older than that are dropped. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly #versions = new Map<string, number>();
  #snapshots = 0;
  #needsSnapshot = true;
  readonly #options: LiveOrdersOptions;

  constructor(options: LiveOrdersOptions = {}) {
    this.#options = options;
  }

  start(): void {
    if (this.#client) return;
    const options: ConstructorParameters<typeof StreamClient>[0] = {
      url: this.#options.url ?? streamUrl(location, this.#options.screen ?? screenRole()),
      topics: STREAM_TOPICS_SHOWN,
      handlers: {
        prepare: (hello, resync) => this.#prepare(hello, resync),
        event: (event, order) => this.applyEvent(event, order),
        state: (state) => {
          this.connection = state;
          // "Cannot reach the store system" is over once the screen is live again.
          if (state === 'live' && this.commandError instanceof ApiError && this.commandError.kind === 'network')
            this.commandError = undefined;
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
  command(orderId: string, command: OrderScreenCommand): Promise<OrderView | undefined> {
    return this.send(orderId, orderId, `/api/v1/orders/${orderId}/${command}`);
  }

  /** Send a ticket command (once at a time per ticket, or per item) and apply its answer. */
  ticketCommand(orderId: string, ticketId: string, command: TicketScreenCommand): Promise<OrderView | undefined> {
    return this.send(ticketCommandKey(ticketId, command), orderId, ticketCommandPath(ticketId, command));
  }

  /** {@link ticketCommand} that throws its failure to the caller (the KDS's bump queue) instead. */
  requestTicketCommand(
    orderId: string,
    ticketId: string,
    command: TicketScreenCommand,
  ): Promise<OrderView | undefined> {
    return this.request(ticketCommandKey(ticketId, command), orderId, ticketCommandPath(ticketId, command));
  }

  /**
   * POST a command whose answer is an order; `key` marks what is busy meanwhile (a second send
   * with the same key is ignored), `orderId` the order it changes when known. Failures land in
   * {@link commandError}; resolves to the answer.
   */
  async send(key: string, orderId: string | undefined, path: string): Promise<OrderView | undefined> {
    try {
      return await this.request(key, orderId, path);
    } catch (e) {
      this.commandError = e;
      return undefined;
    }
  }

  /** {@link send} that throws its failure to the caller. */
  async request(key: string, orderId: string | undefined, path: string): Promise<OrderView | undefined> {
    if (this.busy.has(key)) return undefined;
    this.busy.add(key);
    this.commandError = undefined;
    const version = orderId === undefined ? undefined : this.#version(orderId);
    try {
      const order = await apiPost(path, {}, orderViewSchema);
      // Without a known order (undo at a station) the stream alone brings the change.
      if (version !== undefined && version === this.#version(order.id)) this.acceptCommandResult(order);
      return order;
    } finally {
      this.busy.delete(key);
    }
  }

  /** Open orders with one of `statuses`, oldest placed first. */
  withStatus(...statuses: OrderStatus[]): OrderView[] {
    return [...this.orders.values()]
      .filter((o) => statuses.includes(o.status))
      .sort((a, b) => Date.parse(a.placedAt) - Date.parse(b.placedAt) || a.number - b.number);
  }

  /** Apply one stream event, with the view of its order that came with it, unless its seq has been applied already. */
  applyEvent(event: StoreEvent, order: OrderView | undefined): void {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.appliedEvents += 1;
    // Without a view: a later event about the order in the same batch brings it.
    if (!order) return;
    this.#versions.set(order.id, (this.#versions.get(order.id) ?? 0) + 1);
    this.#put(order);
  }

  /**
   * Apply the order a command answered with, so the screen does not wait for the event. The
   * stream stays the authority: {@link send} only calls this when no event about the order has
   * arrived since the command left, so an answer can never undo a newer change.
   */
  acceptCommandResult(order: OrderView): void {
    this.#put(order);
  }

  /** What a command answer is compared with: changes by the stream, and snapshot reloads. */
  #version(orderId: string): string {
    return `${this.#snapshots}:${this.#versions.get(orderId) ?? 0}`;
  }

  #put(order: OrderView): void {
    if (isOpenStatus(order.status) && isInScope(order, this.#options.scope)) this.orders.set(order.id, order);
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
    const { scope } = this.#options;
    // Every page: the list is complete however many orders are open; the first page's seq is where to resume.
    const snapshot = this.#options.loadSnapshot
      ? await this.#options.loadSnapshot()
      : await loadOrderSnapshot((q) => apiGet(`/api/v1/orders?${orderPageSearch(q)}`, orderListSchema), {
          status: 'open',
          ...(scope ? { scope } : {}),
        });
    this.orders.clear();
    this.#snapshots += 1;
    for (const order of snapshot.orders) this.#put(order);
    this.lastSeq = snapshot.seq;
    this.loaded = true;
    this.#needsSnapshot = false;
  }
}
