/**
 * The customer on the counter's ticket: a loyalty member attached by their phone number or their
 * card (scanned), their points as the store box gives them (from the cloud, or its estimate while
 * the cloud is away), and the rewards they redeem. The member and the rewards live in the ticket's
 * cart, so the counter's preview prices them and the order is placed for the member.
 */
import type { MemberBalance } from '@tillbox/core';
import type { CartLoyalty } from '$lib/sale/cart.js';
import { cartLoyaltyOf, lookupMember, toggledReward, type MemberQuery } from '$lib/sale/loyalty.js';
import type { CounterTicket } from '../ticket.svelte.js';

export class CounterCustomer {
  phone = $state('');
  looking = $state(false);
  /** Why the last lookup found nobody. */
  error = $state<unknown>(undefined);
  /** What the store box last said of the attached member. */
  balance = $state<MemberBalance | undefined>(undefined);
  readonly #ticket: CounterTicket;
  readonly #lookup: (query: MemberQuery) => Promise<MemberBalance>;

  constructor(ticket: CounterTicket, lookup: (query: MemberQuery) => Promise<MemberBalance> = lookupMember) {
    this.#ticket = ticket;
    this.#lookup = lookup;
  }

  /** The member on the ticket (none after a new order). */
  get member(): CartLoyalty | undefined {
    return this.#ticket.cart.state.loyalty;
  }

  /** The balance shown: what the store box said, for the member on the ticket (or on its placed order). */
  get shown(): MemberBalance | undefined {
    const id = this.member?.memberId ?? this.#ticket.order?.memberId;
    return id !== undefined && this.balance?.memberId === id ? this.balance : undefined;
  }

  /** A customer is attached before the order goes to the edge: the order is placed for them. */
  get open(): boolean {
    return this.#ticket.order === undefined && this.#ticket.editable;
  }

  /** Attach the member with this phone number, card or id. */
  async find(query: MemberQuery): Promise<boolean> {
    if (!this.open || this.looking) return false;
    this.looking = true;
    this.error = undefined;
    try {
      const balance = await this.#lookup(query);
      this.balance = balance;
      this.#ticket.cart.setLoyalty(cartLoyaltyOf(balance, this.member));
      this.phone = '';
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.looking = false;
    }
  }

  /** Redeem a reward, or give it back. */
  toggle(rewardId: string): void {
    const member = this.member;
    if (member && this.open) this.#ticket.cart.setLoyalty(toggledReward(member, rewardId));
  }

  detach(): void {
    if (!this.open) return;
    this.#ticket.cart.setLoyalty(undefined);
    this.balance = undefined;
    this.error = undefined;
  }
}
