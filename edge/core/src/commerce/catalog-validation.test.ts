/** The commerce catalog's defaults and the problems it is refused with, each named and located. */
import { describe, expect, it } from 'vitest';
import { commerceCatalogSchema, type CommerceCatalogInput } from './catalog-schema.js';
import { createPricingEngine } from './compile.js';
import { price } from './price.js';

/** A small café: coffee made at the bar, pastries in the kitchen, one toasted at the oven. */
function cafe(): CommerceCatalogInput {
  return {
    version: 1,
    currency: 'USD',
    categories: [
      { id: 'coffee', name: { en: 'Coffee' }, station: 'bar' },
      { id: 'bakery', name: { en: 'Bakery', es: 'Panadería' } },
    ],
    items: [
      {
        id: 'latte',
        categoryId: 'coffee',
        sku: 'LAT',
        name: { en: 'Latte' },
        price: 425,
        variants: [
          { id: 'small', name: { en: 'Small' }, price: 425 },
          { id: 'medium', name: { en: 'Medium' }, price: 475 },
        ],
        modifierGroupIds: ['milk'],
      },
      { id: 'croissant', categoryId: 'bakery', sku: 'CRO', name: { en: 'Croissant' }, price: 345 },
      { id: 'toastie', categoryId: 'bakery', sku: 'TST', name: { en: 'Toastie' }, price: 650, station: 'oven' },
    ],
    modifierGroups: [
      {
        id: 'milk',
        name: { en: 'Milk' },
        min: 1,
        max: 1,
        options: [
          { id: 'whole', name: { en: 'Whole milk' }, default: true },
          { id: 'oat', name: { en: 'Oat milk' }, price: 70 },
        ],
      },
    ],
  };
}

/** The messages and paths of the issues a catalog is refused with. */
function issues(input: unknown): { message: string; path: PropertyKey[] }[] {
  const result = commerceCatalogSchema.safeParse(input);
  if (result.success) throw new Error('expected the catalog to be refused');
  return result.error.issues.map((i) => ({ message: i.message, path: i.path }));
}

describe('commerceCatalogSchema defaults', () => {
  it('fills in what a small café menu leaves out', () => {
    const c = commerceCatalogSchema.parse(cafe());
    const croissant = c.items.find((i) => i.id === 'croissant');
    expect(croissant).toMatchObject({ variants: [], modifierGroupIds: [], available: true, tags: [], allergens: [] });
    expect(croissant?.station).toBeUndefined();
    expect(c.categories.find((x) => x.id === 'bakery')).toMatchObject({
      station: 'kitchen',
      taxClass: 'prepared-food',
    });
    expect(c.modifierGroups[0]?.options[1]).toMatchObject({ id: 'oat', price: 70, default: false, allergens: [] });
    expect(c).toMatchObject({ dayparts: [], storePrices: [] });
  });

  it('fills min 0, max 1 for a modifier group, and no groups when none are given', () => {
    const input = cafe();
    input.modifierGroups = [{ id: 'milk', name: { en: 'Milk' }, options: [{ id: 'oat', name: { en: 'Oat' } }] }];
    expect(commerceCatalogSchema.parse(input).modifierGroups[0]).toMatchObject({ min: 0, max: 1 });
    const bare = cafe();
    delete bare.modifierGroups;
    bare.items = bare.items.filter((i) => i.id !== 'latte');
    expect(commerceCatalogSchema.parse(bare).modifierGroups).toEqual([]);
  });

  it("makes an item at its category's station unless the item names its own", () => {
    const engine = createPricingEngine(cafe(), {
      stores: [{ id: 's', timeZone: 'UTC', taxJurisdictionId: 'none' }],
      tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
    });
    const lines = ['croissant', 'toastie'].map((itemId) => ({ itemId, quantity: 1 }));
    lines.push({ itemId: 'latte', variantId: 'small', quantity: 1 } as (typeof lines)[number]);
    const r = price({ engine, cart: { lines }, context: { storeId: 's', at: '2026-01-05T12:00:00Z' } });
    expect(r.lines.map((l) => [l.itemId, l.station])).toEqual([
      ['croissant', 'kitchen'], // the category's default station
      ['toastie', 'oven'], // the item's own
      ['latte', 'bar'], // the category's
    ]);
  });
});

describe('commerceCatalogSchema refusals', () => {
  it('refuses duplicate item, category and modifier group ids, naming them', () => {
    const input = cafe();
    input.items.push({ id: 'latte', categoryId: 'coffee', sku: 'LAT2', name: { en: 'Latte again' }, price: 1 });
    input.categories.push({ id: 'coffee', name: { en: 'More coffee' } });
    input.modifierGroups?.push({ id: 'milk', name: { en: 'Milk 2' }, options: [{ id: 'soy', name: { en: 'Soy' } }] });
    expect(issues(input)).toEqual(
      expect.arrayContaining([
        { message: 'duplicate items id "latte"', path: ['items', 3, 'id'] },
        { message: 'duplicate categories id "coffee"', path: ['categories', 2, 'id'] },
        { message: 'duplicate modifierGroups id "milk"', path: ['modifierGroups', 1, 'id'] },
      ]),
    );
  });

  it('refuses an item naming a missing category or modifier group, pointing at the item', () => {
    const input = cafe();
    input.items[2]!.categoryId = 'sandwiches';
    input.items[0]!.modifierGroupIds!.push('syrup');
    expect(issues(input)).toEqual([
      { message: 'item "latte" names missing modifier group "syrup"', path: ['items', 0, 'modifierGroupIds'] },
      { message: 'item "toastie" names missing category "sandwiches"', path: ['items', 2, 'categoryId'] },
    ]);
  });

  it('refuses a modifier group whose min is above its max, or above its number of options', () => {
    const milk = cafe().modifierGroups![0]!;
    expect(issues({ ...cafe(), modifierGroups: [{ ...milk, min: 2, max: 1 }] })).toEqual([
      { message: 'modifier group "milk" has min 2 above max 1', path: ['modifierGroups', 0] },
    ]);
    // min 3 of 2 options can never be satisfied.
    expect(issues({ ...cafe(), modifierGroups: [{ ...milk, min: 3, max: 3 }] })).toEqual([
      { message: 'modifier group "milk" needs more choices than it has', path: ['modifierGroups', 0] },
    ]);
  });

  it('refuses two sizes of one item, or two options of one group, with the same id', () => {
    const input = cafe();
    input.items[0]!.variants!.push({ id: 'medium', name: { en: 'Medium (new price)' }, price: 495 });
    input.modifierGroups![0]!.options.push({ id: 'oat', name: { en: 'Oat milk (barista)' }, price: 90 });
    expect(issues(input)).toEqual([
      { message: 'duplicate sizes of item "latte" id "medium"', path: ['items', 0, 'variants', 2, 'id'] },
      {
        message: 'duplicate options of modifier group "milk" id "oat"',
        path: ['modifierGroups', 0, 'options', 2, 'id'],
      },
    ]);
  });

  it('refuses fractional or negative prices, bad ids, lowercase currency codes and no categories', () => {
    const fractional = cafe();
    fractional.items[1]!.price = 3.45;
    expect(issues(fractional)[0]?.path).toEqual(['items', 1, 'price']);
    const negative = cafe();
    negative.items[1]!.price = -1;
    expect(issues(negative)[0]?.path).toEqual(['items', 1, 'price']);
    const badId = cafe();
    badId.items[1]!.id = 'Croissant!';
    expect(issues(badId)[0]).toEqual({
      message: 'ids are lowercase letters, digits and dashes',
      path: ['items', 1, 'id'],
    });
    expect(issues({ ...cafe(), currency: 'usd' })[0]?.path).toEqual(['currency']);
    expect(issues({ ...cafe(), categories: [] })[0]?.path).toEqual(['categories']);
  });
});
