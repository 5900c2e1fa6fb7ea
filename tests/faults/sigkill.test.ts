/**
 * SIGKILL at random moments during order load, round after round on one store: every order the
 * edge acknowledged is stored exactly once, `integrity_check` is ok and the event log's seq runs
 * without a gap. An order whose answer was cut off is sent again (same id) after the restart and
 * must come back as one order, never two. Kill times come from the run's seed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashRounds } from './support/crash-rounds.js';
import { record, spread } from './support/figures.js';
import { Random, scaled, SEED } from './support/profile.js';

// The issue asks for 1,000 long rounds; on the 2-core box a round takes ~1.8 s, so the long variant
// runs 300 (~10 min). TILLBOX_FAULTS_SIGKILL_ROUNDS=1000 runs the full count.
const ROUNDS = scaled('sigkill_rounds', { ci: 20, long: 300 });

describe(`SIGKILL during order load (${ROUNDS} rounds, seed ${SEED})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-fault-sigkill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses and doubles no acknowledged order, keeps the file sound and the seq contiguous', async () => {
    const s = await crashRounds({ dataDir, rounds: ROUNDS, random: new Random(SEED) });
    record({
      scenario: 'SIGKILL during order load',
      runs: s.rounds,
      lost: s.lost.size,
      doubled: s.doubled.size,
      fiveXx: s.fiveXx,
      recoveryMs: spread(s.recoveriesMs),
      notes: `${s.acknowledged.toLocaleString('en-US')} acknowledged orders; ${s.cutOff.toLocaleString('en-US')} cut off and resent`,
    });
    const seed = `(seed ${SEED})`;
    expect(
      [...s.lost].map(([id, round]) => `${id} missing after round ${round}`),
      `lost ${seed}`,
    ).toEqual([]);
    expect(
      [...s.doubled].map(([id, round]) => `${id} after round ${round}`),
      `doubled ${seed}`,
    ).toEqual([]);
    expect(s.integrityFailures, `integrity_check ${seed}`).toEqual([]);
    expect(s.seqGaps, `seq ${seed}`).toEqual([]);
    expect(s.resendFailures, `resent orders ${seed}`).toEqual([]);
    expect(s.refused, `refused orders ${seed}`).toEqual([]);
    expect(s.fiveXx, `5xx answers ${seed}`).toBe(0);
    expect(s.degraded, `restarts with health degraded ${seed}`).toBe(0);
    expect(s.recoveriesMs).toHaveLength(ROUNDS);
  });
});
