/**
 * The chain demo as `npm start` runs it — `deploy/demo/start.js` on free ports with a fresh data
 * folder: the store box with its embedded broker, the cloud relay on PGlite serving the online
 * ordering page, the demo menu published from the cloud. A guest orders on the online page; the
 * ticket is on the store's KDS; the cook bumps it; the guest's page says it is ready; and every
 * event of the store's log is in the cloud's database exactly once — the first ones, published
 * before the cloud relay had connected, included.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startChainDemo, type ChainDemo } from './chain-demo.js';
import { deviceHeaders, openLive, ticketOf } from './screens.js';

const STORE = 'demo-store';
let demo: ChainDemo | undefined;
let edgeUrl = '';
let cloudUrl = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  demo = await startChainDemo('online');
  ({ edgeUrl, cloudUrl } = demo);
  const output = demo.output();
  expect(output, output).not.toContain('online ordering is not ready');
  expect(output).toContain(`online ordering page  http://localhost:${demo.cloudPort}/order/${STORE}`);
});

test.afterAll(async () => {
  await demo?.stop();
});

async function kitchenDisplay(browser: Browser): Promise<Page> {
  const kds = await (await browser.newContext()).newPage();
  await openLive(kds, `${edgeUrl}/kds/kitchen`);
  return kds;
}

test('a guest orders online, the kitchen bumps it, and the page says it is ready', async ({ page, browser }) => {
  await page.goto(`${cloudUrl}/order/${STORE}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tillbox Demo Coffee');
  const add = page.getByRole('button', { name: 'Add Butter Croissant', exact: true });
  await add.click();
  await add.click();
  const cart = page.getByRole('complementary', { name: 'Your order' });
  await expect(cart.getByTestId('online-cart-line')).toHaveCount(1);
  await expect(cart.getByLabel('2 of Butter Croissant')).toHaveText('2');
  const total = (await cart.getByTestId('online-total').textContent()) ?? '';
  expect(total).toMatch(/^\$\d+\.\d\d$/);

  // No name: nothing is sent, and the page says what to do.
  const placeButton = cart.getByRole('button', { name: `Place order and pay ${total}`, exact: true });
  await placeButton.click();
  await expect(cart.getByText('Enter your name: the store calls it out when your order is ready.')).toBeVisible();
  await expect(page).toHaveURL(`${cloudUrl}/order/${STORE}`);

  await cart.getByLabel('Your name').fill('Ada');
  await placeButton.click();
  await expect(page).toHaveURL(new RegExp(`/order/${STORE}/[0-9a-f-]{36}$`));
  const status = page.getByTestId('online-status');
  await expect(status).toHaveAttribute('role', 'status');
  // Paid online, so it goes to the kitchen at once.
  await expect(status).toHaveText(/^Your order \d+ is being prepared\.$/);
  const n = Number(await page.getByTestId('online-order-number').textContent());
  await expect(page.getByText(`Total ${total} · paid`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Preparing' })).toHaveAttribute('aria-current', 'step');

  const kds = await kitchenDisplay(browser);
  const ticket = ticketOf(kds, n);
  await expect(ticket).toContainText('Butter Croissant');
  await expect(ticket.getByTestId('ticket-channel')).toHaveText(/online/i);
  await kds.getByRole('button', { name: `Bump order ${n}`, exact: true }).click();
  await expect(ticket).toHaveCount(0);

  await expect(status).toHaveText(`Your order ${n} is ready for pickup.`, { timeout: 15_000 });
  await expect(page.getByRole('listitem').filter({ hasText: 'Ready for pickup' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await kds.context().close();
});

test("every event of the store's log is in the cloud's database exactly once", async () => {
  const admin = await deviceHeaders(edgeUrl, 'admin', 'Robin');
  const relay = async (): Promise<{ connected: boolean; state: { headSeq: number; backlog: number } }> =>
    (await fetch(`${edgeUrl}/api/v1/relay`, { headers: admin })).json() as Promise<{
      connected: boolean;
      state: { headSeq: number; backlog: number };
    }>;
  // Everything the store logged has been taken by the broker.
  await expect.poll(async () => (await relay()).state.backlog, { timeout: 15_000 }).toBe(0);
  const head = (await relay()).state.headSeq;
  expect(head).toBeGreaterThan(10);

  const store = async (): Promise<{ lastSeq: number; maxSeq: number }> => {
    const { stores } = (await (await fetch(`${cloudUrl}/api/v1/admin/stores`)).json()) as {
      stores: { id: string; lastSeq: number; maxSeq: number }[];
    };
    const found = stores.find((s) => s.id === STORE);
    return { lastSeq: found?.lastSeq ?? 0, maxSeq: found?.maxSeq ?? 0 };
  };
  await expect.poll(store, { timeout: 15_000 }).toEqual({ lastSeq: head, maxSeq: head });
  const { events } = (await (await fetch(`${cloudUrl}/api/v1/admin/stores/${STORE}/events?limit=5000`)).json()) as {
    events: { seq: number; id: string; type: string }[];
  };
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
  expect(new Set(events.map((e) => e.id)).size).toBe(head);
  // The online order's life is there: placed, paid, fired, bumped to ready.
  const types = events.map((e) => e.type);
  for (const type of ['order.placed', 'order.paid', 'order.fired', 'order.ready']) expect(types, type).toContain(type);
});
