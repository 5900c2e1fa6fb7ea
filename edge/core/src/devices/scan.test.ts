import { describe, expect, it } from 'vitest';
import { aimOfSymbology, classifyScan, symbologyOfAim, virtualScanBodySchema } from './scan.js';

describe('classifyScan', () => {
  it('takes digits with a right check digit for a retail barcode, in its EAN-13 form', () => {
    expect(classifyScan('4006381333931')).toEqual({ kind: 'barcode', format: 'ean-13', normalized: '4006381333931' });
    expect(classifyScan('036000291452')).toEqual({ kind: 'barcode', format: 'upc-a', normalized: '0036000291452' });
    expect(classifyScan('96385074')).toEqual({ kind: 'barcode', format: 'ean-8', normalized: '96385074' });
  });

  it('says why digits are not a barcode the till reads', () => {
    expect(classifyScan('4006381333932')).toEqual({
      kind: 'invalid',
      problem: 'barcode "4006381333932" has check digit 2, expected 1 for ean-13',
    });
    expect(classifyScan('1234567')).toMatchObject({ kind: 'invalid', problem: expect.stringMatching(/7 digits/) });
  });

  it("knows a loyalty card and an order's e-receipt QR code; anything else is unknown", () => {
    expect(classifyScan(`TBXM1-${'x'.repeat(20)}`)).toEqual({ kind: 'loyalty' });
    expect(classifyScan('http://10.0.0.2:8080/receipt/0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B?t=abc')).toEqual({
      kind: 'order',
      orderId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    });
    expect(classifyScan('TBXM1-short')).toEqual({ kind: 'unknown' });
    expect(classifyScan('https://example.com/receipt/not-an-id')).toEqual({ kind: 'unknown' });
    expect(classifyScan('HELLO-128')).toEqual({ kind: 'unknown' });
  });
});

describe('AIM symbology identifiers', () => {
  it('names the symbology of an identifier and makes the identifier of a symbology', () => {
    expect(symbologyOfAim(']E0')).toBe('ean-upc');
    expect(symbologyOfAim(']Q1')).toBe('qr');
    expect(symbologyOfAim(']d2')).toBe('data-matrix');
    expect(symbologyOfAim(']?0')).toBe('unknown');
    expect(symbologyOfAim('E0')).toBe('unknown');
    expect(aimOfSymbology('code-128')).toBe(']C0');
    expect(aimOfSymbology('unknown')).toBe(']X0');
  });

  it('takes a virtual scan of printable text only, at most 512 characters', () => {
    expect(virtualScanBodySchema.safeParse({ code: '4006381333931' }).success).toBe(true);
    expect(virtualScanBodySchema.safeParse({ code: 'a\tb' }).success).toBe(false);
    expect(virtualScanBodySchema.safeParse({ code: 'x'.repeat(513) }).success).toBe(false);
  });
});
