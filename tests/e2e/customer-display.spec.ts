/**
 * The counter's customer display, on the demo as `npm start` runs it (`deploy/demo/start.js` on
 * free ports, a fresh data folder, the cloud with the demo's member Ada): a second screen pairs as
 * a customer display and shows a code; the cashier links it from the counter with that code; then
 * the guest sees, across the counter, the item rung up, their greeting and points, the total and
 * the points the order earns; the amount due while paying; and "Thank you" with the order number,
 * the change and the receipt's QR code once paid.
 */
import { expect, test, type Page } from '@playwright/test';
import { startChainDemo, type ChainDemo } from './chain-demo.js';
import { expectNoAxeViolations } from './kiosk-checks.js';
import { DEMO_PINS, pairScreen } from './screens.js';

const ADA_PHONE = '5550100199';
let demo: ChainDemo | undefined;
let edgeUrl = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  demo = await startChainDemo('display');
  ({ edgeUrl } = demo);
});

test.afterAll(async () => {
  await demo?.stop();
});

async function openCounter(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${edgeUrl}/`);
  await page.getByRole('link', { name: /^Counter/ }).click();
  await page.getByRole('button', { name: /Casey/ }).click();
  for (const digit of DEMO_PINS.Casey) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Casey');
}

test('the guest follows the ticket, their points, the payment and the thank-you on the customer display', async ({
  page,
  browser,
}) => {
  await openCounter(page);

  // The screen facing the guest: its own browser, paired as a customer display, shows its code.
  const displayContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const display = await displayContext.newPage();
  await pairScreen(display, 'display', edgeUrl);
  await display.goto(`${edgeUrl}/display`);
  const code = ((await display.getByTestId('display-link-code').textContent()) ?? '').replace(/\D/g, '');
  expect(code).toMatch(/^\d{6}$/);
  await expectNoAxeViolations(display, 'the link code');

  // The cashier links it with that code; it shows the store's name until a ticket is open.
  await page.getByTestId('customer-display-button').click();
  const dialog = page.getByTestId('customer-display-dialog');
  await dialog.getByLabel('Code shown on the customer display').fill(code);
  await dialog.getByRole('button', { name: 'Link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Demo display now shows this counter.');
  await expect(dialog.getByRole('listitem')).toHaveText('Demo display');
  await expectNoAxeViolations(page, 'the customer display dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(display.getByTestId('display-idle')).toContainText('Tillbox Demo Coffee');
  await expectNoAxeViolations(display, 'the idle display');

  // Ada by her phone number, then a cookie: the display greets her with her points and shows the line and total.
  await page.getByTestId('customer-phone').fill(ADA_PHONE);
  await page.getByRole('button', { name: 'Attach' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText('Ada');
  const points = ((await page.getByTestId('customer-points').textContent()) ?? '').replace(/\D/g, '');
  await page.getByRole('tab', { name: 'Bakery' }).click();
  await page.getByRole('button', { name: /^Chocolate Chip Cookie/ }).click();
  await expect(page.getByTestId('ticket-line')).toHaveCount(1);
  const total = ((await page.getByTestId('ticket-total').textContent()) ?? '').match(/\$[\d.,]+/)?.[0] ?? '';
  expect(total).not.toBe('');

  const lines = display.getByTestId('display-lines').locator(':scope > li');
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('Chocolate Chip Cookie');
  await expect(display.getByTestId('display-total')).toContainText(total);
  const member = display.getByTestId('display-member');
  await expect(member).toContainText('Hi Ada!');
  await expect(member).toContainText(`You have ${Number(points).toLocaleString('en-US')} points`);
  await expect(display.getByTestId('display-earns')).toHaveText(/^This order earns \d+ points$/);
  await expectNoAxeViolations(display, 'the ticket on the display');

  // Another language, chosen by the guest.
  await display.getByRole('button', { name: 'Español' }).click();
  await expect(member).toContainText('¡Hola, Ada!');
  await display.getByRole('button', { name: 'English' }).click();

  // Cash: the amount due, large; then paid with $20 — the thank-you with the number, the change and the receipt's QR.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('cash-panel')).toBeVisible();
  await expect(display.getByTestId('display-due')).toHaveText(total);
  await expectNoAxeViolations(display, 'paying on the display');
  await page.getByTestId('cash-panel').getByRole('button', { name: 'Tendered $20.00' }).click();
  const number = (await page.getByTestId('receipt-number').textContent()) ?? '';
  const change = ((await page.getByTestId('change-due').textContent()) ?? '').match(/\$[\d.,]+/)?.[0] ?? '';
  const thanks = display.getByTestId('display-thanks');
  await expect(thanks).toContainText('Thank you!');
  await expect(display.getByTestId('display-order-number')).toHaveText(`Order ${number}`);
  await expect(display.getByTestId('display-change')).toContainText(change);
  await expect(thanks.getByRole('img', { name: `QR code of the receipt for order ${number}` })).toBeVisible();
  await expectNoAxeViolations(display, 'the thank-you');

  // The next guest: the display follows the counter's new ticket, the line's choice under it.
  await page.getByRole('button', { name: /^Banana Bread/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Banana Bread' });
  await sheet.getByText('Warmed').click();
  await sheet.getByRole('button', { name: 'Add to order' }).click();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('Banana Bread');
  await expect(lines.first().getByRole('listitem')).toHaveText('Warmed');
  await expect(display.getByTestId('display-member')).toHaveCount(0);
  await displayContext.close();
});
