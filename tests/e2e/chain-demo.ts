/**
 * The chain demo as `npm start` runs it, for the specs that need the cloud: `deploy/demo/start.js`
 * on free ports with a fresh data folder — the store box with its embedded broker, the cloud relay
 * on PGlite serving the online ordering page, the demo menu published from the cloud, the demo
 * member Ada. Started once per spec file (in its `beforeAll`), stopped in its `afterAll`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { freePort, REPO } from '../support/edge-process.js';

export interface ChainDemo {
  /** The store box's address. */
  edgeUrl: string;
  /** The cloud relay's address (its API and the online ordering page). */
  cloudUrl: string;
  cloudPort: number;
  /** What the demo has printed so far (stdout and stderr). */
  output(): string;
  /** Stops the demo (SIGTERM, waiting for it to exit) and removes its data folder. */
  stop(): Promise<void>;
}

/** Starts the chain demo and waits until it says it is running; `name` names its data folder. */
export async function startChainDemo(name: string): Promise<ChainDemo> {
  const [edgePort, brokerPort, cloudPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), `tillbox-e2e-${name}-`));
  let output = '';
  const demo: ChildProcess = spawn(process.execPath, [join(REPO, 'deploy', 'demo', 'start.js')], {
    cwd: REPO,
    env: {
      ...process.env,
      TILLBOX_HTTP_HOST: '127.0.0.1',
      TILLBOX_HTTP_PORT: String(edgePort),
      TILLBOX_RELAY_EMBEDDED_BROKER_PORT: String(brokerPort),
      TILLBOX_CLOUD_HTTP_PORT: String(cloudPort),
      TILLBOX_DATA_DIR: dataDir,
      TILLBOX_LOG_LEVEL: 'warn',
      TILLBOX_CLOUD_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  demo.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async (): Promise<void> => {
    if (demo.exitCode === null && demo.signalCode === null) {
      const exited = new Promise((resolve) => demo.once('exit', resolve));
      demo.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  await expect
    .poll(() => (demo.exitCode !== null ? 'exited' : output.includes('the Tillbox demo is running')), {
      timeout: 100_000,
    })
    .toBe(true)
    .catch(async (err: unknown) => {
      await stop();
      throw new Error(`the demo did not start:\n${output}`, { cause: err });
    });
  return {
    edgeUrl: `http://127.0.0.1:${edgePort}`,
    cloudUrl: `http://127.0.0.1:${cloudPort}`,
    cloudPort,
    output: () => output,
    stop,
  };
}
