import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api.js';
import { kitchenOrder } from '$lib/testing/orders.js';
import { applyQueued, replayOutcome, type QueuedBump } from './queued-bumps.js';
import { stationTickets } from './tickets.js';

const orders = [
  kitchenOrder('a', [
    ['latte', 'bar'],
    ['mocha', 'bar'],
  ]),
  kitchenOrder('b', [['tea', 'bar']]),
  kitchenOrder('c', [['chai', 'bar']]),
];
const tickets = stationTickets(orders, 'bar');
let seq = 0;
const q = (ticketId: string, command: QueuedBump['command']): QueuedBump => ({
  seq: ++seq,
  orderId: ticketId.split('-')[0]!,
  orderNumber: 1,
  ticketId,
  command,
});

describe('applyQueued', () => {
  it('shows queued bumps as done: items struck (marked waiting), bumped tickets gone', () => {
    const shown = applyQueued(tickets, [
      q('b-bar', { kind: 'bump' }),
      q('a-bar', { kind: 'bump-item', lineId: 'a-l0' }),
    ]);
    expect(shown.map((t) => t.ticket.id)).toEqual(['a-bar', 'c-bar']);
    expect(shown[0]!.lines.map((l) => [l.line.lineId, l.bumpedAt !== undefined, l.queued ?? false])).toEqual([
      ['a-l0', true, true],
      ['a-l1', false, false],
    ]);
    // Untouched tickets are the same objects (a long list redraws only what changed).
    expect(shown[1]).toBe(tickets[2]);
  });

  it('applies the commands in order, and a ticket whose last item is bumped leaves (the edge bumps it too)', () => {
    const undone = applyQueued(tickets, [
      q('a-bar', { kind: 'bump-item', lineId: 'a-l0' }),
      q('a-bar', { kind: 'unbump-item', lineId: 'a-l0' }),
    ]);
    expect(undone[0]!.lines[0]!.bumpedAt).toBeUndefined();
    const finished = applyQueued(tickets, [
      q('a-bar', { kind: 'bump-item', lineId: 'a-l0' }),
      q('a-bar', { kind: 'bump-item', lineId: 'a-l1' }),
    ]);
    expect(finished.map((t) => t.ticket.id)).toEqual(['b-bar', 'c-bar']);
  });
});

describe('replayOutcome', () => {
  it('sends again what never got an answer, counts a conflict as done, drops a refusal', () => {
    expect(replayOutcome(new ApiError('network', 'Cannot reach the store system.'))).toBe('retry');
    expect(replayOutcome(new ApiError('bad-response', 'The store system had a problem', { status: 503 }))).toBe(
      'retry',
    );
    const already = new ApiError('rejected', 'this ticket is already bumped', { code: 'conflict', status: 409 });
    expect(replayOutcome(already)).toBe('done');
    expect(replayOutcome(new ApiError('rejected', 'no ticket', { code: 'not-found', status: 404 }))).toBe('refused');
    expect(replayOutcome(new ApiError('rejected', 'not paired', { code: 'unauthenticated', status: 401 }))).toBe(
      'refused',
    );
  });
});
