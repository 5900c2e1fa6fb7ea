/**
 * The kiosk's speed budget (issue 9), as `npm run bench` prints it: first-load JavaScript and
 * time to an interactive menu on the demo edge, then a big generated menu on a bench edge of its
 * own, rendered and scrolled at 4× CPU slowdown.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { benchKioskLoad } from './kiosk-load.js';
import { benchMenuFrames } from './menu-frames.js';
import { demoSeed, growCatalog, startMenuEdge } from './menu-edge.js';

export interface KioskBudgetOptions {
  /** Cold loads per CPU setting. */
  runs: number;
  /** Items of the big menu. */
  menuItems: number;
}

/** `demoUrl`: a running demo edge (built). Returns markdown lines. */
export async function benchKioskBudget(demoUrl: string, options: KioskBudgetOptions): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const lines = ['### First load', '', ...(await benchKioskLoad(browser, demoUrl, options.runs)), ''];
    const seed = await demoSeed(demoUrl);
    const menu = await startMenuEdge({ ...seed, catalog: growCatalog(seed.catalog, options.menuItems) });
    try {
      lines.push(
        `### A ${options.menuItems}-item menu`,
        '',
        ...(await benchMenuFrames(browser, menu.url, options.menuItems)),
      );
    } finally {
      await menu.stop();
    }
    return lines;
  } finally {
    await browser.close();
  }
}
