/**
 * `npm run screenshots`: start the built demo store, place a few orders, and capture the kiosk
 * (portrait and landscape, accessibility mode), KDS, expo and pickup board for the README
 * (docs/screenshots/). Needs `npm run build` first.
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

/**
 * The kiosk as guests meet it on a 1080×1920 portrait screen: the attract screen, the menu with
 * pictures and a cart, an item sheet (allergens as chosen), the cart sheet, accessibility mode;
 * and the landscape layout with the cart as a column.
 */
async function kioskShots(url: string): Promise<void> {
  const portrait = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await portrait.request.post(`${url}/api/v1/pairing/demo`, { data: { role: 'kiosk' } });
  await portrait.goto(`${url}/kiosk`);
  await portrait.getByRole('button', { name: 'Touch to order' }).waitFor();
  await portrait.waitForLoadState('networkidle');
  await portrait.screenshot({ path: join(OUT, 'kiosk-attract.png') });
  await portrait.getByRole('button', { name: 'Touch to order' }).click();
  await portrait.getByRole('button', { name: /Caffè Latte/ }).click();
  const latte = portrait.getByRole('dialog', { name: 'Caffè Latte' });
  await latte.getByRole('radio', { name: /Medium/ }).check();
  await latte.getByRole('radio', { name: /Oat milk/ }).check();
  await portrait.waitForLoadState('networkidle');
  await portrait.screenshot({ path: join(OUT, 'kiosk-item.png') });
  await latte.getByRole('button', { name: 'Add to order' }).click();
  await portrait.getByRole('dialog', { name: 'Add a Butter Croissant?' }).getByRole('button', { name: 'Add' }).click();
  await portrait.getByRole('dialog').waitFor({ state: 'detached' });
  await portrait.waitForLoadState('networkidle');
  await portrait.screenshot({ path: join(OUT, 'kiosk.png') });
  await portrait.getByRole('button', { name: 'Review & pay' }).click();
  await portrait.screenshot({ path: join(OUT, 'kiosk-cart.png') });
  await portrait.getByRole('button', { name: 'Back to menu' }).click();
  await portrait.getByRole('button', { name: 'Accessibility' }).click();
  await portrait.screenshot({ path: join(OUT, 'kiosk-accessibility.png') });
  await portrait.close();

  const landscape = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await landscape.request.post(`${url}/api/v1/pairing/demo`, { data: { role: 'kiosk' } });
  await landscape.goto(`${url}/kiosk`);
  await landscape.getByRole('button', { name: 'Touch to order' }).click();
  await landscape.getByRole('button', { name: /Flat White/ }).click();
  await landscape.getByRole('dialog', { name: 'Flat White' }).getByRole('button', { name: 'Add to order' }).click();
  await landscape
    .getByRole('dialog', { name: 'Add a Butter Croissant?' })
    .getByRole('button', { name: 'No thanks' })
    .click();
  await landscape.getByRole('dialog').waitFor({ state: 'detached' });
  await landscape.waitForLoadState('networkidle');
  await landscape.screenshot({ path: join(OUT, 'kiosk-landscape.png') });
  await landscape.close();
}
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
  await kioskShots(edge.url);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // One browser plays every screen: pair it as each (demo store, one click from localhost).
  for (const role of ['kds', 'pickup', 'admin'])
    await page.request.post(`${edge.url}/api/v1/pairing/demo`, { data: { role } });
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
