/** The store's event log as the edge keeps it (its SQLite file) and as the cloud keeps it (PostgreSQL). */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type postgres from 'postgres';

export interface LoggedEvent {
  seq: number;
  id: string;
  type: string;
  subject: string;
}

/** Every event in the edge's log, by seq (read-only beside the running edge: WAL allows it). */
export function edgeLog(dataDir: string): LoggedEvent[] {
  const db = new Database(join(dataDir, 'tillbox.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT seq, id, type, subject FROM events ORDER BY seq').all() as LoggedEvent[];
  } finally {
    db.close();
  }
}

export async function cloudLog(sql: postgres.Sql, storeId: string): Promise<LoggedEvent[]> {
  const rows = await sql<{ seq: string; id: string; type: string; subject: string }[]>`
    select seq, id, type, subject from store_events where store_id = ${storeId} order by seq`;
  return rows.map((r) => ({ seq: Number(r.seq), id: r.id, type: r.type, subject: r.subject }));
}

/** The cloud's contiguous head of a store (`last_seq`: every event up to it is there) and its highest seq. */
export async function cloudHead(sql: postgres.Sql, storeId: string): Promise<{ lastSeq: number; maxSeq: number }> {
  const [row] = await sql<{ last_seq: string; max_seq: string }[]>`
    select last_seq, max_seq from stores where id = ${storeId}`;
  return { lastSeq: Number(row?.last_seq ?? 0), maxSeq: Number(row?.max_seq ?? 0) };
}
