import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TillboxError } from './errors.js';
import {
  addMoney,
  allocate,
  currencyDigits,
  divideRounded,
  formatMoney,
  money,
  multiplyMoney,
  subtractMoney,
  sumMoney,
} from './money.js';

/** Runs `fn`, expects a TillboxError and returns it so the test can look at it. */
function refusal(fn: () => unknown): TillboxError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error('expected a TillboxError, but nothing was thrown');
}

const RUNS = { numRuns: 2000 };

describe('allocate', () => {
  it('splits 100 three ways as 34/33/33, the first share taking the leftover cent', () => {
    // 100 / 3 = 33 r 1 each; floors sum to 99; the one leftover cent goes to index 0 on the tie.
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('splits a $10.00 check between three guests as 3.34 + 3.33 + 3.33', () => {
    // 1000 / 3 = 333 r 1 each; leftover 1 → index 0.
    expect(allocate(1000, [1, 1, 1])).toEqual([334, 333, 333]);
  });

  it('gives the leftover to the largest remainder, not simply to the first share', () => {
    // 10·1/3 = 3 r 1, 10·2/3 = 6 r 2 → floors 3 + 6 = 9, leftover 1 goes to index 1 (remainder 2).
    expect(allocate(10, [1, 2])).toEqual([3, 7]);
    // 1000·1/6 = 166 r 4, 1000·2/6 = 333 r 2, 1000·3/6 = 500 r 0 → 999, leftover → index 0.
    expect(allocate(1000, [1, 2, 3])).toEqual([167, 333, 500]);
  });

  it('hands out several leftover cents to the largest remainders in order', () => {
    // 11·2/7 = 3 r 1, 11·2/7 = 3 r 1, 11·3/7 = 4 r 5 → floors 10, leftover 1 → index 2 (r 5).
    expect(allocate(11, [2, 2, 3])).toEqual([3, 3, 5]);
    // 5 over four equal shares: 1 r 1 each → 4, leftover 1 → index 0.
    expect(allocate(5, [1, 1, 1, 1])).toEqual([2, 1, 1, 1]);
    // 3 over five equal shares: 0 r 3 each → leftovers to indexes 0, 1, 2.
    expect(allocate(3, [1, 1, 1, 1, 1])).toEqual([1, 1, 1, 0, 0]);
  });

  it('splits exactly when the weights divide the total', () => {
    // 10·3/10 = 3, 10·7/10 = 7, no remainder.
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocate(5, [0, 1])).toEqual([0, 5]);
  });

  it('mirrors a negative total (a refund) share by share', () => {
    // |−100| split as 34/33/33, then negated.
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    // |−10| by 1:2 → 3/7, negated.
    expect(allocate(-10, [1, 2])).toEqual([-3, -7]);
  });

  it('splits evenly when every weight is zero', () => {
    expect(allocate(10, [0, 0])).toEqual([5, 5]);
    // 7 / 3 = 2 r 1 → 3, 2, 2.
    expect(allocate(7, [0, 0, 0])).toEqual([3, 2, 2]);
  });

  it('allocates zero to no weights, but refuses a non-zero amount with nowhere to go', () => {
    expect(allocate(0, [])).toEqual([]);
    expect(refusal(() => allocate(5, [])).code).toBe('validation');
  });

  it('refuses negative or fractional weights and a fractional total', () => {
    expect(refusal(() => allocate(100, [1, -1])).code).toBe('validation');
    expect(refusal(() => allocate(100, [1, 0.5])).code).toBe('validation');
    expect(refusal(() => allocate(1.5, [1, 1])).code).toBe('validation');
  });

  it('never shows a refund share as "-$0.00" (a zero share of a negative total is +0)', () => {
    // −1 over 1:1 → |−1| = 0 r 1 each → [1, 0], negated → [−1, 0]; the 0 must not become −0.
    const shares = allocate(-1, [1, 1]);
    expect(shares[0]).toBe(-1);
    expect(shares[1]).toBe(0); // toBe compares with Object.is, so −0 fails here
    expect(formatMoney(money(shares[1] ?? NaN, 'USD'))).toBe('$0.00');
  });

  const total = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
  const weights = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 });

  it('property: the shares always add up to the total exactly', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        expect(allocate(t, w).reduce((s, x) => s + x, 0)).toBe(t);
      }),
      RUNS,
    );
  });

  it('property: each share is within one unit of its exact proportional share', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const effective = w.every((x) => x === 0) ? w.map(() => 1) : w;
        const sum = BigInt(effective.reduce((s, x) => s + x, 0));
        allocate(t, w).forEach((share, i) => {
          // |share − t·w/W| < 1  ⇔  |share·W − t·w| < W, checked in exact integers.
          const diff = BigInt(share) * sum - BigInt(t) * BigInt(effective[i] ?? 0);
          expect(diff < sum && -diff < sum).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('property: the same input always gives the same split, and the weights are left untouched', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const before = [...w];
        const first = allocate(t, w);
        expect(allocate(t, [...w])).toEqual(first);
        expect(w).toEqual(before);
      }),
      RUNS,
    );
  });

  it('property: a non-negative total never produces a negative share', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000_000_000 }), weights, (t, w) => {
        for (const share of allocate(t, w)) expect(share).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('property: splitting a refund is the negation of splitting the charge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000_000 }), weights, (t, w) => {
        expect(allocate(-t, w).map((x) => 0 - x)).toEqual(allocate(t, w)); // 0 - x, not -x: -0 is not a share
      }),
      RUNS,
    );
  });
});

describe('divideRounded', () => {
  it('rounds halves away from zero in half-up mode', () => {
    expect(divideRounded(5, 2)).toBe(3); // 2.5 → 3
    expect(divideRounded(7, 2, 'half-up')).toBe(4); // 3.5 → 4
    expect(divideRounded(-5, 2, 'half-up')).toBe(-3); // −2.5 → −3
  });

  it('rounds halves to the even neighbour in half-even mode', () => {
    expect(divideRounded(5, 2, 'half-even')).toBe(2); // 2.5 → 2
    expect(divideRounded(7, 2, 'half-even')).toBe(4); // 3.5 → 4
    expect(divideRounded(-5, 2, 'half-even')).toBe(-2); // −2.5 → −2
    expect(divideRounded(-7, 2, 'half-even')).toBe(-4); // −3.5 → −4
  });

  it('rounds non-halves to the nearest whatever the mode', () => {
    expect(divideRounded(10, 3)).toBe(3); // 3.33 → 3
    expect(divideRounded(11, 3, 'half-even')).toBe(4); // 3.67 → 4
    expect(divideRounded(-11, 3)).toBe(-4); // −3.67 → −4
    expect(divideRounded(1234, 1)).toBe(1234);
  });

  it('never returns negative zero for a small negative quotient', () => {
    // −1 / 3 = −0.33 → 0; a −0 would show as "-$0.00".
    expect(divideRounded(-1, 3)).toBe(0); // Object.is: −0 fails
    expect(formatMoney(money(divideRounded(-1, 3), 'USD'))).toBe('$0.00');
  });

  it('refuses a zero, negative or fractional denominator and a fractional numerator', () => {
    expect(refusal(() => divideRounded(10, 0)).code).toBe('validation');
    expect(refusal(() => divideRounded(10, -2)).code).toBe('validation');
    expect(refusal(() => divideRounded(10, 2.5)).code).toBe('validation');
    expect(refusal(() => divideRounded(1.5, 2)).code).toBe('validation');
  });

  it('property: the result is an integer within half a divisor of the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (n, d, mode) => {
          const q = divideRounded(n, d, mode);
          expect(Number.isInteger(q)).toBe(true);
          expect(Math.abs(q * d - n)).toBeLessThanOrEqual(d / 2);
        },
      ),
      RUNS,
    );
  });

  it('property: the modes differ only on exact halves', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        const isHalf = Math.abs(n % d) * 2 === d;
        if (!isHalf) expect(divideRounded(n, d, 'half-even')).toBe(divideRounded(n, d, 'half-up'));
        else expect(Math.abs(divideRounded(n, d, 'half-even')) % 2).toBe(0);
      }),
      RUNS,
    );
  });
});

describe('Money arithmetic', () => {
  it('adds, subtracts, multiplies and sums in one currency', () => {
    expect(addMoney(money(425, 'USD'), money(70, 'USD'))).toEqual({ amount: 495, currency: 'USD' });
    expect(subtractMoney(money(425, 'USD'), money(500, 'USD'))).toEqual({ amount: -75, currency: 'USD' });
    expect(multiplyMoney(money(605, 'USD'), 2)).toEqual({ amount: 1210, currency: 'USD' });
    // 1210 + 1035 + 545 = 2790
    expect(sumMoney([money(1210, 'USD'), money(1035, 'USD'), money(545, 'USD')], 'USD').amount).toBe(2790);
    expect(sumMoney([], 'KRW')).toEqual({ amount: 0, currency: 'KRW' });
  });

  it('refuses to combine two currencies, naming both', () => {
    const e = refusal(() => addMoney(money(100, 'USD'), money(100, 'EUR')));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('USD');
    expect(e.message).toContain('EUR');
    expect(refusal(() => subtractMoney(money(1, 'USD'), money(1, 'KRW'))).code).toBe('validation');
    expect(refusal(() => sumMoney([money(1, 'USD'), money(1, 'EUR')], 'USD')).code).toBe('validation');
  });

  it('refuses fractional amounts, fractional factors and bad currency codes', () => {
    const e = refusal(() => money(1.5, 'USD'));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('1.5');
    expect(refusal(() => money(Number.NaN, 'USD')).code).toBe('validation');
    expect(refusal(() => money(2 ** 53, 'USD')).code).toBe('validation');
    expect(refusal(() => multiplyMoney(money(100, 'USD'), 1.5)).code).toBe('validation');
    for (const bad of ['usd', 'US', 'USDX', '', '12A']) {
      expect(refusal(() => money(100, bad)).message).toContain(`"${bad}"`);
    }
  });
});

describe('formatMoney', () => {
  it('shows US dollars with two decimals', () => {
    expect(formatMoney(money(1234, 'USD'))).toBe('$12.34');
    expect(formatMoney(money(5, 'USD'))).toBe('$0.05');
    expect(formatMoney(money(0, 'USD'))).toBe('$0.00');
    expect(formatMoney(money(-1234, 'USD'))).toBe('-$12.34');
    expect(formatMoney(money(123456789, 'USD'))).toBe('$1,234,567.89');
  });

  it('shows won and yen without decimals, and three-digit currencies with three', () => {
    expect(currencyDigits('KRW')).toBe(0);
    expect(formatMoney(money(1234, 'KRW'))).toBe('₩1,234');
    expect(formatMoney(money(1234, 'JPY'))).toBe('¥1,234');
    expect(currencyDigits('BHD')).toBe(3);
    expect(formatMoney(money(1234, 'BHD'))).toMatch(/1\.234$/);
  });

  it('formats each locale and currency by its own rules, however they alternate', () => {
    expect(formatMoney(money(123456, 'EUR'), 'de')).toMatch(/^1\.234,56\s€$/);
    expect(formatMoney(money(123456, 'EUR'), 'en')).toBe('€1,234.56');
    expect(formatMoney(money(123456, 'USD'), 'de')).toMatch(/^1\.234,56\s\$$/);
    expect(formatMoney(money(123456, 'KRW'), 'ko')).toBe('₩123,456');
    expect(formatMoney(money(123456, 'EUR'), 'de')).toMatch(/^1\.234,56\s€$/);
    expect(() => formatMoney({ amount: 1, currency: 'not a currency' })).toThrow(RangeError);
    expect(() => formatMoney({ amount: 1, currency: 'not a currency' })).toThrow(RangeError);
  });

  it('property: the digits shown are exactly the minor units', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (amount) => {
        const shown = formatMoney(money(amount, 'USD'));
        expect(shown.replace(/[^0-9]/g, '')).toBe(String(Math.abs(amount)).padStart(3, '0'));
        expect(shown.startsWith('-')).toBe(amount < 0);
      }),
      RUNS,
    );
  });
});
