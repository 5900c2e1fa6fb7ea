/**
 * What the cloud sends the store over a real broker (aedes in process): app and online orders,
 * configuration versions, answers to requests.
 */
import { placeOrderBodySchema, uuidv7, type ConfigAck, type OrderAnswer, type RelayEvent } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../catalog/demo-catalog.js';
import { cashierAtCounter } from '../testing/contexts.js';
import { TestBroker, TestCloud, until } from '../testing/test-broker.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

const STORE = 'demo-store';
const at = (): string => new Date().toISOString();

function appOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uuidv7(),
    channel: 'app',
    guest: { name: 'Ada' },
    lines: [{ lineId: uuidv7(), itemId: 'croissant', quantity: 1 }],
    sentAt: at(),
    ...overrides,
  };
}

describe('the cloud → store side of the relay', () => {
  let broker: TestBroker;
  let cloud: TestCloud;
  let t: TestEdge;

  beforeAll(async () => {
    broker = await new TestBroker().start();
    cloud = await TestCloud.connect(broker.url, STORE);
    t = await startTestEdge({
      overrides: { 'relay.url': broker.url, 'relay.protocol': '3.1.1', 'relay.reconnectMs': 100 },
    });
    await until('connected', () => t.edge.relay.status().connected);
  });
  afterAll(async () => {
    await t?.stop();
    await cloud?.end();
    await broker?.stop();
  });

  const answers = (orderId: string): OrderAnswer[] =>
    cloud.of<OrderAnswer>('orders/out').filter((a) => a.orderId === orderId);
  const placedEvents = (orderId: string): RelayEvent[] =>
    t.edge.caps.events
      .readPage(0, { limit: 100_000 })
      .events.filter((e) => e.type === 'order.placed' && e.subject === orderId) as RelayEvent[];
  const acks = (kind: string): ConfigAck[] => cloud.of<ConfigAck>('config/ack').filter((a) => a.kind === kind);

  it('places an app order once though it is delivered three times, and answers each delivery', async () => {
    const order = appOrder();
    for (let i = 0; i < 3; i++) await cloud.publish('orders/in', order);
    await until('three answers', () => answers(order.id as string).length === 3);
    const got = answers(order.id as string);
    expect(got.every((a) => a.kind === 'accepted')).toBe(true);
    expect(new Set(got.map((a) => (a.kind === 'accepted' ? a.number : 0))).size).toBe(1);
    expect(placedEvents(order.id as string)).toHaveLength(1);
    const view = t.edge.caps.orders.get(cashierAtCounter, order.id as string);
    expect(view).toMatchObject({ channel: 'app', guestName: 'Ada', payment: 'unpaid' });
    const event = t.edge.caps.events.readPage(0, { limit: 100_000 }).events.find((e) => e.subject === order.id);
    expect(event?.actor).toMatchObject({ kind: 'cloud', role: 'relay' });
  });

  it('refuses a payment that is not the store total with the reason, then takes the right one and reports it fired', async () => {
    const wrong = appOrder({ payment: { method: 'external', amount: 1, reference: 'app-pay-1' } });
    await cloud.publish('orders/in', wrong);
    await until('an answer', () => answers(wrong.id as string).length === 1);
    const refusal = answers(wrong.id as string)[0];
    expect(refusal).toMatchObject({ kind: 'rejected', code: 'validation' });
    expect(refusal?.kind === 'rejected' && refusal.reason).toMatch(/does not match the order total/);
    expect(placedEvents(wrong.id as string)).toHaveLength(0);

    const total = Number(/expected (\d+)/.exec(JSON.stringify(refusal))?.[1]);
    const paid = appOrder({ payment: { method: 'external', amount: total, reference: 'app-pay-2' } });
    await cloud.publish('orders/in', paid);
    await until('accepted and fired', () => answers(paid.id as string).some((a) => a.kind === 'status'));
    const [accepted, fired] = answers(paid.id as string);
    expect(accepted).toMatchObject({ kind: 'accepted', paid: true, totals: { total } });
    expect(fired).toMatchObject({ kind: 'status', status: 'fired' });
    expect(fired?.kind === 'status' && fired.seq).toBeGreaterThan(0);
  });

  it('rejects an unreadable order with the reason and changes nothing', async () => {
    const headBefore = t.edge.caps.events.lastSeq;
    const bad = { id: 'not-a-uuid', channel: 'kiosk', lines: [] };
    await cloud.publish('orders/in', bad);
    await cloud.publish('orders/in', '{"id": "broken');
    await until('two answers', () => answers('not-a-uuid').length + answers('').length >= 2);
    const [rejected] = answers('not-a-uuid');
    expect(rejected).toMatchObject({ kind: 'rejected', code: 'validation' });
    expect(rejected?.kind === 'rejected' && rejected.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['id', 'channel']),
    );
    expect(answers('')[0]).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/JSON/) });
    expect(t.edge.caps.events.lastSeq).toBe(headBefore);
  });

  it('refuses an order for an item the menu does not have', async () => {
    const order = appOrder({ lines: [{ lineId: uuidv7(), itemId: 'unicorn-latte', quantity: 1 }] });
    await cloud.publish('orders/in', order);
    await until('an answer', () => answers(order.id as string).length === 1);
    expect(answers(order.id as string)[0]).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/unicorn-latte/),
    });
  });

  it('refuses a configuration version that does not hold together, with the reason; nothing changes', async () => {
    const pricesBefore = t.edge.caps.catalog.engine;
    await cloud.publish('config/promotions', {
      kind: 'promotions',
      version: 1,
      publishedAt: at(),
      document: {
        promotions: [
          {
            id: 'ghost-deal',
            name: { en: 'Ghost deal' },
            effect: { kind: 'percent-off', percentPpm: 100_000, appliesTo: { itemIds: ['ghost'] } },
          },
        ],
      },
    });
    await until('an ack', () => acks('promotions').length === 1);
    expect(acks('promotions')[0]).toMatchObject({
      status: 'refused',
      version: 1,
      reason: expect.stringMatching(/ghost/),
    });
    expect(t.edge.caps.catalog.engine).toBe(pricesBefore);
    expect(t.edge.relay.status().state.config.promotions).toBe(0);
  });

  it('activates a valid catalog version for the next order, and says so in the state', async () => {
    const croissant = (): number =>
      t.edge.caps.orders.place(
        cashierAtCounter,
        placeOrderBodySchema.parse(latteOrder({ lines: [{ itemId: 'croissant', quantity: 1 }] })),
      ).order.lines[0]!.unitPrice;
    expect(croissant()).toBe(345);
    const catalog = {
      ...demoCatalog,
      items: demoCatalog.items.map((i) => (i.id === 'croissant' ? { ...i, price: 395 } : i)),
    };
    await cloud.publish(
      'config/catalog',
      { kind: 'catalog', version: 1, publishedAt: at(), document: catalog },
      { retain: true },
    );
    await until('an ack', () => acks('catalog').length === 1);
    expect(acks('catalog')[0]).toMatchObject({ status: 'active', version: 1 });
    expect(croissant()).toBe(395);
    // Stored as the store's next menu version; the cloud's version is the configuration's.
    expect(t.edge.caps.catalog.catalog.version).toBe(2);
    expect(t.edge.relay.status().state.config.catalog).toBe(1);
    await until('state with the version', () =>
      cloud.of<{ config: { catalog?: number } }>('state').some((s) => s.config.catalog === 1),
    );
    // The same version again (a retained message seen on reconnect) changes nothing.
    await cloud.publish('config/catalog', { kind: 'catalog', version: 1, publishedAt: at(), document: catalog });
    await until('a second ack', () => acks('catalog').length === 2);
    expect(acks('catalog')[1]).toMatchObject({ status: 'active', version: 1 });
    expect(t.edge.caps.catalog.catalog.version).toBe(2);
  });

  it('activates a stations version: the kitchen routes the next order by it', async () => {
    const stations = [
      { id: 'bar', name: 'Bar' },
      { id: 'pastry', name: 'Pastry', items: ['croissant'] },
      { id: 'kitchen', name: 'Kitchen' },
    ];
    const bad = { kind: 'stations', version: 1, publishedAt: at(), document: { stations, defaultStation: 'grill' } };
    await cloud.publish('config/stations', bad);
    await until('an ack', () => acks('stations').length === 1);
    expect(acks('stations')[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/grill/) });
    await cloud.publish('config/stations', { ...bad, document: { stations, defaultStation: 'kitchen' } });
    await until('a second ack', () => acks('stations').length === 2);
    expect(acks('stations')[1]).toMatchObject({ status: 'active', version: 1 });
    expect(t.edge.caps.kitchen.config.stations.map((s) => s.id)).toEqual(['bar', 'pastry', 'kitchen']);
    const placed = t.edge.caps.orders.place(
      cashierAtCounter,
      placeOrderBodySchema.parse(latteOrder({ lines: [{ itemId: 'croissant', quantity: 1 }] })),
    );
    expect(placed.order.lines[0]?.station).toBe('pastry');
  });

  it('answers a request from the cloud, and gives the offline answer when none comes in time', async () => {
    await expect(
      t.edge.relay.request('loyalty.balance', { memberId: 'm-1' }, { timeoutMs: 200 }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/not reachable/),
    });
    cloud.respond((r) => ({ id: r.id, ok: true, result: { memberId: 'm-1', points: 320 } }));
    await expect(t.edge.relay.request('loyalty.balance', { memberId: 'm-1' }, { timeoutMs: 2000 })).resolves.toEqual({
      memberId: 'm-1',
      points: 320,
    });
  });
});
