/**
 * The figures each fault scenario reports (runs, lost, doubled, 5xx, recovery time): written by
 * the tests to a folder the global setup provides, printed as one table when the suite ends, in
 * the shape docs/reliability.md records them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { PROFILE, SEED } from './profile.js';

export interface Figures {
  scenario: string;
  /** Rounds, cases or pairs run. */
  runs: number;
  /** Acknowledged orders (or effects) missing afterwards. */
  lost: number;
  /** Acknowledged orders (or effects) present twice. */
  doubled: number;
  /** Answers with a 5xx status (and crashes). */
  fiveXx: number;
  /** Milliseconds from restart (or from the fault ending) to the first good answer: median and worst. */
  recoveryMs?: { median: number; max: number } | undefined;
  /** Anything else worth recording, in words ("1,204 acknowledged orders", "control lost 37"). */
  notes?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    faultFiguresDir: string;
  }
}

/** Median and worst of a list of durations. */
export function spread(durations: readonly number[]): { median: number; max: number } | undefined {
  if (durations.length === 0) return undefined;
  const sorted = [...durations].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

export function record(figures: Figures): void {
  const dir = inject('faultFiguresDir');
  mkdirSync(dir, { recursive: true });
  const file = figures.scenario.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  writeFileSync(join(dir, `${file}.json`), JSON.stringify({ ...figures, seed: SEED, profile: PROFILE }));
}

const thousands = (n: number): string => n.toLocaleString('en-US');

/** The recorded figures as a Markdown table (the one docs/reliability.md shows). */
export function figuresTable(dir: string): string {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return '(no figures recorded)';
  }
  const rows = files
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Figures & { seed: number; profile: string })
    .sort((a, b) => a.scenario.localeCompare(b.scenario));
  const lines = [
    '| scenario | runs | lost | doubled | 5xx | recovery (median / worst) | seed | notes |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |',
  ];
  for (const r of rows) {
    const recovery = r.recoveryMs ? `${thousands(r.recoveryMs.median)} ms / ${thousands(r.recoveryMs.max)} ms` : '—';
    lines.push(
      `| ${r.scenario} | ${thousands(r.runs)} | ${r.lost} | ${r.doubled} | ${r.fiveXx} | ${recovery} | ${r.seed} | ${r.notes ?? ''} |`,
    );
  }
  return lines.join('\n');
}
