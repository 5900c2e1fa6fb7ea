/**
 * The store's stock and sold-out list, kept current from the edge for every screen that sells or
 * cooks: a snapshot (`GET /api/v1/stock`), then the stream topic `stock` from its seq, applied
 * once each in seq order; it reconnects by itself and resumes from the last seq applied. One per
 * page, shared by whatever on the page needs it ({@link useLiveStock}).
 */
import { stockListSchema, type StockItemView, type StoreEvent } from '@tillbox/core';
import { onMount } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { apiGet, screenRole } from '../api.js';
import { StreamClient, streamUrl, type ConnectionState, type StreamHello } from '../stream-client.js';
import { soldOutIds, stockAfter } from './live-stock.js';

export class LiveStock {
  /** Every item the store counts or has taken off sale, by id. */
  readonly items = new SvelteMap<string, StockItemView>();
  /** The items that cannot be sold now (86'd, or none on hand). */
  readonly soldOut: ReadonlySet<string> = $derived(soldOutIds(this.items.values()));
  /** The 86'd items, by name: what a kitchen screen lists. */
  readonly eightySixed: StockItemView[] = $derived(
    [...this.items.values()].filter((i) => !i.available).sort((a, b) => a.name.localeCompare(b.name)),
  );
  connection = $state<ConnectionState>('connecting');
  lastSeq = 0;
  #client: StreamClient | undefined;
  #storeId: string | undefined;
  #loaded = false;

  start(): void {
    if (this.#client) return;
    this.#client = new StreamClient({
      url: streamUrl(location, screenRole()),
      topics: ['stock'],
      handlers: {
        prepare: (hello, resync) => this.#prepare(hello, resync),
        event: (event) => this.apply(event),
        state: (state) => (this.connection = state),
        problem: (message) => console.warn('[live-stock]', message),
      },
    });
    this.#client.start();
  }

  stop(): void {
    this.#client?.stop();
    this.#client = undefined;
  }

  /** Apply one stream event, unless its seq has been applied already. */
  apply(event: StoreEvent): void {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    const itemId = (event.data as { itemId?: unknown } | null)?.itemId;
    if (typeof itemId !== 'string') return;
    const next = stockAfter(this.items.get(itemId), event);
    if (next) this.items.set(itemId, next);
    else this.items.delete(itemId);
  }

  /** Replace what is known with a snapshot. */
  load(list: { seq: number; items: StockItemView[] }): void {
    this.items.clear();
    for (const item of list.items) this.items.set(item.itemId, item);
    this.lastSeq = list.seq;
    this.#loaded = true;
  }

  async #prepare(hello: StreamHello, resync: boolean): Promise<number> {
    const otherStore = this.#storeId !== undefined && this.#storeId !== hello.storeId;
    if (!this.#loaded || resync || otherStore || hello.head < this.lastSeq)
      this.load(await apiGet('/api/v1/stock', stockListSchema));
    this.#storeId = hello.storeId;
    return this.lastSeq;
  }
}

let shared: LiveStock | undefined;
let users = 0;

/**
 * The page's live stock, for a component: started when the first user mounts, stopped when the
 * last one goes. Call it while the component is being created (it uses `onMount`).
 */
export function useLiveStock(): LiveStock {
  shared ??= new LiveStock();
  const stock = shared;
  onMount(() => {
    users += 1;
    stock.start();
    return () => {
      users -= 1;
      if (users === 0) stock.stop();
    };
  });
  return stock;
}
