/**
 * Loyalty at the store: identifying a guest (their card's QR code, their phone number, or a
 * member id), their balance, and what orders do to it. The cloud keeps the ledger; the store asks
 * it (`loyalty.lookup`, `loyalty.balance` through the relay) and keeps each answer in its own log
 * (`loyalty.member-seen`, appended only when what the cloud says changed). Phones and cards are kept
 * as an HMAC keyed with the chain's member key (`loyalty.memberHashKey`, the cloud's too); a
 * screen may look up at most `loyalty.lookupsPerDevicePerMinute` members a minute. When the cloud cannot be reached it answers from the last balance the
 * cloud gave plus its own entries since (accruals, redemptions in its log that the cloud had not
 * counted), and says so (`offline-estimate`); redemption is then limited per guest per day.
 * Accruals and reversals are appended in the order's transaction (an order effect); a redemption
 * in the transaction that places the order. The rules are the core's (`../loyalty` in @tillbox/core).
 */
import { createHmac } from 'node:crypto';
import {
  checkOfflineRedemption,
  estimateBalance,
  isMemberQr,
  loyaltyEventsOf,
  memberHashKey,
  memberKey,
  normalisePhone,
  redeemedOffline,
  redemptionOf,
  TillboxError,
  type BalanceSource,
  type CommandContext,
  type LoyaltyLookupQuery,
  type LoyaltyMemberSeenData,
  type MemberBalance,
  type Order,
  type OrderEvent,
  type PriceResult,
  type RpcMethod,
  type RpcParams,
  type RpcResult,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { Tx } from '../db/database.js';
import type { Append, EventLog } from '../events/event-log.js';
import { LookupLimit } from './lookup-limit.js';
import type { LoyaltyRepository, SeenRow } from './loyalty-repository.js';

/** How the store asks the cloud (the relay's `request`). */
export type CloudAsk = <M extends RpcMethod>(
  method: M,
  params: RpcParams<M>,
  options: { timeoutMs?: number },
) => Promise<RpcResult<M>>;

export interface LoyaltySettings {
  offlineMaxPointsPerGuestPerDay: number;
  requestTimeoutMs: number;
  callingCode: string;
  /** The chain's member key (empty: the demo chain's); the cloud hashes with the same one. */
  memberHashKey?: string;
  /** Lookups one screen may make a minute (default 20). */
  lookupsPerDevicePerMinute?: number;
}

/** What the cloud said of a member, as the store keeps it: is `next` the same as `last`? */
function sameSeen(last: LoyaltyMemberSeenData | undefined, next: LoyaltyMemberSeenData): boolean {
  if (!last) return false;
  const keys = new Set([...Object.keys(last), ...Object.keys(next)] as (keyof LoyaltyMemberSeenData)[]);
  for (const k of keys) if (last[k] !== next[k]) return false;
  return true;
}

export class LoyaltyService {
  #cloud: CloudAsk | undefined;
  #limit: LookupLimit | undefined;
  #keyMismatchWarned = false;

  constructor(
    private readonly ctx: {
      events: EventLog;
      repository: LoyaltyRepository;
      settings: LoyaltySettings;
      /** The business day of a moment (the offline limit is per day). */
      businessDay: (at: number) => string;
      log: Logger;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.ctx.now ?? Date.now)();
  }

  /** The relay, once it exists (the store box starts it after its capabilities). */
  attachCloud(ask: CloudAsk | undefined): void {
    this.#cloud = ask;
  }

  /** How this store keeps a phone or card: HMAC-SHA256 of the core's memberKey with the chain's member key. */
  #hash(kind: 'phone' | 'qr', value: string): string {
    return createHmac('sha256', memberHashKey(this.ctx.settings.memberHashKey ?? ''))
      .update(memberKey(kind, value))
      .digest('hex');
  }

  /**
   * Who the guest is and their points. Throws `validation` for a code that is no loyalty card or
   * text that is no phone number, `not-found` for a guest the cloud does not know (or, offline,
   * one this store has never seen), `rate-limited` when this screen has looked up too many (nothing
   * is asked or kept then).
   */
  async lookup(cmd: CommandContext, query: LoyaltyLookupQuery): Promise<MemberBalance> {
    this.#limit ??= new LookupLimit(this.ctx.settings.lookupsPerDevicePerMinute ?? 20);
    this.#limit.take(cmd.device ?? 'system', this.now());
    const by = this.#parse(query);
    const params = 'memberId' in by ? { memberId: by.memberId } : by.phone ? { phone: by.phone } : { qr: by.qr };
    const key =
      'memberId' in by
        ? { memberId: by.memberId }
        : by.phone
          ? { phoneHash: this.#hash('phone', by.phone) }
          : { qrHash: this.#hash('qr', by.qr ?? '') };
    const answered = await this.#ask(cmd, 'memberId' in params ? 'loyalty.balance' : 'loyalty.lookup', params);
    if (answered) {
      this.#checkKey(key, answered);
      return this.balance(answered.memberId, 'cloud');
    }
    const seen = this.ctx.repository.lastSeen(key);
    if (!seen && !('memberId' in by))
      throw new TillboxError(
        'not-found',
        'The loyalty service cannot be reached and this guest has not been seen at this store: try again later',
      );
    return this.balance(seen?.data.memberId ?? (by as { memberId: string }).memberId, 'offline-estimate');
  }

  #parse(query: LoyaltyLookupQuery): { memberId: string } | { phone?: string; qr?: string } {
    if (query.memberId !== undefined) return { memberId: query.memberId };
    if (query.qr !== undefined) {
      if (!isMemberQr(query.qr))
        throw new TillboxError('validation', 'That code is not a loyalty card', {
          details: [{ path: 'qr', message: 'a loyalty card code starts with TBXM1-' }],
        });
      return { qr: query.qr.trim() };
    }
    const phone = normalisePhone(query.phone ?? '', this.ctx.settings.callingCode);
    if (!phone)
      throw new TillboxError('validation', `"${query.phone ?? ''}" is not a phone number`, {
        details: [{ path: 'phone', message: 'the digits of a phone number, with its country code if it is abroad' }],
      });
    return { phone };
  }

  /**
   * Ask the cloud and keep its answer in the log; undefined when it cannot be reached. A guest
   * the cloud does not know is `not-found`.
   */
  async #ask<M extends 'loyalty.balance' | 'loyalty.lookup'>(
    cmd: CommandContext,
    method: M,
    params: RpcParams<M>,
  ): Promise<RpcResult<M> | undefined> {
    const cloud = this.#cloud;
    if (!cloud) return undefined;
    let result: RpcResult<M>;
    try {
      result = await cloud(method, params, { timeoutMs: this.ctx.settings.requestTimeoutMs });
    } catch (err) {
      if (err instanceof TillboxError && err.code === 'not-found')
        throw new TillboxError('not-found', 'No loyalty member with that card or phone number');
      if (!(err instanceof TillboxError && err.code === 'unavailable'))
        this.ctx.log.warn({ err, method }, 'the loyalty service answered with an error; using the offline estimate');
      return undefined;
    }
    const data: LoyaltyMemberSeenData = {
      memberId: result.memberId,
      points: result.points - (result.storeAbove ?? 0),
      storeSeq: result.storeSeq ?? 0,
      ...(result.tierId !== undefined ? { tierId: result.tierId } : {}),
      ...(result.name !== undefined ? { name: result.name } : {}),
      ...(result.phoneHash !== undefined ? { phoneHash: result.phoneHash } : {}),
      ...(result.qrHash !== undefined ? { qrHash: result.qrHash } : {}),
    };
    // The log keeps what the cloud said when it changed, not every time it was asked. (A cache
    // entry with hashes made before the member key — plain SHA-256 — differs, so it is replaced.)
    if (sameSeen(this.ctx.repository.lastSeen({ memberId: result.memberId })?.data, data)) return result;
    const at = this.now();
    this.ctx.events.transact(cmd, (_tx, append) => {
      append({ type: 'loyalty.member-seen', subject: result.memberId, at, data });
    });
    return result;
  }

  /** A cloud hashing with another member key than this store's: say so once (offline lookups by phone or card would miss). */
  #checkKey(key: { phoneHash?: string; qrHash?: string }, answered: { phoneHash?: string; qrHash?: string }): void {
    const differs =
      (key.phoneHash !== undefined && answered.phoneHash !== undefined && key.phoneHash !== answered.phoneHash) ||
      (key.qrHash !== undefined && answered.qrHash !== undefined && key.qrHash !== answered.qrHash);
    if (!differs || this.#keyMismatchWarned) return;
    this.#keyMismatchWarned = true;
    this.ctx.log.warn(
      'the cloud hashes members with another key than loyalty.memberHashKey: set the same key at the store and in the cloud, or guests are not found by phone or card while the cloud is away',
    );
  }

  /** The member's balance as the store knows it now: the cloud's last word plus the store's entries since. */
  balance(memberId: string, source: BalanceSource): MemberBalance {
    const seen = this.ctx.repository.lastSeen({ memberId });
    const estimate = this.#estimate(memberId, seen);
    const out: MemberBalance = {
      memberId,
      points: estimate.points,
      source,
      pending: estimate.pending,
      ...(seen?.data.name !== undefined ? { name: seen.data.name } : {}),
      ...(seen?.data.tierId !== undefined ? { tierId: seen.data.tierId } : {}),
      ...(seen ? { asOf: new Date(seen.at).toISOString() } : {}),
    };
    if (source === 'offline-estimate') {
      const max = this.ctx.settings.offlineMaxPointsPerGuestPerDay;
      const today = this.#redeemedToday(memberId);
      out.offline = {
        maxPointsPerDay: max,
        redeemedToday: today,
        redeemable: Math.max(0, Math.min(max - today, estimate.points)),
      };
    }
    return out;
  }

  #estimate(memberId: string, seen: SeenRow | undefined): { points: number; pending: number } {
    const after = seen?.data.storeSeq ?? 0;
    return estimateBalance(seen?.data, this.ctx.repository.eventsAfter(memberId, after));
  }

  #redeemedToday(memberId: string): number {
    const day = this.ctx.businessDay(this.now());
    return redeemedOffline(this.ctx.repository.redemptionsOn(memberId, day), day);
  }

  // ── orders ────────────────────────────────────────────────────────────────────────────────

  /**
   * Before an order for a member is placed (outside its transaction): ask the cloud for the
   * balance (what another store spent a minute ago counts). `cloud` when the balance is the
   * cloud's, `offline-estimate` when it could not be asked; `not-found` for a member it does not know.
   */
  async prepare(cmd: CommandContext, memberId: string): Promise<BalanceSource> {
    return (await this.#ask(cmd, 'loyalty.balance', { memberId })) ? 'cloud' : 'offline-estimate';
  }

  /** In the placing transaction: the customer the order is priced for (their tier and balance). */
  customer(memberId: string): { id: string; loyaltyTier?: string; pointsBalance: number } {
    const seen = this.ctx.repository.lastSeen({ memberId });
    const { points } = this.#estimate(memberId, seen);
    const tier = seen?.data.tierId;
    return { id: memberId, ...(tier !== undefined ? { loyaltyTier: tier } : {}), pointsBalance: Math.max(0, points) };
  }

  /**
   * In the placing transaction, before the order is decided: every reward asked for must be in
   * the price (`conflict` naming why one is not: points, tier, nothing that qualifies), and,
   * offline, within the day's limit.
   */
  checkRedemption(memberId: string, requested: readonly string[], priced: PriceResult, source: BalanceSource): void {
    if (requested.length === 0) return;
    const skipped = priced.skipped.filter((s) => s.source === 'reward');
    if (skipped.length > 0)
      throw new TillboxError('conflict', skipped.map((s) => s.message).join('; '), {
        details: skipped.map((s) => ({ path: 'loyalty.rewards', message: `${s.promotionId}: ${s.message}` })),
      });
    if (source === 'cloud') return;
    checkOfflineRedemption({
      points: priced.loyalty.pointsRedeemed,
      balance: this.customer(memberId).pointsBalance,
      redeemedToday: this.#redeemedToday(memberId),
      maxPerDay: this.ctx.settings.offlineMaxPointsPerGuestPerDay,
    });
  }

  /** In the placing transaction, once placed: the points it spends. */
  placed(append: Append, order: Order, source: BalanceSource): void {
    const redemption = redemptionOf(order, source === 'offline-estimate');
    if (redemption) append(redemption);
  }

  /** An order effect: the points an order earns when paid, and what a cancel, void or whole refund gives back. */
  afterOrder(_tx: Tx, append: Append, events: readonly OrderEvent[], at: number, order: Order): void {
    for (const e of loyaltyEventsOf(order, events)) append({ ...e, at });
  }
}
