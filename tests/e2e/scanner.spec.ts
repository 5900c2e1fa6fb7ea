/**
 * The demo's virtual HID POS scanner, end to end: Casey has the counter open; Morgan scans codes
 * with the store box's virtual scanner on /admin/devices; the box reads its reports with the
 * scanner driver and sends each code over the stream to the counter, which acts on it as on a
 * keyboard-wedge scan: the cookie bag's EAN-13 adds a cookie, a code with a wrong check digit says
 * so and adds nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PINS, pairScreen } from './screens.js';

async function openCounter(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await page.getByRole('link', { name: /Counter/ }).click();
  await expect(page).toHaveURL(/\/counter$/);
  await page.getByRole('button', { name: /Casey/ }).click();
  for (const digit of DEMO_PINS.Casey) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Casey');
}

test('a code scanned with the store box’s scanner adds its item on the counter; a bad one changes nothing', async ({
  page,
  browser,
}) => {
  await openCounter(page);
  const lines = page.getByTestId('ticket-line');
  await expect(page.getByRole('tab', { name: 'Bakery' })).toBeVisible();
  await expect(lines).toHaveCount(0);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.setViewportSize({ width: 1440, height: 1000 });
  await pairScreen(admin, 'admin');
  await admin.goto('/admin/devices');
  await admin.getByRole('button', { name: /Morgan/ }).click();
  for (const digit of DEMO_PINS.Morgan) await admin.getByRole('button', { name: digit, exact: true }).click();
  await admin.getByRole('button', { name: 'Sign in', exact: true }).click();

  const scanner = admin.locator('[data-device-id="scanner"]');
  await expect(scanner.getByTestId('device-state')).toHaveText('Ready');
  await expect(scanner.getByTestId('scanner-screen')).toHaveText('Its codes go to every counter screen.');
  const code = scanner.getByTestId('virtual-scan-code');
  await code.fill('2000000000015');
  await scanner.getByRole('button', { name: 'Scan', exact: true }).click();

  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('1 × Chocolate Chip Cookie');
  await expect(page.getByTestId('counter-message')).toHaveText('Added Chocolate Chip Cookie.');
  await expect(scanner.getByTestId('scanner-last-scan')).toContainText('2000000000015: a barcode');

  await code.fill('2000000000016');
  await scanner.getByRole('button', { name: 'Scan', exact: true }).click();
  await expect(page.getByTestId('counter-message')).toHaveText(
    'Not a barcode this till reads: barcode "2000000000016" has check digit 6, expected 5 for ean-13. Nothing was added.',
  );
  await expect(lines).toHaveCount(1);
  await expect(lines.first().getByTestId('line-quantity')).toHaveText('1');
  await adminContext.close();
});
