/**
 * Loyalty across the chain demo as `npm start` runs it (`deploy/demo/start.js` on free ports, a
 * fresh data folder, the demo's member Ada with 500 points): a guest identifies herself at the
 * kiosk by phone, sees her points, redeems a free drink and pays; the points she spent and earned
 * reach the cloud's ledger and show on the online page, where she redeems a free drink (the store's
 * redemption is the ledger's one entry for it); a cashier scans her card at the counter
 * (a keyboard-wedge scanner, the focus in the name field) and sees the same points.
 */
import { expect, test, type Page } from '@playwright/test';
import { startChainDemo, type ChainDemo } from './chain-demo.js';
import { DEMO_PINS, startKioskOrder } from './screens.js';

const STORE = 'demo-store';
const CARD = 'TBXM1-demo-ada-0000000001';
let demo: ChainDemo | undefined;
let edgeUrl = '';
let cloudUrl = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  demo = await startChainDemo('loyalty');
  ({ edgeUrl, cloudUrl } = demo);
  expect(demo.output()).toContain(`rewards card          ${CARD}`);
});

test.afterAll(async () => {
  await demo?.stop();
});

interface Entry {
  kind: string;
  points: number;
  origin: string;
  orderId?: string;
}
const ledger = async (): Promise<Entry[]> =>
  ((await (await fetch(`${cloudUrl}/api/v1/admin/loyalty/accounts/m-demo-ada`)).json()) as { entries: Entry[] })
    .entries;

test('a guest redeems at the kiosk, and her points show on the online page', async ({ page }) => {
  await startKioskOrder(page, edgeUrl);
  await page.getByRole('button', { name: 'Espresso Bar' }).click();
  await page.getByRole('button', { name: /Caffè Latte/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Caffè Latte' });
  await dialog.getByRole('radio', { name: /Medium/ }).check();
  await dialog.getByRole('button', { name: 'Add to order' }).click();
  await page.getByRole('dialog', { name: 'Add a Butter Croissant?' }).getByRole('button', { name: 'Add' }).click();
  await page.getByRole('button', { name: 'Review & pay' }).click();
  const before = await page.getByTestId('cart-total').textContent();

  // Her phone number on the keypad: the store box asks the cloud.
  await page.getByTestId('loyalty-open').click();
  for (const digit of '5550100199') await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByTestId('loyalty-phone')).toHaveText('5550100199');
  await page.getByRole('button', { name: 'Find me' }).click();
  const rewards = page.getByTestId('loyalty');
  await expect(rewards.getByText('Hi Ada!')).toBeVisible();
  await expect(page.getByTestId('loyalty-points')).toHaveText('You have 500 points');
  await expect(page.getByTestId('loyalty-estimate')).toHaveCount(0);

  // A free drink: the latte comes off the total at once.
  await rewards.getByRole('button', { name: 'Redeem' }).first().click();
  await expect(rewards.getByRole('button', { name: 'Redeemed · tap to undo' })).toBeVisible();
  await expect(page.getByTestId('cart-discount').first()).toBeVisible();
  await expect(page.getByTestId('cart-total')).not.toHaveText(before ?? '');

  await page.getByRole('button', { name: 'Place order' }).click();
  const amount = (await page.getByTestId('pay-amount').textContent()) ?? '';
  await page.getByRole('button', { name: `Pay ${amount}`, exact: true }).click();
  await expect(page.getByTestId('order-number')).toHaveText(/^\d+$/);

  // The store's entries reach the cloud's ledger once each: 150 spent, the paid order's points earned.
  await expect
    .poll(async () => (await ledger()).filter((e) => e.origin.startsWith(`store:${STORE}:`)).length, {
      timeout: 15_000,
    })
    .toBe(2);
  const entries = await ledger();
  const earned = entries.find((e) => e.kind === 'accrual')?.points ?? 0;
  expect(entries.find((e) => e.kind === 'redemption')?.points).toBe(-150);
  expect(earned).toBeGreaterThan(0);

  await page.goto(`${cloudUrl}/order/${STORE}`);
  const online = page.getByTestId('online-rewards');
  await online.getByLabel('Rewards card').fill(CARD);
  await online.getByRole('button', { name: 'Show my points' }).click();
  await expect(page.getByTestId('online-points')).toHaveText(String(500 - 150 + earned));
  // Remembered on this device.
  await page.reload();
  await expect(page.getByTestId('online-points')).toHaveText(String(500 - 150 + earned));
});

test('she redeems a free drink on the online page; the store spends the points once', async ({ page }) => {
  const balance = (await ledger()).reduce((s, e) => s + e.points, 0);
  await page.goto(`${cloudUrl}/order/${STORE}`);
  const rewards = page.getByTestId('online-rewards');
  // The card (remembered on this device after the test above): her points and the rewards she may take.
  const cardField = rewards.getByLabel('Rewards card');
  await expect(page.getByTestId('online-points').or(cardField)).toBeVisible();
  if (await cardField.isVisible()) {
    await cardField.fill(CARD);
    await rewards.getByRole('button', { name: 'Show my points' }).click();
  }
  await expect(page.getByTestId('online-points')).toHaveText(String(balance));
  await page.getByRole('button', { name: 'Add Caffè Latte', exact: true }).click();
  await page.getByRole('button', { name: 'Add Butter Croissant', exact: true }).click();
  const cart = page.getByRole('complementary', { name: 'Your order' });
  const before = (await cart.getByTestId('online-total').textContent()) ?? '';
  await rewards.getByRole('button', { name: 'Redeem', exact: true }).first().click();
  await expect(rewards.getByRole('button', { name: 'Redeemed ✓' })).toBeVisible();
  // The drink comes off the total at once, priced on the page as the cloud and the store will.
  await expect(cart.getByTestId('online-total')).not.toHaveText(before);
  const total = (await cart.getByTestId('online-total').textContent()) ?? '';

  await cart.getByLabel('Your name').fill('Ada');
  await cart.getByRole('button', { name: `Place order and pay ${total}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/order/${STORE}/[0-9a-f-]{36}$`));
  const orderId = page.url().split('/').at(-1) ?? '';
  await expect(page.getByTestId('online-status')).toHaveText(/^Your order \d+ is being prepared\.$/);

  // The store's loyalty.redeemed is the ledger's one entry for it.
  await expect
    .poll(async () => (await ledger()).filter((e) => e.orderId === orderId && e.kind === 'redemption').length, {
      timeout: 15_000,
    })
    .toBe(1);
  const entry = (await ledger()).find((e) => e.orderId === orderId && e.kind === 'redemption');
  expect(entry).toMatchObject({ points: -150, origin: expect.stringMatching(`^store:${STORE}:`) });
});

test('a cashier scans her card at the counter and sees her points', async ({ page }) => {
  const balance = (await ledger()).reduce((s, e) => s + e.points, 0);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${edgeUrl}/`);
  await page.getByRole('link', { name: /Counter/ }).click();
  await page.getByRole('button', { name: /Casey/ }).click();
  for (const digit of DEMO_PINS.Casey) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Casey');
  await page.getByRole('tab', { name: 'Bakery' }).click();
  await page.getByRole('button', { name: /^Chocolate Chip Cookie/ }).click();

  // The focus in the name field: the scanner's keys attach the customer and leave the field as it was.
  const name = page.getByRole('textbox', { name: /Name/ });
  await name.click();
  await page.keyboard.type('Jo', { delay: 120 });
  await scanCard(page);
  await expect(page.getByTestId('customer-name')).toHaveText('Ada');
  await expect(page.getByTestId('customer-points')).toHaveText(`${balance} points`);
  await expect(name).toHaveValue('Jo');
  await expect(page.getByTestId('ticket-line')).toHaveCount(1);
});

/** The card's code as fast as a scanner types it, then Enter. */
async function scanCard(page: Page): Promise<void> {
  await page.keyboard.type(CARD, { delay: 5 });
  await page.keyboard.press('Enter');
}
