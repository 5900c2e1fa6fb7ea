/**
 * Placing an online order and following it, as the guest's page does: the body of the cloud's
 * place request (an `orders/in` message without `sentAt`: the cart's own line ids, the guest's
 * name, the payment), and the steps of its status page.
 *
 * The demo has no payment provider: the page pays with a simulated external payment of exactly
 * the quoted total (reference `demo-…`), which the store checks against its own total. A real
 * deployment takes the payment with its provider first and sends that reference.
 *
 * Pure: no Svelte, no DOM.
 */
import {
  uuidv7,
  type InboundOrderInput,
  type OnlineLoyalty,
  type OnlineOrderPhase,
  type OnlineOrderView,
} from '@tillbox/core';
import { pricingCart, type CartState } from '$lib/sale/cart.js';

/** The longest guest name the store takes (the pickup board shows it). */
export const MAX_GUEST_NAME = 40;

/** Why the name cannot be sent, or undefined when it can. */
export function guestNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter your name: the store calls it out when your order is ready.';
  if (trimmed.length > MAX_GUEST_NAME) return `Your name can be at most ${MAX_GUEST_NAME} characters.`;
  return undefined;
}

/**
 * The cart's loyalty as the cloud's quote and place take it: the member's card (the guest holds
 * it: it proves who they are) and the rewards they chose; undefined for a cart for nobody.
 */
export function onlineLoyaltyOf(cart: CartState, card: string | undefined): OnlineLoyalty | undefined {
  if (!cart.loyalty || card === undefined) return undefined;
  return { card, rewards: [...cart.loyalty.rewards] };
}

/**
 * The place request: a pickup order on the online channel, paid (simulated) with `amount`; for
 * the member of `card` with the rewards the cart redeems (the cloud says who the member is).
 */
export function placeBody(
  id: string,
  guestName: string,
  cart: CartState,
  amount: number,
  card?: string,
): Omit<InboundOrderInput, 'sentAt'> & { loyalty?: OnlineLoyalty } {
  const loyalty = onlineLoyaltyOf(cart, card);
  return {
    id,
    channel: 'online',
    orderType: 'pickup',
    // The rewards member the cart is for earns the order's points (and, with their card, spends them).
    guest: { name: guestName.trim(), ...(cart.loyalty ? { memberId: cart.loyalty.memberId } : {}) },
    // Every cart line has its id already (the cart made it); the store keeps it.
    lines: pricingCart(cart).lines.map((l) => ({ ...l, lineId: l.lineId ?? uuidv7() })),
    payment: { method: 'external', amount, reference: `demo-${id}` },
    ...(loyalty ? { loyalty } : {}),
  };
}

/** The steps the status page shows, in order. */
export const ORDER_STEPS = [
  { phase: 'placed', label: 'Order received' },
  { phase: 'preparing', label: 'Preparing' },
  { phase: 'ready', label: 'Ready for pickup' },
  { phase: 'picked-up', label: 'Picked up' },
] as const satisfies readonly { phase: OnlineOrderPhase; label: string }[];

/** Which step an order is at (−1 before the store has it, or when it will not be made). */
export function stepOf(phase: OnlineOrderPhase): number {
  return ORDER_STEPS.findIndex((s) => s.phase === phase);
}

/** No more changes to wait for. */
export function isSettled(phase: OnlineOrderPhase): boolean {
  return phase === 'picked-up' || phase === 'cancelled' || phase === 'rejected';
}

/** The status in one sentence, for the page's heading and its live region. */
export function statusSentence(view: Pick<OnlineOrderView, 'phase' | 'number' | 'reason'>): string {
  const n = view.number === undefined ? '' : ` ${view.number}`;
  switch (view.phase) {
    case 'sent':
      return 'Sending your order to the store…';
    case 'placed':
      return `The store has your order${n}.`;
    case 'preparing':
      return `Your order${n} is being prepared.`;
    case 'ready':
      return `Your order${n} is ready for pickup.`;
    case 'picked-up':
      return `Your order${n} was picked up. Enjoy!`;
    case 'cancelled':
      return `Your order${n} was cancelled by the store.`;
    case 'rejected':
      return `The store could not take your order${view.reason ? `: ${view.reason}` : '.'}`;
  }
}
