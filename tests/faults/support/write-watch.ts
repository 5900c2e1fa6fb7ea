/**
 * Did a request write anything? A second, read-only SQLite connection beside the edge takes a
 * fingerprint of every table before and after. Refusals are allowed to leave exactly their own
 * record: audit rows of a refusal and PIN-failure counters (the lockout's memory). Bookkeeping
 * that is not the request's doing is left out: a device's last-seen time, a session's last
 * activity, log consumers' cursors, a print job's progress. Work the edge does on its own (firing scheduled orders) shows
 * up as events by the system; a window with such events is reported as such, not as a write.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Audit actions that record a refusal: the refusal's own trace, allowed on a 4xx. */
export const REFUSAL_AUDIT_ACTIONS: ReadonlySet<string> = new Set([
  'permission.refused',
  'override.refused',
  'staff.pin-failed',
  'staff.locked-out',
]);

/** Tables a refusal may write, and columns that are bookkeeping rather than state. */
const REFUSAL_TABLES = new Set(['pin_failures', 'audit_log']);
const SKIP_TABLES = new Set(['log_cursors', '__drizzle_migrations']);
const SKIP_COLUMNS: Record<string, ReadonlySet<string>> = {
  devices: new Set(['last_seen_at']),
  staff_sessions: new Set(['last_active_at']),
  // The device hub carries out print jobs on its own after their commit (claim, print, retry,
  // reroute); what a job is (its id, key and what it prints) is fingerprinted (see ROW_FILTERS).
  print_jobs: new Set([
    'device_id',
    'rerouted_from',
    'state',
    'attempts',
    'device_attempts',
    'next_attempt_at',
    'last_error',
    'last_error_at',
    'updated_at',
    'printed_at',
  ]),
};

/**
 * Rows fingerprinted, by table (default: all). Print jobs made from events are recorded from the
 * log just after their command's commit (the print cursor), so a refusal's window may see the jobs
 * of a command accepted just before it: such a job is judged by its event (a refusal appends
 * none). Jobs a request makes itself (a reprint, a test slip) have no event and still show.
 */
const ROW_FILTERS: Record<string, string> = {
  print_jobs: 'event_seq IS NULL',
};

export interface Fingerprint {
  eventsHead: number;
  auditHead: number;
  tables: Map<string, string>;
}

export interface WriteVerdict {
  /** Tables whose content changed (other than what a refusal may write). */
  changed: string[];
  /** New events by someone other than the edge itself. */
  events: { seq: number; type: string; actor: string }[];
  /** New audit rows that are not a refusal's trace. */
  audit: string[];
  /** The edge's own background work ran meanwhile (events by the system): the window says nothing. */
  background: boolean;
}

export class WriteWatch {
  private readonly db: Database.Database;
  private readonly queries = new Map<string, Database.Statement>();
  /** The last fingerprint, and SQLite's data_version when it was taken (it changes when the edge commits). */
  private last: { version: number; fingerprint: Fingerprint } | undefined;

  constructor(dbPath: string) {
    this.db = new Database(dbPath, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      if (SKIP_TABLES.has(table) || REFUSAL_TABLES.has(table)) continue;
      const columns = (this.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter(
        (c) => !SKIP_COLUMNS[table]?.has(c),
      );
      const list = columns.map((c) => `"${c}"`).join(', ');
      const where = ROW_FILTERS[table] ? ` WHERE ${ROW_FILTERS[table]}` : '';
      this.queries.set(table, this.db.prepare(`SELECT ${list} FROM "${table}"${where} ORDER BY rowid`).raw());
    }
  }

  /** The database's fingerprint; taken again only when the edge has committed since the last one. */
  fingerprint(): Fingerprint {
    const version = Number(this.db.pragma('data_version', { simple: true }));
    if (this.last?.version === version) return this.last.fingerprint;
    const fingerprint = this.take();
    this.last = { version, fingerprint };
    return fingerprint;
  }

  private take(): Fingerprint {
    return this.db.transaction(() => {
      const tables = new Map<string, string>();
      for (const [table, query] of this.queries) {
        const hash = createHash('sha256');
        for (const row of query.iterate()) hash.update(JSON.stringify(row));
        tables.set(table, hash.digest('base64'));
      }
      return {
        eventsHead: Number(this.db.prepare('SELECT coalesce(max(seq), 0) FROM events').pluck().get()),
        auditHead: Number(this.db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get()),
        tables,
      };
    })();
  }

  /** What changed between two fingerprints, as a refusal would be judged. */
  compare(before: Fingerprint, after: Fingerprint): WriteVerdict {
    const changed = [...after.tables].filter(([t, h]) => before.tables.get(t) !== h).map(([t]) => t);
    const newEvents = this.db
      .prepare('SELECT seq, type, actor FROM events WHERE seq > ? AND seq <= ? ORDER BY seq')
      .all(before.eventsHead, after.eventsHead) as { seq: number; type: string; actor: string }[];
    const bySystem = (e: { actor: string }) => (JSON.parse(e.actor) as { kind?: string }).kind === 'system';
    const audit = (
      this.db
        .prepare('SELECT action FROM audit_log WHERE seq > ? AND seq <= ?')
        .pluck()
        .all(before.auditHead, after.auditHead) as string[]
    ).filter((a) => !REFUSAL_AUDIT_ACTIONS.has(a));
    return {
      changed,
      events: newEvents.filter((e) => !bySystem(e)),
      audit,
      background: newEvents.some(bySystem),
    };
  }

  close(): void {
    this.db.close();
  }
}

/** True when a refusal left nothing but its own trace. */
export function wroteNothing(v: WriteVerdict): boolean {
  return v.events.length === 0 && v.audit.length === 0 && (v.changed.length === 0 || v.background);
}
