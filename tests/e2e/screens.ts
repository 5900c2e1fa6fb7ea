/** Shared steps of the browser tests: the edge's API, the kiosk purchase, and finding tickets on screens. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { OrderView, PlaceOrderInput } from '@tillbox/core';

/** POST (or GET without a body) to the edge's API; fails the test on an error answer. */
export async function api<T = OrderView>(baseURL: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseURL}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json: unknown = await res.json();
  expect(res.ok, `${path} answered ${res.status}: ${JSON.stringify(json)}`).toBe(true);
  return json as T;
}

export function placeOrder(baseURL: string, body: PlaceOrderInput): Promise<OrderView> {
  return api(baseURL, '/orders', body);
}

/** A page's ticket of order `n` (on a station KDS). */
export function ticketOf(page: Page, n: number): Locator {
  return page.locator(`[data-testid="ticket"][data-order-number="${n}"]`);
}

export async function openLive(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('connection-banner')).toHaveAttribute('data-state', 'live');
}

/** Buy on the kiosk: a latte (medium, oat milk) and/or a butter croissant, placed and paid by card. */
export async function buyOnKiosk(kiosk: Page, items: { latte?: boolean; croissant?: boolean }): Promise<number> {
  await kiosk.goto('/kiosk');
  if (items.latte) {
    await kiosk.getByRole('button', { name: 'Espresso Bar' }).click();
    await kiosk.getByRole('button', { name: /Caffè Latte/ }).click();
    const dialog = kiosk.getByRole('dialog');
    await dialog.getByRole('radio', { name: /Medium/ }).check();
    await dialog.getByRole('radio', { name: /Oat milk/ }).check();
    await dialog.getByRole('button', { name: 'Add to order' }).click();
    await expect(dialog).toBeHidden();
  }
  if (items.croissant) {
    await kiosk.getByRole('button', { name: 'Bakery' }).click();
    await kiosk.getByRole('button', { name: /Butter Croissant/ }).click();
    await kiosk.getByRole('dialog').getByRole('button', { name: 'Add to order' }).click();
  }
  await kiosk.getByRole('button', { name: 'Place order' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Pay by card' })).toBeVisible();
  await expect(kiosk.getByText('Tap or insert your card on the terminal')).toBeVisible();
  const amount = (await kiosk.getByTestId('pay-amount').textContent()) ?? '';
  expect(amount).toMatch(/^\$\d+\.\d\d$/);
  await kiosk.getByRole('button', { name: `Pay ${amount}`, exact: true }).click();
  const number = kiosk.getByTestId('order-number');
  await expect(number).toHaveText(/^\d+$/);
  return Number(await number.textContent());
}
