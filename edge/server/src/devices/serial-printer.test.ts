/**
 * Printers on a serial port (`serial:/dev/ttyUSB0`), driven like the pole display's: written like a
 * device file at 9600 baud, never read. Here the "port" is a FIFO or a file in a temp dir: what
 * comes out of it is decoded as a printer would print it. A port that is missing leaves the printer
 * offline with why (and makes no file); plugged back, the waiting job prints.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { placeOrderBodySchema, type HardwareDeviceInput } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../kitchen/escpos-decode.js';
import { cashierAtCounter } from '../testing/contexts.js';
import { printingStore, until, virtualPrinter, type PrintingStore } from '../testing/device-hub.js';
import { latteOrder } from '../testing/order-factory.js';
import { tempDir } from '../testing/test-edge.js';

let s: PrintingStore | undefined;
let cleanup: (() => void)[] = [];
afterEach(async () => {
  await s?.stop();
  s = undefined;
  for (const undo of cleanup.reverse()) undo();
  cleanup = [];
});

function portsDir(): string {
  const dir = tempDir('tillbox-serial-');
  cleanup.push(dir.remove);
  return dir.dir;
}

/** A FIFO standing for the port, with the "printer" reading every byte written to it. */
function fifoPort(path: string): { bytes: () => Buffer } {
  execFileSync('mkfifo', [path]);
  // Read-write: opening does not wait for a writer, and the end of one session is not the end of the port.
  const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
  const socket = new Socket({ fd, readable: true, writable: false });
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  cleanup.push(() => socket.destroy());
  return { bytes: () => Buffer.concat(chunks) };
}

const serialPrinter = (
  id: string,
  role: 'receipt-printer' | 'kitchen-printer',
  connection: string,
  extra: Record<string, unknown> = {},
): HardwareDeviceInput => virtualPrinter(id, role, { connection, ...extra });

const texts = (bytes: Buffer, dialect: 'escpos' | 'star' = 'escpos') =>
  decodeEscPos(bytes, { dialect, columns: 42 }).lines.map((l) => l.text);

function placeAndPay(store: PrintingStore) {
  const order = store.caps.orders.place(cashierAtCounter, placeOrderBodySchema.parse(latteOrder())).order;
  return store.caps.payments
    .pay(cashierAtCounter, order.id, { method: 'cash', tendered: 5000 })
    .then(() => order.number);
}

describe('printers on a serial port', () => {
  it('prints the receipt (escpos) and a ticket (star-line) on their serial ports, bytes as a printer decodes them', async () => {
    const dir = portsDir();
    const receiptPort = fifoPort(join(dir, 'ttyS0'));
    const barPort = join(dir, 'ttyUSB0');
    writeFileSync(barPort, '');
    s = await printingStore([
      serialPrinter('receipt', 'receipt-printer', `serial:${join(dir, 'ttyS0')}`, {
        receipt: { header: ['12 Main St'], footer: ['Thank you!'] },
      }),
      serialPrinter('bar-printer', 'kitchen-printer', `serial:${barPort}@9600`, { driver: 'star-line' }),
      virtualPrinter('kitchen-printer', 'kitchen-printer'),
    ]);
    const number = await placeAndPay(s);
    await until(
      () => s!.devices.prints.list({ limit: 10 }).filter((j) => j.state === 'printed').length === 3,
      5000,
      'the receipt and the tickets',
    );

    const receipt = texts(receiptPort.bytes());
    expect(receipt).toEqual(expect.arrayContaining([`#${number}`, '12 Main St', 'Thank you!']));
    expect(receipt.find((l) => l.startsWith('Cash'))).toMatch(/\$50\.00$/);
    const decoded = decodeEscPos(receiptPort.bytes(), { columns: 42 });
    expect(decoded.cuts).toHaveLength(1);
    expect(decoded.warnings).toEqual([]);

    const bar = texts(readFileSync(barPort), 'star');
    expect(bar).toEqual(expect.arrayContaining(['BAR', `#${number}`, '2x Caffè Latte (Medium)']));
    expect(bar.some((t) => t.includes('Croissant'))).toBe(false);

    const views = s.devices.hub.views();
    expect(views.find((v) => v.id === 'receipt')).toMatchObject({
      state: 'ready',
      connection: `serial:${join(dir, 'ttyS0')}@9600`,
    });
    expect(views.find((v) => v.id === 'bar-printer')).toMatchObject({ state: 'ready' });
  });

  it('leaves a printer whose port is missing offline with why, makes no file, and prints the job once it is plugged in', async () => {
    const dir = portsDir();
    const port = join(dir, 'ttyUSB0');
    s = await printingStore(
      [
        serialPrinter('receipt', 'receipt-printer', `serial:${port}`),
        virtualPrinter('bar-printer', 'kitchen-printer'),
        virtualPrinter('kitchen-printer', 'kitchen-printer'),
      ],
      { overrides: { 'devices.rerouteAfterFailures': 100 } },
    );
    const receipt = s.devices.hub.printer('receipt')!;
    expect(await receipt.check()).toBe('offline');
    expect(receipt.status.lastError).toMatch(/serial:.*ttyUSB0@9600.*ENOENT/);
    const number = await placeAndPay(s);
    await until(() => s!.devices.prints.list({ deviceId: 'receipt', limit: 1 })[0]?.attempts, 5000, 'a failed attempt');
    const [job] = s.devices.prints.list({ deviceId: 'receipt', limit: 1 });
    expect(job?.state).not.toBe('printed');
    expect(existsSync(port)).toBe(false);

    // The USB-serial adapter is plugged (back) in: the job is retried and printed, once.
    closeSync(openSync(port, 'w'));
    await until(
      () => s!.devices.prints.list({ deviceId: 'receipt', limit: 1 })[0]?.state === 'printed',
      5000,
      'the receipt printed',
    );
    expect(texts(readFileSync(port)).filter((l) => l === `#${number}`)).toHaveLength(1);
    expect(receipt.status.state).toBe('ready');
  });

  it('shows a printer in error, not a crash, when its port is set to a baud rate the box does not drive', async () => {
    const dir = portsDir();
    const port = join(dir, 'ttyS1');
    writeFileSync(port, '');
    s = await printingStore([
      serialPrinter('receipt', 'receipt-printer', `serial:${port}@19200`),
      virtualPrinter('bar-printer', 'kitchen-printer'),
      virtualPrinter('kitchen-printer', 'kitchen-printer'),
    ]);
    const receipt = s.devices.hub.printer('receipt')!;
    expect(await receipt.check()).toBe('error');
    expect(receipt.status.lastError).toMatch(/Only 9600 baud is driven.*not 19200/);
    await expect(receipt.print(Buffer.from('x'))).rejects.toThrow(/Only 9600 baud/);
    expect(readFileSync(port)).toHaveLength(0);
  });
});
