/**
 * Cash at the counter: the quick-tender buttons (exact, then the notes a guest is likely to hand
 * over), the amount a cashier types, and the change due. Integer minor units throughout.
 *
 * Pure: no Svelte, no DOM.
 */
import { currencyDigits } from '@tillbox/core';

/** Round amounts a guest pays with, in minor units: the next whole unit, then the notes. */
const NOTE_STEPS: Readonly<Record<string, readonly number[]>> = {
  USD: [100, 500, 1000, 2000, 5000, 10000],
  CAD: [100, 500, 1000, 2000, 5000, 10000],
  EUR: [100, 500, 1000, 2000, 5000, 10000],
  GBP: [100, 500, 1000, 2000, 5000],
  JPY: [100, 500, 1000, 5000, 10000],
};

/** How many quick-tender buttons, exact included. */
export const QUICK_TENDERS = 5;

/**
 * Exact, then each step's next amount at or above the total, without repeats, at most
 * {@link QUICK_TENDERS}: $8.93 → $8.93, $9, $10, $20, $50.
 */
export function quickTenders(total: number, currency: string): number[] {
  const digits = currencyDigits(currency);
  const unit = 10 ** digits;
  const steps = NOTE_STEPS[currency] ?? [1, 5, 10, 20, 50, 100].map((n) => n * unit);
  const out = [total];
  for (const step of steps) {
    const next = Math.ceil(total / step) * step;
    if (next > 0 && !out.includes(next)) out.push(next);
    if (out.length >= QUICK_TENDERS) break;
  }
  return out.sort((a, b) => a - b);
}

/**
 * What the cashier typed as money: "20" is 20.00, "8.93" and "8,93" are 8.93. Undefined for
 * anything else (letters, more decimals than the currency has, a negative amount).
 */
export function parseTendered(text: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const t = text.trim().replace(',', '.');
  const pattern = digits === 0 ? /^(\d{1,9})$/ : new RegExp(`^(\\d{0,9})(?:\\.(\\d{0,${digits}}))?$`);
  const m = pattern.exec(t);
  if (!m || t === '' || t === '.') return undefined;
  const whole = Number(m[1] || '0');
  const fraction = Number((m[2] ?? '').padEnd(digits, '0') || '0');
  return whole * 10 ** digits + fraction;
}

/** The change for `tendered` against `total`; undefined while the cash does not cover it. */
export function changeDue(total: number, tendered: number | undefined): number | undefined {
  if (tendered === undefined || tendered < total) return undefined;
  return tendered - total;
}
