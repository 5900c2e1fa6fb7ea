/**
 * The loyalty ledger over a real broker (aedes in process) into a real PGlite database: stores
 * that were offline reconnect and deliver their loyalty events 1–5 times each, out of order, in
 * either store order; every event is one ledger entry, and the balances equal a computation made
 * here from the events. A balance two offline stores both spent becomes one adjustment with its
 * reason, listed for a manager. Stores ask for balances over rpc/req and get them on rpc/res.
 */
import { createHash, createHmac } from 'node:crypto';
import { DEMO_MEMBER_HASH_KEY, memberKey, uuidv7, type EventType, type RelayEvent } from '@tillbox/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudRelay } from '../app.js';
import type { Database } from '../db/database.js';
import { loyaltyLedger, storeEvents } from '../db/schema.js';
import { FakeStore, eventually, memoryDatabase, startBroker, startRelay, type TestBroker } from '../testing/harness.js';
import { relayEvent, shuffled } from '../testing/store-events.js';

let broker: TestBroker;
let database: Database;
let relay: CloudRelay;

beforeAll(async () => {
  broker = await startBroker();
  database = await memoryDatabase();
  relay = await startRelay(broker.url, { database });
});
afterAll(async () => {
  await relay?.stop();
  await database?.close();
  await broker?.stop();
});

const loyalty = () => relay.parts.loyalty;

async function ledger(memberId: string) {
  return database.db.select().from(loyaltyLedger).where(eq(loyaltyLedger.memberId, memberId));
}

async function storedEvents(storeId: string): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(storeEvents)
    .where(eq(storeEvents.storeId, storeId));
  return row?.n ?? 0;
}

/** A store's log: loyalty events between other events (a paid order's events, as a store's log has them). */
class StoreLog {
  readonly events: RelayEvent[] = [];
  constructor(readonly storeId: string) {}
  private push(type: EventType, data: unknown, subject: string): void {
    this.events.push(relayEvent(this.storeId, this.events.length + 1, type, data, subject));
  }
  accrue(memberId: string, points: number): void {
    const orderId = uuidv7();
    this.push('order.completed', { orderId }, orderId);
    this.push('loyalty.accrued', { memberId, orderId, points }, memberId);
  }
  redeem(memberId: string, points: number): void {
    const orderId = uuidv7();
    const data = { memberId, orderId, points, rewardIds: ['free-drink'], businessDay: '2025-03-10', offline: true };
    this.push('loyalty.redeemed', data, memberId);
  }
}

/** Every event delivered 1–5 times, shuffled; answers when the cloud has stored them all. */
async function reconnect(log: StoreLog, seed: number): Promise<void> {
  const store = new FakeStore(log.storeId, broker.url);
  await store.connect();
  try {
    const deliveries = shuffled(
      log.events.flatMap((e, i) => Array.from({ length: ((i * 7 + seed) % 5) + 1 }, () => e)),
      seed,
    );
    for (const e of deliveries) await store.publish('events', e);
    await eventually(async () => (await storedEvents(log.storeId)) === log.events.length, 20_000);
    await relay.parts.ingest.drained();
  } finally {
    await store.close();
  }
}

let phones = 0;
async function newMember(name: string, points: number): Promise<string> {
  const account = await loyalty().createAccount({ name, phone: `+1555020${String(++phones).padStart(4, '0')}` });
  if (points > 0) await loyalty().adjust(account.memberId, { points, reason: 'opening balance', key: uuidv7() });
  return account.memberId;
}

describe('the loyalty ledger merges stores that were offline, exactly once', () => {
  it.each([
    ['the accruing store first', ['east', 'west'] as const],
    ['the redeeming store first', ['west', 'east'] as const],
  ])('a day of accruals at one store and redemptions at another, %s', async (_label, order) => {
    const memberId = await newMember('Ada', 400);
    const tag = order[0];
    const accruing = new StoreLog(`acc-${tag}`);
    const redeeming = new StoreLog(`red-${tag}`);
    // Offline for a day: 200 paid orders earn points at one store, while another spends some.
    let earned = 0;
    for (let i = 0; i < 200; i++) {
      const points = ((i * 37) % 23) + 1;
      earned += points;
      accruing.accrue(memberId, points);
    }
    redeeming.redeem(memberId, 150);
    redeeming.accrue(memberId, 9);
    redeeming.redeem(memberId, 150);
    const logs = { east: accruing, west: redeeming };
    await reconnect(logs[order[0]], 3);
    await reconnect(logs[order[1]], 11);

    const entries = await ledger(memberId);
    // One entry per loyalty event (and the opening balance), however often each was delivered.
    expect(entries).toHaveLength(1 + 200 + 3);
    expect(new Set(entries.map((e) => e.origin)).size).toBe(entries.length);
    const expected = 400 + earned + 9 - 300;
    expect(entries.reduce((s, e) => s + e.points, 0)).toBe(expected);
    expect(entries.filter((e) => e.conflict)).toEqual([]);
    expect((await loyalty().account(memberId)).points).toBe(expected);
    expect(entries.filter((e) => e.kind === 'accrual')).toHaveLength(201);
    expect(entries.filter((e) => e.kind === 'redemption').map((e) => e.points)).toEqual([-150, -150]);
  });

  it('applies the same accrual once, delivered once to five times', async () => {
    const memberId = await newMember('Grace', 0);
    const log = new StoreLog('repeats');
    for (let i = 0; i < 5; i++) log.accrue(memberId, 10 + i);
    const store = new FakeStore(log.storeId, broker.url);
    await store.connect();
    try {
      for (const [i, e] of log.events.entries()) for (let n = 0; n <= i % 5; n++) await store.publish('events', e);
      for (const e of log.events) for (let n = 0; n < 5; n++) await store.publish('events', e);
      await eventually(async () => (await storedEvents(log.storeId)) === log.events.length);
      await relay.parts.ingest.drained();
    } finally {
      await store.close();
    }
    const entries = await ledger(memberId);
    expect(entries.map((e) => e.points).sort()).toEqual([10, 11, 12, 13, 14]);
    expect((await loyalty().account(memberId)).points).toBe(60);
  });

  it.each([
    ['north first', ['north', 'south'] as const],
    ['south first', ['south', 'north'] as const],
  ])('a balance spent at two offline stores becomes one adjustment a manager sees, %s', async (_label, order) => {
    const memberId = await newMember('Alan', 300);
    const logs = { north: new StoreLog(`north-${order[0]}`), south: new StoreLog(`south-${order[0]}`) };
    logs.north.redeem(memberId, 300);
    logs.south.redeem(memberId, 300);
    await reconnect(logs[order[0]], 5);
    await reconnect(logs[order[1]], 7);

    const entries = await ledger(memberId);
    const conflicts = entries.filter((e) => e.conflict);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'adjustment', points: 300 });
    expect(conflicts[0]?.reason).toMatch(/balance went to -300: store .* redeemed 300 points/);
    expect((await loyalty().account(memberId)).points).toBe(0);
    const listed = await fetch(`${relay.url}/api/v1/admin/loyalty/conflicts`).then(
      (r) => r.json() as Promise<{ conflicts: { memberId: string; points: number; reason: string }[] }>,
    );
    expect(listed.conflicts.filter((c) => c.memberId === memberId)).toEqual([
      expect.objectContaining({ points: 300, reason: conflicts[0]?.reason }),
    ]);
  });
});

describe('a store asks for a balance', () => {
  it('by card or phone, with the seq up to which its own entries are counted', async () => {
    const account = await loyalty().createAccount({ name: 'Mary', phone: '(555) 010-7777' });
    await loyalty().adjust(account.memberId, { points: 200, reason: 'welcome', key: uuidv7() });
    const log = new StoreLog('asker');
    log.accrue(account.memberId, 25);
    await reconnect(log, 1);
    const store = new FakeStore('asker', broker.url);
    await store.connect();
    try {
      const ask = async (params: unknown, method = 'loyalty.lookup') => {
        const id = uuidv7();
        const at = new Date();
        await store.publish('rpc/req', {
          id,
          method: method as 'loyalty.lookup',
          params,
          at: at.toISOString(),
          expiresAt: new Date(at.getTime() + 5000).toISOString(),
        });
        return eventually(async () => store.received['rpc/res']?.find((r) => r.id === id));
      };
      const byCard = await ask({ qr: account.qrCode });
      expect(byCard).toMatchObject({
        ok: true,
        result: {
          memberId: account.memberId,
          name: 'Mary',
          points: 225,
          storeSeq: 2,
          storeAbove: 0,
          // Keyed with the chain's member key (the demo chain's here), not a plain hash of the number.
          phoneHash: createHmac('sha256', DEMO_MEMBER_HASH_KEY)
            .update(memberKey('phone', '+15550107777'))
            .digest('hex'),
        },
      });
      expect(byCard).not.toMatchObject({
        result: { phoneHash: createHash('sha256').update(memberKey('phone', '+15550107777')).digest('hex') },
      });
      expect(await ask({ phone: '+15550107777' })).toMatchObject({ ok: true, result: { memberId: account.memberId } });
      expect(await ask({ memberId: account.memberId }, 'loyalty.balance')).toMatchObject({
        ok: true,
        result: { points: 225 },
      });
      expect(await ask({ phone: '+15550100000' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      await store.close();
    }
  });
});
