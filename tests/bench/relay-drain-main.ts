/**
 * The relay bench's drain alone (no PostgreSQL, no ingest): `npx tsx tests/bench/relay-drain-main.ts`
 * after `npm run build`. `BENCH_RELAY_EVENTS` and `BENCH_RELAY_RUNS` as for `BENCH_ONLY=relay`;
 * `BENCH_RELAY_PROFILE=<dir>` has the edge write a CPU profile per run there.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../support/edge-process.js';
import { makeCerts } from '../integration/support/certs.js';
import { Mosquitto } from '../integration/support/mosquitto.js';
import { benchDrain } from './relay-drain.js';

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function main(): Promise<void> {
  execFileSync('bash', [join(REPO, 'tests/setup/ensure-mosquitto.sh')], { stdio: 'inherit' });
  const root = mkdtempSync(join(tmpdir(), 'tillbox-bench-drain-'));
  chmodSync(root, 0o755);
  const certs = makeCerts(join(root, 'certs'), ['demo-store']);
  mkdirSync(join(root, 'broker'));
  const broker = await Mosquitto.start(join(root, 'broker'), certs);
  try {
    console.log(`## Relay: draining a backlog to Mosquitto (${REPO}; load average at start ${load()})\n`);
    const lines = await benchDrain({
      root,
      broker,
      certs,
      events: Number(process.env.BENCH_RELAY_EVENTS ?? 10_000),
      runs: Number(process.env.BENCH_RELAY_RUNS ?? 5),
    });
    for (const line of lines) console.log(line);
    console.log(`\nLoad average at the end: ${load()}`);
  } finally {
    await broker.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
