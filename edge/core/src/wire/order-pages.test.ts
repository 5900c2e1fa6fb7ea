import { describe, expect, it } from 'vitest';
import { orderListQuerySchema, type OrderList, type OrderView } from './api.js';
import {
  isInScope,
  loadOrderSnapshot,
  orderCursor,
  orderPageSearch,
  parseOrderCursor,
  type OrderPageQuery,
} from './order-pages.js';

const view = (n: number): OrderView => ({ id: `o-${n}`, number: n }) as OrderView;

describe('order pages', () => {
  it('follows next to the end and keeps the first page’s seq, each order once', async () => {
    const asked: OrderPageQuery[] = [];
    const pages: Record<string, OrderList> = {
      start: { seq: 7, orders: [view(1), view(2)], next: 'c1' },
      c1: { seq: 9, orders: [view(3), view(4)], next: 'c2' },
      c2: { seq: 12, orders: [view(4), view(5)] },
    };
    const snapshot = await loadOrderSnapshot(
      (q) => {
        asked.push(q);
        const page = pages[q.after ?? 'start'];
        if (!page) throw new Error(`no page ${q.after}`);
        return Promise.resolve(page);
      },
      { status: 'open', scope: 'kitchen' },
    );
    expect(snapshot.seq).toBe(7);
    expect(snapshot.orders.map((o) => o.number)).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([
      { status: 'open', scope: 'kitchen' },
      { status: 'open', scope: 'kitchen', after: 'c1' },
      { status: 'open', scope: 'kitchen', after: 'c2' },
    ]);
  });

  it('round-trips a cursor and refuses one it did not make', () => {
    const c = orderCursor({ placedAt: 1764255600000, id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(parseOrderCursor(c)).toEqual({ placedAt: 1764255600000, id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(orderListQuerySchema.parse({ after: c, limit: '20' })).toMatchObject({ after: c, limit: 20 });
    expect(orderListQuerySchema.safeParse({ after: "1'; drop table orders" }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ limit: '100000' }).success).toBe(false);
  });

  it('scopes what a screen shows and writes a page query as a search string', () => {
    expect(isInScope({ status: 'placed' }, 'kitchen')).toBe(false);
    expect(isInScope({ status: 'ready' }, 'kitchen')).toBe(true);
    expect(isInScope({ status: 'paid' }, 'pickup')).toBe(true);
    expect(isInScope({ status: 'placed' }, undefined)).toBe(true);
    expect(orderPageSearch({ status: 'open', scope: 'pickup', after: 'a b' })).toBe(
      'status=open&scope=pickup&after=a%20b',
    );
  });
});
