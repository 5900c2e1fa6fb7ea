/**
 * A USB printer session over WebUSB (`usb` 3): open the device, claim its printer interface
 * (taking it from Linux's usblp driver when that holds it), write with `transferOut` on the bulk
 * OUT endpoint and read status answers with `transferIn` on the bulk IN endpoint. usb 3 reports an
 * unplugged device as a rejected transfer (`transferOut error: Disconnected`) or a failed open; both
 * become a rejected promise, so unplugging mid-job fails that job (it is tried again) and never the
 * process.
 */
import { TillboxError } from '@tillbox/core';
import type { PrinterSession, PrinterTransport } from '../transport.js';
import type { UsbConfigurationApi, UsbDeviceApi, UsbEndpointApi, UsbInterfaceApi } from './usb-api.js';
import type { UsbBus } from './usb-bus.js';

const PRINTER_CLASS = 7;
/** usb 3 takes a large buffer in one transfer, but a slow printer takes about 4 KB a second. */
const WRITE_MS_PER_KB = 250;
/** How much one status read asks for (a bulk IN packet). */
const READ_CHUNK = 64;
/** The udev rules that let the edge reach USB printers and take them from usblp. */
export const UDEV_RULES = 'firmware-config/udev/60-tillbox-pos.rules';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
/** usb 3's words for a device that is gone (a transfer's `Disconnected`, open's `device not found`). */
const GONE = /disconnected|device not found|no such device/i;
/** usb 3's word for a transfer that ran out of time (nusb cancels it at the timeout). */
const CANCELLED = /cancelled/i;
/** The kernel holds the interface (`interface is busy`, EBUSY). */
const BUSY = /busy|os error 16\b/i;
/** The device node is not the edge's to open (`permission denied`, EACCES). */
const DENIED = /permission denied|os error 13\b/i;

export class UsbTransport implements PrinterTransport {
  readonly canRead = true;

  constructor(
    private readonly bus: UsbBus,
    private readonly ids: { vendorId: number; productId: number; serial?: string | undefined },
    readonly address: string,
  ) {}

  async open(timeoutMs: number): Promise<PrinterSession> {
    const fail = (why: string, cause?: unknown) =>
      new TillboxError('device-unavailable', `The USB printer ${this.address} ${why}`, { cause });
    if (!this.bus.available) throw fail(`cannot be reached: ${this.bus.unavailableReason}`);
    const device = await this.bus.find(this.ids.vendorId, this.ids.productId, this.ids.serial);
    if (!device) throw fail('is not plugged in');
    let claimed: number | undefined;
    try {
      await device.open();
      const iface = printerInterface(await activeConfiguration(device));
      if (!iface) throw new Error('it has no printer interface');
      await this.#claim(device, iface.interfaceNumber);
      claimed = iface.interfaceNumber;
      const endpoints = iface.alternate.endpoints;
      const out = endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
      const inn = endpoints.find((e) => e.direction === 'in' && e.type === 'bulk');
      if (!out) throw new Error('it has no bulk OUT endpoint');
      return new UsbSession(this.address, device, claimed, out, inn, timeoutMs);
    } catch (e) {
      await release(device, claimed);
      if (e instanceof TillboxError) throw e;
      const why = messageOf(e);
      if (GONE.test(why)) throw fail('was unplugged', e);
      if (DENIED.test(why))
        throw fail(
          `cannot be opened: the edge has no permission (${why}): install ${UDEV_RULES}, ` +
            `put the edge's user in the group tillbox and plug the printer in again`,
          e,
        );
      throw fail(`cannot be opened: ${why}`, e);
    }
  }

  /**
   * Claim the interface. On Linux the kernel's usblp driver binds to a printer when it is plugged
   * in and the claim fails (busy): take it from usblp (as the udev rules let the edge) and claim
   * again; when that fails too, say which rules fix it.
   */
  async #claim(device: UsbDeviceApi, n: number): Promise<void> {
    try {
      await device.claimInterface(n);
      return;
    } catch (first) {
      if (!BUSY.test(messageOf(first)) || !device.detachKernelDriver) throw first;
      try {
        await device.detachKernelDriver(n);
        await device.claimInterface(n);
      } catch (second) {
        throw new TillboxError(
          'device-unavailable',
          `The USB printer ${this.address} is held by the kernel's usblp driver and cannot be taken from it ` +
            `(${messageOf(second)}): turn on the usblp line of ${UDEV_RULES} and plug the printer in again, ` +
            `or print to its device file (file:/dev/usb/lp0) instead`,
          { cause: second },
        );
      }
    }
  }
}

/** usb 3 reads the configuration by opening the device and throws when it is not configured. */
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
  await device.selectConfiguration(1); // WebUSB's usual first step for an unconfigured device
  const selected = read();
  if (!selected) throw new Error('it has no active configuration');
  return selected;
}

function printerInterface(config: UsbConfigurationApi): UsbInterfaceApi | undefined {
  const bulkOut = (i: UsbInterfaceApi) => i.alternate.endpoints.some((e) => e.direction === 'out' && e.type === 'bulk');
  return (
    config.interfaces.find((i) => i.alternate.interfaceClass === PRINTER_CLASS && bulkOut(i)) ??
    config.interfaces.find(bulkOut)
  );
}

async function release(device: UsbDeviceApi, claimed: number | undefined): Promise<void> {
  if (claimed !== undefined) await device.releaseInterface(claimed).catch(() => undefined);
  await device.close().catch(() => undefined); // gone already
}

/** `work`, or a `device-timeout` when it has not settled `ms` after it began. */
function within<T>(work: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

class UsbSession implements PrinterSession {
  #closed = false;

  constructor(
    private readonly address: string,
    private readonly device: UsbDeviceApi,
    private readonly iface: number,
    private readonly out: UsbEndpointApi,
    private readonly inn: UsbEndpointApi | undefined,
    private readonly timeoutMs: number,
  ) {}

  #error(err: unknown, doing: string): TillboxError {
    if (err instanceof TillboxError) return err;
    const message = messageOf(err);
    if (GONE.test(message))
      return new TillboxError('device-unavailable', `The USB printer ${this.address} was unplugged while ${doing}`, {
        cause: err,
      });
    if (CANCELLED.test(message)) return this.#slow(doing, err);
    return new TillboxError('device-unavailable', `The USB printer ${this.address} failed while ${doing}: ${message}`, {
      cause: err,
    });
  }

  #slow(doing: string, cause?: unknown): TillboxError {
    return doing === 'printing'
      ? new TillboxError('device-timeout', `The USB printer ${this.address} did not take the data in time`, { cause })
      : new TillboxError('device-timeout', `The printer at ${this.address} did not answer its status in time`, {
          cause,
        });
  }

  async write(bytes: Uint8Array): Promise<void> {
    const limit = this.timeoutMs + Math.ceil(bytes.length / 1024) * WRITE_MS_PER_KB;
    try {
      const result = await within(this.device.transferOut(this.out.endpointNumber, bytes, limit), limit + 1000, () =>
        this.#slow('printing'),
      );
      if (result.status !== 'ok') throw new Error(`the printer answered ${result.status}`);
      if (result.bytesWritten < bytes.length)
        throw new Error(`it took ${result.bytesWritten} of ${bytes.length} bytes`);
    } catch (e) {
      throw this.#error(e, 'printing');
    }
  }

  async read(n: number, timeoutMs: number): Promise<Buffer> {
    const inn = this.inn;
    if (!inn) throw new TillboxError('device-unavailable', `The USB printer ${this.address} does not answer`);
    const chunks: Buffer[] = [];
    let got = 0;
    const deadline = Date.now() + timeoutMs;
    while (got < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw this.#slow('reading its status');
      try {
        const result = await within(this.device.transferIn(inn.endpointNumber, READ_CHUNK, left), left + 1000, () =>
          this.#slow('reading its status'),
        );
        if (result.status !== 'ok') throw new Error(`the printer answered ${result.status}`);
        const data = result.data;
        if (data && data.byteLength > 0) {
          chunks.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
          got += data.byteLength;
        }
      } catch (e) {
        throw this.#error(e, 'reading its status');
      }
    }
    return Buffer.concat(chunks).subarray(0, n);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await release(this.device, this.iface);
  }
}
