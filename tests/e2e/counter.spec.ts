/**
 * The counter, as a cashier uses it on a 1920×1080 screen, by roles and names: opened from the
 * launcher (the demo box pairs it in one click), Casey signs in with her PIN; items go on the
 * ticket by a tap, by a barcode scanner typing into the page (even while the search has the
 * focus), and through the item sheet (a combo with a latte in oat milk); a bad code says so and
 * changes nothing; cash with a quick tender shows the change large, and the kitchen display has
 * the order; axe (WCAG 2.2 AA) finds nothing on the ticket, cash and receipt. A second walk is
 * keyboard only: search and Enter, a note, a discount past the limit and a price override that
 * Morgan approves with his PIN on the same screen, card on the pinpad, a new order with Enter —
 * and a session ended elsewhere brings the sign-in back.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './kiosk-checks.js';
import { DEMO_PINS, openLive, ticketOf } from './screens.js';

/** A scanner: the code's digits as fast as the keyboard goes, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

const dollars = (text: string | null): number => Math.round(Number((text ?? '').replace(/[^0-9.]/g, '')) * 100);
const usd = (cents: number): string => `$${(cents / 100).toFixed(2)}`;

async function openCounter(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(page.getByRole('note')).toContainText('Demo store');
  await page.getByRole('link', { name: /Counter/ }).click();
  await expect(page).toHaveURL(/\/counter$/);
  await page.getByRole('button', { name: /Casey/ }).click();
  for (const digit of DEMO_PINS.Casey) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Casey');
}

test('a cashier rings up a tapped item, scanned items and a combo, takes cash with change, and the kitchen has it', async ({
  page,
  browser,
}) => {
  await openCounter(page);
  const lines = page.getByTestId('ticket-line');

  // The grid opens on the favourites; the categories follow in catalog order.
  await expect(page.getByRole('tab', { name: 'Favourites' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab').nth(1)).toHaveText('Espresso Bar');

  // A tap: a cookie has no choices, so it goes straight on the ticket.
  await page.getByRole('tab', { name: 'Bakery' }).click();
  await page.getByRole('button', { name: /^Chocolate Chip Cookie/ }).click();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('1 × Chocolate Chip Cookie');
  await expect(page.getByTestId('counter-message')).toHaveText('Added Chocolate Chip Cookie.');

  // The scanner, the focus still on the cookie's button: the bag's EAN-13 adds a second cookie to
  // its line, and the scanner's Enter does not press the button (that would make three).
  await scan(page, '2000000000015');
  await expect(lines).toHaveCount(1);
  await expect(lines.first().getByTestId('line-quantity')).toHaveText('2');

  // Typing in the search, then a scan: banana bread's UPC-A is added and the search keeps only what was typed.
  const search = page.getByRole('searchbox', { name: 'Search items' });
  await search.click();
  await page.keyboard.type('coo', { delay: 120 });
  await expect(page.getByRole('button', { name: /^Chocolate Chip Cookie/ })).toBeVisible();
  await scan(page, '200000000028');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(1)).toContainText('Banana Bread');
  await expect(search).toHaveValue('coo');

  // A bad check digit: said plainly, nothing added.
  await scan(page, '2000000000016');
  await expect(page.getByRole('alert').filter({ hasText: 'check digit' })).toContainText('Nothing was added');
  await expect(lines).toHaveCount(2);
  await page.keyboard.press('Escape'); // clears the search
  await expect(search).toHaveValue('');

  // A combo through the item sheet: a medium latte with oat milk, and a croissant.
  await page.getByRole('tab', { name: 'Combos' }).click();
  await page.getByRole('button', { name: /^Coffee & Pastry/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Coffee & Pastry' });
  await sheet.getByRole('radio', { name: /Caffè Latte/ }).check();
  await sheet.getByRole('radio', { name: /Medium/ }).check();
  await sheet.getByRole('radio', { name: /Oat milk/ }).check();
  await sheet.getByRole('radio', { name: /Butter Croissant/ }).check();
  await expect(sheet.getByTestId('dialog-line-total')).toHaveText('$8.20');
  await sheet.getByRole('button', { name: 'Add to order' }).click();
  await expect(sheet).toBeHidden();
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(2)).toContainText('Coffee & Pastry');
  await expect(lines.nth(2)).toContainText('Caffè Latte (Medium): Oat milk');
  await expect(lines.nth(2)).toContainText('$8.20');
  await expectNoAxeViolations(page, 'the ticket');

  // Cash on its key: the order is placed (the demo store sends counter orders to the kitchen at once).
  const total = dollars(await page.getByTestId('ticket-total').textContent());
  await page.keyboard.press('F9');
  const cash = page.getByTestId('cash-panel');
  await expect(cash.getByTestId('cash-due')).toHaveText(usd(total));
  await expect(page.getByTestId('ticket-title')).toHaveText(/^Order \d+$/);
  await expect(page.getByTestId('kitchen-state')).toHaveText('Sent to the kitchen');
  const number = Number(((await page.getByTestId('ticket-title').textContent()) ?? '').replace(/\D/g, ''));

  // Typing less than due says what is left after it (split tender); a quick tender of $20 pays and shows the change, large.
  await cash.getByLabel('Cash handed over').fill('5');
  await expect(cash).toContainText(`${usd(total - 500)} left to pay after this cash`);
  await cash.getByLabel('Cash handed over').fill('');
  await expectNoAxeViolations(page, 'cash');
  await cash.getByRole('button', { name: 'Tendered $20.00' }).click();
  await expect(page.getByTestId('change-due')).toContainText(usd(2000 - total));
  await expect(page.getByTestId('receipt-number')).toHaveText(String(number));
  await expectNoAxeViolations(page, 'the receipt');

  // The kitchen display has the order with the combo and what went into it.
  const kitchenContext = await browser.newContext();
  const kitchen = await kitchenContext.newPage();
  await openLive(kitchen, '/kds/kitchen');
  await expect(ticketOf(kitchen, number)).toContainText('Coffee & Pastry');
  await expect(ticketOf(kitchen, number)).toContainText('Chocolate Chip Cookie');
  await expect(ticketOf(kitchen, number)).toContainText('Banana Bread');
  await kitchenContext.close();

  // The next guest: a tap starts a new ticket straight from the receipt.
  await page.getByRole('tab', { name: 'Favourites' }).click();
  await page.getByRole('button', { name: /^Butter Croissant/ }).click();
  await page.getByRole('dialog', { name: 'Butter Croissant' }).getByRole('button', { name: 'Add to order' }).click();
  await expect(page.getByTestId('ticket-title')).toHaveText('New order');
  await expect(lines).toHaveCount(1);
});

test('keyboard only: search and Enter, a note, a discount and a price override a manager approves on the same screen, card, Enter for the next order', async ({
  page,
}) => {
  await openCounter(page);
  const lines = page.getByTestId('ticket-line');

  // The keys are listed on the screen.
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keys' });
  await expect(keys.getByRole('row', { name: /Cash/ })).toContainText('F9');
  await keys.getByRole('button', { name: 'Close' }).click();

  // F2 searches; Enter adds the first item found (an Americano has sizes: its sheet opens).
  await page.keyboard.press('F2');
  await page.keyboard.type('americ');
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Americano' });
  await sheet.getByRole('radio', { name: /Large/ }).check();
  await sheet.getByRole('button', { name: 'Add to order' }).click();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('Americano (Large)');

  // + adds one more to the selected line; F6 puts a note on it for the kitchen.
  await page.keyboard.press('Escape');
  await page.keyboard.press('+');
  await expect(lines.first().getByTestId('line-quantity')).toHaveText('2');
  await page.keyboard.press('F6');
  const note = page.getByRole('dialog', { name: 'Note for the kitchen' });
  await note.getByLabel('Note', { exact: true }).fill('Extra hot');
  await note.getByRole('button', { name: 'Save note' }).click();
  await expect(lines.first().getByTestId('line-note')).toHaveText('Note: Extra hot');

  // F7: half off the line is past the store's limit, so the edge asks for a manager: Morgan, here.
  const before = dollars(await page.getByTestId('ticket-total').textContent());
  await page.keyboard.press('F7');
  const discount = page.getByRole('dialog', { name: 'Discount' });
  await discount.getByRole('button', { name: '50%' }).click();
  await discount.getByRole('button', { name: 'Regular guest' }).click();
  await discount.getByRole('button', { name: 'Apply discount' }).click();
  await expect(discount.getByText('This discount needs a manager’s approval.')).toBeVisible();
  await expect(discount.getByRole('button', { name: /Casey/ })).toHaveCount(0); // a cashier cannot approve
  await discount.getByRole('button', { name: /Morgan/ }).click();
  await page.keyboard.type(DEMO_PINS.Morgan);
  await discount.getByRole('button', { name: 'Approve discount' }).click();
  await expect(discount).toBeHidden();
  await expect(page.getByTestId('ticket-discount')).toHaveCount(1);
  const after = dollars(await page.getByTestId('ticket-total').textContent());
  expect(after).toBeLessThan(before);
  await expect(page.getByTestId('ticket-title')).toHaveText(/^Order \d+$/);

  // Shift+F7: a price override always needs a manager; the line says what was changed.
  await page.keyboard.press('Shift+F7');
  const price = page.getByRole('dialog', { name: 'Price override' });
  await price.getByLabel('New price of one (before options)').fill('3');
  await price.getByLabel('Reason').fill('Price match');
  await price.getByRole('button', { name: /Morgan/ }).click();
  await page.keyboard.type(DEMO_PINS.Morgan);
  await price.getByRole('button', { name: 'Approve price' }).click();
  await expect(price).toBeHidden();
  await expect(lines.first()).toContainText('→ $3.00 each');
  const overridden = dollars(await page.getByTestId('ticket-total').textContent());
  expect(overridden).toBeLessThan(after);

  // F10 opens the card (no tip by default), F10 again charges it on the store's pinpad; Enter starts the next order.
  await page.keyboard.press('F10');
  await expect(page.getByTestId('card-panel')).toBeVisible();
  await page.keyboard.press('F10');
  await expect(page.getByTestId('receipt')).toContainText('Card');
  await expect(page.getByTestId('receipt')).toContainText(usd(overridden));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-title')).toHaveText('New order');
  await expect(lines).toHaveCount(0);
});

test('a session ended elsewhere brings the sign-in back at the next action', async ({ page }) => {
  await openCounter(page);
  await page.getByRole('tab', { name: 'Bakery' }).click();
  await page.getByRole('button', { name: /^Chocolate Chip Cookie/ }).click();
  // The edge ends Casey's session (as its idle timer does after security.staffIdleMinutes).
  const out = await page.request.post('/api/v1/staff/sign-out', {
    headers: { 'x-tillbox-screen': 'counter', 'content-type': 'application/json' },
  });
  expect(out.status()).toBe(200);
  await page.getByRole('button', { name: 'Cash' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Casey.* was signed out/ })).toBeVisible();
  await expect(page.getByTestId('ticket')).toHaveCount(0);
});

/** An item from its category tab: straight onto the ticket, or through its sheet as it comes. */
async function tap(page: Page, category: string, item: string): Promise<void> {
  await page.getByRole('tab', { name: category }).click();
  await page.getByRole('button', { name: new RegExp(`^${item}`) }).click();
  if (item === 'Banana Bread') {
    const sheet = page.getByRole('dialog', { name: item });
    await sheet.getByRole('button', { name: 'Add to order' }).click();
    await expect(sheet).toBeHidden();
  }
}

test('an open ticket held, recalled and added to, paid part in cash and the rest by card with a tip, its e-receipt read by QR link', async ({
  page,
  context,
}) => {
  await openCounter(page);
  const lines = page.getByTestId('ticket-line');
  await tap(page, 'Bakery', 'Chocolate Chip Cookie');
  await page.getByRole('textbox', { name: 'Name' }).fill('Ana');

  // Hold (Shift+F8): the ticket is placed, parked, and the counter is free for the next guest.
  await page.keyboard.press('Shift+F8');
  await expect(page.getByTestId('counter-message')).toHaveText(/^Order \d+ held: recall it from Open tickets\.$/);
  const number = Number(((await page.getByTestId('counter-message').textContent()) ?? '').replace(/\D/g, ''));
  await expect(page.getByTestId('ticket-title')).toHaveText('New order');
  await expect(lines).toHaveCount(0);

  // Recall it from the open tickets: Casey's, with its name, total and what is due.
  await page.getByRole('button', { name: /^Open tickets/ }).click();
  const tickets = page.getByRole('dialog', { name: 'Open tickets' });
  const row = tickets.getByTestId('open-ticket').filter({ hasText: `#${number} · Ana` });
  await expect(row).toContainText('Mine');
  await row.getByRole('button', { name: `Recall #${number}` }).click();
  await expect(tickets).toBeHidden();
  await expect(page.getByTestId('ticket-title')).toHaveText(`Order ${number}`);

  // Another item: it waits as a new line until the order takes it (on the first tender).
  await tap(page, 'Bakery', 'Banana Bread');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(1).getByTestId('line-new')).toBeVisible();
  await expect(page.getByTestId('ticket-adding')).toBeVisible();
  await page.keyboard.press('F9');
  const tender = page.getByTestId('tender-panel');
  await expect(lines.nth(1).getByTestId('line-new')).toHaveCount(0);
  const total = dollars(await page.getByTestId('ticket-total').textContent());
  await expect(tender.getByTestId('bill-due')).toHaveText(usd(total));

  // Split tender: $5 in cash (no change), then the rest on the card with an 18% tip on the sale.
  await tender.getByLabel('Cash handed over').fill('5');
  await expect(tender).toContainText(`${usd(total - 500)} left to pay after this cash`);
  await tender.getByRole('button', { name: 'Take $5.00 in cash' }).click();
  await expect(tender.getByTestId('tenders-taken')).toContainText(/Cash\s*\$5\.00/);
  await expect(tender.getByTestId('bill-due')).toHaveText(usd(total - 500));
  await expect(page.getByTestId('ticket-due')).toHaveText(usd(total - 500));
  await page.keyboard.press('F10');
  const tip = Math.floor((total * 18 + 50) / 100);
  await tender.getByRole('button', { name: `18% · ${usd(tip)}` }).click();
  await tender.getByRole('button', { name: `Charge ${usd(total - 500)} + tip ${usd(tip)}` }).click();

  // The receipt: both tenders, the tip apart, and the e-receipt's QR code.
  const receipt = page.getByTestId('receipt');
  await expect(page.getByTestId('receipt-number')).toHaveText(String(number));
  await expect(receipt.getByTestId('receipt-tenders')).toContainText('Cash');
  await expect(receipt.getByTestId('receipt-tenders')).toContainText(
    new RegExp(`Card ending \\d{4} · tip \\${usd(tip)}`),
  );
  await expect(receipt.getByRole('img', { name: `QR code of the receipt for order ${number}` })).toBeVisible();
  await expectNoAxeViolations(page, 'the receipt with its e-receipt');

  // The guest's phone opens the link: no pairing, no staff — the lines, the tenders, the tip.
  const href = await receipt.getByTestId('e-receipt-link').getAttribute('href');
  expect(href).toMatch(new RegExp(`^/receipt/[0-9a-f-]+\\?t=[A-Za-z0-9_-]{22}$`));
  const phone = await context.browser()!.newContext();
  const guest = await phone.newPage();
  await guest.goto(new URL(href!, page.url()).toString());
  await expect(guest.getByTestId('receipt-page-number')).toHaveText(String(number));
  await expect(guest.getByTestId('receipt-page-line')).toHaveCount(2);
  await expect(guest.getByTestId('receipt-page-line').first()).toContainText('Chocolate Chip Cookie');
  await expect(guest.getByTestId('receipt-page-line').nth(1)).toContainText('Banana Bread');
  await expect(guest.getByTestId('receipt-page-total')).toHaveText(usd(total));
  await expect(guest.getByRole('list', { name: 'Payments' })).toContainText(`Tip ${usd(tip)}`);
  // A link with another token shows nothing.
  await guest.goto(new URL(href!.replace(/t=.{4}/, 't=AAAA'), page.url()).toString());
  await expect(guest.getByRole('alert')).toContainText('There is no receipt at this link');
  await phone.close();
});

test('a line refunded to its tender with a manager’s PIN on the same screen, found among today’s orders', async ({
  page,
}) => {
  await openCounter(page);
  await tap(page, 'Bakery', 'Chocolate Chip Cookie');
  await tap(page, 'Bakery', 'Banana Bread');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('cash-panel')).toBeVisible();
  await page.keyboard.press('F9'); // exact
  const number = Number(await page.getByTestId('receipt-number').textContent());
  await page.keyboard.press('Enter');

  // Today's orders (Shift+F1), found by number.
  await page.keyboard.press('Shift+F1');
  const orders = page.getByRole('dialog', { name: 'Today’s orders' });
  await orders.getByRole('searchbox', { name: 'Order number or name' }).fill(String(number));
  await orders
    .getByTestId('order-row')
    .filter({ hasText: `#${number}` })
    .click();
  const detail = orders.getByTestId('order-detail');

  // Refund the banana bread: the preview says how much goes back, and to the cash it was paid with.
  await detail.getByRole('checkbox', { name: /Banana Bread/ }).check();
  await detail.getByRole('button', { name: 'Refund 1 line' }).click();
  const preview = detail.getByTestId('refund-preview');
  await expect(preview).toContainText('to Cash');
  const back = dollars(/Gives back (\$[\d.]+)/.exec((await preview.textContent()) ?? '')?.[1] ?? null);
  expect(back).toBeGreaterThan(0);
  await detail.getByRole('button', { name: 'Wrong item' }).click();
  // A cashier cannot approve her own refund: Morgan does, with his PIN, here.
  await expect(detail.getByRole('button', { name: /Casey/ })).toHaveCount(0);
  await detail.getByRole('button', { name: /Morgan/ }).click();
  await page.keyboard.type(DEMO_PINS.Morgan);
  await detail.getByRole('button', { name: 'Approve refund' }).click();
  await expect(detail.getByRole('status').filter({ hasText: 'approved by Morgan' })).toContainText(
    `Refunded ${usd(back)} on order ${number}`,
  );
  await expect(detail.getByRole('list', { name: `Lines of order ${number}` })).toContainText('Banana Bread · refunded');
  await expect(detail.getByRole('list', { name: `Tenders of order ${number}` })).toContainText(
    new RegExp(`Refund to Cash\\s*-\\${usd(back)}`),
  );
  await expect(detail.getByRole('checkbox', { name: /Banana Bread/ })).toHaveCount(0);

  // Reprint: the demo store's receipt printer prints the order's receipt again.
  await detail.getByRole('button', { name: 'Reprint' }).click();
  await expect(detail.getByRole('status').filter({ hasText: 'receipt is printing' })).toHaveText(
    `A copy of order ${number}’s receipt is printing.`,
  );
});

test('a bill split evenly in two, each part paid on its own, and cash tips declared', async ({ page }) => {
  await openCounter(page);
  await tap(page, 'Bakery', 'Chocolate Chip Cookie');
  await tap(page, 'Bakery', 'Banana Bread');
  await page.keyboard.press('Shift+F10');
  const split = page.getByRole('dialog', { name: 'Split the bill' });
  const total = dollars(await page.getByTestId('ticket-total').textContent());
  const preview = split.getByTestId('split-preview');
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await split.getByRole('button', { name: 'Split in 2' }).click();
  await expect(split).toBeHidden();
  const parts = page.getByTestId('split-part');
  const first = Math.ceil(total / 2);
  await expect(parts.first()).toHaveText(`Part 1 · ${usd(first)}`);
  await expect(parts.nth(1)).toHaveText(`Part 2 · ${usd(total - first)}`);

  // Part 1 on the card (F10, F10), then part 2 in cash with change.
  await page.keyboard.press('F10');
  await expect(page.getByTestId('tender-panel')).toContainText('Part 1 of 2');
  await page.keyboard.press('F10');
  await expect(page.getByTestId('counter-message')).toHaveText(`Part 1 paid. Part 2: ${usd(total - first)} due.`);
  await expect(parts.first()).toHaveText(`Part 1 · ${usd(first)} · paid`);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('tender-panel')).toContainText('Part 2 of 2');
  await page.getByTestId('tender-panel').getByRole('button', { name: 'Tendered $10.00' }).click();
  await expect(page.getByTestId('change-due')).toContainText(usd(1000 - (total - first)));
  await expect(page.getByTestId('receipt-tenders')).toContainText('part 1');
  await expect(page.getByTestId('receipt-tenders')).toContainText('part 2');

  // Cash tips, declared by the cashier herself.
  await page.getByRole('button', { name: 'Declare tips' }).click();
  const tips = page.getByRole('dialog', { name: 'Declare cash tips' });
  await tips.getByLabel('Cash tips').fill('12.50');
  await tips.getByRole('button', { name: 'Declare tips' }).click();
  await expect(page.getByTestId('counter-message')).toHaveText('$12.50 in cash tips declared for Casey (cashier).');
});
