/** The pickup board's words: what a number's tile is called, as a person sees it and hears it. */
import type { OrderView } from '@tillbox/core';
import { firstName } from '$lib/format.js';

export type PickupColumn = 'preparing' | 'ready';

/** A tile's accessible name: what it shows (number, guest's first name), then its column: "5 Cy, ready". */
export function pickupTileName(order: Pick<OrderView, 'number' | 'guestName'>, column: PickupColumn): string {
  const name = firstName(order.guestName);
  return `${order.number}${name ? ` ${name}` : ''}, ${column}`;
}
