/**
 * Nothing moves under a cook's finger: a ticket this screen bumps stays where it was, shown as
 * done, for a moment after it leaves the kitchen (so a second tap or key press lands on it, not on
 * the next order), and for as long as the bump bar's cursor is on it. The cursor moves off it
 * only when the cook presses next or previous.
 */

/** How long a bumped ticket keeps its place after the last tap. */
export const HOLD_MS = 3000;
/** How long a bumped ticket the cursor is on keeps its place after the last key press. */
export const SELECTED_HOLD_MS = 20_000;

interface HasTicket {
  ticket: { id: string };
}

export interface Held<T extends HasTicket> {
  /** The ticket as it was shown when it was bumped. */
  entry: T;
  /** Its place in the list then. */
  index: number;
  /** When it was bumped (ms). */
  at: number;
}

export interface Shown<T extends HasTicket> {
  entry: T;
  /** Bumped: kept in place, nothing on it can be pressed. */
  done: boolean;
}

/** The tickets to show: the open ones in priority order, with each held one that left back at its place. */
export function withHeld<T extends HasTicket>(open: readonly T[], held: ReadonlyMap<string, Held<T>>): Shown<T>[] {
  const shown: Shown<T>[] = open.map((entry) => ({ entry, done: false }));
  if (held.size === 0) return shown;
  const openIds = new Set(open.map((e) => e.ticket.id));
  const back = [...held.values()].filter((h) => !openIds.has(h.entry.ticket.id)).sort((a, b) => a.index - b.index);
  for (const h of back) shown.splice(Math.min(h.index, shown.length), 0, { entry: h.entry, done: true });
  return shown;
}

/**
 * The held tickets whose time is up at `now`: a ticket the cursor is not on {@link HOLD_MS} after
 * its bump or the last tap, whichever is later; the one under the cursor {@link SELECTED_HOLD_MS}
 * after the last key press.
 */
export function expiredHolds<T extends HasTicket>(
  held: ReadonlyMap<string, Held<T>>,
  now: number,
  selectedId: string | undefined,
  last: { tap: number; key: number },
): string[] {
  const expired: string[] = [];
  for (const [id, h] of held) {
    const since = id === selectedId ? Math.max(h.at, last.key) : Math.max(h.at, last.tap);
    if (now - since >= (id === selectedId ? SELECTED_HOLD_MS : HOLD_MS)) expired.push(id);
  }
  return expired;
}
