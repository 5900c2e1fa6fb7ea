/**
 * The cloud's whole PostgreSQL schema, in one place, the same for PostgreSQL and PGlite.
 * Migrations are generated from it (`npm run db:generate -w @tillbox/cloud-relay`) and only append.
 */
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const seq = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The chain's stores: their online state (the retained `state` topic and its last will) and how far their log has come. */
export const stores = pgTable('stores', {
  id: text('id').primaryKey(),
  name: text('name'),
  /** `online` / `offline` from the store's state topic; `unknown` before it was heard. */
  status: text('status').notNull().default('unknown'),
  online: boolean('online').notNull().default(false),
  /** The highest seq up to which every event of the store is here (no gaps below it). */
  lastSeq: seq('last_seq').notNull().default(0),
  /** The highest seq received (above `lastSeq` when some are still on their way). */
  maxSeq: seq('max_seq').notNull().default(0),
  /** The last time anything came from the store (state or events). */
  lastSeenAt: at('last_seen_at'),
  /** When its state was last published, and what it said. */
  stateAt: at('state_at'),
  state: jsonb('state'),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Every store's event log, once per (store, seq): a redelivered or replayed event changes nothing. */
export const storeEvents = pgTable(
  'store_events',
  {
    storeId: text('store_id').notNull(),
    seq: seq('seq').notNull(),
    id: text('id').notNull(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    /** The id of the thing the event is about (an order's id for its events). */
    subject: text('subject').notNull(),
    at: at('at').notNull(),
    actor: jsonb('actor').notNull(),
    device: text('device'),
    data: jsonb('data').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.seq] }), index('store_events_type').on(t.storeId, t.type)],
);

/**
 * The chain's orders, projected from their stores' order events. Each field is set by the
 * event of highest seq that sets it, so the projection is the same whatever order the events
 * arrive in.
 */
export const chainOrders = pgTable(
  'chain_orders',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    number: integer('number'),
    businessDay: text('business_day'),
    channel: text('channel'),
    orderType: text('order_type'),
    status: text('status'),
    /** The seq of the event that set the status. */
    statusSeq: seq('status_seq').notNull().default(0),
    payment: text('payment').notNull().default('unpaid'),
    paymentSeq: seq('payment_seq').notNull().default(0),
    /** `{currency, subtotal, discount, tax, total}` in minor units. */
    totals: jsonb('totals'),
    totalsSeq: seq('totals_seq').notNull().default(0),
    placedAt: at('placed_at'),
    paidAt: at('paid_at'),
    firedAt: at('fired_at'),
    readyAt: at('ready_at'),
    pickedUpAt: at('picked_up_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('chain_orders_store_placed').on(t.storeId, t.placedAt)],
);

/** Versioned configuration per store and kind: validated, published retained, then active or refused (with the reason). */
export const configVersions = pgTable(
  'config_versions',
  {
    storeId: text('store_id').notNull(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    payload: jsonb('payload').notNull(),
    /** `pending` (published, the store has not answered yet), `active` (the store runs it or ran it), `refused`. */
    state: text('state').notNull(),
    /** Why it was refused: by the cloud's validation (never published) or by the store. */
    reason: text('reason'),
    details: jsonb('details'),
    createdAt: at('created_at').notNull().defaultNow(),
    publishedAt: at('published_at'),
    decidedAt: at('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.kind, t.version] })],
);

/** App and online orders sent to a store: one per client-made id, and the store's answer. */
export const onlineOrders = pgTable(
  'online_orders',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    channel: text('channel').notNull(),
    /** `pending` (sent, no answer yet), `accepted`, `rejected`. */
    state: text('state').notNull(),
    /** The core's error code and the store's reason, when rejected. */
    code: text('code'),
    reason: text('reason'),
    /** The order as sent to the store (validated by the core's schema). */
    request: jsonb('request').notNull(),
    /** The totals quoted to the guest, priced by the core's engine. */
    quote: jsonb('quote').notNull(),
    /** The store's order number and totals, once accepted. */
    number: integer('number'),
    totals: jsonb('totals'),
    paid: boolean('paid'),
    /** The guest's view: `placed` when accepted, then the store's status messages (`fired`, `ready`, `picked-up`, ...). */
    status: text('status'),
    /** The seq of the store event behind the status: each (store, seq) is applied once, the highest wins. */
    statusSeq: seq('status_seq').notNull().default(0),
    statusAt: at('status_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    answeredAt: at('answered_at'),
    /** The loyalty member it is for, identified by their card (the guest's page) or by the app. */
    memberId: text('member_id'),
    /**
     * Points its rewards cost, as the cloud priced them: held against the member's balance while
     * the order is not rejected and the store's `loyalty.redeemed` for it is not in the ledger
     * yet (that event is the ledger's only entry for the redemption).
     */
    pointsRedeemed: integer('points_redeemed').notNull().default(0),
  },
  (t) => [index('online_orders_store').on(t.storeId, t.createdAt), index('online_orders_member').on(t.memberId)],
);

/** Loyalty members: who they are and how a store identifies them (their card's QR code, their phone). */
export const loyaltyAccounts = pgTable(
  'loyalty_accounts',
  {
    memberId: text('member_id').primaryKey(),
    /** First name, to greet the guest. */
    name: text('name'),
    /** E.164 (`+15550100199`). */
    phone: text('phone'),
    /** The text of the loyalty card's QR code (`TBXM1-…`, a secret). */
    qrCode: text('qr_code'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('loyalty_accounts_phone').on(t.phone), uniqueIndex('loyalty_accounts_qr').on(t.qrCode)],
);

/**
 * Every member's ledger, append-only: accruals, redemptions, adjustments, expiries. A balance is
 * the sum of a member's entries. Each entry is keyed by its origin (`store:{storeId}:{seq}` for a
 * store's event, `conflict:{storeId}:{seq}` for the adjustment a merge made of it, `admin:{id}`),
 * so a redelivered event, or a retried request, is applied once.
 */
export const loyaltyLedger = pgTable(
  'loyalty_ledger',
  {
    id: text('id').primaryKey(),
    origin: text('origin').notNull(),
    memberId: text('member_id').notNull(),
    /** `accrual`, `redemption`, `adjustment`, `expiry`. */
    kind: text('kind').notNull(),
    /** Signed: an accrual adds, a redemption takes away. */
    points: integer('points').notNull(),
    /** The store and the seq of the event it came from (a conflict: the event that made it). */
    storeId: text('store_id'),
    seq: seq('seq'),
    orderId: text('order_id'),
    reason: text('reason'),
    /** A merge found the balance spent twice (it went below zero): shown to a manager. */
    conflict: boolean('conflict').notNull().default(false),
    /** When it happened (the store event's time). */
    at: at('at').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('loyalty_ledger_origin').on(t.origin),
    index('loyalty_ledger_member').on(t.memberId, t.at),
    index('loyalty_ledger_store').on(t.storeId, t.seq),
    index('loyalty_ledger_conflicts').on(t.conflict, t.recordedAt),
  ],
);

/**
 * Each store's stock of each item it counts or has 86'd, projected from its stock events in the
 * ingest's transaction: the count from the counting event of highest seq, the 86 from the 86 event
 * of highest seq, so any arrival order gives the same row.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    storeId: text('store_id').notNull(),
    itemId: text('item_id').notNull(),
    /** The item's name as its last 86 said (the menu's name is the catalog's). */
    name: text('name'),
    tracked: boolean('tracked').notNull().default(false),
    /** On hand after the counting event of highest seq. */
    count: integer('count').notNull().default(0),
    countSeq: seq('count_seq').notNull().default(0),
    /** `sold-out` or `manual` while 86'd; null on sale. */
    eightySixed: text('eighty_six'),
    eightySixNote: text('eighty_six_note'),
    eightySixAt: at('eighty_six_at'),
    eightySixSeq: seq('eighty_six_seq').notNull().default(0),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.itemId] }), index('stock_levels_item').on(t.itemId, t.storeId)],
);

/**
 * Safety stock: how many of an item a store keeps for the guests in the store. Online ordering and
 * the marketplace offer only what is above it. An empty store id is the chain's default.
 */
export const safetyStock = pgTable(
  'safety_stock',
  {
    storeId: text('store_id').notNull(),
    itemId: text('item_id').notNull(),
    quantity: integer('quantity').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.itemId] })],
);
