import { createPricingEngine, placeOrderBodySchema } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { addToCart, EMPTY_CART, removeLine, withLoyalty, type CartLoyalty, type NewLine } from './cart.js';
import { placeOrderInput } from './checkout.js';
import { cartLoyaltyOf, rewardChoices, toggledReward } from './loyalty.js';
import { openMenu } from './menu.js';
import { priceCart } from './preview.js';
import { MONDAY_NOON, testCatalog, testRules } from './test-menu.test-support.js';

const engine = createPricingEngine(testCatalog, {
  ...testRules,
  loyalty: {
    earn: { points: 1, perAmount: 100 },
    tiers: [{ id: 'gold', name: { en: 'Gold' }, factorPpm: 2_000_000, minPoints: 1000 }],
    rewards: [
      {
        id: 'free-drink',
        name: { en: 'Free drink' },
        points: 150,
        kind: 'item',
        appliesTo: { categoryIds: ['drinks'] },
      },
      { id: 'five-off', name: { en: '$5 off' }, points: 400, kind: 'amount', amount: 500 },
      { id: 'gold-treat', name: { en: 'Gold treat' }, points: 10, kind: 'amount', amount: 100, tiers: ['gold'] },
    ],
  },
});
const menu = openMenu(engine, 'town', 'kiosk');
const latte: NewLine = {
  itemId: 'latte',
  variantId: 'large',
  modifiers: [{ groupId: 'milk', optionId: 'whole' }],
  slots: [],
  quantity: 1,
};
const ada: CartLoyalty = { memberId: 'm-ada', points: 300, rewards: [] };

describe('a loyalty member at a selling screen', () => {
  it('prices the cart for the member, and places it for them with their rewards', () => {
    const cart = withLoyalty(addToCart(EMPTY_CART, latte), toggledReward(ada, 'free-drink'));
    const priced = priceCart(menu, cart, { orderType: 'takeout', at: MONDAY_NOON });
    expect(priced.loyalty.pointsRedeemed).toBe(150);
    expect(priced.totals.total).toBe(0);
    const body = placeOrderBodySchema.parse(
      placeOrderInput('0193e9a0-0000-7000-8000-000000000001', 'kiosk', {
        orderType: 'takeout',
        cart,
      }),
    );
    expect(body.loyalty).toEqual({ memberId: 'm-ada', rewards: ['free-drink'] });
    // Gold earns twice the points on the same cart.
    const gold = priceCart(menu, withLoyalty(cart, { ...ada, tierId: 'gold' }), {
      orderType: 'takeout',
      at: MONDAY_NOON,
    });
    const plain = priceCart(menu, withLoyalty(cart, ada), { orderType: 'takeout', at: MONDAY_NOON });
    expect(gold.loyalty.pointsEarned).toBe(plain.loyalty.pointsEarned * 2);
  });

  it('keeps the member as lines change; a cleared cart is for nobody', () => {
    const cart = withLoyalty(addToCart(EMPTY_CART, latte), ada);
    const more = addToCart(cart, { ...latte, variantId: 'small' });
    expect(more.loyalty).toBe(ada);
    expect(removeLine(more, more.lines[0]?.lineId ?? '').loyalty).toBe(ada);
    expect(withLoyalty(more, undefined)).toEqual({ lines: more.lines });
    expect(
      placeOrderInput('x', 'kiosk', { orderType: 'takeout', cart: withLoyalty(more, undefined) }),
    ).not.toHaveProperty('loyalty');
  });

  it('offers the rewards the points, the tier and the offline limit allow', () => {
    const names = (choices: ReturnType<typeof rewardChoices>) =>
      choices.map((c) => `${c.id}:${c.chosen ? 'chosen' : c.available ? 'yes' : c.why}`);
    expect(names(rewardChoices(menu, ada, 'en'))).toEqual([
      'free-drink:yes',
      'five-off:not enough points',
      'gold-treat:for gold members',
    ]);
    const spent = toggledReward(ada, 'free-drink');
    expect(names(rewardChoices(menu, spent, 'en'))).toEqual([
      'free-drink:chosen',
      'five-off:not enough points',
      'gold-treat:for gold members',
    ]);
    expect(names(rewardChoices(menu, ada, 'en', 100))[0]).toBe('free-drink:over the offline limit today');
    expect(toggledReward(spent, 'free-drink').rewards).toEqual([]);
  });

  it('keeps the rewards chosen when the same member is looked up again, not for another', () => {
    const balance = { memberId: 'm-ada', points: 500, source: 'cloud' as const, pending: 0 };
    const chosen = toggledReward(ada, 'free-drink');
    expect(cartLoyaltyOf(balance, chosen)).toEqual({ memberId: 'm-ada', points: 500, rewards: ['free-drink'] });
    const offline = {
      ...balance,
      name: 'Ada',
      source: 'offline-estimate' as const,
      offline: { maxPointsPerDay: 300, redeemedToday: 150, redeemable: 150 },
    };
    expect(cartLoyaltyOf(offline)).toMatchObject({ name: 'Ada', estimate: true, redeemable: 150 });
    expect(
      rewardChoices(menu, { ...cartLoyaltyOf(offline), points: 1000 }, 'en').find((c) => c.id === 'five-off')?.why,
    ).toBe('over the offline limit today');
    expect(cartLoyaltyOf({ ...balance, memberId: 'm-bob' }, chosen).rewards).toEqual([]);
  });
});
