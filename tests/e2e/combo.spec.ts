/**
 * Combos sell end to end: on the kiosk a guest fills each slot of the Coffee & Pastry combo (a
 * latte in a size, with its own milk choice; a pastry), sees the price update as they choose, is
 * charged what the cart showed (also after cancelling at the terminal and ordering again), and
 * each station gets the combo with the part it makes: the latte at the bar, the croissant in the
 * kitchen.
 */
import { expect, test } from '@playwright/test';
import { openLive, startKioskOrder, ticketOf } from './screens.js';

test('a guest buys a combo: an item for each slot, in a size, with its own choices', async ({ browser }) => {
  const context = await browser.newContext();
  const kitchen = await context.newPage();
  await openLive(kitchen, '/kds/kitchen');
  const bar = await context.newPage();
  await openLive(bar, '/kds/bar');
  const kiosk = await context.newPage();
  await startKioskOrder(kiosk);

  await kiosk.getByRole('button', { name: 'Combos' }).click();
  await kiosk.getByRole('button', { name: /Coffee & Pastry/ }).click();
  const dialog = kiosk.getByRole('dialog');
  const add = dialog.getByRole('button', { name: 'Add to order' });
  await expect(dialog.getByTestId('dialog-line-total')).toHaveText('$6.25');
  await expect(add).toBeDisabled(); // the coffee and the pastry are still to choose

  await dialog.getByRole('radio', { name: /Caffè Latte/ }).check();
  // The latte comes in the slot's sizes, with its own milk choice (whole milk unless changed).
  await dialog.getByRole('radio', { name: /Medium/ }).check();
  await dialog.getByRole('radio', { name: /Oat milk/ }).check();
  await dialog.getByRole('radio', { name: /Butter Croissant/ }).check();
  // 6.25 + medium latte 1.25 + oat milk 0.70 = 8.20
  await expect(dialog.getByTestId('dialog-line-total')).toHaveText('$8.20');
  await add.click();
  await expect(dialog).toBeHidden();

  await kiosk.getByRole('button', { name: 'Review & pay' }).click();
  const line = kiosk.getByTestId('cart-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('Coffee & Pastry');
  await expect(line).toContainText('Caffè Latte (Medium): Oat milk');
  await expect(line).toContainText('Butter Croissant');
  // NYC tax per rate, half-up: 820 × 4% = 32.8 → 33, × 4.5% = 36.9 → 37, × 0.375% = 3.075 → 3; 73.
  await expect(kiosk.getByTestId('cart-subtotal')).toHaveText('$8.20');
  await expect(kiosk.getByTestId('cart-total')).toHaveText('$8.93');

  await kiosk.getByRole('button', { name: 'Place order' }).click();
  // The guest changes their mind at the terminal, then orders the same cart after all: a new order
  // with new line ids (the cancelled order keeps its own).
  await kiosk.getByRole('button', { name: 'Cancel order' }).click();
  await kiosk.getByRole('button', { name: 'Review & pay' }).click();
  await kiosk.getByRole('button', { name: 'Place order' }).click();
  // The edge prices the combo with the kiosk's line id: the amount charged is the total shown.
  await kiosk.getByRole('button', { name: 'Pay $8.93', exact: true }).click();
  const number = kiosk.getByTestId('order-number');
  await expect(number).toHaveText(/^\d+$/);
  const n = Number(await number.textContent());

  await expect(ticketOf(kitchen, n)).toContainText('Coffee & Pastry');
  await expect(ticketOf(kitchen, n)).toContainText('Butter Croissant');
  await expect(ticketOf(kitchen, n)).not.toContainText('Caffè Latte');
  await expect(ticketOf(bar, n)).toContainText('Coffee & Pastry');
  await expect(ticketOf(bar, n)).toContainText('Caffè Latte');
  await expect(ticketOf(bar, n)).not.toContainText('Butter Croissant');
  await context.close();
});
