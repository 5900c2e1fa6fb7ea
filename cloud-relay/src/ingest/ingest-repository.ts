/**
 * Writing store events: one transaction per batch inserts the events (`on conflict do nothing`:
 * each (store, seq) is applied once however often it is delivered), projects the new ones into
 * the chain's orders, and moves each store's contiguous head. Safe with several instances
 * writing the same store at once: the store rows are locked in id order after the inserts, and
 * the head is worked out in a statement that starts after the lock, so it sees every commit.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { TillboxError, type RelayEvent } from '@tillbox/core';
import type { Db, Tx } from '../db/database.js';
import { chainOrders, storeEvents, stores } from '../db/schema.js';
import { orderChanges, shownStatus, type OrderChange } from './order-projection.js';

/** An event as the cloud stores it. */
export interface StoreEventRow {
  storeId: string;
  seq: number;
  id: string;
  type: string;
  version: number;
  subject: string;
  at: Date;
  actor: unknown;
  device: string | null;
  data: unknown;
}

/** The row of a relayed event; `validation` when its time cannot be read. */
export function eventRow(e: RelayEvent): StoreEventRow {
  const at = new Date(e.at);
  if (Number.isNaN(at.getTime()))
    throw new TillboxError('validation', `event ${e.storeId}/${e.seq}: "${e.at}" is not a time`);
  return {
    storeId: e.storeId,
    seq: e.seq,
    id: e.id,
    type: e.type,
    version: e.version,
    subject: e.subject,
    at,
    actor: e.actor,
    device: e.device,
    data: e.data ?? null,
  };
}

/** Rows per INSERT statement. */
const INSERT_CHUNK = 1000;

/**
 * The rows of `store_events` (in the table's column order) from one jsonb parameter holding the
 * events: building a statement with ten parameters per event cost the relay more CPU than
 * PostgreSQL spent writing them (the bench's ingest figures, docs/performance.md).
 */
function rowsOf(events: readonly StoreEventRow[], receivedAt: Date): SQL {
  const json = JSON.stringify(
    events.map((e) => ({
      store_id: e.storeId,
      seq: e.seq,
      id: e.id,
      type: e.type,
      version: e.version,
      subject: e.subject,
      at: e.at.toISOString(),
      actor: e.actor,
      device: e.device,
      data: e.data,
    })),
  );
  return sql`select r.store_id, r.seq, r.id, r.type, r.version, r.subject, r.at, r.actor, r.device,
      coalesce(r.data, 'null'::jsonb), ${receivedAt.toISOString()}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as r(store_id text, seq bigint, id text, type text, version integer,
      subject text, at timestamptz, actor jsonb, device text, data jsonb)`;
}

/** Work done with newly stored events inside the ingest's transaction (the loyalty ledger). */
export type IngestHook = (tx: Tx, fresh: readonly StoreEventRow[], now: Date) => Promise<void>;

export class IngestRepository {
  constructor(
    private readonly db: Db,
    private readonly hooks: readonly IngestHook[] = [],
  ) {}

  /** Apply a batch in one transaction; answers how many events were new. */
  async apply(events: readonly StoreEventRow[], now: Date): Promise<{ inserted: number }> {
    if (events.length === 0) return { inserted: 0 };
    return this.db.transaction(async (tx) => {
      const fresh: StoreEventRow[] = [];
      for (let i = 0; i < events.length; i += INSERT_CHUNK) {
        const chunk = events.slice(i, i + INSERT_CHUNK);
        const rows = await tx
          .insert(storeEvents)
          .select(rowsOf(chunk, now))
          .onConflictDoNothing()
          .returning({ storeId: storeEvents.storeId, seq: storeEvents.seq });
        const added = new Set(rows.map((r) => `${r.storeId}|${r.seq}`));
        for (const e of chunk) if (added.delete(`${e.storeId}|${e.seq}`)) fresh.push(e);
      }
      // In id order: two instances upserting the same orders lock them in the same order (no deadlock).
      const changes = orderChanges(fresh).sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
      for (const change of changes) await upsertOrder(tx, change);
      if (fresh.length > 0) for (const hook of this.hooks) await hook(tx, fresh, now);
      await this.advanceStores(tx, events, now);
      return { inserted: fresh.length };
    });
  }

  private async advanceStores(tx: Tx, events: readonly StoreEventRow[], now: Date): Promise<void> {
    const maxSeq = new Map<string, number>();
    for (const e of events) maxSeq.set(e.storeId, Math.max(maxSeq.get(e.storeId) ?? 0, e.seq));
    const ids = [...maxSeq.keys()].sort();
    await tx
      .insert(stores)
      .values(ids.map((id) => ({ id })))
      .onConflictDoNothing();
    await tx.select({ id: stores.id }).from(stores).where(inArray(stores.id, ids)).orderBy(stores.id).for('update');
    for (const id of ids) {
      const max = maxSeq.get(id) ?? 0;
      await tx
        .update(stores)
        .set({
          maxSeq: sql`greatest(${stores.maxSeq}, ${max})`,
          lastSeenAt: sql`greatest(${stores.lastSeenAt}, ${now.toISOString()}::timestamptz)`,
          lastSeq: sql`case when exists (
              select 1 from ${storeEvents} n where n.store_id = ${stores.id} and n.seq = ${stores.lastSeq} + 1
            ) then (
              select min(e.seq) from ${storeEvents} e
              where e.store_id = ${stores.id} and e.seq > ${stores.lastSeq}
                and not exists (select 1 from ${storeEvents} n where n.store_id = e.store_id and n.seq = e.seq + 1)
            ) else ${stores.lastSeq} end`,
        })
        .where(eq(stores.id, id));
    }
  }

  /** The lowest seq of a store above `seq` that is here (the end of a gap that starts after `seq`). */
  async nextSeqAfter(storeId: string, seq: number): Promise<number | undefined> {
    const [row] = await this.db
      .select({ seq: sql<number | null>`min(${storeEvents.seq})`.mapWith(Number) })
      .from(storeEvents)
      .where(and(eq(storeEvents.storeId, storeId), sql`${storeEvents.seq} > ${seq}`));
    const next = row?.seq;
    return next === null || next === undefined || Number.isNaN(next) ? undefined : next;
  }

  /** A store's events from a seq on, in seq order (what restores a store box whose log lost its tail). */
  async eventsSince(storeId: string, after: number, limit: number): Promise<StoreEventRow[]> {
    const rows = await this.db
      .select()
      .from(storeEvents)
      .where(and(eq(storeEvents.storeId, storeId), sql`${storeEvents.seq} > ${after}`))
      .orderBy(storeEvents.seq)
      .limit(limit);
    return rows.map(({ receivedAt: _received, ...row }) => row);
  }
}

const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;
/** The earliest of the stored time and this one (`least` ignores nulls). */
const first = (column: SQL | typeof chainOrders.paidAt, d: Date | undefined): SQL | undefined =>
  d === undefined ? undefined : sql`least(${column}, ${ts(d)})`;

/** Insert or update one order's projection: each field only from a change of higher seq than the stored one. */
async function upsertOrder(tx: Tx, c: OrderChange): Promise<void> {
  const o = chainOrders;
  const set: Record<string, SQL> = { updatedAt: sql`now()` };
  if (c.placed) {
    set.number = sql`coalesce(${o.number}, ${c.placed.number})`;
    set.businessDay = sql`coalesce(${o.businessDay}, ${c.placed.businessDay})`;
    set.channel = sql`coalesce(${o.channel}, ${c.placed.channel})`;
    set.orderType = sql`coalesce(${o.orderType}, ${c.placed.orderType})`;
    set.placedAt = sql`coalesce(${o.placedAt}, ${ts(c.placed.placedAt)})`;
  }
  // A status of higher seq wins; `paid` only ever stands in for `placed`.
  if (c.status || c.paid) {
    const paid = c.paid ? sql`true` : sql`false`;
    const wins = c.status ? sql`${c.status.seq} > ${o.statusSeq}` : sql`false`;
    const value =
      c.status?.value === 'placed'
        ? sql`case when ${paid} or ${o.payment} = 'paid' then 'paid' else 'placed' end`
        : sql`${c.status?.value ?? 'placed'}`;
    set.status = sql`case when ${wins} then ${value}
      when ${paid} and (${o.status} is null or ${o.status} = 'placed') then 'paid'
      else ${o.status} end`;
    if (c.status) set.statusSeq = sql`case when ${wins} then ${c.status.seq} else ${o.statusSeq} end`;
  }
  if (c.payment) {
    const { value, seq } = c.payment;
    set.payment = sql`case when ${seq} > ${o.paymentSeq} then ${value} else ${o.payment} end`;
    set.paymentSeq = sql`greatest(${o.paymentSeq}, ${seq})`;
  }
  if (c.totals) {
    const { value, seq } = c.totals;
    set.totals = sql`case when ${seq} > ${o.totalsSeq} then ${JSON.stringify(value)}::jsonb else ${o.totals} end`;
    set.totalsSeq = sql`greatest(${o.totalsSeq}, ${seq})`;
  }
  for (const [key, column, d] of [
    ['paidAt', o.paidAt, c.paidAt],
    ['firedAt', o.firedAt, c.firedAt],
    ['readyAt', o.readyAt, c.readyAt],
    ['pickedUpAt', o.pickedUpAt, c.pickedUpAt],
  ] as const) {
    const expr = first(column, d);
    if (expr) set[key] = expr;
  }
  await tx
    .insert(o)
    .values({
      id: c.orderId,
      storeId: c.storeId,
      number: c.placed?.number,
      businessDay: c.placed?.businessDay,
      channel: c.placed?.channel,
      orderType: c.placed?.orderType,
      placedAt: c.placed?.placedAt,
      status: shownStatus(c.status?.value, c.paid === true),
      statusSeq: c.status?.seq ?? 0,
      payment: c.payment?.value ?? 'unpaid',
      paymentSeq: c.payment?.seq ?? 0,
      totals: c.totals?.value,
      totalsSeq: c.totals?.seq ?? 0,
      paidAt: c.paidAt,
      firedAt: c.firedAt,
      readyAt: c.readyAt,
      pickedUpAt: c.pickedUpAt,
    })
    .onConflictDoUpdate({ target: o.id, set });
}
