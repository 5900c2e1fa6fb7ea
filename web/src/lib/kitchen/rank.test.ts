import { compareTicketPriority } from '@tillbox/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOrder } from '$lib/testing/orders.js';
import { rankReasons, rankReasonsByKey, type RankedOrder } from './rank.js';

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
/** Times as HH:MM (UTC), so the test does not depend on the machine's zone or locale. */
const hhmm = (iso: string): string => iso.slice(11, 16);

describe('rankReasons', () => {
  it('explains a newer app order promised earlier standing ahead of an older counter order', () => {
    const counter = makeOrder({ id: 'c', number: 12, channel: 'counter', placedAt: at(30), dueAt: at(45) });
    const app = makeOrder({
      id: 'a',
      number: 15,
      channel: 'app',
      orderType: 'pickup',
      placedAt: at(38),
      promisedAt: at(40),
      dueAt: at(40),
    });
    const list = [counter, app].sort(compareTicketPriority);
    expect(list.map((o) => o.number)).toEqual([15, 12]);
    expect(rankReasons(list, hhmm)).toEqual([
      'Promised 12:40 · app pickup · ahead of older #12',
      'Due 12:45 · counter takeout',
    ]);
  });

  it('says rush first, and names the oldest order a ticket stands ahead of', () => {
    const oldest = makeOrder({ id: 'o', number: 3, placedAt: at(1), dueAt: at(20) });
    const older = makeOrder({ id: 'm', number: 4, placedAt: at(2), dueAt: at(10) });
    const rush = makeOrder({ id: 'r', number: 9, rush: true, channel: 'counter', placedAt: at(5), dueAt: at(30) });
    const list = [oldest, older, rush].sort(compareTicketPriority);
    expect(rankReasons(list, hhmm)).toEqual([
      'Rush · due 12:30 · counter takeout · ahead of older #3',
      'Due 12:10 · kiosk takeout · ahead of older #3',
      'Due 12:20 · kiosk takeout',
    ]);
  });

  it('in any kitchen, every ticket ahead of an older one says why: rush, or due no later than it', () => {
    const order = fc.record({
      rush: fc.boolean(),
      placed: fc.integer({ min: 0, max: 50 }),
      prep: fc.integer({ min: 0, max: 30 }),
      promised: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 30 }), (specs) => {
        const orders: RankedOrder[] = specs.map((s, i) =>
          makeOrder({
            id: `o${i}`,
            number: i + 1,
            rush: s.rush,
            placedAt: at(s.placed),
            dueAt: at(s.promised ?? s.placed + s.prep),
            ...(s.promised === undefined ? {} : { promisedAt: at(s.promised) }),
          }),
        );
        const list = [...orders].sort(compareTicketPriority);
        const reasons = rankReasons(list, hhmm);
        list.forEach((o, i) => {
          const reason = reasons[i]!;
          expect(reason.startsWith('Rush')).toBe(o.rush);
          const ahead = /ahead of older #(\d+)$/.exec(reason);
          const older = list.slice(i + 1).filter((b) => Date.parse(b.placedAt) < Date.parse(o.placedAt));
          expect(ahead !== null).toBe(older.length > 0);
          if (!ahead) return;
          const named = list.find((b) => b.number === Number(ahead[1]))!;
          expect(older).toContain(named);
          expect(o.rush || o.dueAt <= named.dueAt).toBe(true);
          expect(reason).toContain(hhmm(o.promisedAt ?? o.dueAt));
        });
      }),
    );
  });
});

describe('rankReasonsByKey', () => {
  it('keys each reason by its entry, as the priority order gives it', () => {
    const oldest = makeOrder({ id: 'o', number: 3, placedAt: at(1), dueAt: at(20) });
    const rush = makeOrder({ id: 'r', number: 9, rush: true, placedAt: at(5), dueAt: at(30) });
    const entries = [rush, oldest].map((order) => ({ order }));
    const byKey = rankReasonsByKey(
      entries,
      (e) => e.order,
      (e) => `ticket-${e.order.id}`,
    );
    expect([...byKey.keys()]).toEqual(['ticket-r', 'ticket-o']);
    expect(byKey.get('ticket-r')).toMatch(/^Rush · .* · ahead of older #3$/);
    expect(byKey.get('ticket-o')).not.toContain('ahead');
  });
});
