/**
 * App and online orders from the cloud (`orders/in`), placed through the same path as a screen's
 * order (`OrderService.placeQueued`, the body `placeOrderBodyOf` makes): the same id again is the
 * same order, answered again and placed once. Each delivery gets one answer on `orders/out`:
 * `accepted` with the store's number and totals, or `rejected` with the error's code, reason and
 * details. A message that cannot be read is rejected and changes nothing.
 *
 * A new order's `accepted` goes out from the log's commit announcement, before the outbox (a
 * microtask later) can send the order's first status: the cloud hears `accepted`, then `fired`.
 */
import {
  isTillboxError,
  placeOrderBodyOf,
  type CommandContext,
  type InboundOrder,
  type OrderAnswer,
  type OrderPlacedData,
  type OrderView,
  type PlaceOrderBody,
  type StoreEvent,
} from '@tillbox/core';
import { readInbound } from './relay-connection.js';

/** Who brings app and online orders in: the cloud relay, through the broker (no paired device). */
export const CLOUD_CONTEXT: CommandContext = {
  actor: { kind: 'cloud', id: 'cloud-relay', role: 'relay' },
  device: null,
};

export interface InboundOrdersOptions {
  /** The log's commit announcements (synchronous, after each commit). */
  subscribe: (listener: (committed: readonly StoreEvent[]) => void) => () => void;
  place: (cmd: CommandContext, body: PlaceOrderBody) => Promise<{ order: OrderView; created: boolean }>;
  /** Send an answer upstream (not awaited: the PUBACK of the inbound message waits for nothing but placing). */
  answer: (answer: OrderAnswer) => void;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  now?: () => number;
}

export class InboundOrders {
  /** Orders being placed from the cloud now, and whether their acceptance has gone out. */
  #placing = new Map<string, boolean>();
  #unsubscribe: (() => void) | undefined;

  constructor(private readonly o: InboundOrdersOptions) {}

  start(): void {
    this.#unsubscribe ??= this.o.subscribe((committed) => this.#committed(committed));
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  async handle(payload: Buffer): Promise<void> {
    const at = (): string => new Date((this.o.now ?? Date.now)()).toISOString();
    let order: InboundOrder;
    try {
      order = readInbound('orders/in', payload);
    } catch (err) {
      this.#reject(idOf(payload), err, at());
      return;
    }
    this.#placing.set(order.id, false);
    try {
      const { order: placed, created } = await this.o.place(CLOUD_CONTEXT, placeOrderBodyOf(order));
      if (created)
        this.o.log.info(
          { orderId: placed.id, number: placed.number, channel: placed.channel },
          'order from the cloud placed',
        );
      if (this.#placing.get(order.id) === true) return; // answered at its commit
      this.o.answer({
        kind: 'accepted',
        orderId: placed.id,
        number: placed.number,
        totals: placed.totals,
        paid: placed.payment === 'paid',
        dueAt: placed.dueAt,
        at: at(),
      });
    } catch (err) {
      this.#reject(order.id, err, at());
    } finally {
      this.#placing.delete(order.id);
    }
  }

  /** A commit that placed one of the orders being placed from the cloud: accepted, at once. */
  #committed(batch: readonly StoreEvent[]): void {
    if (this.#placing.size === 0) return;
    for (const e of batch) {
      if (e.type !== 'order.placed' || this.#placing.get(e.subject) !== false) continue;
      const data = e.data as OrderPlacedData;
      this.#placing.set(e.subject, true);
      this.o.answer({
        kind: 'accepted',
        orderId: data.id,
        number: data.number,
        totals: data.totals,
        paid: batch.some((p) => p.type === 'order.paid' && (p.data as { orderId?: unknown }).orderId === data.id),
        dueAt: data.dueAt,
        at: e.at,
      });
    }
  }

  #reject(orderId: string, err: unknown, at: string): void {
    const known = isTillboxError(err);
    if (!known) this.o.log.warn({ err, orderId }, 'an order from the cloud failed');
    else this.o.log.info({ orderId, code: err.code, reason: err.message }, 'order from the cloud refused');
    this.o.answer({
      kind: 'rejected',
      orderId,
      code: known ? err.code : 'internal',
      reason: known ? err.message.slice(0, 500) : 'The store could not place the order; send it again',
      details: known
        ? err.details.slice(0, 50).map((d) => ({
            ...(d.path !== undefined ? { path: d.path.slice(0, 200) } : {}),
            message: d.message.slice(0, 500),
          }))
        : [],
      at,
    });
  }
}

/** The order id of a message that could not be read, when it has one that can be quoted back. */
function idOf(payload: Buffer): string {
  if (payload.length > 300_000) return '';
  try {
    const id = (JSON.parse(payload.toString('utf8')) as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id.length <= 64 ? id : '';
  } catch {
    return '';
  }
}
