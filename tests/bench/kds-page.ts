/**
 * How long a KDS page already holding 200 open tickets takes to show a new one: POST sent →
 * the ticket element is in the page, in Debian's Chromium.
 */
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { uuidv7 } from '@tillbox/core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { edgeHeaders, type RequestHeaders } from './auth.js';
import { percentile } from './order-latency.js';

async function place(baseUrl: string, headers: RequestHeaders): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/orders`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      id: uuidv7(),
      channel: 'counter',
      lines: [{ itemId: 'americano', variantId: 'large', quantity: 1 }],
    }),
  });
  if (res.status !== 201) throw new Error(`placing failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { number: number }).number;
}

export async function benchKdsPage(baseUrl: string, openTickets = 200, samples = 20): Promise<string[]> {
  const counter = await edgeHeaders(baseUrl, 'counter', 'cashier');
  for (let i = 0; i < openTickets; i++) await place(baseUrl, counter);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // Pair this browser as a kitchen display (demo store, one click from localhost).
    const paired = await page.request.post(`${baseUrl}/api/v1/pairing/demo`, { data: { role: 'kds' } });
    if (paired.status() !== 201) throw new Error(`pairing the KDS page failed: ${paired.status()}`);
    await page.goto(`${baseUrl}/kds/bar`);
    await page
      .locator('[data-testid="ticket"]')
      .nth(openTickets - 1)
      .waitFor({ timeout: 30_000 });
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      const placing = place(baseUrl, counter);
      const number = await placing;
      await page
        .locator(`[data-testid="ticket"][data-order-number="${number}"]`)
        .waitFor({ state: 'attached', timeout: 10_000 });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return [
      `KDS page (/kds/bar) holding ${openTickets} open tickets, new ticket shown (POST sent → ticket in the page), ${samples} samples:`,
      `  p50 ${percentile(times, 50).toFixed(1)} ms, p90 ${percentile(times, 90).toFixed(1)} ms, max ${(times[times.length - 1] ?? NaN).toFixed(1)} ms`,
    ];
  } finally {
    await browser.close();
  }
}
