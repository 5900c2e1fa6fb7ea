import { describe, expect, it } from 'vitest';
import { localize, localizedText } from './i18n.js';

const latte = { en: 'Latte', es: 'Café con leche', ko: '' };

describe('localize', () => {
  it('shows the text in the requested language', () => {
    expect(localize(latte, 'es')).toBe('Café con leche');
    expect(localize(latte, 'en')).toBe('Latte');
  });

  it('falls back to English when the language is missing or empty', () => {
    expect(localize(latte, 'fr')).toBe('Latte'); // not translated
    expect(localize(latte, 'ko')).toBe('Latte'); // translated as empty
  });

  it('falls back to English for a language code that names an Object method', () => {
    // "toString", "constructor" and "__proto__" are inherited by every plain object; the
    // screen must still get the English text, not a function.
    for (const lang of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      expect(localize({ en: 'Latte' }, lang), lang).toBe('Latte');
    }
  });
});

describe('localizedText', () => {
  it('requires English and allows other languages', () => {
    expect(localizedText.parse({ en: 'Latte', ko: '라떼' })).toEqual({ en: 'Latte', ko: '라떼' });
    expect(localizedText.safeParse({ es: 'Café con leche' }).success).toBe(false);
    expect(localizedText.safeParse({ en: '' }).success).toBe(false);
  });

  it('bounds every text to 200 characters', () => {
    expect(localizedText.safeParse({ en: 'x'.repeat(200) }).success).toBe(true);
    expect(localizedText.safeParse({ en: 'x'.repeat(201) }).success).toBe(false);
    expect(localizedText.safeParse({ en: 'Latte', es: 'x'.repeat(201) }).success).toBe(false);
  });
});
