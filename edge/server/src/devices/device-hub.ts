/**
 * The device hub: one module per device of the hardware profile, each with `start()`/`stop()` and
 * a state. Printers get a transport by their connection — TCP, a device file, a serial port (at
 * 9600 baud, as pole displays), USB through the bus, or `virtual`: a virtual printer (a real TCP server on 127.0.0.1) started here and reached
 * over TCP like any network printer. The USB bus is read at start and followed by hot-plug: a
 * printer unplugged goes offline at once, plugged back it is asked for its status. The payment
 * terminal shows the state its driver (payments/terminal/) knows; devices whose driver is not
 * built yet (customer displays) show as such. HID POS scanners are read through the same bus
 * (`scanner/hid-pos-scanner.ts`); a `virtual` one is a twin plugged in here (`scanner/virtual-hid-scanner.ts`),
 * read by the same driver. Each code they read goes to `onScan`.
 */
import {
  driverInfo,
  formatConnection,
  isPrinter,
  poleDisplayLines,
  type CashDrawerDevice,
  type CustomerDisplayState,
  type DeviceState,
  type HardwareDevice,
  type HardwareProfile,
  type PrinterDevice,
} from '@tillbox/core';
import type { Logger } from 'pino';
import { PoleDisplay, VirtualPoleDisplay, type PoleDisplayDevice } from './pole-display.js';
import { Printer, type DeviceStatusView } from './printer.js';
import { FileTransport, serialTransport, TcpTransport, UnusableTransport, type PrinterTransport } from './transport.js';
import { loadUsb, type UsbDeviceApi, type UsbLoader } from './usb/usb-api.js';
import { UsbBus } from './usb/usb-bus.js';
import { UsbTransport } from './usb/usb-transport.js';
import type { AssembledScan } from './scanner/hid-pos-report.js';
import { HidPosScanner } from './scanner/hid-pos-scanner.js';
import { VirtualHidScanner } from './scanner/virtual-hid-scanner.js';
import { VirtualPrinter } from './virtual-printer.js';

export type ScannerDevice = Extract<HardwareDevice, { role: 'scanner' }>;

export interface DeviceHubContext {
  readonly profile: HardwareProfile | undefined;
  readonly timeoutMs: number;
  /** Idle status poll of printers; 0: none. */
  readonly pollMs: number;
  readonly log: Logger;
  /** The payment terminal's state as its driver knows it (payments/terminal/card-terminal.ts). */
  readonly terminalState?: () => DeviceStatusView | undefined;
  /** Whether a browser customer display (driver `browser`) is showing, as the display service knows it. */
  readonly displayState?: () => DeviceStatusView | undefined;
  /** The `usb` package's WebUSB (tests give a fake of it). */
  readonly loadUsb?: UsbLoader;
  /** A HID POS scanner read a code (or could not read one). */
  readonly onScan?: (device: ScannerDevice, read: AssembledScan) => void;
  readonly now?: () => number;
}

export interface HubDeviceView extends DeviceStatusView {
  readonly id: string;
  readonly name: string;
  readonly role: HardwareDevice['role'];
  readonly driver: string;
  readonly connection: string;
  readonly virtual: boolean;
  /** The printer's backup, the stations a kitchen printer serves, a drawer's printer. */
  readonly backup?: string;
  readonly stations?: readonly string[];
  readonly printer?: string;
  readonly columns?: number;
}

export class DeviceHub {
  readonly usb: UsbBus;
  readonly #printers = new Map<string, Printer>();
  readonly #virtuals = new Map<string, VirtualPrinter>();
  readonly #others = new Map<string, DeviceStatusView>();
  readonly #scanners = new Map<string, HidPosScanner>();
  readonly #virtualScanners = new Map<string, VirtualHidScanner>();
  readonly #poles = new Map<string, PoleDisplay>();
  readonly #virtualPoles = new Map<string, VirtualPoleDisplay>();
  #unlisten: (() => void) | undefined;

  constructor(private readonly ctx: DeviceHubContext) {
    this.usb = new UsbBus({ load: ctx.loadUsb ?? loadUsb, log: ctx.log });
  }

  get profile(): HardwareProfile | undefined {
    return this.ctx.profile;
  }

  get devices(): readonly HardwareDevice[] {
    return this.ctx.profile?.devices ?? [];
  }

  async start(): Promise<void> {
    await this.usb.start();
    try {
      for (const device of this.devices) {
        if (isPrinter(device)) await this.#startPrinter(device);
        else if (device.role === 'scanner' && device.driver === 'hid-pos') this.#startScanner(device);
        else if (device.role === 'customer-display' && device.driver === 'escpos-display') this.#startPole(device);
        else this.#others.set(device.id, this.#otherStatus(device));
      }
    } catch (e) {
      await this.stop();
      throw e;
    }
    this.#unlisten = this.usb.listen((event, device) => this.#usbChanged(event, device));
  }

  async stop(): Promise<void> {
    this.#unlisten?.();
    this.#unlisten = undefined;
    for (const p of this.#printers.values()) p.stop();
    this.#printers.clear();
    await Promise.all([...this.#scanners.values()].map((s) => s.stop()));
    this.#scanners.clear();
    this.#virtualScanners.clear();
    for (const p of this.#poles.values()) p.stop();
    this.#poles.clear();
    this.#virtualPoles.clear();
    await Promise.all([...this.#virtuals.values()].map((v) => v.stop()));
    this.#virtuals.clear();
    this.#others.clear();
    this.usb.stop();
  }

  printer(id: string): Printer | undefined {
    return this.#printers.get(id);
  }

  get printers(): readonly Printer[] {
    return [...this.#printers.values()];
  }

  /** The virtual printer behind a `virtual` printer of the profile. */
  virtualPrinter(id: string): VirtualPrinter | undefined {
    return this.#virtuals.get(id);
  }

  /** The twin behind a `virtual` HID POS scanner of the profile. */
  virtualScanner(id: string): VirtualHidScanner | undefined {
    return this.#virtualScanners.get(id);
  }

  /** What the virtual pole display `id` shows, line by line. */
  virtualPole(id: string): readonly string[] | undefined {
    return this.#virtualPoles.get(id)?.lines;
  }

  /**
   * What a counter's customer display shows now (null: nothing; `counter` undefined: no counter yet),
   * onto the pole displays that show that counter — by its name, or whichever counter changed last.
   */
  showOnPoles(counter: { name: string } | undefined, storeName: string, state: CustomerDisplayState | null): void {
    for (const pole of this.#poles.values()) {
      const follows = pole.device.counter;
      if (counter !== undefined && follows !== undefined && follows !== counter.name) continue;
      pole.show(poleDisplayLines(storeName, state, pole.device.columns));
    }
  }

  /** The kitchen printer that prints `station`'s tickets (the first that lists it). */
  kitchenPrinterFor(station: string): PrinterDevice | undefined {
    return this.devices.find((d): d is PrinterDevice => d.role === 'kitchen-printer' && d.stations.includes(station));
  }

  /** Receipts print on the first receipt printer. */
  receiptPrinter(): PrinterDevice | undefined {
    return this.devices.find((d): d is PrinterDevice => d.role === 'receipt-printer');
  }

  /** The cash drawer of the store's drawer `drawerId` (named `name`): one listing it, else one listing none. */
  drawerFor(drawerId: string, name: string | undefined): CashDrawerDevice | undefined {
    const drawers = this.devices.filter((d): d is CashDrawerDevice => d.role === 'cash-drawer');
    return (
      drawers.find((d) => d.drawers.includes(drawerId) || (name !== undefined && d.drawers.includes(name))) ??
      drawers.find((d) => d.drawers.length === 0)
    );
  }

  /** Every device with its state. */
  views(): HubDeviceView[] {
    return this.devices.map((d) => {
      const status = isPrinter(d)
        ? (this.#printers.get(d.id)?.status ?? { state: 'offline' as DeviceState })
        : d.role === 'cash-drawer'
          ? this.#drawerStatus(d)
          : this.#scanners.has(d.id) || this.#poles.has(d.id)
            ? ((this.#scanners.get(d.id) ?? this.#poles.get(d.id))?.status ?? { state: 'offline' as DeviceState })
            : ((d.role === 'payment-terminal'
                ? this.ctx.terminalState?.()
                : d.connection.kind === 'screen'
                  ? this.ctx.displayState?.()
                  : undefined) ??
              this.#others.get(d.id) ?? { state: 'offline' as DeviceState });
      return {
        id: d.id,
        name: d.name ?? d.id,
        role: d.role,
        driver: d.driver,
        connection: formatConnection(d.connection),
        virtual: d.connection.kind === 'virtual',
        ...status,
        ...(isPrinter(d) && d.backup ? { backup: d.backup } : {}),
        ...(isPrinter(d) ? { columns: d.columns } : {}),
        ...(d.role === 'kitchen-printer' ? { stations: d.stations } : {}),
        ...(d.role === 'cash-drawer' ? { printer: d.printer } : {}),
      };
    });
  }

  async #startPrinter(device: PrinterDevice): Promise<void> {
    let transport: PrinterTransport;
    const c = device.connection;
    if (c.kind === 'virtual') {
      const twin = new VirtualPrinter({
        dialect: device.driver === 'star-line' ? 'star' : 'escpos',
        columns: device.columns,
        ...(this.ctx.now ? { now: this.ctx.now } : {}),
      });
      const port = await twin.start();
      this.#virtuals.set(device.id, twin);
      transport = new TcpTransport('127.0.0.1', port);
    } else if (c.kind === 'tcp') transport = new TcpTransport(c.host, c.port);
    else if (c.kind === 'file') transport = new FileTransport(c.path);
    else if (c.kind === 'usb') transport = new UsbTransport(this.usb, c, formatConnection(c));
    else if (c.kind === 'serial') {
      const serial = serialTransport(c);
      transport = serial.ok ? serial.transport : new UnusableTransport(formatConnection(c), serial.message);
    } else throw new Error(`printer ${device.id}: no transport for a ${c.kind} connection`);
    const printer = new Printer({
      device,
      transport,
      timeoutMs: this.ctx.timeoutMs,
      pollMs: this.ctx.pollMs,
      log: this.ctx.log,
      ...(this.ctx.now ? { now: this.ctx.now } : {}),
    });
    this.#printers.set(device.id, printer);
    printer.start();
  }

  #startPole(device: PoleDisplayDevice): void {
    const c = device.connection;
    let transport: PrinterTransport;
    if (c.kind === 'virtual') {
      const twin = new VirtualPoleDisplay(device.columns);
      this.#virtualPoles.set(device.id, twin);
      transport = twin;
    } else if (c.kind === 'tcp') transport = new TcpTransport(c.host, c.port);
    else if (c.kind === 'file') transport = new FileTransport(c.path);
    else {
      const serial = c.kind === 'serial' ? serialTransport(c) : undefined;
      if (serial?.ok) transport = serial.transport;
      else {
        const why = serial?.message ?? `No transport for a ${c.kind} connection`;
        this.#others.set(device.id, { state: 'error', lastError: why, lastErrorAt: (this.ctx.now ?? Date.now)() });
        return;
      }
    }
    const pole = new PoleDisplay({
      device,
      transport,
      timeoutMs: this.ctx.timeoutMs,
      log: this.ctx.log,
      ...(this.ctx.now ? { now: this.ctx.now } : {}),
    });
    this.#poles.set(device.id, pole);
  }

  #startScanner(device: ScannerDevice): void {
    const c = device.connection;
    let locate: () => Promise<UsbDeviceApi | undefined>;
    let name: string;
    let unreachable: (() => string | undefined) | undefined;
    if (c.kind === 'virtual') {
      const twin = new VirtualHidScanner();
      this.#virtualScanners.set(device.id, twin);
      locate = () => Promise.resolve(twin);
      name = `The virtual scanner ${device.id}`;
    } else if (c.kind === 'usb') {
      locate = () => this.usb.find(c.vendorId, c.productId, c.serial);
      name = `The USB scanner ${formatConnection(c)}`;
      unreachable = () => (this.usb.available ? undefined : this.usb.unavailableReason);
    } else {
      this.#others.set(device.id, {
        state: 'error',
        lastError: `A hid-pos scanner is read over USB: ${formatConnection(c)} is not a USB connection`,
      });
      return;
    }
    const scanner = new HidPosScanner({
      id: device.id,
      name,
      locate,
      ...(unreachable ? { unreachable } : {}),
      onRead: (read) => this.ctx.onScan?.(device, read),
      log: this.ctx.log,
      ...(this.ctx.now ? { now: this.ctx.now } : {}),
    });
    this.#scanners.set(device.id, scanner);
    scanner.start();
  }

  #otherStatus(device: HardwareDevice): DeviceStatusView {
    const at = (this.ctx.now ?? Date.now)();
    const c = device.connection;
    if (device.role === 'payment-terminal' || device.role === 'customer-display') {
      if (c.kind === 'virtual') return { state: 'ready', checkedAt: at };
      // A browser display connects itself: the display service says whether one is showing.
      if (c.kind === 'screen') return { state: 'offline', lastError: 'No customer display is showing' };
      if (driverInfo(device.driver)?.built) return { state: 'offline', lastError: 'Not driven by this edge yet' };
      return {
        state: 'error',
        lastError: `The ${device.driver} driver is not built yet`,
        lastErrorAt: at,
        checkedAt: at,
      };
    }
    // Scanners: virtual ones are ready; a USB one is ready while it is plugged in.
    if (c.kind !== 'usb') return { state: 'ready', checkedAt: at };
    const plugged = this.usb.list().some((u) => u.vendorId === c.vendorId && u.productId === c.productId);
    return plugged
      ? { state: 'ready', checkedAt: at }
      : { state: 'offline', lastError: `${formatConnection(c)} is not plugged in`, lastErrorAt: at, checkedAt: at };
  }

  #drawerStatus(drawer: CashDrawerDevice): DeviceStatusView {
    const printer = this.#printers.get(drawer.printer)?.status;
    if (!printer) return { state: 'offline', lastError: `Its printer ${drawer.printer} is not running` };
    return printer.state === 'ready' ? { state: 'ready' } : { ...printer, state: printer.state };
  }

  #usbChanged(event: 'attach' | 'detach', usbDevice: UsbDeviceApi): void {
    const { vendorId, productId } = usbDevice;
    for (const d of this.devices) {
      const c = d.connection;
      if (c.kind !== 'usb' || c.vendorId !== vendorId || c.productId !== productId) continue;
      const printer = this.#printers.get(d.id);
      const scanner = this.#scanners.get(d.id);
      if (scanner) {
        if (event === 'attach') scanner.plugged();
        else
          void this.usb.find(c.vendorId, c.productId, c.serial).then((still) => {
            if (!still) scanner.unplugged();
          });
      } else if (printer) {
        if (event === 'attach') void printer.check();
        else
          void this.usb.find(c.vendorId, c.productId, c.serial).then((still) => {
            if (!still) printer.unplugged(`The USB printer ${formatConnection(c)} was unplugged`);
          });
      } else if (!isPrinter(d)) this.#others.set(d.id, this.#otherStatus(d));
    }
  }
}
