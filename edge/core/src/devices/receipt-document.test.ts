import { describe, expect, it } from 'vitest';
import { fingerprintOf, USB_CLASS } from './fingerprints.js';
import { paidOrder } from './fixtures.test-support.js';
import { receiptDocument, receiptText } from './receipt-document.js';

describe('receiptDocument', () => {
  const doc = receiptDocument(
    {
      order: paidOrder(),
      storeName: 'Tillbox Demo Coffee',
      header: ['12 Main St, New York'],
      footer: ['Thank you!'],
      timeZone: 'America/New_York',
      eReceiptUrl: 'http://192.168.1.10:8080/receipts/0190a1b2',
    },
    { width: 32 },
  );
  const lines = receiptText(doc).split('\n');

  it('lays the receipt out line by line within the paper, as a guest reads it', () => {
    expect(lines).toEqual([
      '      Tillbox Demo Coffee',
      '      12 Main St, New York',
      '================================',
      '      #42', // double width: 16 cells
      '       Counter / Takeout',
      '           Guest: Zoë',
      '        2026-03-07 14:03',
      '--------------------------------',
      '2x Latte (Large)          $10.90',
      '   + Oat milk              $1.40',
      '   + Extra hot',
      '1x Butter croissant        $3.75',
      '   Warm it up',
      '--------------------------------',
      'Subtotal                  $14.65',
      'Happy hour: 20% off       -$2.18',
      '  drinks',
      'Tax: NYC sales tax 8.875%  $1.10',
      '================================',
      'TOTAL                     $13.57',
      '--------------------------------',
      'Cash                      $20.00',
      '  Change                   $6.43',
      '--------------------------------',
      '   Loyalty points earned: 13',
      '      Your receipt online',
      '[QR http://192.168.1.10:8080/receipts/0190a1b2]',
      '           Thank you!',
    ]);
    for (const b of doc.blocks) if (b.kind === 'text') expect([...b.text].length).toBeLessThanOrEqual(32);
  });

  it('prints the order number double size and the total double height, and ends with a cut', () => {
    const number = doc.blocks.find((b) => b.kind === 'text' && b.text === '#42');
    expect(number).toMatchObject({ size: 'double', bold: true, align: 'center' });
    const total = doc.blocks.find((b) => b.kind === 'text' && b.text.startsWith('TOTAL'));
    expect(total).toMatchObject({ size: 'double-height', bold: true });
    expect(doc.blocks[doc.blocks.length - 1]).toEqual({ kind: 'cut' });
  });

  it('shows card payments with their last four and tip, refunds, an included tax, and a copy mark', () => {
    const order = paidOrder({
      guestName: undefined,
      pricing: {
        discounts: [],
        taxes: [{ name: 'VAT', rate: '20%', inclusive: true, amount: 226 }],
        loyaltyPoints: 0,
        localTime: 'x',
      },
      payments: [
        { id: 'p1', method: 'card', amount: 1357, tip: 200, cardLast4: '4242', at: '2026-03-07T19:03:00Z' },
        { id: 'p2', method: 'card', amount: -375, refundOf: 'p1', cardLast4: '4242', at: '2026-03-07T19:20:00Z' },
      ],
    });
    const text = receiptText(
      receiptDocument({ order, storeName: 'Shop', timeZone: 'Europe/London', reprint: true }, { width: 32 }),
    );
    expect(text).toContain('*** COPY ***');
    expect(text).toContain('Card ending 4242          $15.57');
    expect(text).toContain('  Tip                      $2.00');
    expect(text).toContain('Refund: Card ending 4242  -$3.75');
    expect(text).toContain('Tax: VAT 20% (incl.)       $2.26');
    expect(text).not.toContain('Loyalty');
    expect(text).not.toContain('[QR');
    expect(text).toContain('2026-03-07 19:03'); // London time
  });

  it('refuses a width or time zone it cannot lay out', () => {
    expect(() => receiptDocument({ order: paidOrder(), storeName: 'S', timeZone: 'Mars/Base' }, { width: 32 })).toThrow(
      /not a time zone/,
    );
    expect(() => receiptDocument({ order: paidOrder(), storeName: 'S', timeZone: 'UTC' }, { width: 12 })).toThrow(
      /24 to 80/,
    );
  });
});

describe('USB fingerprints', () => {
  it('knows an exact model, else the vendor by the interface it has', () => {
    expect(fingerprintOf({ vendorId: 0x04b8, productId: 0x0e15 })).toMatchObject({
      model: 'TM-T20II',
      driver: 'escpos',
    });
    expect(
      fingerprintOf({ vendorId: 0x0519, productId: 0x9999, interfaces: [{ class: USB_CLASS.printer }] }),
    ).toMatchObject({
      vendor: 'Star Micronics',
      driver: 'star-line',
      confidence: 'vendor',
    });
    expect(
      fingerprintOf({ vendorId: 0x0519, productId: 0x9999, interfaces: [{ class: USB_CLASS.hid }] }),
    ).toBeUndefined();
    expect(fingerprintOf({ vendorId: 0x1234, productId: 0x0001 })).toBeUndefined();
  });

  it('tells a scanner in keyboard mode by its boot-keyboard interface', () => {
    const hid = (protocol: number) => ({ vendorId: 0x05f9, productId: 0x2206, interfaces: [{ class: 3, protocol }] });
    expect(fingerprintOf(hid(0))?.driver).toBe('hid-pos');
    expect(fingerprintOf(hid(1))?.driver).toBe('keyboard-wedge');
    expect(fingerprintOf({ vendorId: 0x05e0, productId: 0x1200 })?.driver).toBe('keyboard-wedge');
  });
});
