/**
 * Two complete sample stores, the worked examples of docs/pricing.md: a New York coffee shop
 * (sales tax added on top, three stacked rates) and a Berlin café (VAT included in prices,
 * different for dine-in and takeout). docs/examples/*.json are these objects as JSON; a test
 * keeps them equal and checks the numbers the docs state.
 */
import type { CommerceCatalogInput } from './catalog-schema.js';
import type { PricingCartInput, PricingContextInput } from './cart-schema.js';
import type { PricingRulesInput } from './rules-schema.js';

export interface PricingExample {
  catalog: CommerceCatalogInput;
  rules: PricingRulesInput;
  cart: PricingCartInput;
  context: PricingContextInput;
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

export const usStoreExample: PricingExample = {
  catalog: {
    version: 1,
    currency: 'USD',
    categories: [
      { id: 'coffee', name: { en: 'Coffee' }, station: 'bar', taxClass: 'beverage' },
      { id: 'bakery', name: { en: 'Bakery' }, station: 'kitchen', taxClass: 'prepared-food' },
      { id: 'grocery', name: { en: 'Coffee beans' }, station: 'counter', taxClass: 'food' },
      { id: 'combos', name: { en: 'Combos' }, station: 'kitchen', taxClass: 'prepared-food' },
    ],
    modifierGroups: [
      {
        id: 'milk',
        name: { en: 'Milk' },
        min: 1,
        max: 1,
        options: [
          { id: 'whole', name: { en: 'Whole milk' }, price: 0, default: true },
          { id: 'oat', name: { en: 'Oat milk' }, price: 70, allergens: ['oats'] },
        ],
      },
    ],
    items: [
      {
        id: 'latte',
        categoryId: 'coffee',
        sku: 'COF-LAT',
        name: { en: 'Caffè Latte', es: 'Café con leche' },
        price: 0,
        variants: [
          { id: 'medium', name: { en: 'Medium' }, price: 475 },
          { id: 'large', name: { en: 'Large' }, price: 525 },
        ],
        modifierGroupIds: ['milk'],
        allergens: ['milk'],
        tags: ['drink'],
      },
      {
        id: 'cold-brew',
        categoryId: 'coffee',
        sku: 'COF-CB',
        name: { en: 'Cold Brew' },
        price: 450,
        tags: ['drink'],
      },
      { id: 'croissant', categoryId: 'bakery', sku: 'BAK-CRO', name: { en: 'Croissant' }, price: 350 },
      { id: 'cookie', categoryId: 'bakery', sku: 'BAK-COO', name: { en: 'Cookie' }, price: 250 },
      {
        id: 'beans',
        categoryId: 'grocery',
        sku: 'GRO-BEANS',
        name: { en: 'House blend beans, 12 oz' },
        price: 1599,
        barcodes: ['036000291452'],
      },
      {
        id: 'breakfast-combo',
        categoryId: 'combos',
        sku: 'CMB-BRK',
        name: { en: 'Breakfast combo' },
        price: 899,
        combo: {
          slots: [
            {
              id: 'drink',
              name: { en: 'Drink' },
              choices: [
                { itemId: 'latte', variantId: 'medium' },
                { itemId: 'cold-brew', upcharge: 50 },
              ],
            },
            { id: 'pastry', name: { en: 'Pastry' }, choices: [{ itemId: 'croissant' }, { itemId: 'cookie' }] },
          ],
        },
      },
    ],
  },
  rules: {
    stores: [{ id: 'brooklyn', name: 'Brooklyn', timeZone: 'America/New_York', taxJurisdictionId: 'nyc' }],
    promotions: [
      {
        id: 'happy-hour',
        name: { en: 'Happy hour' },
        priority: 10,
        windows: [{ days: [...weekdays], start: '14:00', end: '17:00' }],
        effect: { kind: 'percent-off', percentPpm: 200_000, appliesTo: { categoryIds: ['coffee'] } },
      },
      {
        id: 'cookies-3-for-6',
        name: { en: 'Cookie deal' },
        priority: 5,
        effect: { kind: 'multi-buy', appliesTo: { itemIds: ['cookie'] }, quantity: 3, price: 600 },
      },
      {
        id: 'five-off-thirty',
        name: { en: 'Big order saving' },
        conditions: { spend: { amount: 3000, comparison: 'more-than', measuredOn: 'subtotal-before-discounts' } },
        effect: { kind: 'amount-off', amount: 500, appliesTo: { all: true } },
      },
    ],
    tax: {
      jurisdictions: [
        {
          id: 'nyc',
          name: 'New York City',
          pricesIncludeTax: false,
          rounding: 'line',
          roundingMode: 'half-up',
          stackedRates: 'per-rate',
          rates: [
            {
              id: 'ny-state',
              name: { en: 'NY State' },
              ratePpm: 40_000,
              appliesTo: [{ classes: ['prepared-food', 'beverage', 'alcohol', 'general'] }],
            },
            {
              id: 'nyc',
              name: { en: 'NYC' },
              ratePpm: 45_000,
              appliesTo: [{ classes: ['prepared-food', 'beverage', 'alcohol', 'general'] }],
            },
            {
              id: 'mctd',
              name: { en: 'MCTD' },
              ratePpm: 3_750,
              appliesTo: [{ classes: ['prepared-food', 'beverage', 'alcohol', 'general'] }],
            },
          ],
        },
      ],
    },
    loyalty: {
      earn: { points: 1, perAmount: 100 },
      multipliers: [
        {
          id: 'double-beans',
          name: { en: 'Double points on beans' },
          factorPpm: 2_000_000,
          appliesTo: { categoryIds: ['grocery'] },
        },
      ],
      tiers: [{ id: 'gold', name: { en: 'Gold' }, factorPpm: 1_500_000 }],
      rewards: [
        {
          id: 'free-drink',
          name: { en: 'Free drink' },
          points: 150,
          kind: 'item',
          appliesTo: { categoryIds: ['coffee'] },
        },
      ],
    },
  },
  cart: {
    lines: [
      {
        lineId: 'latte',
        itemId: 'latte',
        variantId: 'large',
        modifiers: [{ groupId: 'milk', optionId: 'oat' }],
        quantity: 2,
      },
      { lineId: 'croissant', itemId: 'croissant', quantity: 1 },
      { lineId: 'beans', itemId: 'beans', quantity: 1 },
      { lineId: 'cookies', itemId: 'cookie', quantity: 3 },
    ],
  },
  context: {
    storeId: 'brooklyn',
    channel: 'counter',
    orderType: 'takeout',
    at: '2025-03-10T19:30:00Z',
    customer: { id: 'guest-42', loyaltyTier: 'gold' },
  },
};

export const euVatStoreExample: PricingExample = {
  catalog: {
    version: 1,
    currency: 'EUR',
    categories: [
      { id: 'kaffee', name: { en: 'Coffee', de: 'Kaffee' }, station: 'bar', taxClass: 'beverage' },
      { id: 'backwaren', name: { en: 'Pastries', de: 'Backwaren' }, taxClass: 'prepared-food' },
      { id: 'bohnen', name: { en: 'Beans', de: 'Bohnen' }, station: 'counter', taxClass: 'food' },
    ],
    items: [
      {
        id: 'cappuccino',
        categoryId: 'kaffee',
        sku: 'K-CAP',
        name: { en: 'Cappuccino' },
        price: 380,
        allergens: ['milk'],
      },
      {
        id: 'croissant',
        categoryId: 'backwaren',
        sku: 'B-CRO',
        name: { en: 'Croissant', de: 'Croissant' },
        price: 290,
      },
      {
        id: 'bohnen-250',
        categoryId: 'bohnen',
        sku: 'BO-250',
        name: { en: 'Espresso beans 250 g', de: 'Espressobohnen 250 g' },
        price: 1290,
        barcodes: ['4006381333931'],
      },
    ],
  },
  rules: {
    stores: [{ id: 'berlin-mitte', name: 'Berlin Mitte', timeZone: 'Europe/Berlin', taxJurisdictionId: 'de' }],
    promotions: [
      {
        id: 'fruehstueck',
        name: { en: 'Breakfast deal', de: 'Frühstücksangebot' },
        windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '07:00', end: '10:00' }],
        effect: {
          kind: 'bundle-price',
          components: [
            { appliesTo: { itemIds: ['cappuccino'] }, quantity: 1 },
            { appliesTo: { itemIds: ['croissant'] }, quantity: 1 },
          ],
          price: 550,
        },
      },
    ],
    tax: {
      jurisdictions: [
        {
          id: 'de',
          name: 'Germany',
          pricesIncludeTax: true,
          rounding: 'order',
          roundingMode: 'half-even',
          rates: [
            {
              id: 'vat-19',
              name: { en: 'VAT 19%', de: 'MwSt. 19%' },
              ratePpm: 190_000,
              appliesTo: [
                { classes: ['beverage', 'alcohol', 'general'] },
                { classes: ['prepared-food'], orderTypes: ['dine-in'] },
              ],
            },
            {
              id: 'vat-7',
              name: { en: 'VAT 7%', de: 'MwSt. 7%' },
              ratePpm: 70_000,
              appliesTo: [
                { classes: ['food'] },
                { classes: ['prepared-food'], orderTypes: ['takeout', 'pickup', 'delivery'] },
              ],
            },
          ],
        },
      ],
    },
  },
  cart: {
    lines: [
      { lineId: 'cappuccino', itemId: 'cappuccino', quantity: 1 },
      { lineId: 'croissants', itemId: 'croissant', quantity: 2 },
      { lineId: 'beans', itemId: 'bohnen-250', quantity: 1 },
    ],
  },
  context: {
    storeId: 'berlin-mitte',
    channel: 'counter',
    orderType: 'dine-in',
    at: '2025-03-29T08:30:00+01:00',
    language: 'de',
  },
};
