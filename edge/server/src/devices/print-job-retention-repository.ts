/**
 * Pruning old print jobs: printed jobs older than the store keeps them are deleted a small batch
 * at a time (each batch one short transaction), so the pruning never holds the database for long.
 * Only `printed` jobs go: one that failed, expired or is unconfirmed stays for staff to look at.
 * (Everything else on `print_jobs` is in `print-job-repository.ts`.)
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { printJobs } from '../db/schema.js';

export class PrintJobRetentionRepository {
  constructor(private readonly db: Db) {}

  /** Deletes at most `limit` jobs printed before `before` (ms); answers how many went. */
  deletePrintedBefore(before: number, limit: number): number {
    const old = this.db
      .select({ id: printJobs.id })
      .from(printJobs)
      .where(and(eq(printJobs.state, 'printed'), lt(printJobs.printedAt, before)))
      .limit(limit);
    return this.db.delete(printJobs).where(inArray(printJobs.id, old)).run().changes;
  }
}
