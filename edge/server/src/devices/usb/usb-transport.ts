/**
 * A USB printer session: open the device, claim its printer interface (taking it from the
 * kernel's usblp driver when that holds it), write with bulk OUT transfers and read status answers
 * with bulk IN. libusb reports an unplugged device as a failed transfer (LIBUSB_ERROR_NO_DEVICE) or
 * a throw from open/claim; both become a rejected promise, so unplugging mid-job fails that job
 * (it is tried again) and never the process.
 */
import { TillboxError } from '@tillbox/core';
import type { PrinterSession, PrinterTransport } from '../transport.js';
import {
  LIBUSB_ERROR,
  TRANSFER_TYPE,
  type UsbInEndpointApi,
  type UsbInterfaceApi,
  type UsbOutEndpointApi,
  type UsbTransferError,
} from './usb-api.js';
import type { UsbBus } from './usb-bus.js';

const PRINTER_CLASS = 7;
/** libusb takes large buffers whole, but a slow printer takes about 4 KB a second in the worst case. */
const WRITE_MS_PER_KB = 250;

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
    if (!this.bus.available) throw fail('cannot be reached: this host has no USB bus');
    const device = await this.bus.find(this.ids.vendorId, this.ids.productId, this.ids.serial);
    if (!device) throw fail('is not plugged in');
    let claimed: UsbInterfaceApi | undefined;
    try {
      device.open();
      const interfaces = device.interfaces ?? [];
      const iface =
        interfaces.find((i) => i.descriptor.bInterfaceClass === PRINTER_CLASS) ??
        interfaces.find((i) => i.endpoints.some((e) => e.direction === 'out' && e.transferType === TRANSFER_TYPE.bulk));
      if (!iface) throw new Error('it has no printer interface');
      if (iface.isKernelDriverActive()) iface.detachKernelDriver();
      iface.claim();
      claimed = iface;
      const out = iface.endpoints.find(
        (e): e is UsbOutEndpointApi => e.direction === 'out' && e.transferType === TRANSFER_TYPE.bulk,
      );
      const inn = iface.endpoints.find(
        (e): e is UsbInEndpointApi => e.direction === 'in' && e.transferType === TRANSFER_TYPE.bulk,
      );
      if (!out) throw new Error('it has no bulk OUT endpoint');
      return new UsbSession(this.address, device, iface, out, inn, timeoutMs);
    } catch (e) {
      release(claimed, device);
      throw e instanceof TillboxError ? e : fail(`cannot be opened: ${(e as Error).message}`, e);
    }
  }
}

function release(iface: UsbInterfaceApi | undefined, device: { close(): void }): Promise<void> {
  return new Promise((resolve) => {
    const closeDevice = () => {
      try {
        device.close();
      } catch {
        /* gone already */
      }
      resolve();
    };
    if (!iface) return closeDevice();
    try {
      iface.release(true, () => closeDevice());
    } catch {
      closeDevice();
    }
  });
}

class UsbSession implements PrinterSession {
  #closed = false;

  constructor(
    private readonly address: string,
    private readonly device: { close(): void },
    private readonly iface: UsbInterfaceApi,
    private readonly out: UsbOutEndpointApi,
    private readonly inn: UsbInEndpointApi | undefined,
    private readonly timeoutMs: number,
  ) {}

  #error(err: UsbTransferError | Error, doing: string): TillboxError {
    const errno = (err as UsbTransferError).errno;
    if (errno === LIBUSB_ERROR.noDevice)
      return new TillboxError('device-unavailable', `The USB printer ${this.address} was unplugged while ${doing}`, {
        cause: err,
      });
    if (errno === LIBUSB_ERROR.timeout)
      return new TillboxError('device-timeout', `The USB printer ${this.address} did not take the data in time`, {
        cause: err,
      });
    return new TillboxError(
      'device-unavailable',
      `The USB printer ${this.address} failed while ${doing}: ${err.message}`,
      {
        cause: err,
      },
    );
  }

  write(bytes: Uint8Array): Promise<void> {
    const buffer = Buffer.from(bytes);
    const limit = this.timeoutMs + Math.ceil(buffer.length / 1024) * WRITE_MS_PER_KB;
    return new Promise((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(
        () =>
          settle(new TillboxError('device-timeout', `The USB printer ${this.address} did not take the data in time`)),
        limit + 1000,
      );
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      try {
        this.out.timeout = limit;
        this.out.transfer(buffer, (err) => settle(err ? this.#error(err, 'printing') : undefined));
      } catch (e) {
        settle(this.#error(e as Error, 'printing'));
      }
    });
  }

  read(n: number, timeoutMs: number): Promise<Buffer> {
    const inn = this.inn;
    if (!inn)
      return Promise.reject(new TillboxError('device-unavailable', `The USB printer ${this.address} does not answer`));
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let got = 0;
      const deadline = Date.now() + timeoutMs;
      const next = (): void => {
        const left = deadline - Date.now();
        if (left <= 0)
          return reject(
            new TillboxError('device-timeout', `The printer at ${this.address} did not answer its status in time`),
          );
        try {
          inn.timeout = left;
          inn.transfer(64, (err, data) => {
            if (err)
              return reject(
                err.errno === LIBUSB_ERROR.timeout
                  ? new TillboxError(
                      'device-timeout',
                      `The printer at ${this.address} did not answer its status in time`,
                    )
                  : this.#error(err, 'reading its status'),
              );
            if (data && data.length > 0) {
              chunks.push(data);
              got += data.length;
            }
            if (got >= n) resolve(Buffer.concat(chunks).subarray(0, n));
            else next();
          });
        } catch (e) {
          reject(this.#error(e as Error, 'reading its status'));
        }
      };
      next();
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await release(this.iface, this.device);
  }
}
