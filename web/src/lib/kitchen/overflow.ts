/** What a scrolled list hides: how many of its items stand below the visible part. */

export interface VerticalSpan {
  top: number;
  bottom: number;
}

/**
 * How many `items` a person cannot read yet because they are below `viewBottom`: those showing
 * less than `minShown` pixels (not even the order number of a ticket) above it.
 */
export function countBelow(items: Iterable<VerticalSpan>, viewBottom: number, minShown = 48): number {
  let below = 0;
  for (const item of items) if (item.top > viewBottom - Math.min(minShown, item.bottom - item.top)) below += 1;
  return below;
}
