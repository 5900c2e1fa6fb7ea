/**
 * Joining the log's group commit (`joinQueuedCommit`, used by the print queue): work that writes
 * no events rides in the transaction of the commands queued in the same turn, in a savepoint of
 * its own, and is answered after that commit; with no command queued it is not taken.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { CommandContext } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { tempDir } from '../testing/test-edge.js';
import { EventLog } from './event-log.js';

const kds: CommandContext = {
  actor: { kind: 'device', id: 'kds-bar', role: 'kds', name: 'Bar KDS' },
  device: 'kds-bar',
};
const ready = (orderId: string) => ({
  type: 'order.ready' as const,
  subject: orderId,
  data: { orderId, by: 'expo' as const },
});

describe('joining the group commit', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() =>
    cleanups
      .splice(0)
      .reverse()
      .forEach((c) => c()),
  );

  function open(): { db: OpenDatabase; log: EventLog; other: Database.Database } {
    const t = tempDir();
    cleanups.push(t.remove);
    const db = openDatabase(t.dir);
    cleanups.push(() => db.sqlite.open && db.close());
    db.sqlite.exec('create table bookkeeping (note text not null)');
    const log = new EventLog(db.db);
    log.start();
    // A second connection, as another process would read the file.
    const file = db.sqlite.name ?? join(t.dir, 'tillbox.sqlite');
    const other = new Database(file, { readonly: true });
    cleanups.push(() => other.close());
    return { db, log, other };
  }
  const notes = (other: Database.Database) =>
    (other.prepare('select note from bookkeeping').all() as { note: string }[]).map((r) => r.note);
  const eventCount = (other: Database.Database) =>
    (other.prepare('select count(*) as n from events').get() as { n: number }).n;

  it('is not taken when no command is queued in this turn', () => {
    const { log } = open();
    expect(log.joinQueuedCommit(() => 1)).toBeUndefined();
  });

  it('runs in the transaction of the commands queued in the same turn and answers after its commit', async () => {
    const { db, log, other } = open();
    const placed = log.enqueue(kds, (_tx, append) => append(ready('a')).seq);
    let seenInside: { inTransaction: boolean; eventsOutside: number } | undefined;
    const joined = log.joinQueuedCommit(() => {
      db.sqlite.prepare("insert into bookkeeping (note) values ('claimed')").run();
      seenInside = { inTransaction: db.sqlite.inTransaction, eventsOutside: eventCount(other) };
      return 'done';
    });
    expect(joined).toBeDefined();
    expect(notes(other)).toEqual([]);
    await expect(joined).resolves.toBe('done');
    await placed;
    // Inside the command's transaction: its event was not committed yet when the work ran.
    expect(seenInside).toEqual({ inTransaction: true, eventsOutside: 0 });
    expect(notes(other)).toEqual(['claimed']);
    expect(eventCount(other)).toBe(1);
  });

  it('rolls back alone when it fails, and a failing command does not take it down', async () => {
    const { db, log, other } = open();
    const placed = log.enqueue(kds, (_tx, append) => append(ready('a')).seq);
    const failing = log.joinQueuedCommit(() => {
      db.sqlite.prepare("insert into bookkeeping (note) values ('half')").run();
      throw new Error('the work fails after writing');
    });
    await expect(failing).rejects.toThrow('the work fails');
    await expect(placed).resolves.toBeGreaterThan(0);
    expect(notes(other)).toEqual([]);
    expect(eventCount(other)).toBe(1);

    const refused = log.enqueue(kds, () => {
      throw new Error('the command fails');
    });
    const kept = log.joinQueuedCommit(() => db.sqlite.prepare("insert into bookkeeping (note) values ('kept')").run());
    await expect(refused).rejects.toThrow('the command fails');
    await kept;
    expect(notes(other)).toEqual(['kept']);
  });
});
