/**
 * Discounts, comps and price overrides decided on a placed order: priced again from the cart and
 * context it was placed with, approved past the limits, refused once it is paid.
 */
import { describe, expect, it } from 'vitest';
import { withApproval, type CommandContext } from '../auth/actors.js';
import { pricingCartSchema, pricingContextSchema, type PricingCartInput } from '../commerce/cart-schema.js';
import { createPricingEngine, type PricingEngine } from '../commerce/compile.js';
import { priceWithEngine } from '../commerce/price.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideOrder, type OrderCommand } from './decide.js';
import { CONFIG, draft, envFor, kiosk, staff, T0 } from './fixtures.test-support.js';
import { evolveOrder, type Order } from './order.js';
import { placementOf } from './placement.js';

const catalog = {
  version: 3,
  currency: 'USD',
  categories: [
    { id: 'drinks', name: { en: 'Drinks' }, taxClass: 'beverage' as const },
    { id: 'food', name: { en: 'Food' } },
  ],
  modifierGroups: [
    { id: 'milk', name: { en: 'Milk' }, min: 0, max: 1, options: [{ id: 'oat', name: { en: 'Oat' }, price: 60 }] },
  ],
  items: [
    { id: 'latte', categoryId: 'drinks', sku: 'L', name: { en: 'Latte' }, price: 450, modifierGroupIds: ['milk'] },
    { id: 'muffin', categoryId: 'food', sku: 'M', name: { en: 'Muffin' }, price: 325 },
  ],
};
const rules = {
  stores: [{ id: 's', timeZone: 'America/New_York', taxJurisdictionId: 'ten' }],
  tax: {
    jurisdictions: [
      {
        id: 'ten',
        name: 'Ten',
        rates: [
          { id: 'ten', name: { en: 'Tax' }, ratePpm: 100_000, appliesTo: [{ classes: ['prepared-food', 'beverage'] }] },
        ],
      },
    ],
  },
};
const engine = createPricingEngine(catalog, rules);

// Two lattes with oat milk (2 × 510 = 1020) and a muffin (325): 1345 + 10% tax 135 = 1480.
const CART: PricingCartInput = {
  lines: [
    { lineId: 'l1', itemId: 'latte', quantity: 2, modifiers: [{ groupId: 'milk', optionId: 'oat' }] },
    { lineId: 'l2', itemId: 'muffin', quantity: 1 },
  ],
};

const manager: CommandContext = withApproval(staff, { kind: 'staff', id: 'staff-mo', role: 'manager', name: 'Mo' });
const env = (cmd: CommandContext = staff, e: PricingEngine = engine) => ({ ...envFor(cmd), engine: e });

function placed(): Order {
  const cart = pricingCartSchema.parse(CART);
  const context = pricingContextSchema.parse({ storeId: 's', channel: 'counter', at: new Date(T0).toISOString() });
  const priced = priceWithEngine(engine, cart, context);
  const order = {
    ...draft(),
    ...placementOf(priced, engine, { stations: [], defaultStation: 'bar' }),
    priceInput: { cart, context },
  };
  return decideOrder(undefined, { kind: 'place', order, fire: 'on-payment' }, env()).state;
}

/** Decide, check each event against the catalogue and that replaying it gives the state. */
function run(state: Order, command: OrderCommand, cmd: CommandContext = staff) {
  const e = env(cmd);
  const d = decideOrder(state, command, e);
  let replay = state;
  for (const event of d.events) {
    validateEvent(event.type, event.data);
    replay = evolveOrder(replay, event, e.at);
  }
  expect(replay).toEqual(d.state);
  return d;
}

function refusal(state: Order, command: OrderCommand, cmd: CommandContext = staff, e = env(cmd)): TillboxError {
  try {
    decideOrder(state, command, e);
  } catch (err) {
    if (err instanceof TillboxError) return err;
    throw err;
  }
  throw new Error(`expected ${command.kind} to be refused`);
}

/** The order's own priced input, priced again, gives the order's money to the cent. */
function expectRepricesIdentically(order: Order): void {
  const input = order.priceInput;
  if (!input) throw new Error('no priced input');
  const again = priceWithEngine(engine, input.cart, input.context);
  expect(again.totals.total).toBe(order.totals.total);
  expect(again.totals.discount).toBe(order.totals.discount);
  for (const l of again.lines) expect(order.lines.find((o) => o.lineId === l.lineId)).toMatchObject({ total: l.total });
}

const discount = (adjustment: Extract<OrderCommand, { kind: 'discount' }>['adjustment']): OrderCommand => ({
  kind: 'discount',
  adjustment,
});

describe('discounts', () => {
  it("a cashier's 10% off the order: priced again, kept with the order, explained", () => {
    const before = placed();
    expect(before.totals.total).toBe(1480);
    const { state, events } = run(
      before,
      discount({ scope: 'order', kind: 'percent', value: 100_000, reason: 'regular' }),
    );
    // 10% of 1345 = 134.5 → 135, spread 1020:325 → 102 + 33; tax on 918 and 292: 92 + 29.
    expect(events.map((e) => e.type)).toEqual(['order.discounted']);
    expect(events[0]?.data).toMatchObject({ orderId: 'order-1', amount: 135 });
    expect(state.totals).toEqual({ currency: 'USD', subtotal: 1345, discount: 135, tax: 121, total: 1331 });
    expect(state.lines.map((l) => [l.lineId, l.discount, l.tax, l.total])).toEqual([
      ['l1', 102, 92, 1010],
      ['l2', 33, 29, 321],
    ]);
    expect(state.pricing?.discounts.map((d) => d.explanation)).toEqual(['Discount: regular — 10%, −$1.35']);
    expect(state.priceInput?.context.manual).toEqual([
      { id: expect.any(String), scope: 'order', kind: 'percent', value: 100_000, reason: 'regular' },
    ]);
    expectRepricesIdentically(state);
  });

  it("past the limits a discount needs a manager's approval; with it, it goes through", () => {
    const order = placed();
    const half = discount({ scope: 'order', kind: 'percent', value: 500_000, reason: 'friend' });
    const e = refusal(order, half);
    expect(e.code).toBe('forbidden');
    expect(e.message).toBe("A discount of 50% is more than 20%: it needs a manager's approval");
    expect(e.details).toEqual([{ path: 'override', message: "a manager's staff id and PIN" }]);
    // 50% of 1345 = 672.5 → 673 off; 672 left (510 + 162) pays 51 + 16 tax.
    expect(run(order, half, manager).state.totals.total).toBe(739);
    // $11 off is more than $10; $3 off a $3.25 muffin is more than 20% of it.
    expect(refusal(order, discount({ scope: 'order', kind: 'amount', value: 1100, reason: 'x' })).message).toBe(
      "A discount of $11.00 is more than $10.00: it needs a manager's approval",
    );
    expect(refusal(order, discount({ scope: { lineId: 'l2' }, kind: 'amount', value: 300, reason: 'x' })).message).toBe(
      "A discount of $3.00 is more than 20% of the $3.25 it comes off: it needs a manager's approval",
    );
    expect(refusal(order, discount({ scope: 'order', kind: 'amount', value: 100, reason: 'x' }), kiosk).code).toBe(
      'forbidden',
    );
  });

  it('discounts stacked one after another are judged together', () => {
    const order = placed();
    const fifteen = discount({ scope: 'order', kind: 'percent', value: 150_000, reason: 'x' });
    const once = run(order, fifteen).state;
    // 15% then 15% of what is left: 27.75% of the order in all.
    expect(refusal(once, fifteen).message).toMatch(/^The order's discounts come to \$3\.73, more than 20% of \$13\.45/);
    expect(run(once, fifteen, manager).state.totals.discount).toBe(373);
  });

  it('a comp always needs a manager; it makes its line free before tax', () => {
    const order = placed();
    const comp = discount({ scope: { lineId: 'l2' }, kind: 'comp', reason: 'cold muffin' });
    expect(refusal(order, comp).message).toBe("A comp: it needs a manager's approval");
    const { state } = run(order, comp, manager);
    expect(state.lines.find((l) => l.lineId === 'l2')).toMatchObject({ discount: 325, tax: 0, total: 0 });
    expect(state.totals.total).toBe(1020 + 102);
    expect(state.pricing?.discounts[0]?.explanation).toBe('Comp (Muffin): cold muffin — 100%, −$3.25');
  });

  it('nothing left to take off, an unknown line, a paid order and a changed menu are refused', () => {
    const order = placed();
    const all = run(order, discount({ scope: 'order', kind: 'comp', reason: 'owner' }), manager).state;
    expect(refusal(all, discount({ scope: 'order', kind: 'amount', value: 1, reason: 'x' })).code).toBe('conflict');
    expect(refusal(order, discount({ scope: { lineId: 'nope' }, kind: 'amount', value: 1, reason: 'x' })).code).toBe(
      'validation',
    );
    const paid = run(order, {
      kind: 'pay',
      payment: { method: 'cash', amount: order.totals.total, tendered: 2000 },
    }).state;
    const onPaid = refusal(paid, discount({ scope: 'order', kind: 'amount', value: 100, reason: 'x' }));
    expect(onPaid.code).toBe('conflict');
    expect(onPaid.message).toBe('order 1 is paid: its price can no longer change');
    const newMenu = createPricingEngine({ ...catalog, version: 4 }, rules);
    const changed = refusal(order, discount({ scope: 'order', kind: 'amount', value: 100, reason: 'x' }), staff, {
      ...envFor(staff),
      engine: newMenu,
    });
    expect(changed.message).toMatch(/priced with menu version 3; the menu is now version 4/);
    const { priceInput: _, ...old } = order;
    expect(refusal(old, discount({ scope: 'order', kind: 'amount', value: 100, reason: 'x' })).code).toBe('conflict');
  });

  it('the new total is what a payment must bring', () => {
    const { state } = run(placed(), discount({ scope: 'order', kind: 'amount', value: 200, reason: 'late' }));
    const pay = (amount: number): OrderCommand => ({
      kind: 'pay',
      payment: { method: 'cash', amount, tendered: 2000 },
    });
    expect(refusal(state, pay(1480)).code).toBe('validation');
    expect(run(state, pay(state.totals.total)).state.payment).toBe('paid');
  });
});

describe('price overrides', () => {
  const override = (unitPrice: number): OrderCommand => ({
    kind: 'override-price',
    lineId: 'l1',
    unitPrice,
    reason: 'regular',
  });

  it("always need a manager's approval", () => {
    const e = refusal(placed(), override(300));
    expect(e.code).toBe('forbidden');
    expect(e.message).toBe("A price override: it needs a manager's approval");
  });

  it('replace the unit price before modifiers, price the order again, and later discounts apply to it', () => {
    const { state, events } = run(placed(), override(300), manager);
    // (300 + 60) × 2 = 720; with the muffin 1045, tax 72 + 33 = 105 → 1150.
    expect(events[0]?.data).toMatchObject({ orderId: 'order-1', lineId: 'l1', from: 450, to: 300, reason: 'regular' });
    expect(state.lines[0]).toMatchObject({ unitPrice: 360, lineTotal: 720, tax: 72, total: 792 });
    expect(state.totals).toMatchObject({ subtotal: 1045, total: 1150 });
    expect(state.pricing?.overrides).toEqual([
      { lineId: 'l1', explanation: 'Price override (Latte): $4.50 → $3.00 each, regular' },
    ]);
    expectRepricesIdentically(state);
    const again = run(state, override(250), manager);
    expect(again.events[0]?.data).toMatchObject({ from: 300, to: 250 });
    const discounted = run(state, discount({ scope: { lineId: 'l1' }, kind: 'percent', value: 100_000, reason: 'x' }));
    expect(discounted.state.lines[0]).toMatchObject({ discount: 72 });
    expect(refusal(state, override(300), manager).code).toBe('validation');
    expect(refusal(state, { kind: 'override-price', lineId: 'nope', unitPrice: 1, reason: 'x' }, manager).code).toBe(
      'not-found',
    );
  });
});

it('the settings set the limits', () => {
  const order = placed();
  const lenient = { ...env(), config: { ...CONFIG, discountApproval: { percent: 60, amount: 100_000 } } };
  const half = discount({ scope: 'order', kind: 'percent', value: 500_000, reason: 'friend' });
  expect(decideOrder(order, half, lenient).state.totals.total).toBe(739);
});
