/**
 * A chain for one test file: the chain's certificates, Mosquitto with the deployed configuration,
 * a database of its own on the run's PostgreSQL, cloud relay processes sharing the work, and store
 * boxes (the built edge) relaying to it over TLS with their store certificates.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { startEdgeProcess, type EdgeProcess } from '../../support/edge-process.js';
import { makeCerts, type Certs } from './certs.js';
import { startCloudRelay, type CloudRelayProcess } from './cloud-relay-process.js';
import { stopWithThisProcess } from './guard.js';
import { Mosquitto } from './mosquitto.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/** The demo store's id (its pricing rules name it). */
export const DEMO_STORE = 'demo-store';

export interface Chain {
  root: string;
  certs: Certs;
  broker: Mosquitto;
  databaseUrl: string;
  /** A PostgreSQL client on the chain's database, for the tests' own questions. */
  sql: postgres.Sql;
  relays: CloudRelayProcess[];
  startRelay(instanceId: string, env?: Record<string, string>): Promise<CloudRelayProcess>;
  /** The built edge of `storeId` relaying to the broker with its certificate; `dataDir` to restart one. */
  startEdge(options?: { storeId?: string; dataDir?: string; env?: Record<string, string> }): Promise<EdgeProcess>;
  stop(): Promise<void>;
}

export async function startChain(options: {
  /** Names the database: lowercase letters, digits and underscores. */
  name: string;
  stores: readonly string[];
  relays?: number;
  relayEnv?: Record<string, string>;
}): Promise<Chain> {
  const root = mkdtempSync(join(tmpdir(), `tillbox-chain-${options.name}-`));
  // The broker runs as its own user (as root): it must reach its folder and the certificates.
  chmodSync(root, 0o755);
  const certs = makeCerts(join(root, 'certs'), options.stores);
  const brokerDir = join(root, 'broker');
  mkdirSync(brokerDir);
  const broker = await Mosquitto.start(brokerDir, certs);
  const admin = postgres(inject('postgresAdminUrl'), { max: 1, onnotice: () => undefined });
  const database = `chain_${options.name}_${Date.now().toString(36)}`;
  await admin.unsafe(`create database ${database}`);
  await admin.end();
  const databaseUrl = inject('postgresAdminUrl').replace(/\/postgres$/, `/${database}`);
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => undefined });
  const relays: CloudRelayProcess[] = [];
  const edges: EdgeProcess[] = [];
  const chain: Chain = {
    root,
    certs,
    broker,
    databaseUrl,
    sql,
    relays,
    startRelay: async (instanceId, env) => {
      const relay = await startCloudRelay({
        instanceId,
        brokerUrl: broker.url,
        certs,
        databaseUrl,
        env: { ...options.relayEnv, ...env },
      });
      relays.push(relay);
      return relay;
    },
    startEdge: async ({ storeId = DEMO_STORE, dataDir, env } = {}) => {
      const store = certs.store(storeId);
      const edge = await startEdgeProcess({
        dataDir: dataDir ?? mkdtempSync(join(root, `edge-${storeId}-`)),
        env: {
          TILLBOX_STORE_ID: storeId,
          TILLBOX_RELAY_URL: broker.url,
          TILLBOX_RELAY_TLS_CA: certs.ca,
          TILLBOX_RELAY_TLS_CERT: store.cert,
          TILLBOX_RELAY_TLS_KEY: store.key,
          TILLBOX_RELAY_RECONNECT_MS: '200',
          TILLBOX_RELAY_STATE_INTERVAL_MS: '500',
          ...env,
        },
      });
      stopWithThisProcess(edge.child);
      edges.push(edge);
      return edge;
    },
    stop: async () => {
      await Promise.all(edges.map((e) => e.kill()));
      await Promise.all(relays.map((r) => r.stop()));
      await broker.stop();
      await sql.end();
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    for (let i = 1; i <= (options.relays ?? 2); i++) await chain.startRelay(`relay-${i}`);
  } catch (err) {
    await chain.stop();
    throw err;
  }
  return chain;
}
