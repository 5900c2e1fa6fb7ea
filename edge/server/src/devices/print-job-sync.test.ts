/**
 * Syncing the write-ahead log aside for the print queue's claims, on a real SQLite file: the claim
 * is committed without SQLite's own sync, then the log file itself is synced in Node's thread
 * pool; the connection keeps `synchronous=FULL` for every other commit.
 */
import { uuidv7 } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { servicesOnTempDb } from '../testing/test-edge.js';
import { PrintJobRepository } from './print-job-repository.js';

const NOW = Date.parse('2026-11-27T15:00:00Z');

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

describe('the print queue’s log sync', () => {
  it('commits a claim without waiting, syncs the log file aside, and leaves the connection at FULL', async () => {
    const s = servicesOnTempDb({ start: NOW });
    close = s.close;
    const jobs = new PrintJobRepository(s.db.db);
    expect(jobs.syncsAside).toBe(true);
    const id = uuidv7();
    jobs.record({ id, key: `test:${id}`, kind: 'receipt', deviceId: 'receipt', detail: {}, at: NOW });
    const claimed = jobs.apply(
      { printed: [], finished: [], retries: [], released: [], claims: [{ id, at: NOW }] },
      false,
    );
    expect([...claimed]).toEqual([id]);
    await expect(jobs.onDisk()).resolves.toBeUndefined();
    expect(s.db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // What was committed is what a second connection reads from the file.
    const other = new Database(s.db.path, { readonly: true });
    try {
      expect(jobs.list({ limit: 5 }).map((j) => [j.id, j.state])).toEqual([[id, 'printing']]);
      const row = other.prepare('select state from print_jobs where id = ?').get(id) as { state: string };
      expect(row.state).toBe('printing');
    } finally {
      other.close();
    }
  });

  it('commits without the disk sync from the very first time, and only that commit', () => {
    const s = servicesOnTempDb({ start: NOW });
    close = s.close;
    const jobs = new PrintJobRepository(s.db.db);
    const level = () => s.db.sqlite.pragma('synchronous', { simple: true });
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const id = uuidv7();
      const job = { id, key: `test:${id}`, kind: 'receipt' as const, deviceId: 'receipt', detail: {}, at: NOW };
      // `alongside` runs inside the recording's transaction: the level its commit is made at.
      jobs.recordAll([job], () => seen.push(level()));
      seen.push(level());
    }
    expect(seen).toEqual([1, 2, 1, 2, 1, 2]); // NORMAL inside, FULL again after
  });

  it('has nothing to sync once the database is closed (SQLite synced it as it closed)', async () => {
    const s = servicesOnTempDb({ start: NOW });
    const jobs = new PrintJobRepository(s.db.db);
    expect(jobs.syncsAside).toBe(true);
    s.close();
    await expect(jobs.onDisk()).resolves.toBeUndefined();
  });
});
