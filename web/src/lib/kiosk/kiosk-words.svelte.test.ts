import { LANGUAGES } from '@tillbox/core';
import { describe, expect, it, vi } from 'vitest';
import { KioskWords } from './kiosk-words.svelte.js';
import { LANGUAGE_LABELS, LANGUAGE_NAMES } from './languages.js';
import { en } from './strings-en.js';
import { es } from './strings-es.js';
import { ko } from './strings-ko.js';
import { KIOSK_STRINGS } from './strings.js';

describe("the kiosk's words", () => {
  it('English from the start; Spanish once fetched (once), then shown', async () => {
    const fetchEs = vi.fn(() => Promise.resolve(es));
    const fetchKo = vi.fn(() => Promise.resolve(ko));
    const words = new KioskWords({ es: fetchEs, ko: fetchKo });
    expect(words.lang).toBe('en');
    expect(words.t).toBe(en);
    expect(words.of('es')).toBeUndefined();
    expect(fetchEs).not.toHaveBeenCalled();
    const choosing = words.choose('es');
    expect(words.lang).toBe('en'); // not before its words are here
    await choosing;
    expect(words.lang).toBe('es');
    expect(words.t.addToOrder).toBe('Añadir al pedido');
    await words.choose('en');
    await words.choose('es');
    expect(fetchEs).toHaveBeenCalledTimes(1);
    expect(fetchKo).not.toHaveBeenCalled();
    words.reset();
    expect(words.t).toBe(en);
  });

  it('when two languages are chosen quickly, the last one chosen is shown', async () => {
    let arriveKo: (words: typeof ko) => void = () => undefined;
    const words = new KioskWords({
      es: () => Promise.resolve(es),
      ko: () => new Promise((resolve) => (arriveKo = resolve)),
    });
    const first = words.choose('ko');
    await words.choose('es');
    arriveKo(ko);
    await first;
    expect(words.lang).toBe('es');
  });

  it('words that cannot be fetched leave the language as it was, say why, and come on the next try', async () => {
    const fetchEs = vi.fn<() => Promise<typeof es>>().mockRejectedValueOnce(new TypeError('offline'));
    fetchEs.mockResolvedValueOnce(es);
    const words = new KioskWords({ es: fetchEs, ko: () => Promise.resolve(ko) });
    await words.choose('es');
    expect(words.lang).toBe('en');
    expect(words.failure?.lang).toBe('es');
    expect(words.failure?.error?.kind).toBe('network');
    await words.choose('es');
    expect(words.lang).toBe('es');
    expect(words.failure).toBeUndefined();
  });

  it('the files fetched on demand are the words the tests use', async () => {
    const words = new KioskWords();
    await words.choose('ko');
    expect(words.t).toBe(KIOSK_STRINGS.ko);
    await words.choose('es');
    expect(words.t).toBe(KIOSK_STRINGS.es);
  });

  it('the language buttons name each language as its own words do', () => {
    for (const lang of LANGUAGES) {
      expect(LANGUAGE_NAMES[lang]).toBe(KIOSK_STRINGS[lang].languageName);
      expect(LANGUAGE_LABELS[lang]).toBe(KIOSK_STRINGS[lang].language);
    }
    expect(LANGUAGE_NAMES.ko).toBe('한국어');
  });
});
