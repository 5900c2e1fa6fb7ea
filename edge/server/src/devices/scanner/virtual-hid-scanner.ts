/**
 * A virtual HID POS barcode scanner: a twin of a USB scanner in HID POS mode that the scanner driver
 * reads exactly as it reads a real one — it is a USB device of the hub's `usb` API (usb 3's WebUSB
 * shape: one HID interface, an interrupt IN endpoint) whose `transferIn` hands out the scanned data
 * reports a scanner sends (`encodeHidPosReports`), one report a transfer. `scan(code)` reads a code;
 * `sendReport(bytes)` sends any report (the tests send bad ones). Like usb 3, a transfer that finds
 * nothing in time fails with `Cancelled`, and one under way when the device is pulled out with
 * `Disconnected`. The demo store and the tests plug it in where a profile says `connection: virtual`;
 * the usb-boundary tests plug it into a fake bus.
 */
import { aimOfSymbology, type Symbology } from '@tillbox/core';
import type { UsbConfigurationApi, UsbDeviceApi, UsbTransferStatus } from '../usb/usb-api.js';
import { encodeHidPosReports } from './hid-pos-report.js';

export const HID_CLASS = 3;
const IN_EP = 1;

/** The symbology a scanner names for a code when none is given: EAN/UPC for digits, QR otherwise. */
export function defaultSymbology(code: string): Symbology {
  return /^\d{8}$|^\d{12,13}$/.test(code) ? 'ean-upc' : 'qr';
}

export class VirtualHidScanner implements UsbDeviceApi {
  readonly bus = '001';
  readonly handle: string;
  readonly serialNumber: string | null = null;
  plugged = true;
  /** Linux's usbhid binds to a HID interface; the driver takes it (set by the usb-boundary tests). */
  kernelDriver: 'usbhid' | undefined;
  /** Reports sent since it was made. */
  sent = 0;
  #open = false;
  #claimed = false;
  readonly #queue: Uint8Array[] = [];
  #waiting: ((outcome: 'report' | 'gone' | 'closed') => void) | undefined;

  constructor(
    readonly vendorId = 0x0c2e,
    readonly productId = 0x0b61,
    readonly address = 9,
    /** The interface's protocol: 0 for HID POS, 1 for a boot keyboard (a keyboard wedge). */
    private readonly protocol = 0,
  ) {
    this.handle = `DeviceId(bus 1, address ${address})`;
  }

  get configuration(): UsbConfigurationApi {
    if (!this.plugged) throw new Error('open error: device not found (os error 2)');
    return {
      configurationValue: 1,
      interfaces: [
        {
          interfaceNumber: 0,
          alternate: {
            interfaceClass: HID_CLASS,
            interfaceProtocol: this.protocol,
            endpoints: [{ endpointNumber: IN_EP, direction: 'in', type: 'interrupt' }],
          },
        },
      ],
    };
  }

  /** The scanner reads `code`: the reports it makes wait for the driver's transfers. */
  scan(code: string, symbology: Symbology = defaultSymbology(code)): number {
    const reports = encodeHidPosReports(code, aimOfSymbology(symbology));
    for (const r of reports) this.sendReport(r);
    return reports.length;
  }

  /** Any input report, as bytes. */
  sendReport(bytes: Uint8Array): void {
    this.#queue.push(Uint8Array.from(bytes));
    this.sent += 1;
    this.#waiting?.('report');
  }

  /** Pulled out: a transfer under way fails as usb 3's does. */
  pulled(): void {
    this.plugged = false;
    this.#claimed = false;
    this.#queue.length = 0;
    this.#waiting?.('gone');
  }

  /** Plugged back in (a fresh device for the host: nothing claimed). */
  replugged(): void {
    this.plugged = true;
  }

  open(): Promise<void> {
    if (!this.plugged) return Promise.reject(new Error('open error: device not found (os error 2)'));
    this.#open = true;
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#open = false;
    this.#claimed = false;
    this.#waiting?.('closed');
    return Promise.resolve();
  }

  selectConfiguration(): Promise<void> {
    return this.#open ? Promise.resolve() : Promise.reject(new Error('selectConfiguration error: invalid state'));
  }

  async claimInterface(interfaceNumber: number): Promise<void> {
    await Promise.resolve();
    if (!this.#open) throw new Error('claimInterface error: invalid state');
    if (!this.plugged) throw new Error('claimInterface error: device disconnected (os error 19)');
    if (interfaceNumber !== 0) throw new Error('claimInterface error: interface not found (os error 22)');
    if (this.kernelDriver) throw new Error('claimInterface error: interface is busy (os error 16)');
    this.#claimed = true;
  }

  async releaseInterface(): Promise<void> {
    await Promise.resolve();
    if (!this.#claimed) throw new Error('releaseInterface error: not claimed');
    this.#claimed = false;
  }

  async detachKernelDriver(): Promise<void> {
    await Promise.resolve();
    if (!this.#open) throw new Error('detachKernelDriver error: invalid state');
    if (!this.kernelDriver) throw new Error('detachKernelDriver error: no kernel driver attached (os error 61)');
    this.kernelDriver = undefined;
  }

  transferOut(): Promise<{ bytesWritten: number; status: UsbTransferStatus }> {
    return Promise.reject(new Error('transferOut error: endpoint not found'));
  }

  async transferIn(
    endpointNumber: number,
    length: number,
    timeoutMs = 1000, // usb 3's default
  ): Promise<{ data: DataView; status: UsbTransferStatus }> {
    await new Promise((r) => setImmediate(r));
    if (!this.plugged) throw new Error('transferIn error: Disconnected');
    if (!this.#claimed || endpointNumber !== IN_EP) throw new Error('transferIn error: endpoint not found');
    if (this.#queue.length === 0) {
      const outcome = await new Promise<'report' | 'gone' | 'closed' | 'late'>((resolve) => {
        const timer = setTimeout(() => resolve('late'), timeoutMs);
        this.#waiting = (o) => {
          clearTimeout(timer);
          resolve(o);
        };
      });
      this.#waiting = undefined;
      if (outcome === 'gone') throw new Error('transferIn error: Disconnected');
      if (outcome !== 'report') throw new Error('transferIn error: Cancelled');
    }
    const report = this.#queue.shift() ?? new Uint8Array();
    const bytes = report.subarray(0, length); // a transfer shorter than the report gets its start
    return { data: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), status: 'ok' };
  }
}
