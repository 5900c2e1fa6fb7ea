/**
 * The end-of-day reports over a busy day: 5,000 orders placed through the edge's HTTP API (the
 * group commit, as the order load does) and paid, two in three in cash and the rest by voucher, then
 * the X report asked a few times and the day closed with a Z. Times are POST/GET sent → answer
 * read, on the built edge in its own process.
 */
import { performance } from 'node:perf_hooks';
import { uuidv7, type DayReport } from '@tillbox/core';
import { edgeHeaders, type RequestHeaders } from './auth.js';
import { percentile } from './order-latency.js';

const LINES = [
  [{ itemId: 'latte', variantId: 'medium', modifiers: [{ groupId: 'milk', optionId: 'oat' }], quantity: 1 }],
  [{ itemId: 'americano', variantId: 'large', quantity: 2 }],
  [
    { itemId: 'croissant', quantity: 1 },
    { itemId: 'chocolate-cookie', quantity: 3 },
  ],
];

async function call<T>(url: string, init: RequestInit, expected: number): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Run `work(i)` for i in [0, count) with at most `width` at a time. */
async function pool(count: number, width: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function seed(baseUrl: string, headers: RequestHeaders, orders: number): Promise<void> {
  await pool(orders, 32, async (i) => {
    const body = JSON.stringify({ id: uuidv7(), channel: 'counter', lines: LINES[i % LINES.length] });
    const order = await call<{ id: string }>(`${baseUrl}/api/v1/orders`, { method: 'POST', headers, body }, 201);
    // The store's one card terminal takes one payment at a time: the day's load is cash and vouchers.
    const pay = i % 3 === 2 ? { method: 'external', reference: `voucher-${i}` } : { method: 'cash', tendered: 10_000 };
    await call(`${baseUrl}/api/v1/orders/${order.id}/pay`, { method: 'POST', headers, body: JSON.stringify(pay) }, 200);
  });
}

const money = (minor: number): string => `$${(minor / 100).toFixed(2)}`;

/**
 * `restart` stops the edge and starts it again on the same data, answering its new address: the
 * first X after it reads the open period from the log in one pass; later ones use the sums the
 * edge keeps as events commit.
 */
export async function benchDayReport(
  firstUrl: string,
  restart: () => Promise<string>,
  orders = 5_000,
  samples = 10,
): Promise<string[]> {
  const till = await edgeHeaders(firstUrl, 'counter', 'cashier');
  const seeding = performance.now();
  await seed(firstUrl, till, orders);
  const seeded = performance.now() - seeding;
  const baseUrl = await restart();
  const lead = await edgeHeaders(baseUrl, 'admin', 'manager');
  const cold = performance.now();
  await call<DayReport>(`${baseUrl}/api/v1/reports/x`, { headers: lead }, 200);
  const coldMs = performance.now() - cold;
  const xTimes: number[] = [];
  const floor: number[] = [];
  let x: DayReport | undefined;
  for (let i = 0; i < samples; i++) {
    const asked = performance.now();
    await call(`${baseUrl}/api/v1/health`, { headers: lead }, 200);
    floor.push(performance.now() - asked);
    const started = performance.now();
    x = await call<DayReport>(`${baseUrl}/api/v1/reports/x`, { headers: lead }, 200);
    xTimes.push(performance.now() - started);
  }
  if (!x) throw new Error('no X report');
  const closing = performance.now();
  const z = await call<DayReport>(
    `${baseUrl}/api/v1/reports/z`,
    { method: 'POST', headers: lead, body: JSON.stringify({ businessDay: x.businessDay }) },
    201,
  );
  const zMs = performance.now() - closing;
  xTimes.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  const tenders = z.tenders.map((t) => `${t.method}: ${t.payments} payments, ${money(t.amount)}`);
  return [
    `${orders} counter orders placed and paid over HTTP (32 at a time) in ${(seeded / 1000).toFixed(1)} s; the Z covers events ${z.fromSeq}–${z.throughSeq}`,
    `Z figures: ${z.sales.orders} orders, gross ${money(z.sales.gross)}, discounts ${money(z.sales.discounts)}, tax ${money(z.sales.tax)}, total ${money(z.sales.total)}; ${tenders.join('; ')}`,
    `GET /reports/x, the first after a restart (the day read from the log in one pass): ${coldMs.toFixed(1)} ms`,
    `GET /reports/x (${samples} runs): p50 ${percentile(xTimes, 50).toFixed(1)} ms, max ${(xTimes[xTimes.length - 1] ?? NaN).toFixed(1)} ms`,
    `POST /reports/z (closes the day, stores the report): ${zMs.toFixed(1)} ms`,
    `(the floor on this machine now: GET /health p50 ${percentile(floor, 50).toFixed(1)} ms, max ${(floor[floor.length - 1] ?? NaN).toFixed(1)} ms)`,
  ];
}
