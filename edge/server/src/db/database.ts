/**
 * The store's SQLite file: WAL with synchronous=FULL (a commit survives power loss), foreign
 * keys on, a busy timeout, `quick_check` at boot and the generated migrations applied at start.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TillboxError } from '@tillbox/core';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;
/** A drizzle handle inside `db.transaction` (same query API, synchronous). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  path: string;
  close(): void;
}

/** edge/server/drizzle, found from this file in src/ (tests) or dist/ (the built edge). */
const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'drizzle');

export function openDatabase(dataDir: string): OpenDatabase {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'tillbox.sqlite');
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
    return { db, sqlite, path, close: () => sqlite.close() };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
