/**
 * `BENCH_ONLY=relay npm run bench`: the MQTT relay's speed on the chain's deployed broker
 * configuration (deploy/cloud/mosquitto: TLS, a certificate per store, the ACL) with Debian's
 * Mosquitto and PostgreSQL (installed by tests/setup/ensure-*.sh when missing, started on free
 * loopback ports): draining a backlog against a bare publisher, cloud ingest with one and two
 * relay instances, and an online order's way to the store's KDS.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../support/edge-process.js';
import { makeCerts } from '../integration/support/certs.js';
import { Mosquitto } from '../integration/support/mosquitto.js';
import { PostgresServer } from '../integration/support/postgres.js';
import { benchDrain } from './relay-drain.js';
import { benchIngest, INGEST_STORES } from './relay-ingest.js';
import { benchOnlineToKds } from './relay-online.js';

const numberFrom = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

export async function benchRelay(print: (line: string) => void): Promise<void> {
  for (const script of ['ensure-mosquitto.sh', 'ensure-postgres.sh'])
    execFileSync('bash', [join(REPO, 'tests/setup', script)], { stdio: 'inherit' });
  const root = mkdtempSync(join(tmpdir(), 'tillbox-bench-relay-'));
  chmodSync(root, 0o755);
  const certs = makeCerts(join(root, 'certs'), ['demo-store', ...INGEST_STORES]);
  mkdirSync(join(root, 'broker'));
  const broker = await Mosquitto.start(join(root, 'broker'), certs);
  mkdirSync(join(root, 'pg'));
  const postgres = await PostgresServer.start(join(root, 'pg'), { durable: true });
  try {
    print(`## Relay: draining a backlog to Mosquitto (load average at start ${load()})\n`);
    const drain = await benchDrain({
      root,
      broker,
      certs,
      events: numberFrom('BENCH_RELAY_EVENTS', 10_000),
      runs: numberFrom('BENCH_RELAY_RUNS', 5),
    });
    for (const line of drain) print(line);
    print(`\n## Relay: cloud ingest, one and two instances (load average at start ${load()})\n`);
    const ingest = await benchIngest({
      broker,
      certs,
      postgres,
      events: numberFrom('BENCH_INGEST_EVENTS', 20_000),
      runs: numberFrom('BENCH_INGEST_RUNS', 2),
    });
    for (const line of ingest) print(line);
    print(`\n## Relay: an online order → the ticket on the store's KDS (load average at start ${load()})\n`);
    const online = await benchOnlineToKds({
      root,
      broker,
      certs,
      postgres,
      orders: numberFrom('BENCH_ONLINE_ORDERS', 200),
    });
    for (const line of online) print(line);
    print(`\nLoad average at the end: ${load()}`);
  } finally {
    await postgres.stop();
    await broker.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
