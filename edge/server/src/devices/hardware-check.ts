/**
 * `npm run hardware:check PROFILE [-- --settings FILE]`: reads a hardware profile and names every
 * problem in it — unknown drivers, a station that prints with no printer, two devices on one port,
 * a backup or drawer printer that does not exist — against the kitchen stations of the settings
 * (the file given, else `TILLBOX_CONFIG` and the environment, else the defaults). Exit status 0
 * when there is no error (warnings are printed), 1 when there is, 64 on a wrong command line.
 */
import { formatProfileProblem, isTillboxError } from '@tillbox/core';
import { loadSettings } from '../config/settings.js';
import { readProfileFile } from './profile-file.js';

export interface CheckOutput {
  readonly status: 0 | 1 | 64;
  readonly lines: readonly string[];
}

const USAGE = 'usage: npm run hardware:check PROFILE.json [-- --settings SETTINGS.json]';

export function hardwareCheck(args: readonly string[], env: Record<string, string | undefined>): CheckOutput {
  const rest = [...args];
  let settingsFile: string | undefined;
  const at = rest.indexOf('--settings');
  if (at >= 0) {
    settingsFile = rest[at + 1];
    if (settingsFile === undefined) return { status: 64, lines: [USAGE] };
    rest.splice(at, 2);
  }
  const [path, ...extra] = rest;
  if (path === undefined || extra.length > 0 || path.startsWith('-')) return { status: 64, lines: [USAGE] };

  let stations;
  try {
    const settings = loadSettings({ env, ...(settingsFile ? { file: settingsFile } : {}) });
    stations = settings.kitchen.stations;
  } catch (e) {
    return { status: 1, lines: [isTillboxError(e) ? e.message : String(e)] };
  }
  const loaded = readProfileFile(path, stations);
  const errors = loaded.problems.filter((p) => p.severity === 'error').length;
  const warnings = loaded.problems.length - errors;
  const lines = loaded.problems.map(formatProfileProblem);
  const stationList = stations.map((s) => `${s.id}${s.printTickets ? ' (prints)' : ''}`).join(', ');
  if (loaded.profile) {
    lines.unshift(
      `${path}: "${loaded.profile.name}", ${loaded.profile.devices.length} devices; stations ${stationList}`,
    );
  }
  lines.push(
    errors === 0
      ? `ok: no errors${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
      : `${errors} error${errors === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
  );
  return { status: errors === 0 ? 0 : 1, lines };
}
