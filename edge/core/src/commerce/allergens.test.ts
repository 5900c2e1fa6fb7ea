/** Allergens as chosen: the kiosk's item sheet, the priced line and the kitchen ticket say the same. */
import { describe, expect, it } from 'vitest';
import { kitchenTicketDocument, kitchenTicketText } from '../kitchen/ticket-document.js';
import { placementOf } from '../orders/placement.js';
import { allergensAsChosen, meetsDiet } from './allergens.js';
import type { CommerceCatalogInput } from './catalog-schema.js';
import { createPricingEngine } from './compile.js';
import { price } from './price.js';

const oat = { allergens: ['oats'], removesAllergens: ['milk'] };
const almond = { allergens: ['tree-nuts'], removesAllergens: ['milk'] };
const whole = { allergens: [] };
const whippedCream = { allergens: ['milk'] };

describe('allergensAsChosen', () => {
  it('oat milk takes the milk warning away and adds oats', () => {
    expect(allergensAsChosen({ allergens: ['milk'] }, [oat])).toEqual(['oats']);
    expect(allergensAsChosen({ allergens: ['milk'] }, [whole])).toEqual(['milk']);
    expect(allergensAsChosen({ allergens: ['milk', 'gluten'] }, [almond])).toEqual(['gluten', 'tree-nuts']);
  });

  it('never takes away what another choice adds', () => {
    expect(allergensAsChosen({ allergens: ['milk'] }, [oat, whippedCream])).toEqual(['milk', 'oats']);
    expect(allergensAsChosen({ allergens: [] }, [whippedCream, oat])).toEqual(['milk', 'oats']);
  });
});

describe('meetsDiet', () => {
  it('vegan goes by the tag; gluten-free and nut-free by what the item contains', () => {
    expect(meetsDiet({ tags: ['vegan'] }, ['gluten'], 'vegan')).toBe(true);
    expect(meetsDiet({ tags: [] }, [], 'vegan')).toBe(false);
    expect(meetsDiet({ tags: ['vegan'] }, ['gluten'], 'gluten-free')).toBe(false);
    expect(meetsDiet({ tags: [] }, ['milk'], 'gluten-free')).toBe(true);
    expect(meetsDiet({ tags: [] }, ['tree-nuts'], 'nut-free')).toBe(false);
    expect(meetsDiet({ tags: [] }, ['peanuts'], 'nut-free')).toBe(false);
    expect(meetsDiet({ tags: [] }, ['milk', 'egg'], 'nut-free')).toBe(true);
  });
});

const catalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [{ id: 'drinks', name: { en: 'Drinks' }, station: 'bar' }],
  modifierGroups: [
    {
      id: 'milk',
      name: { en: 'Milk' },
      min: 1,
      options: [
        { id: 'whole', name: { en: 'Whole milk' }, default: true },
        { id: 'oat', name: { en: 'Oat milk' }, price: 70, allergens: ['oats'], removesAllergens: ['milk'] },
      ],
    },
  ],
  items: [
    {
      id: 'latte',
      categoryId: 'drinks',
      sku: 'L',
      name: { en: 'Caffè Latte' },
      price: 450,
      modifierGroupIds: ['milk'],
      allergens: ['milk'],
    },
  ],
};
const engine = createPricingEngine(catalog, {
  stores: [{ id: 's', timeZone: 'America/Chicago', taxJurisdictionId: 'none' }],
  tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
});

describe('a priced line and its kitchen ticket follow the same rule', () => {
  it('an oat latte is placed with oats, not milk, and its ticket says so', () => {
    const priced = price({
      engine,
      cart: {
        lines: [
          { itemId: 'latte', modifiers: [{ groupId: 'milk', optionId: 'oat' }], quantity: 1 },
          { itemId: 'latte', quantity: 1 },
        ],
      },
      context: { storeId: 's', at: '2025-06-04T17:00:00Z' },
    });
    expect(priced.lines.map((l) => l.allergens)).toEqual([['oats'], ['milk']]);
    const placed = placementOf(priced, engine, { stations: [], defaultStation: 'bar' });
    expect(placed.lines.map((l) => l.allergens)).toEqual([['oats'], ['milk']]);
    const oatTicket = kitchenTicketText(
      kitchenTicketDocument(
        {
          station: 'Bar',
          orderNumber: 7,
          channel: 'kiosk',
          orderType: 'takeout',
          placedAt: '2025-06-04T17:00:00Z',
          timeZone: 'America/Chicago',
          lines: [{ quantity: 1, name: 'Caffè Latte', modifiers: ['Oat milk'], allergens: placed.lines[0]!.allergens }],
        },
        { width: 42 },
      ),
    );
    expect(oatTicket).toMatch(/oats/i);
    expect(oatTicket).not.toMatch(/milk,|: milk/i);
  });
});
