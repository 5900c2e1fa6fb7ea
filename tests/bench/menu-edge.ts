/**
 * A bench edge with a big menu: the demo store's catalog grown to N items by copying its items
 * (numbered names, no barcodes), seeded into a built edge in its own process. Bench only: the
 * production start (edge/server/dist/main.js) takes no seed; `menu-edge-main.ts` gives the built
 * edge one through `EdgeContext.seed`, as the tests do with `startTestEdge({ seed })`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO } from '../support/edge-process.js';
import { edgeHeaders } from './auth.js';

/** The parts of a catalog document the copying touches; everything else is carried as it is. */
interface CatalogDocument {
  categories: { id: string }[];
  items: CatalogItem[];
  [key: string]: unknown;
}
interface CatalogItem {
  id: string;
  categoryId: string;
  name: Record<string, string>;
  sku?: string;
  barcodes?: string[];
  variants?: { barcodes?: string[] }[];
  combo?: unknown;
  [key: string]: unknown;
}

export interface MenuSeed {
  catalog: CatalogDocument;
  rules: unknown;
}

/** The catalog and rules of a running demo edge, as a kiosk reads them. */
export async function demoSeed(baseUrl: string): Promise<MenuSeed> {
  const headers = await edgeHeaders(baseUrl, 'kiosk');
  const read = async (path: string): Promise<unknown> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, { headers });
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return res.json();
  };
  const [catalog, rules] = await Promise.all([read('/catalog'), read('/pricing/rules')]);
  return { catalog: catalog as CatalogDocument, rules };
}

/**
 * The catalog with `total` items: the originals, then copies of the items that are not combos
 * (names numbered in every language, barcodes dropped as they must be unique), round the
 * categories so each holds about as many. The edge validates the result when it seeds it.
 */
export function growCatalog(catalog: CatalogDocument, total: number): CatalogDocument {
  const sources = catalog.items.filter((i) => i.combo === undefined);
  const items = [...catalog.items];
  const categories = catalog.categories.map((c) => c.id);
  for (let n = 1; items.length < total && sources.length > 0; n++) {
    for (const source of sources) {
      if (items.length >= total) break;
      const copy = items.length - catalog.items.length;
      items.push({
        ...source,
        id: `${source.id}-copy-${n}`,
        categoryId: categories[copy % categories.length] ?? source.categoryId,
        name: Object.fromEntries(Object.entries(source.name).map(([lang, text]) => [lang, `${text} ${n + 1}`])),
        ...(source.sku === undefined ? {} : { sku: `${source.sku}-${n}` }),
        barcodes: [],
        ...(source.variants ? { variants: source.variants.map((v) => ({ ...v, barcodes: [] })) } : {}),
      });
    }
  }
  return { ...catalog, items };
}

export interface MenuEdge {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** The built edge (demo store) seeded with `seed`, on a fresh data folder, in its own process. */
export async function startMenuEdge(seed: MenuSeed): Promise<MenuEdge> {
  const dir = mkdtempSync(join(tmpdir(), 'tillbox-bench-menu-'));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests', 'bench', 'menu-edge-main.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      TILLBOX_DATA_DIR: join(dir, 'data'),
      TILLBOX_HTTP_PORT: String(port),
      TILLBOX_HTTP_HOST: '127.0.0.1',
      TILLBOX_LOG_LEVEL: 'warn',
      TILLBOX_DEMO: 'true',
      BENCH_SEED_FILE: seedFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the menu edge exited with ${child.exitCode} while starting:\n${out}`);
    }
    const up = await fetch(`${url}/api/v1/pairing/mode`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the menu edge did not answer within 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, output: () => out, stop };
}
