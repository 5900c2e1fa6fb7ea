/**
 * End-to-end tests: the built edge (as `npm start` runs it) on its own port and a fresh data
 * folder, driven through Debian's Chromium. Run with `npm run test:e2e` (or as part of `npm test`).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { EDGE_NODE_FLAGS } from '../edge/server/src/node-flags.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';

const PORT = Number(process.env.TILLBOX_E2E_PORT ?? 8099);
const DATA = join(tmpdir(), `tillbox-e2e-${PORT}`);
rmSync(DATA, { recursive: true, force: true });

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node ${EDGE_NODE_FLAGS.join(' ')} edge/server/dist/main.js`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      TILLBOX_HTTP_HOST: '127.0.0.1',
      TILLBOX_HTTP_PORT: String(PORT),
      TILLBOX_DATA_DIR: DATA,
      TILLBOX_LOG_LEVEL: 'warn',
      // The demo store: staff with known PINs, and one-click pairing from this machine.
      TILLBOX_DEMO: 'true',
    },
  },
});
