/**
 * An online order redeeming a reward, from the cloud over a real broker (aedes in process), for a
 * member this store has never seen: the cloud checked the points, so the store does not ask for
 * them again (it could not be answered while the relay holds the order's message) — it places the
 * order at once with the reward priced and appends `loyalty.redeemed`, the ledger's one entry for it.
 */
import { uuidv7, type OrderAnswer, type StoreEvent } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBroker, TestCloud, until } from '../testing/test-broker.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

const STORE = 'demo-store';

describe('an online order redeeming a reward', () => {
  let broker: TestBroker;
  let cloud: TestCloud;
  let t: TestEdge;

  beforeAll(async () => {
    broker = await new TestBroker().start();
    cloud = await TestCloud.connect(broker.url, STORE);
    t = await startTestEdge({
      overrides: {
        'relay.url': broker.url,
        'relay.protocol': '3.1.1',
        'relay.reconnectMs': 100,
        'loyalty.requestTimeoutMs': 1000,
      },
    });
    await until('connected', () => t.edge.relay.status().connected);
  });
  afterAll(async () => {
    await t?.stop();
    await cloud?.end();
    await broker?.stop();
  });

  it('is placed with the reward the cloud checked, and spends its points once in the log', async () => {
    const id = uuidv7();
    await cloud.publish('orders/in', {
      id,
      channel: 'online',
      guest: { name: 'Ada', memberId: 'm-online-ada', rewards: ['free-drink'] },
      lines: [
        {
          lineId: uuidv7(),
          itemId: 'latte',
          variantId: 'medium',
          modifiers: [{ groupId: 'milk', optionId: 'oat' }],
          quantity: 1,
        },
        { lineId: uuidv7(), itemId: 'croissant', quantity: 1 },
      ],
      sentAt: new Date().toISOString(),
    });
    await until('answered', () => cloud.of<OrderAnswer>('orders/out').some((a) => a.orderId === id));
    const answer = cloud.of<OrderAnswer>('orders/out').find((a) => a.orderId === id);
    expect(answer, JSON.stringify(answer)).toMatchObject({ kind: 'accepted' });
    const redeemed = t.edge.caps.events
      .readPage(0, { limit: 100_000 })
      .events.filter((e: StoreEvent) => e.type === 'loyalty.redeemed');
    expect(redeemed.map((e) => e.data)).toEqual([
      expect.objectContaining({
        memberId: 'm-online-ada',
        orderId: id,
        points: 150,
        rewardIds: ['free-drink'],
        offline: false,
      }),
    ]);
    // The store did not ask the cloud again (that question would wait behind the order's message).
    expect(cloud.of<{ method: string }>('rpc/req').filter((r) => r.method.startsWith('loyalty.'))).toEqual([]);
  });
});
