/**
 * The demo store's pricing rules: New York City sales tax (state 4% + city 4.5% + MCTD
 * 0.375% = 8.875%, added to prices, rounded per line half-up), a weekday happy hour on blended
 * drinks, a cookie deal, loyalty points, and the kiosk's suggestions (a croissant with a coffee,
 * a larger drink, a combo holding the pastry or sandwich just added). Seeded as rules version 1 on
 * a new database.
 */
import type { PricingRulesInput } from '@tillbox/core';

const TAXED = [{ classes: ['prepared-food', 'beverage', 'alcohol', 'general'] as const }];

export const demoRules: PricingRulesInput = {
  stores: [{ id: 'demo-store', name: 'Tillbox Demo Coffee', timeZone: 'America/New_York', taxJurisdictionId: 'nyc' }],
  promotions: [
    {
      id: 'happy-hour',
      name: { en: 'Happy hour', es: 'Hora feliz', ko: '해피 아워' },
      priority: 10,
      windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:00', end: '17:00' }],
      effect: { kind: 'percent-off', percentPpm: 200_000, appliesTo: { categoryIds: ['blended'] } },
    },
    {
      id: 'cookie-deal',
      name: { en: 'Cookies: 3 for $6', es: 'Galletas: 3 por $6', ko: '쿠키 3개 $6' },
      // The name already says the deal: explanations read "Cookies: 3 for $6, −$1.50", said once.
      label: { en: '3 for $6', es: '3 por $6', ko: '3개 $6' },
      priority: 5,
      effect: { kind: 'multi-buy', appliesTo: { itemIds: ['chocolate-cookie'] }, quantity: 3, price: 600 },
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
            appliesTo: TAXED.map((a) => ({ classes: [...a.classes] })),
          },
          {
            id: 'nyc',
            name: { en: 'NYC' },
            ratePpm: 45_000,
            appliesTo: TAXED.map((a) => ({ classes: [...a.classes] })),
          },
          {
            id: 'mctd',
            name: { en: 'MCTD' },
            ratePpm: 3_750,
            appliesTo: TAXED.map((a) => ({ classes: [...a.classes] })),
          },
        ],
      },
    ],
  },
  // What the kiosk suggests after an item is added: one at a time, at most two per order.
  upsells: [
    {
      id: 'pastry-with-coffee',
      priority: 20,
      after: { categoryIds: ['espresso'] },
      unlessCartHas: { categoryIds: ['bakery'] },
      offer: { kind: 'item', itemId: 'croissant' },
    },
    {
      id: 'drink-size-up',
      priority: 10,
      after: { categoryIds: ['espresso', 'cold', 'tea', 'blended'] },
      offer: { kind: 'size-up' },
    },
    {
      id: 'pastry-combo',
      priority: 15,
      after: { itemIds: ['croissant', 'blueberry-muffin', 'pain-au-chocolat', 'cinnamon-roll'] },
      unlessCartHas: { categoryIds: ['espresso', 'cold', 'combos'] },
      offer: { kind: 'combo', itemId: 'coffee-pastry' },
    },
    {
      // Sold only at breakfast, so suggested only then.
      id: 'breakfast-combo',
      priority: 15,
      after: { itemIds: ['egg-sandwich', 'ham-cheese'] },
      unlessCartHas: { categoryIds: ['combos'] },
      offer: { kind: 'combo', itemId: 'breakfast-combo' },
    },
  ],
  loyalty: {
    earn: { points: 1, perAmount: 100 },
    multipliers: [],
    tiers: [{ id: 'gold', name: { en: 'Gold' }, factorPpm: 1_500_000 }],
    rewards: [
      {
        id: 'free-drink',
        name: { en: 'Free drink' },
        points: 150,
        kind: 'item',
        appliesTo: { categoryIds: ['espresso', 'cold', 'tea'] },
      },
    ],
  },
};
