/**
 * The built edge as a real child process (`node edge/server/dist/main.js`), as `npm start` runs
 * it: for the restart, resume and e2e tests and the benchmark. Build first (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDGE_NODE_FLAGS } from '../../edge/server/src/node-flags.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(REPO, 'edge', 'server', 'dist', 'main.js');

/**
 * A free port for a process that may be restarted on the same port. Chosen below Linux's
 * ephemeral range (32768–60999), where the kernel hands out ports for `listen(0)`: the many
 * servers tests start on port 0 (virtual printers, terminals, brokers) never take a port that a
 * restarting edge is about to listen on again.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export interface EdgeProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies at once, mid-whatever. */
  kill(): Promise<void>;
}

export async function startEdgeProcess(options: {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  /** Node options for the edge's process (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}): Promise<EdgeProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const port = options.port ?? (await freePort());
  let out = '';
  const child = spawn(process.execPath, [...EDGE_NODE_FLAGS, ...(options.nodeArgs ?? []), MAIN], {
    cwd: REPO,
    env: {
      ...process.env,
      TILLBOX_DATA_DIR: options.dataDir,
      TILLBOX_HTTP_PORT: String(port),
      TILLBOX_HTTP_HOST: '127.0.0.1',
      TILLBOX_LOG_LEVEL: 'warn',
      // The demo store: screens and tests pair in one click from localhost.
      TILLBOX_DEMO: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the edge exited with ${child.exitCode} while starting:\n${out}`);
    try {
      // Public, so it answers before anything is paired.
      const res = await fetch(`${url}/api/v1/pairing/mode`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the edge did not answer within 20 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
