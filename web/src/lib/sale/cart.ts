/**
 * The cart: lines as the pricing engine and the API take them, each with a stable line id (a
 * UUIDv7 made when the line is added). The screen previews the cart with these ids and sends
 * them with the order, and the edge keeps them, so both price exactly the same input: a discount
 * split between lines breaks ties by line id, and the same ids give the same cents.
 *
 * Pure: each change returns a new cart (the rune state in ./cart.svelte.ts holds the current one).
 */
import { uuidv7, type ComboSlotChoice, type PricingCart, type PricingCartModifier } from '@tillbox/core';
import { MAX_QUANTITY } from './selection.js';

/** A cart line: what is bought, and its line id. */
export interface SaleLine {
  readonly lineId: string;
  readonly itemId: string;
  variantId?: string;
  readonly modifiers: PricingCartModifier[];
  readonly slots: ComboSlotChoice[];
  readonly quantity: number;
  note?: string;
  /** The upsell suggestion the line was added from (pricing ignores it; the upsell report counts it). */
  upsellId?: string;
}

/** A line before the cart gives it an id. */
export type NewLine = Omit<SaleLine, 'lineId'>;

/**
 * The loyalty member the cart is for (identified at the screen) and the rewards they redeem: the
 * cart is priced for them — their tier, their balance, their rewards — by the screen and the edge alike.
 */
export interface CartLoyalty {
  readonly memberId: string;
  readonly tierId?: string | undefined;
  /** Their balance as the store box gave it: rewards costing more are refused. */
  readonly points: number;
  readonly rewards: readonly string[];
  /** For the screen (pricing ignores them): their first name, whether the balance is an estimate, what may be redeemed offline today. */
  readonly name?: string | undefined;
  readonly estimate?: boolean | undefined;
  readonly redeemable?: number | undefined;
}

export interface CartState {
  readonly lines: readonly SaleLine[];
  /** The loyalty member it is for, if any (kept as the lines change; cleared with the cart). */
  readonly loyalty?: CartLoyalty | undefined;
}

/** The most lines one order takes. */
export const MAX_LINES = 100;

export const EMPTY_CART: CartState = { lines: [] };

/** Lines with the same key are the same thing and share one cart line. */
export function lineKey(line: NewLine): string {
  return JSON.stringify([
    line.itemId,
    line.variantId ?? '',
    line.modifiers,
    line.slots,
    line.note ?? '',
    line.upsellId ?? '',
  ]);
}

/**
 * Add a line: the same thing again adds to its quantity (at most {@link MAX_QUANTITY}); anything
 * else is a new line with a new id. A full cart ({@link MAX_LINES}) takes no new line.
 */
export function addToCart(cart: CartState, line: NewLine, newId: () => string = uuidv7): CartState {
  const key = lineKey(line);
  const same = cart.lines.find((l) => lineKey(l) === key);
  if (same) {
    const quantity = Math.min(MAX_QUANTITY, same.quantity + line.quantity);
    return { ...cart, lines: cart.lines.map((l) => (l === same ? { ...l, quantity } : l)) };
  }
  if (cart.lines.length >= MAX_LINES) return cart;
  return { ...cart, lines: [...cart.lines, { ...line, lineId: newId() }] };
}

/** Set a line's quantity (at most {@link MAX_QUANTITY}); below 1 removes it. */
export function setLineQuantity(cart: CartState, lineId: string, quantity: number): CartState {
  if (quantity < 1) return removeLine(cart, lineId);
  const q = Math.min(MAX_QUANTITY, Math.trunc(quantity));
  return { ...cart, lines: cart.lines.map((l) => (l.lineId === lineId ? { ...l, quantity: q } : l)) };
}

export function removeLine(cart: CartState, lineId: string): CartState {
  return { ...cart, lines: cart.lines.filter((l) => l.lineId !== lineId) };
}

/**
 * The same lines with new ids, in the same order (ids made in order sort in order): for a cart
 * whose order was placed and cancelled, since a line id names one line in the store.
 */
export function renewLineIds(cart: CartState, newId: () => string = uuidv7): CartState {
  return { ...cart, lines: cart.lines.map((l) => ({ ...l, lineId: newId() })) };
}

/** The cart for a loyalty member with the rewards they chose, or for nobody (undefined). */
export function withLoyalty(cart: CartState, loyalty: CartLoyalty | undefined): CartState {
  if (loyalty === undefined) {
    if (cart.loyalty === undefined) return cart;
    return { lines: cart.lines };
  }
  return { ...cart, loyalty };
}

/** How many things are in the cart (quantities summed). */
export function cartCount(cart: CartState): number {
  return cart.lines.reduce((n, l) => n + l.quantity, 0);
}

/** The cart as the pricing engine and the order take it: every line with its id. */
export function pricingCart(cart: CartState): PricingCart {
  return {
    lines: cart.lines.map((l) => {
      const line: PricingCart['lines'][number] = {
        lineId: l.lineId,
        itemId: l.itemId,
        modifiers: [...l.modifiers],
        slots: [...l.slots],
        quantity: l.quantity,
      };
      if (l.variantId !== undefined) line.variantId = l.variantId;
      if (l.note !== undefined) line.note = l.note;
      if (l.upsellId !== undefined) line.upsellId = l.upsellId;
      return line;
    }),
  };
}
