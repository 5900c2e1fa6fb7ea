/**
 * Test factories for card payments on the real protocol: a virtual terminal on its own (as if on
 * the store's network: it outlives an edge that crashes), and an edge whose hardware profile —
 * the demo's, with the terminal at `tcp:127.0.0.1:PORT` — drives it over HTTPS with the shared
 * key, trusting exactly the terminal's self-signed certificate. Logs are kept as JSON lines.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { VirtualTerminalControl, VirtualTerminalState } from '@tillbox/core';
import pino from 'pino';
import { Edge } from '../app.js';
import { loadSettings } from '../config/settings.js';
import { DEMO_PROFILE } from '../devices/profile-file.js';
import type { NexoKey } from '../payments/terminal/nexo-crypto.js';
import { VirtualTerminal } from '../payments/terminal/virtual-terminal.js';
import { tempDir } from './test-edge.js';

export interface NetworkTerminal {
  virtual: VirtualTerminal;
  key: NexoKey;
  poiId: string;
  /** Settings that point an edge at it (profile, key, certificate). */
  overrides: Record<string, unknown>;
  dir: string;
  stop(): Promise<void>;
}

/** A virtual terminal on 127.0.0.1 with a fresh key, and the profile and settings to reach it. */
export async function startNetworkTerminal(options: { cardWaitMs?: number } = {}): Promise<NetworkTerminal> {
  const dir = tempDir('tillbox-terminal-');
  const key: NexoKey = {
    keyIdentifier: 'tillbox-test',
    passphrase: randomBytes(18).toString('base64url'),
    keyVersion: 1,
  };
  const poiId = 'V400m-324688179';
  const virtual = new VirtualTerminal({ poiId, key, cardWaitMs: options.cardWaitMs ?? 20 });
  await virtual.start();
  const port = new URL(virtual.url).port;
  const caFile = join(dir.dir, 'terminal-ca.pem');
  writeFileSync(caFile, virtual.certificate);
  const profile = JSON.parse(readFileSync(DEMO_PROFILE, 'utf8')) as { devices: { role: string; connection: string }[] };
  for (const d of profile.devices) if (d.role === 'payment-terminal') d.connection = `tcp:127.0.0.1:${port}`;
  const profileFile = join(dir.dir, 'hardware.json');
  writeFileSync(profileFile, JSON.stringify(profile));
  return {
    virtual,
    key,
    poiId,
    dir: dir.dir,
    overrides: {
      'devices.profile': profileFile,
      'payments.terminal.poiId': poiId,
      'payments.terminal.keyIdentifier': key.keyIdentifier,
      'payments.terminal.keyPassphrase': key.passphrase,
      'payments.terminal.keyVersion': key.keyVersion,
      'payments.terminal.caFile': caFile,
      'payments.terminal.saleTimeoutMs': 5000,
      'payments.terminal.requestTimeoutMs': 2000,
    },
    stop: async () => {
      await virtual.stop();
      dir.remove();
    },
  };
}

export interface TerminalEdge {
  edge: Edge;
  dataDir: string;
  /** Every log line the edge wrote (JSON). */
  logs: string[];
  stop(): Promise<void>;
}

/** An edge (no test pinpad: the profile's terminal) on `dataDir`, logging at debug into `logs`. */
export async function startTerminalEdge(
  terminal: NetworkTerminal,
  options: { dataDir?: string; overrides?: Record<string, unknown>; logs?: string[] } = {},
): Promise<TerminalEdge> {
  const temp = options.dataDir ? undefined : tempDir();
  const dataDir = options.dataDir ?? temp?.dir ?? '';
  const logs = options.logs ?? [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const settings = loadSettings({
    env: {},
    overrides: {
      'http.host': '127.0.0.1',
      'http.port': 0,
      'data.dir': dataDir,
      'kitchen.counterFires': 'on-payment',
      ...terminal.overrides,
      ...options.overrides,
    },
  });
  const edge = new Edge({ settings, log: pino({ level: 'debug', base: { app: 'tillbox-edge' } }, sink) });
  await edge.start();
  return {
    edge,
    dataDir,
    logs,
    stop: async () => {
      await edge.stop();
      temp?.remove();
    },
  };
}

/** The virtual terminal's control endpoint, over HTTPS as the admin screen's edge route and a tester use it. */
export function controlTerminal(
  virtual: VirtualTerminal,
  change?: VirtualTerminalControl,
): Promise<VirtualTerminalState> {
  const url = virtual.url.replace(/\/nexo$/, '/control');
  const body = change === undefined ? undefined : JSON.stringify(change);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: change === undefined ? 'GET' : 'PUT',
        ca: virtual.certificate,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(JSON.parse(text) as VirtualTerminalState) : reject(new Error(text)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
