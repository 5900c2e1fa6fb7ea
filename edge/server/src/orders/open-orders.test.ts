/**
 * Finding 2 of the adversarial review: `GET /orders?status=open` answered at most 2,000 orders,
 * oldest first, so 2,100 unpaid kiosk orders pushed a real order out of the kitchen's snapshot.
 * Lists now come in pages that a screen follows to the end (the core's `loadOrderSnapshot`, the
 * loader the screens use), scoped to what it shows; and unpaid kiosk orders expire.
 */
import {
  loadOrderSnapshot,
  orderListSchema,
  orderPageSearch,
  placeOrderBodySchema,
  type OrderPageQuery,
  type OrderView,
} from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestAtKiosk } from '../testing/contexts.js';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, servicesOnTempDb, startTestEdge, type TestEdge } from '../testing/test-edge.js';
import { VirtualPinpad } from '../payments/pinpad.js';

describe('open orders when kiosks pile up unpaid orders', () => {
  let t: TestEdge;
  let kds: TestClient;
  let real: OrderView;
  const asked: string[] = [];

  /** The screens' loader, over this screen's HTTP requests. */
  const snapshot = (as: TestClient, query: OrderPageQuery) =>
    loadOrderSnapshot(async (q) => {
      const url = `/api/v1/orders?${orderPageSearch(q)}`;
      asked.push(url);
      const res = await as.get(url);
      expect(res.statusCode, url).toBe(200);
      return orderListSchema.parse(res.json());
    }, query);

  beforeAll(async () => {
    t = await startTestEdge();
    const kiosk = await testDevice(t.edge, 'kiosk');
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    kds = await testDevice(t.edge, 'kds');
    for (let i = 0; i < 2100; i += 100) {
      const placed = await Promise.all(
        Array.from({ length: 100 }, () => kiosk.post('/api/v1/orders', latteOrder({ channel: 'kiosk' }))),
      );
      expect(placed.map((r) => r.statusCode)).toEqual(Array(100).fill(201));
    }
    const res = await counter.post('/api/v1/orders', latteOrder());
    expect(res.statusCode).toBe(201);
    real = res.json();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it("keeps the real order on the kitchen screen's snapshot, in one page", async () => {
    asked.length = 0;
    const kitchen = await snapshot(kds, { status: 'open', scope: 'kitchen' });
    expect(kitchen.orders.map((o) => o.id)).toEqual([real.id]);
    expect(kitchen.orders[0]?.status).toBe('in_kitchen');
    expect(asked).toHaveLength(1);
    const board = await snapshot(kds, { status: 'open', scope: 'pickup' });
    expect(board.orders.map((o) => o.id)).toEqual([real.id]);
  });

  it('gives every open order, each once, oldest first, when a screen follows the pages', async () => {
    asked.length = 0;
    const seqBefore = t.edge.caps.events.lastSeq;
    const all = await snapshot(kds, { status: 'open' });
    expect(asked.length).toBe(5); // 500 a page by default
    expect(all.seq).toBe(seqBefore);
    expect(all.orders).toHaveLength(2101);
    expect(new Set(all.orders.map((o) => o.id)).size).toBe(2101);
    expect(all.orders.at(-1)?.id).toBe(real.id);
    const placed = all.orders.map((o) => Date.parse(o.placedAt));
    expect(placed).toEqual([...placed].sort((a, b) => a - b));
  });

  it('answers one page at a time with a cursor, and refuses a cursor it did not make', async () => {
    const first = orderListSchema.parse((await kds.get('/api/v1/orders?status=open&limit=2')).json());
    expect(first.orders).toHaveLength(2);
    expect(first.next).toBeDefined();
    const second = orderListSchema.parse(
      (await kds.get(`/api/v1/orders?status=open&limit=2&after=${first.next ?? ''}`)).json(),
    );
    expect(second.orders.map((o) => o.id)).not.toContain(first.orders[1]?.id);
    expect((await kds.get('/api/v1/orders?status=open&after=oldest')).statusCode).toBe(400);
    expect((await kds.get('/api/v1/orders?status=open&limit=5000')).statusCode).toBe(400);
  });
});

describe('unpaid kiosk orders expire', () => {
  it('are cancelled by the edge after the setting, with their event; young, counter and paying orders stay', async () => {
    const pinpad = new VirtualPinpad({ hangCharges: true });
    const s = servicesOnTempDb({ overrides: { 'orders.unpaidKioskExpiryMinutes': 30 }, pinpad });
    try {
      const kiosk = guestAtKiosk();
      const body = (channel: 'kiosk' | 'counter') => placeOrderBodySchema.parse(latteOrder({ channel }));
      const stale = s.caps.orders.place(kiosk, body('kiosk')).order;
      const paying = s.caps.orders.place(kiosk, body('kiosk')).order;
      void s.caps.payments.pay(kiosk, paying.id, { method: 'card' }); // the terminal never answers
      s.clock.now += 10 * 60_000;
      const young = s.caps.orders.place(kiosk, body('kiosk')).order;
      s.clock.now += 21 * 60_000;

      expect(await s.caps.expiry.run()).toBe(1);
      const open = s.caps.orders.list(kiosk, { status: 'open', limit: 500 }).orders.map((o) => o.id);
      expect(open).toEqual([paying.id, young.id]);
      expect(s.caps.orders.get(kiosk, stale.id)).toMatchObject({ status: 'cancelled', payment: 'unpaid' });
      expect(s.heard.filter((e) => e.type === 'order.cancelled')).toEqual([
        expect.objectContaining({
          subject: stale.id,
          actor: expect.objectContaining({ kind: 'system' }),
          data: { orderId: stale.id, reason: 'expired: unpaid for 30 minutes' },
        }),
      ]);
      s.clock.now += 10 * 60_000;
      expect(await s.caps.expiry.run()).toBe(1); // the young one's turn; the one being paid stays
      expect(s.caps.orders.list(kiosk, { status: 'open', limit: 500 }).orders.map((o) => o.id)).toEqual([paying.id]);
    } finally {
      s.close();
    }
  });
});
