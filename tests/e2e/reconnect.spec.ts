/**
 * The screens show when the edge is lost and when it is back, and a KDS that lived through an
 * edge crash has every ticket exactly once afterwards, without a reload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { OrderView } from '@tillbox/core';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { freePort, startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';
import { pairScreen, placeOrder } from './screens.js';

let dataDir: string;
let edge: EdgeProcess | undefined;
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tillbox-e2e-reconnect-'));
});
test.afterEach(async () => {
  await edge?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

function place(url: string): Promise<OrderView> {
  return placeOrder(url, latteOrder());
}

/** The demo store (one-click pairing, demo staff) with a fast heartbeat. */
const ENV = { TILLBOX_DEMO: 'true', TILLBOX_STREAM_HEARTBEAT_MS: '1000' };

test('the KDS shows the lost connection, comes back by itself and misses no ticket', async ({ page }) => {
  const port = await freePort();
  edge = await startEdgeProcess({ dataDir, port, env: ENV });
  const first = await place(edge.url);
  await pairScreen(page, 'kds', edge.url);
  await page.goto(`${edge.url}/kds/kitchen`);
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toHaveAttribute('data-state', 'live');
  await expect(page.locator(`[data-testid="ticket"][data-order-number="${first.number}"]`)).toBeVisible();

  await edge.kill(); // the store box crashes
  await expect(banner).toHaveAttribute('data-state', 'lost');
  await expect(banner).toContainText('Connection lost');

  edge = await startEdgeProcess({ dataDir, port, env: ENV });
  const missed = [await place(edge.url), await place(edge.url), await place(edge.url)];
  await expect(banner).toContainText(/Back online|Live/, { timeout: 5000 });

  const tickets = page.getByTestId('ticket');
  await expect(tickets).toHaveCount(4);
  for (const o of [first, ...missed]) {
    await expect(page.locator(`[data-testid="ticket"][data-order-number="${o.number}"]`)).toHaveCount(1);
  }
  // And live events keep flowing after the reconnect.
  const after = await place(edge.url);
  await expect(page.locator(`[data-testid="ticket"][data-order-number="${after.number}"]`)).toHaveCount(1);
  await expect(tickets).toHaveCount(5);
});
