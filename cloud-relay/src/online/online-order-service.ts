/**
 * App and online orders: checked with the core's schema for `orders/in`, refused at once when
 * the store is offline, priced with the store's active configuration (a prepaid amount must be
 * that total), recorded, published to the store's `orders/in`, and answered with the store's
 * `accepted` or `rejected` when it comes (or `pending` after `answerTimeoutMs`). The answer may
 * reach any instance: it is written to the database, and the waiting instance reads it there.
 * The same client id again is the same order; with another cart it is a conflict.
 */
import {
  ERROR_CODES,
  inboundOrderSchema,
  TillboxError,
  type ErrorCode,
  type InboundOrder,
  type OnlineOrderPhase,
  type OrderAnswer,
  type PricingEngine,
  type Totals,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { Publisher } from '../configuration/config-service.js';
import type { StoreService } from '../stores/store-service.js';
import type { OnlineOrderRepository, OnlineOrderRow } from './online-order-repository.js';
import type { StorePricing } from './store-pricing.js';

/** What the guest's page shows (the core's `ONLINE_ORDER_PHASES`). */
export type OrderPhase = OnlineOrderPhase;

export interface OnlineOrderView {
  id: string;
  storeId: string;
  channel: string;
  state: 'pending' | 'accepted' | 'rejected';
  phase: OrderPhase;
  number?: number;
  totals: Totals;
  paid?: boolean;
  status?: string;
  code?: string;
  reason?: string;
  createdAt: string;
  answeredAt?: string;
}

export interface OnlineOrderServiceContext {
  repository: OnlineOrderRepository;
  stores: StoreService;
  pricing: StorePricing;
  publisher: Publisher;
  answerTimeoutMs: number;
  /** Refuses items the store does not offer online now (86'd, at or below safety stock: `cloud-relay/src/stock/`). */
  stock?: { assertOffered(storeId: string, lines: InboundOrder['lines'], engine: PricingEngine): Promise<void> };
  log: Logger;
  now?: () => Date;
}

/** How often a waiting request looks for an answer another instance wrote. */
const POLL_MS = 200;

export class OnlineOrderService {
  readonly #waiters = new Map<string, Set<() => void>>();

  constructor(private readonly ctx: OnlineOrderServiceContext) {}

  private now(): Date {
    return (this.ctx.now ?? (() => new Date()))();
  }

  /**
   * Place an order at a store. Answers the order `accepted` (`created`) or still `pending` after
   * the wait; throws the store's refusal with its code and reason, `unavailable` when the store is
   * offline, `validation` for a cart the store's menu cannot sell, `conflict` for a reused id.
   */
  async place(storeId: string, body: unknown): Promise<OnlineOrderView> {
    const now = this.now();
    const order = parseOrder(body, now);
    const existing = await this.ctx.repository.find(order.id);
    if (existing) return this.#again(existing, storeId, order);
    await this.ctx.stores.assertOnline(storeId);
    const quote = await this.ctx.pricing.quote(
      storeId,
      { channel: order.channel, orderType: order.orderType, cart: { lines: order.lines } },
      now,
    );
    if (order.payment && order.payment.amount !== quote.totals.total)
      throw new TillboxError(
        'validation',
        `the order comes to ${quote.totals.total} ${quote.totals.currency} at the store, not ${order.payment.amount}: price the cart again`,
        { details: [{ path: 'payment.amount', message: `expected ${quote.totals.total}` }] },
      );
    await this.ctx.stock?.assertOffered(storeId, order.lines, (await this.ctx.pricing.engine(storeId)).engine);
    const added = await this.ctx.repository.insert({
      id: order.id,
      storeId,
      channel: order.channel,
      request: order,
      quote: quote.totals,
      createdAt: now,
    });
    if (!added) throw new TillboxError('conflict', `order ${order.id} is being placed already`);
    try {
      await this.ctx.publisher.publish(storeId, 'orders/in', order);
    } catch (err) {
      await this.ctx.repository.remove(order.id);
      throw err;
    }
    this.ctx.log.info({ storeId, orderId: order.id, channel: order.channel }, 'online order sent to the store');
    return this.#settled(await this.#answer(order.id));
  }

  /** The order as the guest's page shows it. */
  async view(id: string): Promise<OnlineOrderView> {
    const row = await this.ctx.repository.find(id);
    if (!row) throw new TillboxError('not-found', `no order ${id}`);
    return viewOf(row);
  }

  /** An answer or a status from a store on `orders/out`; acknowledged once written. */
  async receiveAnswer(storeId: string, answer: OrderAnswer): Promise<void> {
    const at = this.now();
    const row =
      answer.kind === 'status'
        ? await this.ctx.repository.status(storeId, answer, at)
        : await this.ctx.repository.answer(storeId, answer, at);
    if (answer.kind === 'rejected' && row)
      this.ctx.log.info({ storeId, orderId: answer.orderId, code: answer.code }, 'the store rejected an online order');
    for (const wake of this.#waiters.get(answer.orderId) ?? []) wake();
  }

  async #again(existing: OnlineOrderRow, storeId: string, order: InboundOrder): Promise<OnlineOrderView> {
    if (existing.storeId !== storeId || !sameOrder(existing.request, order))
      throw new TillboxError('conflict', `order id ${order.id} was already used for a different order`, {
        details: [{ path: 'id', message: 'make a new id for a new order' }],
      });
    return this.#settled(existing.state === 'pending' ? await this.#answer(order.id) : existing);
  }

  /** A rejected order throws the store's reason; otherwise its view. */
  #settled(row: OnlineOrderRow | undefined): OnlineOrderView {
    if (!row) throw new TillboxError('internal', 'the order was lost while waiting for the store');
    if (row.state === 'rejected') {
      const code = ERROR_CODES.find((c): c is ErrorCode => c === row.code) ?? 'conflict';
      throw new TillboxError(code, `the store refused the order: ${row.reason ?? 'no reason given'}`, {
        details: [{ path: 'order', message: 'change the order, or order at the store' }],
      });
    }
    return viewOf(row);
  }

  /** Waits for the store's answer until the timeout; answers the row as it then stands. */
  async #answer(id: string): Promise<OnlineOrderRow | undefined> {
    const until = Date.now() + this.ctx.answerTimeoutMs;
    for (;;) {
      const row = await this.ctx.repository.find(id);
      const left = until - Date.now();
      if (!row || row.state !== 'pending' || left <= 0) return row;
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.#waiters.get(id)?.delete(wake);
          if (this.#waiters.get(id)?.size === 0) this.#waiters.delete(id);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(POLL_MS, left));
        const set = this.#waiters.get(id) ?? new Set();
        set.add(wake);
        this.#waiters.set(id, set);
      });
    }
  }
}

/** The body of a place request as an `orders/in` message (the cloud stamps `sentAt`). */
function parseOrder(body: unknown, now: Date): InboundOrder {
  const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const parsed = inboundOrderSchema.safeParse({ ...input, sentAt: now.toISOString() });
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new TillboxError(
    'validation',
    `Invalid order: ${details
      .slice(0, 3)
      .map((d) => `${d.path}: ${d.message}`)
      .join('; ')}`,
    { details },
  );
}

/** The same order: everything but when it was sent (keys in any order: jsonb keeps its own). */
function sameOrder(stored: unknown, order: InboundOrder): boolean {
  const { sentAt: _a, ...a } = stored as InboundOrder;
  const { sentAt: _b, ...b } = order;
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function phaseOf(row: OnlineOrderRow): OrderPhase {
  if (row.state === 'pending') return 'sent';
  if (row.state === 'rejected') return 'rejected';
  switch (row.status) {
    case 'fired':
    case 'recalled':
      return 'preparing';
    case 'ready':
      return 'ready';
    case 'picked-up':
    case 'completed':
      return 'picked-up';
    case 'cancelled':
    case 'voided':
      return 'cancelled';
    default:
      return 'placed';
  }
}

export function viewOf(row: OnlineOrderRow): OnlineOrderView {
  return {
    id: row.id,
    storeId: row.storeId,
    channel: row.channel,
    state: row.state as OnlineOrderView['state'],
    phase: phaseOf(row),
    ...(row.number !== null ? { number: row.number } : {}),
    totals: (row.totals ?? row.quote) as Totals,
    ...(row.paid !== null ? { paid: row.paid } : {}),
    ...(row.status !== null ? { status: row.status } : {}),
    ...(row.code !== null ? { code: row.code } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    createdAt: row.createdAt.toISOString(),
    ...(row.answeredAt ? { answeredAt: row.answeredAt.toISOString() } : {}),
  };
}
