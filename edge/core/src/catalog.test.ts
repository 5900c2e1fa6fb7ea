import { describe, expect, it } from 'vitest';
import { catalogSchema, indexCatalog, stationOf, type CatalogInput } from './catalog.js';

/** A small café: coffee made at the bar, pastries in the kitchen, one toasted at the oven. */
function cafe(): CatalogInput {
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
  const result = catalogSchema.safeParse(input);
  if (result.success) throw new Error('expected the catalog to be refused');
  return result.error.issues.map((i) => ({ message: i.message, path: i.path }));
}

describe('catalogSchema', () => {
  it('accepts a small café menu and fills in the defaults', () => {
    const c = catalogSchema.parse(cafe());
    const croissant = c.items.find((i) => i.id === 'croissant');
    expect(croissant).toMatchObject({
      variants: [],
      modifierGroupIds: [],
      available: true,
      tags: [],
      allergens: [],
    });
    expect(croissant?.station).toBeUndefined();
    expect(c.categories.find((x) => x.id === 'bakery')?.station).toBe('kitchen');
    const milk = c.modifierGroups[0];
    expect(milk?.options).toEqual([
      { id: 'whole', name: { en: 'Whole milk' }, price: 0, default: true },
      { id: 'oat', name: { en: 'Oat milk' }, price: 70, default: false },
    ]);
  });

  it('fills min 0, max 1 for a modifier group, and no groups when none are given', () => {
    const input = cafe();
    input.modifierGroups = [{ id: 'milk', name: { en: 'Milk' }, options: [{ id: 'oat', name: { en: 'Oat' } }] }];
    expect(catalogSchema.parse(input).modifierGroups[0]).toMatchObject({ min: 0, max: 1 });
    const bare = cafe();
    delete bare.modifierGroups;
    bare.items = bare.items.filter((i) => i.id !== 'latte');
    expect(catalogSchema.parse(bare).modifierGroups).toEqual([]);
  });

  it('refuses a duplicate item id, naming it', () => {
    const input = cafe();
    input.items.push({ id: 'latte', categoryId: 'coffee', sku: 'LAT2', name: { en: 'Latte again' }, price: 1 });
    expect(issues(input)).toEqual([{ message: 'duplicate items id "latte"', path: ['items'] }]);
  });

  it('refuses duplicate category and modifier group ids', () => {
    const input = cafe();
    input.categories.push({ id: 'coffee', name: { en: 'More coffee' } });
    input.modifierGroups?.push({ id: 'milk', name: { en: 'Milk 2' }, options: [{ id: 'soy', name: { en: 'Soy' } }] });
    const found = issues(input).map((i) => i.message);
    expect(found).toContain('duplicate categories id "coffee"');
    expect(found).toContain('duplicate modifierGroups id "milk"');
  });

  it('refuses an item naming a missing category, pointing at the item', () => {
    const input = cafe();
    const toastie = input.items[2];
    if (toastie) toastie.categoryId = 'sandwiches';
    expect(issues(input)).toEqual([
      { message: 'item "toastie" names missing category "sandwiches"', path: ['items', 2, 'categoryId'] },
    ]);
  });

  it('refuses an item naming a missing modifier group, pointing at the item', () => {
    const input = cafe();
    input.items[0]?.modifierGroupIds?.push('syrup');
    expect(issues(input)).toEqual([
      { message: 'item "latte" names missing modifier group "syrup"', path: ['items', 0, 'modifierGroupIds'] },
    ]);
  });

  it('refuses a modifier group whose min is above its max, naming it', () => {
    const input = cafe();
    input.modifierGroups = [{ ...cafe().modifierGroups![0]!, min: 2, max: 1 }];
    expect(issues(input)).toEqual([
      { message: 'modifier group "milk" has min 2 above max 1', path: ['modifierGroups', 0] },
    ]);
  });

  it('refuses a modifier group that needs more choices than it offers', () => {
    // min 3 of 2 options can never be satisfied.
    const input = cafe();
    input.modifierGroups = [{ ...cafe().modifierGroups![0]!, min: 3, max: 3 }];
    expect(issues(input)).toEqual([
      { message: 'modifier group "milk" needs more choices than it has', path: ['modifierGroups', 0] },
    ]);
  });

  it('reports every problem at once', () => {
    const input = cafe();
    input.items.push({ id: 'croissant', categoryId: 'pastry', sku: 'X', name: { en: 'X' }, price: 1 });
    expect(issues(input).map((i) => i.message)).toEqual([
      'duplicate items id "croissant"',
      'item "croissant" names missing category "pastry"',
    ]);
  });

  it('refuses fractional or negative prices, bad ids and lowercase currency codes', () => {
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

  it('refuses an item with two variants of the same id (the second could never be ordered)', () => {
    const input = cafe();
    input.items[0]!.variants!.push({ id: 'medium', name: { en: 'Medium (new price)' }, price: 495 });
    expect(issues(input).map((i) => i.message)).toEqual([expect.stringContaining('"medium"')]);
  });

  it('refuses a modifier group with two options of the same id', () => {
    const input = cafe();
    input.modifierGroups![0]!.options.push({ id: 'oat', name: { en: 'Oat milk (barista)' }, price: 90 });
    expect(issues(input).map((i) => i.message)).toEqual([expect.stringContaining('"oat"')]);
  });
});

describe('indexCatalog and stationOf', () => {
  const index = indexCatalog(catalogSchema.parse(cafe()));

  it('looks up items, categories and groups by id', () => {
    expect(index.items.get('latte')?.name.en).toBe('Latte');
    expect(index.categories.get('bakery')?.name.es).toBe('Panadería');
    expect(index.groups.get('milk')?.options).toHaveLength(2);
    expect(index.items.get('mocha')).toBeUndefined();
  });

  it("sends an item to its category's station unless the item names its own", () => {
    expect(stationOf(index, index.items.get('latte')!)).toBe('bar'); // category coffee → bar
    expect(stationOf(index, index.items.get('croissant')!)).toBe('kitchen'); // category default
    expect(stationOf(index, index.items.get('toastie')!)).toBe('oven'); // item overrides bakery
  });
});
