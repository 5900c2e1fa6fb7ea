/**
 * What is on disk, read through a second, read-only SQLite connection beside the running edge
 * (WAL lets it read a consistent snapshot): the integrity check, the event log's seq, and each
 * acknowledged order exactly once.
 */
import Database from 'better-sqlite3';
import type { Acknowledged } from './order-load.js';

export interface StoreCheck {
  integrity: string;
  /** Events in the log, and whether their seq runs 1..count with no gap. */
  events: number;
  seqContiguous: boolean;
  /** The first missing seq, when there is a gap. */
  firstGap: number | undefined;
  orders: number;
  /** Acknowledged orders that are not stored (or not as acknowledged: number or total differ). */
  lost: string[];
  /** Orders placed more than once (several `order.placed` events) or numbered twice in a day. */
  doubled: string[];
}

export function checkStore(dbPath: string, acknowledged: Iterable<Acknowledged>): StoreCheck {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.transaction(() => {
      const integrity = String(db.pragma('integrity_check', { simple: true }));
      const seqs = db.prepare('SELECT seq FROM events ORDER BY seq').pluck().all() as number[];
      let firstGap: number | undefined;
      seqs.forEach((seq, i) => {
        if (firstGap === undefined && seq !== i + 1) firstGap = i + 1;
      });
      const stored = new Map(
        (db.prepare('SELECT id, number, total FROM orders').all() as Acknowledged[]).map((o) => [o.id, o]),
      );
      const lost: string[] = [];
      for (const a of acknowledged) {
        const s = stored.get(a.id);
        if (!s || s.number !== a.number || s.total !== a.total) lost.push(a.id);
      }
      const placedTwice = db
        .prepare("SELECT subject FROM events WHERE type = 'order.placed' GROUP BY subject HAVING count(*) > 1")
        .pluck()
        .all() as string[];
      const numberedTwice = db
        .prepare("SELECT business_day || ' #' || number FROM orders GROUP BY business_day, number HAVING count(*) > 1")
        .pluck()
        .all() as string[];
      return {
        integrity,
        events: seqs.length,
        seqContiguous: firstGap === undefined,
        firstGap,
        orders: stored.size,
        lost,
        doubled: [...placedTwice, ...numberedTwice],
      };
    })();
  } finally {
    db.close();
  }
}
