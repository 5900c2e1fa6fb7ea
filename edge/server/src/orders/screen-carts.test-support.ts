/**
 * For the screen ↔ edge parity test: the demo store's rules with every promotion kind added, and
 * random carts built the way a selling screen builds them — through the web's sale library
 * (web/src/lib/sale: menu, selection, cart), from a stream of random numbers.
 */
import type { CommerceItem, LocalMoment, PricingRulesInput } from '@tillbox/core';
import { demoRules } from '../catalog/demo-rules.js';
import { addToCart, EMPTY_CART, type CartState } from '../../../../web/src/lib/sale/cart.js';
import { browse, groupsOf, momentAt, slotOptions, type Menu } from '../../../../web/src/lib/sale/menu.js';
import {
  chooseOne,
  fillSlot,
  initialSelection,
  isComplete,
  toCartLine,
  toggleOption,
  withModifiers,
  withNested,
  withQuantity,
  withSize,
  withSlotModifiers,
  type Picks,
  type Selection,
} from '../../../../web/src/lib/sale/selection.js';

/**
 * The demo rules (NYC tax in three rates; happy hour: 20% off blended drinks on weekday
 * afternoons; cookies 3 for $6) and one promotion of each other kind: $5 off orders over $30
 * before discounts, 25¢ off each tea, buy 2 bakery items get a third half off, and a sandwich
 * with a medium latte for $9.
 */
export const everyPromotionKind: PricingRulesInput = {
  ...demoRules,
  promotions: [
    ...(demoRules.promotions ?? []),
    {
      id: 'five-off-thirty',
      name: { en: 'Big order saving' },
      conditions: { spend: { amount: 3000, comparison: 'more-than', measuredOn: 'subtotal-before-discounts' } },
      effect: { kind: 'amount-off', amount: 500, appliesTo: { all: true } },
    },
    {
      id: 'tea-quarter-off',
      name: { en: 'Tea time' },
      priority: 3,
      effect: { kind: 'amount-off', amount: 25, per: 'unit', appliesTo: { categoryIds: ['tea'] } },
    },
    {
      id: 'pastry-third-half-off',
      name: { en: 'Third pastry half off' },
      priority: 4,
      effect: {
        kind: 'buy-x-get-y',
        buy: { appliesTo: { categoryIds: ['bakery'] }, quantity: 2 },
        get: { appliesTo: { categoryIds: ['bakery'] }, quantity: 1, percentPpm: 500_000 },
      },
    },
    {
      id: 'sandwich-and-latte',
      name: { en: 'Sandwich and latte for $9' },
      priority: 6,
      effect: {
        kind: 'bundle-price',
        components: [
          { appliesTo: { itemIds: ['egg-sandwich', 'ham-cheese'] }, quantity: 1 },
          { appliesTo: { itemIds: ['latte'] }, quantity: 1 },
        ],
        price: 900,
      },
    },
  ],
};

/** One line as random numbers: which item, the choices, how many, and a note (same item, separate lines). */
export interface LineSeed {
  item: number;
  choices: number[];
  quantity: number;
  note: number;
}

/** Notes keep equal things on lines of their own (the cart merges equal lines), so deals split cents between equal lines. */
export const NOTES = [undefined, 'extra hot', 'no lid', 'to share', 'for Ana', 'for Ben', 'cut in half', 'in a bag'];

/** Items the promotions act on, and the combos: every other line is one of them, so deals, their ties and combos come up often. */
const DEAL_ITEMS = [
  'chocolate-cookie',
  'croissant',
  'pain-au-chocolat',
  'latte',
  'egg-sandwich',
  'caramel-frappe',
  'chai-latte',
  'coffee-pastry',
  'breakfast-combo',
];

/** Random choices in the groups `groupIds`, nested ones too, between each group's min and max. */
function randomPicks(menu: Menu, groupIds: readonly string[], next: () => number): Picks {
  let picks: Picks = {};
  for (const group of groupsOf(menu, groupIds)) {
    const count = group.min + (next() % (Math.min(group.max, group.options.length) - group.min + 1));
    if (group.max === 1) {
      const option = count === 0 ? undefined : group.options[next() % group.options.length];
      picks = chooseOne(menu, picks, group, option?.id);
    } else {
      picks = { ...picks, [group.id]: [] };
      for (let k = 0; k < count; k++) {
        const option = group.options[next() % group.options.length];
        if (option) picks = toggleOption(menu, picks, group, option.id, true);
      }
    }
    for (const pick of picks[group.id] ?? []) {
      const option = group.options.find((o) => o.id === pick.optionId);
      if (option && option.modifierGroupIds.length > 0)
        picks = withNested(picks, group.id, pick.optionId, randomPicks(menu, option.modifierGroupIds, next));
    }
  }
  return picks;
}

/** A random complete selection of `item`, as a guest would make it in the options dialog. */
function randomSelection(menu: Menu, item: CommerceItem, moment: LocalMoment, next: () => number): Selection {
  let sel = initialSelection(menu, item);
  const size = item.variants[next() % Math.max(1, item.variants.length)];
  if (size) sel = withSize(sel, size.id);
  sel = withModifiers(sel, randomPicks(menu, item.modifierGroupIds, next));
  for (const slot of item.combo?.slots ?? []) {
    const options = slotOptions(menu, slot, moment).filter((o) => !o.soldOut);
    if (slot.optional && next() % 2 === 0) continue;
    const option = options[next() % options.length];
    const fill = option?.sizes[next() % option.sizes.length];
    if (!option || !fill) continue;
    sel = fillSlot(menu, sel, slot.id, { itemId: option.item.id, variantId: fill.variantId });
    sel = withSlotModifiers(sel, slot.id, randomPicks(menu, option.item.modifierGroupIds, next));
  }
  return sel;
}

/** The cart a screen builds from these seeds at `at`: items it offers then, chosen and added one by one. */
export function buildCart(menu: Menu, at: number, seeds: readonly LineSeed[]): CartState {
  const moment = momentAt(menu, at);
  const offered = browse(menu, at)
    .flatMap((s) => s.entries)
    .filter((e) => !e.soldOut)
    .map((e) => e.item);
  const deals = offered.filter((i) => DEAL_ITEMS.includes(i.id));
  let cart = EMPTY_CART;
  for (const seed of seeds) {
    const pool = seed.item % 2 === 0 && deals.length > 0 ? deals : offered;
    const item = pool[Math.floor(seed.item / 2) % pool.length];
    if (!item) continue;
    let k = 0;
    const next = (): number => seed.choices[k++ % seed.choices.length] ?? 0;
    const sel = withQuantity(randomSelection(menu, item, moment, next), seed.quantity);
    if (!isComplete(menu, item, sel, moment)) throw new Error(`the test made an incomplete ${item.id}`);
    const line = toCartLine(menu, item, sel);
    const note = NOTES[seed.note % NOTES.length];
    cart = addToCart(cart, note === undefined ? line : { ...line, note });
  }
  return cart;
}
