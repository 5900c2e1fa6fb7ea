/**
 * The print queue's gathered commits: changes of one turn go in one `apply`, a claim resolves only
 * after its commit, and when a commit fails (a full disk) the claims are refused while the printed
 * marks and retries are saved with the next commit.
 */
import { describe, expect, it, vi } from 'vitest';
import { PrintJobCommits } from './print-job-commits.js';
import type { PrintJobChanges } from './print-job-repository.js';

const turn = () => new Promise((r) => setImmediate(r));

function repository(fail: () => boolean) {
  const applied: PrintJobChanges[] = [];
  const durable: boolean[] = [];
  return {
    applied,
    durable,
    apply(changes: PrintJobChanges, waitForDisk = true): Set<string> {
      if (fail()) throw new Error('SQLITE_FULL: database or disk is full');
      applied.push(structuredClone(changes));
      durable.push(waitForDisk);
      return new Set(changes.claims.map((c) => c.id));
    },
  };
}

const retry = {
  deviceId: 'bar',
  reroutedFrom: null,
  attempts: 1,
  deviceAttempts: 1,
  nextAttemptAt: 5,
  lastError: 'off',
  at: 1,
};

describe('print job commits', () => {
  it('waits for the disk for claims and every other change, not for printed marks alone', async () => {
    const repo = repository(() => false);
    const commits = new PrintJobCommits(repo, { error: vi.fn() });
    await commits.claim(['a'], 1);
    commits.printed('a', 2);
    commits.done();
    await turn();
    commits.printed('b', 3);
    commits.release('c', 3);
    await turn();
    expect(repo.applied.map((c) => [c.claims.length, c.printed.length, c.released.length])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
    expect(repo.durable).toEqual([true, false, true]);
  });

  it('with the log synced aside, no commit waits for the disk and a claim is answered only once the sync is done', async () => {
    const repo = repository(() => false);
    let synced: (() => void) | undefined;
    const aside = Object.assign(repo, {
      syncsAside: true,
      onDisk: vi.fn(() => new Promise<void>((resolve) => (synced = resolve))),
    });
    const commits = new PrintJobCommits(aside, { error: vi.fn() });
    let answered = false;
    const claim = commits.claim(['a'], 1).then((ids) => {
      answered = true;
      return ids;
    });
    await turn();
    expect(repo.applied).toHaveLength(1); // committed at the end of the turn
    expect(repo.durable).toEqual([false]); // without SQLite's own sync
    expect(aside.onDisk).toHaveBeenCalledTimes(1);
    await turn();
    expect(answered).toBe(false); // nothing prints before the log is on the disk
    synced?.();
    expect([...(await claim)]).toEqual(['a']);
    // Printed marks alone: no sync at all.
    commits.printed('a', 2);
    commits.done();
    await turn();
    expect(repo.durable).toEqual([false, false]);
    expect(aside.onDisk).toHaveBeenCalledTimes(1);
  });

  it('refuses the claims whose sync the disk refused, and says so', async () => {
    const repo = repository(() => false);
    const aside = Object.assign(repo, {
      syncsAside: true,
      onDisk: () => Promise.reject(new Error('EIO: i/o error, fdatasync')),
    });
    const log = { error: vi.fn() };
    const commits = new PrintJobCommits(aside, log);
    await expect(commits.claim(['a'], 1)).rejects.toThrow('EIO');
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ jobs: 1 }),
      'print job states not synced to the disk',
    );
  });

  it('commits the claims, marks and retries of one turn together, the claims answered after it', async () => {
    const repo = repository(() => false);
    const commits = new PrintJobCommits(repo, { error: vi.fn() });
    commits.printed('p1', 1);
    commits.retry('r1', retry);
    const bar = commits.claim(['b1', 'b2'], 1);
    const kitchen = commits.claim(['k1'], 1);
    expect(repo.applied).toEqual([]); // nothing before the end of the turn
    expect([...(await bar)].sort()).toEqual(['b1', 'b2', 'k1']);
    await kitchen;
    expect(repo.applied).toHaveLength(1);
    expect(repo.applied[0]).toMatchObject({
      printed: [{ id: 'p1' }],
      retries: [{ id: 'r1' }],
      claims: [{ id: 'b1' }, { id: 'b2' }, { id: 'k1' }],
    });
  });

  it('refuses the claims of a commit that failed and saves its marks and retries with the next one', async () => {
    let failing = true;
    const repo = repository(() => failing);
    const log = { error: vi.fn() };
    const commits = new PrintJobCommits(repo, log);
    commits.printed('p1', 1);
    commits.retry('r1', retry);
    await expect(commits.claim(['b1'], 1)).rejects.toThrow(/disk is full/);
    expect(log.error).toHaveBeenCalledOnce();
    failing = false;
    commits.printed('p2', 2);
    commits.done();
    await turn();
    expect(repo.applied).toHaveLength(1);
    expect(repo.applied[0]?.printed.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(repo.applied[0]?.retries.map((r) => r.id)).toEqual(['r1']);
    expect(repo.applied[0]?.claims).toEqual([]);
  });
});
