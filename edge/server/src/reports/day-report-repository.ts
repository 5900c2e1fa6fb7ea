/**
 * The end-of-day reports' reads of the event log: one period's events in one pass by seq (the
 * primary key), only the types a report counts, each row's JSON parsed once; the earlier history
 * of the orders a period touches (by subject); and the Z reports (`day.closed`, topic `day`,
 * subject the business day) through the log's indexes. A row that cannot be read is skipped and
 * reported to the storage health, and counted so the report says so.
 */
import {
  DAY_REPORT_EVENT_TYPES,
  ORDER_HISTORY_EVENT_TYPES,
  dayClosedSchema,
  type DayClosedData,
  type ReportEvent,
} from '@tillbox/core';
import { and, asc, desc, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { events } from '../db/schema.js';
import { isJsonObject, readStoredJson, storageHealthOf, type StorageHealth } from '../db/storage-health.js';

/** A stored Z report with when and by whom it was taken. */
export interface StoredClose {
  seq: number;
  at: number;
  actor: ReportEvent['actor'];
  data: DayClosedData;
}

const COLUMNS = {
  seq: events.seq,
  type: events.type,
  data: sql<unknown>`${events.data}`,
  actor: sql<unknown>`${events.actor}`,
  at: events.at,
};

type Row = { seq: number; type: string; data: unknown; actor: unknown; at: number };

/** Order ids per history query (SQLite's bound-parameter limit is far above). */
const HISTORY_BATCH = 500;

function prepare(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return {
    period: db
      .select(COLUMNS)
      .from(events)
      .where(
        and(
          gt(events.seq, p('after')),
          lte(events.seq, p('through')),
          inArray(events.type, [...DAY_REPORT_EVENT_TYPES]),
        ),
      )
      .orderBy(asc(events.seq))
      .prepare(),
    lastClose: db
      .select(COLUMNS)
      .from(events)
      .where(and(eq(events.topic, 'day'), eq(events.type, 'day.closed')))
      .orderBy(desc(events.seq))
      .limit(1)
      .prepare(),
    closeOf: db
      .select(COLUMNS)
      .from(events)
      .where(and(eq(events.subject, p('day')), eq(events.type, 'day.closed')))
      .orderBy(desc(events.seq))
      .limit(1)
      .prepare(),
    closes: db
      .select(COLUMNS)
      .from(events)
      .where(and(eq(events.topic, 'day'), eq(events.type, 'day.closed')))
      .orderBy(desc(events.seq))
      .limit(p('limit'))
      .prepare(),
  };
}

export class DayReportRepository {
  private readonly health: StorageHealth;
  private statements: ReturnType<typeof prepare> | undefined;

  constructor(private readonly db: Db) {
    this.health = storageHealthOf(db);
  }

  private get q(): ReturnType<typeof prepare> {
    return (this.statements ??= prepare(this.db));
  }

  /** A stored row as a report event, or undefined (reported) when its JSON cannot be read. */
  private decode(r: Row): ReportEvent | undefined {
    const where = (column: string) => ({ table: 'events', keyName: 'seq', key: r.seq, column });
    const data = readStoredJson(this.health, where('data'), r.data, { valid: isJsonObject });
    if (data === undefined) return undefined;
    const actor = readStoredJson(this.health, where('actor'), r.actor, { valid: isJsonObject });
    if (actor === undefined) return undefined;
    // The log's own rows: the actor column holds what actorSchema parsed when it was appended.
    return { seq: r.seq, type: r.type, data, actor: actor as ReportEvent['actor'], at: new Date(r.at).toISOString() };
  }

  private decodeAll(rows: readonly Row[]): { events: ReportEvent[]; damaged: number } {
    const out: ReportEvent[] = [];
    for (const r of rows) {
      const e = this.decode(r);
      if (e) out.push(e);
    }
    return { events: out, damaged: rows.length - out.length };
  }

  /** The events a report counts with seq in (after, through], oldest first. */
  period(after: number, through: number): { events: ReportEvent[]; damaged: number } {
    // Prepared on the one connection: inside a command's transaction, it reads that transaction.
    return this.decodeAll(this.q.period.all({ after, through }) as Row[]);
  }

  /** The events before `before` of these orders that change their money or fate, oldest first. */
  orderHistory(orderIds: readonly string[], before: number): ReportEvent[] {
    const out: ReportEvent[] = [];
    for (let i = 0; i < orderIds.length; i += HISTORY_BATCH) {
      const rows = this.db
        .select(COLUMNS)
        .from(events)
        .where(
          and(
            inArray(events.subject, orderIds.slice(i, i + HISTORY_BATCH)),
            lt(events.seq, before),
            inArray(events.type, [...ORDER_HISTORY_EVENT_TYPES]),
          ),
        )
        .orderBy(asc(events.seq))
        .all() as Row[];
      out.push(...this.decodeAll(rows).events);
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  private close(row: Row | undefined): StoredClose | undefined {
    if (!row) return undefined;
    const event = this.decode(row);
    if (!event) return undefined;
    const parsed = dayClosedSchema.safeParse(event.data);
    if (!parsed.success) {
      this.health.damagedRow(
        { table: 'events', keyName: 'seq', key: row.seq, column: 'data' },
        'a Z report that does not match its schema',
      );
      return undefined;
    }
    return { seq: row.seq, at: row.at, actor: event.actor, data: parsed.data };
  }

  /** The latest Z report, if the store has closed a day. */
  lastClose(): StoredClose | undefined {
    return this.close(this.q.lastClose.get() as Row | undefined);
  }

  /** The Z report of a business day, if it is closed. */
  closeOf(day: string): StoredClose | undefined {
    return this.close(this.q.closeOf.get({ day }) as Row | undefined);
  }

  /** The latest Z reports, newest first. */
  closes(limit: number): StoredClose[] {
    return (this.q.closes.all({ limit }) as Row[]).flatMap((r) => {
      const c = this.close(r);
      return c ? [c] : [];
    });
  }
}
