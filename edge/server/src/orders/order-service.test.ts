import { placeOrderBodySchema, uuidv7, type OrderFiredData, type PlaceOrderInput } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderNumbers, orders as ordersTable } from '../db/schema.js';
import { VirtualPinpad } from '../payments/pinpad.js';
import { cashierAtCounter as cashier, cloudRelay, guestAtKiosk } from '../testing/contexts.js';
import { latteOrder } from '../testing/order-factory.js';
import { servicesOnTempDb } from '../testing/test-edge.js';

const body = (o: PlaceOrderInput = latteOrder()) => placeOrderBodySchema.parse(o);
const kiosk = guestAtKiosk();

describe('orders on a real SQLite file', () => {
  let s: ReturnType<typeof servicesOnTempDb>;
  beforeEach(() => {
    s = servicesOnTempDb({ pinpad: new VirtualPinpad({ declineAmounts: [299] }) });
  });
  afterEach(() => s.close());

  it('places a counter order priced by the catalog, numbered, fired at once with a ticket per station', () => {
    const { order, created } = s.caps.orders.place(cashier, body());
    expect(created).toBe(true);
    expect(order.number).toBe(1);
    expect(order.businessDay).toBe('2026-11-27');
    expect(order).toMatchObject({ status: 'in_kitchen', payment: 'unpaid' });
    // medium latte 475 + oat 70 = 545, ×2 = 1090; croissant 345 → subtotal 1435.
    // NYC tax per line, each rate rounded half-up: latte 1090 × (4% → 43.6 → 44, 4.5% → 49.05 → 49,
    // 0.375% → 4.09 → 4) = 97; croissant 345 × (13.8 → 14, 15.525 → 16, 1.29 → 1) = 31; tax 128.
    expect(order.totals).toEqual({ currency: 'USD', subtotal: 1435, discount: 0, tax: 128, total: 1563 });
    expect(order.pricing?.taxes.map((t) => [t.name, t.rate, t.amount])).toEqual([
      ['NY State', '4%', 58],
      ['NYC', '4.5%', 65],
      ['MCTD', '0.375%', 5],
    ]);
    expect(order.lines.map((l) => [l.tax, l.total])).toEqual([
      [97, 1187],
      [31, 376],
    ]);
    expect(order.lines.map((l) => [l.itemId, l.station, l.lineTotal])).toEqual([
      ['latte', 'bar', 1090],
      ['croissant', 'kitchen', 345],
    ]);
    expect(order.tickets.map((t) => [t.station, t.status, t.items.length])).toEqual([
      ['bar', 'open', 1],
      ['kitchen', 'open', 1],
    ]);
    // due = placed + the slowest station's prep (kitchen: 8 min)
    expect(order.dueAt).toBe('2026-11-27T15:08:00.000Z');
    expect(s.heard.map((e) => e.type)).toEqual(['order.placed', 'order.fired']);
    // The events are facts with their actor: what was placed, and which tickets fired with which lines.
    expect(s.heard[0]).toMatchObject({
      subject: order.id,
      version: 1,
      actor: { kind: 'staff', id: 'staff-cashier', role: 'cashier' },
      device: 'device-counter-1',
      at: '2026-11-27T15:00:00.000Z',
      data: { id: order.id, number: 1, channel: 'counter', firePolicy: 'now', totals: order.totals },
    });
    expect(s.heard[1]?.data).toEqual({
      orderId: order.id,
      tickets: order.tickets.map((t) => ({ id: t.id, station: t.station, lineIds: t.items.map((i) => i.lineId) })),
    } satisfies OrderFiredData);
    expect(s.caps.orders.place(cashier, body()).order.number).toBe(2);
  });

  it('prices with the store rules: happy hour on blended drinks, explained, and tax on the discounted amount', () => {
    s.clock.now = Date.parse('2026-11-25T19:30:00Z'); // Wednesday 14:30 in New York: happy hour
    const { order } = s.caps.orders.place(
      cashier,
      body(latteOrder({ lines: [{ itemId: 'caramel-frappe', variantId: 'medium', quantity: 1 }] })),
    );
    // medium frappé 545; 20% off = 109 → 436; tax on 436: 17.44 → 17, 19.62 → 20, 1.635 → 2 = 39; total 475
    expect(order.totals).toEqual({ currency: 'USD', subtotal: 545, discount: 109, tax: 39, total: 475 });
    expect(order.pricing?.discounts).toEqual([
      {
        promotionId: 'happy-hour',
        explanation: expect.stringMatching(/^Happy hour: 20% off .*−\$1\.09$/),
        amount: 109,
      },
    ]);
    expect(order.pricing?.loyaltyPoints).toBe(4); // 1 point per whole dollar of 436
    s.clock.now = Date.parse('2026-11-25T22:30:00Z'); // 17:30: over
    expect(
      s.caps.orders.place(
        cashier,
        body(latteOrder({ lines: [{ itemId: 'caramel-frappe', variantId: 'medium', quantity: 1 }] })),
      ).order.totals.discount,
    ).toBe(0);
  });

  it('holds a kiosk order until it is paid by card, then fires it', async () => {
    const { order } = s.caps.orders.place(kiosk, body(latteOrder({ channel: 'kiosk' })));
    expect(order).toMatchObject({ status: 'placed', payment: 'unpaid', tickets: [] });
    const paid = await s.caps.payments.pay(kiosk, order.id, { method: 'card' });
    expect(paid).toMatchObject({ status: 'in_kitchen', payment: 'paid' });
    expect(paid.payments).toEqual([
      expect.objectContaining({
        method: 'card',
        amount: 1563,
        cardLast4: '4242',
        reference: expect.stringMatching(/^VP-/),
      }),
    ]);
    expect(paid.tickets).toHaveLength(2);
    expect(s.heard.map((e) => e.type)).toEqual(['order.placed', 'order.paid', 'order.fired']);
    await expect(s.caps.payments.pay(kiosk, order.id, { method: 'card' })).rejects.toThrow(/already paid/);
  });

  it('a declined card changes nothing', async () => {
    const espresso = latteOrder({ channel: 'kiosk', lines: [{ itemId: 'espresso', quantity: 1 }] }); // 275 + tax 24 = 299: the test terminal declines it
    const { order } = s.caps.orders.place(kiosk, body(espresso));
    await expect(s.caps.payments.pay(kiosk, order.id, { method: 'card' })).rejects.toMatchObject({
      code: 'payment-declined',
    });
    expect(s.caps.orders.get(cashier, order.id)).toMatchObject({ status: 'placed', payment: 'unpaid', payments: [] });
  });

  it('takes cash with change for a counter order already in the kitchen, leaving it there', async () => {
    const { order } = s.caps.orders.place(cashier, body());
    // Short cash pays part of it (split tender); change comes only on the cash that pays the rest.
    const part = await s.caps.payments.pay(cashier, order.id, { method: 'cash', tendered: 1000 });
    expect(part).toMatchObject({ status: 'in_kitchen', payment: 'partially-paid', due: 563 });
    const paid = await s.caps.payments.pay(cashier, order.id, { method: 'cash', tendered: 2000 });
    expect(paid).toMatchObject({ status: 'in_kitchen', payment: 'paid', due: 0 });
    expect(paid.payments[1]).toMatchObject({ method: 'cash', amount: 563, tendered: 2000, change: 1437 });
  });

  it('fires a scheduled pickup order at its promised time minus prep time', () => {
    const promisedAt = new Date(s.clock.now + 60 * 60_000).toISOString(); // in an hour
    const { order } = s.caps.orders.place(
      cloudRelay,
      body(
        latteOrder({
          channel: 'app',
          orderType: 'pickup',
          promisedAt,
          payment: { method: 'external', amount: 1563, reference: 'app-77' },
        }),
      ),
    );
    expect(order).toMatchObject({ status: 'paid', payment: 'paid', promisedAt, dueAt: promisedAt });
    s.clock.now += 51 * 60_000; // 9 minutes before: kitchen prep is 8
    expect(s.caps.kitchen.fireDue()).toBe(0);
    s.clock.now += 60_000; // 8 minutes before
    expect(s.caps.kitchen.fireDue()).toBe(1);
    expect(s.caps.orders.get(cashier, order.id).status).toBe('in_kitchen');
  });

  it('refuses an app payment that does not match the total', () => {
    expect(() =>
      s.caps.orders.place(
        cloudRelay,
        body(latteOrder({ channel: 'app', payment: { method: 'external', amount: 100, reference: 'x' } })),
      ),
    ).toThrow(/does not match the order total of 1563/);
    expect(s.db.db.select().from(ordersTable).all()).toHaveLength(0);
  });

  it('the same id twice is the same order, never two', () => {
    const b = body();
    const first = s.caps.orders.place(cashier, b);
    const again = s.caps.orders.place(cashier, b);
    expect(again.created).toBe(false);
    expect(again.order).toEqual(first.order);
    expect(s.db.db.select().from(ordersTable).all()).toHaveLength(1);
    expect(s.heard).toHaveLength(2); // no new events for the repeat
  });

  it('the same id with a different cart is a conflict and changes nothing', () => {
    const b = body();
    s.caps.orders.place(cashier, b);
    const other = { ...b, lines: [{ itemId: 'espresso', modifiers: [], slots: [], quantity: 1 }] };
    expect(() => s.caps.orders.place(cashier, other)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(s.caps.orders.get(cashier, b.id).lines).toHaveLength(2);
  });

  it("keeps the screen's line ids, and refuses line ids another order already has", () => {
    const ids = [uuidv7(), uuidv7()];
    const withIds = (o: PlaceOrderInput) => ({ ...o, lines: o.lines.map((l, i) => ({ ...l, lineId: ids[i] })) });
    const { order } = s.caps.orders.place(cashier, body(withIds(latteOrder())));
    expect(order.lines.map((l) => l.lineId)).toEqual(ids);
    expect(order.tickets.flatMap((t) => t.items.map((i) => i.lineId)).sort()).toEqual([...ids].sort());
    const again = body(withIds(latteOrder()));
    expect(() => s.caps.orders.place(cashier, again)).toThrow(
      expect.objectContaining({ code: 'conflict', message: `line id ${ids[0]} already belongs to another order` }),
    );
    expect(s.db.db.select().from(ordersTable).all()).toHaveLength(1);
    // Without line ids the edge makes them, in cart order.
    const made = s.caps.orders.place(cashier, body()).order.lines.map((l) => l.lineId);
    expect(made).toHaveLength(2);
    expect([...made].sort()).toEqual(made);
  });

  it('an unknown item is refused and uses up no order number', () => {
    const bad = body(latteOrder({ lines: [{ itemId: 'unicorn-frappe', quantity: 1 }] }));
    expect(() => s.caps.orders.place(cashier, bad)).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('unicorn-frappe') }),
    );
    expect(s.db.db.select().from(ordersTable).all()).toHaveLength(0);
    expect(s.db.db.select().from(orderNumbers).all()).toHaveLength(0);
    expect(s.heard).toHaveLength(0);
    expect(s.caps.orders.place(cashier, body()).order.number).toBe(1);
  });

  it('cancels only what is neither paid nor in the kitchen', async () => {
    const fromKiosk = s.caps.orders.place(kiosk, body(latteOrder({ channel: 'kiosk' }))).order;
    expect(s.caps.orders.command(cashier, fromKiosk.id, 'cancel')).toMatchObject({ status: 'cancelled' });
    const counter = s.caps.orders.place(cashier, body()).order;
    expect(() => s.caps.orders.command(cashier, counter.id, 'cancel')).toThrow(/void it instead/);
    const paid = s.caps.orders.place(kiosk, body(latteOrder({ channel: 'kiosk' }))).order;
    await s.caps.payments.pay(kiosk, paid.id, { method: 'cash', tendered: 1563 });
    expect(() => s.caps.orders.command(cashier, paid.id, 'cancel')).toThrow(/refund it instead/);
    expect(() => s.caps.orders.command(cashier, uuidv7(), 'pick-up')).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
  });

  it('lists open orders with the seq they are current at, and closed ones by day', () => {
    const a = s.caps.orders.place(cashier, body()).order;
    const b = s.caps.orders.place(cashier, body()).order;
    s.caps.kitchen.expoReady(cashier, a.id);
    s.caps.orders.command(cashier, a.id, 'pick-up');
    const open = s.caps.orders.list(cashier, { status: 'open', limit: 500 });
    expect(open.orders.map((o) => o.id)).toEqual([b.id]);
    expect(open.seq).toBe(s.caps.events.lastSeq);
    expect(s.caps.orders.list(cashier, { status: 'picked_up', limit: 500 }).orders.map((o) => o.id)).toEqual([a.id]);
    expect(s.caps.orders.list(cashier, { status: 'picked_up', day: '2026-11-26', limit: 500 }).orders).toEqual([]);
  });

  it('restarts numbering each business day, which starts at 04:00 store time', () => {
    s.clock.now = Date.parse('2026-11-28T08:30:00Z'); // 03:30 on the 28th in New York: still the 27th's day
    const late = s.caps.orders.place(cashier, body()).order;
    expect(late.businessDay).toBe('2026-11-27');
    s.clock.now = Date.parse('2026-11-28T09:05:00Z'); // 04:05: a new business day
    const early = s.caps.orders.place(cashier, body()).order;
    expect(early.businessDay).toBe('2026-11-28');
    expect(early.number).toBe(1);
  });

  it('a kiosk places only kiosk orders, and reads and pays only the ones it placed', async () => {
    expect(() => s.caps.orders.place(kiosk, body())).toThrow(
      expect.objectContaining({ code: 'forbidden', message: 'a kiosk places kiosk orders only' }),
    );
    const mine = s.caps.orders.place(kiosk, body(latteOrder({ channel: 'kiosk' }))).order;
    const other = guestAtKiosk('device-kiosk-2');
    expect(() => s.caps.orders.get(other, mine.id)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    await expect(s.caps.payments.pay(other, mine.id, { method: 'card' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(s.caps.orders.get(kiosk, mine.id).payment).toBe('unpaid');
    // Nor can it take over the id of an order placed elsewhere.
    const counter = latteOrder();
    s.caps.orders.place(cashier, body(counter));
    expect(() => s.caps.orders.place(kiosk, body(counter))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() =>
      s.caps.orders.place(
        cashier,
        body(latteOrder({ channel: 'app', payment: { method: 'external', amount: 1563, reference: 'x' } })),
      ),
    ).toThrow('only the cloud relay brings in orders paid elsewhere');
  });

  it('voids an unpaid order with its reason, and not a paid one', async () => {
    const order = s.caps.orders.place(cashier, body()).order;
    expect(() => s.caps.orders.voidOrder(cashier, order.id, ' ')).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
    expect(s.caps.orders.voidOrder(cashier, order.id, 'guest walked out')).toMatchObject({ status: 'voided' });
    expect(s.heard.at(-1)).toMatchObject({
      type: 'order.voided',
      data: { orderId: order.id, reason: 'guest walked out' },
      actor: { id: 'staff-cashier' },
    });
    const paid = s.caps.orders.place(cashier, body()).order;
    await s.caps.payments.pay(cashier, paid.id, { method: 'cash', tendered: 2000 });
    expect(() => s.caps.orders.voidOrder(cashier, paid.id, 'oops')).toThrow(/refund it instead/);
  });

  it('fires scheduled orders as the edge itself', () => {
    const promisedAt = new Date(s.clock.now + 30 * 60_000).toISOString();
    const { order } = s.caps.orders.place(cashier, body(latteOrder({ promisedAt })));
    expect(order.status).toBe('placed'); // a counter order fires at once, unless it is for later
    s.clock.now += 22 * 60_000;
    expect(s.caps.kitchen.fireDue()).toBe(1);
    expect(s.heard.at(-1)).toMatchObject({
      type: 'order.fired',
      actor: { kind: 'system', id: 'edge' },
      device: null,
      at: new Date(s.clock.now).toISOString(),
    });
  });
});
