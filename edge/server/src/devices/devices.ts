/**
 * The device hub as a capability of the edge: the hardware profile named by the settings (read
 * and checked at start: an error stops the start), the hub of device modules, and the print
 * service that records and carries out print jobs. Constructing does no work; `start()` brings
 * the devices up (virtual printers listen on 127.0.0.1) and records print jobs from then on,
 * `startPrinting()` carries them out, and `stop()` undoes it all.
 */
import {
  classifyScan,
  formatProfileProblem,
  hex4,
  isPrinter,
  MEMBER_QR_PREFIX,
  TillboxError,
  uuidv7,
  type Scan,
  type Symbology,
  type HardwareList,
  type HardwareProfile,
  type OrderView,
  type PrintJobView,
  type PrintoutList,
  type Station,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { Settings } from '../config/settings.js';
import type { Db } from '../db/database.js';
import type { EventLog } from '../events/event-log.js';
import { DeviceHub, type ScannerDevice } from './device-hub.js';
import { CursorRepository } from '../events/cursor-repository.js';
import { PrintJobRepository, type PrintJobRow } from './print-job-repository.js';
import { PrintJobRetention } from './print-job-retention.js';
import { PrintJobRetentionRepository } from './print-job-retention-repository.js';
import { PrintService } from './print-service.js';
import { loadProfileFile, profilePathOf } from './profile-file.js';
import type { DeviceStatusView } from './printer.js';
import type { AssembledScan } from './scanner/hid-pos-report.js';
import type { UsbLoader } from './usb/usb-api.js';
import type { VirtualPrinterState } from './virtual-printer.js';

export interface DevicesContext {
  readonly db: Db;
  readonly events: EventLog;
  readonly settings: Pick<Settings, 'demo' | 'devices' | 'kitchen' | 'store'>;
  readonly log: Logger;
  /** The orders as the screens see them. */
  readonly orders: (ids: readonly string[]) => Map<string, OrderView>;
  readonly drawerName: (drawerId: string) => string | undefined;
  /** The e-receipt's address of an order, printed as a QR code (undefined: none). */
  readonly receiptUrl: (orderId: string) => string | undefined;
  readonly loadUsb?: UsbLoader;
  /** The payment terminal's state, from the card terminal module (payments). */
  readonly terminalState?: () => DeviceStatusView | undefined;
  /** Whether a browser customer display is showing (display/display-service.ts). */
  readonly displayState?: () => DeviceStatusView | undefined;
  /** A HID POS scanner's scan, for the screens of its profile's `screen` (undefined: none). */
  readonly deliverScan?: (scan: Scan, screen: ScannerDevice['screen']) => void;
  readonly now?: () => number;
}

interface Running {
  readonly path: string | undefined;
  readonly profile: HardwareProfile | undefined;
  readonly hub: DeviceHub;
  readonly prints: PrintService;
  /** Deletes printed jobs past the retention (a maintenance pass off the order path). */
  readonly retention: PrintJobRetention;
}

/** GS ( k pL pH 49 80 48 d1…dk: store the QR code's data (k = pL + pH·256 − 3). */
const QR_STORE = Buffer.from([0x1d, 0x28, 0x6b]);

/** The QR codes in an ESC/POS printout, each with how many printed lines come before it. */
function qrCodesOf(bytes: Buffer, lineOffsets: readonly number[]): { afterLine: number; data: string }[] {
  const out: { afterLine: number; data: string }[] = [];
  for (let i = bytes.indexOf(QR_STORE); i >= 0; i = bytes.indexOf(QR_STORE, i + 3)) {
    const size = (bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256;
    if (bytes[i + 5] !== 0x31 || bytes[i + 6] !== 0x50 || bytes[i + 7] !== 0x30 || size < 3) continue;
    const data = bytes.subarray(i + 8, i + 5 + size).toString('latin1');
    out.push({ afterLine: lineOffsets.filter((o) => o < i).length, data });
  }
  return out;
}

const iso = (ms: number | null | undefined): string | undefined =>
  ms === null || ms === undefined ? undefined : new Date(ms).toISOString();

export class Devices {
  #running: Running | undefined;
  #printing = false;
  readonly #lastScans = new Map<string, Scan>();
  readonly repository: PrintJobRepository;

  constructor(private readonly ctx: DevicesContext) {
    this.repository = new PrintJobRepository(ctx.db);
  }

  #need(): Running {
    if (!this.#running) throw new TillboxError('unavailable', 'The device hub is not running');
    return this.#running;
  }

  get hub(): DeviceHub {
    return this.#need().hub;
  }

  get prints(): PrintService {
    return this.#need().prints;
  }

  async start(): Promise<void> {
    const { settings, log } = this.ctx;
    const path = profilePathOf(settings);
    const stations: readonly Station[] = settings.kitchen.stations;
    const profile = path
      ? loadProfileFile(path, stations, (p) => log.warn({ profile: path }, formatProfileProblem(p)))
      : undefined;
    const d = settings.devices;
    const hub = new DeviceHub({
      profile,
      timeoutMs: d.statusTimeoutMs,
      pollMs: d.statusPollSeconds * 1000,
      log: log.child({ module: 'devices' }),
      ...(this.ctx.terminalState ? { terminalState: this.ctx.terminalState } : {}),
      ...(this.ctx.displayState ? { displayState: this.ctx.displayState } : {}),
      ...(this.ctx.loadUsb ? { loadUsb: this.ctx.loadUsb } : {}),
      onScan: (device, read) => this.#scanned(device, read),
      ...(this.ctx.now ? { now: this.ctx.now } : {}),
    });
    await hub.start();
    const prints = new PrintService({
      events: this.ctx.events,
      hub,
      repository: this.repository,
      cursors: new CursorRepository(this.ctx.db),
      orders: this.ctx.orders,
      drawerName: this.ctx.drawerName,
      stations,
      store: {
        name: settings.store.name,
        timeZone: settings.store.timeZone,
        stationName: (id) => stations.find((s) => s.id === id)?.name ?? id,
      },
      policy: { retryMs: d.retryMs, maxRetryMs: d.maxRetryMs, rerouteAfter: d.rerouteAfterFailures },
      kickExpiryMs: d.kickExpirySeconds * 1000,
      receiptUrl: this.ctx.receiptUrl,
      log: log.child({ module: 'print-jobs' }),
      ...(this.ctx.now ? { now: this.ctx.now } : {}),
    });
    prints.start();
    const retention = new PrintJobRetention({
      repository: new PrintJobRetentionRepository(this.ctx.db),
      retentionDays: d.printJobRetentionDays,
      log: log.child({ module: 'print-jobs' }),
      ...(this.ctx.now ? { now: this.ctx.now } : {}),
    });
    retention.start();
    this.#running = { path, profile, hub, prints, retention };
    if (this.#printing) prints.startPrinting();
    if (profile)
      log.info(
        { profile: path, devices: profile.devices.length, usb: hub.usb.available },
        `hardware profile "${profile.name}"`,
      );
  }

  /**
   * Begin carrying out print jobs (those left from before a restart, then new ones). Jobs are
   * recorded from `start()`; the edge begins printing once it listens, when a receipt's e-receipt
   * address is known.
   */
  startPrinting(): void {
    this.#printing = true;
    this.#running?.prints.startPrinting();
  }

  async stop(): Promise<void> {
    this.#printing = false;
    const r = this.#running;
    this.#running = undefined;
    if (!r) return;
    r.retention.stop();
    await r.prints.stop();
    await r.hub.stop();
  }

  /** The hardware with its state and queue, and what is plugged into the USB bus. */
  hardwareList(): HardwareList {
    const { hub, prints, path, profile } = this.#need();
    const counts = prints.queueCounts();
    const usbUsers = new Map<string, string>();
    for (const d of hub.devices)
      if (d.connection.kind === 'usb')
        usbUsers.set(`${hex4(d.connection.vendorId)}:${hex4(d.connection.productId)}`, d.id);
    return {
      profile: profile && path ? { name: profile.name, path } : null,
      devices: hub.views().map((v) => ({
        id: v.id,
        name: v.name,
        role: v.role,
        driver: v.driver,
        connection: v.connection,
        virtual: v.virtual,
        state: v.state,
        ...(v.lastError !== undefined ? { lastError: v.lastError } : {}),
        ...(v.lastErrorAt !== undefined ? { lastErrorAt: iso(v.lastErrorAt) } : {}),
        ...(v.checkedAt !== undefined ? { checkedAt: iso(v.checkedAt) } : {}),
        ...(v.backup ? { backup: v.backup } : {}),
        ...(v.columns !== undefined ? { columns: v.columns } : {}),
        ...(v.stations ? { stations: [...v.stations] } : {}),
        ...(v.printer ? { printer: v.printer } : {}),
        ...this.#scannerView(v.id),
        queue: counts.get(v.id) ?? { queued: 0, failing: 0 },
      })),
      usb: {
        available: hub.usb.available,
        devices: hub.usb.list().map((u) => {
          const ids = `${hex4(u.vendorId)}:${hex4(u.productId)}`;
          const usedBy = usbUsers.get(ids);
          const f = u.fingerprint;
          return {
            vendorId: hex4(u.vendorId),
            productId: hex4(u.productId),
            bus: u.bus,
            address: u.address,
            ...(usedBy ? { usedBy } : {}),
            ...(f
              ? {
                  fingerprint: {
                    vendor: f.vendor,
                    model: f.model,
                    role: f.role,
                    driver: f.driver,
                    confidence: f.confidence,
                  },
                }
              : {}),
          };
        }),
      },
    };
  }

  /**
   * A scanner read a code: what it is (the core's `classifyScan`: a retail barcode with its check
   * digit, a loyalty card, an order's receipt QR, or not one the till reads), sent to the scanner's
   * screens. Input, not a fact: nothing is written; the log keeps the kind, never a card's code.
   */
  #scanned(device: ScannerDevice, read: AssembledScan): void {
    const at = new Date((this.ctx.now ?? Date.now)()).toISOString();
    const base = { id: uuidv7(), device: device.id, symbology: read.symbology, aim: read.aim, at };
    let scan: Scan;
    if (read.kind === 'unreadable') {
      scan = {
        ...base,
        kind: 'unreadable',
        code: '',
        problem: `The scanner could not read that code (${read.problem}): scan it again.`,
      };
    } else {
      const c = classifyScan(read.code);
      scan = {
        ...base,
        kind: c.kind,
        code: read.code,
        ...(c.kind === 'barcode' ? { format: c.format } : {}),
        ...(c.kind === 'order' ? { orderId: c.orderId } : {}),
        ...(c.kind === 'invalid' ? { problem: `Not a barcode this till reads: ${c.problem}. Nothing was added.` } : {}),
        ...(c.kind === 'unknown' ? { problem: 'Not a code this till reads: nothing was added.' } : {}),
      };
    }
    this.#lastScans.set(device.id, scan);
    this.ctx.log.info(
      { device: device.id, kind: scan.kind, symbology: scan.symbology, screen: device.screen ?? null },
      'scanned',
    );
    this.ctx.deliverScan?.(scan, device.screen);
  }

  #scannerView(id: string): Pick<HardwareList['devices'][number], 'screen' | 'lastScan'> {
    const device = this.#running?.hub.devices.find((d) => d.id === id);
    if (device?.role !== 'scanner') return {};
    const screen = device.screen ? { screen: device.screen } : {};
    const scan = this.#lastScans.get(id);
    if (!scan) return screen;
    const { id: _id, device: _device, ...lastScan } = scan;
    // A loyalty card's code is the member's secret: the admin screen sees that one was scanned.
    return { ...screen, lastScan: { ...lastScan, code: scan.kind === 'loyalty' ? `${MEMBER_QR_PREFIX}…` : scan.code } };
  }

  /** A virtual HID POS scanner reads `code`: its reports go through the driver like a real scanner's. */
  virtualScan(id: string, code: string, symbology?: Symbology): { device: string; reports: number } {
    const { hub } = this.#need();
    const device = hub.devices.find((d) => d.id === id);
    if (!device) throw new TillboxError('not-found', `There is no device ${id} in the hardware profile`);
    const twin = hub.virtualScanner(id);
    if (!twin) throw new TillboxError('not-found', `${id} is not a virtual HID POS scanner`);
    return { device: id, reports: twin.scan(code, symbology) };
  }

  /** Jobs as staff see them, with their orders' numbers. */
  jobViews(rows: readonly PrintJobRow[]): PrintJobView[] {
    const orderIds = [...new Set(rows.map((r) => r.orderId).filter((id): id is string => id !== null))];
    const orders = orderIds.length > 0 ? this.ctx.orders(orderIds) : new Map<string, OrderView>();
    return rows.map((r) => {
      const number = r.orderId ? orders.get(r.orderId)?.number : undefined;
      return {
        id: r.id,
        kind: r.kind,
        state: r.state,
        device: r.deviceId,
        ...(r.reroutedFrom ? { reroutedFrom: r.reroutedFrom } : {}),
        ...(r.orderId ? { orderId: r.orderId } : {}),
        ...(number !== undefined ? { orderNumber: number } : {}),
        ...(r.station ? { station: r.station } : {}),
        attempts: r.attempts,
        ...(r.lastError ? { lastError: r.lastError } : {}),
        ...(r.lastErrorAt !== null ? { lastErrorAt: iso(r.lastErrorAt) } : {}),
        createdAt: new Date(r.createdAt).toISOString(),
        ...(r.printedAt !== null ? { printedAt: iso(r.printedAt) } : {}),
        ...(r.reprintOf ? { reprintOf: r.reprintOf } : {}),
      };
    });
  }

  #virtual(id: string) {
    const { hub } = this.#need();
    const device = hub.devices.find((d) => d.id === id);
    if (!device) throw new TillboxError('not-found', `There is no device ${id} in the hardware profile`);
    const twin = hub.virtualPrinter(id);
    if (!twin || !isPrinter(device))
      throw new TillboxError('not-found', `${id} is not a virtual printer (only those show what they printed)`);
    return twin;
  }

  /** What a virtual printer printed, newest first, as the paper shows it. */
  printouts(id: string, limit = 10): PrintoutList {
    const twin = this.#virtual(id);
    const printouts = [...twin.printouts]
      .reverse()
      .slice(0, limit)
      .map((p) => {
        const decoded = twin.decode(p);
        return {
          at: new Date(p.at).toISOString(),
          bytes: p.bytes.length,
          lines: decoded.lines.map((l) => ({
            text: l.text,
            layout: l.layout,
            align: l.align,
            bold: l.bold,
            invert: l.invert,
            underline: l.underline,
            widthScale: l.widthScale,
            heightScale: l.heightScale,
          })),
          cuts: decoded.cuts.length,
          drawerKicks: decoded.events.filter((e) => e.kind === 'drawer').length,
          qrCodes: qrCodesOf(
            p.bytes,
            decoded.lines.map((l) => l.offset),
          ),
          warnings: decoded.warnings.map((w) => w.message),
        };
      });
    return { device: id, state: twin.state, printed: twin.printed, printouts };
  }

  /** Switch a virtual printer's state (the demo and the tests try the store's behaviour with it). */
  async setVirtualState(id: string, state: VirtualPrinterState): Promise<PrintoutList> {
    const twin = this.#virtual(id);
    await twin.setState(state);
    void this.#need().hub.printer(id)?.check();
    return this.printouts(id, 0);
  }
}
