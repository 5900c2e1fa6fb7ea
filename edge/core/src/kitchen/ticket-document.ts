/**
 * A printable kitchen ticket for one station, as a list of blocks that any printer driver can
 * render (ESC/POS on the edge, a plain-text preview in tests and logs, a virtual printer in the
 * demo). The builder does all the layout: every text block is exactly one printed line that
 * already fits the paper width for its size, so a renderer never wraps and what the preview
 * shows is what the paper shows, line for line.
 */
import { isValidTimeZone } from '../business-day.js';
import { TillboxError, type ErrorDetail } from '../errors.js';
import type { CHANNELS, ORDER_TYPES } from '../channels.js';
import { localize } from '../i18n.js';
import type { PricedLine } from '../wire/api.js';

export type TicketAlign = 'left' | 'center' | 'right';
/** `double` is double width and height (half as many characters per line); `double-height` keeps the width. */
export type TicketTextSize = 'normal' | 'double' | 'double-height';

export interface TicketTextBlock {
  readonly kind: 'text';
  /** One printed line, without alignment padding; fits `ticketColumns(width, size)`. */
  readonly text: string;
  readonly align: TicketAlign;
  readonly size: TicketTextSize;
  readonly bold: boolean;
  /** White on black. */
  readonly invert: boolean;
}
/** A full-width line of `char`. */
export interface TicketRuleBlock {
  readonly kind: 'rule';
  readonly char: '-' | '=';
}
/** Blank lines. */
export interface TicketFeedBlock {
  readonly kind: 'feed';
  readonly lines: number;
}
/** End of the ticket: the renderer feeds to the cutter and cuts (or not, per printer). */
export interface TicketCutBlock {
  readonly kind: 'cut';
}
export type TicketBlock = TicketTextBlock | TicketRuleBlock | TicketFeedBlock | TicketCutBlock;

export interface TicketDocument {
  /** Characters per line at normal size (Font A): 32 for 58 mm paper, 42 or 48 for 80 mm. */
  readonly width: number;
  readonly blocks: readonly TicketBlock[];
}

/** A choice on a ticket line: its name, and whether it is the group's default (then not printed). */
export type KitchenTicketModifier = string | { readonly name: string; readonly default?: boolean | undefined };

export interface KitchenTicketLine {
  readonly quantity: number;
  /** Already localized for the kitchen. */
  readonly name: string;
  readonly variantName?: string;
  /** Already localized; the group defaults among them are left off the paper. */
  readonly modifiers: readonly KitchenTicketModifier[];
  readonly note?: string;
  readonly allergens: readonly string[];
}

/**
 * The choices a cook needs to read: every modifier but the groups' defaults (a latte comes with
 * whole milk; "+ Whole milk" on every ticket only hides the oat milk that matters). The one rule
 * for the printed ticket and the KDS.
 */
export function kitchenModifiers<T extends string | { readonly default?: boolean | undefined }>(
  modifiers: readonly T[],
): T[] {
  return modifiers.filter((m) => typeof m === 'string' || m.default !== true);
}

/** A priced order line as its kitchen ticket line, in the kitchen's language. */
export function kitchenTicketLine(line: PricedLine, lang = 'en'): KitchenTicketLine {
  return {
    quantity: line.quantity,
    name: localize(line.name, lang),
    ...(line.variantName ? { variantName: localize(line.variantName, lang) } : {}),
    modifiers: kitchenModifiers(line.modifiers).map((m) => localize(m.name, lang)),
    ...(line.note ? { note: line.note } : {}),
    allergens: line.allergens,
  };
}

export interface KitchenTicketInput {
  readonly station: string;
  readonly orderNumber: string | number;
  readonly channel: (typeof CHANNELS)[number];
  readonly orderType: (typeof ORDER_TYPES)[number];
  /** Table or tent number for dine-in. */
  readonly table?: string;
  readonly guestName?: string;
  /** ISO instant the guest was promised. */
  readonly promisedAt?: string;
  readonly rush?: boolean;
  /** ISO instant the order was placed. */
  readonly placedAt: string;
  /** IANA zone of the store; every time on the ticket is shown in it. */
  readonly timeZone: string;
  /** This station's lines only. */
  readonly lines: readonly KitchenTicketLine[];
  /** When the order is split across stations: this is ticket `index` of `count` (1-based). */
  readonly split?: { readonly index: number; readonly count: number };
}

export interface KitchenTicketLabels {
  readonly channel: Readonly<Record<KitchenTicketInput['channel'], string>>;
  readonly orderType: Readonly<Record<KitchenTicketInput['orderType'], string>>;
  /** Put before the promised time, by order type: "PICKUP 14:30". */
  readonly promised: Readonly<Record<KitchenTicketInput['orderType'], string>>;
  readonly table: string;
  readonly guest: string;
  readonly rush: string;
  readonly allergy: string;
  readonly note: string;
  readonly placed: string;
  readonly ticket: string;
}

export const DEFAULT_KITCHEN_TICKET_LABELS: KitchenTicketLabels = {
  channel: { kiosk: 'KIOSK', counter: 'COUNTER', app: 'APP', online: 'ONLINE', marketplace: 'MARKETPLACE' },
  orderType: { 'dine-in': 'DINE-IN', takeout: 'TAKEOUT', pickup: 'PICKUP', delivery: 'DELIVERY' },
  promised: { 'dine-in': 'SERVE BY', takeout: 'READY BY', pickup: 'PICKUP', delivery: 'DELIVERY' },
  table: 'TABLE',
  guest: 'GUEST',
  rush: '*** RUSH ***',
  allergy: '!! ALLERGY',
  note: 'NOTE',
  placed: 'PLACED',
  ticket: 'TICKET',
};

export interface KitchenTicketOptions {
  /** Characters per line at normal size: 32 (58 mm), 42 or 48 (80 mm). */
  readonly width: number;
  /** Labels in the kitchen's language; English by default. */
  readonly labels?: Partial<KitchenTicketLabels>;
}

export const TICKET_MIN_WIDTH = 20;
export const TICKET_MAX_WIDTH = 80;

/** Characters per line for text of `size` on paper `width` characters wide. */
export function ticketColumns(width: number, size: TicketTextSize): number {
  return size === 'double' ? Math.floor(width / 2) : width;
}

// East Asian wide and fullwidth characters and emoji take two character cells on paper and in a
// terminal. (JavaScript regexps have no East_Asian_Width property, so these are the main ranges.)
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];
const COMBINING = /\p{M}/u;

function charWidth(ch: string): number {
  if (COMBINING.test(ch)) return 0;
  const cp = ch.codePointAt(0) ?? 0;
  return WIDE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Character cells `text` takes on paper (wide characters count two). */
export function ticketDisplayWidth(text: string): number {
  // Most of a ticket: one cell a character, without walking it character by character.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** `text` placed in a line of `cells` characters as the printer aligns it (left padding only). */
export function alignTicketText(text: string, align: TicketAlign, cells: number): string {
  const pad = Math.max(0, cells - ticketDisplayWidth(text));
  if (align === 'center') return ' '.repeat(Math.floor(pad / 2)) + text;
  if (align === 'right') return ' '.repeat(pad) + text;
  return text;
}

/** Printable ASCII words with one space between each two: what {@link printableTicketText} gives back unchanged. */
const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * Text as a thermal printer can show it: composed (NFC, so "e" + combining acute is one "é"),
 * typographic punctuation folded to ASCII (code pages rarely have curly quotes or dashes), and
 * control characters and runs of white space turned into single spaces.
 */
export function printableTicketText(text: string): string {
  // Most menu text is printable ASCII words with single spaces between them, which the passes
  // below leave as it is: seven of them for each line of each ticket were ~3 % of the event
  // loop at 800 orders/s (docs/performance.md, 2026-11-30, session 9).
  if (PLAIN_ASCII.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits `word` after at most `cells` cells (always at least one character). */
function splitAtWidth(word: string, cells: number): [string, string] {
  let w = 0;
  let i = 0;
  for (const ch of word) {
    const cw = charWidth(ch);
    if (i > 0 && w + cw > cells) break;
    w += cw;
    i += ch.length;
  }
  return [word.slice(0, i), word.slice(i)];
}

/**
 * Greedy word wrap to `cells` character cells. The first line starts after `first` spaces and
 * the following lines after `hang` spaces (a hanging indent); a word longer than a line is broken.
 */
export function wrapTicketText(text: string, cells: number, first = 0, hang = first): string[] {
  const limit = Math.floor(cells / 2);
  const firstIndent = Math.min(first, limit);
  const hangIndent = Math.min(hang, limit);
  const out: string[] = [];
  let line = ' '.repeat(firstIndent);
  let used = firstIndent;
  let empty = true;
  const newLine = (): void => {
    out.push(line.trimEnd());
    line = ' '.repeat(hangIndent);
    used = hangIndent;
    empty = true;
  };
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const width = ticketDisplayWidth(word);
    if (!empty && used + 1 + width <= cells) {
      line += ' ' + word;
      used += 1 + width;
      continue;
    }
    if (!empty) {
      // A word too long for any line is broken where it stands rather than leaving a short line.
      if (width <= cells - hangIndent || used + 2 > cells) newLine();
      else {
        line += ' ';
        used += 1;
      }
    }
    let rest = word;
    while (ticketDisplayWidth(rest) > cells - used) {
      const [head, tail] = splitAtWidth(rest, cells - used);
      line += head;
      empty = false;
      newLine();
      rest = tail;
    }
    if (rest !== '') {
      line += rest;
      used += ticketDisplayWidth(rest);
      empty = false;
    }
  }
  if (!empty || out.length === 0) out.push(line.trimEnd());
  return out;
}

/** How tickets and receipts show a date and time: `2026-11-27 10:05`, in the store's zone. */
export const TICKET_DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/**
 * Per time zone, its formatter and the last minute it formatted: a print run's tickets are mostly
 * of the same minute, and `formatToParts` costs more than the rest of a ticket's header.
 */
const timeFormatters = new Map<
  string,
  { format: Intl.DateTimeFormat; minute: number; value: { date: string; time: string } }
>();

/** `{date: 'YYYY-MM-DD', time: 'HH:MM'}` of `at` in `timeZone`, on a 24-hour clock (tickets and receipts). */
export function ticketDateTime(at: Date, timeZone: string): { date: string; time: string } {
  // Every zone's offset from UTC is now a whole number of minutes: one UTC minute is one local minute.
  const minute = Math.floor(at.getTime() / 60_000);
  const known = timeFormatters.get(timeZone);
  if (known?.minute === minute) return { ...known.value };
  const format = known?.format ?? new Intl.DateTimeFormat('en-CA', { ...TICKET_DATE_TIME, timeZone });
  const parts = format.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const value = { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
  timeFormatters.set(timeZone, { format, minute, value });
  return { ...value };
}

function parseInstant(iso: string | undefined, path: string, details: ErrorDetail[]): Date | undefined {
  if (iso === undefined) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) details.push({ path, message: `"${iso}" is not an ISO date and time` });
  return d;
}

function validate(input: KitchenTicketInput, width: number): { placed: Date; promised: Date | undefined } {
  const details: ErrorDetail[] = [];
  if (!Number.isInteger(width) || width < TICKET_MIN_WIDTH || width > TICKET_MAX_WIDTH)
    details.push({ path: 'width', message: `must be a whole number from ${TICKET_MIN_WIDTH} to ${TICKET_MAX_WIDTH}` });
  if (!isValidTimeZone(input.timeZone))
    details.push({ path: 'timeZone', message: `"${input.timeZone}" is not a time zone` });
  const placed = parseInstant(input.placedAt, 'placedAt', details);
  const promised = parseInstant(input.promisedAt, 'promisedAt', details);
  input.lines.forEach((l, i) => {
    if (!Number.isInteger(l.quantity) || l.quantity < 1)
      details.push({ path: `lines.${i}.quantity`, message: 'must be a whole number of at least 1' });
  });
  const split = input.split;
  if (split && !(Number.isInteger(split.count) && Number.isInteger(split.index) && split.index >= 1))
    details.push({ path: 'split', message: 'index and count must be whole numbers from 1' });
  else if (split && split.index > split.count) details.push({ path: 'split', message: 'index is past count' });
  if (details.length > 0 || placed === undefined)
    throw new TillboxError('validation', 'The kitchen ticket cannot be laid out', { details });
  return { placed, promised };
}

interface TextStyle {
  readonly align?: TicketAlign;
  readonly size?: TicketTextSize;
  readonly bold?: boolean;
  readonly invert?: boolean;
}

/** The kitchen ticket for one station's share of an order. */
export function kitchenTicketDocument(input: KitchenTicketInput, options: KitchenTicketOptions): TicketDocument {
  const width = options.width;
  const { placed, promised } = validate(input, width);
  const labels: KitchenTicketLabels = { ...DEFAULT_KITCHEN_TICKET_LABELS, ...options.labels };
  const blocks: TicketBlock[] = [];

  /** Wraps `text` for its size and adds one block per line. */
  const text = (raw: string, style: TextStyle = {}, first = 0, hang = first): void => {
    const clean = printableTicketText(raw);
    if (clean === '') return;
    const size = style.size ?? 'normal';
    for (const line of wrapTicketText(clean, ticketColumns(width, size), first, hang))
      blocks.push({
        kind: 'text',
        text: line,
        align: style.align ?? 'left',
        size,
        bold: style.bold ?? false,
        invert: style.invert ?? false,
      });
  };
  const rule = (char: TicketRuleBlock['char']): void => void blocks.push({ kind: 'rule', char });
  const tz = input.timeZone;

  // Header: where it goes, whose it is, and when it is due.
  text(input.station.toUpperCase(), { align: 'center', size: 'double-height', bold: true });
  rule('=');
  text(`#${input.orderNumber}`, { align: 'center', size: 'double', bold: true });
  text(`${labels.channel[input.channel]} / ${labels.orderType[input.orderType]}`, { align: 'center', bold: true });
  if (input.table) text(`${labels.table} ${input.table}`, { align: 'center', size: 'double-height', bold: true });
  if (input.guestName) text(`${labels.guest}: ${input.guestName}`, { align: 'center', bold: true });
  if (promised) {
    const due = ticketDateTime(promised, tz);
    const when = due.date === ticketDateTime(placed, tz).date ? due.time : `${due.date} ${due.time}`;
    text(`${labels.promised[input.orderType]} ${when}`, { align: 'center', size: 'double-height', bold: true });
  }
  if (input.rush) text(labels.rush, { align: 'center', size: 'double', bold: true, invert: true });
  rule('-');

  // Items: "2x Name (Variant)" with a hanging indent, then modifiers, the note and allergens.
  for (const line of input.lines) {
    const prefix = `${line.quantity}x `;
    const indent = prefix.length;
    const name = line.variantName ? `${line.name} (${line.variantName})` : line.name;
    text(prefix + name, { size: 'double-height', bold: true }, 0, indent);
    for (const modifier of kitchenModifiers(line.modifiers)) {
      const name = typeof modifier === 'string' ? modifier : modifier.name;
      if (printableTicketText(name) !== '') text(`- ${name}`, {}, indent, indent + 2);
    }
    if (line.note && printableTicketText(line.note) !== '')
      text(`${labels.note}: ${line.note}`, { bold: true }, indent, indent + 2);
    const allergens = uniqueFolded(line.allergens.map(printableTicketText));
    if (allergens.length > 0) text(`${labels.allergy}: ${allergens.join(', ')}`, { bold: true, invert: true }, 0, 3);
  }
  rule('-');

  // Footer: when it was placed and, for split orders, which ticket of how many.
  const left = `${labels.placed} ${ticketDateTime(placed, tz).time}`;
  const right = input.split ? `${labels.ticket} ${input.split.index}/${input.split.count}` : '';
  const gap = width - ticketDisplayWidth(left) - ticketDisplayWidth(right);
  if (right === '') text(left);
  else if (gap >= 1) blocks.push(plain(left + ' '.repeat(gap) + right));
  else {
    text(left);
    text(right, { align: 'right' });
  }
  blocks.push({ kind: 'cut' });
  return { width, blocks };
}

function plain(line: string): TicketTextBlock {
  return { kind: 'text', text: line, align: 'left', size: 'normal', bold: false, invert: false };
}

/** Drops empty and repeated names (ignoring case), keeping the first spelling and the order. */
function uniqueFolded(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLocaleLowerCase();
    if (n === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The ticket as plain text, one line per printed line, each placed as the printer aligns it in
 * the character cells of its size. Styles (bold, inverted, double size) and the cut do not show.
 */
export function kitchenTicketText(doc: TicketDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'text')
      lines.push(alignTicketText(block.text, block.align, ticketColumns(doc.width, block.size)));
    else if (block.kind === 'rule') lines.push(block.char.repeat(doc.width));
    else if (block.kind === 'feed') for (let i = 0; i < block.lines; i++) lines.push('');
  }
  return lines.join('\n');
}
