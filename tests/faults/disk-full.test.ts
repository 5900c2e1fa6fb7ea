/**
 * A full disk under order load (finding 6): orders are refused with 507 and a message a manager
 * understands (never a generic 500), health says `degraded` with the reason while it lasts,
 * screens can still read, and once space is freed the next order goes through and health is ok
 * again. Nothing acknowledged before, during or after is lost across a restart. Runs on a real
 * small tmpfs when the machine allows mounting one, else on the fault shim's ENOSPC.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorBody, Health } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { demoHeaders } from '../support/credentials.js';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';
import { record, spread } from './support/figures.js';
import { fullDisk, type FullDisk } from './support/full-disk.js';
import { placeOrder, type Acknowledged } from './support/order-load.js';
import { scaled, SEED } from './support/profile.js';
import { checkStore } from './support/store-check.js';

const ROUNDS = scaled('disk_full_rounds', { ci: 2, long: 20 });

describe(`disk full (${ROUNDS} rounds, seed ${SEED})`, () => {
  let disk: FullDisk;
  let edge: EdgeProcess | undefined;
  beforeAll(() => {
    disk = fullDisk(mkdtempSync(join(tmpdir(), 'tillbox-fault-disk-')));
  });
  afterAll(async () => {
    await edge?.kill();
    disk?.dispose();
  });

  it('refuses with 507 and says so in health while full; sells again once space is freed; loses nothing', async () => {
    edge = await startEdgeProcess({ dataDir: disk.dataDir, env: disk.env });
    const headers = await demoHeaders(edge.url, 'counter', 'cashier');
    const url = edge.url;
    // Asked from the busy counter (its device and session were just seen, so asking writes
    // nothing); a screen whose bookkeeping is due is the next test.
    const health = async (): Promise<Health> =>
      (await (await fetch(`${url}/api/v1/health`, { headers })).json()) as Health;
    const acknowledged = new Map<string, Acknowledged>();
    const place = async () => {
      const answer = await placeOrder(url, headers, latteOrder());
      if (answer?.order) {
        const { id, number, totals } = answer.order;
        acknowledged.set(id, { id, number, total: totals.total });
      }
      return answer;
    };
    const recoveries: number[] = [];
    const unexpected: string[] = [];
    let refused = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const where = `round ${round} on ${disk.kind} (seed ${SEED})`;
      for (let i = 0; i < 5; i++) expect((await place())?.status, where).toBe(201);
      disk.fill();
      // Keep selling until the disk says no: the refusal is a 507 a manager can act on.
      let full: { status: number; text: string } | undefined;
      for (let i = 0; i < 3000 && !full; i++) {
        const answer = await place();
        if (!answer) throw new Error(`${where}: the edge died on a full disk:\n${edge.output()}`);
        if (answer.status === 201) continue;
        if (answer.status !== 507) unexpected.push(`${answer.status} ${answer.text.slice(0, 200)}`);
        full = answer;
      }
      expect(full, `${where}: the disk never filled`).toBeDefined();
      expect(unexpected, where).toEqual([]);
      const body = JSON.parse(full?.text ?? '{}') as ErrorBody;
      expect(body.error.code, where).toBe('storage');
      expect(body.error.message, where).toMatch(/full/i);
      refused += 1;

      // The last bytes go too (logs, other programs): the disk is 100% full now.
      disk.fill(0);
      // While full: health says why, screens still read, further orders are refused the same way.
      const during = await health();
      expect(during.status, where).toBe('degraded');
      expect(
        during.degraded.map((p) => p.kind),
        where,
      ).toContain('storage');
      const list = await fetch(`${url}/api/v1/orders?status=open`, { headers });
      expect(list.status, where).toBe(200);
      const again = await place();
      expect([201, 507], where).toContain(again?.status);
      if (again?.status === 507) refused += 1;

      // Space freed: the next order goes through, and health is ok again.
      disk.free();
      const freedAt = Date.now();
      let back: number | undefined;
      while (back === undefined && Date.now() - freedAt < 10_000) {
        const answer = await place();
        if (answer?.status === 201) back = Date.now() - freedAt;
        else if (answer?.status !== 507) unexpected.push(`after freeing: ${answer?.status} ${answer?.text}`);
      }
      expect(back, `${where}: no order went through after space was freed`).toBeDefined();
      recoveries.push(back ?? 0);
      expect((await health()).status, where).toBe('ok');
    }

    // A restart keeps every acknowledged order, and the file is sound.
    expect(await edge.stop()).toBe(0);
    edge = await startEdgeProcess({ dataDir: disk.dataDir, env: disk.env });
    const check = checkStore(join(disk.dataDir, 'tillbox.sqlite'), acknowledged.values());
    expect(check.integrity).toBe('ok');
    expect(check.lost).toEqual([]);
    expect(check.doubled).toEqual([]);
    expect(unexpected).toEqual([]);
    record({
      scenario: `Disk full (${disk.kind})`,
      runs: ROUNDS,
      lost: check.lost.length,
      doubled: check.doubled.length,
      fiveXx: unexpected.length,
      recoveryMs: spread(recoveries),
      notes: `${acknowledged.size} acknowledged orders; ${refused} refusals, each 507 "storage"; recovery = space freed → next order placed`,
    });
  });

  // A request writes bookkeeping before it is answered — the device's last-seen time (every few
  // minutes per screen) and the staff session's last activity. On a disk with no room left that
  // write must not turn a read into a 500 (it did until cd2b05e). The fault shim
  // makes the disk exactly full (no write may grow the database or its WAL), the case a tmpfs
  // hits only when the WAL has no slack.
  it('a screen whose bookkeeping is due still reads, and health says why, on a disk with no room', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tillbox-fault-noroom-'));
    const noRoom = fullDisk(root, { force: 'shim' });
    let e: EdgeProcess | undefined;
    try {
      e = await startEdgeProcess({ dataDir: noRoom.dataDir, env: noRoom.env });
      const counter = await demoHeaders(e.url, 'counter', 'cashier');
      const kds = await demoHeaders(e.url, 'kds');
      noRoom.fill();
      expect((await placeOrder(e.url, counter, latteOrder()))?.status).toBe(507);
      // The kitchen display's first request since it was paired: its last-seen time is due.
      const h = await fetch(`${e.url}/api/v1/health`, { headers: kds });
      expect(h.status).toBe(200);
      expect(((await h.json()) as Health).degraded.map((p) => p.kind)).toContain('storage');
      const list = await fetch(`${e.url}/api/v1/orders?status=open`, { headers: kds });
      expect(list.status).toBe(200);
    } finally {
      await e?.kill();
      noRoom.dispose();
    }
  });
});
