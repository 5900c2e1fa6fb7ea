/**
 * Bench only: the built edge started like edge/server/dist/main.js (settings from env), but
 * seeded with the menu and rules in the JSON file `BENCH_SEED_FILE` ({catalog, rules}) instead of
 * the demo's. The edge validates the seed before it stores anything. `startMenuEdge` runs this.
 */
import { readFileSync } from 'node:fs';
import { createLogger, Edge, loadSettings, type EdgeContext } from '@tillbox/edge';

type Seed = NonNullable<EdgeContext['seed']>;

function readSeed(path: string | undefined): Seed {
  if (!path) throw new Error('BENCH_SEED_FILE is not set');
  const seed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof seed !== 'object' || seed === null || !('catalog' in seed) || !('rules' in seed))
    throw new Error(`${path} is not {catalog, rules}`);
  // The edge parses both with the core's schemas when it compiles its pricing engine.
  return seed as Seed;
}

const settings = loadSettings();
const log = createLogger(settings.log.level);
const edge = new Edge({ settings, log, seed: readSeed(process.env.BENCH_SEED_FILE) });

process.once('SIGTERM', () => {
  edge.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      log.error({ err }, 'the menu edge did not stop cleanly');
      process.exit(1);
    },
  );
});

await edge.start();
