import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from './database.js';
import { sql } from 'drizzle-orm';
import { preparedInsert, preparedUpdate, rawStatement } from './prepared-writes.js';
import { logCursors, orders } from './schema.js';

describe('prepared writes', () => {
  let dir: string;
  let open: OpenDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tillbox-prepared-'));
    open = openDatabase(dir);
  });
  afterEach(() => {
    open.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const order = (id: string, extra: Partial<typeof orders.$inferInsert> = {}): typeof orders.$inferInsert => ({
    id,
    number: Number(id.replace(/\D/g, '')) || 1,
    businessDay: '2026-11-29',
    status: 'placed',
    channel: 'counter',
    orderType: 'takeout',
    currency: 'USD',
    subtotal: 450,
    total: 490,
    requestHash: 'h',
    catalogVersion: 2,
    placedAt: 1,
    ...extra,
  });
  const raw = (id: string) =>
    open.sqlite
      .prepare('select rush, pricing, discount, payment, fire_policy, paid_at, status from orders where id = ?')
      .get(id) as Record<string, unknown>;

  it('writes every column: given values encoded by their column, defaults, and null as SQL NULL', () => {
    const insert = preparedInsert(open.db, orders);
    insert(order('o1', { rush: true, pricing: { promotions: [] } as never }));
    insert(order('o2', { pricing: null }));
    expect(raw('o1')).toMatchObject({ rush: 1, pricing: '{"promotions":[]}', discount: 0, payment: 'unpaid' });
    expect(raw('o2')).toMatchObject({ rush: 0, pricing: null, fire_policy: 'now', paid_at: null });
  });

  it('updates only the columns given, one statement per set of columns, inside the open transaction', () => {
    const insert = preparedInsert(open.db, orders);
    const update = preparedUpdate(open.db, orders, 'id');
    insert(order('o1'));
    insert(order('o2'));
    update('o1', { status: 'paid', paidAt: 5 });
    update('o2', { pricing: null, status: 'cancelled' });
    expect(raw('o1')).toMatchObject({ status: 'paid', paid_at: 5, pricing: null });
    expect(raw('o2')).toMatchObject({ status: 'cancelled', paid_at: null });
    // A transaction that throws takes the prepared writes made in it back with it.
    expect(() =>
      open.db.transaction(() => {
        update('o1', { status: 'ready' });
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(raw('o1')).toMatchObject({ status: 'paid' });
    expect(() => update('o1', { nope: 1 } as never)).toThrow('no column nope');
  });
  it('runs a raw statement by placeholder names, and refuses a value left out instead of writing NULL', () => {
    const p = (name: string) => sql`${sql.placeholder(name)}`;
    const upsert = rawStatement<{ seq: number }>(
      open.db,
      open.db
        .insert(logCursors)
        .values({ name: p('name'), seq: p('seq'), updatedAt: p('at') } as never)
        .returning({ seq: logCursors.seq }),
    );
    expect(upsert.get({ seq: 7, at: 1, name: 'test-cursor' })).toEqual({ seq: 7 });
    expect(() => upsert.run({ name: 'other-cursor', at: 1 })).toThrow('no value for seq');
    expect(
      open.sqlite.prepare("SELECT name, seq FROM log_cursors WHERE name LIKE '%-cursor' ORDER BY name").all(),
    ).toEqual([{ name: 'test-cursor', seq: 7 }]);
  });
});
