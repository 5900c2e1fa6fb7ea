/**
 * A code read by a scanner on the store box (HID POS), as the screens get it: what the code is
 * (`classifyScan`: a retail barcode with its check digit checked by `checkBarcode`, a loyalty card,
 * an order's e-receipt QR code, or something else), which symbology the scanner said it read (its
 * AIM identifier, ISO/IEC 15424), and the scan as the stream carries it. A screen acts on `code`
 * through the same path as a code typed by a keyboard-wedge scanner; the kind is for the log, the
 * admin screen and what to say.
 */
import { z } from 'zod';
import { checkBarcode, type BarcodeFormat } from '../commerce/barcode.js';
import { isMemberQr } from '../loyalty/members.js';

/** Most characters of a code the hub passes on (a QR code holds more; no screen reads such a code). */
export const MAX_SCAN_LENGTH = 512;

/** AIM code characters (the letter after `]`) of the symbologies a store meets, by name. */
export const AIM_SYMBOLOGIES = {
  A: 'code-39',
  C: 'code-128',
  E: 'ean-upc',
  F: 'codabar',
  G: 'code-93',
  I: 'itf',
  L: 'pdf417',
  Q: 'qr',
  X: 'other',
  d: 'data-matrix',
  e: 'gs1-databar',
  z: 'aztec',
} as const;
export type Symbology = (typeof AIM_SYMBOLOGIES)[keyof typeof AIM_SYMBOLOGIES] | 'unknown';
export const SYMBOLOGIES: readonly [Symbology, ...Symbology[]] = ['unknown', ...Object.values(AIM_SYMBOLOGIES)];

/** The symbology an AIM identifier (`]E0`, `]Q1`, …) names; `unknown` for one this table lacks. */
export function symbologyOfAim(aim: string): Symbology {
  if (aim.length !== 3 || aim[0] !== ']') return 'unknown';
  const letter = aim[1] ?? '';
  return Object.hasOwn(AIM_SYMBOLOGIES, letter) ? AIM_SYMBOLOGIES[letter as keyof typeof AIM_SYMBOLOGIES] : 'unknown';
}

/** The AIM identifier a scanner sends with a symbology (modifier 0; UPC-A goes as EAN-13 with a leading 0). */
export function aimOfSymbology(symbology: Symbology): string {
  const entry = Object.entries(AIM_SYMBOLOGIES).find(([, name]) => name === symbology);
  return entry ? `]${entry[0]}0` : ']X0';
}

export type ScanClass =
  /** A retail barcode (EAN-13, UPC-A, EAN-8) with a correct check digit; `normalized` is its EAN-13 form. */
  | { readonly kind: 'barcode'; readonly format: BarcodeFormat; readonly normalized: string }
  /** A loyalty card's QR code. */
  | { readonly kind: 'loyalty' }
  /** The QR code of an order's e-receipt (`…/receipt/{orderId}?t=…`). */
  | { readonly kind: 'order'; readonly orderId: string }
  /** Digits that are not a retail barcode (a wrong check digit, a wrong length): why. */
  | { readonly kind: 'invalid'; readonly problem: string }
  /** Something else (a URL, free text). */
  | { readonly kind: 'unknown' };

const RECEIPT_PATH = /\/receipt\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#]|$)/i;

/** What a scanned code is. One rule for the store box and the screens. */
export function classifyScan(code: string): ScanClass {
  if (isMemberQr(code)) return { kind: 'loyalty' };
  const receipt = RECEIPT_PATH.exec(code);
  if (receipt?.[1]) return { kind: 'order', orderId: receipt[1].toLowerCase() };
  if (/^\d+$/.test(code)) {
    const check = checkBarcode(code);
    return check.ok
      ? { kind: 'barcode', format: check.format, normalized: check.normalized }
      : { kind: 'invalid', problem: check.problem };
  }
  return { kind: 'unknown' };
}

export const SCAN_KINDS = ['barcode', 'loyalty', 'order', 'invalid', 'unknown', 'unreadable'] as const;

/** A scan as the stream carries it to the scanner's screens (frame `{type: 'scan', scan}`). */
export const scanSchema = z.object({
  id: z.string().describe('Made by the store box for this scan (UUIDv7)'),
  device: z.string().describe("The scanner's id in the hardware profile"),
  kind: z
    .enum(SCAN_KINDS)
    .describe('What the code is (classifyScan); `unreadable`: the scanner sent reports the box could not read'),
  code: z.string().max(MAX_SCAN_LENGTH).describe('The code as read (empty when unreadable)'),
  symbology: z.enum(SYMBOLOGIES).describe("The symbology the scanner named (its AIM identifier's letter)"),
  aim: z.string().max(3).describe('The AIM symbology identifier the scanner sent, e.g. ]E0'),
  format: z.enum(['ean-13', 'upc-a', 'ean-8']).optional(),
  orderId: z.string().optional().describe('An order QR code: the order'),
  problem: z.string().optional().describe('Why the code is not one the till reads, in words for staff'),
  at: z.string().describe('ISO 8601 time of the scan'),
});
export type Scan = z.infer<typeof scanSchema>;

/** A scan frame of the stream. */
export const streamScanFrameSchema = z.object({ type: z.literal('scan'), scan: scanSchema });

/** A code for a virtual scanner to scan (the admin screen, the tests). */
export const virtualScanBodySchema = z
  .object({
    code: z
      .string()
      .min(1)
      .max(MAX_SCAN_LENGTH)
      .regex(/^[\x20-\x7e]+$/, 'printable ASCII characters only (what a barcode carries)')
      .describe('The code the virtual scanner reads'),
    symbology: z
      .enum(SYMBOLOGIES)
      .optional()
      .describe('The symbology it says it read (default: ean-upc for digits, qr otherwise)'),
  })
  .strict();
export type VirtualScanBody = z.infer<typeof virtualScanBodySchema>;

export const virtualScanResultSchema = z.object({
  device: z.string(),
  reports: z.int().min(1).describe('HID POS reports the virtual scanner sent for the code'),
});
