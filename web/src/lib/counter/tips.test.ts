import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameTip, TIP_PERCENTS, tipAmount, tipFields, tipOf } from './tips.js';

describe('card tips', () => {
  it('suggests 15, 18 and 20 percent of the sale, rounded half up to the cent', () => {
    expect(TIP_PERCENTS).toEqual([15, 18, 20]);
    expect(TIP_PERCENTS.map((p) => tipOf(893, p))).toEqual([134, 161, 179]); // 133.95, 160.74, 178.6
    expect(tipOf(1000, 15)).toBe(150);
    expect(tipOf(10, 15)).toBe(2); // 1.5 cents rounds up
    expect(tipOf(0, 20)).toBe(0);
  });

  it('is whole cents, never more than the exact share plus half a cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 100 }), (base, percent) => {
        const tip = tipOf(base, percent);
        expect(Number.isSafeInteger(tip)).toBe(true);
        expect(Math.abs(tip * 100 - base * percent)).toBeLessThanOrEqual(50);
      }),
    );
  });

  it('sends the tip the screen chose, or lets the pinpad ask, and nothing for no tip', () => {
    expect(tipFields({ kind: 'percent', percent: 18 }, 893)).toEqual({ tip: 161 });
    expect(tipFields({ kind: 'amount', amount: 200 }, 893)).toEqual({ tip: 200 });
    expect(tipFields({ kind: 'none' }, 893)).toEqual({});
    expect(tipFields({ kind: 'pinpad' }, 893)).toEqual({ tipPrompt: true });
    expect(tipAmount({ kind: 'pinpad' }, 893)).toBeUndefined();
    expect(sameTip({ kind: 'percent', percent: 18 }, { kind: 'percent', percent: 18 })).toBe(true);
    expect(sameTip({ kind: 'percent', percent: 18 }, { kind: 'percent', percent: 20 })).toBe(false);
  });
});
