/**
 * Test factories for the device hub: a hardware profile file of virtual printers, a store (real
 * SQLite, the capabilities) with the hub and its print jobs running over real TCP on 127.0.0.1,
 * and a wait for what the printers printed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HardwareDeviceInput } from '@tillbox/core';
import { Devices } from '../devices/devices.js';
import type { UsbLoader } from '../devices/usb/usb-api.js';
import { createLogger } from '../logger.js';
import { servicesOnTempDb, tempDir } from './test-edge.js';

/** A profile file in a temp folder. */
export function profileFile(
  devices: readonly HardwareDeviceInput[],
  name = 'test store',
): {
  path: string;
  remove: () => void;
} {
  const dir = tempDir('tillbox-profile-');
  const path = join(dir.dir, 'hardware.json');
  writeFileSync(path, JSON.stringify({ version: 1, name, devices }, null, 2));
  return { path, remove: dir.remove };
}

export const virtualPrinter = (
  id: string,
  role: 'receipt-printer' | 'kitchen-printer',
  extra: Record<string, unknown> = {},
): HardwareDeviceInput =>
  ({
    id,
    role,
    driver: 'escpos',
    connection: 'virtual',
    columns: 42,
    ...(role === 'kitchen-printer' ? { stations: [id.replace(/-printer$/, '')] } : {}),
    ...extra,
  }) as HardwareDeviceInput;

/** The demo's printers: a receipt printer and a kitchen printer for each demo station, backing each other up. */
export const DEMO_PRINTERS: readonly HardwareDeviceInput[] = [
  virtualPrinter('receipt', 'receipt-printer', { receipt: { header: ['12 Main St'], footer: ['Thank you!'] } }),
  virtualPrinter('bar-printer', 'kitchen-printer', { backup: 'kitchen-printer' }),
  virtualPrinter('kitchen-printer', 'kitchen-printer', { backup: 'bar-printer' }),
  { id: 'drawer', role: 'cash-drawer', printer: 'receipt' },
];

export interface PrintingStore extends ReturnType<typeof servicesOnTempDb> {
  devices: Devices;
  /** A fresh hub over the same database (a restart of the device hub). */
  restartDevices(): Promise<Devices>;
  stop(): Promise<void>;
}

/**
 * The capabilities on a temp SQLite file with the device hub started on `devices` (fast retries,
 * no idle polling). Print jobs use the real clock (their retries wait on real timers).
 */
export async function printingStore(
  devices: readonly HardwareDeviceInput[] = DEMO_PRINTERS,
  options: {
    overrides?: Record<string, unknown>;
    loadUsb?: UsbLoader;
    printing?: boolean;
  } = {},
): Promise<PrintingStore> {
  const profile = profileFile(devices);
  const s = servicesOnTempDb({
    overrides: {
      'devices.profile': profile.path,
      'devices.retryMs': 20,
      'devices.maxRetryMs': 200,
      'devices.statusTimeoutMs': 1000,
      'devices.statusPollSeconds': 0,
      ...options.overrides,
    },
  });
  const make = () =>
    new Devices({
      db: s.db.db,
      events: s.caps.events,
      settings: s.settings,
      log: createLogger('silent'),
      orders: (ids) => s.caps.orderRepository.views(ids),
      drawerName: () => undefined,
      receiptUrl: (id) => `http://192.168.1.10:8080/receipt/${id}?t=token`,
      loadUsb: options.loadUsb ?? (() => Promise.resolve(undefined)),
    });
  let current = make();
  await current.start();
  if (options.printing !== false) current.startPrinting();
  const store: PrintingStore = {
    ...s,
    devices: current,
    async restartDevices() {
      await current.stop();
      current = make();
      store.devices = current;
      await current.start();
      current.startPrinting();
      return current;
    },
    async stop() {
      await current.stop();
      s.close();
      profile.remove();
    },
  };
  return store;
}

/** Waits until `check` answers something other than undefined or false (polling every 10 ms). */
export async function until<T>(
  check: () => T | undefined | false,
  timeoutMs = 5000,
  what = 'the condition',
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
