/**
 * The kitchen screens against the built edge: an order split across stations and seen through
 * by the expo, recall and undo, the bump bar, priority by promised time, and a KDS that lives
 * through an edge restart without losing or doubling a ticket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { OrderView } from '@tillbox/core';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';
import { bumpedTicketOf } from './kitchen-helpers.js';
import { api, buyOnKiosk, DEMO_PINS, openLive, pairScreen, placeOrder, ticketOf } from './screens.js';

/** Lines that go to the bar only (a latte and an espresso): two items on one bar ticket. */
const barOnly = [
  { itemId: 'latte', variantId: 'medium', modifiers: [], quantity: 1 },
  { itemId: 'espresso', modifiers: [], quantity: 1 },
];

/** The demo store: staff with known PINs, one-click pairing from this machine. */
const DEMO = { TILLBOX_DEMO: 'true' };
let edge: EdgeProcess | undefined;
let dataDir: string | undefined;
/** A fresh edge of the test's own, for tests that need an empty kitchen or a restart. */
async function ownEdge(env: Record<string, string> = {}): Promise<EdgeProcess> {
  dataDir = mkdtempSync(join(tmpdir(), 'tillbox-e2e-kitchen-'));
  edge = await startEdgeProcess({ dataDir, env: { ...DEMO, ...env } });
  return edge;
}
test.afterEach(async () => {
  await edge?.kill();
  edge = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const expoOrder = (page: Page, n: number) => page.locator(`[data-testid="expo-order"][data-order-number="${n}"]`);
const expoStation = (page: Page, n: number, station: string) =>
  expoOrder(page, n).locator(`[data-testid="expo-station"][data-station="${station}"]`);

test('a kiosk order splits into bar and kitchen tickets; the expo sees it through to the pickup board', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const [bar, kitchen, expo, pickup, kiosk] = await Promise.all([0, 1, 2, 3, 4].map(() => context.newPage()));
  await openLive(bar!, '/kds/bar');
  await openLive(kitchen!, '/kds/kitchen');
  await openLive(expo!, '/kds/expo');
  await openLive(pickup!, '/pickup');
  const sounds = await bar!.locator('[data-screen="kds"]').getAttribute('data-sounds-played');

  const n = await buyOnKiosk(kiosk!, { latte: true, croissant: true });

  // Each station sees only its own items.
  const barTicket = ticketOf(bar!, n);
  await expect(barTicket).toBeVisible();
  await expect(barTicket.getByTestId('ticket-item')).toHaveCount(1);
  await expect(barTicket).toContainText('Caffè Latte');
  await expect(barTicket).toContainText('Oat milk');
  await expect(barTicket).not.toContainText('Croissant');
  await expect(barTicket.getByTestId('ticket-channel')).toHaveText(/kiosk/i);
  const kitchenTicket = ticketOf(kitchen!, n);
  await expect(kitchenTicket.getByTestId('ticket-item')).toHaveCount(1);
  await expect(kitchenTicket).toContainText('Butter Croissant');
  await expect(kitchenTicket).not.toContainText('Latte');
  // A new ticket beeps (the tickets already there when the page opened did not).
  await expect(bar!.locator('[data-screen="kds"]')).toHaveAttribute('data-sounds-played', String(Number(sounds) + 1));

  await expect(expoStation(expo!, n, 'bar')).toHaveAttribute('data-state', 'open');
  await expect(expoStation(expo!, n, 'kitchen')).toHaveAttribute('data-state', 'open');
  await expect(pickup!.locator(`[data-testid="pickup-preparing"] [data-order-number="${n}"]`)).toBeVisible();

  await bar!.getByRole('button', { name: `Bump order ${n}`, exact: true }).click();
  await expect(barTicket).toHaveCount(0);
  await expect(expoStation(expo!, n, 'bar')).toHaveAttribute('data-state', 'bumped');
  await expect(expoStation(expo!, n, 'bar')).toContainText('Done');
  await expect(expoStation(expo!, n, 'kitchen')).toHaveAttribute('data-state', 'open');
  await expect(pickup!.locator(`[data-testid="pickup-ready"] [data-order-number="${n}"]`)).toHaveCount(0);

  await kitchen!.getByRole('button', { name: `Bump order ${n}`, exact: true }).click();
  await expect(kitchenTicket).toHaveCount(0);
  await expect(expoOrder(expo!, n)).toHaveCount(0);
  await expect(expo!.locator(`[data-testid="expo-ready"] [data-order-number="${n}"]`)).toBeVisible();
  await expect(pickup!.locator(`[data-testid="pickup-ready"] [data-order-number="${n}"]`)).toBeVisible();
  await expect(pickup!.locator(`[data-testid="pickup-preparing"] [data-order-number="${n}"]`)).toHaveCount(0);
  await expect(pickup!.locator('[data-screen="pickup"]')).toHaveAttribute('data-sounds-played', '1');
  await context.close();
});

test('the expo can mark an order ready before the stations bump it', async ({ page, baseURL }) => {
  const order = await placeOrder(baseURL!, latteOrder());
  await openLive(page, '/kds/expo');
  // With the keyboard, as from a bump bar (a finger's tap is the next test).
  await page.getByRole('button', { name: `Mark order ${order.number} ready`, exact: true }).press('Enter');
  await expect(expoOrder(page, order.number)).toHaveCount(0);
  await expect(page.locator(`[data-testid="expo-ready"] [data-order-number="${order.number}"]`)).toBeVisible();
  await openLive(page, '/kds/bar');
  await expect(ticketOf(page, order.number)).toHaveCount(0);
});

/**
 * Orders 1 and 2 are on the screen at `path` (its cards are `cards`). A finger goes down on
 * `button` of order 1's card; meanwhile a rush order, which ranks first, arrives and must go last,
 * and order 2 is voided at the counter with a manager's PIN, leaving the kitchen unbumped, and must
 * keep its place; the caller lifts the finger.
 */
async function pressWhileTheListChanges(
  page: Page,
  path: string,
  cards: string,
  button: (n: number) => string,
): Promise<{ url: string; first: OrderView; second: OrderView; rush: OrderView; numbers: () => Promise<number[]> }> {
  const { url } = await ownEdge();
  const first = await placeOrder(url, latteOrder({ guestName: 'Ana', lines: barOnly }));
  const second = await placeOrder(url, latteOrder({ guestName: 'Bo', lines: barOnly }));
  await openLive(page, `${url}${path}`);
  const numbers = () =>
    page.locator(cards).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-order-number'))));
  await expect.poll(numbers).toEqual([first.number, second.number]);
  await page.getByRole('button', { name: button(first.number), exact: true }).hover();
  await page.mouse.down();
  const rush = await placeOrder(url, latteOrder({ rush: true, guestName: 'Cy', lines: barOnly }));
  await expect.poll(numbers).toEqual([first.number, second.number, rush.number]);
  const { staff } = await api<{ staff: { id: string; name: string }[] }>(url, '/staff/sign-in');
  const manager = staff.find((p) => p.name.startsWith('Morgan'));
  await api(url, `/orders/${second.id}/void`, {
    reason: 'guest left',
    override: { staffId: manager?.id, pin: DEMO_PINS.Morgan },
  });
  return { url, first, second, rush, numbers };
}

test('nothing moves under the expo’s finger: a rush order arriving mid-press goes last, one leaving keeps its place', async ({
  page,
}) => {
  const { url, first, second, rush, numbers } = await pressWhileTheListChanges(
    page,
    '/kds/expo',
    '[data-testid="expo-kitchen"] > article',
    (n) => `Mark order ${n} ready`,
  );
  const gone = (n: number) => page.locator(`[data-testid="expo-order-gone"][data-order-number="${n}"]`);
  await expect(gone(second.number)).toContainText('Left the kitchen');
  expect(await numbers()).toEqual([first.number, second.number, rush.number]);
  await page.mouse.up();
  // The tap was order 1's: it is ready, shown gone in its place for a moment; then the rush order leads.
  await expect(gone(first.number)).toBeVisible();
  await expect(page.locator(`[data-testid="expo-ready"] [data-order-number="${first.number}"]`)).toBeVisible();
  await expect.poll(numbers).toEqual([rush.number]);
  expect((await api(url, `/orders/${rush.id}`)).status).toBe('in_kitchen');
});

test('nothing moves under a cook’s finger on a station: a rush ticket arriving mid-press goes last, one leaving keeps its place', async ({
  page,
}) => {
  const { url, first, second, rush, numbers } = await pressWhileTheListChanges(
    page,
    '/kds/bar',
    'section[aria-label="Tickets"] > article',
    (n) => `Bump order ${n}`,
  );
  // Order 2's ticket left unbumped: it says so, not "Bumped".
  await expect(page.locator(`[data-testid="left-ticket"][data-order-number="${second.number}"]`)).toContainText(
    'No longer on this station',
  );
  expect(await numbers()).toEqual([first.number, second.number, rush.number]);
  await page.mouse.up();
  // The tap bumped order 1's ticket, kept in place for a moment; then the rush ticket leads.
  await expect(bumpedTicketOf(page, first.number)).toBeVisible();
  await expect.poll(numbers, { timeout: 10_000 }).toEqual([rush.number]);
  expect((await api(url, `/orders/${rush.id}`)).tickets.map((t) => t.status)).toEqual(['open']);
});

test('recall and undo bring a bumped ticket back; items bump and unbump with a tap', async ({ page, baseURL }) => {
  const order = await placeOrder(baseURL!, latteOrder({ lines: barOnly }));
  await openLive(page, '/kds/bar');
  const ticket = ticketOf(page, order.number);
  await expect(ticket).toBeVisible();

  const item = ticket.getByTestId('ticket-item').first();
  await item.click();
  await expect(item).toHaveAttribute('data-bumped', 'true');
  await expect(item).toHaveAttribute('aria-pressed', 'true');
  await item.click();
  await expect(item).toHaveAttribute('data-bumped', 'false');

  await page.getByRole('button', { name: `Bump order ${order.number}`, exact: true }).click();
  await expect(ticket).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo last bump' }).click();
  await expect(ticket).toHaveCount(1);
  await expect(ticket.getByTestId('ticket-item')).toHaveCount(2);

  await page.getByRole('button', { name: `Bump order ${order.number}`, exact: true }).click();
  await expect(ticket).toHaveCount(0);
  await page.getByRole('button', { name: 'Recall', exact: true }).click();
  const panel = page.getByTestId('recall-panel');
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: `Recall order ${order.number}`, exact: true }).click();
  await expect(ticket).toHaveCount(1);
  await expect(panel).toBeHidden();
  // Nothing doubled: one ticket, and the edge agrees it is open again.
  const back = await api(baseURL!, `/orders/${order.id}`);
  expect(back.tickets.map((t) => t.status)).toEqual(['open']);
});

test('the bump bar: keys alone select, bump, bump an item, undo and recall', async ({ page }) => {
  const { url } = await ownEdge();
  const first = await placeOrder(url, latteOrder({ lines: barOnly }));
  const second = await placeOrder(url, latteOrder({ lines: barOnly }));
  await openLive(page, `${url}/kds/bar`);
  await expect(page.getByTestId('key-legend')).toContainText('Bump ticket');
  await expect(page.getByTestId('ticket')).toHaveCount(2);
  await expect(page.getByTestId('ticket').first()).toHaveAttribute('data-order-number', String(first.number));
  await expect(page.locator('[data-selected]')).toHaveCount(0);
  // A control pressed by touch keeps focus, yet Enter and Space still belong to the bump bar.
  const sound = page.getByRole('button', { name: 'Ticket sound' });
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(ticketOf(page, second.number)).toHaveAttribute('data-selected', 'true');
  await expect(ticketOf(page, first.number)).not.toHaveAttribute('data-selected', /.*/);
  await page.keyboard.press('Enter');
  await expect(ticketOf(page, second.number)).toHaveCount(0);
  // The bumped ticket stays where it was, done, with the cursor on it; the cook moves on.
  const bumped = bumpedTicketOf(page, second.number);
  await expect(bumped).toHaveAttribute('data-selected', 'true');
  await expect(ticketOf(page, first.number)).not.toHaveAttribute('data-selected', /.*/);
  await page.keyboard.press('ArrowLeft');
  await expect(ticketOf(page, first.number)).toHaveAttribute('data-selected', 'true');
  await expect(bumped).toHaveCount(0);

  await page.keyboard.press('ArrowDown');
  const items = ticketOf(page, first.number).getByTestId('ticket-item');
  await expect(items.first()).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press(' ');
  await expect(items.first()).toHaveAttribute('data-bumped', 'true');
  await expect(items.nth(1)).toHaveAttribute('data-bumped', 'false');

  await page.keyboard.press('u');
  await expect(ticketOf(page, second.number)).toBeVisible();

  await expect(ticketOf(page, first.number)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(ticketOf(page, first.number)).toHaveCount(0);
  await expect(bumpedTicketOf(page, first.number)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('r');
  const entry = page.locator(`[data-testid="recall-entry"][data-order-number="${first.number}"]`);
  await expect(entry).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('r');
  await expect(ticketOf(page, first.number)).toBeVisible();
  await expect(page.getByTestId('recall-panel')).toBeHidden();
  await expect(page.getByTestId('ticket')).toHaveCount(2);
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
});

test('an app order promised earlier goes ahead of a counter order placed before it', async ({ page }) => {
  const { url } = await ownEdge();
  const counter = await placeOrder(url, latteOrder({ lines: [barOnly[0]!] }));
  expect(counter.status).toBe('in_kitchen');

  // What an espresso costs at this store (tax included): price it with an order that waits, then cancel it.
  const probe = await placeOrder(url, latteOrder({ fire: 'on-payment', lines: [barOnly[1]!] }));
  await api(url, `/orders/${probe.id}/cancel`, {});
  const promisedAt = new Date(Date.now() + 2 * 60_000).toISOString();
  expect(promisedAt < counter.dueAt).toBe(true);
  const app = await placeOrder(
    url,
    latteOrder({
      channel: 'app',
      orderType: 'pickup',
      guestName: 'Mia',
      promisedAt,
      payment: { method: 'external', amount: probe.totals.total, reference: 'app-1' },
      lines: [barOnly[1]!],
    }),
  );
  expect(app.status).toBe('in_kitchen');

  await openLive(page, `${url}/kds/bar`);
  const tickets = page.getByTestId('ticket');
  await expect(tickets).toHaveCount(2);
  await expect(tickets.nth(0)).toHaveAttribute('data-order-number', String(app.number));
  await expect(tickets.nth(1)).toHaveAttribute('data-order-number', String(counter.number));
  await expect(tickets.nth(0).getByTestId('ticket-channel')).toHaveText(/app/i);
  await expect(tickets.nth(0)).toContainText('Mia');
  // Each ticket says why it stands where it does: the newer app order was promised earlier.
  await expect(tickets.nth(0).getByTestId('ticket-reason')).toHaveText(
    new RegExp(`^Promised \\d+:\\d\\d.* · app pickup · ahead of older #${counter.number}$`),
  );
  await expect(tickets.nth(1).getByTestId('ticket-reason')).toHaveText(/^Due \d+:\d\d.* · counter takeout$/);
});

test('a station KDS lives through an edge restart with every ticket exactly once', async ({ page }) => {
  const heartbeat = { TILLBOX_STREAM_HEARTBEAT_MS: '1000' };
  const first = await ownEdge(heartbeat);
  const port = first.port;
  const before = [await placeOrder(first.url, latteOrder()), await placeOrder(first.url, latteOrder())];
  await openLive(page, `${first.url}/kds/bar`);
  for (const o of before) await expect(ticketOf(page, o.number)).toHaveCount(1);
  const banner = page.getByTestId('connection-banner');

  await first.kill(); // the store box crashes
  await expect(banner).toHaveAttribute('data-state', 'lost');
  edge = await startEdgeProcess({ dataDir: dataDir!, port, env: { ...DEMO, ...heartbeat } });
  const url = edge.url;
  // While the screen is still away: new orders, a bar bump and a kitchen bump it must replay.
  const missed = [await placeOrder(url, latteOrder()), await placeOrder(url, latteOrder())];
  const barTicket = (o: OrderView) => o.tickets.find((t) => t.station === 'bar')!.id;
  const kitchenTicket = (o: OrderView) => o.tickets.find((t) => t.station === 'kitchen')!.id;
  await api(url, `/tickets/${barTicket(before[0]!)}/bump`, {});
  await api(url, `/tickets/${kitchenTicket(before[1]!)}/bump`, {});
  await expect(banner).toContainText(/Back online|Live/, { timeout: 5000 });

  const open = [before[1]!, ...missed];
  await expect(page.getByTestId('ticket')).toHaveCount(open.length);
  for (const o of open) await expect(ticketOf(page, o.number)).toHaveCount(1);
  await expect(ticketOf(page, before[0]!.number)).toHaveCount(0);

  // And live events keep flowing: a new ticket appears, a bump takes one away.
  const after = await placeOrder(url, latteOrder());
  await expect(ticketOf(page, after.number)).toHaveCount(1);
  await api(url, `/tickets/${barTicket(missed[0]!)}/bump`, {});
  await expect(ticketOf(page, missed[0]!.number)).toHaveCount(0);
  await expect(page.getByTestId('ticket')).toHaveCount(open.length);
});

test('the kitchen screens list the stations, and an unknown station says which exist', async ({ page }) => {
  await pairScreen(page, 'kds');
  await page.goto('/kds');
  await expect(page.getByRole('link', { name: /Bar/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Kitchen/ })).toBeVisible();
  await page.getByRole('link', { name: /Expo/ }).click();
  await expect(page).toHaveURL(/\/kds\/expo$/);
  await expect(page.getByRole('heading', { name: 'Expo' })).toBeVisible();
  await page.goto('/kds/grill');
  await expect(page.getByTestId('error-message')).toContainText('There is no station "grill"');
  await expect(page.getByTestId('error-message')).toContainText('bar, kitchen');
});
