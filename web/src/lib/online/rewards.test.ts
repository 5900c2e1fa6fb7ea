import { inboundOrderSchema, onlineQuoteBodySchema } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { addToCart, EMPTY_CART, withLoyalty } from '$lib/sale/cart.js';
import { toggledReward } from '$lib/sale/loyalty.js';
import { onlineLoyaltyOf, placeBody } from './online-order.js';
import { cardBalance, cartLoyaltyOfCard } from './rewards.js';

const CARD = 'TBXM1-demo-ada-0000000001';
const latte = { itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 1 };

describe("the guest's rewards card online", () => {
  it("asks the cloud for the card's points at this store, and refuses what is no card code", async () => {
    const asked: { url: string; body: unknown }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      asked.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify({ memberId: 'm-ada', name: 'Ada', points: 620 }), { status: 200 });
    }) as typeof fetch;
    const card = await cardBalance(' TBXM1-demo-ada-0000000001 ', 'demo-store', fetcher);
    expect(card).toEqual({ memberId: 'm-ada', name: 'Ada', points: 620 });
    expect(asked).toEqual([
      { url: '/api/v1/loyalty/card', body: { code: 'TBXM1-demo-ada-0000000001', storeId: 'demo-store' } },
    ]);
    await expect(cardBalance('12345', 'demo-store', fetcher)).rejects.toThrow(/not a rewards card/);
    expect(asked).toHaveLength(1);
  });

  it('places the order for the member the cart is for', () => {
    const cart = withLoyalty(addToCart(EMPTY_CART, latte), cartLoyaltyOfCard({ memberId: 'm-ada', points: 620 }));
    const body = placeBody('0193e9a0-0000-7000-8000-000000000001', 'Ada', cart, 425);
    expect(body.guest).toEqual({ name: 'Ada', memberId: 'm-ada' });
    expect(inboundOrderSchema.safeParse({ ...body, sentAt: new Date().toISOString() }).success).toBe(true);
    expect(placeBody('0193e9a0-0000-7000-8000-000000000002', 'Bo', withLoyalty(cart, undefined), 425).guest).toEqual({
      name: 'Bo',
    });
  });

  it('sends the card with the rewards chosen, so the cloud prices them against the balance', () => {
    const member = cartLoyaltyOfCard({ memberId: 'm-ada', name: 'Ada', points: 620 });
    const cart = withLoyalty(addToCart(EMPTY_CART, latte), toggledReward(member, 'free-drink'));
    const body = placeBody('0193e9a0-0000-7000-8000-000000000003', 'Ada', cart, 0, CARD);
    expect(body.loyalty).toEqual({ card: CARD, rewards: ['free-drink'] });
    expect(inboundOrderSchema.safeParse({ ...body, sentAt: new Date().toISOString() }).success).toBe(true);
    const quote = onlineQuoteBodySchema.safeParse({ lines: body.lines, loyalty: onlineLoyaltyOf(cart, CARD) });
    expect(quote.success).toBe(true);
    // Without the card, nothing is redeemed (the member still earns).
    expect(placeBody('0193e9a0-0000-7000-8000-000000000004', 'Ada', cart, 425).loyalty).toBeUndefined();
    // The card shown again keeps the rewards chosen for its member, not another's.
    expect(cartLoyaltyOfCard({ memberId: 'm-ada', points: 470 }, cart.loyalty).rewards).toEqual(['free-drink']);
    expect(cartLoyaltyOfCard({ memberId: 'm-bo', points: 470 }, cart.loyalty).rewards).toEqual([]);
  });
});
