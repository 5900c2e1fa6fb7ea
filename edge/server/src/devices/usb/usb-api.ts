/**
 * The part of the `usb` package the hub uses, as types. `usb` 3 (node-usb-rs, nusb underneath)
 * speaks WebUSB: `getDevices()` gives USBDevice objects (ids, serial number, the active
 * configuration's interfaces and endpoints; `open()`, `claimInterface(n)`, `transferOut(ep, data)`,
 * `transferIn(ep, length)`, promise-based and rejecting with an Error when the device is gone), and
 * `connect` / `disconnect` events carry `event.device`. Tests give a fake of exactly this shape
 * (`testing/fake-usb.ts`); the store box loads the real package with `loadUsb()`.
 */

export interface UsbEndpointApi {
  readonly endpointNumber: number;
  readonly direction: 'in' | 'out';
  readonly type: 'bulk' | 'interrupt' | 'isochronous' | 'control';
}

export interface UsbInterfaceApi {
  readonly interfaceNumber: number;
  /** The interface's first alternate setting (usb 3 reports that one as `alternate`). */
  readonly alternate: {
    readonly interfaceClass: number;
    readonly interfaceProtocol: number;
    readonly endpoints: readonly UsbEndpointApi[];
  };
}

export interface UsbConfigurationApi {
  readonly configurationValue: number;
  readonly interfaces: readonly UsbInterfaceApi[];
}

export type UsbTransferStatus = 'ok' | 'stall' | 'babble';

export interface UsbDeviceApi {
  readonly vendorId: number;
  readonly productId: number;
  /**
   * usb 3 reads it from sysfs, or opens the device to ask it: reading it may throw (no permission,
   * the device gone).
   */
  readonly serialNumber?: string | null | undefined;
  /** usb 3's additions: the bus (`"001"` on Linux), the address on it, an id stable across objects. */
  readonly bus?: string | number | undefined;
  readonly address?: number | undefined;
  readonly handle?: string | undefined;
  /** The active configuration; usb 3 opens the device to read it, so reading it may throw. */
  readonly configuration?: UsbConfigurationApi | null | undefined;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  /** `timeoutMs`: usb 3's extra argument (it waits 1 s when it is left out). */
  transferOut(
    endpointNumber: number,
    data: Uint8Array,
    timeoutMs?: number,
  ): Promise<{ readonly bytesWritten: number; readonly status: UsbTransferStatus }>;
  transferIn(
    endpointNumber: number,
    length: number,
    timeoutMs?: number,
  ): Promise<{ readonly data?: DataView | undefined; readonly status: UsbTransferStatus }>;
  /** Linux only (usb 3): take the interface from the kernel's driver (usblp for printers). */
  detachKernelDriver?(interfaceNumber: number): Promise<void>;
}

export interface UsbConnectionEventApi {
  readonly device: UsbDeviceApi;
}
export type UsbConnectionListener = (event: UsbConnectionEventApi) => void;

export interface UsbApi {
  getDevices(): Promise<UsbDeviceApi[]>;
  addEventListener(type: 'connect' | 'disconnect', listener: UsbConnectionListener): void;
  removeEventListener(type: 'connect' | 'disconnect', listener: UsbConnectionListener): void;
  /** Why connect / disconnect events will not come on this host (undefined: they will). */
  readonly hotplugProblem?: string | undefined;
}

/** Why this host has no USB the hub can use (the package will not load, an old `usb`). */
export interface UsbUnavailable {
  readonly unavailable: string;
}

/** Loads the `usb` package; undefined when a caller (a test, a store without USB) gives none. */
export type UsbLoader = () => Promise<UsbApi | UsbUnavailable | undefined>;

const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

interface NativeEmitter {
  addAttach(callback: (device: unknown) => void): Promise<void>;
  removeAttach(): Promise<void>;
}

/**
 * Whether usb 3 can watch for hot-plug here (its netlink watch opens). `WebUSB.addEventListener`
 * starts that watch without waiting and reports a failure by throwing from a timer — a crash — so
 * the adapter tries the package's own `Emitter` (typed in `usb/index.d.ts`) first, where a failure
 * is a rejected promise.
 */
async function hotplugProblem(): Promise<string | undefined> {
  const name = 'usb/index.js'; // the native binding's loader, which usb's WebUSB builds on
  try {
    const mod = (await import(name)) as Record<string, unknown>;
    const Emitter = mod.Emitter ?? (mod.default as Record<string, unknown> | undefined)?.Emitter;
    if (!isFunction(Emitter)) return 'the usb package has no hot-plug emitter';
    const emitter = new (Emitter as unknown as new () => NativeEmitter)();
    await emitter.addAttach(() => undefined);
    await emitter.removeAttach();
    return undefined;
  } catch (e) {
    return messageOf(e);
  }
}

interface WebUsbLike {
  getDevices(): Promise<unknown[]>;
  addEventListener(type: string, listener: (event: UsbConnectionEventApi) => void): void;
  removeEventListener(type: string, listener: (event: UsbConnectionEventApi) => void): void;
}

/**
 * The `usb` package (3.x, WebUSB) as the hub's `UsbApi`: its own `WebUSB({allowAllDevices: true})`
 * (every device, no `requestDevice()` prompt). Never throws: a package that will not load (no
 * native binary for this platform) or an older `usb` gives the reason instead. A host without a
 * USB bus still gets the adapter; its `getDevices()` rejects saying why (`/sys/bus/usb/devices/ not
 * found`), which the bus reports.
 */
export async function loadUsb(): Promise<UsbApi | UsbUnavailable> {
  const name = 'usb'; // not a literal import: the package is optional on a build without it
  let webusb: WebUsbLike;
  try {
    const mod = (await import(name)) as Record<string, unknown>;
    const WebUSB = mod.WebUSB ?? (mod.default as Record<string, unknown> | undefined)?.WebUSB;
    if (!isFunction(WebUSB))
      return { unavailable: 'the installed usb package has no WebUSB API (the hub needs usb 3)' };
    webusb = new (WebUSB as unknown as new (options: { allowAllDevices: boolean }) => WebUsbLike)({
      allowAllDevices: true,
    });
    if (
      !isFunction(webusb.getDevices) ||
      !isFunction(webusb.addEventListener) ||
      !isFunction(webusb.removeEventListener)
    )
      return { unavailable: 'the installed usb package has no WebUSB API (the hub needs usb 3)' };
  } catch (e) {
    return { unavailable: `the usb package cannot be loaded (${messageOf(e)})` };
  }
  const problem = await hotplugProblem();
  return {
    hotplugProblem: problem,
    // usb 3's UsbDevice objects are WebUSB USBDevices: the shape of UsbDeviceApi.
    getDevices: async () => (await webusb.getDevices()) as UsbDeviceApi[],
    addEventListener: (type, listener) => {
      if (problem === undefined) webusb.addEventListener(type, listener);
    },
    removeEventListener: (type, listener) => {
      if (problem === undefined) webusb.removeEventListener(type, listener);
    },
  };
}
