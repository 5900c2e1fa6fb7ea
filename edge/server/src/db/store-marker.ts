/**
 * The data folder's marker, `tillbox.store.json` next to the database: which store the folder
 * holds, when it was initialised, the last event seq known to be committed, and the ranges of
 * events found missing. It lets the edge tell a damaged store from a new one:
 *
 * - a missing or empty database in a folder with a marker refuses to start ({@link checkDataFolder})
 *   instead of starting as an empty store;
 * - a log head below the marker's seq (SQLite dropped the end of a damaged write-ahead log) is
 *   a range of lost events, recorded here and reported until they are back ({@link settleMarker}).
 *
 * The file is JSON written whole (temp file, fsync, rename, fsync of the folder) when it is
 * created or a range is recorded. After each commit only its `lastSeq` field, fixed-width at the
 * start of the file, is overwritten in place: one small write in one disk sector that never grows
 * the file (so it still works on a full disk), made before the commit is acknowledged, so it
 * survives the process dying at any moment. Flushing it to the disk (fdatasync) runs off the
 * event loop, one at a time and coalesced, so after a power cut the marker is at most one flush
 * behind (it can only be behind, never ahead, so it never reports a loss that did not happen).
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  fdatasyncSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { TillboxError } from '@tillbox/core';
import type Database from 'better-sqlite3';

export const MARKER_FILE = 'tillbox.store.json';

export interface MissingRange {
  from: number;
  to: number;
  /** ISO time the gap was found. */
  foundAt: string;
}

export interface MarkerContent {
  lastSeq: number;
  format: 1;
  storeId: string;
  /** ISO time the folder was initialised. */
  createdAt: string;
  missing: MissingRange[];
}

/** `{"lastSeq": ` then the seq right-aligned in this many characters: rewritten in place. */
const SEQ_PREFIX = '{"lastSeq": ';
const SEQ_WIDTH = 20;

function render(content: MarkerContent): string {
  const { lastSeq, ...rest } = content;
  const body = JSON.stringify(
    { ...rest, about: 'Written by the Tillbox edge; see docs/reliability.md before moving or editing it.' },
    null,
    2,
  );
  return `${SEQ_PREFIX}${String(lastSeq).padStart(SEQ_WIDTH)},\n${body.slice(2)}\n`;
}

function isRange(v: unknown): v is MissingRange {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return Number.isSafeInteger(r.from) && Number.isSafeInteger(r.to) && typeof r.foundAt === 'string';
}

/** The marker of a folder: its content, `damaged` with why when it cannot be read, or undefined when there is none. */
export function readMarker(dir: string): { content?: MarkerContent; damaged?: string } | undefined {
  const path = join(dir, MARKER_FILE);
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { damaged: (e as Error).message };
  }
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const missing = Array.isArray(v.missing) ? v.missing : [];
    if (
      !text.startsWith(SEQ_PREFIX) ||
      v.format !== 1 ||
      !Number.isSafeInteger(v.lastSeq) ||
      typeof v.storeId !== 'string' ||
      typeof v.createdAt !== 'string' ||
      !missing.every(isRange)
    ) {
      return { damaged: 'not a marker this edge wrote' };
    }
    return {
      content: {
        lastSeq: v.lastSeq as number,
        format: 1,
        storeId: v.storeId,
        createdAt: v.createdAt,
        missing: missing as MissingRange[],
      },
    };
  } catch {
    return { damaged: `not JSON (${text.length} bytes)` };
  }
}

/** Write the marker whole and durably: temp file, fsync, rename over the old one, fsync the folder. */
export function writeMarker(dir: string, content: MarkerContent): void {
  const path = join(dir, MARKER_FILE);
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, render(content));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Not every platform can fsync a folder; the rename is still atomic.
  }
}

/**
 * Before the database is opened: a folder with a marker must hold a database that is not empty.
 * Throws a `unavailable` error saying what is missing and how to restore; answers the marker
 * (undefined for a folder without one, damaged markers included).
 */
export function checkDataFolder(dir: string, dbPath: string): ReturnType<typeof readMarker> {
  const marker = readMarker(dir);
  if (!marker) return undefined;
  const size = existsSync(dbPath) ? statSync(dbPath).size : -1;
  if (size > 0) return marker;
  const what =
    size < 0 ? `The store's database ${dbPath} is missing` : `The store's database ${dbPath} is empty (0 bytes)`;
  const c = marker.content;
  const since = c
    ? `this data folder was initialised on ${c.createdAt} for store ${c.storeId} and had ${c.lastSeq} events`
    : 'this data folder was initialised (its marker is there)';
  throw new TillboxError(
    'unavailable',
    `${what}, but ${since} (${join(dir, MARKER_FILE)}). The store box will not start as an empty store: ` +
      `that would lose every order and start the numbers again at #1. To restore, copy the last backup of ` +
      `tillbox.sqlite into ${dir} and start again. To start an empty store on purpose, move ` +
      `${MARKER_FILE} out of ${dir} first.`,
  );
}

/** The least time between two syncs of the marker's seq to the disk. */
export const MARKER_FLUSH_INTERVAL_MS = 1000;

/** The marker's seq, overwritten in place after each commit and flushed to the disk in the background. */
export class MarkerSeq {
  #fd: number | undefined;
  #written: number;
  #flushing = false;
  /** Written since the last flush started. */
  #dirty = false;

  constructor(
    private readonly dir: string,
    lastSeq: number,
    private readonly onError: (err: unknown) => void,
  ) {
    this.#written = lastSeq;
  }

  get lastSeq(): number {
    return this.#written;
  }

  /** Record a committed seq (a lower or equal one changes nothing). Never throws: errors go to `onError`. */
  committed(seq: number): void {
    if (seq <= this.#written) return;
    try {
      this.#fd ??= openSync(join(this.dir, MARKER_FILE), 'r+');
      writeSync(this.#fd, String(seq).padStart(SEQ_WIDTH), SEQ_PREFIX.length, 'utf8');
      this.#written = seq;
      this.#dirty = true;
      this.#flush();
    } catch (err) {
      this.onError(err);
    }
  }

  /**
   * One fdatasync at a time in the thread pool, at most one per {@link MARKER_FLUSH_INTERVAL_MS}:
   * writes made meanwhile are flushed by the next one. The written seq is in the page cache at
   * once (a restarted edge reads it); only a power cut can take the last second of it back, which
   * leaves the marker behind the log (a lower bound, never a false alarm). A sync per commit would
   * double the disk syncs of every order, competing with the WAL's own.
   */
  #flush(): void {
    const fd = this.#fd;
    if (this.#flushing || !this.#dirty || fd === undefined) return;
    this.#flushing = true;
    this.#dirty = false;
    fdatasync(fd, (err) => {
      if (this.#fd !== fd) return; // closed meanwhile (close flushed it)
      if (err) this.onError(err);
      setTimeout(() => {
        this.#flushing = false;
        this.#flush();
      }, MARKER_FLUSH_INTERVAL_MS).unref();
    });
  }

  /** Flush what is written and close the file. */
  close(): void {
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd === undefined) return;
    try {
      fdatasyncSync(fd);
    } catch (err) {
      this.onError(err);
    } finally {
      closeSync(fd);
    }
  }
}

export interface MarkerSettled {
  /** `created` for a new folder, `adopted` for a store from before markers (or after a damaged marker), else `checked`. */
  marker: 'created' | 'adopted' | 'checked';
  /** The marker as it now is. */
  content: MarkerContent;
  /** A range found missing at this boot, if any. */
  found?: MissingRange;
}

/**
 * After the database is open and migrated: create the marker of a new folder (or adopt an old
 * store), or compare the log's head with the marker's seq. A head below it is a lost range:
 * recorded in the marker, and the log's seq counter moved past it so that new events never reuse
 * a seq screens or the cloud have already seen. Ranges whose events are back are dropped.
 */
export function settleMarker(
  dir: string,
  sqlite: Database.Database,
  marker: ReturnType<typeof readMarker>,
  storeId: string,
  now: () => number,
): MarkerSettled {
  const head = (sqlite.prepare('SELECT max(seq) AS head FROM events').get() as { head: number | null }).head ?? 0;
  const at = new Date(now()).toISOString();
  const old = marker?.content;
  if (!old) {
    const content: MarkerContent = { lastSeq: head, format: 1, storeId, createdAt: at, missing: [] };
    writeMarker(dir, content);
    return { marker: marker || head > 0 ? 'adopted' : 'created', content };
  }
  const back = (r: MissingRange): boolean =>
    (sqlite.prepare('SELECT count(*) AS n FROM events WHERE seq BETWEEN ? AND ?').get(r.from, r.to) as { n: number })
      .n ===
    r.to - r.from + 1;
  const missing = old.missing.filter((r) => !back(r));
  let found: MissingRange | undefined;
  if (head < old.lastSeq) {
    found = { from: head + 1, to: old.lastSeq, foundAt: at };
    missing.push(found);
    sqlite
      .prepare(
        `INSERT INTO sqlite_sequence (name, seq) SELECT 'events', ?
         WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'events')`,
      )
      .run(old.lastSeq);
    sqlite.prepare(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'events'`).run(old.lastSeq);
  }
  const content: MarkerContent = { ...old, lastSeq: Math.max(head, old.lastSeq), missing };
  if (found || missing.length !== old.missing.length) writeMarker(dir, content);
  return { marker: 'checked', content, ...(found ? { found } : {}) };
}
