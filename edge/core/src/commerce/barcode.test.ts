import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBarcode, gs1CheckDigit, isValidEan13, isValidUpcA } from './barcode.js';

describe('barcode check digits', () => {
  it('accepts a valid EAN-13', () => {
    // 4 0 0 6 3 8 1 3 3 3 9 3 | 1: odd places 4+0+3+1+3+9 = 20, even places (0+6+8+3+3+3) × 3 = 69;
    // 20 + 69 = 89 → check digit 10 − 9 = 1.
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(checkBarcode('4006381333931')).toEqual({ ok: true, format: 'ean-13', normalized: '4006381333931' });
  });

  it('accepts a valid UPC-A and normalizes it to 13 digits', () => {
    // 0 3 6 0 0 0 2 9 1 4 5 | 2: odd places (0+6+0+2+1+5) × 3 = 42, even places 3+0+0+9+4 = 16;
    // 42 + 16 = 58 → check digit 10 − 8 = 2.
    expect(gs1CheckDigit('03600029145')).toBe(2);
    expect(isValidUpcA('036000291452')).toBe(true);
    expect(checkBarcode('036000291452')).toEqual({ ok: true, format: 'upc-a', normalized: '0036000291452' });
  });

  it('accepts a valid EAN-8', () => {
    // 9 6 3 8 5 0 7 | 4: (9+3+5+7) × 3 = 72, 6+8+0 = 14; 86 → 10 − 6 = 4.
    expect(checkBarcode('96385074')).toMatchObject({ ok: true, format: 'ean-8' });
  });

  it('refuses a wrong check digit, naming the expected one', () => {
    const bad = checkBarcode('4006381333932');
    expect(bad).toEqual({ ok: false, problem: 'barcode "4006381333932" has check digit 2, expected 1 for ean-13' });
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidUpcA('036000291453')).toBe(false);
  });

  it('refuses letters and wrong lengths', () => {
    expect(checkBarcode('40063813339X1').ok).toBe(false);
    expect(checkBarcode('12345').ok).toBe(false);
    expect(isValidUpcA('4006381333931')).toBe(false); // a valid EAN-13 is not a UPC-A
  });

  it('property: exactly one final digit makes any 12 digits a valid EAN-13', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (data) => {
        const valid = [...'0123456789'].filter((d) => isValidEan13(data + d));
        expect(valid).toEqual([String(gs1CheckDigit(data))]);
        // UPC-A and its EAN-13 form (leading zero) agree.
        expect(isValidUpcA(data.slice(1) + gs1CheckDigit('0' + data.slice(1)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
