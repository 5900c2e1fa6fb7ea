/**
 * Card numbers typed into free text (a guest name, a kitchen note, a void reason) must never be
 * stored, logged or put in an event. {@link maskCardNumbers} finds every Luhn-valid run of 13–19
 * digits, written plain or in groups split by spaces or dashes as people type them, and replaces
 * each digit but the last four with `•`, keeping the separators: `4111 1111 1111 1111` becomes
 * `•••• •••• •••• 1111`. The text never gets longer, so a masked field still fits its schema.
 * Runs that fail the Luhn check (phone numbers, order references, dates) are left alone.
 *
 * The wire schemas apply it to every free-text field ({@link freeText}), so HTTP, the stream and
 * MQTT all get it from the same place.
 */
import { z } from 'zod';

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
const KEEP = 4;
export const MASK_CHAR = '•';

/** Digit groups joined by up to three spaces or dashes ("4111 1111", "4111-1111", "4111 - 1111"). */
const DIGIT_RUN = /\d+(?:[ \-\u00a0]{1,3}\d+)*/g;
const GROUP = /\d+/g;

/** The Luhn (mod 10) check of a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** Replace every digit of `text[start, end)` but the last four with the mask character. */
function maskSpan(chars: string[], start: number, end: number): void {
  let kept = 0;
  for (let i = end - 1; i >= start; i--) {
    const c = chars[i] ?? '';
    if (c < '0' || c > '9') continue;
    if (kept < KEEP) kept++;
    else chars[i] = MASK_CHAR;
  }
}

/**
 * Mask the card numbers in one run of digit groups. Windows of whole groups are tried from the
 * left, longest first, so "table 12 4111 1111 1111 1111" masks the card and keeps the 12.
 */
function maskRun(chars: string[], groups: readonly Group[]): void {
  let i = 0;
  while (i < groups.length) {
    let found = -1;
    let digits = '';
    const candidates: { j: number; digits: string }[] = [];
    for (let j = i; j < groups.length; j++) {
      digits += groups[j]?.digits ?? '';
      if (digits.length > MAX_DIGITS) break;
      if (digits.length >= MIN_DIGITS) candidates.push({ j, digits });
    }
    for (let k = candidates.length - 1; k >= 0 && found < 0; k--) {
      const candidate = candidates[k];
      if (candidate && luhnValid(candidate.digits)) found = candidate.j;
    }
    const first = groups[i];
    const last = groups[found];
    if (found >= 0 && first && last) {
      maskSpan(chars, first.start, last.end);
      i = found + 1;
    } else {
      i++;
    }
  }
}

/** `text` with every card number in it masked (all but the last four digits); unchanged when there is none. */
export function maskCardNumbers(text: string): string {
  let chars: string[] | undefined;
  for (const run of text.matchAll(DIGIT_RUN)) {
    const runText = run[0];
    if (runText.length < MIN_DIGITS) continue;
    const offset = run.index;
    const groups: Group[] = [...runText.matchAll(GROUP)].map((g) => ({
      start: offset + g.index,
      end: offset + g.index + g[0].length,
      digits: g[0],
    }));
    if (groups.reduce((n, g) => n + g.digits.length, 0) < MIN_DIGITS) continue;
    chars ??= text.split(''); // UTF-16 units, as the match indices count
    maskRun(chars, groups);
  }
  return chars ? chars.join('') : text;
}

/** True when `text` holds a Luhn-valid run of 13–19 digits (a card number, as far as text can tell). */
export function containsCardNumber(text: string): boolean {
  return maskCardNumbers(text) !== text;
}

/**
 * A free-text field of a request: trimmed, at most `max` characters, card numbers masked. Use it
 * for every string a person types (names, notes, reasons) that the edge stores or logs.
 */
export function freeText(max: number): z.ZodString {
  return z.string().trim().max(max).overwrite(maskCardNumbers);
}
