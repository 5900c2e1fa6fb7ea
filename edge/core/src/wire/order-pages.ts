/**
 * Order lists come in pages, so a snapshot is always complete however many orders are open:
 * oldest placed first, by a cursor of (placed time, id) that never moves, each page with the
 * event-log seq it is current at. A screen asks for what it shows (`scope`) and follows `next`
 * to the end with {@link loadOrderSnapshot}, then subscribes to the stream from the first
 * page's seq: whatever changed while it read the later pages is replayed to it.
 */
import { z } from 'zod';
import type { OrderStatus } from '../order-lifecycle.js';
import type { OrderList, OrderView } from './api.js';

/** What a screen shows of the open orders: the kitchen (fired orders with tickets) or the pickup board. */
export const ORDER_SCOPES = ['kitchen', 'pickup'] as const;
export type OrderScope = (typeof ORDER_SCOPES)[number];

const SCOPE_STATUSES: Readonly<Record<OrderScope, readonly OrderStatus[]>> = {
  kitchen: ['in_kitchen', 'ready'],
  pickup: ['paid', 'in_kitchen', 'ready'],
};

/** The statuses a screen of this scope shows. */
export function scopeStatuses(scope: OrderScope): readonly OrderStatus[] {
  return SCOPE_STATUSES[scope];
}

/** Whether an order belongs on a screen of this scope (every order when there is none). */
export function isInScope(order: Pick<OrderView, 'status'>, scope: OrderScope | undefined): boolean {
  return scope === undefined || SCOPE_STATUSES[scope].includes(order.status);
}

export const ORDER_PAGE_DEFAULT = 500;
export const ORDER_PAGE_MAX = 1000;

/** Where a page ends: the last order's placed time (epoch ms) and id. */
export const orderCursorSchema = z
  .string()
  .max(100)
  .regex(/^\d{1,16}_[0-9A-Za-z-]{1,64}$/, 'a cursor from the `next` of an earlier page')
  .describe('Opaque: the `next` of the page before');

export function orderCursor(order: { placedAt: number; id: string }): string {
  return `${order.placedAt}_${order.id}`;
}

export function parseOrderCursor(cursor: string): { placedAt: number; id: string } {
  const cut = cursor.indexOf('_');
  return { placedAt: Number(cursor.slice(0, cut)), id: cursor.slice(cut + 1) };
}

/** The query of one page (`GET /api/v1/orders`). */
export interface OrderPageQuery {
  status?: 'open' | OrderStatus;
  scope?: OrderScope;
  limit?: number;
  after?: string;
}

/** More pages than this means the edge keeps answering `next`: stop rather than loop. */
const MAX_PAGES = 10_000;

/**
 * Every page of an order list, followed to the end: the orders (each once) and the seq of the
 * first page, which is where a stream subscription must start so nothing is missed.
 */
export async function loadOrderSnapshot(
  fetchPage: (query: OrderPageQuery) => Promise<OrderList>,
  query: Omit<OrderPageQuery, 'after'> = {},
): Promise<{ seq: number; orders: OrderView[] }> {
  const first = await fetchPage(query);
  const byId = new Map(first.orders.map((o) => [o.id, o]));
  let next = first.next;
  for (let pages = 1; next !== undefined; pages += 1) {
    if (pages >= MAX_PAGES) throw new Error(`the order list did not end after ${MAX_PAGES} pages`);
    const page = await fetchPage({ ...query, after: next });
    for (const o of page.orders) byId.set(o.id, o);
    next = page.next;
  }
  return { seq: first.seq, orders: [...byId.values()] };
}

/** A page query as URL search parameters. */
export function orderPageSearch(query: OrderPageQuery): string {
  return Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}
