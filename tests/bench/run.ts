/**
 * `npm run bench`: whole-system benchmarks on the built edge. Prints figures; asserts nothing.
 * Copy them into docs/performance.md with the machine they came from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';
import { benchKdsPage } from './kds-page.js';
import { benchPricing } from './pricing.js';
import { KdsFleet, runAtRate, type RateResult } from './order-latency.js';

const KDS_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const OTHER_CLIENTS = Number(process.env.BENCH_OTHER_CLIENTS ?? 10);
const STEADY_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RAMP_SECONDS = Number(process.env.BENCH_RAMP_SECONDS ?? 3);
const P99_LIMIT_MS = 50;

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const row = (r: RateResult): string =>
  `| ${r.targetRate} | ${r.achievedRate} | ${r.completed}/${r.orders} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.ackP50)} | ${ms(r.ackP99)} |`;

async function withEdge<T>(work: (edge: EdgeProcess) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-bench-'));
  const edge = await startEdgeProcess({ dataDir });
  try {
    return await work(edge);
  } finally {
    await edge.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function orderToKds(): Promise<void> {
  await withEdge(async (edge) => {
    const fleet = await KdsFleet.connect(edge.url, KDS_CLIENTS, OTHER_CLIENTS);
    console.log(`## Order-to-KDS latency: ${KDS_CLIENTS} KDS clients + ${OTHER_CLIENTS} other stream clients\n`);
    console.log('POST sent → the ticket (order.fired) at the last KDS client, ms.\n');
    console.log('| target orders/s | achieved | tickets | p50 | p99 | max | ack p50 | ack p99 |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    await runAtRate(edge.url, fleet, 50, 1); // warm-up
    const at20 = await runAtRate(edge.url, fleet, 20, STEADY_SECONDS);
    console.log(row(at20));
    const at200 = await runAtRate(edge.url, fleet, 200, STEADY_SECONDS);
    console.log(row(at200));
    let best: RateResult | undefined;
    for (let rate = 400; rate <= 12_800; rate *= 2) {
      const r = await runAtRate(edge.url, fleet, rate, RAMP_SECONDS);
      console.log(row(r));
      const sustained = r.failed === 0 && r.achievedRate >= rate * 0.95 && r.p99 < P99_LIMIT_MS;
      if (!sustained) break;
      best = r;
    }
    console.log(
      `\nAt 20 orders/s: p50 ${ms(at20.p50)} ms, p99 ${ms(at20.p99)} ms. At 200 orders/s: p50 ${ms(at200.p50)} ms, p99 ${ms(at200.p99)} ms.` +
        `\nHighest rate sustained with p99 under ${P99_LIMIT_MS} ms (doubling from 400/s): ${best ? `${best.targetRate} orders/s (p99 ${ms(best.p99)} ms)` : at200.p99 < P99_LIMIT_MS ? '200 orders/s' : 'none of the tried rates'}.\n`,
    );
    fleet.close();
  });
}

async function main(): Promise<void> {
  console.log(`Tillbox bench — ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log('edge: built, own process, SQLite WAL synchronous=FULL on a fresh data folder\n');
  for (const line of await benchPricing()) console.log(line);
  console.log('');
  await orderToKds();
  console.log('## KDS page\n');
  for (const line of await withEdge((edge) => benchKdsPage(edge.url))) console.log(line);
}

await main();
