/**
 * Writing events restored from the cloud's copy of the store's log (docs/reliability.md, "A store
 * box restored from an older copy"): one transaction writes each event with its original seq, id,
 * actor, device and time, rebuilds what the edge derives from it (orders with their lines,
 * tickets and payments, order numbers, stock, the audit log, cash drawers: the `projections`),
 * moves the given cursors past it and writes `log.restored` after it (an audit row: "restored N
 * events from the cloud"). Nothing is printed again and no drawer opens: the print cursor is among
 * the cursors moved past the restored events (and the print service passes over restored events it
 * hears), and drawer kicks are made only for events appended by a command.
 */
import { SYSTEM_CONTEXT, topicOf, uuidv7, validateEvent, type StoreEvent } from '@tillbox/core';
import { and, gte, lte } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { storageHealthOf } from '../db/storage-health.js';
import { events } from '../db/schema.js';
import type { CursorRepository } from './cursor-repository.js';
import type { EventLog } from './event-log.js';

/** Work done for each restored event inside the restore's transaction, in seq order. */
export type RestoreProjection = (tx: Tx, restored: readonly StoreEvent[]) => void;

export interface LogRestoreContext {
  storeId: string;
  db: Db;
  events: EventLog;
  cursors: CursorRepository;
  projections: readonly RestoreProjection[];
  now?: () => number;
}

export class LogRestore {
  constructor(private readonly ctx: LogRestoreContext) {}

  /** The ids of the events the log holds from `from` to `to`, by seq. */
  localIds(from: number, to: number): Map<number, string> {
    if (to < from) return new Map();
    const rows = this.ctx.db
      .select({ seq: events.seq, id: events.id })
      .from(events)
      .where(and(gte(events.seq, from), lte(events.seq, to)))
      .all();
    return new Map(rows.map((r) => [r.seq, r.id]));
  }

  /**
   * Write `restored` (checked, in seq order, none of their seqs in the log) and everything derived
   * from them in one transaction, and move each of `cursors` to at least `through`; with a
   * `summary` (the restore's last write), `log.restored` after them. Then the subscribers hear the
   * restored events (and `log.restored`) as one batch: screens following the stream get them; no
   * drawer opens for them ({@link isRestoredEvent}). Answers `log.restored` when written. Throws
   * (writing nothing) when an event does not fit.
   */
  write(
    restored: readonly StoreEvent[],
    cursors: readonly string[],
    through: number,
    summary?: RestoreSummary,
  ): StoreEvent | undefined {
    const health = storageHealthOf(this.ctx.db);
    let notice: StoreEvent | undefined;
    try {
      notice = this.ctx.db.transaction((tx) => {
        for (const e of restored) tx.insert(events).values(rowOf(e)).run();
        const logged = summary ? this.notice(tx, summary) : undefined;
        const all = logged ? [...restored, logged] : restored;
        for (const project of this.ctx.projections) project(tx, all);
        for (const name of cursors) this.ctx.cursors.advance(name, through);
        return logged;
      });
    } catch (error) {
      throw health.failed(error);
    }
    rememberRestored(this.ctx.events, restored);
    const all = notice ? [...restored, notice] : [...restored];
    const last = all[all.length - 1];
    if (last) {
      health.committed(last.seq);
      this.ctx.events.announce(all);
    }
    return notice;
  }

  /** `log.restored`, written in `tx` with the next seq. */
  private notice(tx: Tx, summary: RestoreSummary): StoreEvent {
    const at = (this.ctx.now ?? Date.now)();
    const data = { source: 'cloud', ...summary };
    const { version } = validateEvent('log.restored', data);
    const row = { type: 'log.restored', subject: this.ctx.storeId, data, version };
    const actor = SYSTEM_CONTEXT.actor;
    const id = uuidv7(at);
    const written = tx
      .insert(events)
      .values({ ...row, id, topic: topicOf(row.type), at, actor, device: null })
      .returning({ seq: events.seq })
      .get();
    return { ...row, seq: written.seq, id, actor, device: null, at: new Date(at).toISOString() };
  }
}

/** What a restore brought back, in all: `log.restored`'s payload. */
export interface RestoreSummary {
  count: number;
  fromSeq: number;
  toSeq: number;
}

/**
 * The seqs restored into each log since the process started, as runs: whoever hears the restore's
 * batch, or reads those events back from the log, knows them as restored.
 */
const RESTORED_SEQS = new WeakMap<EventLog, { from: number; to: number }[]>();

function rememberRestored(log: EventLog, restored: readonly StoreEvent[]): void {
  const runs = RESTORED_SEQS.get(log) ?? [];
  for (const { seq } of restored) {
    const last = runs[runs.length - 1];
    if (last && seq === last.to + 1) last.to = seq;
    else runs.push({ from: seq, to: seq });
  }
  RESTORED_SEQS.set(log, runs);
}

/**
 * Whether an event of `log` was restored from the cloud's copy since this process started, heard
 * in the restore's batch or read back from the log (no drawer kick, no print).
 */
export function isRestoredEvent(log: EventLog, event: Pick<StoreEvent, 'seq'>): boolean {
  return RESTORED_SEQS.get(log)?.some((r) => event.seq >= r.from && event.seq <= r.to) ?? false;
}

function rowOf(e: StoreEvent): typeof events.$inferInsert {
  return {
    seq: e.seq,
    id: e.id,
    type: e.type,
    topic: topicOf(e.type),
    subject: e.subject,
    data: e.data,
    at: Date.parse(e.at),
    version: e.version,
    actor: e.actor,
    device: e.device,
  };
}
