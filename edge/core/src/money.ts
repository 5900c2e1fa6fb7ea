/**
 * Money is an integer count of minor units (cents) with its currency. No floats near a price:
 * every function here takes and returns integers, and the one place leftover cents are split
 * is {@link allocate} (largest remainder).
 */
import { TillboxError } from './errors.js';

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

export function assertMinorUnits(amount: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amount)) {
    throw new TillboxError('validation', `${what} must be an integer number of minor units, got ${amount}`);
  }
}

export function money(amount: number, currency: string): Money {
  assertMinorUnits(amount);
  if (!CURRENCY.test(currency))
    throw new TillboxError('validation', `currency must be an ISO 4217 code, got "${currency}"`);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new TillboxError('validation', `cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function multiplyMoney(a: Money, factor: number): Money {
  if (!Number.isSafeInteger(factor)) throw new TillboxError('validation', `factor must be an integer, got ${factor}`);
  return money(a.amount * factor, a.currency);
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  let total = 0;
  for (const m of items) {
    if (m.currency !== currency) throw new TillboxError('validation', `cannot add ${m.currency} to a ${currency} sum`);
    total += m.amount;
  }
  return money(total, currency);
}

export type RoundingMode = 'half-up' | 'half-even';

/**
 * Divide an integer by a positive integer and round the quotient: the one rounding helper.
 * `half-up` rounds halves away from zero; `half-even` rounds halves to the even neighbour.
 */
export function divideRounded(numerator: number, denominator: number, mode: RoundingMode = 'half-up'): number {
  assertMinorUnits(numerator, 'numerator');
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new TillboxError('validation', `denominator must be a positive integer, got ${denominator}`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const q = Math.floor(n / denominator);
  const r = n - q * denominator;
  const twice = r * 2;
  let result = q;
  if (twice > denominator) result = q + 1;
  else if (twice === denominator) result = mode === 'half-up' || q % 2 === 1 ? q + 1 : q;
  return sign * result + 0; // + 0 turns -0 into 0
}

/**
 * Split `total` minor units in proportion to `weights` by the largest-remainder method:
 * every share is the floor of its exact share, and the leftover units go one each to the
 * shares with the largest remainders (earlier index first on ties). The shares always sum to
 * `total` exactly. Weights must be non-negative integers; if all are zero the split is even.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinorUnits(total, 'total');
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new TillboxError('validation', 'cannot allocate a non-zero amount to nothing');
  }
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new TillboxError('validation', `weights must be non-negative integers, got ${w}`);
  }
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  let weightSum = weights.reduce((s, w) => s + w, 0);
  const effective = weightSum === 0 ? weights.map(() => 1) : weights;
  if (weightSum === 0) weightSum = weights.length;

  const shares: number[] = [];
  const remainders: { index: number; remainder: number }[] = [];
  let given = 0;
  // Plain numbers are exact while abs × weight stays a safe integer; past that, BigInt.
  const exactInNumbers = abs * Math.max(...effective) + weightSum <= Number.MAX_SAFE_INTEGER;
  effective.forEach((w, index) => {
    let share: number;
    let remainder: number;
    if (exactInNumbers) {
      const exact = abs * w;
      share = Math.floor(exact / weightSum);
      remainder = exact - share * weightSum;
      // The float quotient can land one off next to a whole number; the remainder says so.
      if (remainder < 0) {
        share -= 1;
        remainder += weightSum;
      } else if (remainder >= weightSum) {
        share += 1;
        remainder -= weightSum;
      }
    } else {
      const exact = BigInt(abs) * BigInt(w);
      share = Number(exact / BigInt(weightSum));
      remainder = Number(exact % BigInt(weightSum));
    }
    shares.push(share);
    remainders.push({ index, remainder });
    given += share;
  });
  let leftover = abs - given;
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of remainders) {
    if (leftover === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    leftover -= 1;
  }
  return shares.map((s) => s * sign + 0); // + 0 turns -0 into 0
}

const DIGITS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, OMR: 3, TND: 3 };

/** Number of minor-unit digits of a currency (2 unless listed). */
export function currencyDigits(currency: string): number {
  return DIGITS[currency] ?? 2;
}

/**
 * One formatter per locale and currency, made on first use: making an `Intl.NumberFormat` costs
 * far more than formatting with one, and a menu formats a price per item.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyDigits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Format for display, e.g. `formatMoney({amount: 1234, currency: 'USD'}, 'en') === '$12.34'`. */
export function formatMoney(m: Money, locale = 'en'): string {
  return moneyFormatter(locale, m.currency).format(m.amount / 10 ** currencyDigits(m.currency));
}
