/**
 * Bumps a cook can trust, on a 1920×1080 KDS: a second press after the last item bumps nothing
 * of the next order (by key or by touch), and bumps made while the edge cannot be reached wait,
 * are sent in order when it answers, and count as done when the edge already has them.
 */
import { expect, test } from '@playwright/test';
import type { OrderView } from '@tillbox/core';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { bumpedTicketOf, itemsOf, ownEdges } from './kitchen-helpers.js';
import { api, openLive, placeOrder, ticketOf } from './screens.js';

test.use({ viewport: { width: 1920, height: 1080 } });

const edges = ownEdges();
/** Two items for the bar: a latte and an espresso. */
const twoBarItems = () =>
  latteOrder({
    lines: [
      { itemId: 'latte', variantId: 'medium', modifiers: [], quantity: 1 },
      { itemId: 'espresso', modifiers: [], quantity: 1 },
    ],
  });
const oneBarItem = () => latteOrder({ lines: [{ itemId: 'espresso', modifiers: [], quantity: 1 }] });
const barTicket = (o: OrderView) => o.tickets.find((t) => t.station === 'bar')!;

test('Space on the last item: the ticket stays, done and selected; a second Space touches no other order', async ({
  page,
}) => {
  const { url } = await edges.start();
  const first = await placeOrder(url, twoBarItems());
  const second = await placeOrder(url, oneBarItem());
  await openLive(page, `${url}/kds/bar`);
  await expect(page.getByTestId('ticket')).toHaveCount(2);

  // The cook makes the first item, then the last one: Space on it bumps the ticket.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  await expect(itemsOf(page, first.number).first()).toHaveAttribute('data-bumped', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(itemsOf(page, first.number).nth(1)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press(' ');
  const done = bumpedTicketOf(page, first.number);
  await expect(done).toBeVisible();
  await expect(done).toHaveAttribute('data-selected', 'true');
  await expect(done.getByTestId('ticket-bumped')).toHaveText(/Bumped/);

  // The double press: more Spaces and an Enter land on the done ticket, never on the next order.
  await page.keyboard.press(' ');
  await page.keyboard.press(' ');
  await page.keyboard.press('Enter');
  await expect(itemsOf(page, second.number)).toHaveAttribute('data-bumped', 'false');
  await expect(ticketOf(page, second.number)).not.toHaveAttribute('data-selected', /.*/);
  const edgeSecond = await api(url, `/orders/${second.id}`);
  expect(barTicket(edgeSecond).status).toBe('open');
  expect(barTicket(edgeSecond).items.every((i) => i.bumpedAt === undefined)).toBe(true);
  // Done ticket first in place; the next order has not moved into its slot.
  await expect(page.locator('[data-testid="bumped-ticket"], [data-testid="ticket"]').first()).toHaveAttribute(
    'data-order-number',
    String(first.number),
  );

  // Only "next" moves the cursor on, and then the done ticket goes.
  await page.keyboard.press('ArrowRight');
  await expect(ticketOf(page, second.number)).toHaveAttribute('data-selected', 'true');
  await expect(done).toHaveCount(0);
});

test('a double tap on the last item bumps it once; the second tap lands on the done ticket, not the next order', async ({
  page,
}) => {
  const { url } = await edges.start();
  const first = await placeOrder(url, oneBarItem());
  const second = await placeOrder(url, oneBarItem());
  await openLive(page, `${url}/kds/bar`);
  const item = itemsOf(page, first.number);
  const box = (await item.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;

  await page.mouse.click(x, y);
  await expect(bumpedTicketOf(page, first.number)).toBeVisible();
  await expect.poll(async () => barTicket(await api(url, `/orders/${first.id}`)).status).toBe('bumped');
  // The cook's second tap, where the first one was.
  await page.mouse.click(x, y);
  await page.mouse.click(x, y);
  await expect(itemsOf(page, second.number)).toHaveAttribute('data-bumped', 'false');
  const edgeSecond = await api(url, `/orders/${second.id}`);
  expect(barTicket(edgeSecond).items.every((i) => i.bumpedAt === undefined)).toBe(true);
  // A moment later the done ticket leaves and the next order takes its place.
  await expect(bumpedTicketOf(page, first.number)).toHaveCount(0, { timeout: 8000 });
  await expect(page.getByTestId('ticket').first()).toHaveAttribute('data-order-number', String(second.number));
});

test('bumps made while the edge cannot be reached wait, then go out in order; one the edge already has is done', async ({
  page,
}) => {
  const { url } = await edges.start();
  const [a, b, c] = [
    await placeOrder(url, oneBarItem()),
    await placeOrder(url, oneBarItem()),
    await placeOrder(url, oneBarItem()),
  ];
  await openLive(page, `${url}/kds/bar`);
  await expect(page.getByTestId('ticket')).toHaveCount(3);

  // The network to the edge fails for commands (the stream has not noticed yet).
  const posted: string[] = [];
  page.on('requestfinished', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/v1/tickets/')) posted.push(new URL(r.url()).pathname);
  });
  await page.route('**/api/v1/tickets/**', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: `Bump order ${a.number}`, exact: true }).click();
  await page.getByRole('button', { name: `Bump order ${c.number}`, exact: true }).click();
  // The cook sees them done, and that they are waiting; nothing says they were lost.
  await expect(page.getByTestId('bumps-waiting')).toHaveText(/2 bumps waiting to send/);
  await expect(ticketOf(page, a.number)).toHaveCount(0);
  await expect(ticketOf(page, c.number)).toHaveCount(0);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  // Meanwhile another screen bumped order a: the edge has it already.
  await api(url, `/tickets/${barTicket(a).id}/bump`, {});

  await page.unroute('**/api/v1/tickets/**');
  await expect(page.getByTestId('bumps-waiting')).toHaveCount(0, { timeout: 10_000 });
  expect(posted).toEqual([`/api/v1/tickets/${barTicket(a).id}/bump`, `/api/v1/tickets/${barTicket(c).id}/bump`]);
  // a answered 409 "already bumped": done, not an error.
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  expect(barTicket(await api(url, `/orders/${c.id}`)).status).toBe('bumped');
  expect(barTicket(await api(url, `/orders/${b.id}`)).status).toBe('open');
  await expect(page.getByTestId('ticket')).toHaveCount(1);
  await expect(ticketOf(page, b.number)).toBeVisible();
});

test('after the edge was away, a waiting bump is sent on reconnect and the "cannot reach" message clears', async ({
  page,
}) => {
  const heartbeat = { TILLBOX_STREAM_HEARTBEAT_MS: '1000' };
  const first = await edges.start(heartbeat);
  const port = first.port;
  const order = await placeOrder(first.url, twoBarItems());
  await openLive(page, `${first.url}/kds/bar`);
  const banner = page.getByTestId('connection-banner');

  await edges.kill(); // the store box goes away
  await expect(banner).toHaveAttribute('data-state', 'lost');
  await itemsOf(page, order.number).first().click();
  await expect(page.getByTestId('bumps-waiting')).toHaveText(/1 bump waiting to send/);
  await expect(itemsOf(page, order.number).first()).toHaveAttribute('data-bumped', 'true');
  // Undo needs the edge: refused plainly, not silently.
  await page.keyboard.press('u');
  await expect(page.getByTestId('error-message')).toContainText('Undo needs the store system');

  const edge = await edges.start(heartbeat, port);
  await expect(banner).toHaveAttribute('data-state', /restored|live/, { timeout: 10_000 });
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  await expect(page.getByTestId('bumps-waiting')).toHaveCount(0, { timeout: 10_000 });
  const [latte, espresso] = barTicket(await api(edge.url, `/orders/${order.id}`)).items;
  expect(latte?.bumpedAt).toBeDefined();
  expect(espresso?.bumpedAt).toBeUndefined();
  await expect(itemsOf(page, order.number).first()).toHaveAttribute('data-bumped', 'true');
  await expect(itemsOf(page, order.number).nth(1)).toHaveAttribute('data-bumped', 'false');
});
