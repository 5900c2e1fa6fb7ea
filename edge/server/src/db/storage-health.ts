/**
 * What is wrong with the store's storage right now, for `/api/v1/health` and the logs:
 *
 * - `damaged-row`: a stored value that cannot be read (garbage in a JSON column). The row is
 *   skipped or shown without the damaged part by whoever read it; the store keeps selling.
 * - `missing-events`: events the log lost (a damaged write-ahead log), found at boot by comparing
 *   the log's head with the data folder's marker (./store-marker.ts).
 * - `storage`: the disk refused a write (full, or an I/O error). Cleared by the next write that
 *   commits.
 * - `cloud-log`: the store's log and the cloud's copy of it differ, or the cloud's copy was
 *   refused when the edge tried to restore from it (../relay/cloud-restore.ts).
 *
 * One per database handle, found with {@link storageHealthOf}, so the code that reads and writes
 * the store reports here without more wiring. Each problem is logged once when it appears.
 */
import { TillboxError } from '@tillbox/core';

export type StorageProblemKind = 'damaged-row' | 'missing-events' | 'storage' | 'cloud-log';

export interface StorageProblem {
  kind: StorageProblemKind;
  /** Names the problem, e.g. `events.data:seq=12`; a problem reported again under its key is one problem. */
  key: string;
  /** What a manager or support reads: what is wrong and what the store box did about it. */
  message: string;
  /** ISO time it was first seen. */
  since: string;
}

/** The part of a pino logger the storage health uses. */
export interface StorageLogger {
  error(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** Called after each commit that appended events, with the log's new head. */
export type CommitListener = (seq: number) => void;

/** At most this many damaged rows are listed one by one; past it they are counted in one problem. */
const MAX_LISTED_ROWS = 50;

export class StorageHealth {
  readonly #problems = new Map<string, StorageProblem>();
  #log: StorageLogger | undefined;
  #commitListener: CommitListener | undefined;
  #moreDamagedRows = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Log problems here from now on (until then they are only kept for health). */
  attachLog(log: StorageLogger): void {
    this.#log = log;
    for (const p of this.#problems.values()) log.error({ problem: p.kind, key: p.key }, p.message);
  }

  /** Hear each commit's head (the data folder's marker keeps it). */
  onCommit(listener: CommitListener | undefined): void {
    this.#commitListener = listener;
  }

  get ok(): boolean {
    return this.#problems.size === 0;
  }

  /** Every current problem, oldest first. */
  get problems(): StorageProblem[] {
    return [...this.#problems.values()];
  }

  report(kind: StorageProblemKind, key: string, message: string, fields: object = {}): void {
    if (this.#problems.has(key)) return;
    this.#problems.set(key, { kind, key, message, since: new Date(this.now()).toISOString() });
    this.#log?.error({ problem: kind, key, ...fields }, message);
  }

  clear(key: string): void {
    const problem = this.#problems.get(key);
    if (!problem) return;
    this.#problems.delete(key);
    this.#log?.info({ problem: problem.kind, key }, `resolved: ${problem.message}`);
  }

  /**
   * A row whose `column` could not be read: report it (once) naming the table and key. The
   * caller skips the row, or shows it without the damaged value.
   */
  damagedRow(
    where: { table: string; keyName: string; key: string | number; column: string },
    problem: string,
    outcome = 'it is skipped',
  ): void {
    const key = `${where.table}.${where.column}:${where.keyName}=${where.key}`;
    if (this.#problems.has(key)) return;
    const listed = [...this.#problems.values()].filter((p) => p.kind === 'damaged-row').length;
    if (listed >= MAX_LISTED_ROWS) {
      this.#moreDamagedRows += 1;
      const more = 'damaged-rows:more';
      this.#problems.delete(more);
      this.#problems.set(more, {
        kind: 'damaged-row',
        key: more,
        message: `${this.#moreDamagedRows} more damaged rows (see the log)`,
        since: new Date(this.now()).toISOString(),
      });
      this.#log?.error({ problem: 'damaged-row', ...where }, `damaged row (${problem}); ${outcome}`);
      return;
    }
    this.report(
      'damaged-row',
      key,
      `Damaged row in ${where.table} ${where.keyName} ${where.key} (${where.column}: ${problem}); ${outcome}`,
      where,
    );
  }

  /**
   * A transaction committed with events up to `seq` (undefined: it appended none, so it may have
   * written nothing): the disk takes writes again, and the marker hears the new head.
   */
  committed(seq: number | undefined): void {
    if (seq === undefined) return;
    if (this.#problems.has(STORAGE_KEY)) this.clear(STORAGE_KEY);
    this.#commitListener?.(seq);
  }

  /**
   * An error thrown by a write: when it is the disk's (full, I/O), report it and answer the
   * `storage` error a manager understands; any other error is answered unchanged.
   */
  failed(err: unknown): unknown {
    const storage = storageError(err);
    if (!storage) return err;
    this.report('storage', STORAGE_KEY, storage.message, { err });
    return storage;
  }
}

const STORAGE_KEY = 'storage';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/**
 * The `storage` error for an error of the disk (SQLite's SQLITE_FULL and SQLITE_IOERR_*, Node's
 * ENOSPC, EDQUOT and EIO), or undefined for any other error.
 */
export function storageError(err: unknown): TillboxError | undefined {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return undefined;
  const code = err.code;
  if (FULL.has(code)) {
    return new TillboxError(
      'storage',
      "The store box's storage is full: this was not saved. Orders already taken are safe. " +
        'Free space on the store box (or call support), then try again.',
      { cause: err },
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new TillboxError(
      'storage',
      "The store box's storage failed to write (disk I/O error): this was not saved. Try again; " +
        'if it keeps happening, call support: the storage may be failing.',
      { cause: err },
    );
  }
  return undefined;
}

const healths = new WeakMap<object, StorageHealth>();

/** The storage health of a database handle (the drizzle handle openDatabase gives). */
export function storageHealthOf(db: object): StorageHealth {
  let health = healths.get(db);
  if (!health) {
    health = new StorageHealth();
    healths.set(db, health);
  }
  return health;
}

/**
 * Parse a JSON text read from a stored row. Garbage (or a value `valid` refuses) is reported as a
 * damaged row and answers undefined, for the caller to skip the row or leave the value out.
 */
export function readStoredJson(
  health: StorageHealth,
  where: { table: string; keyName: string; key: string | number; column: string },
  text: unknown,
  options: { valid?: (value: unknown) => boolean; outcome?: string } = {},
): unknown {
  const { valid = () => true, outcome } = options;
  if (typeof text !== 'string') {
    health.damagedRow(where, `not text but ${text === null ? 'null' : typeof text}`, outcome);
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    health.damagedRow(where, `not JSON: ${JSON.stringify(text.slice(0, 40))}`, outcome);
    return undefined;
  }
  if (!valid(value)) {
    health.damagedRow(where, `not the expected shape: ${JSON.stringify(text.slice(0, 40))}`, outcome);
    return undefined;
  }
  return value;
}

/** A plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
