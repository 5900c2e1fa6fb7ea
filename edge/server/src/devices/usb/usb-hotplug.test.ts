/**
 * USB at the boundary: the `usb` package (3.x, WebUSB) is faked (there is no hardware), the fake
 * speaks usb 3's WebUSB device interface (transferOut / transferIn, its error messages), and
 * everything above it — bus, transport, printer, print jobs on real SQLite — is the code a store
 * runs. The last tests load the real installed package.
 */
import { existsSync } from 'node:fs';
import { placeOrderBodySchema } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../kitchen/escpos-decode.js';
import { cashierAtCounter } from '../../testing/contexts.js';
import { printingStore, until, virtualPrinter, type PrintingStore } from '../../testing/device-hub.js';
import { FakeUsb } from '../../testing/fake-usb.js';
import { latteOrder } from '../../testing/order-factory.js';
import { loadUsb, type UsbApi } from './usb-api.js';

const EPSON = 0x04b8;
const TM_T20II = 0x0e15;

let s: PrintingStore | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

const usbKitchen = (connection = 'usb:04b8:0e15') => [
  virtualPrinter('receipt', 'receipt-printer'),
  { ...virtualPrinter('kitchen-printer', 'kitchen-printer', { connection }), stations: ['bar', 'kitchen'] },
];
const place = (store: PrintingStore) =>
  store.caps.orders.place(cashierAtCounter, placeOrderBodySchema.parse(latteOrder())).order;

describe('USB printers', () => {
  it('prints with transferOut after asking DLE EOT on transferIn, taking the interface from usblp', async () => {
    const usb = new FakeUsb();
    const printer = usb.plug(EPSON, TM_T20II);
    s = await printingStore(usbKitchen(), { loadUsb: () => Promise.resolve(usb) });
    const order = place(s);
    await until(() => printer.printouts.length === 2, 5000, 'two tickets over USB');
    const lines = printer.printouts.map((p) => decodeEscPos(p, { columns: 42 }).lines.map((l) => l.text));
    expect(lines[0]).toEqual(expect.arrayContaining(['BAR', `#${order.number}`]));
    expect(lines[1]).toEqual(expect.arrayContaining(['KITCHEN', `#${order.number}`]));
    expect(printer.kernelDriverDetached).toBe(true);
    expect(printer.kernelDriver).toBeUndefined();
    expect(s.devices.hub.printer('kitchen-printer')?.status.state).toBe('ready');
    expect(s.devices.hardwareList().usb.devices).toEqual([
      {
        vendorId: '04b8',
        productId: '0e15',
        bus: 1,
        address: 4,
        usedBy: 'kitchen-printer',
        fingerprint: {
          vendor: 'Epson',
          model: 'TM-T20II',
          role: 'receipt-printer',
          driver: 'escpos',
          confidence: 'published',
        },
      },
    ]);
  });

  it('survives an unplug in the middle of a job: the job waits, and prints exactly once when plugged back', async () => {
    const usb = new FakeUsb();
    const first = usb.plug(EPSON, TM_T20II);
    first.unplugDuringNextJob = true;
    s = await printingStore(usbKitchen(), {
      loadUsb: () => Promise.resolve(usb),
      overrides: { 'devices.rerouteAfterFailures': 100 },
    });
    place(s);
    await until(() => s!.devices.prints.list({ limit: 5 }).find((j) => j.lastError), 5000, 'the failed job');
    const failed = s.devices.prints.list({ limit: 5 }).find((j) => j.lastError)!;
    expect(failed).toMatchObject({ state: 'queued', deviceId: 'kitchen-printer' });
    expect(failed.lastError).toBe('The USB printer usb:04b8:0e15 was unplugged while printing');
    await until(() => s!.devices.hub.printer('kitchen-printer')?.status.state === 'offline', 5000, 'offline');
    expect(first.printouts).toEqual([]); // the cut-off transfer printed nothing
    // Attempts while unplugged fail without touching the process.
    await new Promise((r) => setTimeout(r, 100));
    expect(s.devices.hub.printer('kitchen-printer')?.status.lastError).toMatch(/is not plugged in|was unplugged/);

    const second = usb.plug(EPSON, TM_T20II); // the hub hears the attach and asks the printer
    await until(() => second.printouts.length === 2, 5000, 'both tickets after replugging');
    await new Promise((r) => setTimeout(r, 200));
    expect(second.printouts).toHaveLength(2);
    expect(s.devices.prints.list({ limit: 5 }).map((j) => j.state)).toEqual(['printed', 'printed']);
  });

  it('waits with a job while the USB printer reports paper out, and does not send it', async () => {
    const usb = new FakeUsb();
    const printer = usb.plug(EPSON, TM_T20II);
    printer.state = 'paper-out';
    s = await printingStore(usbKitchen(), {
      loadUsb: () => Promise.resolve(usb),
      overrides: { 'devices.rerouteAfterFailures': 100 },
    });
    place(s);
    await until(() => s!.devices.hub.printer('kitchen-printer')?.status.state === 'paper-out', 5000, 'paper-out');
    expect(printer.printouts).toEqual([]);
    printer.state = 'ready';
    await s.devices.hub.printer('kitchen-printer')!.check();
    await until(() => printer.printouts.length === 2, 5000, 'the tickets');
  });

  it('finds the printer of a profile by its serial number among two of one model', async () => {
    const usb = new FakeUsb();
    const other = usb.plug(EPSON, TM_T20II, 'AAA111');
    const mine = usb.plug(EPSON, TM_T20II, 'BBB222');
    s = await printingStore(usbKitchen('usb:04b8:0e15:BBB222'), { loadUsb: () => Promise.resolve(usb) });
    place(s);
    await until(() => mine.printouts.length === 2, 5000, 'the tickets on the right printer');
    expect(other.printouts).toEqual([]);
  });

  it('says which udev rule to turn on when usblp will not let go of the printer, and sends nothing', async () => {
    const usb = new FakeUsb();
    const printer = usb.plug(EPSON, TM_T20II);
    printer.kernelDriverSticks = true;
    s = await printingStore(usbKitchen(), {
      loadUsb: () => Promise.resolve(usb),
      overrides: { 'devices.rerouteAfterFailures': 100 },
    });
    place(s);
    await until(() => s!.devices.prints.list({ limit: 5 }).find((j) => j.lastError), 5000, 'the failed job');
    const status = s.devices.hub.printer('kitchen-printer')?.status;
    expect(status?.state).toBe('offline');
    expect(status?.lastError).toBe(
      "The USB printer usb:04b8:0e15 is held by the kernel's usblp driver and cannot be taken from it " +
        '(detachKernelDriver error: failed to detach kernel driver (os error 1)): turn on the usblp line of ' +
        'firmware-config/udev/60-tillbox-pos.rules and plug the printer in again, or print to its device file ' +
        '(file:/dev/usb/lp0) instead',
    );
    expect(printer.printouts).toEqual([]);
    expect(s.devices.prints.list({ limit: 5 }).every((j) => j.state === 'queued')).toBe(true);

    printer.kernelDriverSticks = false; // the rule turned on: usblp lets go
    await s.devices.hub.printer('kitchen-printer')!.check();
    await until(() => printer.printouts.length === 2, 5000, 'the tickets once the printer is free');
  });

  it('follows the device usb 3 gives a disconnect (another object, the same handle)', async () => {
    const usb = new FakeUsb();
    const printer = usb.plug(EPSON, TM_T20II);
    s = await printingStore(usbKitchen(), { loadUsb: () => Promise.resolve(usb) });
    await until(() => s!.devices.hub.printer('kitchen-printer')?.status.state === 'ready', 5000, 'ready');
    usb.unplug(printer);
    await until(() => s!.devices.hub.printer('kitchen-printer')?.status.state === 'offline', 5000, 'offline');
    expect(s.devices.hub.printer('kitchen-printer')?.status.lastError).toBe(
      'The USB printer usb:04b8:0e15 was unplugged',
    );
    expect(s.devices.hardwareList().usb.devices).toEqual([]);
  });

  it('runs without a USB bus: USB printers are offline saying why, the rest print', async () => {
    s = await printingStore(usbKitchen(), {
      loadUsb: () => Promise.resolve(undefined),
      overrides: { 'devices.rerouteAfterFailures': 100 },
    });
    await until(() => s!.devices.hub.printer('kitchen-printer')?.status.lastError, 5000, 'the reason');
    expect(s.devices.hub.printer('kitchen-printer')?.status).toMatchObject({
      state: 'offline',
      lastError: 'The USB printer usb:04b8:0e15 cannot be reached: this host has no USB bus',
    });
    expect(s.devices.hardwareList().usb).toEqual({ available: false, devices: [] });
  });

  it('runs when reading the bus fails (no /sys/bus/usb), saying so on the printer', async () => {
    const broken = new FakeUsb();
    broken.getDevices = () => Promise.reject(new Error('getDevices error: /sys/bus/usb/devices/ not found (errno 2)'));
    s = await printingStore(usbKitchen(), { loadUsb: () => Promise.resolve(broken) });
    expect(s.devices.hub.usb.available).toBe(false);
    await until(() => s!.devices.hub.printer('kitchen-printer')?.status.lastError, 5000, 'the reason');
    expect(s.devices.hub.printer('kitchen-printer')?.status.lastError).toBe(
      "The USB printer usb:04b8:0e15 cannot be reached: this host's USB bus cannot be read " +
        '(getDevices error: /sys/bus/usb/devices/ not found (errno 2))',
    );
  });
});

describe('the installed usb package', () => {
  it('loads as a WebUSB adapter and never throws', async () => {
    const real = await loadUsb();
    // usb 3 with its native binary for this platform is a dependency of the edge: it must load.
    expect(real).not.toHaveProperty('unavailable');
    const api = real as UsbApi;
    const listed = await api.getDevices().then(
      (devices) => ({ devices }),
      (error: Error) => ({ error: error.message }),
    );
    if (existsSync('/sys/bus/usb/devices')) expect(listed).toHaveProperty('devices');
    else expect(listed).toEqual({ error: 'getDevices error: /sys/bus/usb/devices/ not found (errno 2)' });
  });

  it('starts the edge on this host either way, a USB printer saying why it is not there', async () => {
    s = await printingStore(usbKitchen(), { loadUsb, overrides: { 'devices.rerouteAfterFailures': 100 } });
    await until(() => s!.devices.hub.printer('kitchen-printer')?.status.lastError, 5000, 'the reason');
    const { state, lastError } = s.devices.hub.printer('kitchen-printer')!.status;
    expect(state).toBe('offline');
    if (s.devices.hub.usb.available)
      expect(lastError).toMatch(/^The USB printer usb:04b8:0e15 (is not plugged in|cannot be opened: .+)$/);
    else
      expect(lastError).toMatch(
        /^The USB printer usb:04b8:0e15 cannot be reached: this host's USB bus cannot be read \(.+\)$/,
      );
  });
});
