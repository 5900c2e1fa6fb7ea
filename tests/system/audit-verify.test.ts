/**
 * `npm run audit:verify` as support staff would run it on a store box: the built CLI
 * (`node edge/server/dist/audit/verify-cli.js`, build first) on a real database holding audit
 * rows, intact and then tampered with.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditRowView } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../edge/server/src/audit/audit-repository.js';
import { openDatabase, type OpenDatabase } from '../../edge/server/src/db/database.js';
import { REPO } from '../support/edge-process.js';

const CLI = join(REPO, 'edge', 'server', 'dist', 'audit', 'verify-cli.js');

function verify(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, TILLBOX_CONFIG: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A store database with a sign-in, a refund with a manager's approval and a revoked device. */
function storeWithAuditRows(dir: string): { database: OpenDatabase; rows: AuditRowView[] } {
  const database = openDatabase(dir);
  const repo = new AuditRepository(database.db);
  const cashier = { kind: 'staff', id: 'staff-sam', role: 'cashier', name: 'Sam' } as const;
  const at = Date.parse('2026-11-27T15:00:00Z');
  const rows = [
    repo.appendAlone({ action: 'staff.signed-in', actor: cashier, device: 'counter-1', subject: 'staff-sam' }, at),
    repo.appendAlone(
      {
        action: 'order.refunded',
        actor: { ...cashier, approvedBy: { kind: 'staff', id: 'staff-mia', role: 'manager' } },
        device: 'counter-1',
        subject: 'order-42',
        detail: { amount: 450, currency: 'USD', reason: 'wrong milk' },
      },
      at + 60_000,
    ),
    repo.appendAlone(
      {
        action: 'device.revoked',
        actor: { kind: 'staff', id: 'staff-ola', role: 'admin' },
        device: 'admin-1',
        subject: 'kds-2',
        detail: { name: 'Grill KDS', role: 'kds' },
      },
      at + 120_000,
    ),
  ];
  return { database, rows };
}

describe('npm run audit:verify', () => {
  const dirs: string[] = [];
  const open: OpenDatabase[] = [];
  const newDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'tillbox-audit-cli-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('says the log is intact, then names the row that was changed', () => {
    const dir = newDir();
    const { database, rows } = storeWithAuditRows(dir);
    open.push(database);
    const last = rows[2];

    // While the edge still has the database open, as on a running store box.
    const ok = verify(['--data-dir', dir]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout.trim()).toBe(`audit log OK: 3 rows, last hash ${last?.hash}`);
    expect(ok.status).toBe(0);

    // Someone lowers the refund in the file.
    database.sqlite
      .prepare('update audit_log set detail=? where seq=?')
      .run(JSON.stringify({ amount: 45, currency: 'USD', reason: 'wrong milk' }), 2);
    database.close();
    open.splice(0);

    const broken = verify(['--data-dir', dir]);
    expect(broken.stdout.trim()).toMatch(
      new RegExp(`^audit log BROKEN at row seq 2 \\(id ${rows[1]?.id}\\): .*content does not match its hash`),
    );
    expect(broken.status).toBe(1);
  });

  it('finds the data dir from the settings as the edge does, and names a deleted row', () => {
    const dir = newDir();
    const { database, rows } = storeWithAuditRows(dir);
    database.sqlite.prepare('delete from audit_log where seq=?').run(2);
    database.close();

    const r = verify([], { TILLBOX_DATA_DIR: dir });
    expect(r.stdout.trim()).toMatch(
      new RegExp(`^audit log BROKEN at row seq 3 \\(id ${rows[2]?.id}\\): .*seq 2, is missing`),
    );
    expect(r.status).toBe(1);
  });

  it('refuses to check a data dir with no database, and creates nothing there', () => {
    const dir = newDir();
    const r = verify(['--data-dir', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no database at .*tillbox\.sqlite/);
    expect(existsSync(join(dir, 'tillbox.sqlite'))).toBe(false);
  });
});
