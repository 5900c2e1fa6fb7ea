/**
 * For tests: one in-memory PGlite database for a test file (PGlite takes seconds to start), its
 * migrations applied, and the given tables emptied before each test. Call at the top of the file,
 * before hooks that use it.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, type Database, type Db } from '../db/database.js';

export function memoryDatabaseForFile(tables: readonly PgTable[]): { db: () => Db; empty: () => Promise<void> } {
  let database: Database | undefined;
  const db = (): Db => {
    if (!database) throw new Error('the test database is opened in beforeAll');
    return database.db;
  };
  const empty = async (): Promise<void> => {
    for (const table of tables) await db().delete(table);
  };
  beforeAll(async () => {
    database = await openDatabase({ url: '', pgliteDir: 'memory://', poolSize: 1 });
  });
  beforeEach(empty);
  afterAll(async () => {
    await database?.close();
  });
  return { db, empty };
}
