/**
 * The kiosk's language and its words: English from the start, Spanish and Korean fetched the
 * first time a guest chooses them (each is about as big as the first screen's own words, and
 * most guests never switch). The kiosk switches once the words are here; if they cannot be
 * fetched it stays in its language and says why.
 */
import type { Language } from '@tillbox/core';
import type { ApiError } from '$lib/api.js';
import { OnDemand } from './on-demand.svelte.js';
import { en } from './strings-en.js';
import type { KioskStrings } from './strings.js';

type Fetched = Exclude<Language, 'en'>;

export class KioskWords {
  /** The language shown. */
  lang: Language = $state('en');
  /** The last language chosen whose words could not be fetched, and why. */
  failure: { lang: Language; error: ApiError | undefined } | undefined = $state.raw(undefined);
  /** The words of the language shown. */
  readonly t: KioskStrings = $derived(this.of(this.lang) ?? en);

  readonly #fetched: Readonly<Record<Fetched, OnDemand<KioskStrings>>>;
  #wanted: Language = 'en';

  constructor(
    fetchers: Readonly<Record<Fetched, () => Promise<KioskStrings>>> = {
      es: () => import('./strings-es.js').then((m) => m.es),
      ko: () => import('./strings-ko.js').then((m) => m.ko),
    },
  ) {
    this.#fetched = { es: new OnDemand(fetchers.es), ko: new OnDemand(fetchers.ko) };
  }

  /** `lang`'s words if they are here (English always is). */
  of(lang: Language): KioskStrings | undefined {
    return lang === 'en' ? en : this.#fetched[lang].value;
  }

  /** Show `next` once its words are here; when several are chosen quickly, the last one wins. */
  async choose(next: Language): Promise<void> {
    this.#wanted = next;
    const words = next === 'en' ? en : await this.#fetched[next].load();
    if (this.#wanted !== next) return;
    if (!words) {
      this.failure = { lang: next, error: next === 'en' ? undefined : this.#fetched[next].error };
      return;
    }
    this.failure = undefined;
    this.lang = next;
  }

  /** Back to English, as the next guest finds the kiosk. */
  reset(): void {
    this.#wanted = 'en';
    this.lang = 'en';
    this.failure = undefined;
  }
}
