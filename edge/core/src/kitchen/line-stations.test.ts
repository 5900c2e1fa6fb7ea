/**
 * A combo's slot items are made where each item is made: a latte chosen in a breakfast combo goes
 * to the bar, its croissant to the kitchen (not both to the combo category's station). Priced and
 * placed with the real engine, fired and bumped through decideOrder, shown as the KDS and the
 * printed ticket show them.
 */
import { describe, expect, it } from 'vitest';
import { createPricingEngine } from '../commerce/compile.js';
import { price } from '../commerce/price.js';
import { usStoreExample } from '../commerce/sample-stores.js';
import { validateEvent } from '../events/catalogue.js';
import { decideOrder, type OrderCommand } from '../orders/decide.js';
import { CONFIG, envFor, kds, staff, T0 } from '../orders/fixtures.test-support.js';
import { evolveOrder, type Order } from '../orders/order.js';
import { orderView } from '../orders/order-view.js';
import { nextRound } from '../orders/open-tickets.js';
import { placementOf } from '../orders/placement.js';
import { stationSchema } from './kitchen.js';
import { lineAtStation } from './line-stations.js';
import { kitchenTicketDocument, kitchenTicketLine, kitchenTicketText } from './ticket-document.js';

const engine = createPricingEngine(usStoreExample.catalog, usStoreExample.rules);
const routing = {
  stations: [stationSchema.parse({ id: 'bar', name: 'Bar' }), stationSchema.parse({ id: 'kitchen', name: 'Kitchen' })],
  defaultStation: 'kitchen',
};

const COMBO = '01900000-0000-7000-8000-000000000001';
const COLD_BREW = '01900000-0000-7000-8000-000000000002';

/** A breakfast combo (an oat latte and a croissant; the combo's category is made in the kitchen) and a cold brew. */
function placed(): Order {
  const priced = price({
    engine,
    cart: {
      lines: [
        {
          lineId: COMBO,
          itemId: 'breakfast-combo',
          quantity: 1,
          slots: [
            {
              slotId: 'drink',
              itemId: 'latte',
              variantId: 'medium',
              modifiers: [{ groupId: 'milk', optionId: 'oat' }],
            },
            { slotId: 'pastry', itemId: 'croissant' },
          ],
        },
        { lineId: COLD_BREW, itemId: 'cold-brew', quantity: 1 },
      ],
    },
    context: { storeId: 'brooklyn', at: '2026-11-27T15:00:00Z' },
  });
  const { lines, totals } = placementOf(priced, engine, routing);
  const order = {
    id: 'order-1',
    number: 12,
    businessDay: '2026-11-27',
    channel: 'counter' as const,
    orderType: 'takeout' as const,
    rush: false,
    lines,
    totals,
  };
  return run(undefined, { kind: 'place', order, fire: 'now' }, envFor(staff)).state;
}

function run(state: Order | undefined, command: OrderCommand, env = envFor(kds, T0 + 60_000)) {
  const d = decideOrder(state, command, env);
  let replay = state;
  for (const e of d.events) {
    validateEvent(e.type, e.data);
    replay = evolveOrder(replay, e, env.at);
  }
  expect(replay).toEqual(d.state);
  return d;
}

const ticketOf = (o: Order, station: string): string => o.tickets.find((t) => t.station === station)?.id ?? '';
const en = (names: readonly { name: { en: string } }[]) => names.map((m) => m.name.en);

describe("a combo's slot items", () => {
  it('are routed to their own stations when placed', () => {
    const [combo, coldBrew] = placed().lines;
    expect(combo?.station).toBe('kitchen'); // the combo's own routing, kept for the line
    expect(combo?.parts).toEqual([
      {
        slotId: 'drink',
        itemId: 'latte',
        variantId: 'medium',
        station: 'bar',
        allergens: ['milk', 'oats'],
        choices: 2,
      },
      { slotId: 'pastry', itemId: 'croissant', station: 'kitchen', allergens: [], choices: 1 },
    ]);
    expect(coldBrew?.parts).toBeUndefined();
  });

  it('fire a ticket for each station, each with the combo on it', () => {
    const order = placed();
    expect(order.status).toBe('in_kitchen');
    const view = orderView(order);
    expect(view.tickets.map((t) => [t.station, t.items.map((i) => i.lineId)])).toEqual([
      ['bar', [COMBO, COLD_BREW]],
      ['kitchen', [COMBO]],
    ]);
  });

  it('show at each station only what is made there, under the combo’s name', () => {
    const combo = orderView(placed()).lines[0];
    if (!combo) throw new Error('no combo line');
    const bar = lineAtStation(combo, 'bar');
    const kitchen = lineAtStation(combo, 'kitchen');
    expect(bar?.name.en).toBe('Breakfast combo');
    expect(en(bar?.modifiers ?? [])).toEqual(['Caffè Latte (Medium)', 'Oat milk']);
    expect(bar?.allergens).toEqual(['milk', 'oats']);
    expect(en(kitchen?.modifiers ?? [])).toEqual(['Croissant']);
    expect(kitchen?.allergens).toEqual([]);
    expect(lineAtStation(combo, 'counter')).toBeUndefined();
    // The receipt's line is unchanged: the whole combo.
    expect(en(combo.modifiers)).toEqual(['Caffè Latte (Medium)', 'Oat milk', 'Croissant']);
  });

  it('print on the bar’s ticket as the latte of the breakfast combo, without the croissant', () => {
    const view = orderView(placed());
    const bar = view.lines.flatMap((l) => lineAtStation(l, 'bar') ?? []);
    const text = kitchenTicketText(
      kitchenTicketDocument(
        {
          station: 'Bar',
          orderNumber: view.number,
          channel: view.channel,
          orderType: view.orderType,
          placedAt: view.placedAt,
          timeZone: 'America/New_York',
          lines: bar.map((l) => kitchenTicketLine(l)),
        },
        { width: 42 },
      ),
    );
    expect(text).toContain('1x Breakfast combo\n   - Caffè Latte (Medium)\n   - Oat milk');
    expect(text).toContain('1x Cold Brew');
    expect(text).not.toContain('Croissant');
  });

  it('are bumped station by station: the bar done leaves the croissant to make', () => {
    let o = placed();
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'bump' }).state;
    let view = orderView(o);
    expect(view.tickets.find((t) => t.station === 'bar')?.items.every((i) => i.bumpedAt !== undefined)).toBe(true);
    expect(view.tickets.find((t) => t.station === 'kitchen')?.items).toEqual([{ lineId: COMBO }]);
    expect(o.lines[0]?.bumpedAt).toBeUndefined();

    // The bar recalls its ticket: only its share comes back.
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'recall' }).state;
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'kitchen'), command: 'bump-item', lineId: COMBO }).state;
    view = orderView(o);
    expect(view.tickets.map((t) => [t.station, t.status])).toEqual([
      ['bar', 'open'],
      ['kitchen', 'bumped'],
    ]);
    expect(view.tickets.find((t) => t.station === 'bar')?.items).toEqual([{ lineId: COMBO }, { lineId: COLD_BREW }]);

    // The bar makes its share of the combo, then the cold brew: the order is ready, the combo done.
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'bump-item', lineId: COMBO }).state;
    expect(o.status).toBe('in_kitchen');
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'bump-item', lineId: COLD_BREW }).state;
    expect(o.status).toBe('ready');
    expect(o.lines[0]?.bumpedAt).toBe(T0 + 60_000);
    expect(o.lines[0]?.parts?.map((p) => p.bumpedAt)).toEqual([T0 + 60_000, T0 + 60_000]);
  });

  it('added to an order in the kitchen go to both stations in the next round', () => {
    const order = placed();
    const [combo] = order.lines;
    if (!combo) throw new Error('no combo line');
    const added = { ...combo, lineId: '01900000-0000-7000-8000-000000000003' };
    const round = nextRound({ ...order, lines: [...order.lines, added] }, [added.lineId], () => 'new-ticket');
    expect(round?.tickets).toEqual([
      { id: ticketOf(order, 'bar'), station: 'bar', lineIds: [added.lineId] },
      { id: ticketOf(order, 'kitchen'), station: 'kitchen', lineIds: [added.lineId] },
    ]);
  });

  it('make a combo whose slot items are all made at one station go there alone', () => {
    const priced = price({
      engine,
      cart: {
        lines: [
          {
            itemId: 'breakfast-combo',
            quantity: 1,
            slots: [
              { slotId: 'drink', itemId: 'cold-brew' },
              { slotId: 'pastry', itemId: 'cookie' },
            ],
          },
        ],
      },
      context: { storeId: 'brooklyn', at: '2026-11-27T15:00:00Z' },
    });
    const barOnly = {
      ...routing,
      stations: routing.stations.map((s) => ({ ...s, items: s.id === 'bar' ? ['cookie'] : [] })),
    };
    const [line] = placementOf(priced, engine, barOnly).lines;
    expect(line?.parts?.map((p) => p.station)).toEqual(['bar', 'bar']);
    const order = run(
      undefined,
      {
        kind: 'place',
        order: {
          id: 'order-2',
          number: 13,
          businessDay: '2026-11-27',
          channel: 'counter',
          orderType: 'takeout',
          rush: false,
          lines: line ? [line] : [],
          totals: { currency: 'USD', subtotal: 949, discount: 0, tax: 0, total: 949 },
        },
        fire: 'now',
      },
      envFor(staff, T0, CONFIG),
    ).state;
    expect(order.tickets.map((t) => t.station)).toEqual(['bar']);
  });
});
