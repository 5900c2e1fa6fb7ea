/**
 * The counter ticket through a shift's flows: an open ticket held and recalled with items added
 * after, split tender (part cash, then the card with a tip; a lost answer read back, never taken
 * twice), a bill split evenly and each part paid on its own, and an unfinished ticket held before
 * an idle sign-out without reaching the kitchen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE } from '$lib/api.js';
import { fakeEdge } from './fake-edge.test-support.js';
import { holdDelayMs, IdleWatch } from './open-tickets.js';
import { billState, nextPart } from './split-tender.js';
import { CounterTicket } from './ticket.svelte.js';
import { tipFields } from './tips.js';

const cookie = { itemId: 'cookie', modifiers: [], slots: [], quantity: 1 };
const latte = { itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 1 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('open tickets', () => {
  it('holds the ticket (placing it first) and clears the counter; recalled, it takes more items', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    ticket.guestName = 'Ana';
    const held = await ticket.hold();
    expect(held?.heldAt).toBeDefined();
    expect(edge.placed[0]).toMatchObject({ guestName: 'Ana' });
    expect(ticket.phase).toBe('building');
    expect(ticket.lineIds).toEqual([]);

    const back = await ticket.recall(held!);
    expect(back?.heldAt).toBeUndefined();
    expect(ticket.order?.id).toBe(held!.id);
    ticket.add(latte);
    const paid = await ticket.pay({ method: 'card' });
    // The new line went onto the order before the card was charged for all of it.
    expect(edge.added).toHaveLength(1);
    expect(paid?.lines).toHaveLength(2);
    expect(paid?.payment).toBe('paid');
    expect(paid?.payments[0]?.amount).toBe(893 + 100);
  });

  it('does not hold a ticket whose card is being charged', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    await ticket.place();
    edge.failNextPay(new ApiError('network', NETWORK_MESSAGE));
    const paying = ticket.pay({ method: 'card' });
    expect(await ticket.hold()).toBeUndefined();
    await vi.runAllTimersAsync();
    await paying;
    expect(ticket.order?.heldAt).toBeUndefined();
  });

  it('holds an unfinished ticket before an idle sign-out, placed without reaching the kitchen', async () => {
    const edge = fakeEdge('at-once');
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    const onIdle = vi.fn(async () => {
      if (ticket.unfinished) await ticket.hold({ fire: 'on-payment' });
    });
    const watch = new IdleWatch(holdDelayMs(10), () => void onIdle());
    ticket.add(cookie);
    watch.touch();
    await vi.advanceTimersByTimeAsync(holdDelayMs(10) - 1);
    expect(edge.placed).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(edge.placed).toEqual([expect.objectContaining({ fire: 'on-payment' })]);
    expect(edge.order()?.heldAt).toBeDefined();
    expect(edge.order()?.firedAt).toBeUndefined();
    expect(ticket.lineIds).toEqual([]);
    // Nothing on the counter: the next idle does nothing.
    watch.touch();
    await vi.advanceTimersByTimeAsync(holdDelayMs(10));
    expect(onIdle).toHaveBeenCalledTimes(2);
    expect(edge.placed).toHaveLength(1);
  });
});

describe('split tender', () => {
  it('takes part in cash (no change), then the rest on a card with a tip on the sale', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    const part = await ticket.pay({ method: 'cash', tendered: 500 });
    expect(part).toMatchObject({ payment: 'partially-paid', due: 393 });
    expect(ticket.phase).toBe('placed');
    expect(ticket.payment.last).toMatchObject({ method: 'cash', amount: 500, change: 0 });
    // Paid in part: no more items.
    expect(ticket.add(latte)).toBe(false);

    const bill = billState(ticket.order!);
    expect(bill).toMatchObject({ amount: 893, paid: 500, due: 393 });
    const paid = await ticket.pay({ method: 'card', ...tipFields({ kind: 'percent', percent: 18 }, bill.amount) });
    expect(edge.paid[1]).toEqual({ method: 'card', tip: 161 });
    expect(paid).toMatchObject({ payment: 'paid', due: 0, tipTotal: 161 });
    expect(ticket.phase).toBe('paid');
  });

  it('gives change large only on the cash that pays the rest', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    await ticket.pay({ method: 'external', amount: 300, reference: 'Voucher 12' });
    await ticket.pay({ method: 'cash', tendered: 1000 });
    expect(ticket.payment.last).toMatchObject({ method: 'cash', amount: 593, tendered: 1000, change: 407 });
    expect(ticket.phase).toBe('paid');
  });

  it('reads a lost part payment back and counts it once', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    edge.failNextPay(new ApiError('network', NETWORK_MESSAGE));
    const paying = ticket.pay({ method: 'card', amount: 400 });
    await vi.runAllTimersAsync();
    const after = await paying;
    expect(edge.paid).toHaveLength(1);
    expect(after).toMatchObject({ payment: 'partially-paid', due: 493 });
    expect(ticket.payment.last).toMatchObject({ method: 'card', amount: 400 });
    expect(ticket.payment.error).toBeUndefined();
  });
});

describe('split bills', () => {
  it('splits evenly and takes each part on its own, split tender inside a part', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    const split = await ticket.split({ kind: 'even', count: 2 });
    expect(split.split?.parts.map((p) => p.amount)).toEqual([447, 446]);
    expect(nextPart(split)).toBe(1);

    await ticket.pay({ method: 'cash', tendered: 200, part: 1 });
    expect(billState(ticket.order!, 1)).toMatchObject({ paid: 200, due: 247 });
    await ticket.pay({ method: 'card', part: 1 });
    expect(nextPart(ticket.order!)).toBe(2);
    expect(ticket.phase).toBe('placed');
    await ticket.pay({ method: 'cash', tendered: 500, part: 2 });
    expect(ticket.payment.last).toMatchObject({ amount: 446, change: 54, part: 2 });
    expect(ticket.phase).toBe('paid');
    expect(edge.paid.map((b) => b.part)).toEqual([1, 1, 2]);
  });

  it('refuses to split again once a part is paid, and says why', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    await ticket.split({ kind: 'even', count: 2 });
    await ticket.pay({ method: 'card', part: 1 });
    await expect(ticket.split({ kind: 'even', count: 3 })).rejects.toThrow('already has payments');
  });
});
