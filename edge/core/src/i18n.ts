import { z } from 'zod';

/** The languages the screens offer. English is always present and is the fallback. */
export const LANGUAGES = ['en', 'es', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export const localizedText = z
  .object({ en: z.string().min(1).max(200) })
  .catchall(z.string().max(200))
  .describe('Text by language code; "en" is required and is the fallback');
export type LocalizedText = z.infer<typeof localizedText>;

/** The text in `lang`, or English when there is none. */
export function localize(text: LocalizedText, lang: string): string {
  const t = Object.hasOwn(text, lang) ? text[lang] : undefined;
  return t !== undefined && t !== '' ? t : text.en;
}
