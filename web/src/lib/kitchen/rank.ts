/**
 * Why a ticket stands where it does. The kitchen orders tickets by the core's
 * `compareTicketPriority` (rush first, then due time whatever the channel, then placing order);
 * this says the same in a line a cook reads at a glance, so a newer ticket ahead of an older
 * amber one explains itself: "Promised 12:40 · app pickup · ahead of older #12".
 */
import type { OrderView } from '@tillbox/core';
import { channelLabel, formatTimeOfDay, orderTypeLabel } from '$lib/format.js';

export type RankedOrder = Pick<
  OrderView,
  'number' | 'rush' | 'dueAt' | 'promisedAt' | 'placedAt' | 'channel' | 'orderType'
>;

/**
 * One reason per order of `orders` (already in priority order): rush; when it is due (the time
 * the guest was promised, else placed plus the stations' prep time); its channel and type; and,
 * when it stands before orders placed earlier, the oldest of them.
 */
export function rankReasons(orders: readonly RankedOrder[], time: (iso: string) => string = formatTimeOfDay): string[] {
  const reasons = new Array<string>(orders.length);
  // Walking from the end, the oldest order placed after each position is known in one pass.
  let oldestAfter: RankedOrder | undefined;
  for (let i = orders.length - 1; i >= 0; i--) {
    const order = orders[i]!;
    const parts: string[] = [];
    if (order.rush) parts.push('rush');
    parts.push(order.promisedAt ? `promised ${time(order.promisedAt)}` : `due ${time(order.dueAt)}`);
    parts.push(`${channelLabel(order.channel)} ${orderTypeLabel(order.orderType)}`.toLowerCase());
    if (oldestAfter && placed(oldestAfter) < placed(order)) parts.push(`ahead of older #${oldestAfter.number}`);
    const text = parts.join(' · ');
    reasons[i] = text.charAt(0).toUpperCase() + text.slice(1);
    if (!oldestAfter || placed(order) <= placed(oldestAfter)) oldestAfter = order;
  }
  return reasons;
}

/**
 * {@link rankReasons} of `entries` (already in priority order), by each one's key: for a screen
 * that may show its cards in another order for a moment (held still under a finger) and still says
 * why each stands where the priority puts it.
 */
export function rankReasonsByKey<T>(
  entries: readonly T[],
  orderOf: (entry: T) => RankedOrder,
  keyOf: (entry: T) => string,
): Map<string, string> {
  const reasons = rankReasons(entries.map(orderOf));
  return new Map(entries.map((entry, i) => [keyOf(entry), reasons[i] ?? '']));
}

function placed(order: RankedOrder): number {
  return Date.parse(order.placedAt);
}
