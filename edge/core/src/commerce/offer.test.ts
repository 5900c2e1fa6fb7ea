/** What a store offers: availability by stock, channel and daypart, and store prices. */
import { describe, expect, it } from 'vitest';
import type { CommerceCatalogInput } from './catalog-schema.js';
import { createPricingEngine } from './compile.js';
import { availabilityOf, storeItemPrice, storeOptionPrice, unavailableReason } from './offer.js';
import { localMoment } from './time-windows.js';

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'food', name: { en: 'Food' } },
    { id: 'brunch', name: { en: 'Brunch' }, dayparts: ['weekend-brunch'] },
  ],
  dayparts: [
    { id: 'breakfast', name: { en: 'Breakfast' }, windows: [{ days: ['mon', 'tue'], start: '06:00', end: '11:00' }] },
    { id: 'weekend-brunch', name: { en: 'Brunch' }, windows: [{ days: ['sat', 'sun'], start: '09:00', end: '14:00' }] },
  ],
  modifierGroups: [
    { id: 'extra', name: { en: 'Extra' }, options: [{ id: 'cheese', name: { en: 'Cheese' }, price: 50 }] },
  ],
  items: [
    { id: 'bagel', categoryId: 'food', sku: 'B', name: { en: 'Bagel' }, price: 275, modifierGroupIds: ['extra'] },
    { id: 'muffin', categoryId: 'food', sku: 'M', name: { en: 'Egg muffin' }, price: 450, dayparts: ['breakfast'] },
    { id: 'pancakes', categoryId: 'brunch', sku: 'P', name: { en: 'Pancakes' }, price: 900 },
    { id: 'gone', categoryId: 'food', sku: 'G', name: { en: 'Scone' }, price: 300, available: false },
    { id: 'app-only', categoryId: 'food', sku: 'A', name: { en: 'App cookie' }, price: 100, channels: ['app'] },
    {
      id: 'coffee',
      categoryId: 'food',
      sku: 'C',
      name: { en: 'Coffee' },
      price: 0,
      variants: [
        { id: 'small', name: { en: 'Small' }, price: 300 },
        { id: 'large', name: { en: 'Large' }, price: 400 },
      ],
    },
  ],
  storePrices: [
    { kind: 'item', storeId: 'airport', itemId: 'bagel', price: 395 },
    { kind: 'item', storeId: 'airport', itemId: 'coffee', variantId: 'large', price: 475 },
    { kind: 'option', storeId: 'airport', groupId: 'extra', optionId: 'cheese', price: 80 },
  ],
};
const engine = createPricingEngine(catalog, {
  stores: [
    { id: 'town', timeZone: 'America/Chicago', taxJurisdictionId: 'none' },
    { id: 'airport', timeZone: 'America/Chicago', taxJurisdictionId: 'none' },
  ],
  tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
});
const item = (id: string) => engine.items.get(id)!;
const at = (iso: string) => localMoment(Date.parse(iso), 'America/Chicago');
const MONDAY_9 = at('2026-01-05T15:00:00Z');
const MONDAY_NOON = at('2026-01-05T18:00:00Z');
const SATURDAY_10 = at('2026-01-10T16:00:00Z');

describe('availabilityOf', () => {
  it('offers an item in its own dayparts, else in its category’s, else all day', () => {
    expect(availabilityOf(engine, item('muffin'), 'kiosk', MONDAY_9)).toEqual({ kind: 'available' });
    expect(availabilityOf(engine, item('muffin'), 'kiosk', MONDAY_NOON)).toEqual({
      kind: 'outside-dayparts',
      daypartIds: ['breakfast'],
    });
    expect(availabilityOf(engine, item('pancakes'), 'kiosk', MONDAY_9).kind).toBe('outside-dayparts');
    expect(availabilityOf(engine, item('pancakes'), 'kiosk', SATURDAY_10).kind).toBe('available');
    expect(availabilityOf(engine, item('bagel'), 'kiosk', SATURDAY_10).kind).toBe('available');
  });

  it('refuses a sold-out item and one sold on another channel, saying why', () => {
    const gone = availabilityOf(engine, item('gone'), 'kiosk', MONDAY_9);
    expect(unavailableReason(engine, item('gone'), gone)).toBe('"Scone" is sold out');
    const app = availabilityOf(engine, item('app-only'), 'kiosk', MONDAY_9);
    expect(unavailableReason(engine, item('app-only'), app)).toBe('"App cookie" is not sold on kiosk');
    expect(availabilityOf(engine, item('app-only'), 'app', MONDAY_9).kind).toBe('available');
    const late = availabilityOf(engine, item('muffin'), 'kiosk', MONDAY_NOON);
    expect(unavailableReason(engine, item('muffin'), late)).toBe('"Egg muffin" is sold only during Breakfast');
  });
});

describe('store prices', () => {
  it("takes the store's price of an item or size where it has one, else the catalog's", () => {
    expect(storeItemPrice(engine, 'airport', item('bagel'), undefined)).toBe(395);
    expect(storeItemPrice(engine, 'town', item('bagel'), undefined)).toBe(275);
    expect(storeItemPrice(engine, 'airport', item('coffee'), 'large')).toBe(475);
    expect(storeItemPrice(engine, 'airport', item('coffee'), 'small')).toBe(300);
    expect(storeItemPrice(engine, 'airport', item('coffee'), undefined)).toBeUndefined();
  });

  it("takes the store's upcharge of an option where it has one", () => {
    const cheese = engine.groups.get('extra')!.options.get('cheese')!;
    expect(storeOptionPrice(engine, 'airport', 'extra', cheese)).toBe(80);
    expect(storeOptionPrice(engine, 'town', 'extra', cheese)).toBe(50);
  });
});
