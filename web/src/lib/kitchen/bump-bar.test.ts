import { bumpBarKeysSchema } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import {
  bumpBarAction,
  bumpBarStep,
  keepSelection,
  keyLabel,
  step,
  type BumpBarView,
  type Cursor,
} from './bump-bar.js';

const keys = bumpBarKeysSchema.parse({});

const view = (over: Partial<BumpBarView> = {}): BumpBarView => ({
  tickets: [
    {
      id: 't1',
      lines: [
        { id: 'a', bumped: false },
        { id: 'b', bumped: true },
      ],
    },
    { id: 't2', lines: [{ id: 'c', bumped: false }] },
    { id: 't3', lines: [] },
  ],
  recallOpen: false,
  recallIds: [],
  ...over,
});

/** Press keys one after another from `cursor`; returns the final cursor and every effect asked for. */
function press(v: BumpBarView, names: string[], cursor: Cursor = {}) {
  const effects: unknown[] = [];
  for (const key of names) {
    const action = bumpBarAction(keys, { key });
    if (!action) throw new Error(`no action for ${key}`);
    const result = bumpBarStep(v, cursor, action);
    cursor = result.cursor;
    if (result.effect) effects.push(result.effect);
  }
  return { cursor, effects };
}

describe('bumpBarAction', () => {
  it('maps the default keys, letters in either case, and nothing with a modifier held', () => {
    expect(bumpBarAction(keys, { key: 'ArrowRight' })).toBe('next');
    expect(bumpBarAction(keys, { key: 'ArrowLeft' })).toBe('previous');
    expect(bumpBarAction(keys, { key: 'ArrowDown' })).toBe('nextItem');
    expect(bumpBarAction(keys, { key: 'ArrowUp' })).toBe('previousItem');
    expect(bumpBarAction(keys, { key: 'Enter' })).toBe('bump');
    expect(bumpBarAction(keys, { key: ' ' })).toBe('bumpItem');
    expect(bumpBarAction(keys, { key: 'R' })).toBe('recall');
    expect(bumpBarAction(keys, { key: 'u' })).toBe('undo');
    expect(bumpBarAction(keys, { key: 'r', ctrlKey: true })).toBeUndefined();
    expect(bumpBarAction(keys, { key: 'x' })).toBeUndefined();
  });

  it('follows keys configured on the edge (a numbered bump bar)', () => {
    const numbered = bumpBarKeysSchema.parse({ next: '6', previous: '4', bump: '5', recall: '0' });
    expect(bumpBarAction(numbered, { key: '5' })).toBe('bump');
    expect(bumpBarAction(numbered, { key: 'Enter' })).toBeUndefined();
    expect(bumpBarAction(numbered, { key: 'ArrowDown' })).toBe('nextItem');
  });

  it('labels keys for the legend', () => {
    expect([' ', 'ArrowRight', 'Enter', 'r', 'F2'].map(keyLabel)).toEqual(['Space', '→', 'Enter', 'R', 'F2']);
  });
});

describe('selection', () => {
  it('steps within the list, from nothing to the first (or last), and stops at the ends', () => {
    expect(step(['a', 'b'], undefined, 1)).toBe('a');
    expect(step(['a', 'b'], undefined, -1)).toBe('b');
    expect(step(['a', 'b'], 'a', 1)).toBe('b');
    expect(step(['a', 'b'], 'b', 1)).toBe('b');
    expect(step(['a', 'b'], 'a', -1)).toBe('a');
    expect(step([], undefined, 1)).toBeUndefined();
  });

  it('never jumps to another order by itself: the same ticket while it is shown, else nothing', () => {
    expect(keepSelection(['x', 'a'], 'a')).toBe('a');
    expect(keepSelection(['a', 'c'], 'b')).toBeUndefined();
    expect(keepSelection([], 'a')).toBeUndefined();
    expect(keepSelection(['a'], undefined)).toBeUndefined();
  });
});

describe('bumpBarStep', () => {
  it('selects the second ticket and bumps it', () => {
    const { cursor, effects } = press(view(), ['ArrowRight', 'ArrowRight', 'Enter']);
    expect(cursor.ticketId).toBe('t2');
    expect(effects).toEqual([{ kind: 'bump', ticketId: 't2' }]);
  });

  it('never bumps without a visible selection: the first press only selects', () => {
    const { cursor, effects } = press(view(), ['Enter']);
    expect(cursor.ticketId).toBe('t1');
    expect(effects).toEqual([]);
  });

  it('walks the items of the selected ticket and toggles the selected one', () => {
    const first = press(view(), ['ArrowDown', ' ']);
    expect(first.cursor).toMatchObject({ ticketId: 't1', lineId: 'a' });
    expect(first.effects).toEqual([{ kind: 'bump-item', ticketId: 't1', lineId: 'a' }]);
    const second = press(view(), ['ArrowDown', 'ArrowDown', ' ', 'ArrowUp'], {});
    expect(second.effects).toEqual([{ kind: 'unbump-item', ticketId: 't1', lineId: 'b' }]);
    expect(second.cursor.lineId).toBe('a');
    // Moving to another ticket forgets the item.
    expect(press(view(), ['ArrowDown', 'ArrowRight']).cursor).toMatchObject({ ticketId: 't2', lineId: undefined });
  });

  it('opens the recall list, moves in it, and recalls the selected entry (the newest by default)', () => {
    expect(press(view(), ['r']).effects).toEqual([{ kind: 'open-recall' }]);
    const open = view({ recallOpen: true, recallIds: ['old1', 'old2', 'old3'] });
    expect(press(open, ['r']).effects).toEqual([{ kind: 'recall', ticketId: 'old1' }]);
    expect(press(open, ['ArrowDown', 'ArrowDown', 'Enter']).effects).toEqual([{ kind: 'recall', ticketId: 'old3' }]);
    expect(press(open, ['ArrowRight', 'ArrowLeft', 'ArrowLeft', 'r']).effects).toEqual([
      { kind: 'recall', ticketId: 'old1' },
    ]);
    expect(press(view({ recallOpen: true }), ['r']).effects).toEqual([]);
  });

  it('undoes from anywhere', () => {
    expect(press(view(), ['u']).effects).toEqual([{ kind: 'undo' }]);
    expect(press(view({ recallOpen: true, recallIds: ['x'] }), ['u']).effects).toEqual([{ kind: 'undo' }]);
  });

  it('a second Space on a bumped ticket kept in place does nothing, to it or to the next order', () => {
    const v = view();
    // Space on t2's only item bumps it (and with it the ticket, on the edge).
    const first = press(v, ['ArrowRight', 'ArrowRight', 'ArrowDown', ' ']);
    expect(first.effects).toEqual([{ kind: 'bump-item', ticketId: 't2', lineId: 'c' }]);
    // t2 is now shown as done where it was, with the cursor still on it.
    const bumped = view({ tickets: v.tickets.map((t) => (t.id === 't2' ? { ...t, done: true } : t)) });
    const again = press(bumped, [' ', ' ', 'Enter', 'ArrowDown'], first.cursor);
    expect(again.effects).toEqual([]);
    expect(again.cursor.ticketId).toBe('t2');
    // Only "next" moves on.
    expect(press(bumped, ['ArrowRight'], first.cursor).cursor).toMatchObject({ ticketId: 't3', lineId: undefined });
  });

  it('does nothing on an empty screen', () => {
    expect(press(view({ tickets: [] }), ['ArrowRight', 'ArrowDown', 'Enter', ' '])).toEqual({
      cursor: { ticketId: undefined, lineId: undefined },
      effects: [],
    });
  });
});
