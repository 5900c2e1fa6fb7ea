import { placeOrderBodySchema } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cashierAtCounter as cashier } from '../testing/contexts.js';
import { latteOrder } from '../testing/order-factory.js';
import { servicesOnTempDb } from '../testing/test-edge.js';
import { viewsAfter } from './order-aggregate.js';

describe('the stream’s views of a committed batch', () => {
  let s: ReturnType<typeof servicesOnTempDb>;
  let reads: string[][];
  let repository: { views: (ids: readonly string[]) => ReturnType<typeof s.caps.orderRepository.views> };
  beforeEach(() => {
    s = servicesOnTempDb();
    reads = [];
    repository = {
      views: (ids) => {
        reads.push([...ids]);
        return s.caps.orderRepository.views(ids);
      },
    };
  });
  afterEach(() => s.close());

  it('shows an order as its command decided it, without reading it back, and as stored', async () => {
    const batches: (typeof s.heard)[] = [];
    s.caps.events.subscribe((batch) => batches.push([...batch]));
    const { order } = s.caps.orders.place(cashier, placeOrderBodySchema.parse(latteOrder()));
    await s.caps.payments.pay(cashier, order.id, { method: 'cash', tendered: 2000 });
    const ticket = order.tickets[0]!;
    s.caps.kitchen.ticketCommand(cashier, ticket.id, 'bump');
    expect(batches.length).toBeGreaterThanOrEqual(3);
    for (const batch of batches) {
      const shown = viewsAfter(repository, [order.id], batch);
      expect(reads).toEqual([]);
      expect(shown.get(order.id)?.status).toBeDefined();
    }
    // The last batch's view is the order as it now is.
    const last = viewsAfter(repository, [order.id], batches.at(-1)!);
    expect(last.get(order.id)).toEqual(s.caps.orderRepository.views([order.id]).get(order.id));
    expect(last.get(order.id)?.tickets.find((t) => t.id === ticket.id)?.status).toBe('bumped');
  });

  it('reads the order when the batch’s last event about it was not decided here (a page read from the log)', () => {
    const { order } = s.caps.orders.place(cashier, placeOrderBodySchema.parse(latteOrder()));
    const page = s.caps.events.readPage(0).events;
    expect(page.map((e) => e.type)).toEqual(['order.placed', 'order.fired']);
    const shown = viewsAfter(repository, [order.id, 'no-such-order'], page);
    expect(reads).toEqual([[order.id, 'no-such-order']]);
    expect([...shown.keys()]).toEqual([order.id]);
    expect(shown.get(order.id)).toEqual(order);
  });
});
