import { hardwareDeviceSchema, receiptDocument, receiptText, type PrinterDevice } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { paidOrder } from '../../../core/src/devices/fixtures.test-support.js';
import { decodeEscPos } from '../kitchen/escpos-decode.js';
import { parseStatus, stateOfStatus, statusByte, STATUS_QUERY } from './escpos-status.js';
import { afterFailure, retryDelay } from './print-policy.js';
import { renderKick, renderReceipt, renderReceiptDocument, renderTestSlip, renderTicket } from './print-render.js';

const printer = (extra: Record<string, unknown> = {}): PrinterDevice =>
  hardwareDeviceSchema.parse({
    id: 'receipt',
    role: 'receipt-printer',
    driver: 'escpos',
    connection: 'virtual',
    columns: 32,
    paperWidthMm: 58,
    ...extra,
  }) as PrinterDevice;
const store = {
  name: 'Tillbox Demo Coffee',
  timeZone: 'America/New_York',
  stationName: (id: string) => (id === 'bar' ? 'Bar' : id),
};

describe('a receipt as ESC/POS', () => {
  const order = paidOrder();
  const bytes = renderReceipt(
    {
      order,
      store,
      receipt: { header: ['12 Main St'], footer: ['Thank you!'], qr: true },
      eReceiptUrl: 'http://10.0.0.2:8080/receipt/x?t=abc',
      reprint: false,
    },
    printer(),
  );
  const out = decodeEscPos(bytes, { columns: 32 });

  it('prints exactly the receipt document, line for line, and nothing a printer would not understand', () => {
    const doc = receiptDocument(
      {
        order,
        storeName: store.name,
        header: ['12 Main St'],
        footer: ['Thank you!'],
        timeZone: store.timeZone,
        eReceiptUrl: 'http://10.0.0.2:8080/receipt/x?t=abc',
      },
      { width: 32 },
    );
    // The QR code prints as a picture, then a line feed.
    const expected = receiptText(doc)
      .split('\n')
      .map((l) => (l.startsWith('[QR') ? '' : l));
    expect(out.lines.map((l) => l.layout.trimEnd())).toEqual(expected);
    expect(out.warnings).toEqual([]);
  });

  it('prints the order number double size, the total double height, taxes by name and rate, tenders and change', () => {
    expect(out.lines.find((l) => l.text === '#42')).toMatchObject({
      widthScale: 2,
      heightScale: 2,
      bold: true,
      align: 'center',
    });
    expect(out.lines.find((l) => l.text.startsWith('TOTAL'))).toMatchObject({
      heightScale: 2,
      widthScale: 1,
      bold: true,
    });
    const texts = out.lines.map((l) => l.text);
    expect(texts).toContain('Tax: NYC sales tax 8.875%  $1.10');
    expect(texts).toContain('Cash                      $20.00');
    expect(texts).toContain('  Change                   $6.43');
    expect(texts).toContain('   Loyalty points earned: 13'.trim());
  });

  it('draws the e-receipt QR code with the printer’s own command (GS ( k: model 2, size, store, print), centred', () => {
    const url = Buffer.from('http://10.0.0.2:8080/receipt/x?t=abc');
    const store = bytes.indexOf(
      Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, url.length + 3, 0, 0x31, 0x50, 0x30]), url]),
    );
    expect(store).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]))).toBeGreaterThan(store);
    expect(bytes.lastIndexOf(Buffer.from([0x1b, 0x61, 0x01]), store)).toBeGreaterThan(0); // ESC a 1 before it
    const eReceipt = out.lines.findIndex((l) => l.text === 'Your receipt online');
    const qr = out.events.findIndex((e) => e.kind === 'graphic' && e.command === 'GS ( k');
    const lineEvent = out.events.findIndex((e) => e.kind === 'line' && e.index === eReceipt);
    expect(qr).toBeGreaterThan(lineEvent);
    expect(out.cuts).toEqual([{ partial: true, afterLine: out.lines.length }]);
  });

  it('leaves the QR out when the printer’s receipts have none, and says COPY on a reprint', () => {
    const copy = renderReceipt(
      { order, store, receipt: { header: [], footer: [], qr: false }, eReceiptUrl: 'http://x/', reprint: true },
      printer(),
    );
    const decoded = decodeEscPos(copy, { columns: 32 });
    expect(decoded.events.some((e) => e.kind === 'graphic')).toBe(false);
    expect(decoded.lines.map((l) => l.text)).toContain('*** COPY ***');
  });

  it('lays a receipt out again for a wider printer (a backup with 48 columns)', () => {
    const wide = decodeEscPos(
      renderReceipt(
        { order, store, receipt: undefined, eReceiptUrl: undefined, reprint: false },
        printer({ columns: 48, paperWidthMm: 80 }),
      ),
      { columns: 48 },
    );
    expect(wide.lines.find((l) => l.text.startsWith('Subtotal'))?.text).toHaveLength(48);
  });

  it('renders any receipt document on a Star printer with the Star commands', () => {
    const doc = receiptDocument({ order, storeName: 'S', timeZone: 'UTC' }, { width: 32 });
    const star = decodeEscPos(renderReceiptDocument(doc, printer({ driver: 'star-line' })), {
      dialect: 'star',
      columns: 32,
    });
    expect(star.lines.find((l) => l.text === '#42')).toMatchObject({ widthScale: 2, heightScale: 2 });
    expect(star.warnings).toEqual([]);
  });
});

describe('a kitchen ticket as ESC/POS', () => {
  const order = paidOrder({ tickets: [] });
  const kitchenPrinter = printer({
    id: 'bar-printer',
    role: 'kitchen-printer',
    stations: ['bar'],
    columns: 42,
    paperWidthMm: 80,
    beep: { times: 2, length: 3 },
  });

  it('prints only the station’s lines, its name, the order number, which ticket of how many, and beeps', () => {
    const bytes = renderTicket(order, 'bar', { lineIds: ['l1'], index: 1, count: 2 }, kitchenPrinter, store);
    const out = decodeEscPos(bytes, { columns: 42 });
    const texts = out.lines.map((l) => l.text);
    expect(texts[0]).toBe('BAR');
    expect(out.lines.find((l) => l.text === '#42')).toMatchObject({ widthScale: 2, heightScale: 2 });
    expect(texts).toContain('2x Latte (Large)');
    expect(texts).toContain('   - Oat milk'); // the default (whole milk) is left off
    expect(texts.some((t) => t.includes('Whole milk'))).toBe(false);
    expect(texts.some((t) => t.includes('croissant'))).toBe(false);
    expect(texts.at(-1)).toMatch(/^PLACED 14:02 +TICKET 1\/2$/);
    expect(out.events.filter((e) => e.kind === 'beep')).toHaveLength(1);
    expect(out.warnings).toEqual([]);
  });

  it('says which round lines added later are', () => {
    const out = decodeEscPos(
      renderTicket(order, 'kitchen', { lineIds: ['l2'], index: 1, count: 1, round: 2 }, kitchenPrinter, store),
      { columns: 42 },
    );
    expect(out.lines[0]?.text).toBe('KITCHEN (ROUND 2)');
    expect(out.lines.map((l) => l.text)).toContain('1x Butter croissant');
  });
});

describe('drawer kicks, test slips, status and retries', () => {
  it('kicks pin 2 or 5 with ESC p on ESC/POS and BEL / SUB on Star', () => {
    expect([...renderKick(printer(), 2)]).toEqual([0x1b, 0x70, 0, 25, 250]);
    expect(decodeEscPos(renderKick(printer(), 5)).events).toEqual([{ kind: 'drawer', pin: 5, offset: 0 }]);
    expect(decodeEscPos(renderKick(printer({ driver: 'star-line' }), 2), { dialect: 'star' }).events).toEqual([
      { kind: 'drawer', pin: 2, offset: 4 },
    ]);
  });

  it('prints a test slip naming the printer, its address, width and code page', () => {
    const out = decodeEscPos(
      renderTestSlip(printer({ name: 'Counter' }), 'tcp:10.0.0.5:9100', new Date('2026-03-07T19:00:00Z'), store),
      { columns: 32 },
    );
    expect(out.lines.map((l) => l.text)).toEqual([
      'TEST PRINT',
      '================================',
      'Counter',
      'id: receipt (receipt-printer)',
      'at: tcp:10.0.0.5:9100',
      'driver: escpos, 58 mm',
      '32 columns, code page PC858_EURO',
      '12345678901234567890123456789012',
      'Café crème brûlée, 1 € - ok?',
      'Tillbox Demo Coffee, 2026-03-07 ',
    ]);
  });

  it('reads DLE EOT answers: ready, offline, cover open, paper out; refuses bytes that are not status', () => {
    const answer = (state: 'ready' | 'paper-out' | 'cover-open' | 'error') =>
      parseStatus(Uint8Array.from([1, 2, 4].map((n) => statusByte(state, n))));
    expect(stateOfStatus(answer('ready')!)).toBe('ready');
    expect(stateOfStatus(answer('cover-open')!)).toBe('cover-open');
    expect(answer('paper-out')).toMatchObject({ paperOut: true, paperNearEnd: true, offline: true });
    expect(stateOfStatus(answer('paper-out')!)).toBe('paper-out');
    expect(stateOfStatus(answer('error')!)).toBe('error');
    expect(parseStatus(Uint8Array.from([0x16, 0x12, 0x12]))).toEqual({
      offline: false,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      error: false,
    });
    expect(stateOfStatus(parseStatus(Uint8Array.from([0x1a, 0x12, 0x12]))!)).toBe('offline');
    expect(parseStatus(Uint8Array.from([0x41, 0x42, 0x43]))).toBeUndefined(); // "ABC": not status bytes
    expect(parseStatus(Uint8Array.from([0x12, 0x12]))).toBeUndefined();
    expect([...STATUS_QUERY]).toEqual([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4]);
  });

  it('waits longer after each failure, and moves to the backup once after N failures', () => {
    const policy = { retryMs: 1000, maxRetryMs: 8000, rerouteAfter: 3 };
    expect([1, 2, 3, 4, 5, 10].map((n) => retryDelay(n, policy))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    const job = { deviceId: 'bar', reroutedFrom: null, attempts: 2, deviceAttempts: 1 };
    expect(afterFailure(job, 'kitchen', policy, 'offline', 0)).toMatchObject({
      deviceId: 'bar',
      deviceAttempts: 2,
      nextAttemptAt: 2000,
    });
    expect(afterFailure({ ...job, deviceAttempts: 2 }, 'kitchen', policy, 'offline', 0)).toMatchObject({
      deviceId: 'kitchen',
      reroutedFrom: 'bar',
      deviceAttempts: 0,
      nextAttemptAt: 0,
    });
    expect(afterFailure({ ...job, deviceAttempts: 2 }, undefined, policy, 'offline', 0)).toMatchObject({
      deviceId: 'bar',
    });
    const rerouted = { deviceId: 'kitchen', reroutedFrom: 'bar', attempts: 5, deviceAttempts: 2 };
    expect(afterFailure(rerouted, 'bar', policy, 'offline', 0)).toMatchObject({
      deviceId: 'kitchen',
      reroutedFrom: 'bar',
    });
  });
});
