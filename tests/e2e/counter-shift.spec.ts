/**
 * The counter across a change of hands, by roles and names: Casey holds a ticket and hands it to
 * Morgan; a cashier has no Reports button; Morgan signs in on the same counter, finds the ticket
 * among his open tickets, recalls it, and opens the end-of-day reports from the counter.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PINS } from './screens.js';

async function signIn(page: Page, who: 'Casey' | 'Morgan'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(who) }).click();
  for (const digit of DEMO_PINS[who]) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(who);
}

test('a ticket handed from Casey to Morgan, who recalls it and opens the reports from the counter', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await page.getByRole('link', { name: /Counter/ }).click();
  await signIn(page, 'Casey');
  await expect(page.getByRole('button', { name: 'Reports' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Bakery' }).click();
  await page.getByRole('button', { name: /^Chocolate Chip Cookie/ }).click();
  await page.getByRole('button', { name: /^Hold/ }).click();
  const message = page.getByTestId('counter-message');
  await expect(message).toHaveText(/^Order \d+ held/);
  const number = Number(((await message.textContent()) ?? '').replace(/\D/g, ''));

  // Hand it over: it leaves Casey's open tickets and shows as Morgan's among everyone's.
  await page.keyboard.press('Shift+F2');
  const tickets = page.getByRole('dialog', { name: 'Open tickets' });
  const row = tickets.getByTestId('open-ticket').filter({ hasText: `#${number} ` });
  await row.getByRole('button', { name: 'Hand over' }).click();
  await tickets
    .getByRole('group', { name: `Hand order ${number} to` })
    .getByRole('button', { name: /Morgan/ })
    .click();
  await expect(tickets.getByRole('status')).toHaveText(/^Order \d+ is now Morgan.*’s\.$/);
  await expect(row).toHaveCount(0);
  await tickets.getByRole('button', { name: 'Everyone’s' }).click();
  await expect(row).toContainText('Morgan');
  await tickets.getByRole('button', { name: 'Close' }).click();

  // Morgan on the same counter: it is his, he recalls it; a manager has the reports here.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Morgan');
  await page.getByRole('button', { name: /^Open tickets/ }).click();
  await expect(row).toContainText('Mine');
  await row.getByRole('button', { name: `Recall #${number}` }).click();
  await expect(page.getByTestId('ticket-title')).toHaveText(`Order ${number}`);

  await page.getByRole('button', { name: 'Reports' }).click();
  const reports = page.getByRole('dialog', { name: 'Reports' });
  await expect(reports.getByRole('heading', { name: 'End of day' })).toBeVisible();
});
