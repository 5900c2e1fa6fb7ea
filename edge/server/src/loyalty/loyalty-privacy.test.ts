/**
 * What the store does to keep its guests' loyalty identity to itself, over a real broker with a
 * cloud speaking the rpc wire format: the kitchen, the pickup board and the kiosk never receive
 * which member an order is for (HTTP answers and the stream alike); phones and cards are kept as
 * an HMAC keyed with the chain's member key (a cache entry from before, a plain SHA-256, is not
 * used); what the cloud said is kept only when it changed; one screen's lookups are limited.
 */
import { createHash, createHmac } from 'node:crypto';
import { DEMO_MEMBER_HASH_KEY, memberKey, type MemberBalance, type OrderView, type StoreEvent } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { startEdgeWithCloud, type EdgeWithCloud } from '../testing/edge-with-cloud.js';
import type { TestCloud } from '../testing/test-broker.js';
import { latteOrder, type TestEdge } from '../testing/test-edge.js';

const STORE = 'demo-store';
const CARD = 'TBXM1-ada-card-0000000001';
const PHONE = '+15550100199';
/** A guest whom a cloud from before the member key first answered for (plain hashes). */
const BOB = { memberId: 'm-bob', card: 'TBXM1-bob-card-0000000002', phone: '+15550100288' };
const PER_MINUTE = 6;
const keyed = (kind: 'phone' | 'qr', value: string): string =>
  createHmac('sha256', DEMO_MEMBER_HASH_KEY).update(memberKey(kind, value)).digest('hex');
const plain = (kind: 'phone' | 'qr', value: string): string =>
  createHash('sha256').update(memberKey(kind, value)).digest('hex');

describe('loyalty privacy at the store', () => {
  let chain: EdgeWithCloud;
  let cloud: TestCloud;
  let t: TestEdge;
  /** How the cloud answers: with the chain's keyed hashes, as a cloud from before did (plain), or not at all. */
  let mode: 'keyed' | 'plain' | 'silent' = 'keyed';
  const ledger = { points: 800 };

  beforeAll(async () => {
    chain = await startEdgeWithCloud(
      { 'loyalty.requestTimeoutMs': 300, 'loyalty.lookupsPerDevicePerMinute': PER_MINUTE },
      STORE,
    );
    ({ cloud, t } = chain);
    cloud.respond((r) => {
      if (mode === 'silent') return { id: 'not-yours', ok: false, error: { code: 'unavailable', message: 'x' } };
      const hash = mode === 'keyed' ? keyed : plain;
      const params = r.params as { qr?: string; phone?: string; memberId?: string };
      const bob = params.qr === BOB.card || params.phone === BOB.phone || params.memberId === BOB.memberId;
      const [memberId, phone, card] = bob ? [BOB.memberId, BOB.phone, BOB.card] : ['m-ada', PHONE, CARD];
      return {
        id: r.id,
        ok: true,
        result: {
          memberId,
          points: ledger.points,
          storeSeq: 0,
          storeAbove: 0,
          phoneHash: hash('phone', phone),
          qrHash: hash('qr', card),
        },
      };
    });
  });
  afterAll(async () => {
    await chain?.stop();
  });

  const lookup = async (client: TestClient, query: string) => {
    const res = await client.get(`/api/v1/loyalty/lookup?${query}`);
    return { status: res.statusCode, body: res.json() as MemberBalance & { error?: { message: string } } };
  };
  const seen = (): StoreEvent[] =>
    t.edge.caps.events.readPage(0, { limit: 100_000 }).events.filter((e) => e.type === 'loyalty.member-seen');

  it('tells the counter which member an order is for, and never the kitchen, the pickup board or the kiosk', async () => {
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    const kds = await testDevice(t.edge, 'kds');
    const pickup = await testDevice(t.edge, 'pickup');
    const kiosk = await testDevice(t.edge, 'kiosk');
    const stream = await StreamTestClient.connect(t.url, { headers: kds.headers });
    try {
      await stream.waitForType('hello');
      stream.subscribe(t.edge.caps.events.lastSeq, ['order', 'ticket']);
      await stream.waitForType('caught-up');

      const placed = await counter.post('/api/v1/orders', latteOrder({ loyalty: { memberId: 'm-ada', rewards: [] } }));
      expect(placed.statusCode).toBe(201);
      const order = placed.json() as OrderView;
      expect(order.memberId).toBe('m-ada');
      expect(((await counter.get(`/api/v1/orders/${order.id}`)).json() as OrderView).memberId).toBe('m-ada');

      for (const screen of [kds, pickup]) {
        const one = await screen.get(`/api/v1/orders/${order.id}`);
        expect(one.statusCode).toBe(200);
        expect(one.body).not.toContain('m-ada');
      }
      // The kiosk's own order for the guest who identified themselves there.
      const atKiosk = await kiosk.post(
        '/api/v1/orders',
        latteOrder({ channel: 'kiosk', loyalty: { memberId: 'm-ada', rewards: [] } }),
      );
      expect(atKiosk.statusCode, atKiosk.body).toBe(201);
      expect(atKiosk.body).not.toContain('m-ada');
      const again = await kiosk.get(`/api/v1/orders/${(atKiosk.json() as OrderView).id}`);
      expect(again.statusCode).toBe(200);
      expect(again.body).not.toContain('m-ada');
      for (const screen of [kds, pickup]) {
        const list = await screen.get('/api/v1/orders?status=open');
        expect(list.statusCode).toBe(200);
        expect((list.json() as { orders: OrderView[] }).orders.some((o) => o.id === order.id)).toBe(true);
        expect(list.body).not.toContain('m-ada');
      }

      await stream.waitFor('the order on the stream', () => stream.frames.some((f) => f.event.subject === order.id));
      const frames = stream.frames.filter((f) => f.event.subject === order.id);
      expect(frames.some((f) => f.order?.id === order.id)).toBe(true);
      expect(JSON.stringify(frames)).not.toContain('m-ada');
      // The store's own log still says whose order it was (the cloud credits the points by it).
      const inLog = t.edge.caps.events.readPage(0, { limit: 100_000 }).events.find((e) => e.subject === order.id);
      expect(inLog?.data).toMatchObject({ memberId: 'm-ada' });
    } finally {
      await stream.close();
    }
  });

  it("keeps the guest's phone and card as the chain's keyed hash, found by phone while the cloud is away", async () => {
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    mode = 'keyed';
    ledger.points = 810;
    expect((await lookup(counter, `qr=${CARD}`)).status).toBe(200);
    const last = seen().at(-1);
    expect(last?.data).toMatchObject({ phoneHash: keyed('phone', PHONE), qrHash: keyed('qr', CARD) });
    expect(JSON.stringify(last?.data)).not.toContain(plain('phone', PHONE));

    mode = 'silent';
    const offline = await lookup(counter, 'phone=(555) 010-0199');
    expect(offline.status).toBe(200);
    expect(offline.body).toMatchObject({ memberId: 'm-ada', source: 'offline-estimate' });
  });

  it('does not use a cache entry hashed the old way (plain SHA-256), and replaces it once the cloud answers', async () => {
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    mode = 'plain';
    expect((await lookup(counter, `qr=${BOB.card}`)).status).toBe(200);
    expect(seen().at(-1)?.data).toMatchObject({ memberId: BOB.memberId, phoneHash: plain('phone', BOB.phone) });

    mode = 'silent';
    const offline = await lookup(counter, `phone=${encodeURIComponent(BOB.phone)}`);
    expect(offline.status).toBe(404);

    mode = 'keyed';
    const before = seen().length;
    expect((await lookup(counter, `qr=${BOB.card}`)).status).toBe(200);
    expect(seen()).toHaveLength(before + 1);
    mode = 'silent';
    expect((await lookup(counter, `phone=${encodeURIComponent(BOB.phone)}`)).body).toMatchObject({
      memberId: BOB.memberId,
      source: 'offline-estimate',
    });
  });

  it('keeps what the cloud said only when it changed', async () => {
    const kiosk = await testDevice(t.edge, 'kiosk');
    mode = 'keyed';
    ledger.points = 900;
    expect((await lookup(kiosk, `qr=${CARD}`)).status).toBe(200);
    const before = seen().length;
    expect((await lookup(kiosk, `qr=${CARD}`)).body).toMatchObject({ points: 900, source: 'cloud' });
    expect((await lookup(kiosk, 'memberId=m-ada')).body).toMatchObject({ points: 900, source: 'cloud' });
    expect(seen()).toHaveLength(before);

    ledger.points = 950;
    expect((await lookup(kiosk, `qr=${CARD}`)).body).toMatchObject({ points: 950, source: 'cloud' });
    expect(seen()).toHaveLength(before + 1);
    expect(seen().at(-1)?.data).toMatchObject({ points: 950 });
  });

  it('refuses a screen more lookups than its share a minute (429, nothing asked or kept); other screens go on', async () => {
    const kiosk = await testDevice(t.edge, 'kiosk');
    const other = await testDevice(t.edge, 'kiosk');
    mode = 'keyed';
    for (let i = 0; i < PER_MINUTE; i++) expect((await lookup(kiosk, `qr=${CARD}`)).status).toBe(200);
    const asked = cloud.of('rpc/req').length;
    ledger.points = 1234;
    const before = seen().length;

    const refused = await lookup(kiosk, `qr=${CARD}`);
    expect(refused.status).toBe(429);
    expect(refused.body.error?.message).toMatch(/Too many loyalty lookups from this screen: try again in \d+ s/);
    expect(cloud.of('rpc/req')).toHaveLength(asked);
    expect(seen()).toHaveLength(before);

    expect((await lookup(other, `qr=${CARD}`)).body).toMatchObject({ points: 1234 });
  });
});
