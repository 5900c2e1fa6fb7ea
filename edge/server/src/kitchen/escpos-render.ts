/**
 * Renders a kitchen TicketDocument to the bytes a thermal printer takes, with node-thermal-printer's
 * command builder and no printer attached (the device hub sends the bytes over USB, TCP 9100 or a
 * device file, and the virtual printer decodes them with `decodeEscPos`).
 *
 * What the library does that matters here (node-thermal-printer 4.6):
 * - `print()` encodes each non-ASCII character with iconv-lite in the active code page. A character
 *   the page lacks makes it search its other pages, emit that page's select command (ESC t n on
 *   Epson, ESC GS t n on Star) and stay there; for CJK it picks ESC R n with EUC bytes, which only
 *   a printer in double-byte mode shows. So text is first reduced to what single-byte pages hold.
 * - Passing `characterSet` to the constructor would put ESC t before our ESC @ (which resets the
 *   code page), so the page is selected after initialising.
 * - `setTextNormal/DoubleHeight/QuadArea` use ESC ! n on Epson (which also clears emphasis, so bold
 *   is set after the size) and ESC i n1 n2 on Star. `setTextSize(h, w)` is avoided: it writes the
 *   height into GS ! n's width bits.
 * - `cut()`/`partialCut()` feed (ESC d 4 twice on Epson, VT twice on Star), cut (GS V 0 / GS V 1,
 *   Star ESC d 2 / ESC d 3) and then send ESC @.
 * - `beep()` writes ESC B n t on Epson and nothing on Star (it logs "not implemented"), so the Star
 *   buzzer is written here as raw bytes.
 */
import { TillboxError, type TicketDocument, type TicketTextBlock } from '@tillbox/core';
import { BreakLine, PrinterTypes, type CharacterSet, type ThermalPrinter } from 'node-thermal-printer';
import { EscPosBuilder } from './escpos-builder.js';

export const KITCHEN_PRINTER_TYPES = ['epson', 'star'] as const;
export type KitchenPrinterType = (typeof KITCHEN_PRINTER_TYPES)[number];
/** A code page name as node-thermal-printer spells it, e.g. `PC858_EURO`. */
export type PrinterCharacterSet = `${CharacterSet}`;

/**
 * PC858 is PC850 (Western European: é è à ç ñ ü ß å ø …) plus the euro sign, it is in the character
 * tables of Epson (ESC t 19) and Star (ESC GS t 4) printers alike, and its lower half is ASCII.
 */
export const DEFAULT_PRINTER_CHARACTER_SET: PrinterCharacterSet = 'PC858_EURO';

export interface EscPosRenderOptions {
  /** Command set: Epson ESC/POS (and its many compatibles) or Star Line Mode. Default `epson`. */
  readonly printerType?: KitchenPrinterType;
  /** The printer's characters per line; the document must not be wider. Default: the document's width. */
  readonly width?: number;
  /** Code page for accented text. Default {@link DEFAULT_PRINTER_CHARACTER_SET}. */
  readonly characterSet?: PrinterCharacterSet;
  /** What the document's cut does: `full`, `partial` (a hinge keeps the ticket hanging) or `none` (feed only). */
  readonly cut?: 'full' | 'partial' | 'none';
  /** Sound the kitchen buzzer before the cut: `times` beeps of `length` (each 1–9, about 100 ms a step). */
  readonly beep?: { readonly times: number; readonly length: number };
  /**
   * Characters no single-byte code page holds (CJK, emoji): `replace` prints `?` (default);
   * `pass-through` lets the library send them as EUC bytes, for printers in double-byte (Kanji) mode.
   */
  readonly doubleByte?: 'replace' | 'pass-through';
}

/** ESC @: "initialize printer" in ESC/POS and Star Line Mode alike (the library's initHardware is untyped). */
const INITIALIZE = Buffer.from([0x1b, 0x40]);

/**
 * Star Line Mode ESC GS BEL m t1 t2, "ring buzzer": drive terminal m = 1 for t1 × 20 ms, then wait
 * t2 × 20 ms. One command per beep.
 */
function starBuzzer(length: number): Buffer {
  return Buffer.from([0x1b, 0x1d, 0x07, 0x01, length * 5, 5]);
}

// Unicode blocks whose letters the single-byte code pages hold: Latin-1 and Latin Extended-A, Greek,
// Cyrillic, Hebrew, Arabic, the euro sign and box drawing. Anything else goes to a double-byte page.
const SINGLE_BYTE_RANGES: readonly (readonly [number, number])[] = [
  [0x00a0, 0x017f],
  [0x0192, 0x0192],
  [0x0370, 0x03ff],
  [0x0400, 0x04ff],
  [0x0590, 0x06ff],
  [0x20ac, 0x20ac],
  [0x2500, 0x25a0],
];

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** `text` with every character a single-byte code page cannot hold replaced by `?`. */
function singleByteText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const ok = (cp >= 0x20 && cp < 0x7f) || SINGLE_BYTE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
    out += ok ? ch : '?';
  }
  return out;
}

function applyStyle(printer: ThermalPrinter, block: Omit<TicketTextBlock, 'kind' | 'text'>): void {
  if (block.align === 'center') printer.alignCenter();
  else if (block.align === 'right') printer.alignRight();
  else printer.alignLeft();
  // Size first: on Epson it is ESC ! n, which also turns emphasis off.
  if (block.size === 'double') printer.setTextQuadArea();
  else if (block.size === 'double-height') printer.setTextDoubleHeight();
  else printer.setTextNormal();
  printer.bold(block.bold);
  printer.invert(block.invert);
}

const PLAIN = { align: 'left', size: 'normal', bold: false, invert: false } as const;

function invalid(message: string, path: string, cause?: unknown): TillboxError {
  return new TillboxError('validation', message, { details: [{ path, message }], cause });
}

/** The ESC/POS (or Star Line Mode) bytes of `doc`, starting with ESC @ and ending with its cut. */
export function renderTicketEscPos(doc: TicketDocument, options: EscPosRenderOptions = {}): Buffer {
  const type = options.printerType ?? 'epson';
  const width = options.width ?? doc.width;
  const characterSet = options.characterSet ?? DEFAULT_PRINTER_CHARACTER_SET;
  const beep = options.beep;
  if (!Number.isInteger(width) || width < doc.width)
    throw invalid(`A ${doc.width}-character ticket does not fit a ${width}-character printer`, 'width');
  if (beep && [beep.times, beep.length].some((n) => !Number.isInteger(n) || n < 1 || n > 9))
    throw invalid('Beep times and length must be whole numbers from 1 to 9', 'beep');

  const printer = new EscPosBuilder({
    type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    width,
    breakLine: BreakLine.NONE, // the document is already wrapped; the library must not fold it again
  });
  printer.add(INITIALIZE);
  try {
    printer.setCharacterSet(characterSet);
  } catch (cause) {
    throw invalid(`The ${type} printer driver has no code page ${characterSet}`, 'characterSet', cause);
  }
  const printable = options.doubleByte === 'pass-through' ? (t: string) => t : singleByteText;

  const ringBuzzer = (): void => {
    if (!beep) return;
    if (type === 'star') for (let i = 0; i < beep.times; i++) printer.add(starBuzzer(beep.length));
    else printer.beep(beep.times, beep.length); // ESC B n t
  };
  const cut = (): void => {
    const mode = options.cut ?? 'full';
    if (mode === 'full') printer.cut();
    else if (mode === 'partial') printer.partialCut();
    else for (let i = 0; i < 2; i++) printer.printVerticalTab(); // the feed a cut makes, without the cut
  };

  const printText = (text: string): void => {
    try {
      printer.print(printable(text));
    } catch {
      // The library's fallback search can reach a page the printer type has no command for (Star has
      // no ISO 8859-7 entry: "ΐ" throws) after switching its own idea of the page. Reselect the page
      // and print the line with only ASCII.
      printer.setCharacterSet(characterSet);
      printer.print(text.replace(/[^\x20-\x7e]/gu, '?'));
    }
  };

  let rang = false;
  let codePageReset = false; // the library's cut() ends with ESC @, which resets the printer's code page
  for (const block of doc.blocks) {
    if (block.kind === 'cut') {
      if (!rang) ringBuzzer();
      rang = true;
      cut();
      codePageReset = options.cut !== 'none';
      continue;
    }
    if (codePageReset) printer.setCharacterSet(characterSet);
    codePageReset = false;
    if (block.kind === 'text') {
      applyStyle(printer, block);
      printText(block.text);
      printer.newLine();
    } else if (block.kind === 'rule') {
      applyStyle(printer, PLAIN);
      printer.print(block.char.repeat(doc.width));
      printer.newLine();
    } else {
      applyStyle(printer, PLAIN);
      for (let i = 0; i < block.lines; i++) printer.newLine();
    }
  }
  if (!rang) ringBuzzer();
  return printer.getBuffer();
}
