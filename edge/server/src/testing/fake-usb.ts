/**
 * A fake of the `usb` package (3.x, WebUSB), for tests (there is no hardware): `getDevices()` and
 * `connect` / `disconnect` events, and USB printers that speak usb 3's WebUSB device interface —
 * promise-based `open` / `claimInterface` / `transferOut` / `transferIn`, rejecting with usb 3's
 * messages (`transferOut error: Disconnected` when unplugged, `transferIn error: Cancelled` when
 * nothing came in time, `claimInterface error: interface is busy (os error 16)` while Linux's usblp
 * holds the interface) — and behave like a thermal printer: DLE EOT n on the OUT endpoint queues its
 * status byte on the IN endpoint, everything else is paper: what came before a status query, or
 * before the session's end, is one printout (the driver asks before each job of a run).
 */
import { DLE, EOT, statusByte } from '../devices/escpos-status.js';
import type {
  UsbApi,
  UsbConfigurationApi,
  UsbConnectionListener,
  UsbDeviceApi,
  UsbTransferStatus,
} from '../devices/usb/usb-api.js';

const OUT_EP = 1;
const IN_EP = 2;

export class FakeUsbPrinter implements UsbDeviceApi {
  readonly bus = '001';
  readonly handle: string;
  readonly serialNumber: string | null;
  state: 'ready' | 'paper-out' | 'cover-open' = 'ready';
  /** Each session's paper. */
  readonly printouts: Buffer[] = [];
  /** Unplug it while the next job (a transfer larger than a status query) is in flight. */
  unplugDuringNextJob = false;
  plugged = true;
  /** Linux binds usblp to a printer when it is plugged in. */
  kernelDriver: 'usblp' | undefined = 'usblp';
  /** usblp will not let go (the detach fails). */
  kernelDriverSticks = false;
  kernelDriverDetached = false;
  #open = false;
  #claimed = false;
  #session: Buffer[] = [];
  #answers: number[] = [];
  #waiting: ((gone: boolean) => void) | undefined;

  constructor(
    private readonly usb: FakeUsb,
    readonly vendorId: number,
    readonly productId: number,
    serial: string | undefined,
    readonly address = 4,
  ) {
    this.serialNumber = serial ?? null;
    this.handle = `DeviceId(bus 1, address ${address})`;
  }

  /** usb 3 opens the device to read it, so a device that is gone throws. */
  get configuration(): UsbConfigurationApi {
    if (!this.plugged) throw new Error('open error: device not found (os error 2)');
    return {
      configurationValue: 1,
      interfaces: [
        {
          interfaceNumber: 0,
          alternate: {
            interfaceClass: 7,
            interfaceProtocol: 2,
            endpoints: [
              { endpointNumber: OUT_EP, direction: 'out', type: 'bulk' },
              { endpointNumber: IN_EP, direction: 'in', type: 'bulk' },
            ],
          },
        },
      ],
    };
  }

  open(): Promise<void> {
    if (!this.plugged) return Promise.reject(new Error('open error: device not found (os error 2)'));
    this.#open = true;
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#open = false;
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
    this.#session = [];
  }

  async releaseInterface(): Promise<void> {
    await Promise.resolve();
    if (!this.#open) throw new Error('releaseInterface error: invalid state');
    if (!this.#claimed) throw new Error('releaseInterface error: not claimed');
    this.#claimed = false;
    this.#printout();
  }

  /** What was sent since the last status query (or the session's start) comes out. */
  #printout(): void {
    const paper = Buffer.concat(this.#session);
    this.#session = [];
    if (paper.length > 0) this.printouts.push(paper);
  }

  async detachKernelDriver(): Promise<void> {
    await Promise.resolve();
    if (!this.#open) throw new Error('detachKernelDriver error: invalid state');
    if (!this.kernelDriver) throw new Error('detachKernelDriver error: no kernel driver attached (os error 61)');
    if (this.kernelDriverSticks)
      throw new Error('detachKernelDriver error: failed to detach kernel driver (os error 1)');
    this.kernelDriver = undefined;
    this.kernelDriverDetached = true;
  }

  async transferOut(
    endpointNumber: number,
    data: Uint8Array,
  ): Promise<{ bytesWritten: number; status: UsbTransferStatus }> {
    await new Promise((r) => setImmediate(r));
    if (!this.#claimed || endpointNumber !== OUT_EP) throw new Error('transferOut error: endpoint not found');
    if (!this.plugged) throw new Error('transferOut error: Disconnected');
    if (this.unplugDuringNextJob && data.length > 9) {
      this.unplugDuringNextJob = false;
      this.usb.unplug(this);
      throw new Error('transferOut error: Disconnected');
    }
    this.#receive(Buffer.from(data));
    return { bytesWritten: data.length, status: 'ok' };
  }

  async transferIn(
    endpointNumber: number,
    length: number,
    timeoutMs = 1000, // usb 3's default
  ): Promise<{ data: DataView; status: UsbTransferStatus }> {
    await new Promise((r) => setImmediate(r));
    if (!this.#claimed || endpointNumber !== IN_EP) throw new Error('transferIn error: endpoint not found');
    if (!this.plugged) throw new Error('transferIn error: Disconnected');
    if (this.#answers.length === 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.#waiting = undefined;
          reject(new Error('transferIn error: Cancelled'));
        }, timeoutMs);
        this.#waiting = (gone) => {
          clearTimeout(timer);
          this.#waiting = undefined;
          if (gone) reject(new Error('transferIn error: Disconnected'));
          else resolve();
        };
      });
    }
    const bytes = Uint8Array.from(this.#answers.splice(0, length));
    return { data: new DataView(bytes.buffer), status: 'ok' };
  }

  /** Pulled out: a transfer waiting for an answer fails as usb 3's does. */
  pulled(): void {
    this.plugged = false;
    this.#waiting?.(true);
  }

  #receive(buffer: Buffer): void {
    let from = 0;
    for (let i = 0; i + 2 < buffer.length; i++) {
      if (buffer[i] !== DLE || buffer[i + 1] !== EOT) continue;
      this.#session.push(buffer.subarray(from, i));
      this.#printout();
      this.#answers.push(statusByte(this.state, buffer[i + 2] ?? 0));
      from = i + 3;
      i += 2;
    }
    this.#session.push(buffer.subarray(from));
    if (this.#answers.length > 0) this.#waiting?.(false);
  }
}

/** A device on the fake bus: once pulled out, its transfers fail as usb 3's do. */
export interface FakeUsbDevice extends UsbDeviceApi {
  pulled(): void;
}

/** The bus: `getDevices()` and `connect` / `disconnect` events, as usb 3's WebUSB has them. */
export class FakeUsb implements UsbApi {
  devices: FakeUsbDevice[] = [];
  readonly #listeners = { connect: new Set<UsbConnectionListener>(), disconnect: new Set<UsbConnectionListener>() };

  getDevices(): Promise<UsbDeviceApi[]> {
    return Promise.resolve([...this.devices]);
  }

  addEventListener(type: 'connect' | 'disconnect', listener: UsbConnectionListener): void {
    this.#listeners[type].add(listener);
  }

  removeEventListener(type: 'connect' | 'disconnect', listener: UsbConnectionListener): void {
    this.#listeners[type].delete(listener);
  }

  /** A printer plugged in (a `connect` event when the hub is listening). */
  plug(vendorId: number, productId: number, serial?: string): FakeUsbPrinter {
    const device = new FakeUsbPrinter(this, vendorId, productId, serial, 4 + this.devices.length);
    this.devices.push(device);
    for (const listener of this.#listeners.connect) listener({ device });
    return device;
  }

  /** Another fake device plugged in (a HID POS scanner: `devices/scanner/virtual-hid-scanner.ts`). */
  plugDevice<T extends FakeUsbDevice>(device: T): T {
    this.devices.push(device);
    for (const listener of this.#listeners.connect) listener({ device });
    return device;
  }

  /**
   * Pulled out: a `disconnect` event. usb 3 hands that event the object of its own device list, not
   * the one `getDevices()` gave the hub — the same device (same handle), another object — so the
   * fake does too.
   */
  unplug(device: FakeUsbDevice): void {
    device.pulled();
    this.devices = this.devices.filter((d) => d !== device);
    const twin = Object.create(device) as FakeUsbDevice;
    for (const listener of this.#listeners.disconnect) listener({ device: twin });
  }
}
