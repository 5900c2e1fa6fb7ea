/**
 * Counting a drawer by denomination on the counter screen: the pieces the cashier types (or taps
 * up and down) per bill and coin, each row's value, and the total — added up by the core's
 * `countTotal`, the same function the edge closes the drawer with. A blind count shows only what
 * was counted, never what the drawer should hold.
 *
 * Pure: no Svelte, no DOM.
 */
import {
  countTotal,
  denominationsOf,
  MAX_PIECES,
  normalizeCount,
  type Denomination,
  type DenominationCount,
} from '@tillbox/core';

/** What the cashier typed per face value (minor units, as a string key). Empty means none. */
export type PiecesText = Readonly<Record<string, string>>;

export interface CountRow {
  denomination: Denomination;
  /** The face value as the count's key. */
  key: string;
  /** Pieces, when what was typed is a whole number of them. */
  pieces: number | undefined;
  /** pieces × face value, minor units (0 while the row is empty or wrong). */
  value: number;
  /** Why what was typed is not a number of pieces. */
  problem?: string;
}

export interface CountSheet {
  rows: CountRow[];
  /** The total in minor units; undefined while a row is wrong. */
  total: number | undefined;
  /** The count to send (rows with pieces only); undefined while a row is wrong. */
  count: DenominationCount | undefined;
}

/** "" is none; "12" is twelve; anything else (letters, decimals, a sign, too many) is not a count. */
export function parsePieces(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d{1,5}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= MAX_PIECES ? n : undefined;
}

/** The sheet for a currency's bills and coins, from what was typed. */
export function countSheet(currency: string, typed: PiecesText): CountSheet {
  let wrong = false;
  const count: Record<string, number> = {};
  const rows = denominationsOf(currency).map((denomination): CountRow => {
    const key = String(denomination.value);
    const pieces = parsePieces(typed[key] ?? '');
    if (pieces === undefined) {
      wrong = true;
      return {
        denomination,
        key,
        pieces,
        value: 0,
        problem: `a whole number of ${denomination.label}, 0 to ${MAX_PIECES}`,
      };
    }
    if (pieces > 0) count[key] = pieces;
    return { denomination, key, pieces, value: pieces * denomination.value };
  });
  if (wrong || rows.length === 0) return { rows, total: undefined, count: undefined };
  const normal = normalizeCount(count);
  return { rows, total: countTotal(normal, currency), count: normal };
}

/** One more (or fewer) of a denomination, never below none; a row that was wrong starts again from none. */
export function stepPieces(typed: PiecesText, key: string, delta: number): Record<string, string> {
  const now = parsePieces(typed[key] ?? '') ?? 0;
  const next = Math.min(MAX_PIECES, Math.max(0, now + delta));
  return { ...typed, [key]: next === 0 ? '' : String(next) };
}

/** A counted drawer against what it should hold, in words: "Balanced", "$6.24 short", "$1.00 over". */
export function varianceWords(variance: number, money: (amount: number) => string): string {
  if (variance === 0) return 'Balanced';
  return `${money(Math.abs(variance))} ${variance < 0 ? 'short' : 'over'}`;
}
