import { uuidv7, type OrderEventData, type StoreEvent, type PlaceOrderBody } from '@tillbox/core';
import { placeOrderBodySchema } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogService } from '../catalog/catalog-service.js';
import { demoCatalog } from '../catalog/demo-catalog.js';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { orderNumbers, orders as ordersTable } from '../db/schema.js';
import { EventLog } from '../events/event-log.js';
import { latteOrder, tempDir } from '../testing/test-edge.js';
import { OrderService } from './order-service.js';

const body = (o = latteOrder()): PlaceOrderBody => placeOrderBodySchema.parse(o);

describe('orders on a real SQLite file', () => {
  let db: OpenDatabase;
  let events: EventLog;
  let service: OrderService;
  let heard: StoreEvent[];
  let now = Date.parse('2026-11-27T15:00:00Z'); // 10:00 in New York
  let remove: () => void;

  beforeEach(() => {
    const t = tempDir();
    remove = t.remove;
    db = openDatabase(t.dir);
    events = new EventLog(db.db);
    events.start();
    const catalog = new CatalogService(db.db, demoCatalog);
    catalog.start();
    service = new OrderService({
      events,
      catalog,
      store: { timeZone: 'America/New_York', businessDayStartHour: 4 },
      now: () => now,
    });
    heard = [];
    events.subscribe((b) => heard.push(...b));
  });
  afterEach(() => {
    db.close();
    remove();
  });

  it('places an order priced by the catalog, numbered, fired to the kitchen, with its events', () => {
    const { order, created } = service.place(body());
    expect(created).toBe(true);
    expect(order.number).toBe(1);
    expect(order.businessDay).toBe('2026-11-27');
    expect(order.status).toBe('in_kitchen');
    // medium latte 475 + oat 70 = 545, ×2 = 1090; croissant 345 → 1435
    expect(order.totals).toEqual({ currency: 'USD', subtotal: 1435, total: 1435 });
    expect(order.lines.map((l) => [l.itemId, l.station, l.lineTotal])).toEqual([
      ['latte', 'bar', 1090],
      ['croissant', 'kitchen', 345],
    ]);
    expect(heard.map((e) => e.type)).toEqual(['order.placed', 'order.fired']);
    expect((heard[1]?.data as OrderEventData).order.status).toBe('in_kitchen');
    expect(service.place(body()).order.number).toBe(2);
  });

  it('the same id twice is the same order, never two', () => {
    const b = body();
    const first = service.place(b);
    const again = service.place(b);
    expect(again.created).toBe(false);
    expect(again.order).toEqual(first.order);
    expect(db.db.select().from(ordersTable).all()).toHaveLength(1);
    expect(heard).toHaveLength(2); // no new events for the repeat
  });

  it('the same id with a different cart is a conflict and changes nothing', () => {
    const b = body();
    service.place(b);
    const other = { ...b, lines: [{ itemId: 'espresso', modifiers: [], quantity: 1 }] };
    expect(() => service.place(other)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(service.get(b.id).lines).toHaveLength(2);
  });

  it('an unknown item is refused and uses up no order number', () => {
    const bad = body(latteOrder({ lines: [{ itemId: 'unicorn-frappe', quantity: 1 }] }));
    expect(() => service.place(bad)).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('unicorn-frappe') }),
    );
    expect(db.db.select().from(ordersTable).all()).toHaveLength(0);
    expect(db.db.select().from(orderNumbers).all()).toHaveLength(0);
    expect(heard).toHaveLength(0);
    expect(service.place(body()).order.number).toBe(1);
  });

  it('runs the lifecycle in the kitchen → ready → picked up order and refuses the rest', () => {
    const { order } = service.place(body());
    expect(() => service.command(order.id, 'pick-up')).toThrow(/cannot pick-up an order that is in the kitchen/);
    const ready = service.command(order.id, 'bump');
    expect(ready.status).toBe('ready');
    expect(ready.readyAt).toBeDefined();
    expect(() => service.command(order.id, 'bump')).toThrow(expect.objectContaining({ code: 'conflict' }));
    const done = service.command(order.id, 'pick-up');
    expect(done.status).toBe('picked_up');
    expect(heard.map((e) => e.type)).toEqual(['order.placed', 'order.fired', 'order.bumped', 'order.picked-up']);
    expect(() => service.command(order.id, 'bump')).toThrow(/cannot bump an order that is picked up/);
    expect(() => service.command(uuidv7(), 'bump')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(heard).toHaveLength(4);
  });

  it('lists open orders with the seq they are current at', () => {
    const a = service.place(body()).order;
    const b = service.place(body()).order;
    service.command(a.id, 'bump');
    service.command(a.id, 'pick-up');
    const open = service.list('open');
    expect(open.orders.map((o) => o.id)).toEqual([b.id]);
    expect(open.seq).toBe(events.lastSeq);
    expect(service.list('picked_up').orders.map((o) => o.id)).toEqual([a.id]);
  });

  it('restarts numbering each business day, which starts at 04:00 store time', () => {
    now = Date.parse('2026-11-28T08:30:00Z'); // 03:30 on the 28th in New York: still the 27th's day
    const late = service.place(body()).order;
    expect(late.businessDay).toBe('2026-11-27');
    now = Date.parse('2026-11-28T09:05:00Z'); // 04:05: a new business day
    const early = service.place(body()).order;
    expect(early.businessDay).toBe('2026-11-28');
    expect(early.number).toBe(1);
  });
});
