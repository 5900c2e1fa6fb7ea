/**
 * Open tickets as a counter uses them: a tab held by the cashier, recalled, handed to a colleague,
 * and added to — the new lines priced with the rest through the placement path and, when the
 * order is already in the kitchen, fired as another round on their station's ticket.
 */
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../auth/actors.js';
import { pricingCartSchema, pricingContextSchema, type PricingCartInput } from '../commerce/cart-schema.js';
import { createPricingEngine } from '../commerce/compile.js';
import { priceWithEngine } from '../commerce/price.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideOrder, type OrderCommand, type OrderConfig, type OrderEnv } from './decide.js';
import { draft, envFor, kiosk, staff, T0, CONFIG } from './fixtures.test-support.js';
import { evolveOrder, type Order } from './order.js';
import { orderView } from './order-view.js';
import { placementOf, type RoutingConfig } from './placement.js';

const catalog = {
  version: 3,
  currency: 'USD',
  categories: [
    { id: 'drinks', name: { en: 'Drinks' }, taxClass: 'beverage' as const, station: 'bar' },
    { id: 'food', name: { en: 'Food' }, station: 'bar' },
  ],
  items: [
    { id: 'latte', categoryId: 'drinks', sku: 'L', name: { en: 'Latte' }, price: 450 },
    { id: 'muffin', categoryId: 'food', sku: 'M', name: { en: 'Muffin' }, price: 325 },
    { id: 'toastie', categoryId: 'food', sku: 'T', name: { en: 'Toastie' }, price: 700 },
  ],
};
const rules = {
  stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'ten' }],
  tax: {
    jurisdictions: [
      {
        id: 'ten',
        name: 'Ten',
        rates: [
          { id: 'ten', name: { en: 'Tax' }, ratePpm: 100_000, appliesTo: [{ classes: ['prepared-food', 'beverage'] }] },
        ],
      },
    ],
  },
};
const engine = createPricingEngine(catalog, rules);
const station = (id: string, items: string[] = []) => ({
  id,
  name: id,
  categories: [],
  items,
  warnAfterSeconds: 180,
  lateAfterSeconds: 360,
  prepMinutes: 5,
  printTickets: false,
});
const routing: RoutingConfig = { stations: [station('bar'), station('kitchen', ['toastie'])], defaultStation: 'bar' };
const config: OrderConfig = { ...CONFIG, routing };

const colleague: CommandContext = {
  actor: { kind: 'staff', id: 'staff-bo', role: 'cashier', name: 'Bo' },
  device: 'counter-2',
};
const env = (cmd: CommandContext = staff, at = T0): OrderEnv => ({ ...envFor(cmd, at, config), engine });

function run(state: Order | undefined, command: OrderCommand, e: OrderEnv = env()) {
  const d = decideOrder(state, command, e);
  let replay = state;
  for (const ev of d.events) {
    validateEvent(ev.type, ev.data);
    replay = evolveOrder(replay, ev, e.at);
  }
  expect(replay).toEqual(d.state);
  return d;
}

function refusal(state: Order, command: OrderCommand, e: OrderEnv = env()): TillboxError {
  try {
    decideOrder(state, command, e);
  } catch (err) {
    expect(err).toBeInstanceOf(TillboxError);
    return err as TillboxError;
  }
  throw new Error(`expected ${command.kind} to be refused`);
}

/** A counter tab: a latte (450 + 45 tax = 495), fired at once or on payment. */
function tab(
  fire: 'now' | 'on-payment' = 'now',
  lines: PricingCartInput['lines'] = [{ lineId: 'l1', itemId: 'latte', quantity: 1 }],
): Order {
  const cart = pricingCartSchema.parse({ lines });
  const context = pricingContextSchema.parse({ storeId: 's', channel: 'counter', at: new Date(T0).toISOString() });
  const priced = priceWithEngine(engine, cart, context);
  const order = { ...draft(), ...placementOf(priced, engine, routing), priceInput: { cart, context } };
  return run(undefined, { kind: 'place', order, fire }).state;
}

describe('holding, recalling and handing over an open ticket', () => {
  it('is held by the cashier, recalled onto a counter, and handed to a colleague', () => {
    const held = run(tab(), { kind: 'hold' });
    expect(held.events).toEqual([
      { type: 'order.held', data: { orderId: 'order-1', owner: { staffId: 'staff-ana', name: 'Ana' } } },
    ]);
    expect(orderView(held.state)).toMatchObject({
      owner: { staffId: 'staff-ana', name: 'Ana' },
      heldAt: new Date(T0).toISOString(),
    });
    expect(refusal(held.state, { kind: 'hold' }).message).toBe('order 1 is already held');

    const recalled = run(held.state, { kind: 'resume' }, env(colleague));
    expect(recalled.state.heldAt).toBeUndefined();
    expect(recalled.state.owner).toEqual({ staffId: 'staff-ana', name: 'Ana' });
    expect(refusal(recalled.state, { kind: 'resume' }).message).toMatch(/is not held/);

    // Held again by someone else, it stays Ana's until it is handed over.
    expect(run(recalled.state, { kind: 'hold' }, env(colleague)).state.owner?.staffId).toBe('staff-ana');
    const handed = run(recalled.state, {
      kind: 'transfer',
      to: { staffId: 'staff-bo', name: 'Bo' },
      reason: 'end of shift',
    });
    expect(handed.events[0]).toEqual({
      type: 'order.transferred',
      data: {
        orderId: 'order-1',
        from: { staffId: 'staff-ana', name: 'Ana' },
        to: { staffId: 'staff-bo', name: 'Bo' },
        reason: 'end of shift',
      },
    });
    expect(refusal(handed.state, { kind: 'transfer', to: { staffId: 'staff-bo' } }).message).toBe(
      "order 1 is already Bo's",
    );
  });

  it('is only a counter order that is not yet paid, and only staff hold it', () => {
    const kioskOrder = run(
      undefined,
      { kind: 'place', order: draft({ channel: 'kiosk' }), fire: 'auto' },
      envFor(kiosk),
    ).state;
    expect(refusal(kioskOrder, { kind: 'hold' }).message).toBe(
      'order 1 is a kiosk order: only counter orders are held as open tickets',
    );
    const paid = run(tab(), { kind: 'pay', payment: { method: 'card', amount: 495, reference: 'r' } }).state;
    expect(refusal(paid, { kind: 'hold' }).message).toBe('order 1 is paid: it is no open ticket');
    expect(refusal(tab(), { kind: 'hold' }, envFor(kiosk)).code).toBe('forbidden');
  });

  it('stops being an open ticket once paid in full', () => {
    const held = run(tab(), { kind: 'hold' }).state;
    const part = run(held, { kind: 'pay', payment: { method: 'cash', tendered: 200 } }).state;
    expect(part.heldAt).toBe(T0);
    const paid = run(part, { kind: 'pay', payment: { method: 'card', amount: 295, reference: 'r' } }).state;
    expect(paid.heldAt).toBeUndefined();
    expect(orderView(paid).owner?.staffId).toBe('staff-ana');
  });
});

describe('adding lines to a placed order', () => {
  it('prices them with the rest and, before the order has fired, sends them with it', () => {
    const added = run(tab('on-payment'), {
      kind: 'add-lines',
      lines: [{ lineId: 'l2', itemId: 'muffin', quantity: 2, modifiers: [], slots: [] }],
    });
    expect(added.events.map((e) => e.type)).toEqual(['order.lines-added']);
    // 450 + 2 × 325 = 1100, + 10% tax = 1210.
    expect(added.state.totals).toMatchObject({ subtotal: 1100, tax: 110, total: 1210 });
    expect(added.state.lines.map((l) => [l.lineId, l.total])).toEqual([
      ['l1', 495],
      ['l2', 715],
    ]);
    expect(added.state.priceInput?.cart.lines.map((l) => l.lineId)).toEqual(['l1', 'l2']);
    const paid = run(added.state, { kind: 'pay', payment: { method: 'card', amount: 1210, reference: 'r' } });
    expect(paid.events.at(-1)).toMatchObject({
      type: 'order.fired',
      data: { tickets: [{ station: 'bar', lineIds: ['l1', 'l2'] }] },
    });
  });

  it('fires lines added to an order in the kitchen as another round, on their station’s ticket or a new one', () => {
    let state = tab('now');
    const barTicket = state.tickets[0];
    state = run(state, { kind: 'ticket', ticketId: barTicket?.id ?? '', command: 'bump' }).state;
    expect(state.status).toBe('ready');
    const added = run(state, {
      kind: 'add-lines',
      lines: [
        { lineId: 'l2', itemId: 'muffin', quantity: 1, modifiers: [], slots: [] },
        { lineId: 'l3', itemId: 'toastie', quantity: 1, modifiers: [], slots: [] },
      ],
    });
    expect(added.events.map((e) => e.type)).toEqual(['order.lines-added', 'order.fired']);
    const round = added.events[1];
    expect(round).toMatchObject({
      type: 'order.fired',
      data: {
        round: 2,
        tickets: [
          { id: barTicket?.id, station: 'bar', lineIds: ['l2'] },
          { station: 'kitchen', lineIds: ['l3'] },
        ],
      },
    });
    expect(added.state.status).toBe('in_kitchen');
    const view = orderView(added.state);
    expect(view.tickets.map((t) => [t.station, t.status])).toEqual([
      ['bar', 'open'],
      ['kitchen', 'open'],
    ]);
    // The latte stays done on the reopened bar ticket; the muffin is new.
    expect(view.tickets[0]?.items.map((i) => [i.lineId, i.bumpedAt !== undefined])).toEqual([
      ['l1', true],
      ['l2', false],
    ]);
    expect(view.lines.map((l) => l.round)).toEqual([undefined, 2, 2]);
  });

  it('refuses lines once any of it is paid, a line id used twice, and a non-staff hand', () => {
    const order = tab('on-payment');
    const muffin = { lineId: 'l2', itemId: 'muffin', quantity: 1, modifiers: [], slots: [] };
    expect(refusal(order, { kind: 'add-lines', lines: [{ ...muffin, lineId: 'l1' }] }).message).toBe(
      'line id l1 is already on order 1',
    );
    const part = run(order, { kind: 'pay', payment: { method: 'cash', tendered: 100 } }).state;
    expect(refusal(part, { kind: 'add-lines', lines: [muffin] }).message).toMatch(
      /is partially-paid: its price can no longer change/,
    );
    expect(refusal(order, { kind: 'add-lines', lines: [muffin] }, env(kiosk)).code).toBe('forbidden');
  });

  it('drops a split by lines, which the new line is in no part of', () => {
    const both = [
      { lineId: 'l1', itemId: 'latte', quantity: 1 },
      { lineId: 'l2', itemId: 'muffin', quantity: 1 },
    ];
    const split = run(tab('on-payment', both), {
      kind: 'split',
      plan: { kind: 'lines', parts: [['l1'], ['l2']] },
    }).state;
    const added = run(split, {
      kind: 'add-lines',
      lines: [{ lineId: 'l3', itemId: 'muffin', quantity: 1, modifiers: [], slots: [] }],
    });
    expect(added.events[0]).toMatchObject({ data: { splitDropped: true } });
    expect(added.state.split).toBeUndefined();
  });
});
