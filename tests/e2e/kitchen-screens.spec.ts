/**
 * What the kitchen family shows: "N more below" when tickets overflow, no default options on a
 * ticket, pickup tiles named as they look and removed only after staff confirm, and axe (WCAG 2.2
 * AA) finding nothing on the KDS, the expo and the pickup board — bumped items included.
 */
import { expect, test } from '@playwright/test';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { expectNoAxeViolations, itemsOf, ownEdges } from './kitchen-helpers.js';
import { api, openLive, placeOrder, ticketOf } from './screens.js';

const edges = ownEdges();
const espresso = { itemId: 'espresso', modifiers: [], quantity: 1 };

test('when tickets overflow, the KDS says how many more are below, and shows them when asked', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { url } = await edges.start();
  for (let i = 0; i < 12; i++) await placeOrder(url, latteOrder({ lines: [espresso] }));
  await openLive(page, `${url}/kds/bar`);
  await expect(page.getByTestId('ticket')).toHaveCount(12);

  const more = page.getByTestId('more-below');
  await expect(more).toHaveText(/^\d+ more tickets below/);
  // The count is the tickets whose number cannot be seen yet.
  const hidden = await page.getByTestId('ticket').evaluateAll((cards) => {
    const main = cards[0]!.closest('main')!.getBoundingClientRect();
    return cards.filter((c) => c.getBoundingClientRect().top > main.bottom - 48).length;
  });
  expect(hidden).toBeGreaterThan(0);
  await expect(more).toHaveAttribute('data-count', String(hidden));
  /** The count the screen shows now; 0 once nothing is hidden (the indicator is gone). */
  const shownCount = () => more.evaluateAll((els) => Number(els[0]?.getAttribute('data-count') ?? 0));
  await more.click();
  await expect.poll(shownCount).toBeLessThan(hidden);
  await page.getByTestId('ticket').last().scrollIntoViewIfNeeded();
  await expect.poll(shownCount).toBe(0);
  await expect(more).toHaveCount(0);
});

test('a latte with its default milk says only "Caffè Latte"; oat milk is shown', async ({ page }) => {
  const { url } = await edges.start();
  const plain = await placeOrder(
    url,
    latteOrder({ lines: [{ itemId: 'latte', variantId: 'medium', modifiers: [], quantity: 1 }] }),
  );
  const chosen = await placeOrder(
    url,
    latteOrder({
      lines: [
        {
          itemId: 'latte',
          variantId: 'medium',
          modifiers: [
            { groupId: 'milk', optionId: 'whole' },
            { groupId: 'syrup', optionId: 'vanilla' },
          ],
          quantity: 1,
        },
      ],
    }),
  );
  const oat = await placeOrder(url, latteOrder({ lines: [latteOrder().lines[0]!] }));
  // The edge keeps the default on the order (receipts, reports); the kitchen does not need it.
  expect((await api(url, `/orders/${plain.id}`)).lines[0]!.modifiers).toMatchObject([
    { optionId: 'whole', default: true },
  ]);
  await openLive(page, `${url}/kds/bar`);
  await expect(ticketOf(page, plain.number)).toContainText('Caffè Latte');
  await expect(ticketOf(page, plain.number)).not.toContainText('Whole milk');
  await expect(ticketOf(page, chosen.number)).toContainText('+ Vanilla');
  await expect(ticketOf(page, chosen.number)).not.toContainText('Whole milk');
  await expect(ticketOf(page, oat.number)).toContainText('+ Oat milk');
});

test('pickup tiles are named as they look; a number leaves the board only after staff confirm', async ({ page }) => {
  const { url } = await edges.start();
  const cy = await placeOrder(url, latteOrder({ guestName: 'Cy Twombly', lines: [espresso] }));
  const anon = await placeOrder(url, latteOrder({ lines: [espresso] }));
  const making = await placeOrder(url, latteOrder({ guestName: 'Mia', lines: [espresso] }));
  for (const o of [cy, anon]) await api(url, `/orders/${o.id}/ready`, {});
  await openLive(page, `${url}/pickup`);

  await expect(page.getByRole('listitem', { name: `${making.number} Mia, preparing`, exact: true })).toBeVisible();
  const tile = page.getByRole('button', { name: `${cy.number} Cy, ready`, exact: true });
  await expect(tile).toHaveText(new RegExp(`^\\s*${cy.number}\\s*Cy\\s*$`));
  await expect(page.getByRole('button', { name: `${anon.number}, ready`, exact: true })).toBeVisible();

  // A tap asks first; "keep" keeps the number up, for guests and on the edge.
  await tile.click();
  const dialog = page.getByRole('dialog', { name: `Remove ${cy.number} from the board?` });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Keep it on the board' }).click();
  await expect(dialog).toBeHidden();
  await expect(tile).toBeVisible();
  expect((await api(url, `/orders/${cy.id}`)).status).toBe('ready');

  await tile.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, picked up' }).click();
  await expect(tile).toHaveCount(0);
  await expect.poll(async () => (await api(url, `/orders/${cy.id}`)).status).toBe('picked_up');
});

test('axe finds no WCAG 2.2 AA violation on the KDS (bumped items too), the expo and the pickup board', async ({
  browser,
}) => {
  const { url } = await edges.start();
  const rush = await placeOrder(url, latteOrder({ rush: true, guestName: 'Ana', lines: [espresso] }));
  const two = await placeOrder(url, latteOrder({ lines: [latteOrder().lines[0]!, espresso] }));
  await placeOrder(url, latteOrder({ channel: 'counter', orderType: 'dine-in', table: '12', lines: [espresso] }));
  const ready = await placeOrder(url, latteOrder({ guestName: 'Cy', lines: [espresso] }));
  await api(url, `/orders/${ready.id}/ready`, {});
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });

  const kds = await context.newPage();
  await openLive(kds, `${url}/kds/bar`);
  await expect(ticketOf(kds, rush.number)).toBeVisible();
  await itemsOf(kds, two.number).first().click();
  await expect(itemsOf(kds, two.number).first()).toHaveAttribute('data-bumped', 'true');
  await kds.keyboard.press('ArrowRight');
  await kds.getByRole('button', { name: 'Recall', exact: true }).click();
  await expect(kds.getByTestId('recall-panel')).toBeVisible();
  await expectNoAxeViolations(kds);
  // A ticket just bumped, kept in place.
  await kds.getByRole('button', { name: `Bump order ${rush.number}`, exact: true }).click();
  await expect(kds.getByTestId('bumped-ticket')).toBeVisible();
  await expectNoAxeViolations(kds);

  const expo = await context.newPage();
  await openLive(expo, `${url}/kds/expo`);
  await expect(expo.getByTestId('expo-order').first()).toBeVisible();
  await expectNoAxeViolations(expo);

  const pickup = await context.newPage();
  await openLive(pickup, `${url}/pickup`);
  await expect(pickup.getByRole('button', { name: `${ready.number} Cy, ready` })).toBeVisible();
  await expectNoAxeViolations(pickup);

  const index = await context.newPage();
  await index.goto(`${url}/kds`);
  await expect(index.getByRole('link', { name: /Expo/ })).toBeVisible();
  await expectNoAxeViolations(index);
  await context.close();
});
