import { describe, expect, it } from 'vitest';
import { kitchenOrder, makeLine, makeOrder, makeTicket } from '$lib/testing/orders.js';
import { newIds, pickupBoard, recentlyReady, stationAllDay, stationTickets, timerLevel } from './tickets.js';

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();

describe('stationTickets', () => {
  it('shows only open tickets of the station, with only its lines and their item bumps', () => {
    const mixed = kitchenOrder('m', [
      ['latte', 'bar', 2],
      ['croissant', 'kitchen'],
      ['espresso', 'bar'],
    ]);
    const withBump = {
      ...mixed,
      tickets: mixed.tickets.map((t) =>
        t.station === 'bar' ? { ...t, items: [{ lineId: 'm-l0', bumpedAt: at(2) }, { lineId: 'm-l2' }] } : t,
      ),
    };
    const barDone = kitchenOrder('d', [['latte', 'bar']]);
    barDone.tickets[0] = { ...barDone.tickets[0]!, status: 'bumped', bumpedAt: at(3) };
    const notFired = kitchenOrder('p', [['latte', 'bar']], { status: 'paid', tickets: [] });
    const ready = kitchenOrder('r', [['latte', 'bar']], { status: 'ready' });

    const bar = stationTickets([withBump, barDone, notFired, ready], 'bar');
    expect(bar.map((t) => t.order.id)).toEqual(['m']);
    expect(bar[0]?.ticket.id).toBe('m-bar');
    expect(bar[0]?.lines.map((l) => [l.line.itemId, l.bumpedAt])).toEqual([
      ['latte', at(2)],
      ['espresso', undefined],
    ]);
    expect(stationTickets([withBump], 'kitchen')[0]?.lines.map((l) => l.line.itemId)).toEqual(['croissant']);
    expect(stationTickets([withBump], 'grill')).toEqual([]);
  });

  it('shows a combo at each station of its slot items, with only what is made there', () => {
    const choice = (optionId: string, en: string) => ({ groupId: 'slot', optionId, name: { en }, price: 0 });
    const combo = makeLine({
      lineId: 'c-l0',
      itemId: 'coffee-pastry',
      name: { en: 'Coffee & Pastry' },
      station: 'kitchen',
      modifiers: [choice('latte', 'Latte (Medium)'), choice('oat', 'Oat milk'), choice('croissant', 'Croissant')],
      allergens: ['gluten', 'oats'],
      parts: [
        { slotId: 'coffee', itemId: 'latte', station: 'bar', allergens: ['oats'], choices: 2 },
        { slotId: 'pastry', itemId: 'croissant', station: 'kitchen', allergens: ['gluten'], choices: 1 },
      ],
    });
    const order = makeOrder({
      id: 'c',
      lines: [combo],
      tickets: ['bar', 'kitchen'].map((station) =>
        makeTicket({ id: `c-${station}`, station, items: [{ lineId: 'c-l0' }] }),
      ),
    });
    const shown = (station: string) =>
      stationTickets([order], station)[0]?.lines.map(({ line }) => [
        line.name.en,
        line.modifiers.map((m) => m.name.en),
        line.allergens,
      ]);
    expect(shown('bar')).toEqual([['Coffee & Pastry', ['Latte (Medium)', 'Oat milk'], ['oats']]]);
    expect(shown('kitchen')).toEqual([['Coffee & Pastry', ['Croissant'], ['gluten']]]);
  });

  it('puts rush first, then the earliest due whatever the channel, then the first placed', () => {
    const kioskFirst = kitchenOrder('kiosk', [['latte', 'bar']], {
      number: 1,
      channel: 'kiosk',
      placedAt: at(0),
      dueAt: at(4),
    });
    const appPromisedEarlier = kitchenOrder('app', [['latte', 'bar']], {
      number: 2,
      channel: 'app',
      placedAt: at(1),
      promisedAt: at(3),
      dueAt: at(3),
    });
    const sameDueLater = kitchenOrder('later', [['latte', 'bar']], { number: 3, placedAt: at(2), dueAt: at(4) });
    const rush = kitchenOrder('rush', [['latte', 'bar']], { number: 4, placedAt: at(5), dueAt: at(9), rush: true });
    const order = stationTickets([sameDueLater, kioskFirst, rush, appPromisedEarlier], 'bar').map((t) => t.order.id);
    expect(order).toEqual(['rush', 'app', 'kiosk', 'later']);
  });
});

describe('stationAllDay', () => {
  it('adds up what is still to make across tickets, by item and size, most first', () => {
    const one = kitchenOrder('a', [
      ['latte', 'bar', 2],
      ['espresso', 'bar'],
    ]);
    const two = kitchenOrder('b', [['latte', 'bar', 1]]);
    two.lines[0] = makeLine({
      ...two.lines[0]!,
      lineId: 'b-l0',
      itemId: 'latte',
      variantId: 'large',
      variantName: { en: 'Large' },
    });
    two.tickets[0] = { ...two.tickets[0]!, items: [{ lineId: 'b-l0' }] };
    const three = kitchenOrder('c', [
      ['latte', 'bar', 3],
      ['espresso', 'bar', 5],
    ]);
    three.tickets[0] = { ...three.tickets[0]!, items: [{ lineId: 'c-l0' }, { lineId: 'c-l1', bumpedAt: at(1) }] };

    const counts = stationAllDay(stationTickets([one, two, three], 'bar'));
    expect(counts.map((c) => [c.name, c.variant, c.quantity])).toEqual([
      ['latte', undefined, 5],
      ['espresso', undefined, 1],
      ['latte', 'Large', 1],
    ]);
  });
});

describe('timerLevel', () => {
  it('is green before the warn time, amber until late, red after', () => {
    const station = { warnAfterSeconds: 180, lateAfterSeconds: 360 };
    expect(timerLevel(179_999, station)).toBe('ok');
    expect(timerLevel(180_000, station)).toBe('warn');
    expect(timerLevel(359_999, station)).toBe('warn');
    expect(timerLevel(360_000, station)).toBe('late');
  });
});

describe('pickup and expo lists', () => {
  const now = Date.parse(at(30));
  const placed = kitchenOrder('placed', [['latte', 'bar']], { status: 'placed', payment: 'unpaid', number: 1 });
  const paid = kitchenOrder('paid', [['latte', 'bar']], { status: 'paid', number: 2, placedAt: at(1) });
  const cooking = kitchenOrder('cooking', [['latte', 'bar']], { number: 3, placedAt: at(2) });
  const readyLong = kitchenOrder('old', [['latte', 'bar']], { status: 'ready', number: 4, readyAt: at(10) });
  const readyNow = kitchenOrder('new', [['latte', 'bar']], { status: 'ready', number: 5, readyAt: at(28) });

  it('the board shows paid and cooking orders as preparing and ready ones until their time is up', () => {
    const board = pickupBoard([readyNow, cooking, placed, readyLong, paid], now, 15 * 60_000);
    expect(board.preparing.map((o) => o.number)).toEqual([2, 3]);
    expect(board.ready.map((o) => o.number)).toEqual([5]);
    expect(pickupBoard([readyNow, readyLong], now, undefined).ready.map((o) => o.number)).toEqual([4, 5]);
  });

  it('the expo ready area keeps only recent ones, newest first', () => {
    expect(recentlyReady([readyLong, readyNow, cooking], now, 25 * 60_000).map((o) => o.number)).toEqual([5, 4]);
    expect(recentlyReady([readyLong, readyNow], now, 5 * 60_000).map((o) => o.number)).toEqual([5]);
  });

  it('newIds reports each id once', () => {
    const seen = new Set<string>();
    expect(newIds(seen, ['a', 'b'])).toEqual(['a', 'b']);
    expect(newIds(seen, ['b', 'c', 'a'])).toEqual(['c']);
    expect(newIds(seen, ['c'])).toEqual([]);
  });
});

describe('stationTickets with a cache', () => {
  it('keeps the entry of an order that did not change, and remakes the one that did', () => {
    const cache = new WeakMap();
    const a = kitchenOrder('a', [['latte', 'bar']]);
    const b = kitchenOrder('b', [['latte', 'bar']], { number: 2, placedAt: at(1), dueAt: at(6) });
    const first = stationTickets([a, b], 'bar', cache);
    const bumpedItem = {
      ...b,
      tickets: [{ ...b.tickets[0]!, items: [{ lineId: 'b-l0', bumpedAt: at(2) }] }],
    };
    const second = stationTickets([a, bumpedItem], 'bar', cache);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.lines[0]?.bumpedAt).toBe(at(2));
  });
});
