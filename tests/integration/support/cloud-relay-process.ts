/**
 * The built cloud relay as a real process (`node cloud-relay/dist/main.js`), as the compose
 * deployment runs it: on the test's Mosquitto with its client certificate, on PostgreSQL. Build
 * first (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, REPO } from '../../support/edge-process.js';
import type { Certs } from './certs.js';
import { exited, stopWithThisProcess, waitFor } from './guard.js';

const MAIN = join(REPO, 'cloud-relay', 'dist', 'main.js');

export interface RelayHealth {
  status: 'ok' | 'degraded';
  instanceId: string;
  broker: 'connected' | 'disconnected';
  ingest: { received: number; inserted: number; batches: number };
}

export interface CloudRelayProcess {
  instanceId: string;
  /** The HTTP API's base URL. */
  url: string;
  child: ChildProcess;
  health(): Promise<RelayHealth>;
  output(): string;
  /** SIGTERM: what is queued is written and acknowledged, then it exits. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

export const ADMIN_TOKEN = 'integration-admin-token';

export async function startCloudRelay(options: {
  instanceId: string;
  brokerUrl: string;
  certs: Certs;
  databaseUrl: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Promise<CloudRelayProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      TILLBOX_CLOUD_INSTANCE_ID: options.instanceId,
      TILLBOX_CLOUD_LOG_LEVEL: 'warn',
      TILLBOX_CLOUD_MQTT_URL: options.brokerUrl,
      TILLBOX_CLOUD_MQTT_CA_FILE: options.certs.ca,
      TILLBOX_CLOUD_MQTT_CERT_FILE: options.certs.relay.cert,
      TILLBOX_CLOUD_MQTT_KEY_FILE: options.certs.relay.key,
      TILLBOX_CLOUD_DATABASE_URL: options.databaseUrl,
      TILLBOX_CLOUD_DATABASE_POOL_SIZE: '4',
      TILLBOX_CLOUD_HTTP_PORT: String(port),
      TILLBOX_CLOUD_ADMIN_TOKEN: ADMIN_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  stopWithThisProcess(child);
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const health = async (): Promise<RelayHealth> => {
    const res = await fetch(`${url}/api/v1/health`);
    return (await res.json()) as RelayHealth;
  };
  await waitFor(`cloud relay ${options.instanceId} connected to the broker`, async () => {
    if (child.exitCode !== null) throw new Error(`the cloud relay exited with ${child.exitCode}:\n${out}`);
    return (await health()).broker === 'connected';
  });
  return {
    instanceId: options.instanceId,
    url,
    child,
    health,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited(child);
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited(child);
    },
  };
}
