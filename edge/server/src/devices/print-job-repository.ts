/**
 * Print jobs as stored: the only code that touches `print_jobs`. A job is inserted with the print
 * cursor's advance past the event that made it (or in a reprint's own transaction), once per
 * idempotency key; it moves queued → printing → printed by compare-and-set on its state, so two
 * hands never send it twice, and a job found `printing` when the edge starts is marked
 * `unconfirmed` instead of being sent again. The print queue's state changes come in batches
 * ({@link PrintJobRepository.apply}): the claims, printed marks and retries of every printer in one
 * transaction, one disk sync for them all.
 */
import { open } from 'node:fs/promises';
import type { PrintJobKind, PrintJobState } from '@tillbox/core';
import { and, asc, desc, eq, inArray, lt, lte, min, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { printJobs } from '../db/schema.js';

export type PrintJobRow = typeof printJobs.$inferSelect;

export interface NewPrintJob {
  id: string;
  key: string;
  kind: PrintJobKind;
  deviceId: string;
  orderId?: string;
  ticketId?: string;
  station?: string;
  detail: Record<string, unknown>;
  eventSeq?: number;
  reprintOf?: string;
  expiresAt?: number;
  at: number;
}

/** After a failed attempt: where it goes next and when. */
export interface JobRetry {
  deviceId: string;
  reroutedFrom: string | null;
  attempts: number;
  deviceAttempts: number;
  nextAttemptAt: number;
  lastError: string;
  at: number;
}

/** State changes of many jobs, committed together by {@link PrintJobRepository.apply}. */
export interface PrintJobChanges {
  /** Taken by their printer: printing → printed. */
  readonly printed: readonly { id: string; at: number }[];
  /** Out of the queue for good: expired or failed (from queued or printing). */
  readonly finished: readonly { id: string; state: 'expired' | 'failed'; error: string; at: number }[];
  /** After a failed attempt: back to the queue, later or on the backup (from printing or queued). */
  readonly retries: readonly { id: string; retry: JobRetry }[];
  /** Claimed but never sent (the queue stopped first): printing → queued, the claim's attempt undone. */
  readonly released: readonly { id: string; at: number }[];
  /** queued → printing, each only if it is still queued. */
  readonly claims: readonly { id: string; at: number }[];
}

/** The insert of a new job (nothing when its key is taken), every value a parameter encoded by its column. */
function prepareInsert(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return db
    .insert(printJobs)
    .values({
      id: p('id'),
      key: p('key'),
      kind: p('kind'),
      deviceId: p('deviceId'),
      state: p('state'),
      orderId: p('orderId'),
      ticketId: p('ticketId'),
      station: p('station'),
      detail: p('detail'),
      eventSeq: p('eventSeq'),
      reprintOf: p('reprintOf'),
      expiresAt: p('expiresAt'),
      nextAttemptAt: p('nextAttemptAt'),
      createdAt: p('createdAt'),
      updatedAt: p('updatedAt'),
    })
    .onConflictDoNothing({ target: printJobs.key })
    .returning()
    .prepare();
}

/** The queue's every-job statements, prepared once (they run in whatever transaction is open on the connection). */
function prepareQueue(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return {
    due: db
      .select()
      .from(printJobs)
      .where(and(sql`state = 'queued'`, lte(printJobs.nextAttemptAt, p('now'))))
      .orderBy(asc(printJobs.createdAt), asc(printJobs.id))
      .limit(p('limit'))
      .prepare(),
    nextDueAt: db
      .select({ at: min(printJobs.nextAttemptAt) })
      .from(printJobs)
      .where(sql`state = 'queued'`)
      .prepare(),
    claim: db
      .update(printJobs)
      .set({ state: 'printing', updatedAt: sql`${p('now')}`, attempts: sql`${printJobs.attempts} + 1` })
      .where(and(eq(printJobs.id, p('id')), eq(printJobs.state, 'queued')))
      .prepare(),
    printed: db
      .update(printJobs)
      .set({ state: 'printed', printedAt: sql`${p('now')}`, updatedAt: sql`${p('now')}` })
      .where(and(eq(printJobs.id, p('id')), eq(printJobs.state, 'printing')))
      .prepare(),
  };
}

export class PrintJobRepository {
  #insert: ReturnType<typeof prepareInsert> | undefined;
  #queue: ReturnType<typeof prepareQueue> | undefined;
  #walPath: string | null | undefined;
  /** The `synchronous` level the store opened with, read once. */
  #synchronous: number | undefined;

  constructor(private readonly db: Db) {}

  /**
   * The store's write-ahead log, when the database has one on disk (WAL mode, a file): then
   * {@link onDisk} can sync it without holding the event loop. Null otherwise.
   */
  #wal(): string | null {
    if (this.#walPath === undefined) {
      const sqlite = this.db.$client;
      const mode = sqlite.pragma('journal_mode', { simple: true });
      this.#walPath = !sqlite.memory && mode === 'wal' ? `${sqlite.name}-wal` : null;
    }
    return this.#walPath;
  }

  /** Whether {@link onDisk} is available: otherwise a change that must be on the disk is committed with {@link apply}'s `durable`. */
  get syncsAside(): boolean {
    return this.#wal() !== null;
  }

  /**
   * Resolves once every commit made so far is on the disk: an fdatasync of the write-ahead log in
   * Node's thread pool. SQLite's own sync at a `synchronous=FULL` commit holds the event loop for
   * it (1–5 ms for a claim right after an order's commit), with the next order's request and its
   * screens' frames behind it; a commit made without it and this sync after are as durable once
   * this resolves. Rejects when the disk refuses.
   */
  async onDisk(): Promise<void> {
    const wal = this.#wal();
    if (wal === null) return;
    let file;
    try {
      file = await open(wal, 'r');
    } catch (err) {
      // No log file: the database was closed meanwhile, and SQLite synced everything as it closed.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    try {
      await file.datasync();
    } finally {
      await file.close();
    }
  }

  /** Inserts the job unless its key is taken; answers the stored job with that key, and whether it is new. */
  insert(tx: Db | Tx, job: NewPrintJob): { row: PrintJobRow; inserted: boolean } {
    // Prepared once on the store's one connection, which `tx` runs on: the row is written in `tx`
    // (building the query each time cost more than running it, on every order that prints).
    const inserted = (this.#insert ??= prepareInsert(this.db)).get({
      id: job.id,
      key: job.key,
      kind: job.kind,
      deviceId: job.deviceId,
      state: 'queued',
      orderId: job.orderId ?? null,
      ticketId: job.ticketId ?? null,
      station: job.station ?? null,
      detail: job.detail,
      eventSeq: job.eventSeq ?? null,
      reprintOf: job.reprintOf ?? null,
      expiresAt: job.expiresAt ?? null,
      nextAttemptAt: job.at,
      createdAt: job.at,
      updatedAt: job.at,
    });
    if (inserted) return { row: inserted, inserted: true };
    const row = tx.select().from(printJobs).where(eq(printJobs.key, job.key)).get();
    if (!row) throw new Error(`print job ${job.key} is neither new nor stored`);
    return { row, inserted: false };
  }

  /** {@link insert} in a transaction of its own (a reprint, a test slip). */
  record(job: NewPrintJob): { row: PrintJobRow; inserted: boolean } {
    return this.db.transaction((tx) => this.insert(tx, job));
  }

  get(id: string): PrintJobRow | undefined {
    return this.db.select().from(printJobs).where(eq(printJobs.id, id)).get();
  }

  byKey(key: string): PrintJobRow | undefined {
    return this.db.select().from(printJobs).where(eq(printJobs.key, key)).get();
  }

  /** Queued jobs due by `now`, oldest first. */
  due(now: number, limit = 100): PrintJobRow[] {
    return this.#statements().due.all({ now, limit });
  }

  /** When the next queued job is due, or undefined when none waits. */
  nextDueAt(): number | undefined {
    return this.#statements().nextDueAt.get()?.at ?? undefined;
  }

  /** Makes a printer's waiting jobs due now (it is ready again). */
  dueNow(deviceId: string, now: number): number {
    return this.db
      .update(printJobs)
      .set({ nextAttemptAt: now })
      .where(and(sql`state = 'queued'`, eq(printJobs.deviceId, deviceId)))
      .run().changes;
  }

  /** queued → printing, only if it is still queued (answers false when another hand took it). */
  claim(id: string, now: number): boolean {
    return this.#statements().claim.run({ id, now }).changes === 1;
  }

  printed(id: string, now: number): void {
    this.#statements().printed.run({ id, now });
  }

  /** Prepared on the store's one connection: inside `apply`'s transaction they write in it. */
  #statements(): ReturnType<typeof prepareQueue> {
    return (this.#queue ??= prepareQueue(this.db));
  }

  /**
   * Every change in one transaction (one disk sync), in this order: printed, finished, retries,
   * released, claims. Answers the ids claimed (a job another hand took, or no longer queued, is not).
   *
   * `durable: false` (only printed marks) commits without waiting for the disk: the commit survives
   * the process dying and reaches the disk with the next durable commit; a power cut before then
   * leaves those jobs `printing`, which the next start makes `unconfirmed` (as a crash mid-run does).
   */
  apply(changes: PrintJobChanges, durable = true): Set<string> {
    return durable ? this.#apply(changes) : this.#unsynced(() => this.#apply(changes));
  }

  /**
   * New jobs (each once per idempotency key) and `alongside` (the print cursor's advance) in one
   * transaction, committed without waiting for the disk: lost to a power cut, the cursor is lost
   * with them and the same events are recorded again (their keys make them the same jobs); the
   * claim that sends a job syncs the log first, so a job printed is always on the disk. Answers
   * how many jobs were new.
   */
  recordAll(jobs: readonly NewPrintJob[], alongside: () => void): number {
    // better-sqlite3's own transaction: drizzle's makes a query builder per table each time.
    return this.#unsynced(() =>
      this.db.$client.transaction(() => {
        let inserted = 0;
        for (const job of jobs) if (this.insert(this.db, job).inserted) inserted += 1;
        alongside();
        return inserted;
      })(),
    );
  }

  /** `work`'s commit does not wait for the disk (it reaches it with the next that does, or the next sync). */
  #unsynced<T>(work: () => T): T {
    const sqlite = this.db.$client;
    this.#synchronous ??= Number(sqlite.pragma('synchronous', { simple: true }));
    // Run as text each time, not as a statement prepared once: SQLite sets `synchronous` when the
    // pragma is prepared, not when it runs, so a prepared one's first run changed nothing (and
    // the first commit made this way still waited for the disk).
    sqlite.exec('PRAGMA synchronous = NORMAL');
    try {
      return work();
    } finally {
      sqlite.exec(`PRAGMA synchronous = ${this.#synchronous}`);
    }
  }

  #apply(changes: PrintJobChanges): Set<string> {
    // better-sqlite3's own transaction (drizzle's makes a query builder per table each time); the
    // statements run on the same connection, inside it.
    return this.db.$client.transaction(() => {
      const tx = this.db;
      for (const p of changes.printed) this.printed(p.id, p.at);
      for (const f of changes.finished) this.finish(f.id, f.state, f.error, f.at, tx);
      for (const r of changes.retries) this.retry(r.id, r.retry, tx);
      for (const r of changes.released)
        tx.update(printJobs)
          .set({ state: 'queued', updatedAt: r.at, attempts: sql`max(${printJobs.attempts} - 1, 0)` })
          .where(and(eq(printJobs.id, r.id), eq(printJobs.state, 'printing')))
          .run();
      const claimed = new Set<string>();
      for (const c of changes.claims) if (this.claim(c.id, c.at)) claimed.add(c.id);
      return claimed;
    })();
  }

  /** printing → queued again, for later or elsewhere. */
  retry(id: string, retry: JobRetry, tx: Db | Tx = this.db): void {
    tx.update(printJobs)
      .set({
        state: 'queued',
        deviceId: retry.deviceId,
        reroutedFrom: retry.reroutedFrom,
        attempts: retry.attempts,
        deviceAttempts: retry.deviceAttempts,
        nextAttemptAt: retry.nextAttemptAt,
        lastError: retry.lastError,
        lastErrorAt: retry.at,
        updatedAt: retry.at,
      })
      .where(and(eq(printJobs.id, id), inArray(printJobs.state, ['printing', 'queued'])))
      .run();
  }

  /** Jobs of one printer waiting behind one that failed: the same failure, counted for each. */
  queuedOf(deviceId: string, now: number): PrintJobRow[] {
    return this.db
      .select()
      .from(printJobs)
      .where(and(sql`state = 'queued'`, eq(printJobs.deviceId, deviceId), lte(printJobs.nextAttemptAt, now)))
      .orderBy(asc(printJobs.createdAt), asc(printJobs.id))
      .all();
  }

  /** A job leaves the queue for good: expired, failed or cancelled (from queued or printing). */
  finish(
    id: string,
    state: Extract<PrintJobState, 'expired' | 'failed' | 'cancelled'>,
    error: string | null,
    now: number,
    tx: Db | Tx = this.db,
  ): boolean {
    return (
      tx
        .update(printJobs)
        .set({ state, updatedAt: now, ...(error !== null ? { lastError: error, lastErrorAt: now } : {}) })
        .where(and(eq(printJobs.id, id), inArray(printJobs.state, ['queued', 'printing'])))
        .run().changes === 1
    );
  }

  /** At start: jobs a stop left `printing` may have printed; they become `unconfirmed`, never sent again. */
  markInterrupted(now: number): PrintJobRow[] {
    return this.db
      .update(printJobs)
      .set({
        state: 'unconfirmed',
        updatedAt: now,
        lastError: 'The store box stopped while sending it: it may or may not have printed',
        lastErrorAt: now,
      })
      .where(eq(printJobs.state, 'printing'))
      .returning()
      .all();
  }

  /** Newest first, optionally of one printer, order or state, before a creation time (paging). */
  list(filter: {
    deviceId?: string;
    orderId?: string;
    state?: PrintJobState;
    before?: number;
    limit: number;
  }): PrintJobRow[] {
    const where = [
      filter.deviceId !== undefined ? eq(printJobs.deviceId, filter.deviceId) : undefined,
      filter.orderId !== undefined ? eq(printJobs.orderId, filter.orderId) : undefined,
      filter.state !== undefined ? eq(printJobs.state, filter.state) : undefined,
      filter.before !== undefined ? lt(printJobs.createdAt, filter.before) : undefined,
    ].filter((w) => w !== undefined);
    return this.db
      .select()
      .from(printJobs)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(printJobs.createdAt), desc(printJobs.id))
      .limit(filter.limit)
      .all();
  }

  /** Per printer: jobs waiting, and how many of them have failed at least once. */
  queueCounts(): Map<string, { queued: number; failing: number }> {
    const rows = this.db
      .select({
        deviceId: printJobs.deviceId,
        queued: sql<number>`count(*)`,
        failing: sql<number>`sum(case when ${printJobs.deviceAttempts} > 0 or ${printJobs.reroutedFrom} is not null then 1 else 0 end)`,
      })
      .from(printJobs)
      .where(inArray(printJobs.state, ['queued', 'printing']))
      .groupBy(printJobs.deviceId)
      .all();
    return new Map(rows.map((r) => [r.deviceId, { queued: r.queued, failing: r.failing ?? 0 }]));
  }
}
