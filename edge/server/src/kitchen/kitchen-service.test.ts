import { placeOrderBodySchema, type OrderView, type PlaceOrderInput } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { speedOfService } from '../reports/speed-of-service.js';
import { cashierAtCounter as cashier, kdsDevice, pickupBoard } from '../testing/contexts.js';
import { latteOrder } from '../testing/order-factory.js';
import { servicesOnTempDb } from '../testing/test-edge.js';

const ticketAt = (o: OrderView, station: string) => {
  const t = o.tickets.find((x) => x.station === station);
  if (!t) throw new Error(`no ${station} ticket on order ${o.number}`);
  return t;
};

describe('the kitchen on a real SQLite file', () => {
  let s: ReturnType<typeof servicesOnTempDb>;
  const kds = kdsDevice();
  const place = (o: PlaceOrderInput = latteOrder()) =>
    s.caps.orders.place(cashier, placeOrderBodySchema.parse(o)).order;
  beforeEach(() => {
    s = servicesOnTempDb();
  });
  afterEach(() => s.close());

  it('splits an order into one ticket per station and is ready when every station has bumped', () => {
    const order = place();
    const bar = ticketAt(order, 'bar');
    const kitchen = ticketAt(order, 'kitchen');
    s.clock.now += 90_000;
    const afterBar = s.caps.kitchen.ticketCommand(kds, bar.id, 'bump');
    expect(afterBar.status).toBe('in_kitchen');
    expect(ticketAt(afterBar, 'bar')).toMatchObject({ status: 'bumped', bumpedAt: '2026-11-27T15:01:30.000Z' });
    expect(ticketAt(afterBar, 'kitchen').status).toBe('open');
    s.clock.now += 60_000;
    const afterKitchen = s.caps.kitchen.ticketCommand(kds, kitchen.id, 'bump');
    expect(afterKitchen).toMatchObject({ status: 'ready', readyAt: '2026-11-27T15:02:30.000Z' });
    expect(s.heard.map((e) => e.type)).toEqual([
      'order.placed',
      'order.fired',
      'ticket.bumped',
      'ticket.bumped',
      'order.ready',
    ]);
    expect(s.heard.slice(2).map((e) => e.data)).toEqual([
      { orderId: order.id, ticketId: bar.id, station: 'bar' },
      { orderId: order.id, ticketId: kitchen.id, station: 'kitchen' },
      { orderId: order.id, by: 'auto' },
    ]);
    expect(s.heard.slice(2).map((e) => [e.actor.kind, e.device, e.at])).toEqual([
      ['device', 'device-kds-1', '2026-11-27T15:01:30.000Z'],
      ['device', 'device-kds-1', '2026-11-27T15:02:30.000Z'],
      ['device', 'device-kds-1', '2026-11-27T15:02:30.000Z'],
    ]);
  });

  it('refuses to bump a ticket twice, or one of an order already picked up, and changes nothing', () => {
    const order = place();
    const bar = ticketAt(order, 'bar');
    s.caps.kitchen.ticketCommand(kds, bar.id, 'bump');
    const seq = s.caps.events.lastSeq;
    expect(() => s.caps.kitchen.ticketCommand(kds, bar.id, 'bump')).toThrow('this ticket is already bumped');
    s.caps.kitchen.expoReady(kds, order.id);
    s.caps.orders.command(pickupBoard, order.id, 'pick-up');
    const after = s.caps.events.lastSeq;
    expect(() => s.caps.kitchen.ticketCommand(kds, ticketAt(order, 'kitchen').id, 'bump')).toThrow(
      /order 1 is picked up/,
    );
    expect(() => s.caps.orders.command(pickupBoard, order.id, 'pick-up')).toThrow(
      /cannot pick-up an order that is picked up/,
    );
    expect(s.caps.events.lastSeq).toBe(after);
    expect(after).toBeGreaterThan(seq);
  });

  it('bumps items one by one; the last one bumps the ticket', () => {
    const order = place(
      latteOrder({
        lines: [
          { itemId: 'espresso', quantity: 1 },
          { itemId: 'americano', variantId: 'small', quantity: 1 },
        ],
      }),
    );
    const bar = ticketAt(order, 'bar');
    const [first, second] = bar.items;
    if (!first || !second) throw new Error('two bar items expected');
    const one = s.caps.kitchen.ticketCommand(kds, bar.id, 'bump-item', first.lineId);
    expect(ticketAt(one, 'bar').items.map((i) => i.bumpedAt !== undefined)).toEqual([true, false]);
    expect(() => s.caps.kitchen.ticketCommand(kds, bar.id, 'bump-item', first.lineId)).toThrow(
      'this item is already bumped',
    );
    expect(
      ticketAt(s.caps.kitchen.ticketCommand(kds, bar.id, 'unbump-item', first.lineId), 'bar').items[0]?.bumpedAt,
    ).toBeUndefined();
    s.caps.kitchen.ticketCommand(kds, bar.id, 'bump-item', first.lineId);
    const done = s.caps.kitchen.ticketCommand(kds, bar.id, 'bump-item', second.lineId);
    expect(done.status).toBe('ready'); // the bar was its only station
    expect(() => s.caps.kitchen.ticketCommand(kds, bar.id, 'bump-item', 'no-such-line')).toThrow();
  });

  it('recalls a bumped ticket and brings a ready order back to the kitchen; undo recalls the last bump', () => {
    const a = place();
    const b = place();
    s.caps.kitchen.ticketCommand(kds, ticketAt(a, 'bar').id, 'bump');
    s.clock.now += 1000;
    const readyA = s.caps.kitchen.ticketCommand(kds, ticketAt(a, 'kitchen').id, 'bump');
    expect(readyA.status).toBe('ready');
    s.clock.now += 1000;
    s.caps.kitchen.ticketCommand(kds, ticketAt(b, 'bar').id, 'bump');
    expect(s.caps.kitchen.recallList(kds, 'bar').tickets.map((t) => t.order.number)).toEqual([2, 1]);

    const undone = s.caps.kitchen.undo(kds, 'bar'); // b's bar ticket, the last bumped at the bar
    expect(undone.id).toBe(b.id);
    expect(ticketAt(undone, 'bar').status).toBe('open');

    const recalled = s.caps.kitchen.ticketCommand(kds, ticketAt(a, 'kitchen').id, 'recall');
    expect(recalled).toMatchObject({ status: 'in_kitchen' });
    expect(recalled.readyAt).toBeUndefined();
    expect(ticketAt(recalled, 'kitchen').status).toBe('open');
    expect(s.heard.map((e) => e.type).slice(-3)).toEqual(['ticket.recalled', 'ticket.recalled', 'order.recalled']);
    expect(() => s.caps.kitchen.ticketCommand(kds, ticketAt(a, 'kitchen').id, 'recall')).toThrow(
      'only a bumped ticket can be recalled',
    );
  });

  it('names the stations when asked about one that does not exist', () => {
    expect(() => s.caps.kitchen.recallList(kds, 'grill')).toThrow('no station "grill" (stations: bar, kitchen)');
    expect(() => s.caps.kitchen.undo(kds, 'grill')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => s.caps.kitchen.undo(kds, 'bar')).toThrow(/nothing to undo at bar/);
  });

  it('lets the expo mark an order ready early, bumping what is left', () => {
    const order = place();
    const ready = s.caps.kitchen.expoReady(kds, order.id);
    expect(ready.status).toBe('ready');
    expect(ready.tickets.map((t) => t.status)).toEqual(['bumped', 'bumped']);
    expect(() => s.caps.kitchen.expoReady(kds, order.id)).toThrow(/cannot ready an order that is ready/);
  });

  it('routes by the settings before the catalog', () => {
    s.close();
    s = servicesOnTempDb({
      overrides: {
        'kitchen.stations': [
          { id: 'bar', name: 'Bar' },
          { id: 'kitchen', name: 'Kitchen' },
          { id: 'pastry', name: 'Pastry', categories: ['bakery'], items: ['egg-sandwich'] },
        ],
      },
    });
    const order = place(
      latteOrder({
        lines: [
          { itemId: 'croissant', quantity: 1 },
          { itemId: 'egg-sandwich', quantity: 1, modifiers: [{ groupId: 'bread', optionId: 'sourdough' }] },
          { itemId: 'oatmeal', quantity: 1, modifiers: [{ groupId: 'milk', optionId: 'oat' }] },
        ],
      }),
    );
    expect(order.lines.map((l) => [l.itemId, l.station])).toEqual([
      ['croissant', 'pastry'],
      ['egg-sandwich', 'pastry'],
      ['oatmeal', 'kitchen'],
    ]);
  });

  it('records speed of service per stage and station', () => {
    const order = place(); // placed and fired at 15:00:00
    s.clock.now += 120_000;
    s.caps.kitchen.ticketCommand(kds, ticketAt(order, 'bar').id, 'bump'); // bar: 120 s
    s.clock.now += 120_000;
    s.caps.kitchen.ticketCommand(kds, ticketAt(order, 'kitchen').id, 'bump'); // kitchen: 240 s, ready at 240 s
    s.clock.now += 60_000;
    s.caps.orders.command(pickupBoard, order.id, 'pick-up'); // picked up 60 s after ready, 300 s after placing
    const report = speedOfService(s.caps.reports, '2026-11-27');
    expect(report.orders).toBe(1);
    expect(report.stages).toEqual({
      placedToFired: { count: 1, p50Seconds: 0, p90Seconds: 0 },
      firedToReady: { count: 1, p50Seconds: 240, p90Seconds: 240 },
      readyToPickedUp: { count: 1, p50Seconds: 60, p90Seconds: 60 },
      placedToPickedUp: { count: 1, p50Seconds: 300, p90Seconds: 300 },
    });
    expect(report.stations).toEqual([
      { station: 'bar', firedToBumped: { count: 1, p50Seconds: 120, p90Seconds: 120 } },
      { station: 'kitchen', firedToBumped: { count: 1, p50Seconds: 240, p90Seconds: 240 } },
    ]);
  });
});
