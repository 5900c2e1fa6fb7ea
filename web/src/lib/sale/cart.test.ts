import { describe, expect, it } from 'vitest';
import {
  addToCart,
  cartCount,
  EMPTY_CART,
  MAX_LINES,
  pricingCart,
  removeLine,
  renewLineIds,
  setLineQuantity,
  type NewLine,
} from './cart.js';
import { describeLine, detailsText } from './describe.js';
import { previewCart, priceCart } from './preview.js';
import { MONDAY_9, MONDAY_NOON, testMenu } from './test-menu.test-support.js';

const ids = (): (() => string) => {
  let n = 0;
  return () => `id-${String(++n).padStart(3, '0')}`;
};
const latte: NewLine = {
  itemId: 'latte',
  variantId: 'small',
  modifiers: [{ groupId: 'milk', optionId: 'whole' }],
  slots: [],
  quantity: 1,
};
const bagel: NewLine = { itemId: 'bagel', modifiers: [], slots: [], quantity: 2 };
const combo: NewLine = {
  itemId: 'morning',
  modifiers: [],
  slots: [
    {
      slotId: 'drink',
      itemId: 'latte',
      variantId: 'large',
      modifiers: [{ groupId: 'milk', optionId: 'oat', modifiers: [{ groupId: 'oat-brand', optionId: 'barista' }] }],
    },
    { slotId: 'food', itemId: 'muffin', modifiers: [] },
  ],
  quantity: 1,
};

describe('the cart', () => {
  it('gives each new line a stable id and adds the same thing again to its line', () => {
    const newId = ids();
    let cart = addToCart(EMPTY_CART, latte, newId);
    cart = addToCart(cart, bagel, newId);
    cart = addToCart(cart, { ...latte, quantity: 2 }, newId);
    expect(cart.lines.map((l) => [l.lineId, l.itemId, l.quantity])).toEqual([
      ['id-001', 'latte', 3],
      ['id-002', 'bagel', 2],
    ]);
    expect(cartCount(cart)).toBe(5);
    cart = addToCart(cart, { ...latte, variantId: 'large' }, newId);
    expect(cart.lines.map((l) => l.lineId)).toEqual(['id-001', 'id-002', 'id-003']);
  });

  it('changes and removes lines by id; a quantity below 1 removes, above 99 stops at 99', () => {
    let cart = addToCart(addToCart(EMPTY_CART, latte, ids()), bagel, () => 'b');
    cart = setLineQuantity(cart, 'b', 150);
    expect(cart.lines.find((l) => l.lineId === 'b')?.quantity).toBe(99);
    expect(setLineQuantity(cart, 'b', 0).lines.map((l) => l.itemId)).toEqual(['latte']);
    expect(removeLine(cart, 'id-001').lines.map((l) => l.itemId)).toEqual(['bagel']);
  });

  it('takes at most 100 lines', () => {
    let cart = EMPTY_CART;
    const newId = ids();
    for (let q = 1; q <= MAX_LINES + 1; q++) cart = addToCart(cart, { ...bagel, note: `n${q}` }, newId);
    expect(cart.lines).toHaveLength(MAX_LINES);
  });

  it('gives every line a new id, in order, for a cart placed again after a cancel', () => {
    const cart = addToCart(addToCart(EMPTY_CART, latte, ids()), bagel, ids());
    const renewed = renewLineIds(cart, ids());
    expect(renewed.lines.map((l) => [l.lineId, l.itemId])).toEqual([
      ['id-001', 'latte'],
      ['id-002', 'bagel'],
    ]);
  });

  it('sends every line with its id (and the upsell it came from), as the engine and the order take it', () => {
    let cart = addToCart(EMPTY_CART, latte, () => 'a');
    cart = addToCart(cart, combo, () => 'c');
    cart = addToCart(cart, { ...bagel, upsellId: 'bagel-with-coffee' }, () => 'u');
    expect(pricingCart(cart).lines.map((l) => [l.lineId, l.itemId, l.slots.length, l.upsellId])).toEqual([
      ['a', 'latte', 0, undefined],
      ['c', 'morning', 2, undefined],
      ['u', 'bagel', 0, 'bagel-with-coffee'],
    ]);
    // A bagel the guest picked themselves is a line of its own: the upsell report counts only the suggested one.
    expect(addToCart(cart, bagel, () => 'b').lines.map((l) => l.lineId)).toEqual(['a', 'c', 'u', 'b']);
  });
});

describe('describing and previewing the cart', () => {
  const menu = testMenu();

  it('names a combo line with its slots and their choices', () => {
    const d = describeLine(menu, combo, 'en');
    expect(d).toEqual({
      name: 'Morning combo',
      variant: undefined,
      options: [],
      components: [
        { slot: 'Drink', name: 'Latte', variant: 'Large', options: ['Oat', 'Barista'] },
        { slot: 'Food', name: 'Egg muffin', variant: undefined, options: [] },
      ],
    });
    expect(detailsText(d)).toBe('Latte (Large): Oat, Barista · Egg muffin');
    expect(describeLine(menu, { ...latte, variantId: 'large' }, 'es')).toMatchObject({ variant: 'Grande' });
  });

  it('prices the cart with its line ids; the lines come back by id', () => {
    const cart = addToCart(
      addToCart(EMPTY_CART, combo, () => 'c'),
      latte,
      () => 'a',
    );
    const preview = previewCart(menu, cart, { orderType: 'takeout', at: MONDAY_9 });
    expect(preview.ok && preview.priced?.lines.map((l) => [l.lineId, l.unitPrice])).toEqual([
      ['c', 650 + 80 + 70 + 30 + 100],
      ['a', 425],
    ]);
    expect(previewCart(menu, EMPTY_CART, { orderType: 'takeout', at: MONDAY_9 })).toEqual({
      ok: true,
      priced: undefined,
    });
  });

  it('says why a cart cannot be sold now: the combo’s muffin is breakfast only', () => {
    const cart = addToCart(EMPTY_CART, combo, () => 'c');
    const preview = previewCart(menu, cart, { orderType: 'takeout', at: MONDAY_NOON });
    expect(preview.ok).toBe(false);
    expect(() => priceCart(menu, cart, { orderType: 'takeout', at: MONDAY_NOON })).toThrow(
      '"Egg muffin" is sold only during Breakfast',
    );
  });
});
