import { describe, expect, it } from 'vitest';
import { expiredHolds, HOLD_MS, SELECTED_HOLD_MS, withHeld, type Held } from './hold.js';

const t = (id: string) => ({ ticket: { id } });

describe('withHeld', () => {
  it('puts a bumped ticket back where it was, done, so the next order does not slide under the finger', () => {
    const held = new Map<string, Held<ReturnType<typeof t>>>([['b', { entry: t('b'), index: 1, at: 0 }]]);
    const shown = withHeld([t('a'), t('c'), t('d')], held);
    expect(shown.map((s) => [s.entry.ticket.id, s.done])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
      ['d', false],
    ]);
  });

  it('shows the open ticket, not the held copy, once it is back (recalled or not bumped after all)', () => {
    const held = new Map([['b', { entry: t('b'), index: 0, at: 0 }]]);
    expect(withHeld([t('a'), t('b')], held).map((s) => [s.entry.ticket.id, s.done])).toEqual([
      ['a', false],
      ['b', false],
    ]);
  });

  it('keeps several held tickets in their places, past the end when the list got shorter', () => {
    const held = new Map([
      ['z', { entry: t('z'), index: 5, at: 0 }],
      ['x', { entry: t('x'), index: 0, at: 0 }],
    ]);
    expect(withHeld([t('a')], held).map((s) => s.entry.ticket.id)).toEqual(['x', 'a', 'z']);
  });
});

describe('expiredHolds', () => {
  const held = new Map([
    ['tapped', { entry: t('tapped'), index: 0, at: 1000 }],
    ['selected', { entry: t('selected'), index: 1, at: 1000 }],
  ]);

  it('lets a tapped ticket go a moment after the last tap, and the selected one only long after the last key', () => {
    expect(expiredHolds(held, 1000 + HOLD_MS - 1, 'selected', { tap: 0, key: 0 })).toEqual([]);
    expect(expiredHolds(held, 1000 + HOLD_MS, 'selected', { tap: 0, key: 0 })).toEqual(['tapped']);
    // Tapping again keeps it (the cook is still pressing).
    expect(expiredHolds(held, 1000 + HOLD_MS, 'selected', { tap: 1500, key: 0 })).toEqual([]);
    expect(expiredHolds(held, 1000 + SELECTED_HOLD_MS, 'selected', { tap: 0, key: 2000 })).toEqual(['tapped']);
    expect(expiredHolds(held, 2000 + SELECTED_HOLD_MS, 'selected', { tap: 0, key: 2000 })).toEqual([
      'tapped',
      'selected',
    ]);
  });
});
