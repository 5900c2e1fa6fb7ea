/** A small café menu for the sale library's tests: sizes, nested choices, a combo, a daypart, store prices. */
import { createPricingEngine, type CommerceCatalogInput, type PricingRulesInput } from '@tillbox/core';
import { openMenu, type Menu } from './menu.js';

export const testCatalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'drinks', name: { en: 'Drinks', es: 'Bebidas' }, station: 'bar' },
    { id: 'food', name: { en: 'Food' } },
    { id: 'brunch', name: { en: 'Brunch' }, dayparts: ['weekend'] },
    { id: 'combos', name: { en: 'Combos' } },
  ],
  dayparts: [
    { id: 'breakfast', name: { en: 'Breakfast' }, windows: [{ days: ['mon', 'tue'], start: '06:00', end: '11:00' }] },
    { id: 'weekend', name: { en: 'Weekend' }, windows: [{ days: ['sat', 'sun'], start: '09:00', end: '14:00' }] },
  ],
  modifierGroups: [
    {
      id: 'milk',
      name: { en: 'Milk' },
      min: 1,
      options: [
        { id: 'whole', name: { en: 'Whole' }, default: true },
        {
          id: 'oat',
          name: { en: 'Oat', es: 'Avena' },
          price: 70,
          modifierGroupIds: ['oat-brand'],
          allergens: ['oats'],
          removesAllergens: ['milk'],
        },
      ],
    },
    {
      id: 'oat-brand',
      name: { en: 'Oat brand' },
      min: 1,
      options: [
        { id: 'house', name: { en: 'House' }, default: true },
        { id: 'barista', name: { en: 'Barista' }, price: 30 },
      ],
    },
    {
      id: 'syrup',
      name: { en: 'Syrup' },
      max: 2,
      options: [
        { id: 'vanilla', name: { en: 'Vanilla' }, price: 60 },
        { id: 'caramel', name: { en: 'Caramel' }, price: 60 },
        { id: 'hazelnut', name: { en: 'Hazelnut' }, price: 60 },
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
      allergens: ['milk'],
    },
    { id: 'tea', categoryId: 'drinks', sku: 'T', name: { en: 'Tea' }, price: 300 },
    { id: 'bagel', categoryId: 'food', sku: 'B', name: { en: 'Bagel' }, price: 275, allergens: ['gluten'] },
    { id: 'muffin', categoryId: 'food', sku: 'M', name: { en: 'Egg muffin' }, price: 450, dayparts: ['breakfast'] },
    { id: 'scone', categoryId: 'food', sku: 'S', name: { en: 'Scone' }, price: 300, available: false },
    { id: 'app-cookie', categoryId: 'food', sku: 'K', name: { en: 'App cookie' }, price: 100, channels: ['app'] },
    { id: 'pancakes', categoryId: 'brunch', sku: 'P', name: { en: 'Pancakes' }, price: 900 },
    {
      id: 'morning',
      categoryId: 'combos',
      sku: 'MC',
      name: { en: 'Morning combo' },
      price: 650,
      combo: {
        slots: [
          {
            id: 'drink',
            name: { en: 'Drink' },
            choices: [
              { itemId: 'latte', variantId: 'small' },
              { itemId: 'latte', variantId: 'large', upcharge: 80 },
              { itemId: 'tea' },
            ],
          },
          {
            id: 'food',
            name: { en: 'Food' },
            choices: [{ itemId: 'bagel' }, { itemId: 'muffin', upcharge: 100 }, { itemId: 'scone' }],
          },
          { id: 'extra', name: { en: 'Extra' }, optional: true, choices: [{ itemId: 'bagel', upcharge: 200 }] },
        ],
      },
    },
  ],
  storePrices: [
    { kind: 'item', storeId: 'airport', itemId: 'latte', variantId: 'small', price: 475 },
    { kind: 'item', storeId: 'airport', itemId: 'bagel', price: 325 },
    { kind: 'option', storeId: 'airport', groupId: 'milk', optionId: 'oat', price: 90 },
  ],
};

export const testRules: PricingRulesInput = {
  stores: [
    { id: 'town', timeZone: 'America/Chicago', taxJurisdictionId: 'none' },
    { id: 'airport', timeZone: 'America/Chicago', taxJurisdictionId: 'none' },
  ],
  tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
};

export const engine = createPricingEngine(testCatalog, testRules);

export function testMenu(storeId = 'town', channel: 'kiosk' | 'counter' | 'app' = 'kiosk'): Menu {
  return openMenu(engine, storeId, channel);
}

/** Monday 09:00 in Chicago: breakfast. */
export const MONDAY_9 = Date.parse('2026-01-05T15:00:00Z');
/** Monday 12:00 in Chicago: after breakfast. */
export const MONDAY_NOON = Date.parse('2026-01-05T18:00:00Z');
/** Saturday 10:00 in Chicago: weekend brunch. */
export const SATURDAY_10 = Date.parse('2026-01-10T16:00:00Z');

export const item = (id: string) => {
  const found = engine.items.get(id);
  if (!found) throw new Error(`no item ${id} in the test menu`);
  return found;
};
export const group = (id: string) => {
  const found = engine.groups.get(id)?.group;
  if (!found) throw new Error(`no group ${id} in the test menu`);
  return found;
};
