import type { StoreEvent } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { events as eventsTable } from '../db/schema.js';
import { tempDir } from '../testing/test-edge.js';
import { EventLog } from './event-log.js';

describe('event log on a real SQLite file', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() =>
    cleanups
      .splice(0)
      .reverse()
      .forEach((c) => c()),
  );

  function open(dir?: string): { db: OpenDatabase; log: EventLog; dir: string } {
    let d = dir;
    if (!d) {
      const t = tempDir();
      cleanups.push(t.remove);
      d = t.dir;
    }
    const db = openDatabase(d);
    cleanups.push(() => db.sqlite.open && db.close());
    const log = new EventLog(db.db);
    log.start();
    return { db, log, dir: d };
  }

  it('opens with WAL, synchronous=FULL and foreign keys', () => {
    const { db } = open();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('appends in the transaction and publishes only after commit, in seq order', () => {
    const { log } = open();
    const heard: StoreEvent[][] = [];
    log.subscribe((batch) => heard.push([...batch]));
    const seen = log.transact((_tx, append) => {
      const a = append({ type: 'order.placed', subject: 'o1', data: { n: 1 } });
      const b = append({ type: 'order.fired', subject: 'o1', data: { n: 2 } });
      expect(heard).toHaveLength(0); // not yet committed
      return [a.seq, b.seq];
    });
    expect(seen).toEqual([1, 2]);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.map((e) => e.type)).toEqual(['order.placed', 'order.fired']);
    expect(log.lastSeq).toBe(2);
    expect(log.readSince(0).map((e) => e.seq)).toEqual([1, 2]);
    expect(log.readSince(1).map((e) => e.data)).toEqual([{ n: 2 }]);
  });

  it('a failed command leaves no events and announces nothing', () => {
    const { log, db } = open();
    const heard: StoreEvent[] = [];
    log.subscribe((batch) => heard.push(...batch));
    expect(() =>
      log.transact((_tx, append) => {
        append({ type: 'order.placed', subject: 'o1', data: {} });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(heard).toEqual([]);
    expect(db.db.select().from(eventsTable).all()).toEqual([]);
    expect(log.lastSeq).toBe(0);
  });

  it('filters by topic and limit, and keeps its head across a reopen', () => {
    const { log, db, dir } = open();
    log.transact((_tx, append) => {
      append({ type: 'order.placed', subject: 'a', data: {} });
      append({ type: 'stock.changed', subject: 'b', data: {} });
      append({ type: 'order.fired', subject: 'a', data: {} });
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
    log.transact((_tx, append) => append({ type: 'order.placed', subject: 'x', data: {} }));
    expect(heard).toEqual([1]);
    expect(errors).toHaveLength(1);
  });

  it('group commit: queued commands share one transaction, a failing one rolls back alone', async () => {
    const { log, db } = open();
    const heard: StoreEvent[][] = [];
    log.subscribe((batch) => heard.push([...batch]));
    const ok1 = log.enqueue((_tx, append) => append({ type: 'order.placed', subject: 'a', data: {} }).seq);
    const bad = log.enqueue((_tx, append) => {
      append({ type: 'order.placed', subject: 'b', data: {} });
      throw new Error('sold out');
    });
    const ok2 = log.enqueue((_tx, append) => append({ type: 'order.placed', subject: 'c', data: {} }).seq);
    expect(heard).toEqual([]); // nothing before the flush commits
    await expect(bad).rejects.toThrow('sold out');
    expect([await ok1, await ok2]).toEqual([1, 2]); // b's seq was rolled back with it
    expect(heard).toHaveLength(1); // one commit, one announcement
    expect(heard[0]?.map((e) => e.subject)).toEqual(['a', 'c']);
    expect(
      db.db
        .select()
        .from(eventsTable)
        .all()
        .map((e) => e.subject),
    ).toEqual(['a', 'c']);
    expect(log.lastSeq).toBe(2);
  });
});
