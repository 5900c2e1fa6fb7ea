/** Steps the kitchen browser tests share: a fresh edge of a test's own, tickets as a cook sees them, axe. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';
import { axeViolations } from './axe.js';

/** The demo store: staff with known PINs, one-click pairing from this machine. */
export const DEMO = { TILLBOX_DEMO: 'true' };

/**
 * A fresh edge per test for tests that need an empty kitchen or a restart; stopped and its data
 * folder removed after each test of the file that calls this.
 */
export function ownEdges(): {
  start: (env?: Record<string, string>, port?: number) => Promise<EdgeProcess>;
  kill: () => Promise<void>;
} {
  let edge: EdgeProcess | undefined;
  let dataDir: string | undefined;
  test.afterEach(async () => {
    await edge?.kill();
    edge = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });
  return {
    start: async (env = {}, port) => {
      dataDir ??= mkdtempSync(join(tmpdir(), 'tillbox-e2e-kitchen-'));
      edge = await startEdgeProcess({ dataDir, ...(port ? { port } : {}), env: { ...DEMO, ...env } });
      return edge;
    },
    kill: async () => {
      await edge?.kill();
      edge = undefined;
    },
  };
}

/** A ticket this screen bumped, kept in its place for a moment, done. */
export function bumpedTicketOf(page: Page, n: number): Locator {
  return page.locator(`[data-testid="bumped-ticket"][data-order-number="${n}"]`);
}

/** The open ticket items of order `n` on a station screen. */
export function itemsOf(page: Page, n: number): Locator {
  return page.locator(`[data-testid="ticket"][data-order-number="${n}"] [data-testid="ticket-item"]`);
}

/** axe with the WCAG 2.0–2.2 A and AA rules: no violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const found = (await axeViolations(page)).map(
    (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`,
  );
  expect(found, found.join('\n')).toEqual([]);
}
