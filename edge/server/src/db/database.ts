/**
 * The store's SQLite file: WAL with synchronous=FULL (a commit survives power loss), foreign
 * keys on, a busy timeout, `quick_check` at boot and the generated migrations applied at start.
 * The data folder's marker (./store-marker.ts) is checked before the file is opened and kept up
 * to date after each commit; what is wrong with the storage is kept in its health
 * (./storage-health.ts). A write-ahead log that makes the database unreadable is set aside (see
 * {@link probeDatabase}).
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TillboxError } from '@tillbox/core';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';
import { storageHealthOf, type StorageHealth } from './storage-health.js';
import { checkDataFolder, MarkerSeq, settleMarker, type MarkerSettled } from './store-marker.js';

/** The store's drizzle handle; `$client` is its one better-sqlite3 connection. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A drizzle handle inside `db.transaction` (same query API, synchronous). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  path: string;
  /** What is wrong with the storage now (damaged rows, missing events, a full disk). */
  health: StorageHealth;
  /** What the data folder's marker said at boot, and any range of events found missing. */
  boot: MarkerSettled;
  /** Where a damaged write-ahead log was moved at this boot (see {@link probeDatabase}). */
  walSetAside?: string;
  close(): void;
}

export interface OpenOptions {
  /** The store this folder is for, recorded in a new folder's marker. */
  storeId?: string;
  now?: () => number;
}

/** edge/server/drizzle, found from this file in src/ (tests) or dist/ (the built edge). */
const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'drizzle');

export function openDatabase(dataDir: string, options: OpenOptions = {}): OpenDatabase {
  const now = options.now ?? Date.now;
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'tillbox.sqlite');
  // Before SQLite would create an empty file in place of a lost one.
  const marker = checkDataFolder(dir, path);
  const walSetAside = existsSync(path) ? probeDatabase(dir, path, now) : undefined;
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    // TILLBOX_TEST_SYNCHRONOUS=NORMAL is for the fault suite's power-cut control run only
    // (tests/faults/power-cut.test.ts): it shows what FULL prevents. Never set it on a store.
    const testSync = process.env.TILLBOX_TEST_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';
    sqlite.pragma(`synchronous = ${testSync}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Savepoint journals in memory: each command of a group commit is a savepoint, and an order's
    // (~30 pages) passed SQLite's 64 KB spill size, so every order created, wrote and deleted a
    // file in /var/tmp before its commit. A crash loses nothing by it: the WAL undoes the whole
    // transaction, and a savepoint journal only ever serves a rollback inside one.
    sqlite.pragma('temp_store = MEMORY');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS });
    const boot = settleMarker(dir, sqlite, marker, options.storeId ?? 'unnamed', now);
    const health = storageHealthOf(db);
    for (const r of boot.content.missing) {
      health.report(
        'missing-events',
        `missing-events:${r.from}-${r.to}`,
        `Events seq ${r.from}–${r.to} are missing from the store's log (found ${r.foundAt}): the ` +
          'write-ahead log was damaged or the database was restored from an older copy. Orders in that range ' +
          'may be lost; check them against receipts and the cloud.',
        { from: r.from, to: r.to },
      );
    }
    const seq = new MarkerSeq(dir, boot.content.lastSeq, (err) => {
      if (health.failed(err) === err) {
        health.report('storage', 'marker', `The data folder's marker could not be updated: ${String(err)}`, { err });
      }
    });
    health.onCommit((head) => seq.committed(head));
    return {
      db,
      sqlite,
      path,
      health,
      boot,
      ...(walSetAside === undefined ? {} : { walSetAside }),
      close: () => {
        health.onCommit(undefined);
        seq.close();
        sqlite.close();
      },
    };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/** Why a database could not be read: SQLite's own words, or what `quick_check` found. */
function checkReadOnly(path: string): string | undefined {
  let sqlite: Database.Database | undefined;
  try {
    // Read-only, so that closing it never checkpoints: a checkpoint of a damaged log would copy
    // its stale pages into the database file itself.
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    const check = sqlite.pragma('quick_check', { simple: true });
    return check === 'ok' ? undefined : `quick_check: ${String(check)}`;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return (e as Error).message;
    throw e;
  } finally {
    sqlite?.close();
  }
}

/**
 * Before the database is opened for writing: read it once, read-only, with `quick_check`.
 *
 * A damaged write-ahead log can make a sound database unreadable. SQLite keeps the WAL's frames up
 * to the first one with a bad checksum; when the frames after it had already been copied into the
 * database by a checkpoint (a WAL is reused only by the next write), the database's newer pages
 * and the log's older ones no longer fit together ("database disk image is malformed"), and the
 * store box could not start at all. Then the log is set aside as `tillbox.sqlite-wal.damaged-<time>`
 * (kept for support, with SQLite's `-shm` index dropped) and the database is read again on its own:
 * it holds everything up to its last checkpoint, and the marker names any events that were only in
 * the log (`missing-events`). When the database is unreadable on its own too, the log is put back
 * as it was and the edge refuses to start, saying how to restore. Answers where the log was moved.
 */
export function probeDatabase(dir: string, path: string, now: () => number = Date.now): string | undefined {
  const damage = checkReadOnly(path);
  if (damage === undefined) return undefined;
  const wal = `${path}-wal`;
  const refuse = (found: string): TillboxError =>
    new TillboxError(
      'unavailable',
      `The store's database ${path} is damaged (${found}). The store box will not start on it. To restore, ` +
        `copy the last backup of tillbox.sqlite into ${dir} (moving the damaged tillbox.sqlite, and any ` +
        'tillbox.sqlite-wal and tillbox.sqlite-shm, aside first) and start again; see docs/reliability.md.',
    );
  if (!existsSync(wal) || statSync(wal).size === 0) throw refuse(damage);
  const aside = `${wal}.damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  renameSync(wal, aside);
  rmSync(`${path}-shm`, { force: true });
  const alone = checkReadOnly(path);
  if (alone === undefined) return aside;
  renameSync(aside, wal);
  throw refuse(`${damage}; without its write-ahead log: ${alone}`);
}
