/**
 * Who may use the screens, in a real browser against the built edge (demo store): a screen that
 * is not paired shows the pairing panel and nothing else; the admin screen pairs in one click on
 * the box, signs Robin in with his PIN, and makes a pairing code that a fresh KDS types on /pair;
 * an unpaid order is voided from the admin screen with Morgan's PIN in the same-screen dialog,
 * and the audit log shows both of them.
 */
import { expect, test } from '@playwright/test';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { DEMO_PINS, placeOrder, ticketOf } from './screens.js';

test('a KDS paired with a code from the admin screen goes live; a void needs a manager’s PIN and is audited with both people', async ({
  browser,
  baseURL,
}) => {
  // A display nobody has paired: the pairing panel, no tickets, no stream.
  const kdsContext = await browser.newContext();
  const kds = await kdsContext.newPage();
  await kds.goto('/kds/bar');
  await expect(kds.getByRole('heading', { name: 'Pair this screen' })).toBeVisible();
  await expect(kds.getByLabel('Pairing code')).toBeVisible();
  await expect(kds.getByTestId('connection-banner')).toHaveCount(0);

  // The admin screen, on the demo box: one click pairs it; Robin signs in on the PIN pad.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto('/admin');
  await admin.getByRole('button', { name: 'Pair as Admin' }).click();
  await admin.getByRole('button', { name: /Robin/ }).click();
  await admin.keyboard.type('9999');
  await expect(admin.getByTestId('pin-dots')).toHaveAttribute('data-count', '4');
  await admin.keyboard.press('Enter');
  await expect(admin.getByTestId('error-message')).toContainText('Wrong PIN');
  await expect(admin.getByTestId('pin-dots')).toHaveAttribute('data-count', '0');
  for (const digit of DEMO_PINS.Robin) await admin.getByRole('button', { name: digit, exact: true }).click();
  await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(admin.getByTestId('signed-in-as')).toContainText('Robin');

  // Devices: a one-time code for the bar's KDS, large and with a QR of the pairing page.
  await admin.getByRole('tab', { name: 'Devices' }).click();
  await admin.getByLabel('Screen').selectOption('kds');
  await admin.getByLabel('Name').fill('Bar KDS');
  await admin.getByRole('button', { name: 'Make pairing code' }).click();
  await expect(admin.getByRole('img', { name: /QR code/ })).toBeVisible();
  const code = ((await admin.getByTestId('pairing-code').textContent()) ?? '').trim();
  expect(code.length).toBeGreaterThanOrEqual(6);

  // The fresh display types it on /pair, lands on the kitchen screens and opens the bar, live.
  await kds.goto('/pair');
  await kds.getByLabel('Pairing code').fill(code.toLowerCase());
  await kds.getByRole('button', { name: 'Pair this screen' }).click();
  await expect(kds).toHaveURL(/\/kds$/);
  await kds.getByRole('link', { name: /Bar/ }).click();
  await expect(kds.getByTestId('connection-banner')).toHaveAttribute('data-state', 'live');
  // The admin's device list has it now.
  await admin.getByRole('tab', { name: 'Orders' }).click();
  await admin.getByRole('tab', { name: 'Devices' }).click();
  await expect(admin.locator('[data-testid="device-row"][data-device-name="Bar KDS"]')).toBeVisible();

  // An unpaid counter order (placed by Casey through the API) goes to the bar's screen...
  const order = await placeOrder(baseURL!, latteOrder());
  expect(order.payment).toBe('unpaid');
  await expect(ticketOf(kds, order.number)).toBeVisible();

  // ...and is voided from the admin screen: reason, Morgan picked, Morgan's PIN, on the same screen.
  await admin.getByRole('tab', { name: 'Orders' }).click();
  await admin.getByRole('button', { name: `Void order ${order.number}`, exact: true }).click();
  const dialog = admin.getByRole('dialog', { name: `Void order ${order.number}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Casey/ })).toHaveCount(0); // a cashier cannot approve
  await dialog.getByLabel('Reason').fill('Guest walked out');
  await dialog.getByRole('button', { name: /Morgan/ }).click();
  await admin.keyboard.type(DEMO_PINS.Morgan);
  await dialog.getByRole('button', { name: 'Approve and void' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByText(`Order ${order.number} voided, approved by Morgan`)).toBeVisible();
  await expect(admin.locator(`[data-testid="admin-order"][data-order-number="${order.number}"]`)).toHaveAttribute(
    'data-status',
    'voided',
  );
  await expect(ticketOf(kds, order.number)).toHaveCount(0);

  // The audit log: the void, by Robin, approved by Morgan; and the chain holds.
  await admin.getByRole('tab', { name: 'Audit log' }).click();
  const voided = admin.locator('[data-testid="audit-row"][data-action="order.voided"]').first();
  await expect(voided).toContainText('Robin');
  await expect(voided).toContainText('Morgan');
  await admin.getByRole('button', { name: 'Verify chain' }).click();
  await expect(admin.getByTestId('audit-verdict')).toContainText('Chain OK');

  // Signing out brings the sign-in back.
  await admin.getByRole('button', { name: 'Sign out' }).click();
  await expect(admin.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await kdsContext.close();
  await adminContext.close();
});
