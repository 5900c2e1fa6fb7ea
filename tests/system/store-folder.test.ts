/**
 * Findings 4 and 5 of issue 8 with the built edge: a data folder that lost its database refuses
 * to start instead of starting as an empty store, and a damaged write-ahead log (SQLite drops
 * every commit from the first bad frame on) makes the edge start `degraded`, naming the missing
 * seq range, instead of silently losing acknowledged orders.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Health, OrderView } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { demoHeaders, type Headers } from '../support/credentials.js';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';

const MARKER = 'tillbox.store.json';

async function placeOrders(edge: EdgeProcess, headers: Headers, n: number): Promise<OrderView[]> {
  const placed: OrderView[] = [];
  for (let i = 0; i < n; i += 1) {
    const res = await fetch(`${edge.url}/api/v1/orders`, {
      method: 'POST',
      headers,
      body: JSON.stringify(latteOrder()),
    });
    expect(res.status).toBe(201);
    placed.push((await res.json()) as OrderView);
  }
  return placed;
}

async function health(edge: EdgeProcess, headers: Headers): Promise<Health> {
  return (await (await fetch(`${edge.url}/api/v1/health`, { headers })).json()) as Health;
}

const markerSeq = (dir: string): number =>
  (JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { lastSeq: number }).lastSeq;

/**
 * The frames of the write-ahead log's current generation (their salts match the header's): each
 * frame is a 24-byte header and a page. Answers the byte offset of each frame.
 */
function currentFrames(wal: Buffer): number[] {
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const frames: number[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    frames.push(at);
  }
  return frames;
}

describe('the data folder', () => {
  const dirs: string[] = [];
  const procs: EdgeProcess[] = [];
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => p.kill()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function newDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'tillbox-folder-'));
    dirs.push(dir);
    return dir;
  }

  async function start(dataDir: string): Promise<EdgeProcess> {
    const edge = await startEdgeProcess({ dataDir });
    procs.push(edge);
    return edge;
  }

  it('refuses to start with its database missing or empty, saying how to restore; an empty store only on purpose', async () => {
    const dataDir = newDir();
    const first = await start(dataDir);
    const headers = await demoHeaders(first.url, 'counter', 'cashier');
    await placeOrders(first, headers, 3);
    expect(await first.stop()).toBe(0);
    const db = join(dataDir, 'tillbox.sqlite');

    // Emptied (a failed copy, a bad SD card): refused, exit code non-zero, nothing started.
    const saved = readFileSync(db);
    truncateSync(db, 0);
    await expect(startEdgeProcess({ dataDir })).rejects.toThrow(
      /exited with 1[\s\S]*tillbox\.sqlite is empty \(0 bytes\), but this data folder was initialised on .* for store demo-store/,
    );
    // Gone: refused too, and no empty store was made in its place.
    rmSync(db);
    await expect(startEdgeProcess({ dataDir })).rejects.toThrow(
      /tillbox\.sqlite is missing[\s\S]*copy the last backup of tillbox\.sqlite into[\s\S]*move tillbox\.store\.json out of/,
    );
    expect(existsSync(db)).toBe(false);

    // Restored from the backup: the store is back as it was.
    writeFileSync(db, saved);
    const restored = await start(dataDir);
    const back = await health(restored, await demoHeaders(restored.url, 'kds'));
    expect(back.status).toBe('ok');
    expect(back.seq).toBeGreaterThan(0);
    expect(await restored.stop()).toBe(0);

    // An empty store on purpose: the marker moved away first.
    rmSync(db);
    renameSync(join(dataDir, MARKER), join(dataDir, `${MARKER}.old`));
    const fresh = await start(dataDir);
    const freshHeaders = await demoHeaders(fresh.url, 'counter', 'cashier');
    const [order] = await placeOrders(fresh, freshHeaders, 1);
    expect(order?.number).toBe(1);
  });

  it.each([
    ['8 bytes flipped in a frame', (wal: Buffer, frame: number) => wal.fill(0x5a, frame + 24 + 100, frame + 24 + 108)],
    ['truncated mid-frame', (wal: Buffer, frame: number) => wal.subarray(0, frame + 50)],
  ])('starts degraded naming the missing seq range when the write-ahead log was damaged (%s)', async (_how, damage) => {
    const dataDir = newDir();
    const first = await start(dataDir);
    const headers = await demoHeaders(first.url, 'counter', 'cashier');
    const placed = await placeOrders(first, headers, 40);
    const head = (await health(first, headers)).seq;
    // Every commit is in the marker before it is acknowledged.
    expect(markerSeq(dataDir)).toBe(head);
    await first.kill();

    const walPath = join(dataDir, 'tillbox.sqlite-wal');
    const wal = readFileSync(walPath);
    const frames = currentFrames(wal);
    expect(frames.length).toBeGreaterThan(10);
    const victim = frames[Math.floor(frames.length / 2)] ?? 0;
    writeFileSync(walPath, damage(wal, victim) ?? wal);

    const second = await start(dataDir);
    const kds = await demoHeaders(second.url, 'kds');
    const h = await health(second, kds);
    expect(h.status).toBe('degraded');
    const problem = h.degraded.find((p) => p.kind === 'missing-events');
    const range = /^Events seq (\d+)–(\d+) are missing/.exec(problem?.message ?? '');
    expect(range, JSON.stringify(h.degraded)).not.toBeNull();
    const [from, to] = [Number(range?.[1]), Number(range?.[2])];
    expect(to).toBe(head);
    expect(from).toBeGreaterThan(1);
    expect(from).toBeLessThanOrEqual(head);
    // The log says the same, at error level.
    expect(second.output()).toContain(`Events seq ${from}–${to} are missing`);

    // Orders acknowledged after the bad frame are among the missing; the store keeps selling,
    // and new events are numbered after the gap, never reusing a seq the screens already saw.
    const lost = [];
    for (const order of placed) {
      const res = await fetch(`${second.url}/api/v1/orders/${order.id}`, { headers: kds });
      if (res.status === 404) lost.push(order.number);
    }
    expect(lost.length).toBeGreaterThan(0);
    const counter = await demoHeaders(second.url, 'counter', 'cashier');
    await placeOrders(second, counter, 1);
    expect((await health(second, kds)).seq).toBeGreaterThan(to);
  });
});
