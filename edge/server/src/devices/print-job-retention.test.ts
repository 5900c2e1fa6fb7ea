/**
 * The print queue's maintenance pass on a real SQLite file: printed jobs older than the retention
 * go, a batch at a time; recent ones and jobs staff may still need (failed, unconfirmed) stay. And
 * printed marks committed without waiting for the disk leave the store's connection waiting again.
 */
import { uuidv7 } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { servicesOnTempDb } from '../testing/test-edge.js';
import { PrintJobRepository } from './print-job-repository.js';
import { PrintJobRetention } from './print-job-retention.js';
import { PrintJobRetentionRepository } from './print-job-retention-repository.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-27T15:00:00Z');
const silent = { info: () => {}, warn: () => {} };

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

function store() {
  const s = servicesOnTempDb({ start: NOW });
  close = s.close;
  const jobs = new PrintJobRepository(s.db.db);
  const add = (daysAgo: number, outcome: 'printed' | 'failed' | 'queued'): string => {
    const at = NOW - daysAgo * DAY;
    const id = uuidv7();
    jobs.record({ id, key: `test:${id}`, kind: 'receipt', deviceId: 'receipt', detail: {}, at });
    if (outcome === 'printed') {
      jobs.claim(id, at);
      jobs.printed(id, at);
    } else if (outcome === 'failed')
      jobs.apply({
        printed: [],
        finished: [{ id, state: 'failed', error: 'gone', at }],
        retries: [],
        released: [],
        claims: [],
      });
    return id;
  };
  const retention = (batch = 500) =>
    new PrintJobRetention({
      repository: new PrintJobRetentionRepository(s.db.db),
      retentionDays: 14,
      batch,
      log: silent,
      now: () => NOW,
    });
  return { jobs, add, retention, sqlite: s.db.sqlite };
}

describe('pruning printed print jobs', () => {
  it('deletes printed jobs older than the retention and keeps the rest', async () => {
    const { jobs, add, retention } = store();
    const old = [add(30, 'printed'), add(15, 'printed')];
    const recent = add(13, 'printed');
    const oldFailed = add(30, 'failed');
    const oldQueued = add(30, 'queued');

    expect(await retention().prune()).toBe(2);

    for (const id of old) expect(jobs.get(id)).toBeUndefined();
    expect(jobs.get(recent)?.state).toBe('printed');
    expect(jobs.get(oldFailed)?.state).toBe('failed');
    expect(jobs.get(oldQueued)?.state).toBe('queued');
    expect(await retention().prune()).toBe(0);
  });

  it('goes through a backlog in small batches until none is left', async () => {
    const { jobs, add, retention } = store();
    const old = Array.from({ length: 7 }, () => add(20, 'printed'));
    expect(await retention(3).prune()).toBe(7);
    expect(old.filter((id) => jobs.get(id) !== undefined)).toEqual([]);
  });
});

describe('printed marks without waiting for the disk', () => {
  it('are saved, and the store connection waits for the disk again after them', () => {
    const { jobs, add, sqlite } = store();
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const id = add(0, 'queued');
    jobs.claim(id, NOW);
    jobs.apply({ printed: [{ id, at: NOW }], finished: [], retries: [], released: [], claims: [] }, false);
    expect(jobs.get(id)?.state).toBe('printed');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    // Also when the transaction fails.
    const other = add(0, 'queued');
    jobs.claim(other, NOW);
    sqlite.exec("CREATE TRIGGER refuse BEFORE UPDATE ON print_jobs BEGIN SELECT RAISE(ABORT, 'refused'); END");
    expect(() =>
      jobs.apply({ printed: [{ id: other, at: NOW }], finished: [], retries: [], released: [], claims: [] }, false),
    ).toThrow(/refused/);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });
});
