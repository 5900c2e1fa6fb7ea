/**
 * The store's SQLite file: WAL with synchronous=FULL (a commit survives power loss), foreign
 * keys on, a busy timeout, `quick_check` at boot and the generated migrations applied at start.
 * The data folder's marker (./store-marker.ts) is checked before the file is opened and kept up
 * to date after each commit; what is wrong with the storage is kept in its health
 * (./storage-health.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TillboxError } from '@tillbox/core';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';
import { storageHealthOf, type StorageHealth } from './storage-health.js';
import { checkDataFolder, MarkerSeq, settleMarker, type MarkerSettled } from './store-marker.js';

export type Db = BetterSQLite3Database<typeof schema>;
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
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    // TILLBOX_TEST_SYNCHRONOUS=NORMAL is for the fault suite's power-cut control run only
    // (tests/faults/power-cut.test.ts): it shows what FULL prevents. Never set it on a store.
    const testSync = process.env.TILLBOX_TEST_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';
    sqlite.pragma(`synchronous = ${testSync}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new TillboxError('internal', `The database ${path} failed its integrity check: ${String(check)}`);
    }
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
