/**
 * The cart priced on the screen for display: the core's engine with the edge's catalog and
 * rules, the cart's own line ids, the menu's store and channel — the input the edge prices the
 * order with when it is placed, so the total shown is the total charged.
 */
import {
  priceWithEngine,
  pricingCartSchema,
  pricingContextSchema,
  type OrderType,
  type PriceResult,
} from '@tillbox/core';
import { pricingCart, type CartState } from './cart.js';
import type { Menu } from './menu.js';

/** The priced cart (undefined while it is empty), or why it could not be priced. */
export type Preview = { ok: true; priced: PriceResult | undefined } | { ok: false; error: unknown };

export interface PreviewOptions {
  orderType: OrderType;
  /** The moment (ms) to price at: dayparts and happy hours depend on it. */
  at: number;
  /** Language of names and explanations. */
  language?: string;
}

/** Price the cart as the edge will; throws a `validation` TillboxError naming each problem. */
export function priceCart(menu: Menu, cart: CartState, options: PreviewOptions): PriceResult {
  const member = cart.loyalty;
  const context = pricingContextSchema.parse({
    storeId: menu.storeId,
    channel: menu.channel,
    orderType: options.orderType,
    at: new Date(options.at).toISOString(),
    language: options.language ?? 'en',
    // The loyalty member, as the edge prices the order for them (their tier, balance and rewards).
    ...(member
      ? {
          customer: {
            id: member.memberId,
            ...(member.tierId !== undefined ? { loyaltyTier: member.tierId } : {}),
            pointsBalance: Math.max(0, member.points),
          },
          rewards: [...member.rewards],
        }
      : {}),
  });
  return priceWithEngine(menu.engine, pricingCartSchema.parse(pricingCart(cart)), context);
}

/** {@link priceCart} for display: never throws. */
export function previewCart(menu: Menu, cart: CartState, options: PreviewOptions): Preview {
  if (cart.lines.length === 0) return { ok: true, priced: undefined };
  try {
    return { ok: true, priced: priceCart(menu, cart, options) };
  } catch (error) {
    return { ok: false, error };
  }
}
