import { catalogSchema, indexCatalog, price, type CatalogInput, type Item } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import {
  chooseOne,
  describeLine,
  incompleteGroups,
  initialSelection,
  isComplete,
  lineKey,
  startingPrice,
  toCartLine,
  toggleOption,
  unitPrice,
  type Selection,
} from './item-selection.js';

const input: CatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [{ id: 'drinks', name: { en: 'Drinks' } }],
  modifierGroups: [
    {
      id: 'milk',
      name: { en: 'Milk' },
      min: 1,
      max: 1,
      options: [
        { id: 'whole', name: { en: 'Whole' }, default: true },
        { id: 'oat', name: { en: 'Oat', es: 'Avena' }, price: 70 },
      ],
    },
    {
      id: 'syrup',
      name: { en: 'Syrup' },
      min: 0,
      max: 2,
      options: [
        { id: 'vanilla', name: { en: 'Vanilla' }, price: 60 },
        { id: 'caramel', name: { en: 'Caramel' }, price: 60 },
        { id: 'hazelnut', name: { en: 'Hazelnut' }, price: 60 },
      ],
    },
    {
      id: 'base',
      name: { en: 'Base' },
      min: 1,
      max: 1,
      options: [
        { id: 'water', name: { en: 'Water' } },
        { id: 'milk', name: { en: 'Milk' }, price: 50 },
      ],
    },
  ],
  items: [
    {
      id: 'latte',
      categoryId: 'drinks',
      sku: 'L',
      name: { en: 'Latte' },
      price: 0,
      variants: [
        { id: 'small', name: { en: 'Small' }, price: 425 },
        { id: 'large', name: { en: 'Large', es: 'Grande' }, price: 525 },
      ],
      modifierGroupIds: ['milk', 'syrup'],
    },
    { id: 'tea', categoryId: 'drinks', sku: 'T', name: { en: 'Tea' }, price: 300, modifierGroupIds: ['base'] },
  ],
};
const index = indexCatalog(catalogSchema.parse(input));
const item = (id: string): Item => {
  const found = index.items.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('item selection', () => {
  it('starts from the first size and the default options', () => {
    const sel = initialSelection(index, item('latte'));
    expect(sel).toEqual({ variantId: 'small', chosen: { milk: ['whole'], syrup: [] }, quantity: 1 });
    expect(isComplete(index, item('latte'), sel)).toBe(true);
  });

  it('is incomplete until a required group without a default is chosen', () => {
    const tea = item('tea');
    let sel = initialSelection(index, tea);
    expect(incompleteGroups(index, tea, sel)).toEqual(['base']);
    expect(isComplete(index, tea, sel)).toBe(false);
    const base = index.groups.get('base');
    if (!base) throw new Error('base');
    sel = chooseOne(sel, base, 'milk');
    expect(isComplete(index, tea, sel)).toBe(true);
    expect(unitPrice(index, tea, sel)).toBe(350);
  });

  it('never ticks more than max options and keeps them in menu order', () => {
    const syrup = index.groups.get('syrup');
    if (!syrup) throw new Error('syrup');
    let sel = initialSelection(index, item('latte'));
    sel = toggleOption(sel, syrup, 'caramel', true);
    sel = toggleOption(sel, syrup, 'vanilla', true);
    sel = toggleOption(sel, syrup, 'hazelnut', true);
    expect(sel.chosen.syrup).toEqual(['vanilla', 'caramel']);
    sel = toggleOption(sel, syrup, 'vanilla', false);
    expect(sel.chosen.syrup).toEqual(['caramel']);
  });

  it('prices the choice exactly as the core prices the cart line', () => {
    const latte = item('latte');
    const milk = index.groups.get('milk');
    const syrup = index.groups.get('syrup');
    if (!milk || !syrup) throw new Error('groups');
    let sel: Selection = { ...initialSelection(index, latte), variantId: 'large', quantity: 3 };
    sel = chooseOne(sel, milk, 'oat');
    sel = toggleOption(sel, syrup, 'hazelnut', true);
    const line = toCartLine(index, latte, sel);
    // The shared engine, with a store that charges no tax, prices the same line.
    const priced = price({
      catalog: input,
      rules: {
        stores: [{ id: 'test', name: 'Test', timeZone: 'UTC', taxJurisdictionId: 'none' }],
        tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
      },
      cart: { lines: [line] },
      context: { storeId: 'test', at: '2026-11-27T12:00:00Z' },
    });
    expect(unitPrice(index, latte, sel)).toBe(525 + 70 + 60);
    expect(priced.lines[0]?.unitPrice).toBe(unitPrice(index, latte, sel));
    expect(priced.totals.total).toBe(3 * (525 + 70 + 60));
  });

  it('says "from" the cheapest size only for items with sizes', () => {
    expect(startingPrice(item('latte'))).toEqual({ amount: 425, from: true });
    expect(startingPrice(item('tea'))).toEqual({ amount: 300, from: false });
  });

  it('gives the same key to the same choice and describes it in the chosen language', () => {
    const latte = item('latte');
    const a = toCartLine(index, latte, { ...initialSelection(index, latte), variantId: 'large' });
    const b = { ...a, quantity: 5 };
    expect(lineKey(a)).toBe(lineKey(b));
    expect(lineKey(a)).not.toBe(lineKey(toCartLine(index, latte, initialSelection(index, latte))));
    const oat = { ...a, modifiers: [{ groupId: 'milk', optionId: 'oat' }] };
    expect(describeLine(index, oat, (t) => (t as Record<string, string>).es ?? t.en)).toEqual({
      name: 'Latte',
      variant: 'Grande',
      options: ['Avena'],
    });
  });
});
