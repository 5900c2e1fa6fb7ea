/**
 * Where each durable log consumer has got to: one row per consumer in `log_cursors`, holding the
 * seq of the last event whose work is done. The only code that touches that table.
 */
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { logCursors } from '../db/schema.js';

/** The print queue's cursor: every event up to it has had its print jobs recorded (devices/print-service.ts). */
export const PRINT_JOBS_CURSOR = 'print-jobs';

/** A consumer's position in the log: the seq of the last event whose work is done. */
export interface LogCursor {
  readonly name: string;
  readonly seq: number;
  /** Record that the work of every event up to `seq` is done. Never moves backwards. */
  advance(seq: number): void;
}

/** A cursor that lives as long as its consumer: a stream client's, starting at the seq it subscribed from. */
export class MemoryCursor implements LogCursor {
  #seq: number;

  constructor(
    readonly name: string,
    seq: number,
  ) {
    this.#seq = seq;
  }

  get seq(): number {
    return this.#seq;
  }

  advance(seq: number): void {
    if (seq > this.#seq) this.#seq = seq;
  }
}

/** A cursor kept in a `log_cursors` row: each advance is committed before it returns. */
export class DurableCursor implements LogCursor {
  constructor(
    readonly name: string,
    private readonly repository: CursorRepository,
  ) {}

  get seq(): number {
    return this.repository.seq(this.name);
  }

  advance(seq: number): void {
    this.repository.advance(this.name, seq);
  }
}

/** The advance of a cursor, prepared once (it runs inside whatever transaction is open on the connection). */
function prepareAdvance(db: Db) {
  const seq = sql.placeholder('seq');
  const updatedAt = sql.placeholder('updatedAt');
  return db
    .insert(logCursors)
    .values({ name: sql.placeholder('name'), seq, updatedAt })
    .onConflictDoUpdate({
      target: logCursors.name,
      set: { seq: sql`excluded.seq`, updatedAt: sql`excluded.updated_at` },
      setWhere: lt(logCursors.seq, sql`excluded.seq`),
    })
    .prepare();
}

export class CursorRepository {
  #advance: ReturnType<typeof prepareAdvance> | undefined;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** A durable cursor by name (`print-jobs`, `mqtt-relay`, `audit-export`); 0 when it has never advanced. */
  cursor(name: string): DurableCursor {
    return new DurableCursor(name, this);
  }

  seq(name: string): number {
    const row = this.db.select({ seq: logCursors.seq }).from(logCursors).where(eq(logCursors.name, name)).get();
    return row?.seq ?? 0;
  }

  /** Move the named cursor to `seq` (committed when this returns); a lower seq changes nothing. */
  advance(name: string, seq: number): void {
    (this.#advance ??= prepareAdvance(this.db)).run({ name, seq, updatedAt: this.now() });
  }
}
