/**
 * A CPU profile of the built edge under order load (not part of `npm run bench`): starts the
 * edge with `--cpu-prof`, connects the bench's KDS fleet, places orders at `PROFILE_RATE`/s for
 * `PROFILE_SECONDS`, stops the edge and says where the profile is. Read it with Chromium's
 * DevTools or `tsx tests/bench/profile-summary.ts FILE`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEdgeProcess } from '../support/edge-process.js';
import { edgeTarget, KdsFleet, runAtRate } from './order-latency.js';

const rate = Number(process.env.PROFILE_RATE ?? 200);
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
const profDir = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'tillbox-prof-'));
const edge = await startEdgeProcess({
  dataDir: mkdtempSync(join(tmpdir(), 'tillbox-prof-data-')),
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
});
const target = edgeTarget(edge.url);
const fleet = await KdsFleet.connect(edge.url, 20, 10, (role) => target.clientHeaders(role));
const r = await runAtRate(edge.url, fleet, rate, seconds, await target.orderHeaders());
console.log(r);
fleet.close();
await edge.stop();
console.log(`profile in ${profDir}`);
