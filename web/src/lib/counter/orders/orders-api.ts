/**
 * Today's orders on the counter — every list the day has (still open, handed over, completed,
 * voided, refunded), each once, newest first — and the manager-approved refund (by lines, or
 * whole, to the original tenders) and void.
 */
import { orderViewSchema, type OrderView, type Override } from '@tillbox/core';
import { adminCalls } from '$lib/admin/admin-api.js';
import { ADMIN_ORDER_LISTS, mergeOrders } from '$lib/admin/orders.js';
import { api } from '$lib/api.js';

export async function todaysOrders(): Promise<OrderView[]> {
  const lists = await Promise.all(ADMIN_ORDER_LISTS.map((status) => adminCalls.orders(status)));
  return mergeOrders(lists.map((l) => l.orders));
}

/** Orders whose number starts with what was typed (or whose guest's name holds it). */
export function findOrders(orders: readonly OrderView[], typed: string): OrderView[] {
  const q = typed.trim().toLowerCase().replace(/^#/, '');
  if (q === '') return [...orders];
  return orders.filter((o) => String(o.number).startsWith(q) || (o.guestName ?? '').toLowerCase().includes(q));
}

export function refundOrder(
  orderId: string,
  body: { reason: string; override: Override; lines?: string[] },
): Promise<OrderView> {
  return api.post('/orders/{id}/refund', { params: { id: orderId }, body, schema: orderViewSchema });
}

export function voidOrder(orderId: string, body: { reason: string; override: Override }): Promise<OrderView> {
  return api.post('/orders/{id}/void', { params: { id: orderId }, body, schema: orderViewSchema });
}
