/** The commerce catalog: the demo menu, combos, nesting, availability. */
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../server/src/catalog/demo-catalog.js';
import { pricedLineSchema, totalsSchema, type PricedLine, type Totals } from '../wire/api.js';
import { isTillboxError } from '../errors.js';
import type { CommerceCatalogInput } from './catalog-schema.js';
import type { PricingCartInput } from './cart-schema.js';
import { createPricingEngine, lookupBarcode, parseCommerceCatalog } from './compile.js';
import { price } from './price.js';
import type { PricingRulesInput } from './rules-schema.js';

const noTax: PricingRulesInput = {
  stores: [
    { id: 's', timeZone: 'America/Chicago', taxJurisdictionId: 'none' },
    { id: 'airport', timeZone: 'America/Chicago', taxJurisdictionId: 'none' },
  ],
  tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
};
const NOON = '2025-06-04T17:00:00Z'; // Wednesday 12:00 CDT

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isTillboxError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the demo menu', () => {
  it('parses, with its combos, dayparts and store prices', () => {
    const parsed = parseCommerceCatalog(demoCatalog);
    expect(parsed.items.filter((i) => i.combo).map((i) => i.id)).toEqual(['coffee-pastry', 'breakfast-combo']);
    expect(parsed.items.find((i) => i.id === 'breakfast-combo')?.dayparts).toEqual(['breakfast']);
    expect(parsed.storePrices).toHaveLength(1);
    expect(parsed.items[0]).toMatchObject({ barcodes: [], dayparts: [], channels: [] });
  });

  it('prices the demo catalog by item, size and upcharges', () => {
    const lines = [
      {
        itemId: 'latte',
        variantId: 'medium',
        modifiers: [
          { groupId: 'milk', optionId: 'oat' },
          { groupId: 'syrup', optionId: 'vanilla' },
        ],
        quantity: 2,
      },
      { itemId: 'espresso', modifiers: [{ groupId: 'extra-shot', optionId: 'one' }], quantity: 1 },
    ];
    const engine = createPricingEngine(demoCatalog, noTax);
    const r = price({ engine, cart: { lines }, context: { storeId: 's', at: NOON } });
    // Latte medium 475 + oat 70 + vanilla 60 = 605 × 2 = 1210; espresso 275 + shot 90 = 365.
    expect(r.lines.map((l) => [l.lineId, l.unitPrice, l.lineTotal, l.station])).toEqual([
      ['line-1', 605, 1210, 'bar'],
      ['line-2', 365, 365, 'bar'],
    ]);
    expect(r.totals.subtotal).toBe(1210 + 365);
  });

  it('returns what the wire types accept', () => {
    const lines: PricingCartInput['lines'] = [{ itemId: 'espresso', quantity: 1 }];
    const r = price({
      engine: createPricingEngine(demoCatalog, noTax),
      cart: { lines },
      context: { storeId: 's', at: NOON },
    });
    const wireLines: PricedLine[] = r.lines;
    const totals: Totals = r.totals;
    expect(pricedLineSchema.array().parse(wireLines)[0]).toMatchObject({ lineId: 'line-1', unitPrice: 275 });
    expect(totalsSchema.parse(totals)).toEqual({ currency: 'USD', subtotal: 275, discount: 0, tax: 0, total: 275 });
  });
});

const comboCatalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'drinks', name: { en: 'Drinks' }, station: 'bar', taxClass: 'beverage' },
    { id: 'food', name: { en: 'Food' }, station: 'kitchen' },
    { id: 'combos', name: { en: 'Combos' }, station: 'kitchen' },
  ],
  dayparts: [
    {
      id: 'breakfast',
      name: { en: 'Breakfast' },
      windows: [{ days: ['mon', 'tue', 'wed'], start: '06:00', end: '11:00' }],
    },
  ],
  modifierGroups: [
    {
      id: 'milk',
      name: { en: 'Milk' },
      min: 1,
      options: [
        { id: 'whole', name: { en: 'Whole' }, default: true },
        { id: 'oat', name: { en: 'Oat' }, price: 70, modifierGroupIds: ['oat-brand'], allergens: ['oats'] },
      ],
    },
    {
      id: 'oat-brand',
      name: { en: 'Oat milk brand' },
      min: 1,
      options: [
        { id: 'house', name: { en: 'House' }, default: true },
        { id: 'barista', name: { en: 'Barista edition' }, price: 30 },
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
      variants: [{ id: 'medium', name: { en: 'Medium' }, price: 475, barcodes: ['4006381333931'] }],
      modifierGroupIds: ['milk'],
      allergens: ['milk'],
    },
    { id: 'bagel', categoryId: 'food', sku: 'B', name: { en: 'Bagel' }, price: 275, calories: 250 },
    {
      id: 'egg-muffin',
      categoryId: 'food',
      sku: 'E',
      name: { en: 'Egg muffin' },
      price: 450,
      dayparts: ['breakfast'],
      barcodes: ['036000291452'],
    },
    { id: 'app-cookie', categoryId: 'food', sku: 'K', name: { en: 'App cookie' }, price: 100, channels: ['app'] },
    {
      id: 'morning-combo',
      categoryId: 'combos',
      sku: 'MC',
      name: { en: 'Morning combo' },
      price: 899,
      combo: {
        slots: [
          { id: 'drink', name: { en: 'Drink' }, choices: [{ itemId: 'latte', variantId: 'medium', upcharge: 50 }] },
          { id: 'food', name: { en: 'Food' }, choices: [{ itemId: 'bagel' }, { itemId: 'egg-muffin', upcharge: 100 }] },
        ],
      },
    },
  ],
  storePrices: [
    { kind: 'item', storeId: 'airport', itemId: 'bagel', price: 395 },
    { kind: 'option', storeId: 'airport', groupId: 'milk', optionId: 'oat', price: 90 },
  ],
};
const engine = createPricingEngine(comboCatalog, noTax);
const priceAt = (c: PricingCartInput, at = NOON, storeId = 's', channel: 'kiosk' | 'app' = 'kiosk') =>
  price({ engine, cart: c, context: { storeId, at, channel } });

describe('combos and nested modifiers', () => {
  const combo: PricingCartInput = {
    lines: [
      {
        itemId: 'morning-combo',
        quantity: 2,
        slots: [
          {
            slotId: 'drink',
            itemId: 'latte',
            variantId: 'medium',
            modifiers: [
              { groupId: 'milk', optionId: 'oat', modifiers: [{ groupId: 'oat-brand', optionId: 'barista' }] },
            ],
          },
          { slotId: 'food', itemId: 'bagel' },
        ],
      },
    ],
  };

  it('prices milk inside a latte inside a combo', () => {
    // Combo 899 + drink slot 50 + oat 70 + barista oat 30 + bagel slot 0 = 1049; × 2 = 2098.
    const r = priceAt(combo);
    const line = r.lines[0];
    expect(line).toMatchObject({ unitPrice: 1049, lineTotal: 2098, station: 'kitchen' });
    expect(line?.components.map((c) => [c.slotId, c.itemId, c.station, c.upcharge])).toEqual([
      ['drink', 'latte', 'bar', 50],
      ['food', 'bagel', 'kitchen', 0],
    ]);
    expect(line?.components[0]?.modifiers[0]?.modifiers[0]).toMatchObject({ optionId: 'barista', price: 30 });
    expect(line?.allergens).toEqual(['milk', 'oats']);
  });

  it('fills required groups with their defaults, nested ones too', () => {
    // Latte medium 475, milk defaults to whole (0). Oat without a brand takes the house brand (0): 475 + 70.
    const r = priceAt({
      lines: [
        { itemId: 'latte', variantId: 'medium', quantity: 1 },
        { itemId: 'latte', variantId: 'medium', modifiers: [{ groupId: 'milk', optionId: 'oat' }], quantity: 1 },
      ],
    });
    expect(r.lines.map((l) => l.unitPrice)).toEqual([475, 545]);
    expect(r.lines[0]?.modifiers.map((m) => m.optionId)).toEqual(['whole']);
    expect(r.lines[1]?.modifiers[0]?.modifiers.map((m) => m.optionId)).toEqual(['house']);
  });

  it('refuses a combo missing a slot and names it', () => {
    const c = { lines: [{ itemId: 'morning-combo', quantity: 1, slots: [{ slotId: 'food', itemId: 'bagel' }] }] };
    expect(refusal(() => priceAt(c))).toBe('validation: invalid cart: "Morning combo" needs a choice for "Drink"');
  });
});

describe('availability and store prices', () => {
  it('sells breakfast items only during breakfast, also inside a combo', () => {
    const muffin = { lines: [{ itemId: 'egg-muffin', quantity: 1 }] };
    expect(priceAt(muffin, '2025-06-04T14:00:00Z').totals.subtotal).toBe(450); // Wed 09:00 CDT
    expect(refusal(() => priceAt(muffin))).toBe('validation: invalid cart: "Egg muffin" is sold only during Breakfast');
  });

  it('sells channel-only items only on their channel', () => {
    const cookie = { lines: [{ itemId: 'app-cookie', quantity: 1 }] };
    expect(refusal(() => priceAt(cookie))).toContain('"App cookie" is not sold on kiosk');
    expect(priceAt(cookie, NOON, 's', 'app').totals.subtotal).toBe(100);
  });

  it('uses the store price where one is set', () => {
    const c = {
      lines: [
        { itemId: 'bagel', quantity: 1 },
        { itemId: 'latte', variantId: 'medium', modifiers: [{ groupId: 'milk', optionId: 'oat' }], quantity: 1 },
      ],
    };
    // Airport: bagel 395 (not 275), oat 90 (not 70) → 395 + 475 + 90 = 960.
    expect(priceAt(c, NOON, 'airport').totals.subtotal).toBe(960);
    expect(priceAt(c, NOON, 's').totals.subtotal).toBe(275 + 475 + 70);
  });

  it('finds items and sizes by EAN-13 or UPC-A', () => {
    expect(lookupBarcode(engine, '4006381333931')).toEqual({ itemId: 'latte', variantId: 'medium' });
    expect(lookupBarcode(engine, '036000291452')).toEqual({ itemId: 'egg-muffin' });
    expect(lookupBarcode(engine, '0036000291452')).toEqual({ itemId: 'egg-muffin' });
    expect(lookupBarcode(engine, '036000291453')).toBeUndefined();
  });
});

describe('catalog validation', () => {
  it('refuses a bad barcode, naming the item', () => {
    const bad = { ...comboCatalog, items: [{ ...comboCatalog.items[1], barcodes: ['036000291453'] }] };
    expect(refusal(() => parseCommerceCatalog(bad))).toBe(
      'validation: invalid catalog: item "bagel": barcode "036000291453" has check digit 3, expected 2 for upc-a',
    );
  });

  it('refuses nested groups that loop', () => {
    const groups = comboCatalog.modifierGroups ?? [];
    const loop = {
      ...comboCatalog,
      modifierGroups: groups.map((g) =>
        g.id === 'oat-brand' ? { ...g, options: g.options.map((o) => ({ ...o, modifierGroupIds: ['milk'] })) } : g,
      ),
    };
    expect(refusal(() => parseCommerceCatalog(loop))).toContain(
      'modifier groups nest in a loop: milk → oat-brand → milk',
    );
  });

  it('refuses a combo slot naming a missing item', () => {
    const items = comboCatalog.items.map((i) =>
      i.id === 'morning-combo'
        ? { ...i, combo: { slots: [{ id: 'x', name: { en: 'X' }, choices: [{ itemId: 'ghost' }] }] } }
        : i,
    );
    expect(refusal(() => parseCommerceCatalog({ ...comboCatalog, items }))).toContain(
      'item "morning-combo" slot "x" names missing item "ghost"',
    );
  });
});
