/**
 * A damaged write-ahead log on real SQLite files (found by the fault suite, seed 504221523): after
 * a checkpoint had copied the log into the database and before any write reused the log, bytes
 * flipped in an early frame left SQLite with the log's older pages over the database's newer ones,
 * "database disk image is malformed", and the store box could not start. Now the log is set aside
 * and the database opens on its own; a database unreadable without its log too is refused with
 * the log put back as it was.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_CONTEXT } from '@tillbox/core';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../events/event-log.js';
import { tempDir } from '../testing/test-edge.js';
import { openDatabase } from './database.js';
import { MARKER_FILE } from './store-marker.js';
import { cleanupAfterEach } from '../testing/cleanups.js';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The index of each frame of the log's current generation that ends a transaction. */
function commitFrames(wal: Buffer): { pageSize: number; commits: number[] } {
  const pageSize = wal.readUInt32BE(8);
  const salt = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  const commits: number[] = [];
  for (let i = 0, at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; i += 1, at += FRAME_HEADER + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt[0] || wal.readUInt32BE(at + 12) !== salt[1]) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits.push(i);
  }
  return { pageSize, commits };
}

describe('a damaged write-ahead log', () => {
  const cleanup = cleanupAfterEach();
  const folder = (): string => {
    const t = tempDir();
    cleanup(t.remove);
    return t.dir;
  };

  /**
   * A store whose log (the events after its first start, enough to grow the file) has been copied
   * into the database by a checkpoint but not reused, copied
   * (database, log, marker) into a second folder while the edge still had it open, as a SIGKILL
   * would leave it. Answers the copy's folder.
   */
  function checkpointedButNotReused(events: number): string {
    const dir = folder();
    // Made durable first (a clean close checkpoints the log and removes it), as a store is.
    openDatabase(dir, { storeId: 'store-7' }).close();
    const database = openDatabase(dir, { storeId: 'store-7' });
    const log = new EventLog(database.db);
    log.start();
    for (let i = 0; i < events; i += 1) {
      log.transact(SYSTEM_CONTEXT, (_tx, append) =>
        append({ type: 'order.picked-up', subject: `o${i}`, data: { orderId: `o${i}` } }),
      );
    }
    const [result] = database.sqlite.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    expect(result).toMatchObject({ busy: 0 });
    expect(result?.checkpointed).toBe(result?.log);
    const copy = folder();
    for (const f of ['tillbox.sqlite', 'tillbox.sqlite-wal', MARKER_FILE]) copyFileSync(join(dir, f), join(copy, f));
    database.close();
    return copy;
  }

  /** Flips 8 bytes inside the page of the frame after the log's first commit. */
  function damageAfterFirstCommit(dir: string): void {
    const path = join(dir, 'tillbox.sqlite-wal');
    const wal = readFileSync(path);
    const { pageSize, commits } = commitFrames(wal);
    const first = commits[0];
    expect(first, 'the log has a commit with frames after it').toBeDefined();
    expect(commits.length).toBeGreaterThan(2);
    const at = WAL_HEADER + ((first ?? 0) + 1) * (FRAME_HEADER + pageSize) + FRAME_HEADER + 200;
    for (let i = 0; i < 8; i += 1) wal[at + i] = (wal[at + i] ?? 0) ^ 0x5a;
    writeFileSync(path, wal);
  }

  it('that makes the database unreadable is set aside, and the store opens with every event', () => {
    const dir = checkpointedButNotReused(400);
    damageAfterFirstCommit(dir);
    // What SQLite alone makes of it (on a copy, read-only, so nothing is checkpointed).
    const probe = folder();
    for (const f of ['tillbox.sqlite', 'tillbox.sqlite-wal']) copyFileSync(join(dir, f), join(probe, f));
    const raw = new Database(join(probe, 'tillbox.sqlite'), { readonly: true });
    expect(() => {
      const check = raw.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    }).toThrow();
    raw.close();

    const database = openDatabase(dir, { storeId: 'store-7', now: () => Date.parse('2026-03-01T09:00:00Z') });
    cleanup(() => database.sqlite.open && database.close());
    expect(database.walSetAside).toBe(join(dir, 'tillbox.sqlite-wal.damaged-2026-03-01T09-00-00-000Z'));
    expect(existsSync(database.walSetAside ?? '')).toBe(true);
    expect(database.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    // The checkpoint had every event: none missing, and the store goes on after them.
    expect(database.health.problems).toEqual([]);
    const log = new EventLog(database.db);
    log.start();
    expect(log.lastSeq).toBe(400);
    expect(database.sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(400);
    log.transact(SYSTEM_CONTEXT, (_tx, append) =>
      append({ type: 'order.picked-up', subject: 'o400', data: { orderId: 'o400' } }),
    );
    expect(log.lastSeq).toBe(401);
  });

  it('a database unreadable without its log too is refused, saying how to restore, with the log put back', () => {
    const dir = checkpointedButNotReused(400);
    damageAfterFirstCommit(dir);
    // The database's own pages damaged as well: garbage over its second half.
    const dbPath = join(dir, 'tillbox.sqlite');
    const bytes = readFileSync(dbPath);
    bytes.fill(0x5a, Math.floor(bytes.length / 2));
    writeFileSync(dbPath, bytes);
    const wal = readFileSync(join(dir, 'tillbox.sqlite-wal'));

    expect(() => openDatabase(dir, { storeId: 'store-7' })).toThrow(
      /tillbox\.sqlite is damaged \(.*without its write-ahead log: .*\)\. The store box will not start on it\. To restore, copy the last backup/,
    );
    // Changed nothing: the log is back, byte for byte, and nothing else was left behind.
    expect(readFileSync(join(dir, 'tillbox.sqlite-wal')).equals(wal)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
    expect(readFileSync(dbPath).equals(bytes)).toBe(true);
  });
});
