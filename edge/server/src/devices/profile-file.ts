/**
 * Reading a hardware profile file (`firmware-config/`): JSON, at most 256 KB, checked by the
 * core's schema and cross-device rules against the store's kitchen stations. The edge refuses to
 * start on an error, naming each one; warnings are logged.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatProfileProblem,
  readHardwareProfile,
  TillboxError,
  type HardwareProfile,
  type ProfileProblem,
  type StationPrinting,
} from '@tillbox/core';

/** The repository's root, from `edge/server/src/devices` and `edge/server/dist/devices` alike. */
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const FIRMWARE_CONFIG_DIR = join(REPO_ROOT, 'firmware-config');
/** Virtual twins of every device: what `npm start` (the demo store) runs. */
export const DEMO_PROFILE = join(FIRMWARE_CONFIG_DIR, 'profiles', 'demo.json');

const MAX_PROFILE_BYTES = 256 * 1024;

/** The profile file the settings name: the setting, else the demo profile in a demo store, else none. */
export function profilePathOf(settings: { demo: boolean; devices: { profile: string } }): string | undefined {
  if (settings.devices.profile !== '') return resolve(settings.devices.profile);
  return settings.demo ? DEMO_PROFILE : undefined;
}

export interface LoadedProfile {
  readonly path: string;
  readonly profile: HardwareProfile | undefined;
  readonly problems: readonly ProfileProblem[];
}

/** Reads and checks the file; never throws (an unreadable file is one problem). */
export function readProfileFile(path: string, stations?: readonly StationPrinting[]): LoadedProfile {
  const problem = (message: string): LoadedProfile => ({
    path,
    profile: undefined,
    problems: [{ severity: 'error', path: '(file)', message }],
  });
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_PROFILE_BYTES) return problem(`${path} is ${size} bytes; a profile is at most ${MAX_PROFILE_BYTES}`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return problem(`${path} cannot be read: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    return problem(`${path} is not JSON: ${(e as Error).message}`);
  }
  const { profile, problems } = readHardwareProfile(value, stations ? { stations } : {});
  return { path, profile, problems };
}

/**
 * The profile, or a `validation` error naming every error in it. Warnings go to `warn`, and so
 * does a printing station with no printer: the store runs, that station's tickets do not print.
 */
export function loadProfileFile(
  path: string,
  stations: readonly StationPrinting[],
  warn: (problem: ProfileProblem) => void = () => {},
): HardwareProfile {
  const loaded = readProfileFile(path, stations);
  const fatal = (p: ProfileProblem) => p.severity === 'error' && p.code !== 'station-without-printer';
  const errors = loaded.problems.filter(fatal);
  for (const p of loaded.problems) if (!fatal(p)) warn(p);
  if (errors.length > 0 || !loaded.profile) {
    throw new TillboxError(
      'validation',
      `Hardware profile ${path} is not valid:\n  ${errors.map(formatProfileProblem).join('\n  ')}`,
      { details: errors.map((p) => ({ path: p.path, message: p.message })) },
    );
  }
  return loaded.profile;
}
