/**
 * Order-to-KDS series on several targets (the edge and the floor) with the same clients and
 * rates: 20 and 200 orders/s steady, then doubling from 400/s until a rate is not sustained. The
 * targets take turns at each rate, so that other load on the machine falls on both alike: at the
 * steady rates `steadyTurns` turns each, their orders pooled (3 turns of 10 s: a p99 at 20/s from
 * 600 orders, where one turn's 200 made it the third-slowest order). Then the edge next to the
 * floor, with the goals printed next to the figures.
 */
import type { RequestHeaders } from './auth.js';
import { KdsFleet, pooled, runAtRate, type RateResult, type Target } from './order-latency.js';
import { cpuSeconds } from './process-cpu.js';

export const P99_LIMIT_MS = 50;

export interface SeriesOptions {
  kdsClients: number;
  otherClients: number;
  steadySeconds: number;
  /** Turns of `steadySeconds` per target at each steady rate, taken in alternation and pooled. */
  steadyTurns: number;
  rampSeconds: number;
}

export interface Series {
  name: string;
  results: RateResult[];
  at20: RateResult;
  /** The highest rate tried that was sustained: no failures, ≥ 95 % achieved, p99 under the limit. */
  best: RateResult | undefined;
}

export const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');

const sustained = (r: RateResult): boolean =>
  r.failed === 0 && r.achievedRate >= r.targetRate * 0.95 && r.p99 < P99_LIMIT_MS;

export const RATE_TABLE_HEADER = [
  '| orders/s | target | achieved | tickets | p50 | p99 | max | ack p50 | ack p99 |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

/** Why orders failed, as `2 × ECONNRESET, 1 × HTTP 503`: printed under a row with failures. */
const failureList = (r: RateResult): string =>
  Object.entries(r.failures)
    .map(([why, n]) => `${n} × ${why}`)
    .join(', ');

export const rateRow = (name: string, r: RateResult): string =>
  `| ${r.targetRate} | ${name} | ${r.achievedRate} | ${r.completed}/${r.orders} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.ackP50)} | ${ms(r.ackP99)} |` +
  (r.failed > 0 ? `\n| ${r.targetRate} | ${name}, failed | ${failureList(r)} | | | | | | |` : '') +
  (r.onNewConnections > 0
    ? `\n| ${r.targetRate} | ${name}, on connections opened mid-turn | ${r.onNewConnections} orders | | | | | | |`
    : '');

/**
 * Waits until `pid` uses under 5 % of a core over 200 ms (at most `limitMs`), so that a target's
 * turn does not share the machine with the other's leftovers: an overloaded step leaves print
 * jobs, checkpoints and collections to finish for seconds after its last ticket.
 */
async function quiet(pid: number | undefined, limitMs = 20_000): Promise<void> {
  if (pid === undefined) return;
  const until = performance.now() + limitMs;
  while (performance.now() < until) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 200));
    const used = cpuSeconds(pid) - before;
    // NaN: no /proc, or the process is gone.
    if (!(used > 0.01)) return;
  }
}

/** Runs the series on every target in turn at each rate, printing each row as it is measured. */
export async function runSeries(
  targets: readonly Target[],
  options: SeriesOptions,
  print: (line: string) => void = console.log,
): Promise<Series[]> {
  const drivers: { target: Target; fleet: KdsFleet; headers: RequestHeaders; results: RateResult[] }[] = [];
  try {
    for (const target of targets) {
      const headers = await target.orderHeaders();
      const fleet = await KdsFleet.connect(target.url, options.kdsClients, options.otherClients, (role) =>
        target.clientHeaders(role),
      );
      drivers.push({ target, fleet, headers, results: [] });
    }
    /** One turn of `d`, once every other target's process is quiet. */
    const turn = async (d: (typeof drivers)[number], rate: number, seconds: number): Promise<RateResult> => {
      for (const other of drivers) if (other !== d) await quiet(other.target.pid);
      return runAtRate(d.target.url, d.fleet, rate, seconds, d.headers);
    };
    const run = async (d: (typeof drivers)[number], rate: number, seconds: number): Promise<RateResult> => {
      const r = await turn(d, rate, seconds);
      d.results.push(r);
      print(rateRow(d.target.name, r));
      return r;
    };
    for (const d of drivers) await runAtRate(d.target.url, d.fleet, 50, 1, d.headers); // warm-up
    for (const rate of [20, 200]) {
      const turns = new Map<(typeof drivers)[number], RateResult[]>(drivers.map((d) => [d, []]));
      for (let round = 0; round < Math.max(1, options.steadyTurns); round++)
        for (const d of drivers) turns.get(d)?.push(await turn(d, rate, options.steadySeconds));
      for (const d of drivers) {
        const each = turns.get(d) ?? [];
        const r = pooled(each);
        d.results.push(r);
        print(rateRow(d.target.name, r));
        if (each.length > 1) {
          const of = (key: 'p50' | 'p99'): string => each.map((t) => ms(t[key])).join(' / ');
          print(`| ${rate} | ${d.target.name}, each turn | | | ${of('p50')} | ${of('p99')} | | | |`);
        }
      }
    }
    let climbing = drivers;
    for (let rate = 400; rate <= 12_800 && climbing.length > 0; rate *= 2) {
      const next: typeof drivers = [];
      for (const d of climbing) if (sustained(await run(d, rate, options.rampSeconds))) next.push(d);
      climbing = next;
    }
    return drivers.map(({ target, results }) => ({
      name: target.name,
      results,
      at20: results[0] as RateResult,
      best: results.filter(sustained).at(-1),
    }));
  } finally {
    for (const d of drivers) d.fleet.close();
  }
}

/** A summary line for one series. */
export function seriesSummary(s: Series): string {
  const at200 = s.results[1];
  const best = s.best ? `${s.best.targetRate} orders/s (p99 ${ms(s.best.p99)} ms)` : 'none of the tried rates';
  return (
    `${s.name}: at 20 orders/s p50 ${ms(s.at20.p50)} ms, p99 ${ms(s.at20.p99)} ms; at 200 orders/s p50 ${ms(at200?.p50 ?? NaN)} ms, p99 ${ms(at200?.p99 ?? NaN)} ms. ` +
    `Highest rate sustained with p99 under ${P99_LIMIT_MS} ms: ${best}.`
  );
}

const ratio = (a: number, b: number): string => (Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const cell = (r: RateResult | undefined, key: 'p50' | 'p99'): string => (r ? ms(r[key]) : '—');

/** The edge next to the floor, rate by rate, and the goals (printed, not asserted). */
export function comparison(edge: Series, floor: Series): string[] {
  const rates = [...new Set([...edge.results, ...floor.results].map((r) => r.targetRate))].sort((a, b) => a - b);
  const lines = [
    `| orders/s | ${edge.name} p50 | floor p50 | ratio | ${edge.name} p99 | floor p99 | ratio |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const rate of rates) {
    const e = edge.results.find((r) => r.targetRate === rate);
    const f = floor.results.find((r) => r.targetRate === rate);
    lines.push(
      `| ${rate} | ${cell(e, 'p50')} | ${cell(f, 'p50')} | ${e && f ? ratio(e.p50, f.p50) : '—'} | ${cell(e, 'p99')} | ${cell(f, 'p99')} | ${e && f ? ratio(e.p99, f.p99) : '—'} |`,
    );
  }
  const edgeBest = edge.best?.targetRate ?? 0;
  const floorBest = floor.best?.targetRate ?? 0;
  const p99Ratio = edge.at20.p99 / floor.at20.p99;
  const met = (ok: boolean): string => (ok ? 'met' : '**not met**');
  lines.push(
    '',
    `Highest rate sustained with p99 under ${P99_LIMIT_MS} ms: ${edge.name} ${edgeBest || 'none'}, floor ${floorBest || 'none'} orders/s (ratio ${ratio(edgeBest, floorBest)}).`,
    '',
    `Goal — order-to-KDS p99 at 20 orders/s within 2× the floor: ${ms(edge.at20.p99)} vs ${ms(floor.at20.p99)} ms = ${ratio(edge.at20.p99, floor.at20.p99)}: ${met(p99Ratio <= 2)}.`,
    `Goal — highest sustained rate at least half the floor's: ${edgeBest || 'none'} vs ${floorBest || 'none'} orders/s = ${ratio(edgeBest, floorBest)}: ${met(floorBest > 0 && edgeBest >= floorBest / 2)}.`,
  );
  return lines;
}
