/**
 * The box's USB bus: what is plugged in, found at start and followed by hot-plug (WebUSB's
 * `connect` / `disconnect`). A host with no USB (no `usb` package, no /sys/bus/usb, a container
 * without the bus) runs with an empty bus and says why, once. Listeners hear attach and detach; a
 * listener that throws is logged, never the process.
 */
import { fingerprintOf, hex4, type UsbFingerprint } from '@tillbox/core';
import type { Logger } from 'pino';
import type { UsbApi, UsbConnectionEventApi, UsbDeviceApi, UsbLoader } from './usb-api.js';

export interface UsbSeen {
  readonly vendorId: number;
  readonly productId: number;
  readonly bus: number;
  readonly address: number;
  readonly fingerprint: UsbFingerprint | undefined;
}

export type UsbListener = (event: 'attach' | 'detach', device: UsbDeviceApi) => void;

export interface UsbBusContext {
  /** Loads the `usb` package; undefined (or the reason) when this host has none. */
  load: UsbLoader;
  log: Pick<Logger, 'info' | 'warn'>;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** usb 3 gives the bus as a string (`"001"` on Linux); the hub shows a number (0: not a number). */
function busNumber(device: UsbDeviceApi): number {
  const n = typeof device.bus === 'number' ? device.bus : Number.parseInt(device.bus ?? '', 10);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** Whether two device objects are one device (usb 3 makes a new object per list and per event). */
function sameDevice(a: UsbDeviceApi, b: UsbDeviceApi): boolean {
  if (a === b) return true;
  if (a.handle !== undefined && b.handle !== undefined) return a.handle === b.handle;
  return (
    a.vendorId === b.vendorId &&
    a.productId === b.productId &&
    a.address !== undefined &&
    a.address === b.address &&
    busNumber(a) === busNumber(b)
  );
}

export class UsbBus {
  #api: UsbApi | undefined;
  #unavailable = 'this host has no USB bus';
  #devices: UsbDeviceApi[] = [];
  readonly #listeners = new Set<UsbListener>();
  readonly #serials = new WeakMap<UsbDeviceApi, string | undefined>();
  readonly #interfaces = new WeakMap<UsbDeviceApi, { class: number; protocol: number }[]>();
  readonly #onConnect = (e: UsbConnectionEventApi) => this.#changed('attach', e.device);
  readonly #onDisconnect = (e: UsbConnectionEventApi) => this.#changed('detach', e.device);

  constructor(private readonly ctx: UsbBusContext) {}

  /** Whether this host has a USB bus the hub can use. */
  get available(): boolean {
    return this.#api !== undefined;
  }

  /** Why the bus is not available (meaningful while `available` is false). */
  get unavailableReason(): string {
    return this.#unavailable;
  }

  async start(): Promise<void> {
    const loaded = await this.ctx.load();
    if (!loaded || 'unavailable' in loaded) {
      if (loaded) this.#unavailable = `this host has no USB: ${loaded.unavailable}`;
      this.ctx.log.info({ reason: this.#unavailable }, 'no USB on this host: USB devices stay offline');
      return;
    }
    try {
      this.#devices = await loaded.getDevices();
    } catch (err) {
      this.#unavailable = `this host's USB bus cannot be read (${messageOf(err)})`;
      this.ctx.log.warn({ err, reason: this.#unavailable }, 'the USB bus cannot be read: USB devices stay offline');
      this.#devices = [];
      return;
    }
    try {
      loaded.addEventListener('connect', this.#onConnect);
      loaded.addEventListener('disconnect', this.#onDisconnect);
    } catch (err) {
      this.ctx.log.warn({ err }, 'USB hot-plug cannot be followed: devices plugged in later are seen after a restart');
    }
    if (loaded.hotplugProblem !== undefined)
      this.ctx.log.warn(
        { reason: loaded.hotplugProblem },
        'USB hot-plug cannot be followed on this host: devices plugged in later are seen after a restart',
      );
    this.#api = loaded;
    this.ctx.log.info({ devices: this.#devices.length }, 'USB bus read');
  }

  stop(): void {
    this.#api?.removeEventListener('connect', this.#onConnect);
    this.#api?.removeEventListener('disconnect', this.#onDisconnect);
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
      vendorId: d.vendorId,
      productId: d.productId,
      bus: busNumber(d),
      address: d.address ?? 0,
      fingerprint: fingerprintOf({ vendorId: d.vendorId, productId: d.productId, interfaces: this.#classesOf(d) }),
    }));
  }

  /** The plugged-in device with these ids (and serial number, when given). */
  async find(vendorId: number, productId: number, serial?: string): Promise<UsbDeviceApi | undefined> {
    const candidates = this.#devices.filter((d) => d.vendorId === vendorId && d.productId === productId);
    if (serial === undefined) return candidates[0];
    for (const d of candidates) if ((await this.serialOf(d)) === serial) return d;
    return undefined;
  }

  /** Whether `device` is still plugged in. */
  has(device: UsbDeviceApi): boolean {
    return this.#devices.some((d) => sameDevice(d, device));
  }

  /** The device's serial number (read once: usb 3 may open the device to ask it), or undefined. */
  serialOf(device: UsbDeviceApi): Promise<string | undefined> {
    if (!this.#serials.has(device)) {
      let serial: string | undefined;
      try {
        serial = device.serialNumber ?? undefined;
      } catch {
        serial = undefined; // no permission to open it, or gone
      }
      this.#serials.set(device, serial);
    }
    return Promise.resolve(this.#serials.get(device));
  }

  /** Its interfaces' class and protocol (read once: usb 3 opens the device for them), or none. */
  #classesOf(device: UsbDeviceApi): { class: number; protocol: number }[] {
    let classes = this.#interfaces.get(device);
    if (!classes) {
      try {
        classes = (device.configuration?.interfaces ?? []).map((i) => ({
          class: i.alternate.interfaceClass,
          protocol: i.alternate.interfaceProtocol,
        }));
      } catch {
        classes = []; // no permission to open it: the table goes by its ids alone
      }
      this.#interfaces.set(device, classes);
    }
    return classes;
  }

  #changed(event: 'attach' | 'detach', device: UsbDeviceApi): void {
    this.#devices = this.#devices.filter((d) => !sameDevice(d, device));
    if (event === 'attach') this.#devices.push(device);
    this.ctx.log.info(
      { usb: `${hex4(device.vendorId)}:${hex4(device.productId)}`, bus: busNumber(device) },
      `USB device ${event}ed`,
    );
    for (const listener of this.#listeners) {
      try {
        listener(event, device);
      } catch (err) {
        this.ctx.log.warn({ err }, 'a USB listener failed');
      }
    }
  }
}
