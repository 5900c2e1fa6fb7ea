/**
 * Loading settings: schema defaults, then an optional JSON file (`TILLBOX_CLOUD_CONFIG`), then
 * one `TILLBOX_CLOUD_*` env variable per key. A bad value stops the start naming the key.
 */
import { readFileSync } from 'node:fs';
import { TillboxError, type ErrorDetail } from '@tillbox/core';
import { z } from 'zod';
import { settingsSchema, type Settings } from './settings-schema.js';

export { settingsSchema, type Settings } from './settings-schema.js';

interface Leaf {
  path: string[];
  key: string;
  env: string;
  kind: 'string' | 'number' | 'boolean';
  secret: boolean;
}

const envName = (path: string[]): string =>
  'TILLBOX_CLOUD_' + path.map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('_');

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'default' || def.type === 'prefault' || def.type === 'optional') && def.innerType)
      s = def.innerType;
    else return s;
  }
}

/** Every leaf setting with its env variable, in schema order. */
export function settingLeaves(): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (schema: z.ZodType, path: string[]): void => {
    const inner = unwrap(schema);
    if (inner instanceof z.ZodObject) {
      for (const [k, child] of Object.entries(inner.shape)) walk(child as z.ZodType, [...path, k]);
      return;
    }
    const type = (inner._zod.def as { type: string }).type;
    const numeric = type === 'number' || type === 'int' || type === 'union';
    const meta = (schema.meta() ?? {}) as { secret?: boolean };
    leaves.push({
      path,
      key: path.join('.'),
      env: envName(path),
      kind: numeric ? 'number' : type === 'boolean' ? 'boolean' : 'string',
      secret: meta.secret === true,
    });
  };
  walk(settingsSchema, []);
  return leaves;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let o = target;
  for (const p of path.slice(0, -1)) {
    const next = o[p];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) o[p] = {};
    o = o[p] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) o[last] = value;
}

export interface LoadSettingsOptions {
  env?: Record<string, string | undefined>;
  /** A JSON settings file; defaults to `TILLBOX_CLOUD_CONFIG` when set. */
  file?: string;
  /** Values that win over everything (tests): `{'mqtt.url': ...}`. */
  overrides?: Record<string, unknown>;
}

/** Load and validate settings. Throws a `validation` TillboxError naming each bad key. */
export function loadSettings(options: LoadSettingsOptions = {}): Settings {
  const env = options.env ?? process.env;
  const problems: ErrorDetail[] = [];
  let input: Record<string, unknown> = {};
  const file = options.file ?? env.TILLBOX_CLOUD_CONFIG;
  if (file) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('the file must hold a JSON object');
      input = parsed as Record<string, unknown>;
    } catch (cause) {
      throw new TillboxError('validation', `Settings file ${file} cannot be read: ${(cause as Error).message}`, {
        cause,
      });
    }
  }
  const leaves = settingLeaves();
  for (const leaf of leaves) {
    const raw = env[leaf.env];
    if (raw === undefined) continue;
    if (leaf.kind === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n))
        problems.push({ path: leaf.key, message: `${leaf.env}: expected a number, got "${raw}"` });
      else setPath(input, leaf.path, n);
    } else if (leaf.kind === 'boolean') {
      const value = raw.trim().toLowerCase();
      if (value !== 'true' && value !== 'false')
        problems.push({ path: leaf.key, message: `${leaf.env}: expected true or false, got "${raw}"` });
      else setPath(input, leaf.path, value === 'true');
    } else setPath(input, leaf.path, raw);
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) setPath(input, key.split('.'), value);
  const result = settingsSchema.safeParse(input);
  if (!result.success) {
    const envOf = new Map(leaves.map((l) => [l.key, l.env]));
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      const hint = envOf.get(key);
      problems.push({ path: key, message: `${key || '(root)'}${hint ? ` [${hint}]` : ''}: ${issue.message}` });
    }
  }
  if (problems.length > 0 || !result.success)
    throw new TillboxError('validation', `Settings are not valid:\n  ${problems.map((p) => p.message).join('\n  ')}`, {
      details: problems,
    });
  return result.data;
}

/** The settings with every secret that is set replaced by `***`, for printing at start. */
export function maskSettings(settings: Settings): Record<string, unknown> {
  const copy = structuredClone(settings) as unknown as Record<string, unknown>;
  for (const leaf of settingLeaves()) {
    if (!leaf.secret) continue;
    let o: unknown = copy;
    for (const p of leaf.path.slice(0, -1)) o = (o as Record<string, unknown>)[p];
    const last = leaf.path[leaf.path.length - 1];
    const holder = o as Record<string, unknown>;
    if (last !== undefined && holder[last] !== '' && holder[last] !== undefined) holder[last] = '***';
  }
  return copy;
}
