/**
 * Loyalty at the store over a real broker (aedes in process) with a cloud that speaks the real
 * rpc wire format: a guest identified by card or phone, an order for them redeeming a reward and
 * earning points (events in the store's log), the cloud going silent — the lookup then answers
 * the store's estimate and says so — and the offline redemption limit.
 */
import { createHmac } from 'node:crypto';
import { DEMO_MEMBER_HASH_KEY, memberKey, type MemberBalance, type OrderView, type StoreEvent } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { TestBroker, TestCloud, until } from '../testing/test-broker.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

const STORE = 'demo-store';
const CARD = 'TBXM1-ada-card-0000000001';
const PHONE = '+15550100199';
/** The balance the cloud gives before this store's orders. */
const START = 1000;
/** As the cloud hashes: keyed with the chain's member key (the demo chain's, as the store's setting is empty). */
const hash = (kind: 'phone' | 'qr', value: string): string =>
  createHmac('sha256', DEMO_MEMBER_HASH_KEY).update(memberKey(kind, value)).digest('hex');

/** What the cloud does with requests: answer from its ledger, say it knows no such member, or stay silent. */
type CloudMode = 'answer' | 'unknown' | 'silent';

describe('loyalty at the store', () => {
  let broker: TestBroker;
  let cloud: TestCloud;
  let t: TestEdge;
  let counter: TestClient;
  let kiosk: TestClient;
  let mode: CloudMode = 'answer';
  /** The cloud's balance and the store seq it had counted up to. */
  const ledger = { points: START, storeSeq: 0 };

  beforeAll(async () => {
    broker = await new TestBroker().start();
    cloud = await TestCloud.connect(broker.url, STORE);
    cloud.respond((r) => {
      if (mode === 'silent') return { id: 'not-yours', ok: false, error: { code: 'unavailable', message: 'x' } };
      const params = r.params as { qr?: string; phone?: string; memberId?: string };
      const known = params.qr === CARD || params.phone === PHONE || params.memberId === 'm-ada';
      if (mode === 'unknown' || !known)
        return { id: r.id, ok: false, error: { code: 'not-found', message: 'no member' } };
      return {
        id: r.id,
        ok: true,
        result: {
          memberId: 'm-ada',
          name: 'Ada',
          points: ledger.points,
          storeSeq: ledger.storeSeq,
          storeAbove: 0,
          phoneHash: hash('phone', PHONE),
          qrHash: hash('qr', CARD),
        },
      };
    });
    t = await startTestEdge({
      overrides: {
        'relay.url': broker.url,
        'relay.protocol': '3.1.1',
        'relay.reconnectMs': 100,
        'loyalty.requestTimeoutMs': 300,
        'loyalty.offlineMaxPointsPerGuestPerDay': 200,
      },
    });
    await until('connected', () => t.edge.relay.status().connected);
    counter = await testDevice(t.edge, 'counter', 'cashier');
    kiosk = await testDevice(t.edge, 'kiosk');
  });
  afterAll(async () => {
    await t?.stop();
    await cloud?.end();
    await broker?.stop();
  });

  const lookup = async (client: TestClient, query: string) => {
    const res = await client.get(`/api/v1/loyalty/lookup?${query}`);
    return { status: res.statusCode, body: res.json() as MemberBalance & { error?: { message: string } } };
  };
  const loyaltyEvents = (): StoreEvent[] =>
    t.edge.caps.events.readPage(0, { limit: 100_000 }).events.filter((e) => e.type.startsWith('loyalty.'));
  const place = async (rewards: string[]) => {
    const body = latteOrder({ fire: 'on-payment', loyalty: { memberId: 'm-ada', rewards } });
    const res = await counter.post('/api/v1/orders', body);
    return { status: res.statusCode, body: res.json() as OrderView & { error?: { message: string } } };
  };

  it("identifies a guest by their card at the kiosk with the cloud's balance, and keeps it", async () => {
    ledger.storeSeq = t.edge.caps.events.lastSeq;
    const { status, body } = await lookup(kiosk, `qr=${CARD}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ memberId: 'm-ada', name: 'Ada', points: START, pending: 0, source: 'cloud' });
    expect(body.offline).toBeUndefined();
    expect(loyaltyEvents().at(-1)).toMatchObject({
      type: 'loyalty.member-seen',
      subject: 'm-ada',
      data: { points: START, qrHash: hash('qr', CARD) },
    });
  });

  it('refuses a reward the points do not cover, placing nothing', async () => {
    const before = t.edge.caps.events.lastSeq;
    ledger.points = 100;
    ledger.storeSeq = t.edge.caps.events.lastSeq;
    const refused = await place(['free-drink']);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/costs 150 points; 100 available/);
    expect(
      loyaltyEvents()
        .filter((e) => e.seq > before)
        .map((e) => e.type),
    ).toEqual(['loyalty.member-seen']);
    ledger.points = START;
    ledger.storeSeq = t.edge.caps.events.lastSeq;
  });

  it('prices a reward for the member, spends its points when placed and earns when paid', async () => {
    const { status, body: order } = await place(['free-drink']);
    expect(status).toBe(201);
    expect(order.pricing?.loyaltyPointsRedeemed).toBe(150);
    expect(order.pricing?.discounts.some((d) => d.promotionId === 'free-drink')).toBe(true);
    const paid = await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'cash', tendered: order.totals.total });
    expect(paid.statusCode).toBe(200);
    const earned = order.pricing?.loyaltyPoints ?? 0;
    expect(earned).toBeGreaterThan(0);
    expect(loyaltyEvents().slice(-2)).toMatchObject([
      { type: 'loyalty.redeemed', data: { memberId: 'm-ada', orderId: order.id, points: 150, offline: false } },
      { type: 'loyalty.accrued', data: { memberId: 'm-ada', orderId: order.id, points: earned } },
    ]);
    const placed = t.edge.caps.events.readPage(0, { limit: 100_000 }).events.find((e) => e.subject === order.id);
    expect(placed?.data).toMatchObject({ memberId: 'm-ada' });
  });

  it("offline: answers by phone from the last balance plus the store's own entries since, and says so", async () => {
    mode = 'silent';
    const own = loyaltyEvents().filter((e) => e.seq > ledger.storeSeq);
    const earned = own
      .filter((e) => e.type === 'loyalty.accrued')
      .reduce((s, e) => s + Number((e.data as { points?: unknown }).points), 0);
    const { status, body } = await lookup(counter, 'phone=(555) 010-0199');
    expect(status).toBe(200);
    // The last word of the cloud was START as of storeSeq: the redemption (150) and the accrual came after it.
    expect(body).toMatchObject({
      memberId: 'm-ada',
      name: 'Ada',
      source: 'offline-estimate',
      points: START - 150 + earned,
    });
    expect(body.pending).toBe(-150 + earned);
    expect(body.offline).toEqual({ maxPointsPerDay: 200, redeemedToday: 0, redeemable: 200 });
    const unknown = await lookup(counter, 'phone=5550100000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.message).toMatch(/cannot be reached.*not been seen/);
  });

  it('offline: redeems up to the per-guest daily limit, then refuses and says why', async () => {
    mode = 'silent';
    const first = await place(['free-drink']);
    expect(first.status).toBe(201);
    expect(loyaltyEvents().at(-1)).toMatchObject({ type: 'loyalty.redeemed', data: { points: 150, offline: true } });
    const second = await place(['free-drink']);
    expect(second.status).toBe(409);
    expect(second.body.error?.message).toMatch(/at most 50 more points can be redeemed for this guest today/);
    const after = await lookup(kiosk, 'memberId=m-ada');
    expect(after.body.offline).toMatchObject({ redeemedToday: 150, redeemable: 50 });
    // Without a reward the guest still earns while offline.
    expect((await place([])).status).toBe(201);
  });

  it('gives back the points of a cancelled order', async () => {
    mode = 'answer';
    ledger.storeSeq = t.edge.caps.events.lastSeq;
    const { body: order } = await place(['free-drink']);
    const cancelled = await counter.post(`/api/v1/orders/${order.id}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(loyaltyEvents().at(-1)).toMatchObject({
      type: 'loyalty.reversed',
      data: { orderId: order.id, redemption: 150, accrual: 0, reason: 'cancelled' },
    });
  });

  it('says so when the cloud knows no such member, and refuses what is no card or phone', async () => {
    mode = 'unknown';
    expect((await lookup(kiosk, `qr=${CARD}`)).status).toBe(404);
    expect((await place([])).status).toBe(404);
    mode = 'answer';
    const notACard = await lookup(kiosk, 'qr=012345678905');
    expect(notACard.status).toBe(400);
    expect(notACard.body.error?.message).toMatch(/not a loyalty card/);
    expect((await lookup(kiosk, 'phone=call-me')).status).toBe(400);
    expect((await lookup(kiosk, 'phone=1&qr=x')).status).toBe(400);
  });
});
