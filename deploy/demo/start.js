// @ts-check
/**
 * `npm start` (after `npm run build`): the whole chain on one machine.
 *
 * 1. The store box (`edge/server/dist/main.js`, the demo store) with its embedded MQTT broker
 *    (aedes, 3.1.1, on 127.0.0.1), which opens the cloud relay's persistent session at start, so
 *    every event the edge publishes waits for the relay even before it first connects.
 * 2. The cloud relay (`cloud-relay/dist/main.js`): PGlite in the data folder's `cloud/`, MQTT 3.1.1
 *    to that broker with the session's client id, the guest's online ordering page (`/order`)
 *    served beside its API.
 * 3. The demo store's menu, promotions, tax and loyalty published from the cloud (when the store
 *    does not run them yet), so the store takes online orders.
 *
 * Then it prints the addresses. Ctrl-C or SIGTERM stops the cloud relay, then the store box (and
 * with it the broker); if either stops by itself, the other is stopped too.
 *
 * Environment: `TILLBOX_HTTP_PORT` (8080), `TILLBOX_RELAY_EMBEDDED_BROKER_PORT` (1883),
 * `TILLBOX_CLOUD_HTTP_PORT` (8090), `TILLBOX_DATA_DIR` (./data), `TILLBOX_STORE_ID` (demo-store), and any other `TILLBOX_*` /
 * `TILLBOX_CLOUD_*` setting, passed through to the processes.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Built by `npm start` before this runs, as the mains are.
import { EDGE_NODE_FLAGS } from '../../edge/server/dist/node-flags.js';
import { publishDemoConfig } from './demo-config.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = process.env;

/** @param {string} name @param {number} fallback */
function port(name, fallback) {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name}: expected a port from 1 to 65535, got "${env[name]}"`);
    process.exit(78); // EX_CONFIG
  }
  return value;
}

const edgePort = port('TILLBOX_HTTP_PORT', 8080);
const brokerPort = port('TILLBOX_RELAY_EMBEDDED_BROKER_PORT', 1883);
const cloudPort = port('TILLBOX_CLOUD_HTTP_PORT', 8090);
const dataDir = env.TILLBOX_DATA_DIR ?? './data';
const cloudInstance = env.TILLBOX_CLOUD_INSTANCE_ID ?? 'demo';
const storeId = env.TILLBOX_STORE_ID ?? 'demo-store';
const edgeUrl = `http://127.0.0.1:${edgePort}`;
const cloudUrl = `http://127.0.0.1:${cloudPort}`;

/** @param {string} line */
const say = (line) => console.log(`[tillbox] ${line}`);

/** @typedef {{ name: string, child: import('node:child_process').ChildProcess, exited: Promise<number | null> }} Proc */

/**
 * @param {string} name @param {string} main @param {readonly string[]} flags Node's
 * @param {Record<string, string>} extra @returns {Proc}
 */
function run(name, main, flags, extra) {
  const child = spawn(process.execPath, [...flags, join(REPO, main)], {
    cwd: REPO,
    env: { ...env, ...extra },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done(signal ? null : code)));
  return { name, child, exited };
}

/**
 * Polls `url` until `ready(json)` holds; throws after `ms` or when `proc` exits.
 * @param {string} what
 * @param {string} url
 * @param {(json: any) => boolean} ready (any: the launcher reads the few fields it checks)
 * @param {Proc} proc
 * @param {{ ms?: number, headers?: Record<string, string> }} [options]
 */
async function waitFor(what, url, ready, proc, { ms = 30_000, headers = {} } = {}) {
  const until = Date.now() + ms;
  for (;;) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null)
      throw new Error(`the ${proc.name} stopped while starting (exit ${proc.child.exitCode ?? proc.child.signalCode})`);
    try {
      const res = await fetch(url, { headers });
      if (res.ok && ready(await res.json())) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** @type {Proc[]} */
const running = [];
let stopping = false;

/** Stops the cloud relay, then the store box (which holds the broker); each gets 12 s before SIGKILL. */
async function stopAll(/** @type {number} */ code) {
  if (stopping) return;
  stopping = true;
  for (const proc of [...running].reverse()) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) continue;
    proc.child.kill('SIGTERM');
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), 12_000);
    await proc.exited;
    clearTimeout(timer);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/** Either process stopping on its own stops the demo. */
function watch(/** @type {Proc} */ proc) {
  void proc.exited.then((code) => {
    if (stopping) return;
    say(`the ${proc.name} stopped (exit ${code ?? 'by a signal'}); stopping the demo`);
    void stopAll(code === 0 ? 1 : (code ?? 1));
  });
}

async function main() {
  const edge = run('store box', 'edge/server/dist/main.js', EDGE_NODE_FLAGS, {
    TILLBOX_DEMO: env.TILLBOX_DEMO ?? 'true',
    TILLBOX_HTTP_PORT: String(edgePort),
    TILLBOX_DATA_DIR: dataDir,
    TILLBOX_RELAY_EMBEDDED_BROKER: 'true',
    TILLBOX_RELAY_EMBEDDED_BROKER_PORT: String(brokerPort),
    TILLBOX_RELAY_EMBEDDED_BROKER_CLOUD_CLIENT_ID: `tillbox-cloud-relay-${cloudInstance}`,
  });
  running.push(edge);
  watch(edge);
  // Public, so it answers before anything is paired.
  await waitFor('the store box answering', `${edgeUrl}/api/v1/pairing/mode`, () => true, edge);

  const cloud = run('cloud relay', 'cloud-relay/dist/main.js', [], {
    TILLBOX_CLOUD_INSTANCE_ID: cloudInstance,
    TILLBOX_CLOUD_MQTT_URL: env.TILLBOX_CLOUD_MQTT_URL ?? `mqtt://127.0.0.1:${brokerPort}`,
    // The embedded broker speaks MQTT 3.1.1: no shared subscriptions, one instance.
    TILLBOX_CLOUD_MQTT_PROTOCOL_VERSION: '4',
    TILLBOX_CLOUD_HTTP_PORT: String(cloudPort),
    TILLBOX_CLOUD_HTTP_WEB_DIR: env.TILLBOX_CLOUD_HTTP_WEB_DIR ?? join(REPO, 'web', 'build'),
    TILLBOX_CLOUD_DATABASE_PGLITE_DIR: env.TILLBOX_CLOUD_DATABASE_PGLITE_DIR ?? join(dataDir, 'cloud'),
    TILLBOX_CLOUD_LOYALTY_DEMO_MEMBERS: env.TILLBOX_CLOUD_LOYALTY_DEMO_MEMBERS ?? 'true',
  });
  running.push(cloud);
  watch(cloud);
  await waitFor(
    'the cloud relay connecting to the broker',
    `${cloudUrl}/api/v1/health`,
    (h) => h.broker === 'connected',
    cloud,
  );
  const token = env.TILLBOX_CLOUD_ADMIN_TOKEN ?? '';
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  try {
    const online = (/** @type {{ stores: { id: string, status: string }[] }} */ body) =>
      body.stores.some((x) => x.id === storeId && x.status === 'online');
    await waitFor(`store "${storeId}" reporting to the cloud`, `${cloudUrl}/api/v1/admin/stores`, online, cloud, {
      ms: 20_000,
      headers,
    });
    await publishDemoConfig({ repo: REPO, cloudUrl, storeId, token, log: say });
  } catch (err) {
    say(
      `online ordering is not ready: ${err instanceof Error ? err.message : String(err)} — is port ${brokerPort} free for the embedded broker? (TILLBOX_RELAY_EMBEDDED_BROKER_PORT)`,
    );
  }
  const lan = `http://localhost:${edgePort}`;
  say('the Tillbox demo is running:');
  for (const line of [
    `store box (screens)   ${lan}   kiosk ${lan}/kiosk · counter ${lan}/counter · customer display ${lan}/display · KDS ${lan}/kds/kitchen · pickup ${lan}/pickup · admin ${lan}/admin`,
    `online ordering page  http://localhost:${cloudPort}/order/${storeId}`,
    `cloud API             http://localhost:${cloudPort}/api/v1 (OpenAPI: /api/v1/openapi.json; stores and their log: /api/v1/admin/stores)`,
    `MQTT broker           mqtt://127.0.0.1:${brokerPort} (embedded in the store box, MQTT 3.1.1)`,
    'rewards card          TBXM1-demo-ada-0000000001 (Ada, phone 555 010 0199): scan or type it at the kiosk, counter or online',
    `data                  ${resolve(dataDir)} (the store's SQLite; the cloud's PGlite in cloud/)`,
    'Ctrl-C stops both.',
  ])
    say(`  ${line}`);
}

main().catch((err) => {
  say(err instanceof Error ? err.message : String(err));
  void stopAll(1);
});
