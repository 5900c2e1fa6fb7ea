/**
 * Starts the floor (floor-server.ts) as a child process on a fresh data folder, the way the
 * bench starts the edge (with the same Node flags), and stops it with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDGE_NODE_FLAGS } from '../../edge/server/src/node-flags.js';
import { REPO } from '../support/edge-process.js';
import type { Target } from './order-latency.js';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), 'floor-server.ts');

export interface FloorProcess {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export async function startFloorProcess(): Promise<FloorProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-floor-'));
  const child = spawn(process.execPath, [...EDGE_NODE_FLAGS, '--import', 'tsx', SERVER, dataDir], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the floor did not start within 20 s:\n${out}`)), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /\{"port":(\d+)\}/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the floor exited with ${code} while starting:\n${out}`));
    });
  }).catch((e: unknown) => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The floor asks no credentials. */
export function floorTarget(url: string, pid?: number): Target {
  return { name: 'floor', url, pid, clientHeaders: async () => ({}), orderHeaders: async () => ({}) };
}
