/**
 * The box's USB bus: what is plugged in, found at start and followed by hot-plug events. A host
 * with no USB (no `usb` package, no libusb, no /dev/bus/usb) runs with an empty bus and says so
 * once. Listeners hear attach and detach; a listener that throws is logged, never the process.
 */
import { fingerprintOf, hex4, type UsbFingerprint } from '@tillbox/core';
import type { Logger } from 'pino';
import type { UsbApi, UsbDeviceApi } from './usb-api.js';

export interface UsbSeen {
  readonly vendorId: number;
  readonly productId: number;
  readonly bus: number;
  readonly address: number;
  readonly fingerprint: UsbFingerprint | undefined;
}

export type UsbListener = (event: 'attach' | 'detach', device: UsbDeviceApi) => void;

export interface UsbBusContext {
  /** Loads the `usb` package; undefined when this host has none. */
  load: () => Promise<UsbApi | undefined>;
  log: Pick<Logger, 'info' | 'warn'>;
}

export class UsbBus {
  #api: UsbApi | undefined;
  #devices: UsbDeviceApi[] = [];
  readonly #listeners = new Set<UsbListener>();
  readonly #serials = new WeakMap<UsbDeviceApi, string | undefined>();
  readonly #onAttach = (d: UsbDeviceApi) => this.#changed('attach', d);
  readonly #onDetach = (d: UsbDeviceApi) => this.#changed('detach', d);

  constructor(private readonly ctx: UsbBusContext) {}

  /** Whether this host has a USB bus the hub can use. */
  get available(): boolean {
    return this.#api !== undefined;
  }

  async start(): Promise<void> {
    const api = await this.ctx.load();
    if (!api) {
      this.ctx.log.info('no USB on this host (the usb package or libusb is missing): USB devices stay offline');
      return;
    }
    try {
      this.#devices = api.getDeviceList();
      api.on('attach', this.#onAttach);
      api.on('detach', this.#onDetach);
      this.#api = api;
    } catch (err) {
      this.ctx.log.warn({ err }, 'the USB bus cannot be read: USB devices stay offline');
      this.#devices = [];
    }
  }

  stop(): void {
    this.#api?.removeListener('attach', this.#onAttach);
    this.#api?.removeListener('detach', this.#onDetach);
    this.#api = undefined;
    this.#devices = [];
    this.#listeners.clear();
  }

  /** Hear devices come and go. Returns the unsubscribe function. */
  listen(listener: UsbListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** What is plugged in, with what the fingerprint table knows of it. */
  list(): UsbSeen[] {
    return this.#devices.map((d) => ({
      vendorId: d.deviceDescriptor.idVendor,
      productId: d.deviceDescriptor.idProduct,
      bus: d.busNumber,
      address: d.deviceAddress,
      fingerprint: fingerprintOf({
        vendorId: d.deviceDescriptor.idVendor,
        productId: d.deviceDescriptor.idProduct,
        interfaces: (d.configDescriptor?.interfaces ?? []).flatMap((alts) =>
          alts.slice(0, 1).map((a) => ({ class: a.bInterfaceClass, protocol: a.bInterfaceProtocol })),
        ),
      }),
    }));
  }

  /** The plugged-in device with these ids (and serial number, when given). */
  async find(vendorId: number, productId: number, serial?: string): Promise<UsbDeviceApi | undefined> {
    const candidates = this.#devices.filter(
      (d) => d.deviceDescriptor.idVendor === vendorId && d.deviceDescriptor.idProduct === productId,
    );
    if (serial === undefined) return candidates[0];
    for (const d of candidates) if ((await this.serialOf(d)) === serial) return d;
    return undefined;
  }

  /** Whether `device` is still plugged in. */
  has(device: UsbDeviceApi): boolean {
    return this.#devices.includes(device);
  }

  /** The device's serial number (read once; opening it briefly), or undefined. */
  async serialOf(device: UsbDeviceApi): Promise<string | undefined> {
    if (this.#serials.has(device)) return this.#serials.get(device);
    const index = device.deviceDescriptor.iSerialNumber;
    let serial: string | undefined;
    if (index !== 0) {
      try {
        device.open();
        serial = await new Promise<string | undefined>((resolve) =>
          device.getStringDescriptor(index, (err, value) => resolve(err ? undefined : value)),
        );
      } catch {
        serial = undefined;
      } finally {
        try {
          device.close();
        } catch {
          /* already closed or gone */
        }
      }
    }
    this.#serials.set(device, serial);
    return serial;
  }

  #changed(event: 'attach' | 'detach', device: UsbDeviceApi): void {
    if (event === 'attach') {
      if (!this.#devices.includes(device)) this.#devices.push(device);
    } else {
      this.#devices = this.#devices.filter(
        (d) => d !== device && !(d.busNumber === device.busNumber && d.deviceAddress === device.deviceAddress),
      );
    }
    const { idVendor, idProduct } = device.deviceDescriptor;
    this.ctx.log.info({ usb: `${hex4(idVendor)}:${hex4(idProduct)}`, bus: device.busNumber }, `USB device ${event}ed`);
    for (const listener of this.#listeners) {
      try {
        listener(event, device);
      } catch (err) {
        this.ctx.log.warn({ err }, 'a USB listener failed');
      }
    }
  }
}
