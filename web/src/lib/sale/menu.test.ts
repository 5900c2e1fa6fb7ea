import { describe, expect, it } from 'vitest';
import {
  browse,
  itemState,
  keepUnchanged,
  momentAt,
  openMenu,
  slotOptions,
  startingPrice,
  withSoldOut,
} from './menu.js';
import { engine, item, MONDAY_9, MONDAY_NOON, SATURDAY_10, testMenu } from './test-menu.test-support.js';

const shown = (menu = testMenu(), at = MONDAY_9) =>
  browse(menu, at).map((s) => [
    s.category.id,
    s.entries.map((e) => (e.soldOut ? `${e.item.id} (sold out)` : e.item.id)),
  ]);

describe('browse', () => {
  it('shows each category with what it offers now, in catalog order, sold-out items greyed', () => {
    expect(shown()).toEqual([
      ['drinks', ['latte', 'tea']],
      ['food', ['bagel', 'muffin', 'scone (sold out)']],
      ['combos', ['morning']],
    ]);
  });

  it('leaves out items outside their daypart, and a category with nothing left to offer', () => {
    expect(shown(testMenu(), MONDAY_NOON)[1]).toEqual(['food', ['bagel', 'scone (sold out)']]);
    expect(shown(testMenu(), SATURDAY_10).map(([id]) => id)).toEqual(['drinks', 'food', 'brunch', 'combos']);
  });

  it('shows an item only on the channels it is sold on', () => {
    expect(shown(testMenu('town', 'app'))[1]).toEqual(['food', ['bagel', 'muffin', 'scone (sold out)', 'app-cookie']]);
  });

  it("prices items at the store's prices: from the cheapest size, a combo from its cheapest filling", () => {
    const entry = (menu = testMenu(), id: string) =>
      browse(menu, MONDAY_9)
        .flatMap((s) => s.entries)
        .find((e) => e.item.id === id)?.price;
    expect(entry(testMenu(), 'latte')).toEqual({ amount: 425, from: true });
    expect(entry(testMenu('airport'), 'latte')).toEqual({ amount: 475, from: true });
    expect(entry(testMenu('airport'), 'bagel')).toEqual({ amount: 325, from: false });
    expect(entry(testMenu(), 'tea')).toEqual({ amount: 300, from: false });
    expect(entry(testMenu(), 'morning')).toEqual({ amount: 650, from: true });
    expect(startingPrice(testMenu(), item('pancakes'))).toEqual({ amount: 900, from: false });
  });
});

describe('browsing again (the half-minute tick)', () => {
  it('keeps the very same sections when nothing changed, so no card is drawn again', () => {
    const menu = testMenu();
    const first = browse(menu, MONDAY_9);
    expect(keepUnchanged(first, browse(menu, MONDAY_9 + 30_000))).toBe(first);
  });

  it('gives a new section only where something changed, keeping the unchanged entries in it', () => {
    const menu = testMenu();
    const first = browse(menu, MONDAY_9);
    const next = keepUnchanged(first, browse(withSoldOut(menu, new Set(['bagel'])), MONDAY_9));
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]); // drinks: unchanged
    expect(next[1]).not.toBe(first[1]);
    expect(next[1]?.entries.map((e) => [e.item.id, e.soldOut])).toEqual([
      ['bagel', true],
      ['muffin', false],
      ['scone', true],
    ]);
    expect(next[1]?.entries[1]).toBe(first[1]?.entries[1]); // the muffin's card stays as it is
  });

  it('follows a daypart ending: the category loses the item, the others stay the same objects', () => {
    const menu = testMenu();
    const morning = browse(menu, MONDAY_9);
    const noon = keepUnchanged(morning, browse(menu, MONDAY_NOON));
    expect(noon[1]?.entries.map((e) => e.item.id)).toEqual(['bagel', 'scone']);
    expect(noon[1]?.entries[0]).toBe(morning[1]?.entries[0]);
    expect(noon[0]).toBe(morning[0]);
  });
});

describe('combos on the menu', () => {
  const menu = testMenu();

  it("offers a slot's items in its order, each in the sizes the slot offers, without what is not sold now", () => {
    const drink = item('morning').combo!.slots[0]!;
    expect(
      slotOptions(menu, drink, momentAt(menu, MONDAY_9)).map((o) => [o.item.id, o.sizes.map((s) => s.variantId)]),
    ).toEqual([
      ['latte', ['small', 'large']],
      ['tea', [undefined]],
    ]);
    const food = item('morning').combo!.slots[1]!;
    expect(slotOptions(menu, food, momentAt(menu, MONDAY_NOON)).map((o) => [o.item.id, o.soldOut])).toEqual([
      ['bagel', false],
      ['scone', true],
    ]);
  });

  it('greys out a combo whose required slot has only sold-out fillings', () => {
    const soldOut = {
      ...engine,
      items: new Map([...engine.items].map(([id, i]) => [id, id === 'bagel' ? { ...i, available: false } : i])),
    };
    const m = openMenu(soldOut, 'town', 'kiosk');
    expect(itemState(m, item('morning'), momentAt(m, MONDAY_NOON))).toBe('sold-out');
    expect(itemState(m, item('morning'), momentAt(m, MONDAY_9))).toBe('offered'); // the muffin, at breakfast
  });

  it('refuses a store the rules do not have', () => {
    expect(() => openMenu(engine, 'moon', 'kiosk')).toThrow('the pricing rules have no store "moon"');
  });
});
