/**
 * The bump bar (a keyboard) on a KDS, as pure functions: which action a key means under the
 * configured keys, and what an action does to the cursor (the selected ticket, item or recall
 * entry) and which command it asks for. The page owns the state and sends the commands.
 */
import type { BumpBarKeys } from '@tillbox/core';

export type BumpBarAction = keyof BumpBarKeys;

export const BUMP_BAR_ACTIONS: readonly BumpBarAction[] = [
  'next',
  'previous',
  'nextItem',
  'previousItem',
  'bump',
  'bumpItem',
  'recall',
  'undo',
];

/** What each action is called in the on-screen legend. */
export const ACTION_LABELS: Readonly<Record<BumpBarAction, string>> = {
  next: 'Next ticket',
  previous: 'Previous ticket',
  nextItem: 'Next item',
  previousItem: 'Previous item',
  bump: 'Bump ticket',
  bumpItem: 'Bump item',
  recall: 'Recall',
  undo: 'Undo bump',
};

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The action a key press means, if any. Letters match either case (caps lock on a bump bar). */
export function bumpBarAction(keys: BumpBarKeys, event: KeyLike): BumpBarAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  for (const action of BUMP_BAR_ACTIONS) {
    const key = keys[action];
    if (key === event.key) return action;
    if (key.length === 1 && event.key.length === 1 && key.toLowerCase() === event.key.toLowerCase()) return action;
  }
  return undefined;
}

/** A key's name as printed on the legend. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    ' ': 'Space',
    ArrowRight: '→',
    ArrowLeft: '←',
    ArrowDown: '↓',
    ArrowUp: '↑',
    Enter: 'Enter',
    Escape: 'Esc',
  };
  return names[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** The next (`delta` 1) or previous (-1) id, staying at the ends; from nothing, the first or last. */
export function step(ids: readonly string[], current: string | undefined, delta: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const at = current === undefined ? -1 : ids.indexOf(current);
  if (at === -1) return delta > 0 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, at + delta))];
}

/**
 * The selection after the list changed: the same id while it is shown, else nothing. It never
 * jumps to another order's ticket by itself (a bumped ticket stays shown while the cursor is on
 * it; only next and previous move the cursor on).
 */
export function keepSelection(ids: readonly string[], current: string | undefined): string | undefined {
  return current !== undefined && ids.includes(current) ? current : undefined;
}

export interface Cursor {
  ticketId?: string | undefined;
  lineId?: string | undefined;
  /** The selected recall entry (a ticket id); the first entry when unset. */
  recallId?: string | undefined;
}

export interface BumpBarView {
  /** Shown tickets in order; `done` ones (bumped, kept in place) can be selected but not changed. */
  tickets: readonly { id: string; done?: boolean; lines: readonly { id: string; bumped: boolean }[] }[];
  recallOpen: boolean;
  /** Ticket ids of the recall list, newest first. */
  recallIds: readonly string[];
}

export type BumpBarEffect =
  | { kind: 'bump'; ticketId: string }
  | { kind: 'bump-item'; ticketId: string; lineId: string }
  | { kind: 'unbump-item'; ticketId: string; lineId: string }
  | { kind: 'open-recall' }
  | { kind: 'recall'; ticketId: string }
  | { kind: 'undo' };

/** What an action does: the new cursor and, maybe, a command to send. */
export function bumpBarStep(
  view: BumpBarView,
  cursor: Cursor,
  action: BumpBarAction,
): { cursor: Cursor; effect?: BumpBarEffect } {
  if (action === 'undo') return { cursor, effect: { kind: 'undo' } };
  if (view.recallOpen) return recallStep(view, cursor, action);

  const ticketIds = view.tickets.map((t) => t.id);
  const ticket = view.tickets.find((t) => t.id === cursor.ticketId);
  switch (action) {
    case 'next':
    case 'previous':
      return {
        cursor: {
          ...cursor,
          ticketId: step(ticketIds, cursor.ticketId, action === 'next' ? 1 : -1),
          lineId: undefined,
        },
      };
    case 'nextItem':
    case 'previousItem': {
      const target = ticket ?? view.tickets[0];
      if (!target || target.done) return { cursor };
      const lineIds = target.lines.map((l) => l.id);
      const from = ticket ? cursor.lineId : undefined;
      return {
        cursor: { ...cursor, ticketId: target.id, lineId: step(lineIds, from, action === 'nextItem' ? 1 : -1) },
      };
    }
    case 'bump':
      if (!ticket) return { cursor: { ...cursor, ticketId: ticketIds[0], lineId: undefined } };
      if (ticket.done) return { cursor };
      return { cursor, effect: { kind: 'bump', ticketId: ticket.id } };
    case 'bumpItem': {
      const target = ticket ?? view.tickets[0];
      if (!target || target.done) return { cursor };
      const line = ticket ? target.lines.find((l) => l.id === cursor.lineId) : undefined;
      if (!line) return { cursor: { ...cursor, ticketId: target.id, lineId: target.lines[0]?.id } };
      return {
        cursor,
        effect: { kind: line.bumped ? 'unbump-item' : 'bump-item', ticketId: target.id, lineId: line.id },
      };
    }
    case 'recall':
      return { cursor: { ...cursor, recallId: undefined }, effect: { kind: 'open-recall' } };
  }
}

function recallStep(
  view: BumpBarView,
  cursor: Cursor,
  action: Exclude<BumpBarAction, 'undo'>,
): { cursor: Cursor; effect?: BumpBarEffect } {
  const current =
    cursor.recallId !== undefined && view.recallIds.includes(cursor.recallId) ? cursor.recallId : view.recallIds[0];
  switch (action) {
    case 'next':
    case 'nextItem':
      return { cursor: { ...cursor, recallId: step(view.recallIds, current, 1) } };
    case 'previous':
    case 'previousItem':
      return { cursor: { ...cursor, recallId: step(view.recallIds, current, -1) } };
    case 'recall':
    case 'bump':
      return current === undefined ? { cursor } : { cursor, effect: { kind: 'recall', ticketId: current } };
    case 'bumpItem':
      return { cursor };
  }
}

/**
 * True when a key press belongs to what has focus rather than to the bump bar: typing in a
 * field, or a control that was reached with Tab (so Enter or Space should press it).
 * `focusFromKeyboard` says whether the focus last moved by Tab rather than by a tap or click.
 */
export function passesThrough(event: Pick<KeyboardEvent, 'target'>, focusFromKeyboard: boolean): boolean {
  const target = event.target;
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, textarea, select') !== null) return true;
  return focusFromKeyboard && target.closest('button, a[href], [role="button"], [tabindex]') !== null;
}
