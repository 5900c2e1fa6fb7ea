/**
 * The demo store's printers on /admin/devices, by roles and names: a counter order Casey places
 * and takes cash for prints its station tickets and receipt on the virtual printers; Morgan
 * (manager) signs in on the admin screen, sees every device ready, reads the receipt as the paper
 * shows it, switches the bar printer off, sends it a test slip that waits, and switches it back
 * on: the slip prints once.
 */
import { expect, test } from '@playwright/test';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { api, DEMO_PINS, pairScreen, placeOrder } from './screens.js';

test('a paid order’s receipt on the virtual printer, and a test slip that waits for the printer to come back', async ({
  page,
  baseURL,
}) => {
  const order = await placeOrder(baseURL!, latteOrder());
  await api(baseURL!, `/orders/${order.id}/pay`, { method: 'cash', tendered: 5000 });

  await page.setViewportSize({ width: 1440, height: 1000 });
  await pairScreen(page, 'admin');
  await page.goto('/admin/devices');
  await page.getByRole('button', { name: /Morgan/ }).click();
  for (const digit of DEMO_PINS.Morgan) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Printers and devices' })).toBeVisible();
  await expect(page.getByTestId('hardware-profile')).toContainText('Demo store: virtual twins of every device');
  const receipt = page.locator('[data-device-id="receipt"]');
  await expect(receipt.getByTestId('device-state')).toHaveText('Ready');
  await expect(page.locator('[data-device-id="bar-printer"]').getByTestId('device-state')).toHaveText('Ready');

  // The receipt as the paper shows it: the order number, the cash and the change.
  await receipt.getByRole('button', { name: 'Show what it printed' }).click();
  const paper = receipt.getByTestId('printout').filter({ hasText: `#${order.number}` });
  await expect(paper).toBeVisible();
  await expect(paper).toContainText('Cash');
  await expect(paper).toContainText('Change');
  await expect(paper).toContainText('QR code');
  // The e-receipt's QR code, drawn where it printed: the link with its token.
  await expect(
    paper.getByRole('img', { name: new RegExp(`QR code: http://.*/receipt/${order.id}\\?t=`) }),
  ).toBeVisible();
  // The cash sale also kicked the drawer open through the receipt printer (other specs' cash
  // sales on the suite's shared edge kicked it too, so there may be more than one).
  await expect(receipt.getByTestId('printout').filter({ hasText: 'drawer kick' }).first()).toBeVisible();
  await expect(page.getByTestId('print-jobs')).toContainText(`#${order.number}`);

  // The bar printer switched off: a test slip waits, and prints once it is back.
  const bar = page.locator('[data-device-id="bar-printer"]');
  await bar.getByRole('button', { name: 'Off', exact: true }).click();
  await bar.getByRole('button', { name: 'Test print' }).click();
  await expect(bar.getByTestId('device-state')).toHaveText('Offline');
  await expect(bar.getByTestId('device-queue')).toContainText('1 waiting');
  await expect(bar.getByTestId('device-error')).toContainText('Cannot reach the printer');
  await bar.getByRole('button', { name: 'Ready', exact: true }).click();
  await expect(bar.getByTestId('device-queue')).toHaveText('Nothing waiting');
  await bar.getByRole('button', { name: /Show what it printed|Refresh printout/ }).click();
  await expect(bar.getByTestId('printout').first()).toContainText('TEST PRINT');
  await expect(bar.getByTestId('device-state')).toHaveText('Ready');
});
