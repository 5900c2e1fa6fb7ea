/**
 * Where an order line is made. A plain line is made at its station. A combo line is made as its
 * chosen slot items, each at its own item's station (a latte chosen in a coffee-and-pastry combo
 * at the bar, the croissant in the kitchen): the line stands on the ticket of each of those
 * stations, shows there under the combo's name only the slot items made there, and is bumped
 * station by station. The one rule for firing tickets, bumping them and showing them (the KDS,
 * the expo and the printed ticket).
 */
import { z } from 'zod';
import type { PricedLine } from '../wire/api.js';

export const linePartSchema = z.object({
  slotId: z.string(),
  itemId: z.string(),
  variantId: z.string().optional(),
  station: z.string().describe('Where this slot item is made: its own item’s station'),
  allergens: z.array(z.string()),
  choices: z
    .int()
    .min(1)
    .describe(
      "How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order)",
    ),
});
/** One chosen slot item of a combo line, routed to its own station. */
export type LinePart = z.infer<typeof linePartSchema>;

/** What the kitchen rules read of a line; `bumpedAt` of a part is when its station marked it done. */
export interface KitchenLine {
  readonly station: string;
  readonly bumpedAt?: number | undefined;
  readonly parts?: readonly (LinePart & { readonly bumpedAt?: number | undefined })[] | undefined;
}

const hasParts = (line: KitchenLine): boolean => (line.parts?.length ?? 0) > 0;

function withoutBump<T extends { bumpedAt?: number | undefined }>(o: T): T {
  const copy = { ...o };
  delete copy.bumpedAt;
  return copy;
}

/** The stations a line is made at, each once, in the order of its parts. */
export function lineStations(line: KitchenLine): string[] {
  return hasParts(line) ? [...new Set((line.parts ?? []).map((p) => p.station))] : [line.station];
}

/** Whether any of the line is made at `station` (it stands on that station's ticket). */
export function madeAt(line: KitchenLine, station: string): boolean {
  return hasParts(line) ? (line.parts ?? []).some((p) => p.station === station) : line.station === station;
}

/** When `station` finished its share of the line (the last of its parts there), or undefined. */
export function bumpedAtStation(line: KitchenLine, station: string): number | undefined {
  if (!hasParts(line)) return line.station === station ? line.bumpedAt : undefined;
  let last: number | undefined;
  for (const p of line.parts ?? []) {
    if (p.station !== station) continue;
    if (p.bumpedAt === undefined) return undefined;
    last = last === undefined ? p.bumpedAt : Math.max(last, p.bumpedAt);
  }
  return last;
}

/**
 * The line with its share at `station` bumped at `at` (what was bumped already keeps its time). A
 * combo line is bumped as a whole when its last station bumps it. The same object when nothing changes.
 */
export function bumpAtStation<L extends KitchenLine>(line: L, station: string, at: number): L {
  if (!hasParts(line))
    return line.station === station && line.bumpedAt === undefined ? { ...line, bumpedAt: at } : line;
  const parts = line.parts ?? [];
  if (!parts.some((p) => p.station === station && p.bumpedAt === undefined)) return line;
  const next = parts.map((p) => (p.station === station && p.bumpedAt === undefined ? { ...p, bumpedAt: at } : p));
  return next.every((p) => p.bumpedAt !== undefined)
    ? { ...line, parts: next, bumpedAt: line.bumpedAt ?? at }
    : { ...withoutBump(line), parts: next };
}

/** The line with its share at `station` not bumped (a recall, an item unbumped). The same object when nothing changes. */
export function unbumpAtStation<L extends KitchenLine>(line: L, station: string): L {
  if (!hasParts(line)) return line.station === station && line.bumpedAt !== undefined ? withoutBump(line) : line;
  const parts = line.parts ?? [];
  if (!parts.some((p) => p.station === station && p.bumpedAt !== undefined)) return line;
  return { ...withoutBump(line), parts: parts.map((p) => (p.station === station ? withoutBump(p) : p)) };
}

/**
 * What `station` shows of a line: the line itself when it is made there whole; for a combo, the
 * combo's name with only the slot items made there (and their choices and allergens, and the
 * combo's own choices); undefined when nothing of it is made there.
 */
export function lineAtStation(line: PricedLine, station: string): PricedLine | undefined {
  if (!madeAt(line, station)) return undefined;
  const parts = line.parts ?? [];
  if (parts.length === 0) return line;
  const own = line.modifiers.length - parts.reduce((n, p) => n + p.choices, 0);
  if (own < 0) return { ...line, station }; // not as placed: show it all rather than guess
  const modifiers = line.modifiers.slice(0, own);
  let at = own;
  for (const p of parts) {
    if (p.station === station) modifiers.push(...line.modifiers.slice(at, at + p.choices));
    at += p.choices;
  }
  const ofParts = new Set(parts.flatMap((p) => p.allergens));
  const allergens = new Set([
    ...line.allergens.filter((a) => !ofParts.has(a)),
    ...parts.filter((p) => p.station === station).flatMap((p) => p.allergens),
  ]);
  return { ...line, station, modifiers, allergens: [...allergens].sort() };
}
