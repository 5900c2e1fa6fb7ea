/**
 * A HID POS barcode scanner of the profile, read through the `usb` layer (usb 3's WebUSB): open the
 * device, claim its HID interface (taking it from Linux's usbhid driver, which binds to every HID
 * interface), and read input reports on the interrupt IN endpoint, one transfer after another. The
 * reports go through `HidPosAssembler`; each code (or why one could not be read) goes to `onRead`.
 * State: `ready` while reading, `offline` while unplugged or unreachable, `error` when the device
 * cannot be used (no HID interface, a boot keyboard, no permission), each with the last error. A
 * scanner unplugged mid-code is offline at once and the part read is dropped; plugged back, it is
 * opened again. Nothing a scanner does (or fails to do) throws out of here.
 */
import type { DeviceState } from '@tillbox/core';
import type { Logger } from 'pino';
import type { DeviceStatusView } from '../printer.js';
import type { UsbConfigurationApi, UsbDeviceApi, UsbEndpointApi, UsbInterfaceApi } from '../usb/usb-api.js';
import { HidPosAssembler, REPORT_SIZE, type AssembledScan } from './hid-pos-report.js';

const HID_CLASS = 3;
const BOOT_KEYBOARD = 1;
const UDEV_RULES = 'firmware-config/udev/60-tillbox-pos.rules';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
/** usb 3's words for a device that is gone, a transfer that ran out of time, a held interface, no permission. */
const GONE = /disconnected|device not found|no such device/i;
const CANCELLED = /cancelled/i;
const BUSY = /busy|os error 16\b/i;
const DENIED = /permission denied|os error 13\b/i;

export interface HidPosScannerContext {
  readonly id: string;
  /** How messages name it: "The USB scanner usb:0c2e:0b61", "The virtual scanner scanner". */
  readonly name: string;
  /** The plugged-in device (a USB one found on the bus, or the virtual twin); undefined: not there. */
  readonly locate: () => Promise<UsbDeviceApi | undefined>;
  /** Why the device cannot be reached at all (no USB on this host); undefined: it can. */
  readonly unreachable?: () => string | undefined;
  /** A code read, or why reports could not be read as one. */
  readonly onRead: (read: AssembledScan) => void;
  readonly log: Pick<Logger, 'info' | 'warn'>;
  readonly now?: () => number;
  /** One transfer's wait for a report (then it asks again). */
  readonly readTimeoutMs?: number;
  /** Longest wait for the next report of a code sent in several. */
  readonly partTimeoutMs?: number;
  /** After a failure, open the device again this much later. */
  readonly retryMs?: number;
}

interface Session {
  readonly device: UsbDeviceApi;
  readonly iface: number;
}

export class HidPosScanner {
  #state: DeviceState = 'offline';
  #lastError: { message: string; at: number } | undefined;
  #checkedAt: number | undefined;
  #running = false;
  /** Bumped whenever a reading loop must end (stop, unplug, a new open). */
  #generation = 0;
  #session: Session | undefined;
  #retry: NodeJS.Timeout | undefined;
  readonly #assembler = new HidPosAssembler();
  #partSince: number | undefined;

  constructor(private readonly ctx: HidPosScannerContext) {}

  get id(): string {
    return this.ctx.id;
  }

  get status(): DeviceStatusView {
    return {
      state: this.#state,
      ...(this.#lastError ? { lastError: this.#lastError.message, lastErrorAt: this.#lastError.at } : {}),
      ...(this.#checkedAt !== undefined ? { checkedAt: this.#checkedAt } : {}),
    };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#open();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#generation += 1;
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#assembler.abandon('the hub stopped');
    await this.#release();
  }

  /** A device with its ids was plugged in: open it if it is not being read. */
  plugged(): void {
    if (this.#running && !this.#session) void this.#open();
  }

  /** It was pulled out: offline at once; a code under way is dropped (and said). */
  unplugged(why = `${this.ctx.name} was unplugged`): void {
    this.#generation += 1;
    const cut = this.#assembler.abandon('the scanner was unplugged');
    if (cut) this.#deliver(cut);
    this.#set('offline', why); // the last error: why it is offline, not the code it cut short
    void this.#release();
  }

  #now(): number {
    return (this.ctx.now ?? Date.now)();
  }

  #set(state: DeviceState, error?: string): void {
    const at = this.#now();
    if (state !== this.#state || error !== undefined)
      this.ctx.log.info({ device: this.ctx.id, state, ...(error ? { error } : {}) }, `scanner ${this.ctx.id} ${state}`);
    this.#state = state;
    this.#checkedAt = at;
    if (error !== undefined) this.#lastError = { message: error, at };
  }

  #later(): void {
    clearTimeout(this.#retry);
    if (!this.#running) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (!this.#session) void this.#open();
    }, this.ctx.retryMs ?? 5000);
    this.#retry.unref();
  }

  async #open(): Promise<void> {
    const generation = ++this.#generation;
    clearTimeout(this.#retry);
    await this.#release();
    const unreachable = this.ctx.unreachable?.();
    if (unreachable !== undefined) return this.#set('offline', `${this.ctx.name} cannot be reached: ${unreachable}`);
    const device = await this.ctx.locate();
    if (generation !== this.#generation) return;
    if (!device) return this.#set('offline', `${this.ctx.name} is not plugged in`);
    let claimed: number | undefined;
    try {
      await device.open();
      const found = hidInterface(await activeConfiguration(device));
      if ('problem' in found) throw new ScannerUnusable(`${this.ctx.name} ${found.problem}`);
      await claim(device, found.iface.interfaceNumber);
      claimed = found.iface.interfaceNumber;
      if (generation !== this.#generation) throw new Error('superseded');
      this.#session = { device, iface: claimed };
      this.#set('ready');
      void this.#read(generation, device, found.endpoint);
    } catch (e) {
      await device.releaseInterface(claimed ?? 0).catch(() => undefined);
      await device.close().catch(() => undefined);
      if (generation !== this.#generation) return;
      const why = messageOf(e);
      if (e instanceof ScannerUnusable) this.#set('error', why);
      else if (GONE.test(why)) this.#set('offline', `${this.ctx.name} was unplugged`);
      else if (DENIED.test(why))
        this.#set(
          'error',
          `${this.ctx.name} cannot be opened: the edge has no permission (${why}): install ${UDEV_RULES}, ` +
            `put the edge's user in the group tillbox and plug the scanner in again`,
        );
      else this.#set('error', `${this.ctx.name} cannot be opened: ${why}`);
      this.#later();
    }
  }

  async #read(generation: number, device: UsbDeviceApi, endpoint: UsbEndpointApi): Promise<void> {
    const wait = this.ctx.readTimeoutMs ?? 500;
    while (generation === this.#generation) {
      let data: DataView | undefined;
      try {
        const result = await device.transferIn(endpoint.endpointNumber, REPORT_SIZE, wait);
        if (result.status !== 'ok') throw new Error(`the scanner answered ${result.status}`);
        data = result.data;
      } catch (e) {
        if (generation !== this.#generation) return;
        const why = messageOf(e);
        if (CANCELLED.test(why)) {
          this.#partLate();
          continue;
        }
        if (GONE.test(why)) return this.unplugged();
        this.#generation += 1;
        this.#set('error', `${this.ctx.name} failed while reading: ${why}`);
        const cut = this.#assembler.abandon('the scanner failed');
        if (cut) this.#deliver(cut);
        await this.#release();
        return this.#later();
      }
      if (generation !== this.#generation) return;
      if (!data || data.byteLength === 0) continue;
      const read = this.#assembler.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      this.#partSince = this.#assembler.pending ? (this.#partSince ?? this.#now()) : undefined;
      if (read) this.#deliver(read);
    }
  }

  /** A code's next report is overdue: drop the part read. */
  #partLate(): void {
    if (this.#partSince === undefined || this.#now() - this.#partSince < (this.ctx.partTimeoutMs ?? 1000)) return;
    this.#partSince = undefined;
    const cut = this.#assembler.abandon('its next report never came');
    if (cut) this.#deliver(cut);
  }

  #deliver(read: AssembledScan): void {
    if (read.kind === 'unreadable') {
      this.#lastError = { message: `${this.ctx.name}: ${read.problem}`, at: this.#now() };
      this.ctx.log.warn({ device: this.ctx.id, problem: read.problem }, 'a scan could not be read');
    }
    try {
      this.ctx.onRead(read);
    } catch (err) {
      this.ctx.log.warn({ err, device: this.ctx.id }, 'delivering a scan failed');
    }
  }

  async #release(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (!session) return;
    await session.device.releaseInterface(session.iface).catch(() => undefined);
    await session.device.close().catch(() => undefined); // gone already
  }
}

/** A device that is there but cannot be read as a HID POS scanner (said as it is, not retried blindly). */
class ScannerUnusable extends Error {}

async function activeConfiguration(device: UsbDeviceApi): Promise<UsbConfigurationApi> {
  const read = (): UsbConfigurationApi | undefined => {
    try {
      return device.configuration ?? undefined;
    } catch {
      return undefined;
    }
  };
  const config = read();
  if (config) return config;
  await device.selectConfiguration(1);
  const selected = read();
  if (!selected) throw new Error('it has no active configuration');
  return selected;
}

/** The HID interface with an interrupt IN endpoint that is not a boot keyboard. */
function hidInterface(
  config: UsbConfigurationApi,
): { iface: UsbInterfaceApi; endpoint: UsbEndpointApi } | { problem: string } {
  const interruptIn = (i: UsbInterfaceApi) =>
    i.alternate.endpoints.find((e) => e.direction === 'in' && e.type === 'interrupt');
  const hid = config.interfaces.filter((i) => i.alternate.interfaceClass === HID_CLASS && interruptIn(i));
  const pos = hid.find((i) => i.alternate.interfaceProtocol !== BOOT_KEYBOARD);
  const endpoint = pos && interruptIn(pos);
  if (pos && endpoint) return { iface: pos, endpoint };
  if (hid.length > 0)
    return {
      problem:
        'is in keyboard mode (a boot keyboard, not HID POS): scan its "USB HID POS" programming code, ' +
        'or name its driver keyboard-wedge in the profile',
    };
  return { problem: 'has no HID interface with an interrupt IN endpoint: is it a HID POS scanner?' };
}

/** Claim the interface, taking it from Linux's usbhid driver when that holds it. */
async function claim(device: UsbDeviceApi, n: number): Promise<void> {
  try {
    await device.claimInterface(n);
  } catch (first) {
    if (!BUSY.test(messageOf(first)) || !device.detachKernelDriver) throw first;
    await device.detachKernelDriver(n);
    await device.claimInterface(n);
  }
}
