/**
 * One real order through the whole store: placed on the kiosk, it appears on the KDS, is
 * bumped, shows as ready on the pickup board, is picked up and leaves it.
 */
import { expect, test, type Page } from '@playwright/test';

async function orderLatte(kiosk: Page): Promise<number> {
  await kiosk.goto('/kiosk');
  await kiosk.getByRole('button', { name: 'Espresso Bar' }).click();
  await kiosk.getByRole('button', { name: /Caffè Latte/ }).click();
  const dialog = kiosk.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /Medium/ }).check();
  await dialog.getByRole('radio', { name: /Oat milk/ }).check();
  // medium 4.75 + oat 0.70 = 5.45
  await expect(dialog.getByTestId('dialog-line-total')).toHaveText('$5.45');
  await dialog.getByRole('button', { name: 'Add to order' }).click();
  await expect(dialog).toBeHidden();

  await kiosk.getByRole('button', { name: 'Bakery' }).click();
  await kiosk.getByRole('button', { name: /Butter Croissant/ }).click();
  await kiosk.getByRole('dialog').getByRole('button', { name: 'Add to order' }).click();
  // 5.45 + croissant 3.45 = 8.90
  await expect(kiosk.getByTestId('cart-total')).toHaveText('$8.90');

  await kiosk.getByRole('button', { name: 'Place order' }).click();
  const number = kiosk.getByTestId('order-number');
  await expect(number).toHaveText(/^\d+$/);
  return Number(await number.textContent());
}

test('an order goes from the kiosk to the KDS to the pickup board and away', async ({ browser }) => {
  const context = await browser.newContext();
  const kds = await context.newPage();
  const pickup = await context.newPage();
  const kiosk = await context.newPage();
  await kds.goto('/kds');
  await pickup.goto('/pickup');
  await expect(kds.getByTestId('connection-banner')).toHaveAttribute('data-state', 'live');
  await expect(pickup.getByTestId('connection-banner')).toHaveAttribute('data-state', 'live');

  const n = await orderLatte(kiosk);

  const ticket = kds.locator(`[data-testid="ticket"][data-order-number="${n}"]`);
  await expect(ticket).toBeVisible();
  await expect(ticket).toContainText('Caffè Latte');
  await expect(ticket).toContainText('Oat milk');
  await expect(ticket).toContainText('Butter Croissant');
  await expect(pickup.getByTestId('pickup-preparing')).toContainText(String(n));
  await expect(pickup.getByTestId('pickup-ready')).not.toContainText(String(n));

  await kds.getByRole('button', { name: `Bump order ${n}`, exact: true }).click();
  await expect(ticket).toHaveCount(0);
  await expect(pickup.getByTestId('pickup-ready')).toContainText(String(n));
  await expect(pickup.getByTestId('pickup-preparing')).not.toContainText(String(n));

  await pickup.getByRole('button', { name: `Picked up ${n}`, exact: true }).click();
  await expect(pickup.getByTestId('pickup-ready')).not.toContainText(String(n));
  // A screen opened afterwards agrees: the order is gone from the board.
  const later = await context.newPage();
  await later.goto('/pickup');
  await expect(later.getByTestId('connection-banner')).toHaveAttribute('data-state', 'live');
  await expect(later.getByTestId('pickup-ready')).not.toContainText(String(n));
  await context.close();
});

test('the launcher links every screen', async ({ page }) => {
  await page.goto('/');
  for (const name of [/Kiosk/, /KDS|Kitchen/, /Pickup/]) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await page.getByRole('link', { name: /Kiosk/ }).click();
  await expect(page).toHaveURL(/\/kiosk$/);
});

test('the kiosk speaks Spanish and Korean', async ({ page }) => {
  await page.goto('/kiosk');
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('button', { name: /Café con leche/ })).toBeVisible();
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: /카페 라테/ })).toBeVisible();
});
