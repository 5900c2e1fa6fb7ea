/**
 * The kitchen screens' cards hold still under a finger: from a press until a moment after the
 * release they keep their places, a card that left stays as gone, a new one goes last; then the
 * list is in its own order again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StillCards } from './still-cards.svelte.js';
import { HOLD_MAX_MS, STILL_MS, stillOrder } from './still.js';

interface Card {
  id: string;
  v?: number;
}
const c = (id: string, v?: number): Card => (v === undefined ? { id } : { id, v });
const idOf = (card: Card): string => card.id;
const layout = (placed: { entry: Card; gone: boolean }[]): string[] =>
  placed.map((p) => `${p.entry.id}${p.entry.v ?? ''}${p.gone ? ' gone' : ''}`);

describe('stillOrder', () => {
  it('is the list in its own order when nothing holds it', () => {
    expect(layout(stillOrder([c('b'), c('a')], idOf, undefined))).toEqual(['b', 'a']);
  });

  it('keeps the places it had, with the current entries, the gone ones in place and the new ones last', () => {
    const still = new Map([c('a', 1), c('b', 1), c('c', 1)].map((x) => [x.id, x]));
    // Re-sorted meanwhile (c first), a left, d and e arrived (e before d in the list's own order).
    const current = [c('e', 2), c('c', 2), c('d', 2), c('b', 2)];
    expect(layout(stillOrder(current, idOf, still))).toEqual(['a1 gone', 'b2', 'c2', 'e2', 'd2']);
  });
});

describe('StillCards', () => {
  let list: Card[];
  let cards: StillCards<Card>;
  beforeEach(() => {
    vi.useFakeTimers();
    list = [c('a'), c('b'), c('c')];
    cards = new StillCards(() => list, idOf);
  });
  afterEach(() => {
    cards.stop();
    vi.useRealTimers();
  });

  it('follows the list while nothing is pressed', () => {
    list = [c('c'), c('a')];
    expect(layout(cards.shown)).toEqual(['c', 'a']);
  });

  it('holds the places from the press until STILL_MS after the release, then follows the list again', () => {
    cards.press(1);
    list = [c('z'), c('c'), c('a')]; // b left, z arrived first in the list's own order
    expect(layout(cards.shown)).toEqual(['a', 'b gone', 'c', 'z']);
    vi.advanceTimersByTime(HOLD_MAX_MS / 2); // held for as long as the pointer is down
    expect(layout(cards.shown)).toEqual(['a', 'b gone', 'c', 'z']);
    cards.lift(1);
    vi.advanceTimersByTime(STILL_MS - 1);
    expect(layout(cards.shown)).toEqual(['a', 'b gone', 'c', 'z']);
    vi.advanceTimersByTime(1);
    expect(layout(cards.shown)).toEqual(['z', 'c', 'a']);
  });

  it('a second press before the moment is over keeps the places shown, gone and new cards included', () => {
    cards.press(1);
    list = [c('z'), c('c'), c('a')];
    cards.lift(1);
    vi.advanceTimersByTime(STILL_MS / 2);
    cards.press(2);
    vi.advanceTimersByTime(STILL_MS);
    list = [c('y'), c('z'), c('c'), c('a')];
    expect(layout(cards.shown)).toEqual(['a', 'b gone', 'c', 'z', 'y']);
    cards.lift(2);
    vi.advanceTimersByTime(STILL_MS);
    expect(layout(cards.shown)).toEqual(['y', 'z', 'c', 'a']);
  });

  it('holds them while any pointer is down: two fingers, the first lifted', () => {
    cards.press(1);
    cards.press(2);
    list = [c('c'), c('b'), c('a')];
    cards.lift(1);
    vi.advanceTimersByTime(STILL_MS * 2);
    expect(layout(cards.shown)).toEqual(['a', 'b', 'c']);
    cards.lift(2);
    vi.advanceTimersByTime(STILL_MS);
    expect(layout(cards.shown)).toEqual(['c', 'b', 'a']);
  });

  it('taps that never pause hold them HOLD_MAX_MS, then the next release lets go at once', () => {
    cards.press(1);
    list = [c('c'), c('b'), c('a')];
    for (let t = 0; t < HOLD_MAX_MS; t += 1000) {
      cards.lift(1);
      vi.advanceTimersByTime(500);
      cards.press(1);
      vi.advanceTimersByTime(500);
    }
    // Overdue while a finger is down: nothing moves under it.
    expect(layout(cards.shown)).toEqual(['a', 'b', 'c']);
    cards.lift(1);
    expect(layout(cards.shown)).toEqual(['c', 'b', 'a']);
  });

  it('a press whose release never comes is given up on after HOLD_MAX_MS twice', () => {
    cards.press(1);
    list = [c('c'), c('b')];
    vi.advanceTimersByTime(2 * HOLD_MAX_MS - 1);
    expect(layout(cards.shown)).toEqual(['a gone', 'b', 'c']);
    vi.advanceTimersByTime(1);
    expect(layout(cards.shown)).toEqual(['c', 'b']);
    // Its release, when it comes at last, changes nothing.
    cards.lift(1);
    expect(layout(cards.shown)).toEqual(['c', 'b']);
  });

  it('a release without a press changes nothing', () => {
    cards.lift(1);
    list = [c('c'), c('b')];
    expect(layout(cards.shown)).toEqual(['c', 'b']);
  });
});
