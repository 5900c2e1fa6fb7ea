import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsCardNumber, freeText, luhnValid, maskCardNumbers } from './card-numbers.js';

/** The Luhn check digit that makes `body` + digit valid. */
function checkDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return String(d);
  throw new Error('unreachable');
}

const digitString = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));

/** A Luhn-valid card number of 13–19 digits. */
const validPan = digitString(12, 18).map((body) => body + checkDigit(body));

/** A 13–19 digit string that fails the Luhn check. */
const invalidPan = validPan.map((pan) => pan.slice(0, -1) + String((Number(pan.slice(-1)) + 1) % 10));

/** Split `digits` into groups at the given cut points, joined as people type them. */
function typed(digits: string, cuts: number[], separators: string[]): string {
  const points = [...new Set(cuts.map((c) => c % digits.length).filter((c) => c > 0))].sort((a, b) => a - b);
  let out = '';
  let from = 0;
  points.forEach((p, i) => {
    out += digits.slice(from, p) + (separators[i % separators.length] ?? ' ');
    from = p;
  });
  return out + digits.slice(from);
}

const separator = fc.constantFrom(' ', '-', ' - ', '  ');
/** Text around a number: any characters but digits (a digit next to it would make it another number). */
const words = fc.string({ maxLength: 30 }).map((s) => s.replace(/\d/g, 'x'));

const digitsOf = (s: string): string => s.replace(/\D/g, '');

describe('maskCardNumbers', () => {
  it('masks a card number typed in groups, keeping the separators and the last four', () => {
    expect(maskCardNumbers('Pay with 4111 1111 1111 1111 please')).toBe('Pay with •••• •••• •••• 1111 please');
    expect(maskCardNumbers('card 5500-0000-0000-0004')).toBe('card ••••-••••-••••-0004');
    expect(maskCardNumbers('378282246310005')).toBe('•••••••••••0005');
  });

  it('keeps phone numbers, order references, dates and numbers that fail the Luhn check', () => {
    for (const text of [
      'call +1 (212) 555-0147',
      'order #1042, ref 2026-11-27-0042',
      '4111 1111 1111 1112',
      '12345678901234567890123',
      'Table 12',
    ])
      expect(maskCardNumbers(text)).toBe(text);
  });

  it('finds a card number next to other digits in the same run', () => {
    expect(maskCardNumbers('table 12 4111 1111 1111 1111')).toBe('table 12 •••• •••• •••• 1111');
    expect(maskCardNumbers('4111111111111111 and 5500 0000 0000 0004')).toBe(
      '••••••••••••1111 and •••• •••• •••• 0004',
    );
  });

  it('keeps the text around a card number as it was (emoji included)', () => {
    expect(maskCardNumbers('🍕 4111111111111111 🍕')).toBe('🍕 ••••••••••••1111 🍕');
  });

  it('masks any Luhn-valid 13–19 digit number inside text, however it is grouped', () => {
    fc.assert(
      fc.property(
        words,
        validPan,
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(separator, { minLength: 1, maxLength: 5 }),
        words,
        (before, pan, cuts, separators, after) => {
          const text = `${before}${typed(pan, cuts, separators)}${after}`;
          const masked = maskCardNumbers(text);
          expect(masked.startsWith(before) && masked.endsWith(after)).toBe(true);
          expect(digitsOf(masked)).toBe(pan.slice(-4));
          expect(masked).toHaveLength(text.length);
          expect(containsCardNumber(masked)).toBe(false);
        },
      ),
    );
  });

  it('leaves numbers that fail the Luhn check unchanged, plain or in groups of four', () => {
    fc.assert(
      fc.property(words, invalidPan, words, (before, digits, after) => {
        const plain = `${before}${digits}${after}`;
        expect(maskCardNumbers(plain)).toBe(plain);
        // Grouped in fours, no shorter window of whole groups reaches 13 digits when there are at most 16.
        const grouped = `${before}${digits.slice(0, 16).replace(/(\d{4})(?=\d)/g, '$1 ')}${after}`;
        if (luhnValid(digits.slice(0, 16))) return;
        expect(maskCardNumbers(grouped)).toBe(grouped);
      }),
    );
  });

  it('leaves digit strings shorter than 13 or longer than 19 unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(0, 12), digitString(20, 40)), (digits) => {
        expect(maskCardNumbers(digits)).toBe(digits);
      }),
    );
  });
});

describe('freeText', () => {
  it('trims, bounds and masks what a person typed', () => {
    const schema = freeText(40);
    expect(schema.parse('  Sam 4111-1111-1111-1111 ')).toBe('Sam ••••-••••-••••-1111');
    expect(schema.safeParse('x'.repeat(41)).success).toBe(false);
  });
});
