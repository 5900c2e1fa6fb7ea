/**
 * The audit log table, and the only code that touches it. A row is appended inside the
 * transaction of the change it records (a change that rolls back leaves no row); its hash is
 * SHA-256 over the core's {@link auditHashInput} of the row and the previous row's hash.
 *
 * What the chain proves: no row was changed, removed, inserted or reordered before the last
 * one. It cannot tell that rows were cut off the end, or the last row rewritten together with
 * its hash: that is what noting the last hash elsewhere (the audit export) is for.
 */
import { createHash } from 'node:crypto';
import {
  AUDIT_GENESIS_HASH,
  AUDIT_PAGE_MAX,
  auditEntrySchema,
  auditHashInput,
  TillboxError,
  uuidv7,
  type AuditAction,
  type AuditBreak,
  type AuditEntryInput,
  type AuditHashFields,
  type AuditPage,
  type AuditQuery,
  type AuditRowView,
  type AuditVerification,
  type ErrorDetail,
} from '@tillbox/core';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { auditLog } from '../db/schema.js';

/** SHA-256 (hex) of a row's canonical text and the previous row's hash. */
export function auditHash(row: AuditHashFields, prevHash: string): string {
  return createHash('sha256').update(auditHashInput(row, prevHash), 'utf8').digest('hex');
}

// actor and detail as the stored text: verify() must judge tampered JSON, not throw on it.
const STORED = {
  seq: auditLog.seq,
  id: auditLog.id,
  at: auditLog.at,
  action: auditLog.action,
  actor: sql<string>`${auditLog.actor}`,
  device: auditLog.device,
  subject: auditLog.subject,
  detail: sql<string>`${auditLog.detail}`,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};
type StoredRow = {
  seq: number;
  id: string;
  at: number;
  action: string;
  actor: string;
  device: string | null;
  subject: string | null;
  detail: string;
  prevHash: string;
  hash: string;
};

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function toView(row: StoredRow): AuditRowView {
  const actor = parseJson(row.actor);
  const detail = parseJson(row.detail);
  return {
    seq: row.seq,
    id: row.id,
    at: new Date(row.at).toISOString(),
    action: row.action as AuditAction,
    actor: (actor.ok ? actor.value : { kind: 'system', id: 'unreadable', role: 'unreadable' }) as AuditRowView['actor'],
    device: row.device,
    subject: row.subject,
    detail: (detail.ok ? detail.value : { unreadable: true }) as AuditRowView['detail'],
    hash: row.hash,
  };
}

/** What is wrong with `row`, given the row before it (none for the first), or undefined if it is intact. */
function checkLink(row: StoredRow, prev: { seq: number; hash: string } | undefined): string | undefined {
  const expectedSeq = prev ? prev.seq + 1 : 1;
  if (row.seq !== expectedSeq) {
    if (row.seq < expectedSeq) return `its seq should be ${expectedSeq} (rows were renumbered)`;
    return row.seq === expectedSeq + 1
      ? `the row before it, seq ${expectedSeq}, is missing (deleted)`
      : `the rows before it, seq ${expectedSeq} to ${row.seq - 1}, are missing (deleted)`;
  }
  if (!prev && row.prevHash !== AUDIT_GENESIS_HASH) {
    return 'its prev_hash is not the genesis hash though it is the first row (rows before it were removed)';
  }
  if (prev && row.prevHash !== prev.hash) {
    return `its prev_hash does not match the hash of row seq ${prev.seq} (a row was removed, replaced or reordered)`;
  }
  const actor = parseJson(row.actor);
  const detail = parseJson(row.detail);
  if (!actor.ok || !detail.ok) return `its ${actor.ok ? 'detail' : 'actor'} is not valid JSON (the row was changed)`;
  const fields: AuditHashFields = {
    seq: row.seq,
    id: row.id,
    at: row.at,
    action: row.action,
    actor: actor.value,
    device: row.device,
    subject: row.subject,
    detail: detail.value,
  };
  if (auditHash(fields, row.prevHash) !== row.hash) return 'its content does not match its hash (the row was changed)';
  return undefined;
}

export type AuditPageQuery = Partial<Pick<AuditQuery, 'afterSeq' | 'beforeSeq' | 'limit' | 'action'>>;

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /**
   * Append a row to the chain inside `tx`, the transaction of the change it records: reads
   * the last row's hash in the same transaction, so rows of concurrent commands chain in
   * commit order. The seq is the one SQLite gives out (AUTOINCREMENT never reuses one), so a
   * deleted tail shows up as a gap at the next row.
   */
  append(tx: Tx, input: AuditEntryInput, at: number): AuditRowView {
    const parsed = auditEntrySchema.safeParse(input);
    if (!parsed.success) {
      const details: ErrorDetail[] = parsed.error.issues.map((i) => ({
        path: ['audit', ...i.path.map(String)].join('.'),
        message: i.message,
      }));
      throw new TillboxError(
        'validation',
        `Invalid audit entry: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
        {
          details,
        },
      );
    }
    const entry = parsed.data;
    const last = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
    const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
    const id = uuidv7(at);
    // Hash exactly what the JSON columns will hold (undefined members dropped).
    const values = {
      id,
      at,
      action: entry.action,
      actor: JSON.parse(JSON.stringify(entry.actor)) as AuditRowView['actor'],
      device: entry.device,
      subject: entry.subject ?? null,
      detail: JSON.parse(JSON.stringify(entry.detail)) as AuditRowView['detail'],
    };
    // The hash covers the seq, which SQLite gives out on insert: insert, then seal in the same transaction.
    const { seq } = tx
      .insert(auditLog)
      .values({ ...values, prevHash, hash: '' })
      .returning({ seq: auditLog.seq })
      .get();
    const hash = auditHash({ seq, ...values }, prevHash);
    tx.update(auditLog).set({ hash }).where(eq(auditLog.seq, seq)).run();
    return { seq, ...values, at: new Date(at).toISOString(), hash };
  }

  /** Append a row in a transaction of its own, for what changes nothing else (a refusal, a failed PIN). */
  appendAlone(input: AuditEntryInput, at: number): AuditRowView {
    return this.db.transaction((tx) => this.append(tx, input, at));
  }

  /** Rows newest first, at most {@link AUDIT_PAGE_MAX}; `more` when further rows match. */
  page(query: AuditPageQuery = {}): AuditPage {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), AUDIT_PAGE_MAX);
    const where = and(
      query.afterSeq !== undefined ? gt(auditLog.seq, query.afterSeq) : undefined,
      query.beforeSeq !== undefined ? lt(auditLog.seq, query.beforeSeq) : undefined,
      query.action !== undefined ? eq(auditLog.action, query.action) : undefined,
    );
    const rows: StoredRow[] = this.db
      .select(STORED)
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(limit + 1)
      .all();
    return { rows: rows.slice(0, limit).map(toView), more: rows.length > limit };
  }

  /**
   * Walk the whole chain in seq order, `pageSize` rows at a time (yielding to the event loop
   * between pages so the store keeps serving), and name the first broken row: one whose seq
   * leaves a gap (a row deleted), whose prev_hash is not the previous row's hash (a row
   * removed or reordered), or whose hash does not match its content (a row changed).
   */
  async verify(options: { pageSize?: number } = {}): Promise<AuditVerification> {
    const pageSize = Math.max(1, options.pageSize ?? 500);
    let prev: { seq: number; hash: string } | undefined;
    let rows = 0;
    for (;;) {
      const page: StoredRow[] = this.db
        .select(STORED)
        .from(auditLog)
        .where(prev ? gt(auditLog.seq, prev.seq) : undefined)
        .orderBy(asc(auditLog.seq))
        .limit(pageSize)
        .all();
      for (const row of page) {
        const reason = checkLink(row, prev);
        if (reason !== undefined) {
          const broken: AuditBreak = { seq: row.seq, id: row.id, reason };
          return { ok: false, rows, broken };
        }
        prev = { seq: row.seq, hash: row.hash };
        rows += 1;
      }
      if (page.length < pageSize) return { ok: true, rows, lastHash: prev?.hash ?? AUDIT_GENESIS_HASH };
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
