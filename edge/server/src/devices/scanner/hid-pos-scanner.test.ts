/**
 * HID POS scanners at the USB boundary: the `usb` package is faked (no hardware) and the scanner on
 * the fake bus speaks usb 3's WebUSB device interface and the HID POS report layout; the hub, the
 * driver and the decoder above it are the code a store runs. Hot-plug, unplugging in the middle of
 * a code, a scanner in keyboard mode, and the virtual twin of the demo profile.
 */
import { hardwareProfileSchema, type HardwareDeviceInput } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import { until } from '../../testing/device-hub.js';
import { FakeUsb } from '../../testing/fake-usb.js';
import { DeviceHub } from '../device-hub.js';
import type { UsbLoader } from '../usb/usb-api.js';
import { encodeHidPosReports, type AssembledScan } from './hid-pos-report.js';
import { HidPosScanner } from './hid-pos-scanner.js';
import { VirtualHidScanner } from './virtual-hid-scanner.js';

const HONEYWELL = 0x0c2e;
const VOYAGER_1200G = 0x0caa;

let hub: DeviceHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

async function startHub(devices: HardwareDeviceInput[], loadUsb: UsbLoader) {
  const reads: { device: string; read: AssembledScan }[] = [];
  hub = new DeviceHub({
    profile: hardwareProfileSchema.parse({ version: 1, name: 'scanner test', devices }),
    timeoutMs: 1000,
    pollMs: 0,
    log: createLogger('silent'),
    loadUsb,
    onScan: (device, read) => reads.push({ device: device.id, read }),
  });
  await hub.start();
  return { hub, reads, state: () => hub!.views().find((v) => v.id === 'scanner') };
}

const usbScanner: HardwareDeviceInput = {
  id: 'scanner',
  role: 'scanner',
  driver: 'hid-pos',
  connection: 'usb:0c2e:0caa',
  screen: 'counter',
};

describe('a USB HID POS scanner', () => {
  it('takes the HID interface from usbhid and reads a code from its interrupt IN endpoint', async () => {
    const usb = new FakeUsb();
    const scanner = usb.plugDevice(new VirtualHidScanner(HONEYWELL, VOYAGER_1200G));
    scanner.kernelDriver = 'usbhid';
    const t = await startHub([usbScanner], () => Promise.resolve(usb));
    await until(() => t.state()?.state === 'ready', 5000, 'ready');
    expect(scanner.kernelDriver).toBeUndefined();
    for (const r of encodeHidPosReports('4006381333931', ']E0')) scanner.sendReport(r);
    await until(() => t.reads.length === 1, 5000, 'the scan');
    expect(t.reads[0]).toEqual({
      device: 'scanner',
      read: { kind: 'scan', code: '4006381333931', aim: ']E0', symbology: 'ean-upc' },
    });
  });

  it('is offline until plugged in, reads once plugged, and survives an unplug in the middle of a code', async () => {
    const usb = new FakeUsb();
    const t = await startHub([usbScanner], () => Promise.resolve(usb));
    expect(t.state()).toMatchObject({ state: 'offline', lastError: 'The USB scanner usb:0c2e:0caa is not plugged in' });

    const first = usb.plugDevice(new VirtualHidScanner(HONEYWELL, VOYAGER_1200G));
    await until(() => t.state()?.state === 'ready', 5000, 'ready after plugging in');
    const [head] = encodeHidPosReports(`TBXM1-${'a'.repeat(60)}`, ']Q1'); // the first of two reports
    first.sendReport(head!);
    await new Promise((r) => setTimeout(r, 50));
    usb.unplug(first);
    await until(() => t.state()?.state === 'offline', 5000, 'offline after the unplug');
    expect(t.state()?.lastError).toBe('The USB scanner usb:0c2e:0caa was unplugged');
    await until(() => t.reads.length === 1, 5000, 'the cut-off code reported');
    expect(t.reads[0]?.read).toMatchObject({
      kind: 'unreadable',
      problem: 'the code was cut short: the scanner was unplugged',
    });

    const second = usb.plugDevice(new VirtualHidScanner(HONEYWELL, VOYAGER_1200G));
    await until(() => t.state()?.state === 'ready', 5000, 'ready after plugging back');
    second.scan('012345678905');
    await until(() => t.reads.length === 2, 5000, 'a scan after replugging');
    expect(t.reads[1]?.read).toMatchObject({ kind: 'scan', code: '012345678905' });
  });

  it('reports a bad report as unreadable and goes on reading', async () => {
    const usb = new FakeUsb();
    const scanner = usb.plugDevice(new VirtualHidScanner(HONEYWELL, VOYAGER_1200G));
    const t = await startHub([usbScanner], () => Promise.resolve(usb));
    await until(() => t.state()?.state === 'ready', 5000, 'ready');
    scanner.sendReport(Uint8Array.from([2, 40, 0x5d, 0x45, 0x30, 0x34])); // says 40 bytes, carries 1
    scanner.scan('4006381333931');
    await until(() => t.reads.length === 2, 5000, 'both reads');
    expect(t.reads.map((r) => r.read.kind)).toEqual(['unreadable', 'scan']);
    expect(t.state()).toMatchObject({
      state: 'ready',
      lastError: 'The USB scanner usb:0c2e:0caa: the scanner sent a data length of 40 in a report of 6 bytes',
    });
  });

  it('says a scanner in keyboard mode is not read as HID POS', async () => {
    const usb = new FakeUsb();
    usb.plugDevice(new VirtualHidScanner(HONEYWELL, VOYAGER_1200G, 9, 1)); // a boot keyboard
    const t = await startHub([usbScanner], () => Promise.resolve(usb));
    await until(() => t.state()?.state === 'error', 5000, 'the error');
    expect(t.state()?.lastError).toBe(
      'The USB scanner usb:0c2e:0caa is in keyboard mode (a boot keyboard, not HID POS): scan its "USB HID POS" ' +
        'programming code, or name its driver keyboard-wedge in the profile',
    );
  });

  it('runs without a USB bus, saying why the scanner is offline', async () => {
    const t = await startHub([usbScanner], () => Promise.resolve(undefined));
    expect(t.state()).toMatchObject({
      state: 'offline',
      lastError: 'The USB scanner usb:0c2e:0caa cannot be reached: this host has no USB bus',
    });
  });
});

describe('the virtual HID POS scanner', () => {
  it('is read by the same driver: its reports come back as the code', async () => {
    const t = await startHub([{ id: 'scanner', role: 'scanner', driver: 'hid-pos', connection: 'virtual' }], () =>
      Promise.resolve(undefined),
    );
    await until(() => t.state()?.state === 'ready', 5000, 'ready');
    const twin = t.hub.virtualScanner('scanner')!;
    const long = `https://store.example/receipt/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b?t=${'k'.repeat(43)}`;
    expect(twin.scan(long)).toBe(2);
    await until(() => t.reads.length === 1, 5000, 'the scan');
    expect(t.reads[0]?.read).toEqual({ kind: 'scan', code: long, aim: ']Q0', symbology: 'qr' });
    expect(twin.sent).toBe(2);
  });
});

describe('the driver', () => {
  it('drops a code whose next report never comes, says so, and reads the next code', async () => {
    const twin = new VirtualHidScanner();
    const reads: AssembledScan[] = [];
    const scanner = new HidPosScanner({
      id: 'scanner',
      name: 'The virtual scanner scanner',
      locate: () => Promise.resolve(twin),
      onRead: (read) => reads.push(read),
      log: createLogger('silent'),
      readTimeoutMs: 20,
      partTimeoutMs: 60,
    });
    scanner.start();
    try {
      await until(() => scanner.status.state === 'ready', 5000, 'ready');
      twin.sendReport(encodeHidPosReports('x'.repeat(80), ']C0')[0]!);
      await until(() => reads.length === 1, 5000, 'the dropped code');
      expect(reads[0]).toEqual({
        kind: 'unreadable',
        problem: 'the code was cut short: its next report never came',
        aim: ']C0',
        symbology: 'code-128',
      });
      twin.scan('4006381333931');
      await until(() => reads.length === 2, 5000, 'the next code');
      expect(reads[1]).toMatchObject({ kind: 'scan', code: '4006381333931' });
    } finally {
      await scanner.stop();
    }
  });
});
