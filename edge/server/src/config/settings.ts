/**
 * Loading settings: schema defaults, then an optional JSON file, then `TILLBOX_*` env
 * overrides derived from the schema. A bad value stops the start with a message naming the key.
 */
import { readFileSync } from 'node:fs';
import { TillboxError, type ErrorDetail } from '@tillbox/core';
import { z } from 'zod';
import { settingsSchema, type Settings } from './settings-schema.js';

export { settingsSchema, type Settings } from './settings-schema.js';

type LeafKind = 'string' | 'number' | 'boolean' | 'enum' | 'json';

export interface SettingLeaf {
  path: string[];
  key: string;
  env: string;
  kind: LeafKind;
  choices: string[];
  description: string;
  defaultValue: unknown;
  secret: boolean;
}

function envName(path: string[]): string {
  return 'TILLBOX_' + path.map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('_');
}

/** The schema under defaults, prefaults and optionals. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'default' || def.type === 'prefault' || def.type === 'optional') && def.innerType) {
      s = def.innerType;
    } else {
      return s;
    }
  }
}

function metaOf(schema: z.ZodType): { description?: string; secret?: boolean } {
  return (schema.meta() ?? {}) as { description?: string; secret?: boolean };
}

/** Every leaf setting with its key, env name, kind, default and description, in schema order. */
export function settingLeaves(): SettingLeaf[] {
  const defaults = settingsSchema.parse({}) as Record<string, unknown>;
  const leaves: SettingLeaf[] = [];
  const walk = (schema: z.ZodType, path: string[]): void => {
    const inner = unwrap(schema);
    if (inner instanceof z.ZodObject) {
      for (const [k, child] of Object.entries(inner.shape)) walk(child as z.ZodType, [...path, k]);
      return;
    }
    const type = (inner._zod.def as { type: string }).type;
    const kind: LeafKind =
      type === 'number' || type === 'int'
        ? 'number'
        : type === 'boolean'
          ? 'boolean'
          : type === 'enum'
            ? 'enum'
            : // Lists (kitchen stations, allowed host names) are given in the environment as JSON.
              type === 'array'
              ? 'json'
              : 'string';
    const meta = metaOf(schema);
    let dv: unknown = defaults;
    for (const p of path) dv = (dv as Record<string, unknown>)[p];
    leaves.push({
      path,
      key: path.join('.'),
      env: envName(path),
      kind,
      choices: inner instanceof z.ZodEnum ? (inner.options as string[]) : [],
      description: meta.description ?? '',
      defaultValue: dv,
      secret: meta.secret === true,
    });
  };
  walk(settingsSchema, []);
  return leaves;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let o = target;
  path.slice(0, -1).forEach((p) => {
    const next = o[p];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) o[p] = {};
    o = o[p] as Record<string, unknown>;
  });
  const last = path[path.length - 1];
  if (last !== undefined) o[last] = value;
}

function fromEnv(raw: string, leaf: SettingLeaf, problems: ErrorDetail[]): unknown {
  if (leaf.kind === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) {
      problems.push({ path: leaf.key, message: `${leaf.env}: expected a number, got "${raw}"` });
      return undefined;
    }
    return n;
  }
  if (leaf.kind === 'json') {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      problems.push({ path: leaf.key, message: `${leaf.env}: expected JSON, got "${raw}"` });
      return undefined;
    }
  }
  if (leaf.kind === 'boolean') {
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push({ path: leaf.key, message: `${leaf.env}: expected true or false, got "${raw}"` });
    return undefined;
  }
  return raw;
}

export interface LoadSettingsOptions {
  env?: Record<string, string | undefined>;
  /** A JSON settings file; defaults to `TILLBOX_CONFIG` from env when set. */
  file?: string;
  /** Values that win over everything (used by tests). */
  overrides?: Record<string, unknown>;
}

/** Load and validate settings. Throws a `validation` TillboxError naming each bad key. */
export function loadSettings(options: LoadSettingsOptions = {}): Settings {
  const env = options.env ?? process.env;
  const problems: ErrorDetail[] = [];
  let input: Record<string, unknown> = {};
  const file = options.file ?? env.TILLBOX_CONFIG;
  if (file) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error('the file must hold a JSON object');
      }
      input = parsed as Record<string, unknown>;
    } catch (cause) {
      throw new TillboxError('validation', `Settings file ${file} cannot be read: ${(cause as Error).message}`, {
        cause,
      });
    }
  }
  for (const leaf of settingLeaves()) {
    const raw = env[leaf.env];
    if (raw === undefined) continue;
    const value = fromEnv(raw, leaf, problems);
    if (value !== undefined) setPath(input, leaf.path, value);
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) setPath(input, key.split('.'), value);
  const result = settingsSchema.safeParse(input);
  if (!result.success) {
    const byKey = new Map(settingLeaves().map((l) => [l.key, l.env]));
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      const envHint = byKey.get(key);
      const unknownKeys =
        issue.code === 'unrecognized_keys' ? ` (${issue.keys.map((k) => (key ? `${key}.${k}` : k)).join(', ')})` : '';
      problems.push({
        path: key,
        message: `${key || '(root)'}${envHint ? ` [${envHint}]` : ''}: ${issue.message}${unknownKeys}`,
      });
    }
  }
  if (problems.length > 0) {
    throw new TillboxError('validation', `Settings are not valid:\n  ${problems.map((p) => p.message).join('\n  ')}`, {
      details: problems,
    });
  }
  return (result as { data: Settings }).data;
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

/** Markdown reference of every setting, generated from the schema (docs/settings.md). */
export function settingsMarkdown(): string {
  const rows = settingLeaves().map((l) => {
    const type =
      l.kind === 'enum' ? l.choices.map((c) => `\`${c}\``).join(' \\| ') : l.kind === 'json' ? 'JSON list' : l.kind;
    const def = l.secret && l.defaultValue !== '' ? '***' : `\`${JSON.stringify(l.defaultValue)}\``;
    return `| \`${l.key}\` | \`${l.env}\` | ${type} | ${def} | ${l.description}${l.secret ? ' (secret)' : ''} |`;
  });
  return [
    '# Settings',
    '',
    'Generated from the settings schema (`edge/server/src/config/settings-schema.ts`) by `npm run docs:settings`; do not edit by hand.',
    '',
    'The edge reads, in order: the defaults below (they run the demo store), the JSON file named by',
    '`TILLBOX_CONFIG` (same nesting as the keys, e.g. `{"http": {"port": 8080}}`), then one environment',
    'variable per key. A bad value stops the start with a message naming the key. At start the',
    'settings are logged with secrets masked.',
    '',
    '| key | environment variable | type | default | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
