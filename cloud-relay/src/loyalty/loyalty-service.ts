/**
 * The chain's loyalty programme in the cloud: accounts (how a store identifies a member: the
 * card's QR code or the phone number), balances as the sum of each member's ledger, tiers from the
 * points earned in a year (the thresholds of the loyalty rules the store runs), the store's
 * requests (`loyalty.balance`, `loyalty.lookup` on rpc/req), managers' adjustments and the list of
 * conflicts the merge found.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  loyaltySchema,
  MEMBER_QR_PREFIX,
  memberHashKey,
  memberKey,
  normalisePhone,
  tierOf,
  TillboxError,
  uuidv7,
  type LoyaltyRules,
  type RpcParams,
  type RpcResult,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { Tx } from '../db/database.js';
import type { StoreEventRow } from '../ingest/ingest-repository.js';
import type { AccountRow, LedgerRow, LoyaltyRepository } from './loyalty-repository.js';

/** The loyalty rules a store runs (its active `loyalty` configuration), when the cloud knows them. */
export type LoyaltyRulesOf = (storeId: string) => Promise<LoyaltyRules | undefined>;

export interface AccountView {
  memberId: string;
  name?: string;
  phone?: string;
  qrCode?: string;
  points: number;
  tierId?: string;
  createdAt: string;
}

export interface EntryView {
  id: string;
  memberId: string;
  kind: string;
  points: number;
  origin: string;
  storeId?: string;
  seq?: number;
  orderId?: string;
  reason?: string;
  conflict: boolean;
  at: string;
  recordedAt: string;
}

/** How the stores keep a member's phone or card: HMAC-SHA256 of the core's memberKey with the chain's member key. */
export const memberHash = (key: string, kind: 'phone' | 'qr', value: string): string =>
  createHmac('sha256', memberHashKey(key)).update(memberKey(kind, value)).digest('hex');

export function entryView(r: LedgerRow): EntryView {
  return {
    id: r.id,
    memberId: r.memberId,
    kind: r.kind,
    points: r.points,
    origin: r.origin,
    ...(r.storeId !== null ? { storeId: r.storeId } : {}),
    ...(r.seq !== null ? { seq: r.seq } : {}),
    ...(r.orderId !== null ? { orderId: r.orderId } : {}),
    ...(r.reason !== null ? { reason: r.reason } : {}),
    conflict: r.conflict,
    at: r.at.toISOString(),
    recordedAt: r.recordedAt.toISOString(),
  };
}

export class LoyaltyService {
  constructor(
    private readonly ctx: {
      repository: LoyaltyRepository;
      rules: LoyaltyRulesOf;
      /** The country calling code of phone numbers written without one (e.g. "1"). */
      callingCode: string;
      /** The chain's member key (`loyalty.memberHashKey`; empty: the demo chain's), shared with every store. */
      memberHashKey?: string;
      /**
       * Points the member's online orders hold that the asking store's log does not count yet
       * (`online/online-members.ts`): a store's answer is the balance less them.
       */
      held?: (memberId: string, storeId: string, now: Date) => Promise<number>;
      log: Logger;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return (this.ctx.now ?? (() => new Date()))();
  }

  /** In the ingest's transaction: the ledger entries of newly stored events (each once). */
  async applyIngested(tx: Tx, fresh: readonly StoreEventRow[], now: Date): Promise<void> {
    const conflicts = await this.ctx.repository.applyStoreEvents(tx, fresh, now);
    for (const c of conflicts)
      this.ctx.log.warn(
        { memberId: c.memberId, storeId: c.storeId, seq: c.seq, points: c.points },
        'loyalty conflict: a balance was spent twice; adjusted back to zero for a manager to review',
      );
  }

  /** A store asks for a member's balance (`loyalty.balance`) or looks one up by phone or card (`loyalty.lookup`). */
  async forStore(
    storeId: string,
    by: RpcParams<'loyalty.lookup'> | { memberId: string },
  ): Promise<RpcResult<'loyalty.balance'>> {
    const account = await this.find(by);
    if (!account) throw new TillboxError('not-found', 'no loyalty member with that card or phone number');
    return this.resultOf(account, storeId);
  }

  private async find(by: { memberId?: string; phone?: string; qr?: string }): Promise<AccountRow | undefined> {
    const r = this.ctx.repository;
    if (by.memberId !== undefined) return r.account({ memberId: by.memberId });
    if (by.qr !== undefined) return r.account({ qrCode: by.qr.trim() });
    const phone = by.phone === undefined ? undefined : normalisePhone(by.phone, this.ctx.callingCode);
    return phone === undefined ? undefined : r.account({ phone });
  }

  private async resultOf(account: AccountRow, storeId: string): Promise<RpcResult<'loyalty.balance'>> {
    const now = this.now();
    const [balance, rules, held] = await Promise.all([
      this.ctx.repository.balance(account.memberId, storeId, now),
      this.ctx.rules(storeId).catch(() => undefined),
      this.ctx.held ? this.ctx.held(account.memberId, storeId, now) : 0,
    ]);
    const tierId = tierOf(rules, balance.earnedInYear);
    return {
      memberId: account.memberId,
      points: Math.max(0, balance.points - held),
      ...(tierId ? { tierId } : {}),
      ...(account.name ? { name: account.name } : {}),
      storeSeq: balance.storeSeq ?? 0,
      storeAbove: balance.storeAbove ?? 0,
      ...(account.phone ? { phoneHash: memberHash(this.ctx.memberHashKey ?? '', 'phone', account.phone) } : {}),
      ...(account.qrCode ? { qrHash: memberHash(this.ctx.memberHashKey ?? '', 'qr', account.qrCode) } : {}),
    };
  }

  /** A member's account with its balance and tier (at `storeId`'s rules when given). */
  async account(memberId: string, storeId?: string): Promise<AccountView> {
    const account = await this.ctx.repository.account({ memberId });
    if (!account) throw new TillboxError('not-found', `no loyalty member "${memberId}"`);
    return this.view(account, storeId);
  }

  /** The balance shown to the guest holding the card (the code is the card's secret). */
  async card(code: string, storeId?: string): Promise<Omit<AccountView, 'phone' | 'qrCode' | 'createdAt'>> {
    const account = await this.ctx.repository.account({ qrCode: code.trim() });
    if (!account) throw new TillboxError('not-found', 'no loyalty card with that code');
    const { memberId, name, points, tierId } = await this.view(account, storeId);
    return { memberId, points, ...(name ? { name } : {}), ...(tierId ? { tierId } : {}) };
  }

  private async view(a: AccountRow, storeId?: string): Promise<AccountView> {
    const now = this.now();
    const balance = await this.ctx.repository.balance(a.memberId, undefined, now);
    const rules = storeId ? await this.ctx.rules(storeId).catch(() => undefined) : undefined;
    const tierId = tierOf(rules, balance.earnedInYear);
    return {
      memberId: a.memberId,
      ...(a.name ? { name: a.name } : {}),
      ...(a.phone ? { phone: a.phone } : {}),
      ...(a.qrCode ? { qrCode: a.qrCode } : {}),
      points: balance.points,
      ...(tierId ? { tierId } : {}),
      createdAt: a.createdAt.toISOString(),
    };
  }

  /** A new member with a new card code; `conflict` when the phone (or the id) belongs to a member already. */
  async createAccount(input: {
    memberId?: string;
    name?: string;
    phone?: string;
    qrCode?: string;
  }): Promise<AccountView> {
    const phone = input.phone === undefined ? undefined : normalisePhone(input.phone, this.ctx.callingCode);
    if (input.phone !== undefined && phone === undefined)
      throw new TillboxError('validation', `"${input.phone}" is not a phone number`, {
        details: [{ path: 'phone', message: 'a phone number with its country code, e.g. +1 555 010 0199' }],
      });
    const qrCode = input.qrCode ?? `${MEMBER_QR_PREFIX}${randomBytes(16).toString('base64url')}`;
    const memberId = input.memberId ?? `m-${uuidv7(this.now().getTime())}`;
    if (await this.ctx.repository.taken(phone, qrCode))
      throw new TillboxError('conflict', 'a loyalty member has this phone number or card already');
    const created = await this.ctx.repository.insertAccount({
      memberId,
      name: input.name ?? null,
      phone: phone ?? null,
      qrCode,
    });
    if (!created) throw new TillboxError('conflict', `a loyalty member "${memberId}" exists already`);
    return this.view(created);
  }

  /** A manager's adjustment (or an expiry), once per `key`; never below zero. */
  async adjust(
    memberId: string,
    input: { points: number; reason: string; key: string; kind?: 'adjustment' | 'expiry' },
  ): Promise<EntryView> {
    const account = await this.ctx.repository.account({ memberId });
    if (!account) throw new TillboxError('not-found', `no loyalty member "${memberId}"`);
    const now = this.now();
    if (input.points < 0) {
      const { points } = await this.ctx.repository.balance(memberId, undefined, now);
      if (points + input.points < 0)
        throw new TillboxError('conflict', `the member has ${points} points: ${-input.points} cannot be taken`);
    }
    const origin = `admin:${input.key}`;
    const row = await this.ctx.repository.addEntry(
      { origin, memberId, kind: input.kind ?? 'adjustment', points: input.points, reason: input.reason, at: now },
      now,
    );
    if (row) return entryView(row);
    const same = (await this.ctx.repository.entries(memberId, 1000)).find((e) => e.origin === origin);
    if (!same) throw new TillboxError('conflict', `adjustment ${input.key} belongs to another member`);
    return entryView(same);
  }

  async entries(memberId: string, limit: number): Promise<EntryView[]> {
    return (await this.ctx.repository.entries(memberId, limit)).map(entryView);
  }

  async conflicts(limit: number, before?: Date): Promise<EntryView[]> {
    return (await this.ctx.repository.conflicts(limit, before)).map(entryView);
  }
}

/** The loyalty rules of a store's active configuration, read through its configuration set. */
export function rulesFromConfig(
  set: (storeId: string) => Promise<{ loyalty?: { document: { loyalty: unknown } } }>,
): LoyaltyRulesOf {
  return async (storeId) => {
    const doc = (await set(storeId)).loyalty?.document.loyalty;
    if (doc === undefined || doc === null) return undefined;
    const parsed = loyaltySchema.safeParse(doc);
    return parsed.success ? parsed.data : undefined;
  };
}
