/**
 * 86 live on every screen: with one bottled orange juice left, a cashier sells it at the counter
 * (tap, cash on F9) — the kiosk a guest is looking at greys it as sold out and will not take it,
 * the counter's own grid greys it, and the bar's KDS lists it as 86'd, none of them reloaded. A
 * delivery received puts it back on the kiosk. A cashier 86s the juice by hand from the counter's
 * Stock list: the kiosk greys it, the counter warns about the juice already on its ticket, and
 * putting it back brings it back on the kiosk.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PINS, deviceHeaders, openLive, startKioskOrder } from './screens.js';

const JUICE = 'Bottled Orange Juice';

async function stockCommand(baseURL: string, path: string, body: unknown): Promise<void> {
  // Counts are a shift lead's: Morgan (manager) on a counter.
  const headers = await deviceHeaders(baseURL, 'counter', 'Morgan');
  const res = await fetch(`${baseURL}/api/v1/stock/orange-juice/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.text()).toBe(200);
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

test('the last bottle sold at the counter is greyed on an open kiosk, the counter and the KDS at once', async ({
  browser,
  baseURL,
}) => {
  await stockCommand(baseURL ?? '', 'count', { count: 1 });

  // A guest is browsing the cold drinks on the kiosk; the juice is there to take.
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  await startKioskOrder(kiosk);
  await kiosk.getByRole('button', { name: 'Iced & Cold Brew' }).click();
  const kioskJuice = kiosk.locator('[data-testid="menu-item"][data-item-id="orange-juice"]');
  await expect(kioskJuice).toBeEnabled();
  await expect(kioskJuice).not.toContainText('Sold out');

  const barContext = await browser.newContext();
  const bar = await barContext.newPage();
  await openLive(bar, '/kds/bar');
  await expect(bar.getByTestId('eighty-sixed')).toHaveCount(0);

  // The cashier sells the last one: a tap, then cash (F9 places the order).
  const counterContext = await browser.newContext();
  const counter = await counterContext.newPage();
  await openCounter(counter);
  await counter.getByRole('tab', { name: 'Iced & Cold Brew' }).click();
  const counterJuice = counter.getByRole('button', { name: new RegExp(`^${JUICE}`) });
  await counterJuice.click();
  await expect(counter.getByTestId('ticket-line')).toHaveCount(1);
  await counter.keyboard.press('F9');
  await expect(counter.getByTestId('ticket-title')).toHaveText(/^Order \d+$/);
  await counter.getByTestId('cash-panel').getByRole('button', { name: 'Tendered $20.00' }).click();
  await expect(counter.getByTestId('change-due')).toBeVisible();

  // Greyed on the kiosk without a reload, and the guest cannot take it.
  await expect(kioskJuice).toBeDisabled();
  await expect(kioskJuice).toContainText('Sold out');
  // The counter's grid greys it where it stands; the bar's KDS lists it.
  await expect(counterJuice).toBeDisabled();
  await expect(bar.locator('[data-testid="eighty-sixed"][data-item="orange-juice"]')).toContainText('sold out');

  // A delivery puts it back on sale everywhere.
  await stockCommand(baseURL ?? '', 'receive', { quantity: 12 });
  await expect(kioskJuice).toBeEnabled();
  await expect(bar.getByTestId('eighty-sixed')).toHaveCount(0);

  await Promise.all([kioskContext.close(), barContext.close(), counterContext.close()]);
});

test('a cashier 86s an item from the counter: the kiosk greys it and the ticket is warned; un-86 brings it back', async ({
  browser,
}) => {
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  await startKioskOrder(kiosk);
  await kiosk.getByRole('button', { name: 'Iced & Cold Brew' }).click();
  const kioskJuice = kiosk.locator('[data-testid="menu-item"][data-item-id="orange-juice"]');
  await expect(kioskJuice).toBeEnabled();

  const counterContext = await browser.newContext();
  const counter = await counterContext.newPage();
  await openCounter(counter);
  // A juice is on the ticket, not placed yet.
  await counter.getByRole('tab', { name: 'Iced & Cold Brew' }).click();
  await counter.getByRole('button', { name: new RegExp(`^${JUICE}`) }).click();
  await expect(counter.getByTestId('ticket-line')).toHaveCount(1);

  await counter.getByTestId('stock-button').click();
  const dialog = counter.getByTestId('stock-dialog');
  await dialog.getByTestId('stock-search').fill('juice');
  const row = dialog.locator('[data-testid="stock-row"][data-item="orange-juice"]');
  await expect(row.getByTestId('stock-state')).toHaveText(/\d+ on hand/);
  await row.getByRole('button', { name: '86', exact: true }).click();
  await row.getByTestId('stock-note').fill('fridge broken');
  await row.getByRole('button', { name: `86 ${JUICE}` }).click();
  await expect(row.getByTestId('stock-state')).toHaveText('86’d: fridge broken');

  // Greyed on the kiosk at once; the counter says the juice on its ticket cannot be sold.
  await expect(kioskJuice).toBeDisabled();
  await expect(kioskJuice).toContainText('Sold out');
  await expect(counter.getByTestId('counter-message')).toContainText(`${JUICE} is sold out`);
  await expect(counter.getByTestId('stock-button')).toContainText('1 off');

  await row.getByRole('button', { name: 'Put back on sale' }).click();
  await expect(row.getByTestId('stock-state')).toHaveText(/\d+ on hand/);
  await expect(kioskJuice).toBeEnabled();
  await expect(kioskJuice).not.toContainText('Sold out');

  await Promise.all([kioskContext.close(), counterContext.close()]);
});
