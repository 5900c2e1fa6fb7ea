/**
 * The ingest's batching on a real PGlite database: events are written many to a transaction,
 * each acknowledged only once its batch has committed; a batch whose write fails is kept,
 * unacknowledged, and written again.
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { memoryDatabase } from '../testing/harness.js';
import { orderLife } from '../testing/store-events.js';
import { EventIngest } from './event-ingest.js';
import { IngestRepository, eventRow, type StoreEventRow } from './ingest-repository.js';

let database: Database;
beforeEach(async () => {
  database = await memoryDatabase();
});
afterEach(async () => {
  await database.close();
});

/** The real repository, whose next `failures` writes fail as a lost database connection does. */
class FlakyRepository extends IngestRepository {
  failures = 0;
  readonly batches: number[] = [];
  override async apply(events: readonly StoreEventRow[], now: Date) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('connection terminated unexpectedly');
    }
    const result = await super.apply(events, now);
    this.batches.push(events.length);
    return result;
  }
}

describe('event ingest', () => {
  it('writes events in batches and acknowledges each only after its batch committed', async () => {
    const repository = new FlakyRepository(database.db);
    const ingest = new EventIngest({
      repository,
      options: { batchSize: 20, batchDelayMs: 20 },
      log: pino({ level: 'silent' }),
    });
    ingest.start();
    const events = Array.from({ length: 10 }, (_, i) => orderLife('queens', i * 5 + 1))
      .flat()
      .map(eventRow);
    const acked: number[] = [];
    const committedAtAck: number[] = [];
    for (const e of events)
      ingest.submit(e, () => {
        acked.push(e.seq);
        committedAtAck.push(repository.batches.reduce((n, b) => n + b, 0));
      });
    expect(acked).toEqual([]);
    await ingest.drained();
    expect(acked.sort((a, b) => a - b)).toEqual(events.map((e) => e.seq));
    // 50 events in batches of at most 20: at least three transactions, never one per event.
    expect(repository.batches.length).toBeGreaterThanOrEqual(3);
    expect(repository.batches.length).toBeLessThanOrEqual(5);
    expect(Math.max(...repository.batches)).toBeLessThanOrEqual(20);
    // Every ack came after the write that held its event.
    committedAtAck.forEach((committed, i) => expect(committed).toBeGreaterThanOrEqual(i + 1));
    expect(ingest.counts).toMatchObject({ received: 50, inserted: 50 });
    await ingest.stop();
  });

  it('keeps a batch whose write failed, unacknowledged, and writes it again', async () => {
    const repository = new FlakyRepository(database.db);
    repository.failures = 2;
    const ingest = new EventIngest({
      repository,
      options: { batchSize: 100, batchDelayMs: 1 },
      log: pino({ level: 'silent' }),
    });
    ingest.start();
    const acked: number[] = [];
    for (const e of orderLife('queens', 1).map(eventRow)) ingest.submit(e, () => acked.push(e.seq));
    await new Promise((r) => setTimeout(r, 60));
    expect(acked).toEqual([]);
    await ingest.drained();
    expect(repository.failures).toBe(0);
    expect(acked).toEqual([1, 2, 3, 4, 5]);
    expect(ingest.counts.inserted).toBe(5);
    await ingest.stop();
  });

  it('an event delivered again while it waits is queued once, and every delivery is acknowledged after its commit', async () => {
    const repository = new FlakyRepository(database.db);
    repository.failures = 3;
    const ingest = new EventIngest({
      repository,
      options: { batchSize: 100, batchDelayMs: 1 },
      log: pino({ level: 'silent' }),
    });
    ingest.start();
    const events = orderLife('queens', 1).map(eventRow);
    const acked: string[] = [];
    // As after each reconnect while the database is down: the same events, new deliveries.
    for (const delivery of ['first', 'second', 'third']) {
      for (const e of events) ingest.submit({ ...e }, () => acked.push(`${delivery} ${e.seq}`));
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(acked).toEqual([]);
    await ingest.drained();
    expect(repository.failures).toBe(0);
    // Written once each, in one batch of five, not fifteen rows in three.
    expect(repository.batches).toEqual([5]);
    expect(acked.sort()).toEqual(
      ['first', 'second', 'third'].flatMap((d) => events.map((e) => `${d} ${e.seq}`)).sort(),
    );
    expect(ingest.counts).toMatchObject({ received: 15, inserted: 5 });
    await ingest.stop();
  });
});
