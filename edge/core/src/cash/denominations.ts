/**
 * Cash by denomination: the bills and coins of a currency, and a count of a drawer (how many
 * pieces of each) with its total. A count is keyed by the face value in minor units written as
 * a decimal string (`{"2000": 3, "25": 8}` is three $20 bills and eight quarters: 6200 cents).
 * The counter screen's counting and the edge's decision both add up with {@link countTotal}.
 */
import { TillboxError } from '../errors.js';

export interface Denomination {
  /** Face value in minor units. */
  value: number;
  kind: 'bill' | 'coin';
  /** How staff call it: "$20", "25¢". */
  label: string;
}

const bill = (value: number, label: string): Denomination => ({ value, kind: 'bill', label });
const coin = (value: number, label: string): Denomination => ({ value, kind: 'coin', label });

/** Bills then coins, largest first, for the currencies a store may trade in. */
export const DENOMINATIONS: Readonly<Record<string, readonly Denomination[]>> = {
  USD: [
    bill(10_000, '$100'),
    bill(5_000, '$50'),
    bill(2_000, '$20'),
    bill(1_000, '$10'),
    bill(500, '$5'),
    bill(200, '$2'),
    bill(100, '$1'),
    coin(50, '50¢'),
    coin(25, '25¢'),
    coin(10, '10¢'),
    coin(5, '5¢'),
    coin(1, '1¢'),
  ],
  CAD: [
    bill(10_000, '$100'),
    bill(5_000, '$50'),
    bill(2_000, '$20'),
    bill(1_000, '$10'),
    bill(500, '$5'),
    coin(200, '$2'),
    coin(100, '$1'),
    coin(25, '25¢'),
    coin(10, '10¢'),
    coin(5, '5¢'),
  ],
  EUR: [
    bill(20_000, '€200'),
    bill(10_000, '€100'),
    bill(5_000, '€50'),
    bill(2_000, '€20'),
    bill(1_000, '€10'),
    bill(500, '€5'),
    coin(200, '€2'),
    coin(100, '€1'),
    coin(50, '50c'),
    coin(20, '20c'),
    coin(10, '10c'),
    coin(5, '5c'),
    coin(2, '2c'),
    coin(1, '1c'),
  ],
  GBP: [
    bill(5_000, '£50'),
    bill(2_000, '£20'),
    bill(1_000, '£10'),
    bill(500, '£5'),
    coin(200, '£2'),
    coin(100, '£1'),
    coin(50, '50p'),
    coin(20, '20p'),
    coin(10, '10p'),
    coin(5, '5p'),
    coin(2, '2p'),
    coin(1, '1p'),
  ],
};

/** At most this many pieces of one denomination in one count. */
export const MAX_PIECES = 10_000;

/** Pieces by face value (minor units, as a decimal string). */
export type DenominationCount = Readonly<Record<string, number>>;

/** The bills and coins of a currency, largest first; empty when Tillbox has no table for it (count by amount). */
export function denominationsOf(currency: string): readonly Denomination[] {
  return DENOMINATIONS[currency] ?? [];
}

/**
 * The total of a count in minor units. Refuses (`validation`, naming the key) a face value the
 * currency does not have, or a number of pieces that is not a whole number from 0 to {@link MAX_PIECES}.
 */
export function countTotal(count: DenominationCount, currency: string): number {
  const known = new Set(denominationsOf(currency).map((d) => String(d.value)));
  if (known.size === 0)
    throw new TillboxError('validation', `there is no table of ${currency} bills and coins: give the amount instead`, {
      details: [{ path: 'count', message: 'count by amount' }],
    });
  let total = 0;
  for (const [face, pieces] of Object.entries(count)) {
    if (!known.has(face))
      throw new TillboxError('validation', `${currency} has no bill or coin worth ${face} minor units`, {
        details: [{ path: `count.${face}`, message: 'not a denomination of the store currency' }],
      });
    if (!Number.isSafeInteger(pieces) || pieces < 0 || pieces > MAX_PIECES)
      throw new TillboxError('validation', `a count of pieces must be a whole number from 0 to ${MAX_PIECES}`, {
        details: [{ path: `count.${face}`, message: `got ${pieces}` }],
      });
    total += Number(face) * pieces;
  }
  return total;
}

/** The count without its zero entries, largest face value first (what is stored and shown). */
export function normalizeCount(count: DenominationCount): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [face, pieces] of Object.entries(count).sort(([a], [b]) => Number(b) - Number(a))) {
    if (pieces > 0) out[face] = pieces;
  }
  return out;
}
