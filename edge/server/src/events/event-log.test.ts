import { SYSTEM_CONTEXT, type CommandContext, type StoreEvent } from '@tillbox/core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { events as eventsTable } from '../db/schema.js';
import { tempDir } from '../testing/test-edge.js';
import { EventLog } from './event-log.js';
import { cleanupAfterEach } from '../testing/cleanups.js';

const kds: CommandContext = {
  actor: { kind: 'device', id: 'kds-bar', role: 'kds', name: 'Bar KDS' },
  device: 'kds-bar',
};
const cashier: CommandContext = { actor: { kind: 'staff', id: 'staff-ana', role: 'cashier' }, device: 'counter-1' };

/** Catalogue-valid payloads, small. */
const ready = (orderId: string) => ({
  type: 'order.ready' as const,
  subject: orderId,
  data: { orderId, by: 'expo' as const },
});
const pickedUp = (orderId: string) => ({ type: 'order.picked-up' as const, subject: orderId, data: { orderId } });
const revoked = (deviceId: string) => ({ type: 'device.revoked' as const, subject: deviceId, data: { deviceId } });

/** The subjects of the events stored, in seq order. */
const storedSubjects = (db: OpenDatabase): string[] =>
  db.db
    .select()
    .from(eventsTable)
    .all()
    .map((e) => e.subject);

describe('event log on a real SQLite file', () => {
  const cleanup = cleanupAfterEach();

  function open(dir?: string): { db: OpenDatabase; log: EventLog; dir: string } {
    let d = dir;
    if (!d) {
      const t = tempDir();
      cleanup(t.remove);
      d = t.dir;
    }
    const db = openDatabase(d);
    cleanup(() => db.sqlite.open && db.close());
    const log = new EventLog(db.db);
    log.start();
    return { db, log, dir: d };
  }

  it('opens with WAL, synchronous=FULL, foreign keys and savepoint journals in memory', () => {
    const { db } = open();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
  });

  it('appends in the transaction and publishes only after commit, in seq order', () => {
    const { log } = open();
    const heard: StoreEvent[][] = [];
    log.subscribe((batch) => heard.push([...batch]));
    const seen = log.transact(kds, (_tx, append) => {
      const a = append(ready('o1'));
      const b = append(pickedUp('o1'));
      expect(heard).toHaveLength(0); // not yet committed
      return [a.seq, b.seq];
    });
    expect(seen).toEqual([1, 2]);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.map((e) => e.type)).toEqual(['order.ready', 'order.picked-up']);
    expect(log.lastSeq).toBe(2);
    expect(log.readSince(0).map((e) => e.seq)).toEqual([1, 2]);
    expect(log.readSince(1).map((e) => e.data)).toEqual([{ orderId: 'o1' }]);
    // What was heard is what is stored.
    expect(log.readSince(0)).toEqual(heard[0]);
  });

  it('a failed command leaves no events and announces nothing', () => {
    const { log, db } = open();
    const heard: StoreEvent[] = [];
    log.subscribe((batch) => heard.push(...batch));
    expect(() =>
      log.transact(kds, (_tx, append) => {
        append(ready('o1'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(heard).toEqual([]);
    expect(db.db.select().from(eventsTable).all()).toEqual([]);
    expect(log.lastSeq).toBe(0);
  });

  it('filters by topic and limit, and keeps its head across a reopen', () => {
    const { log, db, dir } = open();
    log.transact(SYSTEM_CONTEXT, (_tx, append) => {
      append(ready('a'));
      append(revoked('b'));
      append(pickedUp('a'));
    });
    expect(log.readSince(0, { topics: ['order'] }).map((e) => e.seq)).toEqual([1, 3]);
    expect(log.readSince(0, { limit: 2 }).map((e) => e.seq)).toEqual([1, 2]);
    db.close();
    const again = open(dir);
    expect(again.log.lastSeq).toBe(3);
  });

  it('a listener that throws does not break the command or other listeners', () => {
    const errors: unknown[] = [];
    const { db } = open();
    const log = new EventLog(db.db, (e) => errors.push(e));
    log.start();
    const heard: number[] = [];
    log.subscribe(() => {
      throw new Error('bad listener');
    });
    log.subscribe((batch) => heard.push(...batch.map((e) => e.seq)));
    log.transact(kds, (_tx, append) => append(ready('x')));
    expect(heard).toEqual([1]);
    expect(errors).toHaveLength(1);
  });

  it('group commit: queued commands share one transaction, a failing one rolls back alone', async () => {
    const { log, db } = open();
    const heard: StoreEvent[][] = [];
    log.subscribe((batch) => heard.push([...batch]));
    const ok1 = log.enqueue(kds, (_tx, append) => append(ready('a')).seq);
    const bad = log.enqueue(kds, (_tx, append) => {
      append(ready('b'));
      throw new Error('sold out');
    });
    const ok2 = log.enqueue(cashier, (_tx, append) => append(pickedUp('c')).seq);
    expect(heard).toEqual([]); // nothing before the flush commits
    await expect(bad).rejects.toThrow('sold out');
    expect([await ok1, await ok2]).toEqual([1, 2]); // b's seq was rolled back with it
    expect(heard).toHaveLength(1); // one commit, one announcement
    expect(heard[0]?.map((e) => e.subject)).toEqual(['a', 'c']);
    expect(storedSubjects(db)).toEqual(['a', 'c']);
    expect(log.lastSeq).toBe(2);
  });

  it('group commit: when SQLite itself rolls the whole transaction back, every command of it fails and nothing is announced', async () => {
    const { log, db } = open();
    const heard: StoreEvent[][] = [];
    log.subscribe((batch) => heard.push([...batch]));
    const first = log.enqueue(kds, (_tx, append) => append(ready('a')).seq);
    // What SQLite does by itself on some errors (a full disk, an I/O error): the transaction is gone.
    const failing = log.enqueue(kds, (tx, append) => {
      append(ready('b'));
      tx.run(sql`ROLLBACK`);
      throw new Error('disk I/O error');
    });
    const after = log.enqueue(cashier, (_tx, append) => append(pickedUp('c')).seq);
    const outcomes = await Promise.allSettled([first, failing, after]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(heard).toEqual([]);
    expect(db.db.select().from(eventsTable).all()).toEqual([]);
    expect(log.lastSeq).toBe(0);
    // The log goes on: the next command commits on its own.
    await expect(log.enqueue(kds, (_tx, append) => append(ready('d')).seq)).resolves.toBe(1);
    expect(heard.map((b) => b.map((e) => e.subject))).toEqual([['d']]);
  });

  it('a command run inside a transaction already open on the connection becomes a savepoint of it', () => {
    const { log, db } = open();
    db.db.transaction(() => {
      log.transact(kds, (_tx, append) => append(ready('a')));
      expect(() =>
        log.transact(kds, (_tx, append) => {
          append(ready('b'));
          throw new Error('sold out');
        }),
      ).toThrow('sold out');
    });
    expect(storedSubjects(db)).toEqual(['a']);
  });

  it('writes who did it, from which device, and the payload version with every event', () => {
    const { log } = open();
    log.transact(cashier, (_tx, append) => append({ ...pickedUp('o1'), at: Date.parse('2026-11-27T15:00:00Z') }));
    log.transact(SYSTEM_CONTEXT, (_tx, append) => append(ready('o2')));
    const [first, second] = log.readSince(0);
    expect(first).toMatchObject({
      type: 'order.picked-up',
      version: 1,
      actor: { kind: 'staff', id: 'staff-ana', role: 'cashier' },
      device: 'counter-1',
      at: '2026-11-27T15:00:00.000Z', // the command's clock, not the log's
    });
    expect(second).toMatchObject({ actor: { kind: 'system', id: 'edge', role: 'system' }, device: null });
  });

  it('refuses an event the catalogue does not know, or whose payload does not match, and rolls back the command', () => {
    const { log, db } = open();
    const heard: StoreEvent[] = [];
    log.subscribe((batch) => heard.push(...batch));
    const unknown = { type: 'order.teleported', subject: 'o1', data: { orderId: 'o1' } } as unknown as ReturnType<
      typeof ready
    >;
    expect(() =>
      log.transact(kds, (_tx, append) => {
        append(ready('o1'));
        append(unknown);
      }),
    ).toThrow(expect.objectContaining({ code: 'internal', message: expect.stringContaining('order.teleported') }));
    const stale = { type: 'order.ready', subject: 'o1', data: { order: { id: 'o1' } } } as unknown as ReturnType<
      typeof ready
    >;
    expect(() => log.transact(kds, (_tx, append) => append(stale))).toThrow(
      /event "order\.ready" v1 does not match the catalogue: orderId: /,
    );
    expect(db.db.select().from(eventsTable).all()).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('in a group commit, a command with an invalid event rolls back alone', async () => {
    const { log } = open();
    const bad = { type: 'order.voided', subject: 'b', data: { orderId: 'b' } } as unknown as ReturnType<typeof ready>;
    const ok = log.enqueue(kds, (_tx, append) => append(ready('a')).seq);
    const refused = log.enqueue(kds, (_tx, append) => append(bad));
    await expect(refused).rejects.toThrow(/order\.voided.*reason/);
    expect(await ok).toBe(1);
    expect(log.readSince(0).map((e) => e.subject)).toEqual(['a']);
  });
});
