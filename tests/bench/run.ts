/**
 * `npm run bench`: whole-system benchmarks on the built edge. Prints figures; asserts nothing.
 * Copy them into docs/performance.md with the machine they came from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';
import { benchDayReport } from './day-report.js';
import { benchKdsPage } from './kds-page.js';
import { benchKioskBudget } from './kiosk-budget.js';
import { benchPricing } from './pricing.js';
import { floorTarget, startFloorProcess } from './floor.js';
import { edgeTarget } from './order-latency.js';
import { comparison, RATE_TABLE_HEADER, runSeries, seriesSummary, type SeriesOptions } from './rate-series.js';
import { benchRelay } from './relay.js';

const SERIES: SeriesOptions = {
  kdsClients: Number(process.env.BENCH_CLIENTS ?? 20),
  otherClients: Number(process.env.BENCH_OTHER_CLIENTS ?? 10),
  steadySeconds: Number(process.env.BENCH_SECONDS ?? 10),
  steadyTurns: Number(process.env.BENCH_TURNS ?? 3),
  rampSeconds: Number(process.env.BENCH_RAMP_SECONDS ?? 3),
};

/** `BENCH_ONLY=kiosk` (or a comma list of pricing, orders, kds, kiosk, reports, relay) runs only those sections. */
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const runs = (section: string): boolean => !ONLY || ONLY.includes(section);

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
  const { kdsClients, otherClients } = SERIES;
  console.log(`## Order-to-KDS latency: ${kdsClients} KDS clients + ${otherClients} other stream clients\n`);
  console.log('POST sent → the ticket (order.fired) at the last KDS client, ms. The floor is a bare pipeline:');
  console.log('node:http, JSON.parse, one better-sqlite3 transaction (WAL, synchronous=FULL), one 2 KB frame to');
  console.log('every client over ws, in its own process. Tillbox and the floor take turns at each rate.');
  console.log('Orders go over up to 64 keep-alive connections, opened before each turn; a turn starts once');
  console.log("the other target's process is quiet (what an overloaded step left it to do is done).\n");
  console.log(RATE_TABLE_HEADER.join('\n'));
  const [edge, floor] = await withEdge(async (running) => {
    const floorProcess = await startFloorProcess();
    try {
      return await runSeries(
        [edgeTarget(running.url, running.child.pid), floorTarget(floorProcess.url, floorProcess.pid)],
        SERIES,
      );
    } finally {
      await floorProcess.stop();
    }
  });
  if (!edge || !floor) throw new Error('a series is missing');
  console.log(`\n${seriesSummary(edge)}\n${seriesSummary(floor)}\n`);
  console.log('## Tillbox against the floor\n');
  for (const line of comparison(edge, floor)) console.log(line);
  console.log('');
}

async function main(): Promise<void> {
  console.log(`Tillbox bench — ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log('edge: built, own process, SQLite WAL synchronous=FULL on a fresh data folder\n');
  if (runs('pricing')) {
    for (const line of await benchPricing()) console.log(line);
    console.log('');
  }
  if (runs('orders')) await orderToKds();
  if (runs('kds')) {
    console.log('## KDS page\n');
    for (const line of await withEdge((edge) => benchKdsPage(edge.url))) console.log(line);
    console.log('');
  }
  if (runs('kiosk')) {
    console.log('## Kiosk speed budget\n');
    const budget = {
      runs: Number(process.env.BENCH_KIOSK_RUNS ?? 5),
      menuItems: Number(process.env.BENCH_MENU_ITEMS ?? 300),
    };
    for (const line of await withEdge((edge) => benchKioskBudget(edge.url, budget))) console.log(line);
  }
  if (runs('reports')) {
    console.log('\n## End-of-day reports over a business day of 5,000 orders\n');
    const orders = Number(process.env.BENCH_REPORT_ORDERS ?? 5_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-bench-'));
    let edge = await startEdgeProcess({ dataDir });
    try {
      const restart = async (): Promise<string> => {
        await edge.stop();
        edge = await startEdgeProcess({ dataDir });
        return edge.url;
      };
      for (const line of await benchDayReport(edge.url, restart, orders)) console.log(line);
    } finally {
      await edge.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (runs('relay')) {
    console.log('');
    await benchRelay((line) => console.log(line));
  }
}

await main();
