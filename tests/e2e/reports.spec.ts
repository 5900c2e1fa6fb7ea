/**
 * End of day on the admin screen, by roles and names: Morgan (manager) opens Reports and sees the
 * X report of the open day with the sale the counter made, looks at the printable view, closes the
 * day with a Z after confirming, and the next order goes to the next business day as number 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { nextCalendarDay, uuidv7, type OrderView } from '@tillbox/core';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';
import { api, DEMO_PINS, pairScreen } from './screens.js';

// An edge of its own: the report counts every sale of the open day, and closing the day moves
// the next orders to the next one, which the suite's shared edge must not see.
let edge: EdgeProcess;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tillbox-e2e-reports-'));
  edge = await startEdgeProcess({ dataDir });
});
test.afterAll(async () => {
  await edge?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('an X report, then a Z that closes the day; the next order is the next day’s number 1', async ({ page }) => {
  const url = edge.url;
  const sale = await api(url, '/orders', {
    id: uuidv7(),
    channel: 'counter',
    lines: [{ itemId: 'latte', variantId: 'medium', quantity: 2 }],
  });
  await api(url, `/orders/${sale.id}/pay`, { method: 'cash', tendered: 5_000 });
  const total = `$${(sale.totals.total / 100).toFixed(2)}`;

  await pairScreen(page, 'admin', url);
  await page.goto(`${url}/admin`);
  await page.getByRole('button', { name: /Morgan/ }).click();
  for (const digit of DEMO_PINS.Morgan) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('tab', { name: 'Reports' }).click();

  // The X report: the open day, the counter's sale, the cash it was paid with.
  await expect(page.getByRole('heading', { name: 'End of day' })).toBeVisible();
  const report = page.getByTestId('day-report');
  await expect(report).toHaveAttribute('data-kind', 'x');
  const day = (await report.getAttribute('data-business-day')) ?? '';
  await expect(page.getByTestId('report-title')).toContainText(`X report · business day ${day}`);
  const sales = page.getByRole('region', { name: 'Sales' });
  await expect(sales.getByRole('row', { name: /Orders paid/ })).toContainText('1');
  await expect(sales.getByRole('row', { name: /Net sales/ })).toContainText(total);
  await expect(page.getByRole('region', { name: 'By tender' }).getByRole('row', { name: /Cash/ })).toContainText(total);

  // The printable view shows the lines the receipt printer prints.
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  const printable = page.getByRole('dialog', { name: `X report ${day}, as printed` });
  await expect(printable.getByLabel('Printed report')).toContainText('X REPORT');
  await expect(printable.getByLabel('Printed report')).toContainText(`Business day ${day}`);
  await printable.getByRole('button', { name: 'Done' }).click();
  await expect(printable).toBeHidden();

  // Close the day: a confirmation says what happens; Cancel changes nothing, then close it.
  await page.getByRole('button', { name: 'Close day (Z)' }).click();
  const confirm = page.getByRole('dialog', { name: `Close business day ${day}?` });
  await expect(confirm).toContainText(`new orders go to ${nextCalendarDay(day)}`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(report).toHaveAttribute('data-kind', 'x');
  await page.getByRole('button', { name: 'Close day (Z)' }).click();
  await confirm.getByRole('button', { name: `Close ${day}` }).click();
  await expect(page.getByRole('status')).toContainText(
    `Business day ${day} is closed. New orders go to ${nextCalendarDay(day)}.`,
  );
  await expect(report).toHaveAttribute('data-kind', 'z');
  await expect(page.getByTestId('report-title')).toContainText(`Z report · business day ${day} · closed at`);
  await expect(page.getByTestId('report-title')).toContainText('by Morgan');
  await expect(page.getByRole('button', { name: 'Close day (Z)' })).toBeDisabled();
  await expect(page.getByRole('navigation', { name: 'Closed days' }).getByRole('button')).toHaveText(
    `Z ${day} · ${total}`,
  );

  // The next order is the next business day's number 1; the X report now starts from it.
  const next = await api<OrderView>(url, '/orders', {
    id: uuidv7(),
    channel: 'counter',
    lines: [{ itemId: 'americano', variantId: 'large', quantity: 1 }],
  });
  expect(next.businessDay).toBe(nextCalendarDay(day));
  expect(next.number).toBe(1);
  await page.getByRole('button', { name: 'X report' }).click();
  await expect(page.getByTestId('report-title')).toContainText(`X report · business day ${nextCalendarDay(day)}`);
  await expect(sales.getByRole('row', { name: /Orders paid/ })).toContainText('0');
  await expect(
    page.getByRole('region', { name: 'Open orders' }).getByRole('row', { name: /Unpaid orders/ }),
  ).toContainText('1');

  // The closed day's Z is still there as it was stored.
  await page.getByRole('button', { name: `Z ${day} · ${total}` }).click();
  await expect(page.getByTestId('report-title')).toContainText(`Z report · business day ${day}`);
  await expect(sales.getByRole('row', { name: /Net sales/ })).toContainText(total);
});
