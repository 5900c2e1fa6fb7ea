import { placeOrderBodySchema } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cashierAtCounter as cashier } from '../testing/contexts.js';
import { latteOrder } from '../testing/order-factory.js';
import { servicesOnTempDb } from '../testing/test-edge.js';
import { viewsAfter } from './order-aggregate.js';
import { asStored, OrderRepository } from './order-repository.js';

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

describe('the order repository’s views of recently saved orders', () => {
  let s: ReturnType<typeof servicesOnTempDb>;
  beforeEach(() => {
    s = servicesOnTempDb();
  });
  afterEach(() => s.close());
  const HELD = Date.parse('2026-11-27T15:05:00Z');
  /** The orders as the database has them, by a repository that saved none of them. */
  const readBack = (ids: string[]) => new OrderRepository(s.db.db).views(ids);

  it('builds them from the state a committed save wrote, without reading, and as stored', async () => {
    const { order } = s.caps.orders.place(cashier, placeOrderBodySchema.parse(latteOrder()));
    await s.caps.payments.pay(cashier, order.id, { method: 'cash', tendered: 2000 });
    const ticket = order.tickets[0]!;
    s.caps.kitchen.ticketCommand(cashier, ticket.id, 'bump');
    const reads = vi.spyOn(s.caps.orderRepository, 'findMany');
    const shown = s.caps.orderRepository.views([order.id]);
    expect(reads).not.toHaveBeenCalled();
    expect(shown).toEqual(readBack([order.id]));
    expect(shown.get(order.id)?.tickets.find((t) => t.id === ticket.id)?.status).toBe('bumped');
    expect(shown.get(order.id)?.payment).toBe('paid');
  });

  it('reads an order whose last save rolled back, and leaves out orders that do not exist, in the order asked', () => {
    const { order: a } = s.caps.orders.place(cashier, placeOrderBodySchema.parse(latteOrder()));
    const { order: b } = s.caps.orders.place(cashier, placeOrderBodySchema.parse(latteOrder()));
    const repository = s.caps.orderRepository;
    const before = repository.load(a.id);
    expect(() =>
      s.caps.events.transact(cashier, (tx) => {
        repository.save(tx, before, { ...before, heldAt: HELD });
        // Inside the transaction, the change is what the connection reads.
        expect(repository.views([a.id]).get(a.id)?.heldAt).toBe(new Date(HELD).toISOString());
        throw new Error('refused after the save');
      }),
    ).toThrow('refused after the save');
    const reads = vi.spyOn(repository, 'findMany');
    const shown = repository.views(['no-such-order', a.id, b.id]);
    expect(reads.mock.calls).toEqual([[['no-such-order', a.id]]]);
    expect([...shown.keys()]).toEqual([a.id, b.id]);
    expect(shown.get(a.id)?.heldAt).toBeUndefined();
    expect(shown).toEqual(readBack([a.id, b.id]));
  });

  it('is not told a save committed when a later one of the same order has been made since', () => {
    const { order } = s.caps.orders.place(cashier, placeOrderBodySchema.parse(latteOrder()));
    const repository = s.caps.orderRepository;
    const before = repository.load(order.id);
    const held = { ...before, heldAt: HELD };
    let first = 0;
    s.caps.events.transact(cashier, (tx) => {
      first = repository.save(tx, before, held);
    });
    s.caps.events.transact(cashier, (tx) => {
      repository.save(tx, held, { ...held, heldAt: HELD + 60_000 });
    });
    // A late word about the first save keeps nothing: the order is read, as it now is.
    repository.committed(first, held);
    const reads = vi.spyOn(repository, 'findMany');
    expect(repository.views([order.id]).get(order.id)?.heldAt).toBe(new Date(HELD + 60_000).toISOString());
    expect(reads).toHaveBeenCalledOnce();
  });
});

describe('an order as stored', () => {
  let s: ReturnType<typeof servicesOnTempDb>;
  beforeEach(() => {
    s = servicesOnTempDb();
  });
  afterEach(() => s.close());

  it('is the order itself when its tickets are by station and its payments by time, else a sorted copy', () => {
    const { order } = s.caps.orders.place(cashier, placeOrderBodySchema.parse(latteOrder()));
    expect(order.tickets.map((t) => t.station)).toEqual(['bar', 'kitchen']);
    const decided = s.caps.orderRepository.find(order.id)!;
    expect(asStored(decided)).toBe(decided);

    const [bar, kitchen] = decided.tickets;
    const pay = (id: string, at: number) => ({ ...decided.payments[0], id, at }) as (typeof decided.payments)[number];
    const shuffled = {
      ...decided,
      tickets: [kitchen!, bar!],
      payments: [pay('late', 300), pay('first', 100), pay('same-time-a', 200), pay('same-time-b', 200)],
    };
    const before = structuredClone(shuffled);
    const stored = asStored(shuffled);
    expect(stored).not.toBe(shuffled);
    expect(stored.tickets.map((t) => t.station)).toEqual(['bar', 'kitchen']);
    // By time, and those at the same time as they were added.
    expect(stored.payments.map((p) => p.id)).toEqual(['first', 'same-time-a', 'same-time-b', 'late']);
    expect(shuffled).toEqual(before); // the decided state is left as it was
    expect(asStored(stored)).toBe(stored);
  });
});
