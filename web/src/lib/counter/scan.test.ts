import { describe, expect, it } from 'vitest';
import { scannedLine } from './scan.js';
import { counterMenu, TUESDAY_10 } from './test-menu.test-support.js';

const scan = (code: string) => scannedLine(counterMenu, code, TUESDAY_10, 'en');

describe('a scanned code', () => {
  it('adds the item of an EAN-13 or UPC-A code, the same item by either form', () => {
    expect(scan('036000291452')).toMatchObject({
      kind: 'line',
      name: 'House beans',
      line: { itemId: 'beans', quantity: 1 },
    });
    expect(scan('0036000291452')).toMatchObject({ kind: 'line', line: { itemId: 'beans' } });
  });

  it('adds the size a code belongs to, with the item’s default choices', () => {
    expect(scan('012345678905')).toMatchObject({
      kind: 'line',
      line: { itemId: 'latte', variantId: 'small', modifiers: [{ groupId: 'milk', optionId: 'whole' }] },
    });
  });

  it('opens the item’s choices when one is required and has no default', () => {
    const out = scan('4006381333931');
    expect(out.kind).toBe('choose');
    if (out.kind === 'choose') expect(out.item.id).toBe('mug');
  });

  it('says what is wrong with a bad, unknown or unsellable code', () => {
    expect(scan('4006381333932')).toEqual({
      kind: 'refused',
      message: expect.stringMatching(/check digit 2, expected 1.*Nothing was added/),
    });
    expect(scan('1234567')).toMatchObject({ kind: 'refused', message: expect.stringMatching(/7 digits/) });
    expect(scan('5901234123457')).toEqual({
      kind: 'refused',
      message: 'No item has barcode 5901234123457. Nothing was added.',
    });
    expect(scan('96385074')).toEqual({ kind: 'refused', message: 'Muffin is sold out. Nothing was added.' });
  });
});
