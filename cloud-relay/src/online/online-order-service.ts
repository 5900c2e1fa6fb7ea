/**
 * App and online orders: checked with the core's schema for `orders/in`, refused at once when
 * the store is offline, priced with the store's active configuration (a prepaid amount must be
 * that total) — for a loyalty member identified by their card, with the rewards they redeem
 * (`online-members.ts`: the ledger's balance less what their other online orders hold) — and
 * checked against what the store offers online (86, safety stock), recorded, published to the
 * store's `orders/in`, and answered with the store's `accepted` or `rejected` when it comes (or
 * `pending` after `answerTimeoutMs`). The answer may reach any instance: it is written to the
 * database, and the waiting instance reads it there. The same client id again is the same order;
 * with another cart it is a conflict. A quote runs the same pricing and checks.
 */
import {
  ERROR_CODES,
  inboundOrderSchema,
  onlineLoyaltySchema,
  TillboxError,
  uuidv7,
  type ErrorCode,
  type InboundOrder,
  type OnlineLoyalty,
  type OnlineOrderPhase,
  type onlineQuoteBodySchema,
  type OnlineQuote,
  type OrderAnswer,
  type PricingEngine,
  type Totals,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Publisher } from '../configuration/config-service.js';
import type { StoreService } from '../stores/store-service.js';
import { heldNote, type OnlineMemberBalance, type OnlineMembers } from './online-members.js';
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
  /** Loyalty members by their card, and the hold on their points (none: orders redeem nothing). */
  members?: OnlineMembers;
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
    const parsed = parseOrder(body, now);
    const loyalty = parseLoyalty(body);
    const member = loyalty ? await this.#member(loyalty, storeId, now) : undefined;
    const order = forMember(parsed, loyalty, member);
    const existing = await this.ctx.repository.find(order.id);
    if (existing) return this.#again(existing, storeId, order);
    await this.ctx.stores.assertOnline(storeId);
    const quote = await this.#price(storeId, order, member, order.guest.rewards ?? [], now);
    if (order.payment && order.payment.amount !== quote.totals.total)
      throw new TillboxError(
        'validation',
        `the order comes to ${quote.totals.total} ${quote.totals.currency} at the store, not ${order.payment.amount}: price the cart again`,
        { details: [{ path: 'payment.amount', message: `expected ${quote.totals.total}` }] },
      );
    const points = quote.pricing.loyaltyPointsRedeemed ?? 0;
    const added = await this.ctx.repository.insert(
      {
        id: order.id,
        storeId,
        channel: order.channel,
        request: order,
        quote: quote.totals,
        createdAt: now,
        ...(member ? { memberId: member.memberId, pointsRedeemed: points } : {}),
      },
      member && points > 0 && this.ctx.members ? this.ctx.members.guard(member.memberId, points, now) : undefined,
    );
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

  /**
   * Price a cart as the store will place it: for the member of the card, with their rewards.
   * Throws `conflict` for a reward the member cannot take (points, tier) and for an item the
   * store does not offer online now (or not as many), `not-found` for an unknown card.
   */
  async quote(storeId: string, body: z.output<typeof onlineQuoteBodySchema>): Promise<OnlineQuote> {
    const now = this.now();
    const lines = body.lines.map((l) => ({ ...l, lineId: l.lineId ?? uuidv7(now.getTime()) }));
    const member = body.loyalty ? await this.#member(body.loyalty, storeId, now) : undefined;
    const rewards = body.loyalty?.rewards ?? [];
    const q = await this.#price(
      storeId,
      { channel: body.channel, orderType: body.orderType, lines },
      member,
      rewards,
      now,
    );
    const { rewardsSkipped: _skipped, ...quote } = q;
    return {
      ...quote,
      ...(member ? { loyalty: { ...member, redeemed: q.pricing.loyaltyPointsRedeemed ?? 0 } } : {}),
    };
  }

  async #member(loyalty: OnlineLoyalty, storeId: string, now: Date): Promise<OnlineMemberBalance> {
    if (!this.ctx.members) throw new TillboxError('unavailable', 'loyalty is not offered online here');
    return this.ctx.members.byCard(loyalty.card, storeId, now);
  }

  /** The pricing of a cart (for a member, with rewards) and what the store offers: the quote's and the place's. */
  async #price(
    storeId: string,
    cart: Pick<InboundOrder, 'channel' | 'orderType' | 'lines'>,
    member: OnlineMemberBalance | undefined,
    rewards: readonly string[],
    now: Date,
  ) {
    const quote = await this.ctx.pricing.quote(
      storeId,
      {
        channel: cart.channel,
        orderType: cart.orderType,
        cart: { lines: cart.lines },
        ...(member
          ? {
              customer: {
                id: member.memberId,
                ...(member.tierId !== undefined ? { loyaltyTier: member.tierId } : {}),
                pointsBalance: member.available,
              },
            }
          : {}),
        rewards,
      },
      now,
    );
    if (quote.rewardsSkipped.length > 0) {
      throw new TillboxError('conflict', `${quote.rewardsSkipped.join('; ')}${heldNote(member?.held ?? 0)}`, {
        details: quote.rewardsSkipped.map((message) => ({ path: 'loyalty.rewards', message })),
      });
    }
    await this.ctx.stock?.assertOffered(storeId, cart.lines, (await this.ctx.pricing.engine(storeId)).engine);
    return quote;
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

/** The body's `loyalty` (the member's card and the rewards they redeem), if any. */
function parseLoyalty(body: unknown): OnlineLoyalty | undefined {
  const raw = typeof body === 'object' && body !== null ? (body as { loyalty?: unknown }).loyalty : undefined;
  if (raw === undefined) return undefined;
  const parsed = onlineLoyaltySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: ['loyalty', ...i.path].join('.'), message: i.message }));
  throw new TillboxError('validation', `Invalid loyalty: ${details[0]?.path}: ${details[0]?.message}`, { details });
}

/**
 * The order for the card's member with their rewards. Rewards need the card (a member id alone
 * earns points, it does not spend them): anyone may type an id, only the guest holds the card.
 */
function forMember(
  order: InboundOrder,
  loyalty: OnlineLoyalty | undefined,
  member: OnlineMemberBalance | undefined,
): InboundOrder {
  if (!loyalty || !member) {
    if ((order.guest.rewards?.length ?? 0) > 0)
      throw new TillboxError('validation', "Redeeming rewards online needs the member's loyalty card", {
        details: [{ path: 'loyalty.card', message: "the card's code (TBXM1-…), with the rewards in loyalty.rewards" }],
      });
    return order;
  }
  if (order.guest.memberId !== undefined && order.guest.memberId !== member.memberId)
    throw new TillboxError('validation', 'guest.memberId is not the member of that loyalty card', {
      details: [{ path: 'guest.memberId', message: 'leave it out: the card says who the member is' }],
    });
  const { rewards: named, ...guest } = order.guest;
  const rewards = loyalty.rewards.length > 0 ? loyalty.rewards : (named ?? []);
  return { ...order, guest: { ...guest, memberId: member.memberId, ...(rewards.length > 0 ? { rewards } : {}) } };
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
