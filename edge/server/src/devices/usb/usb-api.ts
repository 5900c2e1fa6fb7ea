/**
 * The part of the `usb` package (node-usb 2.x, libusb underneath) the hub uses, as types: the
 * device list, hot-plug `attach` / `detach` events, and per device its descriptors, interfaces
 * and endpoints with libusb's callback-style bulk transfers. Tests give a fake of exactly this
 * shape (`usb-fake.test-support.ts`); the store box loads the real package when it is installed.
 */

/** libusb's transfer types (`usb.LIBUSB_TRANSFER_TYPE_*`). */
export const TRANSFER_TYPE = { bulk: 2, interrupt: 3 } as const;
/** libusb's error numbers that matter: the device is gone; the transfer timed out. */
export const LIBUSB_ERROR = { noDevice: -4, timeout: -7 } as const;

export interface UsbTransferError extends Error {
  /** libusb's error number (LIBUSB_ERROR_*). */
  errno?: number;
}

export interface UsbEndpointApi {
  readonly direction: 'in' | 'out';
  readonly transferType: number;
  /** Milliseconds a transfer may take (0: no limit). */
  timeout: number;
}
export interface UsbOutEndpointApi extends UsbEndpointApi {
  readonly direction: 'out';
  transfer(buffer: Buffer, callback: (error: UsbTransferError | undefined) => void): unknown;
}
export interface UsbInEndpointApi extends UsbEndpointApi {
  readonly direction: 'in';
  transfer(length: number, callback: (error: UsbTransferError | undefined, data?: Buffer) => void): unknown;
}

export interface UsbInterfaceApi {
  readonly descriptor: {
    readonly bInterfaceNumber: number;
    readonly bInterfaceClass: number;
    readonly bInterfaceProtocol: number;
  };
  readonly endpoints: readonly (UsbInEndpointApi | UsbOutEndpointApi)[];
  isKernelDriverActive(): boolean;
  detachKernelDriver(): void;
  claim(): void;
  release(closeEndpoints: boolean, callback: (error?: UsbTransferError) => void): void;
}

export interface UsbDeviceApi {
  readonly busNumber: number;
  readonly deviceAddress: number;
  readonly deviceDescriptor: { readonly idVendor: number; readonly idProduct: number; readonly iSerialNumber: number };
  /** Before `open()`: the interfaces' descriptors (alternate settings of each). */
  readonly configDescriptor?: {
    readonly interfaces: readonly (readonly {
      readonly bInterfaceClass: number;
      readonly bInterfaceProtocol: number;
    }[])[];
  };
  /** After `open()`. */
  readonly interfaces?: readonly UsbInterfaceApi[];
  open(): void;
  close(): void;
  getStringDescriptor(index: number, callback: (error: UsbTransferError | undefined, value?: string) => void): void;
}

export interface UsbApi {
  getDeviceList(): UsbDeviceApi[];
  on(event: 'attach' | 'detach', listener: (device: UsbDeviceApi) => void): unknown;
  removeListener(event: 'attach' | 'detach', listener: (device: UsbDeviceApi) => void): unknown;
}

const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';

/**
 * The `usb` package, when it is installed and libusb works on this host; undefined otherwise (a
 * host with no USB bus, a container without /dev/bus/usb, a build without the native module).
 */
export async function loadUsb(): Promise<UsbApi | undefined> {
  const name = 'usb'; // not a literal import: the package is optional
  try {
    const mod = (await import(name)) as Record<string, unknown>;
    const emitter = (mod.usb ?? mod.default) as Record<string, unknown> | undefined;
    const getDeviceList = mod.getDeviceList ?? emitter?.getDeviceList;
    if (!emitter || !isFunction(getDeviceList) || !isFunction(emitter.on) || !isFunction(emitter.removeListener))
      return undefined;
    const on = emitter.on as (e: string, l: (d: UsbDeviceApi) => void) => unknown;
    const off = emitter.removeListener as (e: string, l: (d: UsbDeviceApi) => void) => unknown;
    return {
      getDeviceList: () => (getDeviceList as () => UsbDeviceApi[])(),
      on: (event, listener) => on.call(emitter, event, listener),
      removeListener: (event, listener) => off.call(emitter, event, listener),
    };
  } catch {
    return undefined;
  }
}
