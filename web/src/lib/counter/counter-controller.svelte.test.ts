/**
 * The counter screen's logic around the ticket: an unfinished ticket held before the edge's idle
 * sign-out (placed without reaching the kitchen, the counter cleared, nothing done for an empty
 * one), the tender keys (F9 opens cash, F9 again takes the exact rest; a part of a split bill
 * moves on to the next), and a card charged with the chosen tip on the bill.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenSession } from '$lib/access/screen-session.svelte.js';
import { CounterController } from './counter-controller.svelte.js';
import { fakeEdge } from './fake-edge.test-support.js';
import { holdDelayMs } from './open-tickets.js';
import { CounterTicket } from './ticket.svelte.js';

const cookie = { itemId: 'cookie', modifiers: [], slots: [], quantity: 1 };

/** The screen's session as the controller reads it: 10 idle minutes, no roster needed. */
const session = {
  session: { idleMinutes: 10 },
  roster: [],
  handleError: () => undefined,
  loadRoster: () => Promise.resolve(),
} as unknown as ScreenSession;

function make(counterFires: 'at-once' | 'on-payment' = 'at-once') {
  const edge = fakeEdge(counterFires);
  const ticket = new CounterTicket(edge.calls, edge.checkout);
  const counter = new CounterController(session, { search: () => {}, name: () => {} }, { ticket, clock: { now: 0 } });
  return { edge, counter };
}

beforeEach(() => {
  vi.useFakeTimers();
  // The open-tickets count asks the edge; here nobody answers.
  vi.stubGlobal('fetch', () => Promise.reject(new Error('no edge in this test')));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the counter screen', () => {
  it('holds an unfinished ticket before the idle sign-out, without sending it to the kitchen', async () => {
    const { edge, counter } = make('at-once');
    counter.ticket.add(cookie);
    counter.touched();
    await vi.advanceTimersByTimeAsync(holdDelayMs(10) - 1000);
    counter.touched(); // a touch starts the wait over
    await vi.advanceTimersByTimeAsync(holdDelayMs(10) - 1);
    expect(edge.placed).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(edge.placed).toEqual([expect.objectContaining({ fire: 'on-payment' })]);
    expect(edge.order()?.heldAt).toBeDefined();
    expect(edge.order()?.firedAt).toBeUndefined();
    expect(counter.ticket.lineIds).toEqual([]);
    expect(counter.message?.text).toBe('Order 7 held: recall it from Open tickets.');
    // An empty counter: the next idle holds nothing.
    counter.touched();
    await vi.advanceTimersByTimeAsync(holdDelayMs(10) * 2);
    expect(edge.placed).toHaveLength(1);
    counter.stop();
  });

  it('opens cash on F9 and takes the exact rest on F9 again; a paid part moves on to the next', async () => {
    const { edge, counter } = make();
    counter.ticket.add(cookie);
    await counter.split({ kind: 'even', count: 2 });
    expect(counter.part).toBe(1);
    await counter.startTender('cash');
    expect(counter.tender).toBe('cash');
    expect(counter.bill).toMatchObject({ part: 1, due: 447 });
    await counter.startTender('cash');
    expect(edge.paid).toEqual([{ method: 'cash', tendered: 447, part: 1 }]);
    expect(counter.part).toBe(2);
    expect(counter.message?.text).toBe('Part 1 paid. Part 2: $4.46 due.');
    expect(counter.tender).toBe('cash');
  });

  it('charges the card with the tip chosen on the bill, for part of it when an amount is typed', async () => {
    const { edge, counter } = make();
    counter.ticket.add(cookie);
    await counter.startTender('card');
    counter.cardAmount = '5';
    counter.cardTip = { kind: 'percent', percent: 20 };
    await counter.startTender('card');
    expect(edge.paid).toEqual([{ method: 'card', amount: 500, tip: 179 }]);
    expect(counter.message?.text).toBe('$5.00 taken. $3.93 left to pay.');
    expect(counter.cardTip).toEqual({ kind: 'none' });
    await counter.startTender('card');
    expect(edge.paid[1]).toEqual({ method: 'card' });
    expect(counter.ticket.phase).toBe('paid');
    expect(counter.tender).toBeUndefined();
  });
});
