/**
 * Rounds of load and sudden death on one store: start the built edge, send again the orders the
 * last death cut off, check what is on disk against everything acknowledged so far, put order
 * load on it and kill it with SIGKILL at a moment the seed picks (then, for a power cut, undo
 * what was not fsynced). Figures are gathered, not asserted, so a control run can report losses.
 */
import { join } from 'node:path';
import type { Health, PlaceOrderInput } from '@tillbox/core';
import { demoHeaders } from '../../support/credentials.js';
import { startEdgeProcess, type EdgeProcess } from '../../support/edge-process.js';
import { latteOrder } from '../../../edge/server/src/testing/order-factory.js';
import { orderLoad, placeOrder, type Acknowledged } from './order-load.js';
import type { Random } from './profile.js';
import { checkStore } from './store-check.js';

export interface CrashRoundsOptions {
  dataDir: string;
  rounds: number;
  random: Random;
  /** Extra environment for the edge (the shim, the synchronous setting of a control run). */
  env?: Record<string, string>;
  /** Concurrent screens placing orders. */
  screens?: number;
  /** The kill comes this many milliseconds after the load starts: [min, max]. */
  killAfterMs?: [number, number];
  /** Run once the process is dead and before the restart (the power cut). */
  afterKill?: () => void;
}

export interface CrashSummary {
  rounds: number;
  acknowledged: number;
  /** Acknowledged orders missing (or changed) at a later check, and the first round it was seen. */
  lost: Map<string, number>;
  doubled: Map<string, number>;
  fiveXx: number;
  refused: string[];
  /** Orders whose answer a kill cut off, sent again after the restart. */
  cutOff: number;
  /** A resend that did not come back as an order. */
  resendFailures: string[];
  integrityFailures: string[];
  seqGaps: string[];
  /** Restart to the first order answered, per round. */
  recoveriesMs: number[];
  /** Rounds after which the edge's health said `degraded`. */
  degraded: number;
}

export async function crashRounds(options: CrashRoundsOptions): Promise<CrashSummary> {
  const summary: CrashSummary = {
    rounds: options.rounds,
    acknowledged: 0,
    lost: new Map(),
    doubled: new Map(),
    fiveXx: 0,
    refused: [],
    cutOff: 0,
    resendFailures: [],
    integrityFailures: [],
    seqGaps: [],
    recoveriesMs: [],
    degraded: 0,
  };
  const [minKill, maxKill] = options.killAfterMs ?? [20, 1500];
  const acknowledged = new Map<string, Acknowledged>();
  const dbPath = join(options.dataDir, 'tillbox.sqlite');
  let inFlight: PlaceOrderInput[] = [];
  let headers: Record<string, string> | undefined;
  let edge: EdgeProcess | undefined;
  let round = 0;
  try {
    for (; round <= options.rounds; round++) {
      const started = Date.now();
      edge = await startEdgeProcess({ dataDir: options.dataDir, ...(options.env ? { env: options.env } : {}) });
      if (!headers) {
        // Pair the counter and sign the cashier in, then stop cleanly so the pairing is on disk
        // whatever the rounds do (a control run at synchronous=NORMAL would lose it otherwise).
        headers = await demoHeaders(edge.url, 'counter', 'cashier');
        await edge.stop();
        edge = await startEdgeProcess({ dataDir: options.dataDir, ...(options.env ? { env: options.env } : {}) });
      }
      if (round > 0) {
        // Recovery: from the restart to the first order answered.
        const probe = await placeOrder(edge.url, headers, latteOrder());
        if (probe?.order) {
          summary.recoveriesMs.push(Date.now() - started);
          const { id, number, totals } = probe.order;
          acknowledged.set(id, { id, number, total: totals.total });
        } else {
          summary.resendFailures.push(`round ${round}: a new order answered ${probe?.status} ${probe?.text}`);
        }
        const health = await fetch(`${edge.url}/api/v1/health`, { headers });
        if (health.ok && ((await health.json()) as Health).status !== 'ok') summary.degraded += 1;
      }
      // The orders the last kill cut off, sent again: each comes back as one order, old or new.
      for (const body of inFlight) {
        const answer = await placeOrder(edge.url, headers, body);
        if (answer?.order) {
          acknowledged.set(body.id, { id: body.id, number: answer.order.number, total: answer.order.totals.total });
        } else {
          summary.resendFailures.push(`round ${round}: ${body.id} answered ${answer?.status} ${answer?.text}`);
        }
      }
      inFlight = [];

      const check = checkStore(dbPath, acknowledged.values());
      for (const id of check.lost) if (!summary.lost.has(id)) summary.lost.set(id, round);
      for (const id of check.doubled) if (!summary.doubled.has(id)) summary.doubled.set(id, round);
      if (check.integrity !== 'ok') summary.integrityFailures.push(`round ${round}: ${check.integrity}`);
      if (check.firstGap !== undefined) summary.seqGaps.push(`round ${round}: seq ${check.firstGap} missing`);
      if (round === options.rounds) break;

      const killAfter = options.random.int(minKill, maxKill);
      const running = edge;
      const killed = new Promise<void>((resolve) =>
        setTimeout(() => {
          void running.kill().then(resolve);
        }, killAfter),
      );
      const load = await orderLoad(edge.url, headers, { screens: options.screens ?? 8, stop: killed });
      await killed;
      edge = undefined;
      options.afterKill?.();
      for (const a of load.acknowledged) acknowledged.set(a.id, a);
      inFlight = load.inFlight;
      summary.cutOff += load.inFlight.length;
      summary.fiveXx += load.fiveXx;
      summary.refused.push(...load.refused.map((r) => `round ${round}: ${r.status} ${r.body}`));
    }
  } catch (e) {
    // Say which round broke (a start that failed, a pairing refused), with what had gone before.
    throw new Error(
      `round ${round} of ${options.rounds}, after ${acknowledged.size} acknowledged orders: ${(e as Error).message}`,
      { cause: e },
    );
  } finally {
    await edge?.stop();
  }
  summary.acknowledged = acknowledged.size;
  return summary;
}
