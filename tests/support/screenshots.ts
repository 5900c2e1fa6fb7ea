/**
 * `npm run screenshots`: start the built demo store, place a few orders, and capture the kiosk,
 * KDS and pickup board for the README (docs/screenshots/). Needs `npm run build` first.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { demoHeaders } from './credentials.js';
import { REPO, startEdgeProcess } from './edge-process.js';

const OUT = join(REPO, 'docs', 'screenshots');
const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-shots-'));
const edge = await startEdgeProcess({ dataDir });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  mkdirSync(OUT, { recursive: true });
  const orders = [
    latteOrder({ guestName: 'Ana' }),
    latteOrder({
      lines: [
        {
          itemId: 'cold-brew',
          variantId: 'large',
          modifiers: [{ groupId: 'syrup', optionId: 'vanilla' }],
          quantity: 1,
        },
        {
          itemId: 'egg-sandwich',
          modifiers: [{ groupId: 'bread', optionId: 'croissant' }],
          quantity: 1,
          note: 'no bacon',
        },
      ],
    }),
    latteOrder({
      orderType: 'dine-in',
      lines: [
        {
          itemId: 'matcha-latte',
          variantId: 'small',
          modifiers: [
            { groupId: 'milk', optionId: 'oat' },
            { groupId: 'sweetness', optionId: 'none' },
          ],
          quantity: 2,
        },
      ],
    }),
  ];
  const counter = await demoHeaders(edge.url, 'counter', 'cashier');
  for (const o of orders) {
    await fetch(`${edge.url}/api/v1/orders`, {
      method: 'POST',
      headers: counter,
      body: JSON.stringify(o),
    });
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // One browser plays every screen: pair it as each (demo store, one click from localhost).
  for (const role of ['kiosk', 'kds', 'pickup', 'admin'])
    await page.request.post(`${edge.url}/api/v1/pairing/demo`, { data: { role } });
  await page.goto(`${edge.url}/kiosk`);
  await page.getByRole('button', { name: /Caffè Latte/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('radio', { name: /Oat milk/ })
    .check();
  await page.getByRole('dialog').getByRole('button', { name: 'Add to order' }).click();
  await page.getByRole('button', { name: 'Bakery' }).click();
  await page
    .getByRole('main', { name: 'Menu' })
    .getByRole('button', { name: /Butter Croissant/ })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Add to order' }).click();
  await page.getByRole('button', { name: 'Espresso Bar' }).click();
  await page.screenshot({ path: join(OUT, 'kiosk.png') });
  await page.goto(`${edge.url}/kds/bar`);
  await page.getByTestId('ticket').first().waitFor();
  await page.screenshot({ path: join(OUT, 'kds.png') });
  await page.goto(`${edge.url}/kds/expo`);
  await page.getByTestId('expo-order').first().waitFor();
  await page.screenshot({ path: join(OUT, 'expo.png') });
  await page.goto(`${edge.url}/pickup`);
  await page.getByTestId('pickup-preparing').waitFor();
  await page.screenshot({ path: join(OUT, 'pickup.png') });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await edge.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
