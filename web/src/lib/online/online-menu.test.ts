import { inboundOrderSchema, onlineMenuSchema, totalsOf, usStoreExample, type OnlineMenu } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { addToCart, EMPTY_CART } from '$lib/sale/cart.js';
import { previewCart } from '$lib/sale/preview.js';
import { lineOf, onlineSections, openOnlineMenu, storeName } from './online-menu.js';
import { guestNameProblem, placeBody, statusSentence, stepOf } from './online-order.js';

/** The cloud's answer for the sample store (what GET /stores/brooklyn/menu gives). */
const answer: OnlineMenu = onlineMenuSchema.parse({
  storeId: 'brooklyn',
  channel: 'online',
  at: '2025-03-10T19:30:00Z',
  versions: { catalog: 1, promotions: 1, tax: 1 },
  currency: 'USD',
  catalog: usStoreExample.catalog,
  rules: usStoreExample.rules,
  availability: [],
});
const MONDAY_1530_NY = Date.parse('2025-03-10T19:30:00Z');

describe('the online menu', () => {
  const menu = openOnlineMenu(answer);

  it('offers what one tap can add: sizes with their prices, no combo', () => {
    const sections = onlineSections(menu, MONDAY_1530_NY);
    expect(storeName(menu)).toBe('Brooklyn');
    const ids = sections.flatMap((s) => s.entries.map((e) => e.item.id));
    expect(ids).toEqual(expect.arrayContaining(['latte', 'croissant', 'cookie']));
    expect(ids).not.toContain('breakfast-combo');
    const latte = sections.flatMap((s) => s.entries).find((e) => e.item.id === 'latte');
    expect(latte?.sizes).toEqual([
      { variantId: 'medium', name: 'Medium', price: 475 },
      { variantId: 'large', name: 'Large', price: 525 },
    ]);
  });

  it('adds a line in the chosen size with its default choices, priced by the store’s engine', () => {
    const latte = onlineSections(menu, MONDAY_1530_NY)
      .flatMap((s) => s.entries)
      .find((e) => e.item.id === 'latte')!;
    const line = lineOf(menu, latte, 'large');
    expect(line).toMatchObject({ itemId: 'latte', variantId: 'large', quantity: 1 });
    expect(line.modifiers).toEqual([{ groupId: 'milk', optionId: 'whole' }]);
    const cart = addToCart(addToCart(EMPTY_CART, line), line);
    const preview = previewCart(menu, cart, { orderType: 'pickup', at: MONDAY_1530_NY });
    if (!preview.ok || !preview.priced) throw new Error('the cart did not price');
    expect(preview.priced.lines[0]?.lineTotal).toBe(1050);
    // Monday 15:30 in New York: the store's happy hour takes its share, then NYC tax.
    const totals = totalsOf(preview.priced);
    expect(totals.discount).toBeGreaterThan(0);
    expect(totals.total).toBe(totals.subtotal - totals.discount + totals.tax);
  });
});

describe('placing and following an online order', () => {
  const menu = openOnlineMenu(answer);
  const croissant = onlineSections(menu, MONDAY_1530_NY)
    .flatMap((s) => s.entries)
    .find((e) => e.item.id === 'croissant')!;

  it('sends the cart with its own line ids, the name and a payment of the total, as the store reads it', () => {
    const cart = addToCart(EMPTY_CART, lineOf(menu, croissant));
    const id = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const body = placeBody(id, '  Ada ', cart, 381);
    const order = inboundOrderSchema.parse({ ...body, sentAt: '2025-03-10T19:30:00Z' });
    expect(order).toMatchObject({
      id,
      channel: 'online',
      orderType: 'pickup',
      guest: { name: 'Ada' },
      payment: { method: 'external', amount: 381, reference: `demo-${id}` },
    });
    expect(order.lines.map((l) => l.lineId)).toEqual(cart.lines.map((l) => l.lineId));
  });

  it('asks for a name the pickup board can show', () => {
    expect(guestNameProblem('   ')).toMatch(/Enter your name/);
    expect(guestNameProblem('x'.repeat(41))).toMatch(/at most 40/);
    expect(guestNameProblem('Ada')).toBeUndefined();
  });

  it('says where the order is', () => {
    expect(stepOf('sent')).toBe(-1);
    expect(stepOf('preparing')).toBe(1);
    expect(stepOf('ready')).toBe(2);
    expect(statusSentence({ phase: 'ready', number: 12 })).toBe('Your order 12 is ready for pickup.');
    expect(statusSentence({ phase: 'rejected', reason: 'no oat milk today' })).toBe(
      'The store could not take your order: no oat milk today',
    );
  });
});
