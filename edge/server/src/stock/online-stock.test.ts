/**
 * Buy online, pick up in store: an app or online order from the cloud takes its stock in the
 * order's own transaction when the store accepts it (the last bottle: accepted, none left, 86'd
 * on every screen), and gives it back when nobody picks the order up in time (the edge's
 * `orders.unpickedExpiryMinutes`).
 */
import { placeOrderBodyOf, inboundOrderSchema, SYSTEM_CONTEXT, uuidv7, type InboundOrderInput } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOUD_CONTEXT } from '../relay/inbound-orders.js';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { servicesOnTempDb, startTestEdge, type TestEdge } from '../testing/test-edge.js';

const JUICE = 'orange-juice';

/** An online order for juice as the cloud sends it on `orders/in`, paid in the app or not. */
function onlineJuice(quantity: number, paid?: number) {
  const input: InboundOrderInput = {
    id: uuidv7(),
    channel: 'online',
    orderType: 'pickup',
    guest: { name: 'Ada' },
    lines: [{ lineId: uuidv7(), itemId: JUICE, quantity }],
    ...(paid !== undefined ? { payment: { method: 'external', amount: paid, reference: 'app-1' } } : {}),
    sentAt: new Date().toISOString(),
  };
  return placeOrderBodyOf(inboundOrderSchema.parse(input));
}

describe('an online order for the last bottle', () => {
  let t: TestEdge | undefined;
  const streams: StreamTestClient[] = [];
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await t?.stop();
    t = undefined;
  });

  async function watch(client: TestClient, since: number): Promise<StreamTestClient> {
    const stream = await StreamTestClient.connect(t!.url, {
      headers: { authorization: client.headers.authorization ?? '' },
    });
    streams.push(stream);
    await stream.waitForType('hello');
    stream.subscribe(since, ['stock']);
    await stream.waitForType('caught-up');
    return stream;
  }

  it('is accepted with one left: none left after it, and every screen hears the 86', async () => {
    t = await startTestEdge();
    const lead = await testDevice(t.edge, 'counter', 'shift-lead');
    expect((await lead.post(`/api/v1/stock/${JUICE}/count`, { count: 1 })).statusCode).toBe(200);
    const since = t.edge.caps.stock.list().seq;
    const screens = await Promise.all(
      (['kiosk', 'counter', 'kds'] as const).map(async (role) =>
        watch(await testDevice(t!.edge, role, role === 'counter' ? 'cashier' : undefined), since),
      ),
    );

    const { order, created } = await t.edge.caps.orders.placeQueued(CLOUD_CONTEXT, onlineJuice(1));
    expect(created).toBe(true);
    expect(order).toMatchObject({ channel: 'online', status: 'placed' });
    expect(t.edge.caps.stock.get(JUICE)).toMatchObject({
      count: 0,
      available: false,
      eightySixed: { reason: 'sold-out' },
    });
    for (const screen of screens) {
      await screen.waitFor('the 86', () => screen.events.some((e) => e.type === 'stock.86d'));
      expect(screen.events.map((e) => e.type)).toEqual(['stock.sold', 'stock.86d']);
    }

    // The next online order for it is refused as sold out, and takes nothing.
    await expect(t.edge.caps.orders.placeQueued(CLOUD_CONTEXT, onlineJuice(1))).rejects.toMatchObject({
      code: 'conflict',
      message: '"Bottled Orange Juice" is sold out',
    });
    expect(t.edge.caps.orders.list(SYSTEM_CONTEXT, { status: 'open', limit: 50 }).orders).toHaveLength(1);
  });
});

describe('an online order nobody picks up', () => {
  it('expires the setting past its due time and its stock goes back on sale, paid in the app or not', async () => {
    const s = servicesOnTempDb({ overrides: { 'orders.unpickedExpiryMinutes': 60 } });
    try {
      s.caps.stock.act(SYSTEM_CONTEXT, JUICE, { kind: 'count', count: 3 });
      const unpaid = s.caps.orders.place(CLOUD_CONTEXT, onlineJuice(2)).order;
      const paid = s.caps.orders.place(CLOUD_CONTEXT, onlineJuice(1, 430)).order;
      expect(paid.payment).toBe('paid');
      expect(s.caps.stock.get(JUICE)).toMatchObject({ count: 0, available: false });

      s.clock.now = Date.parse(paid.dueAt ?? '') + 59 * 60_000;
      expect(await s.caps.expiry.run()).toBe(0);
      expect(s.caps.stock.get(JUICE).count).toBe(0);
      s.clock.now += 2 * 60_000;
      expect(await s.caps.expiry.run()).toBe(2);
      expect(s.caps.orders.get(SYSTEM_CONTEXT, unpaid.id)).toMatchObject({ status: 'cancelled' });
      expect(s.caps.orders.get(SYSTEM_CONTEXT, paid.id)).toMatchObject({ payment: 'refunded' });
      expect(s.caps.stock.get(JUICE)).toMatchObject({ count: 3, available: true });
      expect(s.caps.stock.get(JUICE).eightySixed).toBeUndefined();
      const returned = s.heard.filter((e) => e.type === 'stock.returned').map((e) => e.data);
      expect(returned).toEqual([
        expect.objectContaining({ orderId: unpaid.id, reason: 'cancelled', quantity: 2 }),
        expect.objectContaining({ orderId: paid.id, reason: 'refunded', quantity: 1, count: 3 }),
      ]);
      expect(s.heard.filter((e) => e.type === 'stock.un86d').map((e) => e.data)).toEqual([
        { itemId: JUICE, reason: 'restocked' },
      ]);
    } finally {
      s.close();
    }
  });

  it('keeps every order when the setting is 0', async () => {
    const s = servicesOnTempDb({ overrides: { 'orders.unpickedExpiryMinutes': 0 } });
    try {
      s.caps.stock.act(SYSTEM_CONTEXT, JUICE, { kind: 'count', count: 1 });
      const order = s.caps.orders.place(CLOUD_CONTEXT, onlineJuice(1)).order;
      s.clock.now += 7 * 24 * 60 * 60_000;
      expect(await s.caps.expiry.run()).toBe(0);
      expect(s.caps.orders.get(SYSTEM_CONTEXT, order.id).status).toBe('placed');
      expect(s.caps.stock.get(JUICE).count).toBe(0);
    } finally {
      s.close();
    }
  });
});
