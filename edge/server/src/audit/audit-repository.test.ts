import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_GENESIS_HASH, type AuditEntryInput, type AuditRowView } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { auditHash, AuditRepository } from './audit-repository.js';
import { AuditService } from './audit-service.js';

const manager = { kind: 'staff', id: 'staff-mia', role: 'manager', name: 'Mia' } as const;
const T0 = Date.parse('2026-11-27T15:00:00Z');

function refund(n: number): AuditEntryInput {
  return {
    action: 'order.refunded',
    actor: { ...manager, approvedBy: { kind: 'staff', id: 'staff-ola', role: 'admin' } },
    device: 'counter-1',
    subject: `order-${n}`,
    detail: { amount: 100 * n, currency: 'USD', reason: 'cold coffee' },
  };
}

describe('AuditRepository on a real SQLite file', () => {
  let dir: string;
  let database: OpenDatabase;
  let repo: AuditRepository;
  let audit: AuditService;
  let clock: number;

  beforeEach(() => {
    // (not testing/test-edge's tempDir: that module loads the whole app)
    dir = mkdtempSync(join(tmpdir(), 'tillbox-audit-'));
    database = openDatabase(dir);
    repo = new AuditRepository(database.db);
    clock = T0;
    audit = new AuditService({ repository: repo, now: () => (clock += 1000) });
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const appendRows = (n: number): AuditRowView[] =>
    Array.from({ length: n }, (_, i) => database.db.transaction((tx) => audit.record(tx, refund(i + 1))));
  const sqlite = () => database.sqlite;

  it('leaves no row when the change it records rolls back', async () => {
    expect(() =>
      database.db.transaction((tx) => {
        audit.record(tx, refund(1));
        throw new Error('the refund failed at the terminal');
      }),
    ).toThrow(/terminal/);
    expect(audit.page().rows).toEqual([]);
    expect(await audit.verify()).toEqual({ ok: true, rows: 0, lastHash: AUDIT_GENESIS_HASH });

    // The next row starts the chain as if nothing had happened.
    const [first] = appendRows(1);
    expect(first?.seq).toBe(1);
    expect(await audit.verify()).toMatchObject({ ok: true, rows: 1, lastHash: first?.hash });
  });

  it('chains rows, stamps them with the injected clock and verifies the chain', async () => {
    const rows = appendRows(5);
    const alone = audit.recordAlone({
      action: 'staff.pin-failed',
      actor: { kind: 'device', id: 'counter-1', role: 'counter' },
      device: 'counter-1',
      subject: 'staff-mia',
      detail: { failures: 2, note: undefined },
    });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(alone).toMatchObject({ seq: 6, at: new Date(T0 + 6000).toISOString(), detail: { failures: 2 } });
    const stored = sqlite().prepare('select seq, prev_hash as prev, hash from audit_log order by seq').all() as {
      prev: string;
      hash: string;
    }[];
    expect(stored[0]?.prev).toBe(AUDIT_GENESIS_HASH);
    for (let i = 1; i < stored.length; i++) expect(stored[i]?.prev).toBe(stored[i - 1]?.hash);
    expect(new Set(stored.map((s) => s.hash)).size).toBe(6);

    expect(await audit.verify()).toEqual({ ok: true, rows: 6, lastHash: alone.hash });
    // Walking in small pages gives the same answer.
    expect(await repo.verify({ pageSize: 2 })).toEqual({ ok: true, rows: 6, lastHash: alone.hash });
  });

  it('pages newest first, by action, before and after a seq', () => {
    const rows = appendRows(5);
    audit.recordAlone({
      action: 'permission.refused',
      actor: manager,
      device: 'admin-1',
      detail: { permission: 'device.manage' },
    });

    const first = audit.page({ limit: 2 });
    expect(first.rows.map((r) => r.seq)).toEqual([6, 5]);
    expect(first.more).toBe(true);
    expect(first.rows[1]).toEqual(rows[4]);
    const next = audit.page({ limit: 10, beforeSeq: 5 });
    expect(next.rows.map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect(next.more).toBe(false);
    expect(audit.page({ afterSeq: 4 }).rows.map((r) => r.seq)).toEqual([6, 5]);
    expect(audit.page({ action: 'permission.refused' }).rows.map((r) => r.action)).toEqual(['permission.refused']);
    expect(audit.page({ limit: 1000 }).rows).toHaveLength(6);
  });

  it('names a row whose content was changed as the first broken one', async () => {
    const rows = appendRows(5);
    sqlite()
      .prepare('update audit_log set detail=? where seq=?')
      .run(JSON.stringify({ amount: 1, currency: 'USD', reason: 'cold coffee' }), 3);
    // A later row changed too: still the earlier one is named.
    sqlite().prepare('update audit_log set subject=? where seq=?').run('order-99', 5);

    const result = await audit.verify();
    expect(result).toEqual({
      ok: false,
      rows: 2,
      broken: { seq: 3, id: rows[2]?.id, reason: expect.stringMatching(/content does not match its hash/) },
    });
    // Found on a later page as well.
    expect(await repo.verify({ pageSize: 2 })).toEqual(result);
  });

  it('names a row whose stored JSON no longer parses', async () => {
    appendRows(3);
    sqlite().prepare('update audit_log set actor=? where seq=?').run('{"kind":"staff",', 2);
    const result = await audit.verify();
    expect(result).toMatchObject({
      ok: false,
      broken: { seq: 2, reason: expect.stringMatching(/actor is not valid JSON/) },
    });
  });

  it('names the row after a deleted middle row, and the first row when the first was deleted', async () => {
    const rows = appendRows(5);
    sqlite().prepare('delete from audit_log where seq=?').run(3);
    expect(await audit.verify()).toEqual({
      ok: false,
      rows: 2,
      broken: { seq: 4, id: rows[3]?.id, reason: expect.stringMatching(/seq 3, is missing/) },
    });

    sqlite().prepare('delete from audit_log where seq=?').run(1);
    expect(await audit.verify()).toMatchObject({ ok: false, rows: 0, broken: { seq: 2, id: rows[1]?.id } });
  });

  it('shows a cut tail as a gap once the next row is appended', async () => {
    appendRows(4);
    sqlite().prepare('delete from audit_log where seq>=?').run(3);
    expect(await audit.verify()).toMatchObject({ ok: true, rows: 2 });
    const next = audit.recordAlone({ action: 'staff.signed-in', actor: manager, device: 'counter-1' });
    expect(next.seq).toBe(5);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      broken: { seq: 5, reason: expect.stringMatching(/seq 3 to 4, are missing/) },
    });
  });

  it('still breaks the next link when a changed row gets a hash that matches its new content', async () => {
    const rows = appendRows(5);
    const forged = { amount: 1, currency: 'USD', reason: 'cold coffee' };
    const row2 = rows[1];
    if (!row2) throw new Error('no row 2');
    const stored = sqlite().prepare('select prev_hash as prev from audit_log where seq=2').get() as { prev: string };
    const forgedHash = auditHash(
      {
        seq: 2,
        id: row2.id,
        at: Date.parse(row2.at),
        action: row2.action,
        actor: row2.actor,
        device: row2.device,
        subject: row2.subject,
        detail: forged,
      },
      stored.prev,
    );
    sqlite().prepare('update audit_log set detail=?, hash=? where seq=2').run(JSON.stringify(forged), forgedHash);

    expect(await audit.verify()).toEqual({
      ok: false,
      rows: 2,
      broken: {
        seq: 3,
        id: rows[2]?.id,
        reason: expect.stringMatching(/prev_hash does not match the hash of row seq 2/),
      },
    });
  });

  it('refuses an entry that is not valid, and writes nothing', () => {
    expect(() => audit.recordAlone({ ...refund(1), detail: { pinpad: 'x'.repeat(5000) } })).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringMatching(/audit\.detail/) }),
    );
    expect(audit.page().rows).toEqual([]);
  });
});
