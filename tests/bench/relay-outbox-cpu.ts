/**
 * The edge's outbox draining a backlog inside this process, for CPU time (`process.cpuUsage`):
 * steadier than the drain bench's rates on a shared machine, and a profiler sees only the outbox.
 *
 *   npx tsx tests/bench/relay-outbox-cpu.ts <backlog data folder> [mqtt|fake] [rounds]
 *
 * The backlog folder is a stopped edge's data folder (copied, never changed). `mqtt`: the relay's
 * own connection to Mosquitto (the deployed TLS configuration, no subscriber); `fake`: a publisher
 * that acknowledges each message on the next turn (the outbox's own work: reading the log and
 * building the payloads). Round 1 runs on cold code, as a restarted edge's drain does.
 * `RELAY_WINDOW` sets the window (500).
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../edge/server/src/db/database.js';
import { EventLog } from '../../edge/server/src/events/event-log.js';
import { MemoryCursor } from '../../edge/server/src/events/cursor-repository.js';
import { EventOutbox, type OutboxPublisher } from '../../edge/server/src/relay/event-outbox.js';
import { RelayConnection } from '../../edge/server/src/relay/relay-connection.js';
import { loadSettings } from '../../edge/server/src/config/settings.js';
import { makeCerts } from '../integration/support/certs.js';
import { Mosquitto } from '../integration/support/mosquitto.js';

const [backlog, mode = 'mqtt', roundsArg = '5'] = process.argv.slice(2);
if (!backlog || (mode !== 'mqtt' && mode !== 'fake')) {
  console.error('usage: relay-outbox-cpu.ts <backlog data folder> [mqtt|fake] [rounds]');
  process.exit(2);
}
const STORE = 'demo-store';
const window = Number(process.env.RELAY_WINDOW ?? 500);

/** Acknowledges every message on the next turn of the event loop. */
class NextTurnPublisher implements OutboxPublisher {
  #waiting: ((err?: Error) => void)[] = [];
  publish(): Promise<void> {
    return Promise.resolve();
  }
  send(_name: string, _payload: string | Buffer, done: (err?: Error) => void): void {
    if (this.#waiting.length === 0)
      setImmediate(() => {
        for (const ack of this.#waiting.splice(0)) ack();
      });
    this.#waiting.push(done);
  }
}

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function connect(root: string): Promise<{ connection: RelayConnection; broker: Mosquitto }> {
  const certs = makeCerts(join(root, 'certs'), [STORE]);
  mkdirSync(join(root, 'broker'));
  const broker = await Mosquitto.start(join(root, 'broker'), certs);
  const store = certs.store(STORE);
  const { relay } = loadSettings({
    env: {},
    overrides: {
      'relay.url': broker.url,
      'relay.tls.ca': certs.ca,
      'relay.tls.cert': store.cert,
      'relay.tls.key': store.key,
    },
  });
  let connected!: () => void;
  const up = new Promise<void>((resolve) => (connected = resolve));
  const quiet = { info: () => {}, warn: () => {} };
  const connection = new RelayConnection({
    settings: relay,
    storeId: STORE,
    url: broker.url,
    will: () => '{}',
    onMessage: () => {},
    onConnect: () => connected(),
    log: quiet,
  });
  connection.start();
  await up;
  return { connection, broker };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tillbox-outbox-cpu-'));
  chmodSync(root, 0o755);
  cpSync(backlog!, join(root, 'data'), { recursive: true });
  const db = openDatabase(join(root, 'data'));
  const events = new EventLog(db.db);
  events.start();
  const mqtt = mode === 'mqtt' ? await connect(root) : undefined;
  const publisher = mqtt?.connection ?? new NextTurnPublisher();
  try {
    const total = events.lastSeq;
    for (let round = 1; round <= Number(roundsArg); round++) {
      const outbox = new EventOutbox({
        storeId: STORE,
        events,
        cursor: new MemoryCursor('bench', 0),
        publisher,
        channels: () => new Map(),
        log: { warn: (fields, message) => console.warn(message, fields) },
        window,
      });
      const [cpu, wall] = [cpuMs(), performance.now()];
      outbox.start();
      while (outbox.acknowledged < total) await new Promise((resolve) => setTimeout(resolve, 2));
      const used = cpuMs() - cpu;
      console.log(
        `${mode} round ${round}: ${total} events, ${used.toFixed(0)} ms CPU, ${(performance.now() - wall).toFixed(0)} ms`,
      );
      outbox.stop();
    }
  } finally {
    await mqtt?.connection.stop();
    await mqtt?.broker.stop();
    db.sqlite.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
