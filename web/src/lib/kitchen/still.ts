/**
 * Nothing moves under a finger: while a pointer is down on a kitchen screen, and for
 * {@link STILL_MS} after it is lifted, its cards keep the places they had when it went down. A card
 * whose order left the list meanwhile (made ready, cancelled) stays in its place, shown as gone,
 * with nothing on it to press; one that arrived goes after them. Then the list is in its own order
 * again. Without it a re-sort between press and release (an order made ready by its last station, a
 * rush order arriving) puts another card under the finger: the tap is lost, or lands on the wrong
 * order.
 */

/** How long the cards stay where they are after the pointer is lifted. */
export const STILL_MS = 1500;
/**
 * The longest the cards are held without a break: a release the screen never hears (the pointer
 * lifted outside the window, a cloth lying on the screen) or taps that never pause for
 * {@link STILL_MS} (a cook bumping item after item in a rush) must not keep the list out of its order
 * for good. Past it, the list takes its own order at the first moment no pointer is down, and a
 * pointer down without end is given up on after as long again.
 */
export const HOLD_MAX_MS = 15_000;

export interface Placed<T> {
  entry: T;
  /** No longer in the list: kept in its place until the list may move again; nothing on it can be pressed. */
  gone: boolean;
}

/**
 * The cards to show: `current` in its own order, or, while `still` (the entries as shown when the
 * pointer went down, in their places) is set, in those places with the current entries, the gone
 * ones as they were, and the new ones after them in their own order.
 */
export function stillOrder<T>(
  current: readonly T[],
  idOf: (entry: T) => string,
  still: ReadonlyMap<string, T> | undefined,
): Placed<T>[] {
  if (still === undefined) return current.map((entry) => ({ entry, gone: false }));
  const now = new Map(current.map((entry) => [idOf(entry), entry]));
  const placed: Placed<T>[] = [];
  for (const [id, was] of still) {
    const entry = now.get(id);
    placed.push(entry === undefined ? { entry: was, gone: true } : { entry, gone: false });
  }
  for (const entry of current) if (!still.has(idOf(entry))) placed.push({ entry, gone: false });
  return placed;
}
