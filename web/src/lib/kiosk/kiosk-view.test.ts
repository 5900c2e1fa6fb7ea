import type { UpsellSuggestion } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { addToCart, EMPTY_CART } from '$lib/sale/cart.js';
import { describeLine } from '$lib/sale/describe.js';
import { browse } from '$lib/sale/menu.js';
import { MONDAY_NOON, testMenu } from '$lib/sale/test-menu.test-support.js';
import { allergenWords, filterEntries, lineNames, upsellHeadline, upsellPrice } from './kiosk-view.js';
import { KIOSK_STRINGS } from './strings.js';
import { comboStart, sizedUp, suggestedLine } from './upsell-flow.js';

const menu = testMenu();
const en = KIOSK_STRINGS.en;
const es = KIOSK_STRINGS.es;

describe('the kiosk menu through dietary filters', () => {
  it('keeps what meets every filter that is on, as the item comes', () => {
    const food = browse(menu, MONDAY_NOON).find((s) => s.category.id === 'food')?.entries ?? [];
    const drinks = browse(menu, MONDAY_NOON).find((s) => s.category.id === 'drinks')?.entries ?? [];
    const ids = (entries: readonly { item: { id: string } }[]) => entries.map((e) => e.item.id);
    expect(ids(filterEntries(menu, food, new Set()))).toEqual(ids(food));
    // The bagel has gluten; the sold-out scone has nothing listed.
    expect(ids(filterEntries(menu, food, new Set(['gluten-free'])))).not.toContain('bagel');
    expect(ids(filterEntries(menu, food, new Set(['gluten-free'])))).toContain('scone');
    // Nothing in the test menu is tagged vegan.
    expect(filterEntries(menu, drinks, new Set(['vegan', 'nut-free']))).toEqual([]);
  });

  it("names allergens in the guest's language", () => {
    expect(allergenWords(['milk', 'tree-nuts'], en)).toBe('milk, tree nuts');
    expect(allergenWords(['milk', 'oats'], es)).toBe('leche, avena');
    expect(allergenWords(['lupin-seeds'], en)).toBe('lupin seeds');
  });
});

describe('unique names for the cart buttons', () => {
  it('uses the name alone while it is unique, then the size, then the choices', () => {
    let cart = addToCart(EMPTY_CART, { itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 1 });
    cart = addToCart(cart, { itemId: 'tea', modifiers: [], slots: [], quantity: 1 });
    const names = () => lineNames(cart.lines.map((l) => describeLine(menu, l, 'en')));
    expect(names()).toEqual(['Latte', 'Tea']);
    cart = addToCart(cart, { itemId: 'latte', variantId: 'large', modifiers: [], slots: [], quantity: 1 });
    expect(names()).toEqual(['Latte (Small)', 'Tea', 'Latte (Large)']);
    const oat = [{ groupId: 'milk', optionId: 'oat' }];
    cart = addToCart(cart, { itemId: 'latte', variantId: 'large', modifiers: oat, slots: [], quantity: 1 });
    expect(names()).toEqual(['Latte (Small)', 'Tea', 'Latte (Large)', 'Latte (Large), Oat']);
    expect(new Set(names()).size).toBe(4);
  });
});

describe('upsell suggestions on the kiosk', () => {
  const croissant: UpsellSuggestion = { upsellId: 'u1', kind: 'item', itemId: 'bagel', price: 275 };
  const larger: UpsellSuggestion = {
    upsellId: 'u2',
    kind: 'size-up',
    itemId: 'latte',
    fromVariantId: 'small',
    toVariantId: 'large',
    price: 100,
  };
  const combo: UpsellSuggestion = { upsellId: 'u3', kind: 'combo', itemId: 'morning', price: 650 };
  const money = (n: number) => `$${(n / 100).toFixed(2)}`;

  it("words the offer in the guest's language, with what it costs", () => {
    expect(upsellHeadline(menu, croissant, 'en', en)).toBe('Add a Bagel?');
    expect(upsellHeadline(menu, larger, 'es', es)).toBe('¿Lo quieres Grande?');
    expect(upsellHeadline(menu, combo, 'en', en)).toBe('Make it a Morning combo?');
    expect(upsellHeadline(menu, { ...croissant, headline: { en: 'A bagel with that?' } }, 'en', en)).toBe(
      'A bagel with that?',
    );
    expect(upsellPrice(croissant, money, en)).toBe('$2.75');
    expect(upsellPrice(larger, money, en)).toBe('+$1.00');
  });

  it('"Add" puts the item in as it comes, marked for the report; a larger size replaces the size', () => {
    expect(suggestedLine(menu, croissant as Extract<UpsellSuggestion, { kind: 'item' }>)).toEqual({
      itemId: 'bagel',
      modifiers: [],
      slots: [],
      quantity: 1,
      upsellId: 'u1',
    });
    const cart = addToCart(EMPTY_CART, { itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 2 });
    const line = cart.lines[0]!;
    const after = sizedUp(cart, line.lineId, larger as Extract<UpsellSuggestion, { kind: 'size-up' }>);
    expect(after.lines).toEqual([{ ...line, variantId: 'large', upsellId: 'u2' }]);
  });

  it('a combo starts with the item just added in the slot that holds it, in its size', () => {
    const cart = addToCart(EMPTY_CART, { itemId: 'latte', variantId: 'large', modifiers: [], slots: [], quantity: 1 });
    const sel = comboStart(menu, combo as Extract<UpsellSuggestion, { kind: 'combo' }>, cart.lines[0]!);
    expect(sel?.slots['drink']).toMatchObject({ itemId: 'latte', variantId: 'large' });
    expect(sel?.slots['food']).toBeUndefined();
  });
});
