/**
 * A member's ledger: append-only entries whose sum is the balance. The cloud keeps the ledger;
 * a store's loyalty events are its entries (one event, one entry: {@link ledgerEntryOf}), and the
 * store box estimates a balance with the same function when the cloud cannot be asked: what the
 * cloud last said plus the store's own entries it had not counted yet ({@link estimateBalance}).
 */
import { TillboxError } from '../errors.js';
import { LOYALTY_EVENTS, loyaltyRedeemed } from './events.js';

export const LEDGER_KINDS = ['accrual', 'redemption', 'adjustment', 'expiry'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** One entry of a member's ledger, as a store's event makes it. */
export interface LedgerEntry {
  memberId: string;
  kind: LedgerKind;
  /** Signed: an accrual adds, a redemption takes away. */
  points: number;
  orderId?: string;
  /** Why, for an adjustment (a person reads it). */
  reason?: string;
}

/** The entry a store's event puts in the ledger; undefined for an event that is none (or not readable). */
export function ledgerEntryOf(type: string, data: unknown): LedgerEntry | undefined {
  switch (type) {
    case 'loyalty.accrued': {
      const d = LOYALTY_EVENTS['loyalty.accrued'].schema.safeParse(data);
      return d.success
        ? { memberId: d.data.memberId, kind: 'accrual', points: d.data.points, orderId: d.data.orderId }
        : undefined;
    }
    case 'loyalty.redeemed': {
      const d = loyaltyRedeemed.safeParse(data);
      return d.success
        ? { memberId: d.data.memberId, kind: 'redemption', points: -d.data.points, orderId: d.data.orderId }
        : undefined;
    }
    case 'loyalty.reversed': {
      const d = LOYALTY_EVENTS['loyalty.reversed'].schema.safeParse(data);
      if (!d.success) return undefined;
      const { memberId, orderId, accrual, redemption, reason, lineIds } = d.data;
      const what = lineIds ? `${lineIds.length} line${lineIds.length === 1 ? '' : 's'} ${reason}` : `order ${reason}`;
      const parts = [
        redemption > 0 ? `${redemption} points spent given back` : '',
        accrual > 0 ? `${accrual} points earned taken back` : '',
      ].filter((p) => p !== '');
      return {
        memberId,
        kind: 'adjustment',
        points: redemption - accrual,
        orderId,
        reason: `${what}: ${parts.join(', ') || 'nothing to undo'}`,
      };
    }
    default:
      return undefined;
  }
}

/** A stored event, as the estimate reads it. */
export interface LoggedEvent {
  seq: number;
  type: string;
  data: unknown;
}

/** What the cloud last said: its balance without the store's entries after `storeSeq`. */
export interface SeenBalance {
  points: number;
  storeSeq: number;
}

export interface BalanceEstimate {
  /** The balance: what the cloud said plus the store's entries it had not counted. */
  points: number;
  /** The store's own entries not in what the cloud said (Σ, signed). */
  pending: number;
}

/**
 * The balance from what the cloud last said (none: 0, counting every entry of the store) and the
 * store's entries of the member from its log: those after `storeSeq` are added.
 */
export function estimateBalance(seen: SeenBalance | undefined, events: readonly LoggedEvent[]): BalanceEstimate {
  const after = seen?.storeSeq ?? 0;
  let pending = 0;
  for (const e of events) {
    if (e.seq <= after) continue;
    pending += ledgerEntryOf(e.type, e.data)?.points ?? 0;
  }
  return { points: (seen?.points ?? 0) + pending, pending };
}

/** Points a member redeemed at this store on `businessDay` while the cloud could not be asked. */
export function redeemedOffline(events: readonly LoggedEvent[], businessDay: string): number {
  let total = 0;
  for (const e of events) {
    if (e.type !== 'loyalty.redeemed') continue;
    const d = loyaltyRedeemed.safeParse(e.data);
    if (d.success && d.data.offline && d.data.businessDay === businessDay) total += d.data.points;
  }
  return total;
}

/**
 * May `points` be redeemed while the cloud cannot be asked? At most `maxPerDay` points per guest
 * per business day at this store (0: none), and never more than the estimated balance. Two stores
 * cut off from the cloud can each spend that much at most: what the merge finds spent twice
 * becomes an adjustment a manager sees, never a negative balance.
 */
export function checkOfflineRedemption(input: {
  points: number;
  balance: number;
  redeemedToday: number;
  maxPerDay: number;
}): void {
  const { points, balance, redeemedToday, maxPerDay } = input;
  if (points <= 0) return;
  const left = Math.max(0, maxPerDay - redeemedToday);
  if (points > left)
    throw new TillboxError(
      'conflict',
      left === 0
        ? `The store cannot reach the loyalty service: no more points can be redeemed for this guest today (at most ${maxPerDay} a day while offline)`
        : `The store cannot reach the loyalty service: at most ${left} more points can be redeemed for this guest today (${maxPerDay} a day while offline)`,
      { details: [{ path: 'loyalty.rewards', message: `at most ${left} points while offline` }] },
    );
  if (points > balance)
    throw new TillboxError('conflict', `The reward costs ${points} points; the guest has about ${balance}`, {
      details: [{ path: 'loyalty.rewards', message: `${balance} points available` }],
    });
}
