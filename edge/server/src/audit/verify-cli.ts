/**
 * `npm run audit:verify [-- --data-dir DIR]`: check the store's audit log chain from the first
 * row to the last, as support staff would on a store box (the edge may be running).
 *
 * The data dir comes from the settings, as the edge loads them (TILLBOX_CONFIG file, then
 * TILLBOX_DATA_DIR and the other env overrides), unless `--data-dir` names one. The database
 * is opened read-only and never migrated or created.
 *
 * Exit 0: `audit log OK: N rows, last hash H`. Exit 1: `audit log BROKEN at row seq S (id I): reason`.
 * Exit 2: it could not check (no database, bad settings, bad arguments).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isTillboxError } from '@tillbox/core';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { loadSettings } from '../config/settings.js';
import * as schema from '../db/schema.js';
import { AuditRepository } from './audit-repository.js';

const USAGE = 'usage: npm run audit:verify [-- --data-dir DIR]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function dataDirArgument(args: readonly string[]): string | undefined {
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--data-dir') {
      dir = args[++i];
      if (!dir) fail(`--data-dir needs a folder\n${USAGE}`);
    } else if (arg.startsWith('--data-dir=')) {
      dir = arg.slice('--data-dir='.length);
    } else {
      fail(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return dir;
}

const fromArgs = dataDirArgument(process.argv.slice(2));
let dataDir: string;
try {
  dataDir = fromArgs ?? loadSettings().data.dir;
} catch (e) {
  fail(isTillboxError(e) ? e.message : String(e));
}
const path = join(resolve(dataDir), 'tillbox.sqlite');
if (!existsSync(path)) fail(`no database at ${path}: nothing to verify (is the data dir right? --data-dir DIR)`);

let sqlite: Database.Database;
try {
  sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
} catch (e) {
  fail(`cannot open ${path}: ${(e as Error).message}`);
}
try {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'").get();
  if (!table) fail(`${path} has no audit log yet: start the edge once to bring the database up to date`);
  const result = await new AuditRepository(drizzle(sqlite, { schema })).verify();
  if (result.ok) {
    console.log(`audit log OK: ${result.rows} rows, last hash ${result.lastHash}`);
  } else {
    const { seq, id, reason } = result.broken;
    console.log(`audit log BROKEN at row seq ${seq} (id ${id}): ${reason}`);
    process.exitCode = 1;
  }
} catch (e) {
  fail(`cannot read the audit log in ${path}: ${(e as Error).message}`);
} finally {
  sqlite.close();
}
