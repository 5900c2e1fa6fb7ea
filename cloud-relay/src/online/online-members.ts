/**
 * Loyalty members on the online ordering API: the guest proves who they are with their card's
 * code, and the cloud's ledger is the balance (no offline estimate, no offline limit online).
 *
 * **One entry per redemption.** The ledger's entry for an online redemption is the store's
 * `loyalty.redeemed`, appended when the store places the order and ingested like every store
 * event (once per store and seq). The cloud writes no entry of its own: from the moment it
 * records the order to send until that event is in the ledger, the order's points are *held* —
 * the online order's row keeps `points_redeemed`, and a member's available points are their
 * ledger balance less the points of their online orders that were not refused, whose redemption
 * the ledger does not have yet, made in the last {@link HOLD_DAYS} days. A hold is never an entry,
 * so nothing is counted twice: it ends by itself when the store's entry arrives (or the store
 * refuses the order). The check that a redemption fits runs under the member's lock, the lock the
 * ingest takes to merge their entries, so two orders racing for the same points take turns. A
 * store asking for the balance gets it less what is held too ({@link heldForStore}), so a guest
 * cannot spend the same points at a counter while their online order is on its way.
 */
import { TillboxError } from '@tillbox/core';
import type { Tx } from '../db/database.js';
import type { LoyaltyRepository } from '../loyalty/loyalty-repository.js';
import type { LoyaltyService } from '../loyalty/loyalty-service.js';
import type { OnlineOrderRepository } from './online-order-repository.js';

/** How long an online order that the store has not put in the ledger holds its points. */
export const HOLD_DAYS = 7;

/** A member as an online quote prices for them. */
export interface OnlineMemberBalance {
  memberId: string;
  name?: string;
  tierId?: string;
  /** The ledger's balance. */
  points: number;
  /** Points held by their online orders on their way to a store. */
  held: number;
  /** points − held, never below zero. */
  available: number;
}

export class OnlineMembers {
  constructor(
    private readonly ctx: {
      loyalty: LoyaltyService;
      ledger: LoyaltyRepository;
      orders: OnlineOrderRepository;
    },
  ) {}

  /** The card's member, their balance and what is held (`not-found` for an unknown card). */
  async byCard(card: string, storeId: string, now: Date): Promise<OnlineMemberBalance> {
    const member = await this.ctx.loyalty.card(card, storeId);
    const held = await this.#held(member.memberId, now);
    return {
      memberId: member.memberId,
      ...(member.name !== undefined ? { name: member.name } : {}),
      ...(member.tierId !== undefined ? { tierId: member.tierId } : {}),
      points: member.points,
      held,
      available: Math.max(0, member.points - held),
    };
  }

  /**
   * The guard of an order about to be recorded: in its transaction, under the member's lock,
   * `points` must fit in the balance less what the member's other online orders hold, else
   * `conflict` and nothing is recorded.
   */
  guard(memberId: string, points: number, now: Date): (tx: Tx) => Promise<void> {
    return async (tx) => {
      const balance = await this.ctx.ledger.lockedBalance(tx, memberId);
      const held = await this.#held(memberId, now, tx);
      const available = Math.max(0, balance - held);
      if (points > available) throw insufficient(points, available, held);
    };
  }

  /**
   * What a store asking for the member's balance (`loyalty.balance`, `loyalty.lookup`) must not
   * spend again: the points held by their online orders, but for those the asking store has
   * accepted — it placed them, and its own log's `loyalty.redeemed` already counts in its estimate.
   */
  async heldForStore(memberId: string, storeId: string, now: Date): Promise<number> {
    return this.#held(memberId, now, undefined, (o) => !(o.storeId === storeId && o.state === 'accepted'));
  }

  async #held(
    memberId: string,
    now: Date,
    tx?: Tx,
    counts: (o: { storeId: string; state: string }) => boolean = () => true,
  ): Promise<number> {
    const since = new Date(now.getTime() - HOLD_DAYS * 24 * 3600 * 1000);
    const orders = (await this.ctx.orders.redeeming(memberId, since, tx)).filter(counts);
    if (orders.length === 0) return 0;
    const inLedger = await this.ctx.ledger.redeemedOrders(
      memberId,
      orders.map((o) => o.id),
      tx,
    );
    return orders.filter((o) => !inLedger.has(o.id)).reduce((s, o) => s + o.points, 0);
  }
}

/** What a refusal adds when the member's other online orders hold points. */
export function heldNote(held: number): string {
  return held > 0 ? ` (${held} more are held by your orders on their way to a store)` : '';
}

/** The rewards cost more than the member may spend now. */
export function insufficient(points: number, available: number, held: number): TillboxError {
  return new TillboxError(
    'conflict',
    `The rewards cost ${points} points; you have ${available} points to spend${heldNote(held)}`,
    { details: [{ path: 'loyalty.rewards', message: `${available} points available` }] },
  );
}
