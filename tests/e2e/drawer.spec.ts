/**
 * A cash drawer session on the counter, by roles and names: Casey opens Drawer 1 with a float
 * counted by denomination, pays out with a reason, opens it without a sale, and closes it with a
 * blind count that is short past the store's threshold; the expected figure appears only after
 * the count, and Morgan approves the close with his PIN on the same panel.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.js';
import { DEMO_PINS } from './screens.js';

/** axe (WCAG 2.2 AA) finds nothing in the drawer panel as it is now. */
async function expectAccessiblePanel(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page, '[data-testid="drawer-panel"]');
  expect(
    violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${state}`,
  ).toEqual([]);
}

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

test('a drawer session from the float to a blind close whose variance a manager approves', async ({ page }) => {
  await openCounter(page);
  await page.getByRole('button', { name: 'Drawer', exact: true }).click();
  const panel = page.getByTestId('drawer-panel');
  await expect(panel.getByRole('heading', { name: 'Drawer 1' })).toBeVisible();
  await expect(panel).toContainText('Drawer 1 is closed.');

  // The float: five $20 bills tapped up, two $10 bills typed.
  await panel.getByRole('button', { name: 'Open drawer' }).click();
  for (let i = 0; i < 5; i += 1) await panel.getByRole('button', { name: 'One more $20 bills' }).click();
  await panel.getByRole('textbox', { name: '$10 bills, how many' }).fill('2');
  await expect(panel.getByTestId('counted-total')).toHaveText('Counted $120.00');
  await expectAccessiblePanel(page, 'the float');
  await panel.getByRole('button', { name: 'Open with $120.00' }).click();
  await expect(panel.getByRole('status').first()).toHaveText('Drawer 1 is open with a float of $120.00');
  await expect(panel).toContainText('float $120.00');

  // A paid out needs a reason; then it is listed.
  await panel.getByRole('button', { name: 'Paid out' }).click();
  await panel.getByRole('textbox', { name: 'Amount' }).fill('2.50');
  await expect(panel.getByRole('button', { name: 'Paid out $2.50' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Supplies' }).click();
  await panel.getByRole('button', { name: 'Paid out $2.50' }).click();
  await expect(panel.getByRole('list', { name: 'Cash in and out this session' })).toContainText('Supplies');

  await panel.getByRole('button', { name: 'No sale' }).click();
  await panel.getByRole('button', { name: 'Open drawer, no sale' }).click();
  await expect(panel.getByRole('status').first()).toHaveText('No-sale recorded: the drawer opens');

  // The blind count: nothing says what the drawer should hold ($117.50) until the count is in.
  await panel.getByRole('button', { name: 'Close drawer' }).click();
  await expect(panel).not.toContainText('117.50');
  await expectAccessiblePanel(page, 'the blind count');
  await panel.getByRole('textbox', { name: '$100 bills, how many' }).fill('1');
  await panel.getByRole('textbox', { name: '$10 bills, how many' }).fill('1');
  await panel.getByRole('button', { name: 'Count done: $110.00' }).click();
  await panel.getByRole('button', { name: 'Close the drawer' }).click();

  await expect(panel.getByTestId('result-expected')).toHaveText('$117.50');
  await expect(panel.getByTestId('result-counted')).toHaveText('$110.00');
  await expect(panel.getByTestId('result-variance')).toHaveText('$7.50 short');
  await expect(panel).toContainText('a manager approves before the drawer closes');
  await expectAccessiblePanel(page, 'the variance waiting for a manager');

  // Morgan approves on the same panel.
  const approval = panel.getByTestId('manager-approval');
  await approval.getByRole('button', { name: /Morgan/ }).click();
  for (const digit of DEMO_PINS.Morgan) await approval.getByRole('button', { name: digit, exact: true }).click();
  await approval.getByRole('button', { name: 'Approve and close' }).click();
  await expect(panel.getByRole('status').first()).toHaveText('Drawer closed with the manager’s approval');
  await expect(panel).toContainText('approved by Morgan');
  await expect(panel).toContainText('Drawer 1 is closed.');
});
