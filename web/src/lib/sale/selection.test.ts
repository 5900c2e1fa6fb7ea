import { price } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { momentAt } from './menu.js';
import {
  allergensOf,
  chooseOne,
  fillSlot,
  initialSelection,
  isComplete,
  missingChoices,
  toCartLine,
  toggleOption,
  unitPrice,
  withModifiers,
  withNested,
  withQuantity,
  withSize,
  withSlotModifiers,
  type Selection,
} from './selection.js';
import { engine, group, item, MONDAY_9, MONDAY_NOON, testMenu } from './test-menu.test-support.js';

const menu = testMenu();
const latte = item('latte');
const morning = item('morning');
const at9 = momentAt(menu, MONDAY_9);

/** What the engine charges for one of the selection (at 09:00 on Monday, in `storeId`). */
const engineUnitPrice = (sel: Selection, storeId = 'town') =>
  price({
    engine,
    cart: { lines: [toCartLine(testMenu(storeId), item(sel.itemId), sel)] },
    context: { storeId, at: new Date(MONDAY_9).toISOString() },
  }).lines[0]?.unitPrice;

describe('choosing an item', () => {
  it("starts at the first size with each group's defaults, nothing in a combo's slots", () => {
    expect(initialSelection(menu, latte)).toEqual({
      itemId: 'latte',
      variantId: 'small',
      modifiers: { milk: [{ optionId: 'whole', nested: {} }], syrup: [] },
      slots: {},
      quantity: 1,
    });
    expect(initialSelection(menu, morning)).toMatchObject({ variantId: undefined, modifiers: {}, slots: {} });
  });

  it('opens a choice’s nested groups at their defaults, and prices them', () => {
    const oat = withModifiers(initialSelection(menu, latte), chooseOne(menu, {}, group('milk'), 'oat'));
    expect(oat.modifiers.milk).toEqual([
      { optionId: 'oat', nested: { 'oat-brand': [{ optionId: 'house', nested: {} }] } },
    ]);
    expect(unitPrice(menu, latte, oat)).toBe(425 + 70);
    const barista = withModifiers(
      oat,
      withNested(
        oat.modifiers,
        'milk',
        'oat',
        chooseOne(menu, oat.modifiers.milk![0]!.nested, group('oat-brand'), 'barista'),
      ),
    );
    expect(unitPrice(menu, latte, withSize(barista, 'large'))).toBe(525 + 70 + 30);
    expect(engineUnitPrice(withSize(barista, 'large'))).toBe(525 + 70 + 30);
    expect(toCartLine(menu, latte, barista).modifiers).toEqual([
      { groupId: 'milk', optionId: 'oat', modifiers: [{ groupId: 'oat-brand', optionId: 'barista' }] },
    ]);
  });

  it('ticks up to max in a many-choice group, keeping the group’s order', () => {
    const syrup = group('syrup');
    let picks = toggleOption(menu, {}, syrup, 'caramel', true);
    picks = toggleOption(menu, picks, syrup, 'vanilla', true);
    expect(toggleOption(menu, picks, syrup, 'hazelnut', true)).toBe(picks); // max 2
    expect(picks.syrup?.map((p) => p.optionId)).toEqual(['vanilla', 'caramel']);
    expect(toggleOption(menu, picks, syrup, 'vanilla', false).syrup?.map((p) => p.optionId)).toEqual(['caramel']);
  });

  it('names what still needs a choice, nested groups by their path', () => {
    const sel = initialSelection(menu, latte);
    expect(missingChoices(menu, latte, sel, at9)).toEqual([]);
    expect(missingChoices(menu, latte, withModifiers(sel, { ...sel.modifiers, milk: [] }), at9)).toEqual(['milk']);
    const noBrand = { ...sel.modifiers, milk: [{ optionId: 'oat', nested: { 'oat-brand': [] } }] };
    expect(missingChoices(menu, latte, withModifiers(sel, noBrand), at9)).toEqual(['milk/oat/oat-brand']);
    expect(isComplete(menu, latte, withModifiers(sel, noBrand), at9)).toBe(false);
    expect(isComplete(menu, item('scone'), initialSelection(menu, item('scone')), at9)).toBe(false); // sold out
  });

  it('keeps the quantity between 1 and 99', () => {
    const sel = initialSelection(menu, latte);
    expect([0, 5, 150].map((q) => withQuantity(sel, q).quantity)).toEqual([1, 5, 99]);
  });
});

describe('choosing a combo', () => {
  const filled = (): Selection => {
    let sel = initialSelection(menu, morning);
    sel = fillSlot(menu, sel, 'food', { itemId: 'muffin', variantId: undefined });
    sel = fillSlot(menu, sel, 'drink', { itemId: 'latte', variantId: 'large' });
    const drink = sel.slots.drink!;
    return withSlotModifiers(sel, 'drink', chooseOne(menu, drink.modifiers, group('milk'), 'oat'));
  };

  it('needs every required slot filled with something sold now; an optional slot may stay empty', () => {
    const empty = initialSelection(menu, morning);
    expect(missingChoices(menu, morning, empty, at9)).toEqual(['slot:drink', 'slot:food']);
    expect(missingChoices(menu, morning, filled(), at9)).toEqual([]);
    expect(missingChoices(menu, morning, filled(), momentAt(menu, MONDAY_NOON))).toEqual(['slot:food']); // the muffin is breakfast only
    const scone = fillSlot(menu, filled(), 'food', { itemId: 'scone', variantId: undefined });
    expect(missingChoices(menu, morning, scone, at9)).toEqual(['slot:food']); // sold out
    const noMilk = withSlotModifiers(filled(), 'drink', { milk: [], syrup: [] });
    expect(missingChoices(menu, morning, noMilk, at9)).toEqual(['slot:drink/milk']);
  });

  it('prices the combo, its upcharges and its items’ choices as the engine does', () => {
    // 650 + large latte 80 + oat 70 (+ house brand 0) + muffin 100 = 900
    expect(unitPrice(menu, morning, filled())).toBe(900);
    expect(engineUnitPrice(filled())).toBe(900);
    const extra = fillSlot(menu, filled(), 'extra', { itemId: 'bagel', variantId: undefined });
    expect(unitPrice(menu, morning, extra)).toBe(1100);
    expect(engineUnitPrice(extra)).toBe(1100);
  });

  it("becomes a cart line with one choice per slot, in the combo's order, with each item's choices", () => {
    expect(toCartLine(menu, morning, withQuantity(filled(), 2))).toEqual({
      itemId: 'morning',
      modifiers: [],
      slots: [
        {
          slotId: 'drink',
          itemId: 'latte',
          variantId: 'large',
          modifiers: [{ groupId: 'milk', optionId: 'oat', modifiers: [{ groupId: 'oat-brand', optionId: 'house' }] }],
        },
        { slotId: 'food', itemId: 'muffin', modifiers: [] },
      ],
      quantity: 2,
    });
  });

  it("keeps a slot's choices when only its size changes, and starts afresh with another item", () => {
    const sel = filled();
    expect(fillSlot(menu, sel, 'drink', { itemId: 'latte', variantId: 'small' }).slots.drink?.modifiers).toBe(
      sel.slots.drink?.modifiers,
    );
    expect(fillSlot(menu, sel, 'drink', { itemId: 'tea', variantId: undefined }).slots.drink).toEqual({
      itemId: 'tea',
      variantId: undefined,
      modifiers: {},
    });
    expect(fillSlot(menu, sel, 'drink', undefined).slots.drink).toBeUndefined();
  });

  it('tells what it contains as chosen: oat milk takes away the latte’s milk, the bagel adds gluten', () => {
    expect(allergensOf(menu, latte, initialSelection(menu, latte))).toEqual(['milk']);
    const withBagel = fillSlot(menu, filled(), 'food', { itemId: 'bagel', variantId: undefined });
    expect(allergensOf(menu, morning, withBagel)).toEqual(['gluten', 'oats']);
  });

  it("uses the store's prices", () => {
    const airport = testMenu('airport');
    let sel = withModifiers(initialSelection(airport, latte), chooseOne(airport, {}, group('milk'), 'oat'));
    sel = { ...sel, modifiers: { ...sel.modifiers, syrup: [] } };
    expect(unitPrice(airport, latte, sel)).toBe(475 + 90);
    expect(engineUnitPrice(sel, 'airport')).toBe(475 + 90);
  });
});
