/**
 * What is wrong with a hardware profile as a whole, beyond each field's shape: drivers the store
 * box does not know or that do not serve the role, two devices on one port, backups and drawer
 * printers that do not exist, kitchen stations that print with no printer, paper too narrow for
 * its columns. `npm run hardware:check` prints these; the edge refuses to start on an error.
 */
import { z } from 'zod';
import { formatConnection, portOf, samePort } from './connection.js';
import {
  DRIVER_NAMES,
  driverInfo,
  hardwareProfileSchema,
  isPrinter,
  MAX_COLUMNS_BY_PAPER,
  type HardwareDevice,
  type HardwareProfile,
} from './hardware-profile.js';

export interface ProfileProblem {
  readonly severity: 'error' | 'warning';
  /** Where in the profile, e.g. `devices.2.backup`. */
  readonly path: string;
  /** The device it is about, when there is one. */
  readonly device?: string;
  readonly message: string;
  /**
   * `station-without-printer`: the store still runs (the station's tickets show on its KDS but do
   * not print), so the edge starts with it logged; `npm run hardware:check` counts it an error.
   */
  readonly code?: 'station-without-printer';
}

/** The kitchen stations as the store's settings have them. */
export interface StationPrinting {
  readonly id: string;
  readonly printTickets: boolean;
}

export interface ProfileCheckContext {
  /** The store's stations; without them station mapping is not checked. */
  readonly stations?: readonly StationPrinting[];
}

export function checkHardwareProfile(profile: HardwareProfile, context: ProfileCheckContext = {}): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const at = (i: number, field?: string) => `devices.${i}${field ? `.${field}` : ''}`;
  const error = (path: string, device: string | undefined, message: string) =>
    problems.push({ severity: 'error', path, ...(device ? { device } : {}), message });
  const warn = (path: string, device: string | undefined, message: string) =>
    problems.push({ severity: 'warning', path, ...(device ? { device } : {}), message });

  const byId = new Map<string, HardwareDevice>();
  profile.devices.forEach((d, i) => {
    if (byId.has(d.id)) error(at(i, 'id'), d.id, `two devices are called "${d.id}"`);
    else byId.set(d.id, d);
  });

  const placed: HardwareDevice[] = [];
  profile.devices.forEach((d, i) => {
    const driver = driverInfo(d.driver);
    if (!driver) {
      error(at(i, 'driver'), d.id, `unknown driver "${d.driver}" (drivers: ${DRIVER_NAMES.join(', ')})`);
    } else {
      if (!driver.roles.includes(d.role))
        error(at(i, 'driver'), d.id, `driver "${d.driver}" drives ${driver.roles.join(' or ')}, not a ${d.role}`);
      if (!driver.connections.includes(d.connection.kind))
        error(
          at(i, 'connection'),
          d.id,
          `driver "${d.driver}" cannot use a ${d.connection.kind} connection (only ${driver.connections.join(', ')})`,
        );
      if (!driver.built)
        warn(at(i, 'driver'), d.id, `driver "${d.driver}" is not built yet: the device shows as an error until it is`);
    }
    if (d.role === 'scanner' && d.driver === 'hid-pos' && d.screen === undefined)
      warn(
        at(i, 'screen'),
        d.id,
        `"${d.id}" names no screen: the codes it reads reach no screen (e.g. "screen": "counter")`,
      );
    if (d.role === 'scanner' && d.driver === 'keyboard-wedge' && d.screen !== undefined)
      warn(at(i, 'screen'), d.id, `"${d.id}" types into the screen it is plugged into: its "screen" is not used`);
    const other = placed.find((p) => samePort(p.connection, d.connection))?.id;
    if (portOf(d.connection) !== undefined) {
      if (other !== undefined) {
        const serialHint =
          d.connection.kind === 'usb' ? ' (two of one USB model need their serial numbers: usb:VVVV:PPPP:SERIAL)' : '';
        error(
          at(i, 'connection'),
          d.id,
          `"${d.id}" and "${other}" are both on ${formatConnection(d.connection)}${serialHint}`,
        );
      } else placed.push(d);
    }
    if (isPrinter(d)) {
      const max = MAX_COLUMNS_BY_PAPER[d.paperWidthMm];
      if (d.columns > max)
        error(at(i, 'columns'), d.id, `${d.columns} columns do not fit ${d.paperWidthMm} mm paper (at most ${max})`);
      if (d.backup !== undefined) {
        const backup = byId.get(d.backup) ?? profile.devices.find((x) => x.id === d.backup);
        if (d.backup === d.id) error(at(i, 'backup'), d.id, `"${d.id}" cannot be its own backup`);
        else if (!backup) error(at(i, 'backup'), d.id, `backup "${d.backup}" is not a device of this profile`);
        else if (!isPrinter(backup))
          error(at(i, 'backup'), d.id, `backup "${d.backup}" is a ${backup.role}, not a printer`);
      }
    }
  });

  const drawerPorts = new Map<string, string>();
  profile.devices.forEach((d, i) => {
    if (d.role !== 'cash-drawer') return;
    const printer = profile.devices.find((x) => x.id === d.printer);
    if (!printer) error(at(i, 'printer'), d.id, `printer "${d.printer}" is not a device of this profile`);
    else if (!isPrinter(printer)) error(at(i, 'printer'), d.id, `"${d.printer}" is a ${printer.role}, not a printer`);
    const key = `${d.printer}#${d.pin}`;
    const other = drawerPorts.get(key);
    if (other !== undefined)
      error(at(i, 'pin'), d.id, `"${d.id}" and "${other}" are both on pin ${d.pin} of "${d.printer}"`);
    else drawerPorts.set(key, d.id);
  });

  const receipts = profile.devices.filter((d) => d.role === 'receipt-printer');
  if (receipts.length > 1)
    warn(
      at(profile.devices.indexOf(receipts[1] as HardwareDevice), 'role'),
      receipts[1]?.id,
      `receipts print on the first receipt printer, "${receipts[0]?.id}"; "${receipts[1]?.id}" prints only tests and reprints`,
    );

  const stations = context.stations;
  if (stations) {
    const ids = stations.map((s) => s.id);
    const served = new Set<string>();
    profile.devices.forEach((d, i) => {
      if (d.role !== 'kitchen-printer') return;
      d.stations.forEach((s, j) => {
        served.add(s);
        if (!ids.includes(s))
          error(
            at(i, `stations.${j}`),
            d.id,
            `"${d.id}" prints for station "${s}", which is not a kitchen station (stations: ${ids.join(', ')})`,
          );
      });
    });
    for (const s of stations) {
      if (s.printTickets && !served.has(s.id))
        problems.push({
          severity: 'error',
          path: 'devices',
          code: 'station-without-printer',
          message: `station "${s.id}" prints tickets (printTickets) but no kitchen printer serves it`,
        });
      else if (!s.printTickets && served.has(s.id))
        warn(
          'devices',
          undefined,
          `station "${s.id}" has a kitchen printer but does not print tickets: turn on its printTickets setting`,
        );
    }
  }
  return problems;
}

/**
 * Reads a profile (already parsed from JSON) and checks it: the profile, or every problem found
 * (the schema's, with their paths, or the cross-device ones).
 */
export function readHardwareProfile(
  value: unknown,
  context: ProfileCheckContext = {},
): { profile: HardwareProfile | undefined; problems: ProfileProblem[] } {
  const parsed = hardwareProfileSchema.safeParse(value);
  if (!parsed.success) {
    return {
      profile: undefined,
      problems: parsed.error.issues.map((issue) => ({
        severity: 'error',
        path: issue.path.map(String).join('.'),
        ...deviceOf(value, issue.path),
        message: issue.message,
      })),
    };
  }
  return { profile: parsed.data, problems: checkHardwareProfile(parsed.data, context) };
}

const idOnly = z.object({ id: z.string() });

/** The id of the device an issue's path points into, when the raw value has one. */
function deviceOf(value: unknown, path: readonly PropertyKey[]): { device?: string } {
  if (path[0] !== 'devices' || typeof path[1] !== 'number') return {};
  const devices = (value as { devices?: unknown } | null)?.devices;
  const raw = Array.isArray(devices) ? (devices as unknown[])[path[1]] : undefined;
  const parsed = idOnly.safeParse(raw);
  return parsed.success ? { device: parsed.data.id } : {};
}

/** One line per problem, as `npm run hardware:check` prints them. */
export function formatProfileProblem(p: ProfileProblem): string {
  return `${p.severity}: ${p.path}${p.device ? ` (${p.device})` : ''}: ${p.message}`;
}
