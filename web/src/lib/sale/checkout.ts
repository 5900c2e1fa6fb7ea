/**
 * The order a selling screen places: its cart with the cart's line ids (the edge keeps them, so
 * it prices exactly what the screen previewed), on the screen's channel.
 */
import type { Channel, OrderType, PlaceOrderInput } from '@tillbox/core';
import { pricingCart, type CartState } from './cart.js';

export interface OrderRequest {
  orderType: OrderType;
  /** Shown on the pickup board; trimmed, left out when blank. */
  guestName?: string | undefined;
  /** Table or tent number of a dine-in order; left out when blank. */
  table?: string | undefined;
  cart: CartState;
  /** Hold it back from the kitchen until it is paid (the counter's unfinished ticket held on idle); else the store's rule. */
  fire?: 'on-payment' | undefined;
}

/** The body of `POST /orders` for this cart, placed with the client-made order id `id`. */
export function placeOrderInput(id: string, channel: Channel, request: OrderRequest): PlaceOrderInput {
  const body: PlaceOrderInput = {
    id,
    channel,
    orderType: request.orderType,
    lines: pricingCart(request.cart).lines,
  };
  const guestName = request.guestName?.trim();
  if (guestName) body.guestName = guestName;
  const table = request.table?.trim();
  if (table) body.table = table;
  if (request.fire) body.fire = request.fire;
  const member = request.cart.loyalty;
  if (member) body.loyalty = { memberId: member.memberId, rewards: [...member.rewards] };
  return body;
}
