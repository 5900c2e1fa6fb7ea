import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCart } from './cart-pricing.js';
import { catalogSchema, indexCatalog, stationOf, type CatalogIndex } from './catalog.js';
import { TillboxError, type ErrorDetail } from './errors.js';
import { cartLineSchema, type CartLine, type CartLineInput } from './wire/api.js';

const option = (id: string, en: string, price: number): { id: string; name: { en: string }; price: number } => ({
  id,
  name: { en },
  price,
});

/** Latte (small 425 / medium 475, milk 1 of 1, syrup 0–2), croissant 345, a sold-out cold brew. */
const index: CatalogIndex = indexCatalog(
  catalogSchema.parse({
    version: 1,
    currency: 'USD',
    categories: [
      { id: 'coffee', name: { en: 'Coffee' }, station: 'bar' },
      { id: 'bakery', name: { en: 'Bakery' } },
    ],
    items: [
      {
        id: 'latte',
        categoryId: 'coffee',
        sku: 'LAT',
        name: { en: 'Latte', es: 'Café con leche' },
        price: 425,
        variants: [
          { id: 'small', name: { en: 'Small' }, price: 425 },
          { id: 'medium', name: { en: 'Medium', es: 'Mediano' }, price: 475 },
        ],
        modifierGroupIds: ['milk', 'syrup'],
        allergens: ['milk'],
      },
      {
        id: 'croissant',
        categoryId: 'bakery',
        sku: 'CRO',
        name: { en: 'Croissant' },
        price: 345,
        allergens: ['gluten'],
      },
      {
        id: 'warm-croissant',
        categoryId: 'bakery',
        sku: 'WCR',
        name: { en: 'Warm croissant' },
        price: 395,
        station: 'oven',
        modifierGroupIds: ['warming'],
      },
      { id: 'cold-brew', categoryId: 'coffee', sku: 'CB', name: { en: 'Cold brew' }, price: 500, available: false },
    ],
    modifierGroups: [
      {
        id: 'milk',
        name: { en: 'Milk' },
        min: 1,
        max: 1,
        options: [option('whole', 'Whole milk', 0), option('oat', 'Oat milk', 70)],
      },
      {
        id: 'syrup',
        name: { en: 'Syrup' },
        min: 0,
        max: 2,
        options: [
          option('vanilla', 'Vanilla', 60),
          option('caramel', 'Caramel', 60),
          option('hazelnut', 'Hazelnut', 60),
        ],
      },
      { id: 'warming', name: { en: 'Warming' }, options: [option('warm', 'Warmed', 0)] },
    ],
  }),
);

/** Cart lines go through the wire schema first, as the edge does. */
const lines = (...input: CartLineInput[]): CartLine[] => input.map((l) => cartLineSchema.parse(l));
const mod = (groupId: string, optionId: string): { groupId: string; optionId: string } => ({ groupId, optionId });

/** The details of the validation error priceCart refuses `input` with. */
function problems(...input: CartLineInput[]): ErrorDetail[] {
  try {
    priceCart(index, lines(...input));
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    expect((e as TillboxError).code).toBe('validation');
    return [...(e as TillboxError).details];
  }
  throw new Error('expected priceCart to refuse the cart');
}

const mediumOatVanilla = {
  itemId: 'latte',
  variantId: 'medium',
  modifiers: [mod('milk', 'oat'), mod('syrup', 'vanilla')],
  quantity: 2,
};

describe('priceCart', () => {
  it('prices a medium oat latte with vanilla, times two', () => {
    const { lines: priced, totals } = priceCart(index, lines(mediumOatVanilla));
    // unit = 475 (medium) + 70 (oat) + 60 (vanilla) = 605; line = 605 × 2 = 1210
    expect(priced[0]).toMatchObject({ unitPrice: 605, lineTotal: 1210, quantity: 2 });
    expect(totals).toEqual({ currency: 'USD', subtotal: 1210, discount: 0, tax: 0, total: 1210 });
  });

  it('prices an item without variants at its own price', () => {
    // 345 × 3 = 1035
    const { lines: priced } = priceCart(index, lines({ itemId: 'croissant', quantity: 3 }));
    expect(priced[0]).toMatchObject({ unitPrice: 345, lineTotal: 1035 });
    expect(priced[0]?.variantId).toBeUndefined();
  });

  it('adds the lines of a whole cart into the subtotal', () => {
    const { lines: priced, totals } = priceCart(
      index,
      lines(
        mediumOatVanilla, // (475 + 70 + 60) × 2 = 1210
        { itemId: 'croissant', quantity: 3 }, // 345 × 3 = 1035
        {
          itemId: 'latte',
          variantId: 'small',
          modifiers: [mod('milk', 'whole'), mod('syrup', 'caramel'), mod('syrup', 'hazelnut')],
          quantity: 1,
        }, // 425 + 0 + 60 + 60 = 545
      ),
    );
    expect(priced.map((l) => l.lineTotal)).toEqual([1210, 1035, 545]);
    // 1210 + 1035 + 545 = 2790
    expect(totals).toEqual({ currency: 'USD', subtotal: 2790, discount: 0, tax: 0, total: 2790 });
  });

  it('describes each line for the kitchen and the receipt', () => {
    const { lines: priced } = priceCart(index, lines({ ...mediumOatVanilla, note: 'extra hot' }));
    expect(priced[0]).toEqual({
      lineId: 'line-1',
      itemId: 'latte',
      variantId: 'medium',
      name: { en: 'Latte', es: 'Café con leche' },
      variantName: { en: 'Medium', es: 'Mediano' },
      modifiers: [
        { groupId: 'milk', optionId: 'oat', name: { en: 'Oat milk' }, price: 70 },
        { groupId: 'syrup', optionId: 'vanilla', name: { en: 'Vanilla' }, price: 60 },
      ],
      quantity: 2,
      note: 'extra hot',
      station: 'bar',
      allergens: ['milk'],
      unitPrice: 605,
      lineTotal: 1210,
      discount: 0,
      tax: 0,
    });
  });

  it('drops an empty note and numbers lines with the given id maker', () => {
    const { lines: priced } = priceCart(
      index,
      lines({ itemId: 'croissant', quantity: 1, note: '' }, { itemId: 'croissant', quantity: 1 }),
      (i) => `L${i * 10}`,
    );
    expect(priced.map((l) => l.lineId)).toEqual(['L0', 'L10']);
    expect('note' in (priced[0] ?? {})).toBe(false);
  });

  it('sends each line to its station: the item station overrides the category station', () => {
    const { lines: priced } = priceCart(
      index,
      lines(
        { itemId: 'croissant', quantity: 1 },
        { itemId: 'warm-croissant', quantity: 1 },
        { itemId: 'latte', variantId: 'small', modifiers: [mod('milk', 'whole')], quantity: 1 },
      ),
    );
    expect(priced.map((l) => l.station)).toEqual(['kitchen', 'oven', 'bar']);
    expect(stationOf(index, index.items.get('warm-croissant')!)).toBe('oven');
  });

  it('prices an empty cart at zero', () => {
    expect(priceCart(index, []).totals).toEqual({ currency: 'USD', subtotal: 0, discount: 0, tax: 0, total: 0 });
  });

  it('property: a line costs (variant + upcharges) × quantity and the subtotal is their sum', () => {
    const sizes = { small: 425, medium: 475 } as const;
    const milks = { whole: 0, oat: 70 } as const;
    const latte = fc.record({
      size: fc.constantFrom('small' as const, 'medium' as const),
      milk: fc.constantFrom('whole' as const, 'oat' as const),
      syrups: fc.subarray(['vanilla', 'caramel', 'hazelnut'], { maxLength: 2 }),
      quantity: fc.integer({ min: 1, max: 99 }),
    });
    fc.assert(
      fc.property(fc.array(latte, { minLength: 1, maxLength: 10 }), (cart) => {
        const { lines: priced, totals } = priceCart(
          index,
          lines(
            ...cart.map((l) => ({
              itemId: 'latte',
              variantId: l.size,
              modifiers: [mod('milk', l.milk), ...l.syrups.map((s) => mod('syrup', s))],
              quantity: l.quantity,
            })),
          ),
        );
        const expected = cart.map((l) => (sizes[l.size] + milks[l.milk] + 60 * l.syrups.length) * l.quantity);
        expect(priced.map((l) => l.lineTotal)).toEqual(expected);
        expect(totals.subtotal).toBe(expected.reduce((s, x) => s + x, 0));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('priceCart refuses a cart it cannot price', () => {
  it('an unknown item', () => {
    expect(problems({ itemId: 'mocha', quantity: 1 })).toEqual([
      { path: 'lines.0.itemId', message: 'unknown item "mocha"' },
    ]);
  });

  it('a sold-out item', () => {
    expect(problems({ itemId: 'cold-brew', quantity: 1 })).toEqual([
      { path: 'lines.0.itemId', message: '"Cold brew" is sold out' },
    ]);
  });

  it('a missing size, listing the sizes', () => {
    expect(problems({ itemId: 'latte', modifiers: [mod('milk', 'oat')], quantity: 1 })).toEqual([
      { path: 'lines.0.variantId', message: '"Latte" needs a size: small, medium' },
    ]);
  });

  it('an unknown size', () => {
    expect(problems({ itemId: 'latte', variantId: 'venti', modifiers: [mod('milk', 'oat')], quantity: 1 })).toEqual([
      { path: 'lines.0.variantId', message: '"Latte" has no variant "venti" (small, medium)' },
    ]);
  });

  it('a size for an item that has none', () => {
    expect(problems({ itemId: 'croissant', variantId: 'medium', quantity: 1 })).toEqual([
      { path: 'lines.0.variantId', message: '"Croissant" has no variants' },
    ]);
  });

  it('an option from a group the item does not have', () => {
    expect(
      problems({
        itemId: 'latte',
        variantId: 'small',
        modifiers: [mod('milk', 'oat'), mod('warming', 'warm')],
        quantity: 1,
      }),
    ).toEqual([{ path: 'lines.0.modifiers.1', message: '"Latte" has no option group "warming"' }]);
    expect(problems({ itemId: 'croissant', modifiers: [mod('milk', 'oat')], quantity: 1 })).toEqual([
      { path: 'lines.0.modifiers.0', message: '"Croissant" has no option group "milk"' },
    ]);
  });

  it('an unknown option, which also leaves the required milk unchosen', () => {
    expect(problems({ itemId: 'latte', variantId: 'small', modifiers: [mod('milk', 'soy')], quantity: 1 })).toEqual([
      { path: 'lines.0.modifiers.0', message: '"Milk" has no option "soy"' },
      { path: 'lines.0.modifiers', message: '"Latte" needs at least 1 choice(s) of "Milk"' },
    ]);
  });

  it('the same option twice', () => {
    const modifiers = [mod('milk', 'oat'), mod('syrup', 'vanilla'), mod('syrup', 'vanilla')];
    expect(problems({ itemId: 'latte', variantId: 'small', modifiers, quantity: 1 })).toEqual([
      { path: 'lines.0.modifiers.2', message: '"Vanilla" is chosen twice' },
    ]);
  });

  it('too few choices (no milk)', () => {
    expect(
      problems({ itemId: 'latte', variantId: 'small', modifiers: [mod('syrup', 'vanilla')], quantity: 1 }),
    ).toEqual([{ path: 'lines.0.modifiers', message: '"Latte" needs at least 1 choice(s) of "Milk"' }]);
  });

  it('too many choices (two milks, three syrups)', () => {
    const modifiers = [
      mod('milk', 'oat'),
      mod('milk', 'whole'),
      mod('syrup', 'vanilla'),
      mod('syrup', 'caramel'),
      mod('syrup', 'hazelnut'),
    ];
    expect(problems({ itemId: 'latte', variantId: 'small', modifiers, quantity: 1 })).toEqual([
      { path: 'lines.0.modifiers', message: '"Latte" allows at most 1 choice(s) of "Milk"' },
      { path: 'lines.0.modifiers', message: '"Latte" allows at most 2 choice(s) of "Syrup"' },
    ]);
  });

  it('several bad lines, reporting every problem in one error and pricing nothing', () => {
    let error: unknown;
    try {
      priceCart(
        index,
        lines(
          mediumOatVanilla,
          { itemId: 'mocha', quantity: 1 },
          { itemId: 'latte', variantId: 'small', quantity: 1 },
          { itemId: 'cold-brew', quantity: 2 },
        ),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TillboxError);
    const e = error as TillboxError;
    expect(e.code).toBe('validation');
    expect(e.details.map((d) => d.path)).toEqual(['lines.1.itemId', 'lines.2.modifiers', 'lines.3.itemId']);
    expect(e.message).toBe(
      'unknown item "mocha"; "Latte" needs at least 1 choice(s) of "Milk"; "Cold brew" is sold out',
    );
  });
});
