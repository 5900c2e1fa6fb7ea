/**
 * Opening the cloud's database: PostgreSQL through postgres.js when a URL is set, otherwise the
 * embedded PGlite (a folder, or memory:// for tests). One drizzle schema and one set of
 * generated migrations serve both; they are applied at start (under an advisory lock on
 * PostgreSQL, so instances starting together migrate once).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction: the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** The generated migrations (cloud-relay/drizzle), from src/db or dist/db alike. */
export const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Any number that identifies this schema's migration lock among the database's advisory locks. */
const MIGRATION_LOCK = 0x7411b0c;

export interface DatabaseOptions {
  /** PostgreSQL URL; empty for PGlite. */
  url: string;
  /** PGlite's folder, or `memory://`. */
  pgliteDir: string;
  poolSize: number;
}

/** Open and migrate. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url !== '') return openPostgres(options.url, options.poolSize);
  const inMemory = options.pgliteDir === '' || options.pgliteDir.startsWith('memory://');
  if (!inMemory) mkdirSync(options.pgliteDir, { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(options.pgliteDir);
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS });
  } catch (cause) {
    await client.close();
    throw cause;
  }
  return { db, kind: 'pglite', close: () => client.close() };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // One connection for the migrations, so the advisory lock and the migrations share it.
  const migrator = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client: migrator, schema }), { migrationsFolder: MIGRATIONS });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, { max: poolSize, onnotice: () => undefined });
  const db = drizzlePostgres({ client, schema });
  return { db, kind: 'postgres', close: () => client.end() };
}
