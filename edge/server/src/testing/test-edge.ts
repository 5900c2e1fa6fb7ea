/** Test factories: a real edge on a real SQLite file in a temp dir, on a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogInput } from '@tillbox/core';
import { Edge } from '../app.js';
import { loadSettings, type Settings } from '../config/settings.js';
import { createLogger } from '../logger.js';

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
  options: { overrides?: Record<string, unknown>; dataDir?: string; seedCatalog?: CatalogInput } = {},
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
    ...(options.seedCatalog ? { seedCatalog: options.seedCatalog } : {}),
  });
  const url = await edge.start();
  return {
    edge,
    url,
    settings,
    dataDir,
    stop: async () => {
      await edge.stop();
      temp?.remove();
    },
  };
}

export { latteOrder } from './order-factory.js';
