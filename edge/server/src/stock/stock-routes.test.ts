/**
 * Stock over HTTP on a real SQLite file: the last unit sold once when a kiosk and a counter race
 * for it, refunds and cancels giving stock back, staff's receiving, waste and counts (checked and
 * audited), 86 by hand, and the 86 reaching a screen on the stream.
 */
import { uuidv7, type ErrorBody, type OrderView, type StockItemView, type StockList } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { StockRepository } from './stock-repository.js';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';

const JUICE = 'orange-juice';

function juiceOrder(channel: 'kiosk' | 'counter', quantity = 1) {
  return { id: uuidv7(), channel, orderType: 'takeout', lines: [{ itemId: JUICE, quantity }] };
}

describe('stock over HTTP', () => {
  let t: TestEdge;
  let lead: TestClient;
  let counter: TestClient;
  let kiosk: TestClient;

  beforeEach(async () => {
    t = await startTestEdge();
    lead = await testDevice(t.edge, 'counter', 'shift-lead');
    counter = await testDevice(t.edge, 'counter', 'cashier');
    kiosk = await testDevice(t.edge, 'kiosk');
  });
  afterEach(async () => {
    await t?.stop();
  });

  async function count(n: number, itemId = JUICE): Promise<StockItemView> {
    const res = await lead.post(`/api/v1/stock/${itemId}/count`, { count: n });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function stockOf(itemId = JUICE): Promise<StockItemView> {
    return (await kiosk.get(`/api/v1/stock/${itemId}`)).json();
  }

  it('sells the last bottle once: a kiosk and a counter at the same moment, one 201 and one 409 naming it', async () => {
    await count(1);
    const post = (client: TestClient, body: unknown) =>
      fetch(`${t.url}/api/v1/orders`, { method: 'POST', headers: client.headers, body: JSON.stringify(body) });
    const [fromKiosk, fromCounter] = await Promise.all([
      post(kiosk, juiceOrder('kiosk')),
      post(counter, juiceOrder('counter')),
    ]);
    const statuses = [fromKiosk.status, fromCounter.status].sort();
    expect(statuses).toEqual([201, 409]);
    const refused = fromKiosk.status === 409 ? fromKiosk : fromCounter;
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.message).toBe('"Bottled Orange Juice" is sold out');
    expect(body.error.details).toEqual([{ path: `items.${JUICE}`, message: '"Bottled Orange Juice" is sold out' }]);
    expect(await stockOf()).toMatchObject({ count: 0, available: false, eightySixed: { reason: 'sold-out' } });
    // Only one order exists, and the refused one took no number.
    const open = (await lead.get('/api/v1/orders?status=open')).json() as { orders: OrderView[] };
    expect(open.orders).toHaveLength(1);
    expect(t.edge.caps.stock.list().items.find((i) => i.itemId === JUICE)?.count).toBe(0);
  });

  it('says how many are left when an order asks for more, and changes nothing', async () => {
    await count(2);
    const res = await counter.post('/api/v1/orders', juiceOrder('counter', 3));
    expect(res.statusCode).toBe(409);
    expect((res.json() as ErrorBody).error.message).toBe('Only 2 "Bottled Orange Juice" left');
    expect((await stockOf()).count).toBe(2);
  });

  it('gives a refunded line back, and puts a sold-out item back on sale', async () => {
    await count(2);
    const placed = (
      await counter.post('/api/v1/orders', {
        ...juiceOrder('counter', 2),
        lines: [
          { itemId: JUICE, quantity: 2 },
          { itemId: 'latte', variantId: 'small', quantity: 1 },
        ],
      })
    ).json() as OrderView;
    expect(await stockOf()).toMatchObject({ count: 0, available: false });
    const paid = await counter.post(`/api/v1/orders/${placed.id}/pay`, { method: 'cash', tendered: 5000 });
    expect(paid.statusCode, paid.body).toBe(200);
    const { staff: manager, pin } = await testStaff(t.edge, 'manager');
    const juiceLine = placed.lines.find((l) => l.itemId === JUICE)?.lineId;
    const refund = await counter.post(`/api/v1/orders/${placed.id}/refund`, {
      reason: 'bottles came back sealed',
      override: { staffId: manager.id, pin },
      lines: [juiceLine],
    });
    expect(refund.statusCode, refund.body).toBe(200);
    expect(await stockOf()).toMatchObject({ count: 2, available: true });
    expect((await stockOf()).eightySixed).toBeUndefined();
    // Refunding the rest gives nothing more back: the juice line already came back.
    await counter.post(`/api/v1/orders/${placed.id}/refund`, {
      reason: 'closing the tab',
      override: { staffId: manager.id, pin },
    });
    expect((await stockOf()).count).toBe(2);
  });

  it('gives stock back when an unpaid order is cancelled', async () => {
    await count(3);
    const placed = (await kiosk.post('/api/v1/orders', juiceOrder('kiosk', 2))).json() as OrderView;
    expect((await stockOf()).count).toBe(1);
    const cancelled = await kiosk.post(`/api/v1/orders/${placed.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await stockOf()).count).toBe(3);
  });

  it('takes stock for lines added to a placed order, and refuses them when short', async () => {
    await count(1);
    const placed = (
      await counter.post('/api/v1/orders', {
        id: uuidv7(),
        channel: 'counter',
        orderType: 'takeout',
        lines: [{ itemId: 'latte', variantId: 'small', quantity: 1 }],
      })
    ).json() as OrderView;
    const add = (quantity: number) =>
      counter.post(`/api/v1/orders/${placed.id}/lines`, { lines: [{ lineId: uuidv7(), itemId: JUICE, quantity }] });
    const short = await add(2);
    expect(short.statusCode).toBe(409);
    expect((short.json() as ErrorBody).error.message).toBe('Only 1 "Bottled Orange Juice" left');
    expect((await add(1)).statusCode).toBe(200);
    expect(await stockOf()).toMatchObject({ count: 0, eightySixed: { reason: 'sold-out' } });
  });

  it('receives, wastes and counts as staff actions: checked, role-checked and audited; the moves sum to the count', async () => {
    await count(5);
    const received = await counter.post(`/api/v1/stock/${JUICE}/receive`, { quantity: 12, note: 'Tuesday delivery' });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ count: 17 });
    // A cashier may receive, but waste and counts are a shift lead's.
    const cashierWaste = await counter.post(`/api/v1/stock/${JUICE}/waste`, { quantity: 1, reason: 'dropped it' });
    expect(cashierWaste.statusCode).toBe(403);
    expect((await lead.post(`/api/v1/stock/${JUICE}/waste`, { quantity: 18, reason: 'dropped it' })).statusCode).toBe(
      409,
    );
    const wasted = await lead.post(`/api/v1/stock/${JUICE}/waste`, { quantity: 2, reason: 'dropped the crate' });
    expect(wasted.json()).toMatchObject({ count: 15 });
    // Bad input: a clear error, nothing changed.
    for (const [path, body] of [
      ['count', { count: -1 }],
      ['receive', { quantity: 0 }],
      ['waste', { quantity: 1 }],
    ] as const) {
      const res = await lead.post(`/api/v1/stock/${JUICE}/${path}`, body);
      expect(res.statusCode, path).toBe(400);
    }
    expect((await lead.post('/api/v1/stock/no-such-item/count', { count: 1 })).statusCode).toBe(404);
    expect((await stockOf()).count).toBe(15);
    const recount = await count(14);
    expect(recount).toMatchObject({ count: 14, tracked: true });
    expect(t.edge.caps.stock.list().items.find((i) => i.itemId === JUICE)?.count).toBe(14);
    expect(new StockRepository(t.edge.database.db).movesTotal(JUICE)).toBe(14);

    const audit = t.edge.access.audit.page({ limit: 50 }).rows.filter((r) => r.action.startsWith('stock.'));
    expect(audit.map((r) => [r.action, r.subject, r.actor.role]).reverse()).toEqual([
      ['stock.counted', JUICE, 'shift-lead'],
      ['stock.received', JUICE, 'cashier'],
      ['stock.wasted', JUICE, 'shift-lead'],
      ['stock.counted', JUICE, 'shift-lead'],
    ]);
    expect(audit[0]?.detail).toMatchObject({ count: 14, previous: 15, variance: -1 });
  });

  it('86s any item by hand: every channel refuses it until it is put back; an empty counted item cannot be', async () => {
    const off = await counter.post('/api/v1/stock/latte/86', { note: 'steam wand down' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ tracked: false, available: false, eightySixed: { reason: 'manual' } });
    const latte = { itemId: 'latte', variantId: 'small', quantity: 1 };
    const refused = await kiosk.post('/api/v1/orders', { ...juiceOrder('kiosk'), lines: [latte] });
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as ErrorBody).error.message).toBe('"Caffè Latte" is sold out');
    expect((await kiosk.get('/api/v1/stock')).json()).toMatchObject({
      items: [{ itemId: 'latte', eightySixed: { reason: 'manual', note: 'steam wand down' } }],
    });
    // A kiosk may read the list but not throw the switch.
    expect((await kiosk.post('/api/v1/stock/latte/un-86', {})).statusCode).toBe(403);
    expect((await counter.post('/api/v1/stock/latte/un-86', {})).json()).toMatchObject({ available: true });
    expect((await kiosk.post('/api/v1/orders', { ...juiceOrder('kiosk'), lines: [latte] })).statusCode).toBe(201);

    await count(0);
    const back = await counter.post(`/api/v1/stock/${JUICE}/un-86`, {});
    expect(back.statusCode).toBe(409);
    expect((back.json() as ErrorBody).error.message).toBe(
      '"Bottled Orange Juice" has none left: receive or count it to sell it again',
    );
    const manual = t.edge.access.audit.page({ limit: 50 }).rows.filter((r) => r.action.startsWith('stock.86'));
    // Only the hand-thrown 86 is audited, not the one the empty count made.
    expect(manual.map((r) => [r.action, r.subject])).toEqual([['stock.86d', 'latte']]);
  });

  it('a kiosk on the stream sees the item 86’d the moment the last one sells at the counter', async () => {
    await count(1);
    const list = (await kiosk.get('/api/v1/stock')).json() as StockList;
    expect(list.items).toEqual([
      { itemId: JUICE, name: 'Bottled Orange Juice', tracked: true, count: 1, available: true },
    ]);
    const stream = await StreamTestClient.connect(t.url, {
      headers: { authorization: kiosk.headers.authorization ?? '' },
    });
    try {
      await stream.waitForType('hello');
      stream.subscribe(list.seq, ['stock']);
      await stream.waitForType('caught-up');
      expect((await counter.post('/api/v1/orders', juiceOrder('counter'))).statusCode).toBe(201);
      await stream.waitFor('the 86', () => stream.events.some((e) => e.type === 'stock.86d'));
      expect(stream.events.map((e) => [e.type, e.subject, e.data])).toEqual([
        ['stock.sold', JUICE, expect.objectContaining({ quantity: 1, count: 0 })],
        ['stock.86d', JUICE, { itemId: JUICE, name: 'Bottled Orange Juice', reason: 'sold-out' }],
      ]);
      // Stock frames carry no order view; the kiosk is never sent the order itself.
      expect(stream.frames.every((f) => f.order === undefined)).toBe(true);
      expect(stream.events.every((e) => e.type.startsWith('stock.'))).toBe(true);
    } finally {
      await stream.close();
    }
  });

  it('counts a combo as its items: the croissant of a coffee-and-pastry combo is a croissant sold', async () => {
    await count(1, 'croissant');
    const combo = await lead.post('/api/v1/stock/coffee-pastry/count', { count: 4 });
    expect(combo.statusCode).toBe(400);
    expect((combo.json() as ErrorBody).error.message).toBe(
      '"Coffee & Pastry" is a combo: its items are counted, not the combo',
    );
    const placed = await counter.post('/api/v1/orders', {
      id: uuidv7(),
      channel: 'counter',
      orderType: 'takeout',
      lines: [
        {
          itemId: 'coffee-pastry',
          quantity: 1,
          slots: [
            { slotId: 'coffee', itemId: 'americano', variantId: 'small' },
            { slotId: 'pastry', itemId: 'croissant' },
          ],
        },
      ],
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(await stockOf('croissant')).toMatchObject({ count: 0, available: false });
  });
});

describe('the demo store', () => {
  it('starts counting a bottled drink and pastries baked in batches, by the system, once', async () => {
    const dir = tempDir();
    try {
      for (const start of ['new', 'restarted']) {
        const t = await startTestEdge({ overrides: { demo: true }, dataDir: dir.dir });
        try {
          const kiosk = await testDevice(t.edge, 'kiosk');
          const list = (await kiosk.get('/api/v1/stock')).json() as StockList;
          expect(
            list.items.map((i) => [i.itemId, i.count]),
            start,
          ).toEqual([
            ['blueberry-muffin', 8],
            ['cinnamon-roll', 6],
            ['orange-juice', 12],
            ['pain-au-chocolat', 6],
          ]);
          const seeded = t.edge.caps.events.readSince(0, { topics: ['stock'] });
          expect(
            seeded.map((e) => [e.type, e.actor.kind]),
            start,
          ).toEqual(Array(4).fill(['stock.counted', 'system']));
        } finally {
          await t.stop();
        }
      }
    } finally {
      dir.remove();
    }
  });
});
