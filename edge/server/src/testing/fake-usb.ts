/**
 * A fake of the `usb` package's device objects, for tests (there is no hardware): a bus with
 * hot-plug events and USB printers that speak the real bulk-transfer interface — libusb-style
 * callbacks, `errno` on failures (LIBUSB_ERROR_NO_DEVICE when unplugged, LIBUSB_ERROR_TIMEOUT when
 * nothing comes) — and behave like a thermal printer: DLE EOT n on the OUT endpoint queues its
 * status byte on the IN endpoint, everything else is paper, one printout per claimed session.
 */
import { EventEmitter } from 'node:events';
import { DLE, EOT, statusByte } from '../devices/escpos-status.js';
import {
  LIBUSB_ERROR,
  TRANSFER_TYPE,
  type UsbApi,
  type UsbDeviceApi,
  type UsbInEndpointApi,
  type UsbInterfaceApi,
  type UsbOutEndpointApi,
  type UsbTransferError,
} from '../devices/usb/usb-api.js';

function libusbError(errno: number, message: string): UsbTransferError {
  return Object.assign(new Error(message), { errno });
}

export class FakeUsbPrinter implements UsbDeviceApi {
  readonly deviceDescriptor: { idVendor: number; idProduct: number; iSerialNumber: number };
  readonly configDescriptor = { interfaces: [[{ bInterfaceClass: 7, bInterfaceProtocol: 2 }]] };
  interfaces: UsbInterfaceApi[] | undefined;
  state: 'ready' | 'paper-out' | 'cover-open' = 'ready';
  /** Each session's paper. */
  readonly printouts: Buffer[] = [];
  /** Unplug it while the next job (a transfer larger than a status query) is in flight. */
  unplugDuringNextJob = false;
  plugged = true;
  kernelDriverDetached = false;
  #open = false;
  #claimed = false;
  #session: Buffer[] = [];
  #answers: number[] = [];
  #waiting: ((data: Buffer) => void) | undefined;

  constructor(
    private readonly bus: FakeUsb,
    vendorId: number,
    productId: number,
    readonly serial: string | undefined,
    readonly busNumber = 1,
    readonly deviceAddress = 4,
  ) {
    this.deviceDescriptor = { idVendor: vendorId, idProduct: productId, iSerialNumber: serial ? 3 : 0 };
  }

  open(): void {
    if (!this.plugged) throw libusbError(LIBUSB_ERROR.noDevice, 'LIBUSB_ERROR_NO_DEVICE');
    this.#open = true;
    this.interfaces = [this.#printerInterface()];
  }

  close(): void {
    this.#open = false;
    this.interfaces = undefined;
  }

  getStringDescriptor(index: number, callback: (error: UsbTransferError | undefined, value?: string) => void): void {
    if (!this.#open) return callback(libusbError(-1, 'LIBUSB_ERROR_IO: not open'));
    setImmediate(() => callback(undefined, index === 3 ? this.serial : undefined));
  }

  #printerInterface(): UsbInterfaceApi {
    const device = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the endpoints act on the device
    const out: UsbOutEndpointApi = {
      direction: 'out',
      transferType: TRANSFER_TYPE.bulk,
      timeout: 0,
      transfer(buffer, callback) {
        setImmediate(() => {
          if (!device.plugged || !device.#claimed)
            return callback(libusbError(LIBUSB_ERROR.noDevice, 'LIBUSB_ERROR_NO_DEVICE'));
          if (device.unplugDuringNextJob && buffer.length > 9) {
            device.unplugDuringNextJob = false;
            device.bus.unplug(device);
            return callback(libusbError(LIBUSB_ERROR.noDevice, 'LIBUSB_ERROR_NO_DEVICE'));
          }
          device.#receive(buffer);
          callback(undefined);
        });
        return this;
      },
    };
    const inn: UsbInEndpointApi = {
      direction: 'in',
      transferType: TRANSFER_TYPE.bulk,
      timeout: 0,
      transfer(length, callback) {
        if (!device.plugged) {
          setImmediate(() => callback(libusbError(LIBUSB_ERROR.noDevice, 'LIBUSB_ERROR_NO_DEVICE')));
          return this;
        }
        const give = () => Buffer.from(device.#answers.splice(0, length));
        if (device.#answers.length > 0) {
          const data = give();
          setImmediate(() => callback(undefined, data));
          return this;
        }
        const timer = setTimeout(() => {
          device.#waiting = undefined;
          callback(libusbError(LIBUSB_ERROR.timeout, 'LIBUSB_ERROR_TIMEOUT'));
        }, this.timeout || 1000);
        device.#waiting = () => {
          clearTimeout(timer);
          device.#waiting = undefined;
          callback(undefined, give());
        };
        return this;
      },
    };
    return {
      descriptor: { bInterfaceNumber: 0, bInterfaceClass: 7, bInterfaceProtocol: 2 },
      endpoints: [out, inn],
      isKernelDriverActive: () => !device.kernelDriverDetached,
      detachKernelDriver: () => void (device.kernelDriverDetached = true),
      claim: () => {
        if (!device.plugged) throw libusbError(LIBUSB_ERROR.noDevice, 'LIBUSB_ERROR_NO_DEVICE');
        device.#claimed = true;
        device.#session = [];
      },
      release: (_closeEndpoints, callback) => {
        device.#claimed = false;
        const paper = Buffer.concat(device.#session);
        device.#session = [];
        if (paper.length > 0) device.printouts.push(paper);
        setImmediate(() => callback(undefined));
      },
    };
  }

  #receive(buffer: Buffer): void {
    let from = 0;
    for (let i = 0; i + 2 < buffer.length; i++) {
      if (buffer[i] !== DLE || buffer[i + 1] !== EOT) continue;
      this.#session.push(buffer.subarray(from, i));
      this.#answers.push(statusByte(this.state, buffer[i + 2] ?? 0));
      from = i + 3;
      i += 2;
    }
    this.#session.push(buffer.subarray(from));
    if (this.#answers.length > 0) this.#waiting?.(Buffer.alloc(0));
  }
}

/** The bus: the device list and attach / detach events, as `usb` has them. */
export class FakeUsb extends EventEmitter implements UsbApi {
  devices: FakeUsbPrinter[] = [];

  getDeviceList(): UsbDeviceApi[] {
    return [...this.devices];
  }

  /** A printer plugged in (an `attach` event when the hub is listening). */
  plug(vendorId: number, productId: number, serial?: string): FakeUsbPrinter {
    const device = new FakeUsbPrinter(this, vendorId, productId, serial, 1, 4 + this.devices.length);
    this.devices.push(device);
    this.emit('attach', device);
    return device;
  }

  unplug(device: FakeUsbPrinter): void {
    device.plugged = false;
    this.devices = this.devices.filter((d) => d !== device);
    this.emit('detach', device);
  }
}
