/**
 * Refunds and points at the store, on a real SQLite log with a cloud over a real broker (aedes):
 * a refund of one line of a member's paid order takes back that line's share of the points the
 * order earned (rounded down), the rest of the order refunded later takes back the rest — the
 * store's `loyalty.reversed` entries add up to what the order earned, never more.
 */
import type { OrderView, StoreEvent } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { TestBroker, TestCloud, until } from '../testing/test-broker.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

const STORE = 'demo-store';

describe('refunds and points at the store', () => {
  let broker: TestBroker;
  let cloud: TestCloud;
  let t: TestEdge;
  let counter: TestClient;
  let override: { staffId: string; pin: string };

  beforeAll(async () => {
    broker = await new TestBroker().start();
    cloud = await TestCloud.connect(broker.url, STORE);
    cloud.respond((r) => ({
      id: r.id,
      ok: true,
      result: { memberId: 'm-ada', name: 'Ada', points: 1000, storeSeq: 0, storeAbove: 0 },
    }));
    t = await startTestEdge({
      overrides: { 'relay.url': broker.url, 'relay.protocol': '3.1.1', 'relay.reconnectMs': 100 },
    });
    await until('connected', () => t.edge.relay.status().connected);
    counter = await testDevice(t.edge, 'counter', 'cashier');
    const manager = await testStaff(t.edge, 'manager');
    override = { staffId: manager.staff.id, pin: manager.pin };
  });
  afterAll(async () => {
    await t?.stop();
    await cloud?.end();
    await broker?.stop();
  });

  const reversals = (orderId: string): StoreEvent[] =>
    t.edge.caps.events
      .readPage(0, { limit: 100_000 })
      .events.filter((e) => e.type === 'loyalty.reversed' && (e.data as { orderId?: string }).orderId === orderId);

  it("takes back a refunded line's share of the points, and the rest with the rest of the order", async () => {
    const placed = await counter.post('/api/v1/orders', latteOrder({ loyalty: { memberId: 'm-ada', rewards: [] } }));
    expect(placed.statusCode, placed.body).toBe(201);
    const order = placed.json() as OrderView;
    const paid = await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'cash', tendered: order.totals.total });
    expect(paid.statusCode, paid.body).toBe(200);
    const earned = order.pricing?.loyaltyPoints ?? 0;
    expect(earned).toBeGreaterThan(1);

    const net = (l: OrderView['lines'][number]) => (l.total ?? l.lineTotal) - l.tax;
    const all = order.lines.reduce((s, l) => s + net(l), 0);
    const croissant = order.lines.find((l) => l.itemId === 'croissant');
    if (!croissant) throw new Error('no croissant line');
    const share = Math.floor((earned * net(croissant)) / all);

    const partial = await counter.post(`/api/v1/orders/${order.id}/refund`, {
      reason: 'stale croissant',
      lines: [croissant.lineId],
      override,
    });
    expect(partial.statusCode, partial.body).toBe(200);
    const first = reversals(order.id);
    expect(first.map((e) => e.data)).toEqual([
      {
        memberId: 'm-ada',
        orderId: order.id,
        accrual: share,
        redemption: 0,
        reason: 'refunded',
        lineIds: [croissant.lineId],
      },
    ]);
    expect(share).toBeGreaterThan(0);

    const whole = await counter.post(`/api/v1/orders/${order.id}/refund`, { reason: 'guest left', override });
    expect(whole.statusCode, whole.body).toBe(200);
    const both = reversals(order.id);
    expect(both).toHaveLength(2);
    expect(both[1]?.data).toEqual({
      memberId: 'm-ada',
      orderId: order.id,
      accrual: earned - share,
      redemption: 0,
      reason: 'refunded',
    });
  });
});
