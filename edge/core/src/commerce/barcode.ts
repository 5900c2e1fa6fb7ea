/**
 * Retail barcodes: EAN-13, UPC-A and EAN-8 (all GS1 GTINs). The last digit is a check digit:
 * from the rightmost data digit leftwards the digits are weighted 3, 1, 3, 1, ... and the check
 * digit brings the weighted sum up to a multiple of ten. A UPC-A code is an EAN-13 code with a
 * leading zero, so both forms of a code find the same item.
 */

export type BarcodeFormat = 'ean-13' | 'upc-a' | 'ean-8';

const FORMAT_BY_LENGTH: Record<number, BarcodeFormat> = { 13: 'ean-13', 12: 'upc-a', 8: 'ean-8' };

export type BarcodeCheck =
  | { readonly ok: true; readonly format: BarcodeFormat; readonly normalized: string }
  | { readonly ok: false; readonly problem: string };

/** The GS1 check digit for the data digits (the code without its last digit). */
export function gs1CheckDigit(dataDigits: string): number {
  if (!/^\d+$/.test(dataDigits)) throw new RangeError('barcode data must be digits');
  let sum = 0;
  let weight = 3;
  for (let i = dataDigits.length - 1; i >= 0; i -= 1) {
    sum += (dataDigits.charCodeAt(i) - 48) * weight;
    weight = weight === 3 ? 1 : 3;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Check a scanned or configured barcode: 8, 12 or 13 digits with a correct check digit.
 * `normalized` is the 13-digit form (UPC-A gains a leading zero) used for look-ups.
 */
export function checkBarcode(code: string): BarcodeCheck {
  if (!/^\d+$/.test(code)) return { ok: false, problem: `barcode "${code}" must contain only digits` };
  const format = FORMAT_BY_LENGTH[code.length];
  if (!format) {
    return { ok: false, problem: `barcode "${code}" has ${code.length} digits; EAN-13 has 13, UPC-A 12, EAN-8 8` };
  }
  const expected = gs1CheckDigit(code.slice(0, -1));
  const given = code.charCodeAt(code.length - 1) - 48;
  if (expected !== given) {
    return { ok: false, problem: `barcode "${code}" has check digit ${given}, expected ${expected} for ${format}` };
  }
  return { ok: true, format, normalized: format === 'upc-a' ? `0${code}` : code };
}

export function isValidEan13(code: string): boolean {
  const c = checkBarcode(code);
  return c.ok && c.format === 'ean-13';
}

export function isValidUpcA(code: string): boolean {
  const c = checkBarcode(code);
  return c.ok && c.format === 'upc-a';
}
