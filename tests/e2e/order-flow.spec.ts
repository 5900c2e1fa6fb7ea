/**
 * One real order through the whole store: placed and paid on the kiosk, it appears on the bar
 * and kitchen displays, is bumped at both, shows as ready on the pickup board, is picked up and
 * leaves it. And a guest who cancels at the payment step gets the menu back with their cart.
 */
import { expect, test, type Page } from '@playwright/test';
import type { OrderList } from '@tillbox/core';
import { api, openLive, pairScreen, startKioskOrder, ticketOf } from './screens.js';

async function addLatteAndCroissant(kiosk: Page): Promise<void> {
  await startKioskOrder(kiosk);
  await kiosk.getByRole('button', { name: 'Espresso Bar' }).click();
  await kiosk.getByRole('button', { name: /Caffè Latte/ }).click();
  const dialog = kiosk.getByRole('dialog', { name: 'Caffè Latte' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /Medium/ }).check();
  await dialog.getByRole('radio', { name: /Oat milk/ }).check();
  // medium 4.75 + oat 0.70 = 5.45
  await expect(dialog.getByTestId('dialog-line-total')).toHaveText('$5.45');
  await dialog.getByRole('button', { name: 'Add to order' }).click();
  await expect(dialog).toBeHidden();

  // The kiosk suggests a croissant with the coffee; the guest takes it.
  await kiosk.getByRole('dialog', { name: 'Add a Butter Croissant?' }).getByRole('button', { name: 'Add' }).click();
  await kiosk.getByRole('button', { name: 'Review & pay' }).click();
  // 5.45 + croissant 3.45 = 8.90; NYC tax per line and rate, half-up: latte 545 → 22 + 25 + 2 = 49,
  // croissant 345 → 14 + 16 + 1 = 31; tax 0.80, total 9.70 — priced in the browser by the shared engine.
  await expect(kiosk.getByTestId('cart-subtotal')).toHaveText('$8.90');
  await expect(kiosk.getByTestId('cart-tax')).toHaveText('$0.80');
  await expect(kiosk.getByTestId('cart-total')).toHaveText('$9.70');
}

async function orderAndPay(kiosk: Page): Promise<number> {
  await addLatteAndCroissant(kiosk);
  await kiosk.getByRole('button', { name: 'Place order' }).click();
  // The edge re-prices the order: the amount charged is the total the cart showed.
  const pay = kiosk.getByRole('button', { name: 'Pay $9.70', exact: true });
  await expect(pay).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Cancel order' })).toBeVisible();
  await pay.click();
  const number = kiosk.getByTestId('order-number');
  await expect(number).toHaveText(/^\d+$/);
  return Number(await number.textContent());
}

test('an order goes from the kiosk to the KDS to the pickup board and away', async ({ browser }) => {
  const context = await browser.newContext();
  const bar = await context.newPage();
  const kitchen = await context.newPage();
  const pickup = await context.newPage();
  const kiosk = await context.newPage();
  await openLive(bar, '/kds/bar');
  await openLive(kitchen, '/kds/kitchen');
  await openLive(pickup, '/pickup');

  const n = await orderAndPay(kiosk);
  const preparing = pickup.locator(`[data-testid="pickup-preparing"] [data-order-number="${n}"]`);
  const ready = pickup.locator(`[data-testid="pickup-ready"] [data-order-number="${n}"]`);

  await expect(ticketOf(bar, n)).toContainText('Caffè Latte');
  await expect(ticketOf(bar, n)).toContainText('Oat milk');
  await expect(ticketOf(kitchen, n)).toContainText('Butter Croissant');
  await expect(preparing).toBeVisible();
  await expect(ready).toHaveCount(0);

  await bar.getByRole('button', { name: `Bump order ${n}`, exact: true }).click();
  await expect(ticketOf(bar, n)).toHaveCount(0);
  await expect(preparing).toBeVisible();
  await kitchen.getByRole('button', { name: `Bump order ${n}`, exact: true }).click();
  await expect(ticketOf(kitchen, n)).toHaveCount(0);
  await expect(ready).toBeVisible();
  await expect(preparing).toHaveCount(0);

  // The board faces guests: staff confirm before a number leaves it.
  await pickup.getByRole('button', { name: new RegExp(`^${n}( \\S+)?, ready$`) }).click();
  await pickup.getByRole('dialog').getByRole('button', { name: 'Yes, picked up' }).click();
  await expect(ready).toHaveCount(0);
  // A screen opened afterwards agrees: the order is gone from the board.
  const later = await context.newPage();
  await openLive(later, '/pickup');
  await expect(later.locator(`[data-order-number="${n}"]`)).toHaveCount(0);
  await context.close();
});

test('a guest who cancels at the payment step keeps their cart, and nothing reaches the kitchen', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const pickup = await context.newPage();
  const kiosk = await context.newPage();
  await openLive(pickup, '/pickup');
  await addLatteAndCroissant(kiosk);
  await kiosk.getByRole('button', { name: 'Place order' }).click();
  await kiosk.getByRole('button', { name: 'Cancel order' }).click();
  await kiosk.getByRole('button', { name: 'Review & pay' }).click();
  await expect(kiosk.getByRole('button', { name: 'Place order' })).toBeEnabled();
  await expect(kiosk.getByTestId('cart-line')).toHaveCount(2);
  // The edge has it as cancelled, and it is on no screen.
  const { orders } = await api<OrderList>(baseURL!, '/orders?status=cancelled');
  const cancelled = orders.at(-1);
  expect(cancelled?.channel).toBe('kiosk');
  expect(cancelled?.payment).toBe('unpaid');
  await expect(pickup.locator(`[data-order-number="${cancelled?.number}"]`)).toHaveCount(0);
  await openLive(pickup, '/kds/bar');
  await expect(ticketOf(pickup, cancelled?.number ?? 0)).toHaveCount(0);
  await context.close();
});

test('the launcher links every screen, and on the demo box opening one pairs this browser as it', async ({ page }) => {
  await page.goto('/');
  for (const name of [/Kiosk/, /KDS|Kitchen/, /Pickup/, /Admin/]) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await page.getByRole('link', { name: /Kiosk/ }).click();
  await expect(page).toHaveURL(/\/kiosk$/);
  await expect(page.getByRole('button', { name: 'Español' })).toBeVisible();
  await expect(page.getByTestId('pairing-panel')).toHaveCount(0);
});

test('the kiosk speaks Spanish and Korean', async ({ page }) => {
  await pairScreen(page, 'kiosk');
  await page.goto('/kiosk');
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Toca para pedir' }).click();
  await expect(page.getByRole('button', { name: /Café con leche/ })).toBeVisible();
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: /카페 라테/ })).toBeVisible();
});
