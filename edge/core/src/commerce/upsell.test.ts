/** Upsell suggestions: by item, category, cart contents and daypart; once each, two per order at most. */
import { describe, expect, it } from 'vitest';
import { isTillboxError } from '../errors.js';
import type { CommerceCatalogInput } from './catalog-schema.js';
import { createPricingEngine } from './compile.js';
import type { PricingRulesInput } from './rules-schema.js';
import { suggestUpsell, type UpsellRequest } from './upsell.js';
import type { UpsellInput } from './upsell-schema.js';

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'coffee', name: { en: 'Coffee' }, station: 'bar' },
    { id: 'bakery', name: { en: 'Bakery' } },
    { id: 'combos', name: { en: 'Combos' } },
  ],
  dayparts: [
    {
      id: 'morning',
      name: { en: 'Morning' },
      windows: [{ days: ['mon', 'tue', 'wed'], start: '06:00', end: '11:00' }],
    },
  ],
  items: [
    {
      id: 'latte',
      categoryId: 'coffee',
      sku: 'L',
      name: { en: 'Latte' },
      price: 0,
      tags: ['coffee'],
      variants: [
        { id: 'small', name: { en: 'Small' }, price: 425 },
        { id: 'medium', name: { en: 'Medium' }, price: 475 },
        { id: 'large', name: { en: 'Large' }, price: 525 },
      ],
    },
    { id: 'espresso', categoryId: 'coffee', sku: 'E', name: { en: 'Espresso' }, price: 275, tags: ['coffee'] },
    { id: 'croissant', categoryId: 'bakery', sku: 'C', name: { en: 'Croissant' }, price: 345 },
    { id: 'muffin', categoryId: 'bakery', sku: 'M', name: { en: 'Muffin' }, price: 375, available: false },
    {
      id: 'breakfast-combo',
      categoryId: 'combos',
      sku: 'B',
      name: { en: 'Breakfast combo' },
      price: 799,
      combo: {
        slots: [
          { id: 'drink', name: { en: 'Drink' }, choices: [{ itemId: 'latte', variantId: 'medium' }] },
          { id: 'food', name: { en: 'Food' }, choices: [{ itemId: 'croissant' }] },
        ],
      },
    },
  ],
};

const upsells: UpsellInput[] = [
  {
    id: 'croissant-with-coffee',
    priority: 10,
    after: { tags: ['coffee'] },
    unlessCartHas: { categoryIds: ['bakery'] },
    offer: { kind: 'item', itemId: 'croissant' },
  },
  { id: 'latte-large', priority: 5, after: { itemIds: ['latte'] }, offer: { kind: 'size-up' } },
  {
    id: 'morning-combo',
    priority: 20,
    after: { itemIds: ['latte'] },
    dayparts: ['morning'],
    offer: { kind: 'combo', itemId: 'breakfast-combo' },
  },
  { id: 'muffin', priority: 1, after: { itemIds: ['espresso'] }, offer: { kind: 'item', itemId: 'muffin' } },
];

const rules = (list: UpsellInput[] = upsells): PricingRulesInput => ({
  stores: [{ id: 's', timeZone: 'America/Chicago', taxJurisdictionId: 'none' }],
  tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
  upsells: list,
});
const engine = createPricingEngine(catalog, rules());
const WED_NOON = '2025-06-04T17:00:00Z';
const WED_MORNING = '2025-06-04T14:00:00Z'; // 09:00 CDT

const ask = (over: Partial<UpsellRequest> = {}): ReturnType<typeof suggestUpsell> => {
  const added = over.added ?? { itemId: 'latte', variantId: 'medium' };
  return suggestUpsell({
    engine,
    storeId: 's',
    channel: 'kiosk',
    at: WED_NOON,
    added,
    cart: [added],
    shown: [],
    ...over,
  });
};

describe('suggestUpsell', () => {
  it('suggests a croissant after a coffee, with its price', () => {
    expect(ask()).toEqual({ upsellId: 'croissant-with-coffee', kind: 'item', itemId: 'croissant', price: 345 });
  });

  it('follows the cart: no croissant for a guest who has bakery already; the size comes next', () => {
    const added = { itemId: 'latte', variantId: 'medium' };
    expect(ask({ added, cart: [{ itemId: 'croissant' }, added] })).toEqual({
      upsellId: 'latte-large',
      kind: 'size-up',
      itemId: 'latte',
      fromVariantId: 'medium',
      toVariantId: 'large',
      price: 50,
    });
    // The largest size has nothing above it.
    const large = { itemId: 'latte', variantId: 'large' };
    expect(ask({ added: large, cart: [{ itemId: 'croissant' }, large] })).toBeUndefined();
  });

  it('follows the daypart: in the morning the combo wins on priority', () => {
    expect(ask({ at: WED_MORNING })).toMatchObject({ upsellId: 'morning-combo', kind: 'combo', price: 799 });
  });

  it('shows each suggestion once, one per item added, and never more than two in an order', () => {
    const first = { upsellId: 'croissant-with-coffee', afterItemId: 'espresso' };
    expect(ask({ shown: [first] })).toMatchObject({ upsellId: 'latte-large' });
    // The latte already triggered one: adding another latte suggests nothing.
    expect(ask({ shown: [{ upsellId: 'latte-large', afterItemId: 'latte' }] })).toBeUndefined();
    const two = [first, { upsellId: 'x', afterItemId: 'tea' }];
    expect(ask({ shown: two })).toBeUndefined();
  });

  it('never offers what cannot be sold: a sold-out muffin is not suggested', () => {
    const added = { itemId: 'espresso' };
    expect(ask({ added, cart: [{ itemId: 'croissant' }, added] })).toBeUndefined();
  });

  it('refuses rules that name what the catalog does not have', () => {
    const bad: UpsellInput[] = [
      { id: 'a', after: { itemIds: ['nope'] }, offer: { kind: 'item', itemId: 'croissant' } },
      { id: 'b', after: { itemIds: ['latte'] }, offer: { kind: 'combo', itemId: 'croissant' } },
      { id: 'c', after: {}, offer: { kind: 'size-up' } },
    ];
    let message = '';
    try {
      createPricingEngine(catalog, rules(bad));
    } catch (e) {
      if (isTillboxError(e)) message = JSON.stringify(e.details);
    }
    expect(message).toContain('upsell \\"a\\": after names missing item \\"nope\\"');
    expect(message).toContain('upsell \\"b\\": offers \\"croissant\\" as a combo, but it has no slots');
    expect(message).toContain('upsell \\"c\\": \\"after\\" matches nothing');
  });
});
