/**
 * What the screen shows is what the edge charges, always. Random carts (1–40 lines, repeated
 * items, combos, every promotion kind, any hour of the week) are built and priced through the
 * screen's path — the web's sale library with the catalog and rules as the API serves them,
 * previewed by the core's engine — and placed through the edge's (the order service on a real
 * SQLite file, and once over HTTP as a paired kiosk); totals, taxes, discounts and every line's
 * amounts must be equal to the cent, line by line id.
 */
import {
  createPricingEngine,
  placeOrderBodySchema,
  uuidv7,
  type CommerceItem,
  type LocalMoment,
  type OrderView,
  type PriceResult,
  type PricingEngine,
  type PricingRulesInput,
} from '@tillbox/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../catalog/demo-catalog.js';
import { demoRules } from '../catalog/demo-rules.js';
import { guestAtKiosk } from '../testing/contexts.js';
import { testDevice } from '../testing/test-actors.js';
import { servicesOnTempDb, startTestEdge, type TestEdge } from '../testing/test-edge.js';
// The screens' sale library, as the kiosk (and the counter) use it. Imported only by tests: the
// edge's build never includes web code.
import { addToCart, EMPTY_CART, type CartState } from '../../../../web/src/lib/sale/cart.js';
import { placeOrderInput } from '../../../../web/src/lib/sale/checkout.js';
import { browse, groupsOf, momentAt, openMenu, slotOptions, type Menu } from '../../../../web/src/lib/sale/menu.js';
import { priceCart } from '../../../../web/src/lib/sale/preview.js';
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
const everyPromotionKind: PricingRulesInput = {
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
interface LineSeed {
  item: number;
  choices: number[];
  quantity: number;
  note: number;
}

/** Notes keep equal things on lines of their own (the cart merges equal lines), so deals split cents between equal lines. */
const NOTES = [undefined, 'extra hot', 'no lid', 'to share', 'for Ana', 'for Ben', 'cut in half', 'in a bag'];

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
function buildCart(menu: Menu, at: number, seeds: readonly LineSeed[]): CartState {
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

const seed = { catalog: demoCatalog, rules: everyPromotionKind };
/** Monday 2026-11-23 00:00 in New York. */
const WEEK_START = Date.parse('2026-11-23T05:00:00Z');
const MINUTE = 60_000;

/** The screen's menu from documents as the API serves them (JSON), like the kiosk loads it. */
function screenMenu(catalog: unknown, rules: unknown, storeId: string): Menu {
  const engine: PricingEngine = createPricingEngine(
    JSON.parse(JSON.stringify(catalog)),
    JSON.parse(JSON.stringify(rules)),
  );
  return openMenu(engine, storeId, 'kiosk');
}

/** What a guest and the edge must agree on: money only, line by line id. */
function shownMoney(p: PriceResult) {
  return {
    totals: { subtotal: p.totals.subtotal, discount: p.totals.discount, tax: p.totals.tax, total: p.totals.total },
    discounts: p.applied.map((a) => ({ promotionId: a.promotionId, amount: a.amount, explanation: a.explanation })),
    taxes: p.taxes.map((t) => ({ name: t.name.en, amount: t.amount })),
    lines: p.lines.map((l) => ({
      lineId: l.lineId,
      unitPrice: l.unitPrice,
      lineTotal: l.lineTotal,
      discount: l.discount,
      tax: l.tax,
      total: l.total,
    })),
  };
}

function chargedMoney(o: OrderView): ReturnType<typeof shownMoney> {
  return {
    totals: { subtotal: o.totals.subtotal, discount: o.totals.discount, tax: o.totals.tax, total: o.totals.total },
    discounts: (o.pricing?.discounts ?? []).map((d) => ({
      promotionId: d.promotionId,
      amount: d.amount,
      explanation: d.explanation,
    })),
    taxes: (o.pricing?.taxes ?? []).map((t) => ({ name: t.name, amount: t.amount })),
    lines: o.lines.map((l) => ({
      lineId: l.lineId,
      unitPrice: l.unitPrice,
      lineTotal: l.lineTotal,
      discount: l.discount,
      tax: l.tax,
      total: l.total ?? l.lineTotal,
    })),
  };
}

const lineSeed: fc.Arbitrary<LineSeed> = fc.record({
  item: fc.nat({ max: 200 }),
  choices: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 }),
  quantity: fc.integer({ min: 1, max: 4 }),
  note: fc.nat({ max: NOTES.length - 1 }),
});

describe('the screen and the edge price every cart the same, to the cent', () => {
  const s = servicesOnTempDb({ seed });
  afterAll(() => s.close());
  const kiosk = guestAtKiosk();
  const menu = screenMenu(s.caps.catalog.catalog, s.caps.catalog.rules, 'demo-store');
  const seen = { lines10: 0, discounted: 0, combos: 0, kinds: new Set<string>() };

  it('random carts at any hour of the week: totals, taxes, discounts and every line', () => {
    fc.assert(
      fc.property(
        fc.array(lineSeed, { minLength: 1, maxLength: 40, size: 'max' }),
        fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
        (seeds, minuteOfWeek) => {
          const at = WEEK_START + minuteOfWeek * MINUTE;
          const cart: CartState = buildCart(menu, at, seeds);
          const shown = priceCart(menu, cart, { orderType: 'takeout', at });
          s.clock.now = at;
          const body = placeOrderInput(uuidv7(), 'kiosk', { orderType: 'takeout', cart });
          const wire = JSON.parse(JSON.stringify(body)) as unknown;
          const { order } = s.caps.orders.place(kiosk, placeOrderBodySchema.parse(wire));
          expect(chargedMoney(order)).toEqual(shownMoney(shown));
          expect(order.lines.map((l) => l.lineId)).toEqual(cart.lines.map((l) => l.lineId));
          if (cart.lines.length >= 10) seen.lines10 += 1;
          if (shown.totals.discount > 0) seen.discounted += 1;
          if (cart.lines.some((l) => l.slots.length > 0)) seen.combos += 1;
          for (const a of shown.applied) seen.kinds.add(a.promotionId);
        },
      ),
      { numRuns: 150 },
    );
    // The carts were the ones that matter: long ones, discounted ones, combos, every promotion.
    expect(seen.lines10).toBeGreaterThan(50);
    expect(seen.discounted).toBeGreaterThan(50);
    expect(seen.combos).toBeGreaterThan(20);
    expect([...seen.kinds].sort()).toEqual(everyPromotionKind.promotions?.map((p) => p.id).sort() ?? []);
  });
});

describe('the kiosk over HTTP', () => {
  let t: TestEdge;
  beforeAll(async () => {
    t = await startTestEdge({ seed });
  });
  afterAll(() => t.stop());

  it('is charged what it showed for a cart of 24 lines with equal lines that split a deal’s cents', async () => {
    const kiosk = await testDevice(t.edge, 'kiosk');
    const catalog = (await kiosk.get('/api/v1/catalog')).json() as unknown;
    const rules = (await kiosk.get('/api/v1/pricing/rules')).json() as unknown;
    const health = (await kiosk.get('/api/v1/health')).json() as { storeId: string };
    const menu = screenMenu(catalog, rules, health.storeId);
    // Cookies, chai lattes and croissants, each with its own note: 24 lines, 8 of them cookies (3 for $6
    // splits its cents over equal lines). Deal items in menu order: latte, chai latte, caramel frappé,
    // croissant, pain au chocolat, cookie, egg sandwich; `item` 2k picks the k-th.
    const seeds: LineSeed[] = Array.from({ length: 24 }, (_, k) => ({
      item: [10, 2, 6][k % 3] ?? 0,
      choices: [k],
      quantity: 1 + (k % 2),
      note: k % NOTES.length,
    }));
    const cart = buildCart(menu, Date.now(), seeds);
    expect(cart.lines.map((l) => l.itemId).filter((id) => id === 'chocolate-cookie')).toHaveLength(8);
    expect(cart.lines).toHaveLength(24);
    const res = await kiosk.post('/api/v1/orders', placeOrderInput(uuidv7(), 'kiosk', { orderType: 'takeout', cart }));
    expect(res.statusCode).toBe(201);
    const order = res.json() as OrderView;
    // Priced on the screen at the moment the edge priced it (a happy hour may begin between two taps).
    const shown = priceCart(menu, cart, { orderType: 'takeout', at: Date.parse(order.placedAt) });
    expect(chargedMoney(order)).toEqual(shownMoney(shown));
    const paid = await kiosk.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' });
    expect(paid.json()).toMatchObject({ payment: 'paid', totals: { total: shown.totals.total } });
  });
});
