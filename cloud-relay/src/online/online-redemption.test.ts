/**
 * Redeeming loyalty rewards online, against a running relay on a real PGlite database, a real
 * broker (aedes) and a fake store box: the quote prices a reward for the card's member with the
 * store's rules and the cloud's balance; a reward beyond the balance is refused and never sent; a
 * placed order holds its points until the store's `loyalty.redeemed` reaches the ledger — then
 * the entry is the store's, once, however often it is delivered (another store asking for the
 * balance meanwhile gets it less the hold); a refused order holds nothing;
 * two orders racing for the same points: one goes, one is told why.
 */
import { uuidv7, type RelayPayload } from '@tillbox/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudRelay } from '../app.js';
import type { Database } from '../db/database.js';
import { loyaltyLedger } from '../db/schema.js';
import { FakeStore, eventually, memoryDatabase, startBroker, startRelay, type TestBroker } from '../testing/harness.js';
import { runSampleConfig } from '../testing/sample-config.js';
import { relayEvent } from '../testing/store-events.js';

let broker: TestBroker;
let database: Database;
let relay: CloudRelay;
let store: FakeStore;
let api: string;
let seq = 0;
/** How the store answers orders now. */
let answer: 'accept' | 'reject' = 'accept';

const ADA = { memberId: 'm-ada', card: 'TBXM1-online-ada-00000001' };
const GRACE = { memberId: 'm-grace', card: 'TBXM1-online-grace-0000001' };

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${api}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
};

/** One medium oat latte: the free drink's line. */
const latte = () => [
  {
    lineId: uuidv7(),
    itemId: 'latte',
    variantId: 'medium',
    modifiers: [{ groupId: 'milk', optionId: 'oat' }],
    quantity: 1,
  },
];

const quote = (lines: unknown[], loyalty?: unknown) =>
  post('/stores/brooklyn/quote', { channel: 'online', orderType: 'pickup', lines, ...(loyalty ? { loyalty } : {}) });

/** Quote then place, paying the quoted total, as the guest's page does. */
async function order(member: { card: string }, rewards: string[]) {
  const lines = latte();
  const q = await quote(lines, { card: member.card, rewards });
  const total = (q.body.totals as { total: number } | undefined)?.total ?? 0;
  const id = uuidv7();
  const placed = await post('/stores/brooklyn/orders', {
    id,
    channel: 'online',
    guest: { name: 'Ada' },
    lines,
    payment: { method: 'external', amount: total, reference: `demo-${id}` },
    loyalty: { card: member.card, rewards },
  });
  return { id, quote: q, placed };
}

const balanceOf = async (member: { card: string }) =>
  (await quote(latte(), { card: member.card })).body.loyalty as {
    points: number;
    held: number;
    available: number;
  };

/** The store's `loyalty.redeemed` for an order it placed, as its relay publishes it (`times` deliveries). */
async function storeRedeemed(orderId: string, memberId: string, points: number, times = 1): Promise<void> {
  const event = relayEvent(
    'brooklyn',
    ++seq,
    'loyalty.redeemed',
    { memberId, orderId, points, rewardIds: ['free-drink'], businessDay: '2025-03-10', offline: false },
    memberId,
  );
  for (let i = 0; i < times; i++) await store.publish('events', event);
}

const entries = (memberId: string) =>
  database.db.select().from(loyaltyLedger).where(eq(loyaltyLedger.memberId, memberId));

beforeAll(async () => {
  broker = await startBroker();
  database = await memoryDatabase();
  relay = await startRelay(broker.url, { database, overrides: { 'orders.answerTimeoutMs': 2000 } });
  api = relay.url;
  store = new FakeStore('brooklyn', broker.url);
  await store.connect();
  store.onOrder = (o: RelayPayload<'orders/in'>) =>
    answer === 'accept'
      ? {
          kind: 'accepted',
          orderId: o.id,
          number: 7,
          paid: true,
          totals: { currency: 'USD', subtotal: 0, discount: 0, tax: 0, total: 0 },
          at: new Date().toISOString(),
        }
      : {
          kind: 'rejected',
          orderId: o.id,
          code: 'unavailable',
          reason: 'the store is closing',
          at: new Date().toISOString(),
        };
  await runSampleConfig(api, store);
  await eventually(async () => (await fetch(`${api}/api/v1/stores/brooklyn/menu`)).status === 200);
  const loyalty = relay.parts.loyalty;
  for (const [m, points] of [
    [ADA, 200],
    [GRACE, 100],
  ] as const) {
    await loyalty.createAccount({ memberId: m.memberId, name: m.memberId.slice(2), qrCode: m.card });
    await loyalty.adjust(m.memberId, { points, reason: 'welcome', key: `welcome-${m.memberId}` });
  }
});
afterAll(async () => {
  await store?.close();
  await relay?.stop();
  await database?.close();
  await broker?.stop();
});

describe('redeeming rewards online', () => {
  it("prices a reward for the card's member with the cloud's balance", async () => {
    const plain = await quote(latte());
    const { status, body } = await quote(latte(), { card: ADA.card, rewards: ['free-drink'] });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.loyalty).toEqual({
      memberId: 'm-ada',
      name: 'ada',
      points: 200,
      held: 0,
      available: 200,
      redeemed: 150,
    });
    expect(body.pricing).toMatchObject({ loyaltyPointsRedeemed: 150 });
    // The latte is free: only what is not the drink is left to pay (nothing here).
    expect((body.totals as { total: number }).total).toBeLessThan((plain.body.totals as { total: number }).total);
    expect((body.totals as { discount: number }).discount).toBeGreaterThan(0);
  });

  it('refuses a reward beyond the balance, an unknown card, and rewards without a card; sends nothing', async () => {
    const over = await quote(latte(), { card: GRACE.card, rewards: ['free-drink'] });
    expect(over.status).toBe(409);
    expect(over.body.error?.message).toBe('Free drink costs 150 points; 100 available');
    const placed = await order(GRACE, ['free-drink']);
    expect(placed.placed.status).toBe(409);
    expect(placed.placed.body.error?.message).toBe('Free drink costs 150 points; 100 available');
    expect((await quote(latte(), { card: 'TBXM1-nobody-has-this-card', rewards: [] })).status).toBe(404);
    const noCard = await post('/stores/brooklyn/orders', {
      id: uuidv7(),
      channel: 'online',
      guest: { name: 'Eve', memberId: 'm-ada', rewards: ['free-drink'] },
      lines: latte(),
    });
    expect(noCard.status).toBe(400);
    expect(noCard.body.error?.message).toMatch(/needs the member's loyalty card/);
    expect(store.received['orders/in'] ?? []).toHaveLength(0);
    expect(await balanceOf(GRACE)).toMatchObject({ points: 100, held: 0 });
  });

  it("holds an order's points until the store's redemption is in the ledger, which counts it once", async () => {
    const first = await order(ADA, ['free-drink']);
    expect(first.placed.status, JSON.stringify(first.placed.body)).toBe(201);
    // The store got it for the member, with the reward to price.
    expect(store.received['orders/in']?.at(-1)?.guest).toEqual({
      name: 'Ada',
      memberId: 'm-ada',
      rewards: ['free-drink'],
    });
    expect(await balanceOf(ADA)).toEqual(expect.objectContaining({ points: 200, held: 150, available: 50 }));
    // Another store asking for her balance (her card at its counter) gets it less the hold; the
    // store that placed the order gets the ledger's, for its own log counts the redemption.
    const forStore = async (storeId: string) =>
      (await relay.parts.loyalty.forStore(storeId, { memberId: 'm-ada' })).points;
    expect(await forStore('queens')).toBe(50);
    expect(await forStore('brooklyn')).toBe(200);
    // 200 − 150 held: a second free drink does not fit, and is not sent.
    const sent = store.received['orders/in']?.length ?? 0;
    const second = await order(ADA, ['free-drink']);
    expect(second.quote.status).toBe(409);
    expect(second.placed.status).toBe(409);
    expect(second.placed.body.error?.message).toBe(
      'Free drink costs 150 points; 50 available (150 more are held by your orders on their way to a store)',
    );
    expect(store.received['orders/in']?.length).toBe(sent);

    // The store placed it and appended loyalty.redeemed; delivered three times, it is one entry.
    await storeRedeemed(first.id, 'm-ada', 150, 3);
    const after = await eventually(async () => {
      const b = await balanceOf(ADA);
      return b.points === 50 ? b : undefined;
    });
    expect(after).toEqual(expect.objectContaining({ points: 50, held: 0, available: 50 }));
    expect(await forStore('queens')).toBe(50);
    const redemptions = (await entries('m-ada')).filter((e) => e.kind === 'redemption');
    expect(redemptions).toEqual([expect.objectContaining({ orderId: first.id, points: -150 })]);
  });

  it('holds nothing for an order the store refused', async () => {
    await relay.parts.loyalty.adjust('m-ada', { points: 250, reason: 'birthday', key: 'birthday-ada' });
    answer = 'reject';
    const refused = await order(ADA, ['free-drink']);
    answer = 'accept';
    expect(refused.placed.status).toBe(503);
    expect(refused.placed.body.error?.message).toMatch(/the store is closing/);
    expect(await balanceOf(ADA)).toEqual(expect.objectContaining({ points: 300, held: 0, available: 300 }));
  });

  it('lets one of two orders racing for the same points through, and tells the other why', async () => {
    // Ada has 300: one free drink each would fit, two orders of two would not.
    await relay.parts.loyalty.adjust('m-ada', { points: -150, reason: 'test', key: 'race-ada' });
    const results = await Promise.all([order(ADA, ['free-drink']), order(ADA, ['free-drink'])]);
    const codes = results.map((r) => r.placed.status).sort();
    expect(codes).toEqual([201, 409]);
    expect(results.find((r) => r.placed.status === 409)?.placed.body.error?.message).toMatch(
      /0 available \(150 more are held|you have 0 points to spend \(150 more are held/,
    );
    expect(await balanceOf(ADA)).toEqual(expect.objectContaining({ points: 150, held: 150, available: 0 }));
  });
});
