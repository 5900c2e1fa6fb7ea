/**
 * The kiosk's languages as the first screen needs them: each one's name in itself (the language
 * buttons), the word "Language" in each (the buttons' group), and the locale for numbers and
 * money. The rest of a language's words (./strings-*.ts) is fetched when it is chosen; those files
 * name their language the same way (kiosk-words.svelte.test.ts checks it) but do not import this
 * one, so that each stays a file of its own in the build.
 */
import type { Language } from '@tillbox/core';

/** Each language named in itself. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Español', ko: '한국어' };

/** "Language" in each language. */
export const LANGUAGE_LABELS: Readonly<Record<Language, string>> = { en: 'Language', es: 'Idioma', ko: '언어' };

/** BCP 47 tags for number and money formatting. */
export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-US', ko: 'ko-KR' };
