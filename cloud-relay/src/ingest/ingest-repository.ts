/**
 * Writing store events, a batch in three short transactions:
 * 1. the batch's changes to the chain's orders (the projection: each field kept from the change of
 *    highest seq, so applying a change again, or in any order, changes nothing more);
 * 2. the events (`on conflict do nothing`: each (store, seq) is applied once however often it is
 *    delivered), and the hooks (loyalty, stock) for the new ones;
 * 3. each store's contiguous head.
 * Only 2 waits for the disk. 1 and 3 commit without waiting (`synchronous_commit off`), so the order
 * and store rows they lock are let go at once: two instances get an order's events alternately
 * (a shared subscription deals messages round-robin), and holding its row locked until a commit
 * reached the disk made their batches take turns. Nothing is lost to a crash: 1's commit is
 * written to the log before 2 starts, so it is on disk once 2's commit is, and the messages are
 * acknowledged only after all three; a batch delivered again is projected again, to the same
 * result. The head is derived from the stored events (never ahead of them; the next batch works
 * it out again from where it stands). Several instances at once: rows are locked in id order (no
 * deadlock), and the head is worked out in a statement that starts after the store rows' lock and
 * after this batch's commit, so the last head written sees every commit.
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
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      await upsertOrders(tx, orderChanges(await this.projectable(tx, events)));
    });
    const applied = await this.db.transaction(async (tx) => {
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
      if (fresh.length > 0) for (const hook of this.hooks) await hook(tx, fresh, now);
      return { inserted: fresh.length };
    });
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      await this.advanceStores(tx, events, now);
    });
    return applied;
  }

  /**
   * The events of a batch the projection may apply: all but those whose (store, seq) is stored as
   * another event (a store that took up seqs again after losing its log's tail: the stored one
   * stands, as in `store_events`).
   */
  private async projectable(tx: Tx, events: readonly StoreEventRow[]): Promise<readonly StoreEventRow[]> {
    const keys = JSON.stringify(events.map((e) => ({ store_id: e.storeId, seq: e.seq })));
    const stored = await tx
      .select({ storeId: storeEvents.storeId, seq: storeEvents.seq, id: storeEvents.id })
      .from(storeEvents)
      .where(
        sql`(${storeEvents.storeId}, ${storeEvents.seq}) in (select r.store_id, r.seq
          from jsonb_to_recordset(${keys}::jsonb) as r(store_id text, seq bigint))`,
      );
    if (stored.length === 0) return events;
    const ids = new Map(stored.map((r) => [`${r.storeId}|${r.seq}`, r.id]));
    return events.filter((e) => (ids.get(`${e.storeId}|${e.seq}`) ?? e.id) === e.id);
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
    // Every store of the batch in one statement (the bench's batches touch 20).
    const json = JSON.stringify(ids.map((id) => ({ id, max_seq: maxSeq.get(id) ?? 0 })));
    await tx.execute(sql`update ${stores} set
        max_seq = greatest(${stores.maxSeq}, v.max_seq),
        last_seen_at = greatest(${stores.lastSeenAt}, ${now.toISOString()}::timestamptz),
        last_seq = case when exists (
            select 1 from ${storeEvents} n where n.store_id = ${stores.id} and n.seq = ${stores.lastSeq} + 1
          ) then (
            select min(e.seq) from ${storeEvents} e
            where e.store_id = ${stores.id} and e.seq > ${stores.lastSeq}
              and not exists (select 1 from ${storeEvents} n where n.store_id = e.store_id and n.seq = e.seq + 1)
          ) else ${stores.lastSeq} end
      from jsonb_to_recordset(${json}::jsonb) as v(id text, max_seq bigint)
      where ${stores.id} = v.id`);
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

/**
 * Insert or update the orders' projections in one statement: each field only from a change of
 * higher seq than the stored one. A batch is one statement however many orders it touches, and
 * the rows are written (and locked) in id order, so two instances cannot deadlock. Every rule
 * reads the `excluded` row alone: its seqs are 0 where the batch does not set a part, and its
 * `paid_at` is set exactly when the batch paid the order.
 */
async function upsertOrders(tx: Tx, changes: readonly OrderChange[]): Promise<void> {
  if (changes.length === 0) return;
  const iso = (d: Date | undefined): string | null => d?.toISOString() ?? null;
  const json = JSON.stringify(
    changes.map((c) => ({
      id: c.orderId,
      store_id: c.storeId,
      number: c.placed?.number ?? null,
      business_day: c.placed?.businessDay ?? null,
      channel: c.placed?.channel ?? null,
      order_type: c.placed?.orderType ?? null,
      placed_at: iso(c.placed?.placedAt),
      status: shownStatus(c.status?.value, c.paid === true) ?? null,
      status_seq: c.status?.seq ?? 0,
      payment: c.payment?.value ?? 'unpaid',
      payment_seq: c.payment?.seq ?? 0,
      totals: c.totals?.value ?? null,
      totals_seq: c.totals?.seq ?? 0,
      paid_at: iso(c.paidAt),
      fired_at: iso(c.firedAt),
      ready_at: iso(c.readyAt),
      picked_up_at: iso(c.pickedUpAt),
    })),
  );
  await tx.execute(sql`insert into ${chainOrders} as o (id, store_id, number, business_day, channel, order_type,
      placed_at, status, status_seq, payment, payment_seq, totals, totals_seq, paid_at, fired_at, ready_at, picked_up_at)
    select r.id, r.store_id, r.number, r.business_day, r.channel, r.order_type, r.placed_at, r.status, r.status_seq,
      r.payment, r.payment_seq, r.totals, r.totals_seq, r.paid_at, r.fired_at, r.ready_at, r.picked_up_at
    from jsonb_to_recordset(${json}::jsonb) as r(id text, store_id text, number integer, business_day text,
      channel text, order_type text, placed_at timestamptz, status text, status_seq bigint, payment text,
      payment_seq bigint, totals jsonb, totals_seq bigint, paid_at timestamptz, fired_at timestamptz,
      ready_at timestamptz, picked_up_at timestamptz)
    order by r.id
    on conflict (id) do update set
      number = coalesce(o.number, excluded.number),
      business_day = coalesce(o.business_day, excluded.business_day),
      channel = coalesce(o.channel, excluded.channel),
      order_type = coalesce(o.order_type, excluded.order_type),
      placed_at = coalesce(o.placed_at, excluded.placed_at),
      -- A status of higher seq wins; paid only ever stands in for placed.
      status = case
        when excluded.status_seq > o.status_seq then
          case when excluded.status = 'placed' and o.payment = 'paid' then 'paid' else excluded.status end
        when excluded.paid_at is not null and (o.status is null or o.status = 'placed') then 'paid'
        else o.status end,
      status_seq = greatest(o.status_seq, excluded.status_seq),
      payment = case when excluded.payment_seq > o.payment_seq then excluded.payment else o.payment end,
      payment_seq = greatest(o.payment_seq, excluded.payment_seq),
      totals = case when excluded.totals_seq > o.totals_seq then excluded.totals else o.totals end,
      totals_seq = greatest(o.totals_seq, excluded.totals_seq),
      paid_at = least(o.paid_at, excluded.paid_at),
      fired_at = least(o.fired_at, excluded.fired_at),
      ready_at = least(o.ready_at, excluded.ready_at),
      picked_up_at = least(o.picked_up_at, excluded.picked_up_at),
      updated_at = now()`);
}
