import { SYSTEM_CONTEXT, type StoreEvent } from '@tillbox/core';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { tempDir } from '../testing/test-edge.js';
import { CursorRepository, MemoryCursor, type LogCursor } from './cursor-repository.js';
import { EventLog } from './event-log.js';
import { LogConsumer, ReadBudget, type Delivery, type LogConsumerOptions } from './log-consumer.js';
import { cleanupAfterEach } from '../testing/cleanups.js';

interface Store {
  db: OpenDatabase;
  log: EventLog;
  cursors: CursorRepository;
  dir: string;
}

/** `count` events in one commit, cycling through an order fact, a ticket fact and a device fact. */
function commit(log: EventLog, count: number): void {
  log.transact(SYSTEM_CONTEXT, (_tx, append) => {
    for (let i = 0; i < count; i++) {
      const n = log.lastSeq + i + 1;
      const orderId = `order-${n}`;
      if (n % 3 === 1) append({ type: 'order.picked-up', subject: orderId, data: { orderId } });
      else if (n % 3 === 2) {
        append({ type: 'ticket.bumped', subject: orderId, data: { orderId, ticketId: `t-${n}`, station: 'bar' } });
      } else append({ type: 'device.revoked', subject: `device-${n}`, data: { deviceId: `device-${n}` } });
    }
  });
}

const seqs = (events: readonly StoreEvent[]): number[] => events.map((e) => e.seq);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('log consumers on a real SQLite file', () => {
  const cleanup = cleanupAfterEach();

  function open(dir?: string): Store {
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
    return { db, log, cursors: new CursorRepository(db.db), dir: d };
  }

  /** A consumer that records what it was handed; `handler` may replace the recording. */
  function consume(
    store: Store,
    cursor: LogCursor,
    options: Partial<LogConsumerOptions> = {},
  ): { consumer: LogConsumer; got: { events: StoreEvent[]; delivery: Delivery }[]; warnings: object[] } {
    const got: { events: StoreEvent[]; delivery: Delivery }[] = [];
    const warnings: object[] = [];
    const consumer = new LogConsumer({
      events: store.log,
      cursor,
      handler: (events, delivery) => {
        got.push({ events: [...events], delivery });
      },
      log: { warn: (fields) => warnings.push(fields) },
      ...options,
    });
    cleanup(() => consumer.stop());
    return { consumer, got, warnings };
  }

  it('catches up in pages of its topics, letting the event loop run between pages', async () => {
    const store = open();
    commit(store.log, 450);
    const turns: string[] = [];
    let caughtUpAt: number | undefined;
    const { consumer, got } = consume(store, new MemoryCursor('screen', 0), {
      topics: ['order', 'ticket'],
      pageSize: 100,
      handler: (events, delivery) => {
        got.push({ events: [...events], delivery });
        turns.push(`page ${got.length}`);
      },
      caughtUp: (seq) => (caughtUpAt = seq),
    });
    consumer.start();
    setImmediate(() => turns.push('someone else'));
    await until('caught up', () => caughtUpAt !== undefined);
    // 300 of the 450 events are orders or tickets: three full pages, then an empty last read.
    expect(got.map((g) => g.events.length)).toEqual([100, 100, 100]);
    expect(got.every((g) => g.delivery.source === 'log')).toBe(true);
    expect(got.flatMap((g) => seqs(g.events))).toEqual(range(1, 450).filter((n) => n % 3 !== 0));
    // Another task ran after the first page, not after the whole backlog.
    expect(turns.slice(0, 2)).toEqual(['page 1', 'someone else']);
    expect(caughtUpAt).toBe(450);
    expect(consumer.position).toBe(450);
  });

  it('consumers sharing a read budget take turns: one page per turn among them all, none read at start', async () => {
    const store = open();
    commit(store.log, 300);
    const budget = new ReadBudget(1);
    const turns: string[] = [];
    const consumers = ['a', 'b', 'c'].map((name) => {
      const c = consume(store, new MemoryCursor(name, 0), {
        pageSize: 100,
        budget,
        handler: () => {
          turns.push(name);
        },
      });
      return c.consumer;
    });
    // A consumer that is stopped while it waits gives its place up.
    const gone = consume(store, new MemoryCursor('gone', 0), { pageSize: 100, budget });
    gone.consumer.start();
    gone.consumer.stop();
    for (const c of consumers) c.start();
    expect(turns).toEqual([]); // nothing read inside start()
    // Each turn of the event loop lets exactly one page be read.
    let mark = 0;
    let marking = true;
    const everyTurn = (): void => {
      turns.push(`turn ${++mark}`);
      if (marking) setImmediate(everyTurn);
    };
    setImmediate(everyTurn);
    await until('all caught up', () => consumers.every((c) => c.position === 300));
    marking = false;
    const pagesPerTurn = turns
      .join(',')
      .split(/,?turn \d+,?/)
      .map((run) => (run === '' ? 0 : run.split(',').length));
    expect(turns.filter((t) => t.length === 1)).toHaveLength(9);
    expect(Math.max(...pagesPerTurn)).toBe(1);
    expect(gone.got).toEqual([]);
  });

  it('a durable consumer that advanced does not see its events again after a restart; one that crashed does', async () => {
    const first = open();
    commit(first.log, 6);
    const printed = consume(first, first.cursors.cursor('print-jobs'));
    printed.consumer.start();
    await until('printed', () => printed.consumer.position === 6);
    // The audit export takes the events but dies before its work is done.
    let taken: number[] = [];
    const crashing = consume(first, first.cursors.cursor('audit-export'), {
      handler: (events) => {
        taken = seqs(events);
        return new Promise<void>(() => {}); // never finishes: the process is killed meanwhile
      },
    });
    crashing.consumer.start();
    await until('taken', () => taken.length > 0);
    expect(taken).toEqual(range(1, 6));
    first.db.close(); // the crash

    const again = open(first.dir);
    expect(again.cursors.seq('print-jobs')).toBe(6);
    expect(again.cursors.seq('audit-export')).toBe(0);
    again.cursors.advance('print-jobs', 3); // a cursor never moves back
    expect(again.cursors.seq('print-jobs')).toBe(6);
    commit(again.log, 2);
    const printedAgain = consume(again, again.cursors.cursor('print-jobs'));
    const exportedAgain = consume(again, again.cursors.cursor('audit-export'));
    printedAgain.consumer.start();
    exportedAgain.consumer.start();
    await until('both caught up', () => printedAgain.consumer.position === 8 && exportedAgain.consumer.position === 8);
    expect(printedAgain.got.flatMap((g) => seqs(g.events))).toEqual([7, 8]);
    expect(exportedAgain.got.flatMap((g) => seqs(g.events))).toEqual(range(1, 8));
    expect(again.cursors.seq('audit-export')).toBe(8);
  });

  it('a failing handler leaves the cursor where it was and gets the same events again after a backoff', async () => {
    const store = open();
    commit(store.log, 3);
    const attempts: number[][] = [];
    const { consumer, warnings } = consume(store, store.cursors.cursor('print-jobs'), {
      retryMs: 5,
      handler: (events) => {
        attempts.push(seqs(events));
        if (attempts.length <= 2) return Promise.reject(new Error('printer out of paper'));
        return Promise.resolve();
      },
    });
    consumer.start();
    await until('a first failure', () => warnings.length === 1);
    expect(store.cursors.seq('print-jobs')).toBe(0);
    expect(consumer.position).toBe(0);
    await until('printed at last', () => store.cursors.seq('print-jobs') === 3);
    expect(attempts).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ cursor: 'print-jobs', from: 1, to: 3, retryInMs: 5 }),
      expect.objectContaining({ cursor: 'print-jobs', from: 1, to: 3, retryInMs: 10 }),
    ]);
    // Events committed while it was failing come after, in order, once.
    commit(store.log, 2);
    await until('the next ones', () => store.cursors.seq('print-jobs') === 5);
    expect(attempts.at(-1)).toEqual([4, 5]);
  });

  it('takes live batches that follow on from its position from memory, without reading the log', async () => {
    const store = open();
    commit(store.log, 4);
    const { consumer, got } = consume(store, store.cursors.cursor('mqtt-relay'));
    consumer.start();
    await until('caught up', () => consumer.position === 4);
    const reads = vi.spyOn(store.log, 'readPage');
    commit(store.log, 2);
    commit(store.log, 3);
    await until('both batches', () => consumer.position === 9);
    expect(reads).not.toHaveBeenCalled();
    expect(got.slice(1).map((g) => [g.delivery.source, seqs(g.events)])).toEqual([
      ['live', [5, 6]],
      ['live', [7, 8, 9]],
    ]);
    expect(store.cursors.seq('mqtt-relay')).toBe(9);
  });

  it('hands a large committed batch over a page at a time, from memory, letting others run between pages', async () => {
    const store = open();
    const turns: string[] = [];
    const { consumer, got } = consume(store, new MemoryCursor('screen', 0), {
      pageSize: 100,
      handler: (events, delivery) => {
        got.push({ events: [...events], delivery });
        turns.push('page');
      },
    });
    consumer.start();
    const reads = vi.spyOn(store.log, 'readPage');
    commit(store.log, 250);
    setImmediate(() => turns.push('someone else'));
    await until('the whole batch', () => consumer.position === 250);
    expect(reads).not.toHaveBeenCalled();
    expect(got.map((g) => [g.delivery.source, g.events.length, g.delivery.batch.length])).toEqual([
      ['live', 100, 250],
      ['live', 100, 250],
      ['live', 50, 250],
    ]);
    expect(got.flatMap((g) => seqs(g.events))).toEqual(range(1, 250));
    expect(turns).toEqual(['page', 'someone else', 'page', 'page']);
  });

  it('reads the log when what it holds in memory no longer follows on from its position', async () => {
    const store = open();
    let release: () => void = () => {};
    const { consumer, got } = consume(store, new MemoryCursor('screen', 0), {
      maxPending: 4,
      handler: (events, delivery) => {
        got.push({ events: [...events], delivery });
        if (got.length === 1) return new Promise<void>((resolve) => (release = resolve));
        return undefined;
      },
    });
    consumer.start();
    commit(store.log, 1);
    await until('busy with the first batch', () => got.length === 1);
    // Meanwhile more is committed than it may hold: it forgets the batches and goes back to the log.
    commit(store.log, 3);
    commit(store.log, 3);
    commit(store.log, 1);
    const reads = vi.spyOn(store.log, 'readPage');
    release();
    await until('caught up', () => consumer.position === 8);
    await nextTurn();
    expect(reads).toHaveBeenCalled();
    expect(got.flatMap((g) => seqs(g.events))).toEqual(range(1, 8));
    expect(got[1]?.delivery.source).toBe('log');
  });

  it('once stopped, moves no cursor even when work in flight finishes', async () => {
    const store = open();
    commit(store.log, 2);
    let release: () => void = () => {};
    const { consumer } = consume(store, store.cursors.cursor('print-jobs'), {
      handler: () => new Promise<void>((resolve) => (release = resolve)),
    });
    consumer.start();
    consumer.stop();
    release();
    await nextTurn();
    commit(store.log, 1);
    await nextTurn();
    expect(store.cursors.seq('print-jobs')).toBe(0);
  });
});
