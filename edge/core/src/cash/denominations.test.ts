import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TillboxError } from '../errors.js';
import { countTotal, DENOMINATIONS, denominationsOf, normalizeCount } from './denominations.js';

function refusal(run: () => unknown): TillboxError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error('expected a refusal');
}

describe('denominations', () => {
  it('has US bills and coins, largest first, each face value once', () => {
    const usd = denominationsOf('USD');
    expect(usd.map((d) => d.label)).toEqual([
      '$100',
      '$50',
      '$20',
      '$10',
      '$5',
      '$2',
      '$1',
      '50¢',
      '25¢',
      '10¢',
      '5¢',
      '1¢',
    ]);
    for (const list of Object.values(DENOMINATIONS)) {
      const values = list.map((d) => d.value);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('adds a count up to the cent: three $20s, a $5 and eight quarters are $67.00', () => {
    expect(countTotal({ '2000': 3, '500': 1, '25': 8 }, 'USD')).toBe(6700);
    expect(countTotal({}, 'USD')).toBe(0);
  });

  it('refuses a face value the currency does not have, naming it', () => {
    const e = refusal(() => countTotal({ '300': 1 }, 'USD'));
    expect(e.code).toBe('validation');
    expect(e.details[0]?.path).toBe('count.300');
    // Canada has no pennies.
    expect(refusal(() => countTotal({ '1': 4 }, 'CAD')).details[0]?.path).toBe('count.1');
  });

  it('refuses fractional, negative and absurd numbers of pieces', () => {
    for (const pieces of [-1, 1.5, 10_001, Number.NaN]) {
      expect(refusal(() => countTotal({ '100': pieces }, 'USD')).details[0]?.path).toBe('count.100');
    }
  });

  it('asks for an amount where it has no table of bills and coins', () => {
    expect(refusal(() => countTotal({ '100': 1 }, 'JPY')).message).toMatch(/give the amount instead/);
  });

  it('any count totals the sum of face value × pieces, with or without its zero entries', () => {
    const usd = denominationsOf('USD');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...usd), fc.nat(500)), { maxLength: 12 }), (entries) => {
        const count: Record<string, number> = {};
        for (const [d, n] of entries) count[String(d.value)] = n;
        const expected = Object.entries(count).reduce((s, [face, n]) => s + Number(face) * n, 0);
        expect(countTotal(count, 'USD')).toBe(expected);
        expect(countTotal(normalizeCount(count), 'USD')).toBe(expected);
        expect(Object.values(normalizeCount(count)).every((n) => n > 0)).toBe(true);
      }),
    );
  });
});
