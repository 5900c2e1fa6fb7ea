/** Test factories: a real edge on a real SQLite file in a temp dir, on a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreEvent } from '@tillbox/core';
import { Edge } from '../app.js';
import { Capabilities, type CapabilitiesContext } from '../capabilities.js';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { VirtualPinpad, type Pinpad } from '../payments/pinpad.js';
import { loadSettings, type Settings } from '../config/settings.js';
import { createLogger } from '../logger.js';
import { ViewParity } from './view-parity.js';

export function tempDir(prefix = 'tillbox-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestEdge {
  edge: Edge;
  url: string;
  settings: Settings;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestEdge(
  options: {
    overrides?: Record<string, unknown>;
    dataDir?: string;
    seed?: CapabilitiesContext['seed'];
    pinpad?: Pinpad;
  } = {},
): Promise<TestEdge> {
  const temp = options.dataDir ? undefined : tempDir();
  const dataDir = options.dataDir ?? temp?.dir ?? '';
  const settings = loadSettings({
    env: {},
    overrides: {
      'http.host': '127.0.0.1',
      'http.port': 0,
      'data.dir': dataDir,
      'log.level': 'silent',
      ...options.overrides,
    },
  });
  const edge = new Edge({
    settings,
    log: createLogger('silent'),
    pinpad: options.pinpad ?? new VirtualPinpad(),
    ...(options.seed ? { seed: options.seed } : {}),
  });
  const url = await edge.start();
  const parity = new ViewParity(edge.caps.orderRepository, edge.database.db);
  edge.caps.events.subscribe((batch) => parity.check(batch));
  return {
    edge,
    url,
    settings,
    dataDir,
    stop: async () => {
      await edge.stop();
      temp?.remove();
      parity.assertSame();
    },
  };
}

export { latteOrder } from './order-factory.js';

/** The capabilities on a real SQLite file in a temp dir, with a clock the test moves. */
export function servicesOnTempDb(
  options: {
    overrides?: Record<string, unknown>;
    pinpad?: Pinpad;
    start?: number;
    /** The menu and pricing rules a new store starts with (default: the demo store's). */
    seed?: CapabilitiesContext['seed'];
  } = {},
): {
  caps: Capabilities;
  db: OpenDatabase;
  settings: Settings;
  clock: { now: number };
  heard: StoreEvent[];
  close: () => void;
} {
  const t = tempDir();
  const db = openDatabase(t.dir);
  const clock = { now: options.start ?? Date.parse('2026-11-27T15:00:00Z') }; // 10:00 in New York
  const settings = loadSettings({ env: {}, overrides: { 'log.level': 'silent', ...options.overrides } });
  const caps = new Capabilities({
    db: db.db,
    settings,
    log: createLogger('silent'),
    now: () => clock.now,
    pinpad: options.pinpad ?? new VirtualPinpad(),
    ...(options.seed ? { seed: options.seed } : {}),
  });
  caps.start();
  const heard: StoreEvent[] = [];
  const parity = new ViewParity(caps.orderRepository, db.db);
  caps.events.subscribe((b) => {
    heard.push(...b);
    parity.check(b);
  });
  return {
    caps,
    db,
    settings,
    clock,
    heard,
    close: () => {
      caps.stop();
      db.close();
      t.remove();
      parity.assertSame();
    },
  };
}
