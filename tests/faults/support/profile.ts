/**
 * How hard the fault suite pushes: the CI variant (`npm test`, a few minutes) or the long one
 * (`npm run faults`, `TILLBOX_FAULTS=long`). Every random choice comes from one seed, printed
 * with the figures and in every failure, so a failing run is repeated with
 * `TILLBOX_FAULTS_SEED=<seed>`.
 */

export type FaultProfile = 'ci' | 'long';

export const PROFILE: FaultProfile = process.env.TILLBOX_FAULTS === 'long' ? 'long' : 'ci';

function seedFromEnv(): number {
  const given = process.env.TILLBOX_FAULTS_SEED;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isSafeInteger(n)) throw new Error(`TILLBOX_FAULTS_SEED must be an integer, got "${given}"`);
    return n;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** The run's seed (one per test file: vitest loads each file in its own module graph). */
export const SEED = seedFromEnv();

/** `ci` in CI, `long` under `npm run faults`; an env override (`TILLBOX_FAULTS_<NAME>`) beats both. */
export function scaled(name: string, counts: { ci: number; long: number }): number {
  const override = process.env[`TILLBOX_FAULTS_${name.toUpperCase()}`];
  if (override !== undefined && override !== '') {
    const n = Number(override);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`TILLBOX_FAULTS_${name.toUpperCase()} must be a count`);
    return n;
  }
  return counts[PROFILE];
}

/** A small seeded generator (mulberry32): the same seed gives the same kill times and choices. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}
