/**
 * A latte chosen in a combo reaches the bar (it used to go, with the pastry, to the combo
 * category's station, the kitchen). Placed over HTTP from the counter with the demo menu; each
 * station's ticket is read back over HTTP, and bumping the bar's share leaves the kitchen's to
 * make, across a reload from the store's file.
 */
import { lineAtStation, uuidv7, type OrderView, type PricedLine, type TicketView } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('a combo with a latte, placed at the counter', () => {
  let t: TestEdge;
  let counter: TestClient;
  let kds: TestClient;
  let order: OrderView;
  const comboLine = uuidv7();
  const croissantLine = uuidv7();

  beforeAll(async () => {
    t = await startTestEdge();
    counter = await testDevice(t.edge, 'counter', 'cashier');
    kds = await testDevice(t.edge, 'kds');
    const placed = await counter.post('/api/v1/orders', {
      id: uuidv7(),
      channel: 'counter',
      orderType: 'takeout',
      lines: [
        {
          lineId: comboLine,
          itemId: 'coffee-pastry',
          quantity: 1,
          slots: [
            {
              slotId: 'coffee',
              itemId: 'latte',
              variantId: 'medium',
              modifiers: [{ groupId: 'milk', optionId: 'oat' }],
            },
            { slotId: 'pastry', itemId: 'croissant' },
          ],
        },
        { lineId: croissantLine, itemId: 'croissant', quantity: 1 },
      ],
    });
    expect(placed.statusCode, placed.body).toBe(201);
    order = placed.json();
  });
  afterAll(async () => {
    await t.stop();
  });

  async function current(): Promise<OrderView> {
    const res = await kds.get(`/api/v1/orders/${order.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const ticketAt = (o: OrderView, station: string): TicketView | undefined =>
    o.tickets.find((x) => x.station === station);
  const shownAt = (o: OrderView, station: string): PricedLine[] =>
    o.lines.flatMap((l) => lineAtStation(l, station) ?? []);
  const names = (l: PricedLine | undefined): string[] => (l?.modifiers ?? []).map((m) => m.name.en ?? '');

  it("puts the combo's latte on the bar's ticket and its croissant on the kitchen's", async () => {
    const o = await current();
    expect(o.status).toBe('in_kitchen');
    expect(ticketAt(o, 'bar')?.items).toEqual([{ lineId: comboLine }]);
    expect(ticketAt(o, 'kitchen')?.items).toEqual([{ lineId: comboLine }, { lineId: croissantLine }]);

    const [atBar] = shownAt(o, 'bar');
    expect(atBar?.name.en).toBe('Coffee & Pastry');
    expect(names(atBar)).toEqual(['Caffè Latte (Medium)', 'Oat milk']);
    const atKitchen = shownAt(o, 'kitchen');
    expect(atKitchen.map((l) => l.name.en)).toEqual(['Coffee & Pastry', 'Butter Croissant']);
    expect(names(atKitchen[0])).toEqual(['Butter Croissant']);
  });

  it("bumps the bar's share without bumping the kitchen's, and keeps it across a reload", async () => {
    const bar = ticketAt(order, 'bar')?.id ?? '';
    const bumped = await kds.post(`/api/v1/tickets/${bar}/items/${comboLine}/bump`);
    expect(bumped.statusCode, bumped.body).toBe(200);

    const o = await current();
    expect(ticketAt(o, 'bar')).toMatchObject({
      status: 'bumped',
      items: [{ lineId: comboLine, bumpedAt: expect.any(String) }],
    });
    expect(ticketAt(o, 'kitchen')).toMatchObject({
      status: 'open',
      items: [{ lineId: comboLine }, { lineId: croissantLine }],
    });
    expect(o.status).toBe('in_kitchen');

    // The store's file keeps each station's share apart (what a restart reads back).
    const row = t.edge.database.sqlite.prepare('SELECT detail FROM order_lines WHERE id = ?').get(comboLine) as {
      detail: string;
    };
    const parts = (JSON.parse(row.detail) as { parts: { station: string; bumpedAt?: number }[] }).parts;
    expect(parts.map((p) => [p.station, p.bumpedAt !== undefined])).toEqual([
      ['bar', true],
      ['kitchen', false],
    ]);
  });
});
