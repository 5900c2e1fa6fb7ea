import type { StockItemView, StoreEvent } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { soldOutIds, stockAfter } from './live-stock.js';
import { browse, itemState, liveSections, momentAt, slotOptions, withSoldOut } from './menu.js';
import { item, MONDAY_9, MONDAY_NOON, testMenu } from './test-menu.test-support.js';

let seq = 0;
const event = (type: string, data: Record<string, unknown>): StoreEvent => ({
  seq: (seq += 1),
  id: `e${seq}`,
  type,
  version: 1,
  subject: String(data.itemId),
  actor: { kind: 'guest', id: 'kiosk-1', role: 'kiosk' },
  device: 'kiosk-1',
  data,
  at: '2026-11-30T14:00:00.000Z',
});

const shown = (menu = testMenu(), at = MONDAY_9) =>
  browse(menu, at).map((s) => [s.category.id, s.entries.filter((e) => e.soldOut).map((e) => e.item.id)]);

describe('the live sold-out list on the menu', () => {
  it('greys an 86’d item on every screen’s menu, like the catalog’s sold out', () => {
    const menu = withSoldOut(testMenu(), new Set(['muffin', 'tea']));
    expect(shown(menu)).toEqual([
      ['drinks', ['tea']],
      ['food', ['muffin', 'scone']],
      ['combos', []],
    ]);
    expect(shown(testMenu())).toEqual([
      ['drinks', []],
      ['food', ['scone']],
      ['combos', []],
    ]);
  });

  it('greys a combo whose required slot has only 86’d fillings, and its 86’d fillings', () => {
    const menu = withSoldOut(testMenu(), new Set(['bagel']));
    const food = item('morning').combo!.slots[1]!;
    expect(slotOptions(menu, food, momentAt(menu, MONDAY_NOON)).map((o) => [o.item.id, o.soldOut])).toEqual([
      ['bagel', true],
      ['scone', true],
    ]);
    expect(itemState(menu, item('morning'), momentAt(menu, MONDAY_NOON))).toBe('sold-out');
  });

  it('applies the list to sections a screen was handed, and changes nothing when it is empty', () => {
    const sections = browse(testMenu(), MONDAY_9);
    expect(liveSections(testMenu(), sections, new Set(), MONDAY_9)).toBe(sections);
    const live = liveSections(testMenu(), sections, new Set(['latte']), MONDAY_9);
    expect(live[0]?.entries.map((e) => [e.item.id, e.soldOut])).toEqual([
      ['latte', true],
      ['tea', false],
    ]);
  });
});

describe('stockAfter: the stream’s stock events', () => {
  const juice: StockItemView = { itemId: 'juice', name: 'Orange Juice', tracked: true, count: 1, available: true };

  it('follows a count down to sold out and back', () => {
    let item = stockAfter(
      juice,
      event('stock.sold', {
        itemId: 'juice',
        orderId: 'o',
        lines: [{ lineId: 'l', quantity: 1 }],
        quantity: 1,
        count: 0,
      }),
    );
    expect(item).toMatchObject({ count: 0, available: false });
    item = stockAfter(item, event('stock.86d', { itemId: 'juice', name: 'Orange Juice', reason: 'sold-out' }));
    expect(item).toMatchObject({ eightySixed: { reason: 'sold-out' }, available: false });
    expect(soldOutIds([item!])).toEqual(new Set(['juice']));
    item = stockAfter(item, event('stock.received', { itemId: 'juice', quantity: 12, count: 12 }));
    item = stockAfter(item, event('stock.un86d', { itemId: 'juice', reason: 'restocked' }));
    expect(item).toEqual({ ...juice, count: 12 });
  });

  it('lists an item 86’d by hand, and drops it when it is back on sale and not counted', () => {
    const latte = stockAfter(
      undefined,
      event('stock.86d', { itemId: 'latte', name: 'Latte', reason: 'manual', note: 'no milk' }),
    );
    expect(latte).toEqual({
      itemId: 'latte',
      name: 'Latte',
      tracked: false,
      available: false,
      eightySixed: { reason: 'manual', at: '2026-11-30T14:00:00.000Z', note: 'no milk' },
    });
    expect(stockAfter(latte, event('stock.un86d', { itemId: 'latte', reason: 'manual' }))).toBeUndefined();
  });

  it('ignores a payload it cannot read and events of other topics', () => {
    expect(stockAfter(juice, event('stock.sold', { itemId: 'juice', count: -4 }))).toBe(juice);
    expect(stockAfter(juice, event('order.placed', { itemId: 'juice' }))).toBe(juice);
  });
});
