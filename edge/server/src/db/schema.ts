/** The whole SQLite schema, in one place. Migrations are generated from it and only append. */
import { sql } from 'drizzle-orm';
import {
  EIGHTY_SIX_REASONS,
  ORDER_STATUSES,
  PAYMENT_INTENT_STATUSES,
  PAYMENT_STATUSES,
  PRINT_JOB_KINDS,
  PRINT_JOB_STATES,
  STOCK_MOVE_KINDS,
} from '@tillbox/core';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The store's event log: the spine every screen, the relay and reports read. */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    /** The noun of the type (`order` for `order.placed`), so a stream client filters by it. */
    topic: text('topic').notNull(),
    subject: text('subject').notNull(),
    data: text('data', { mode: 'json' }).notNull(),
    at: integer('at').notNull(),
    /** The version of the type's payload schema in the core's event catalogue. */
    version: integer('version').notNull().default(1),
    /** Who did it: `{kind, id, role, name?}` and, for a manager override, `approvedBy`. */
    actor: text('actor', { mode: 'json' }).notNull().default('{"kind":"system","id":"edge","role":"system"}'),
    /** The paired device the command came from (null for the edge's own work). */
    device: text('device'),
  },
  (t) => [index('events_topic_seq').on(t.topic, t.seq), index('events_subject').on(t.subject)],
);

/** Paired screens and services. The credential is stored only as its SHA-256. */
export const devices = sqliteTable(
  'devices',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    credentialHash: text('credential_hash').notNull(),
    pairedAt: integer('paired_at').notNull(),
    /** Who created the pairing code (a staff id), or `demo` / `bootstrap`. */
    pairedBy: text('paired_by').notNull(),
    lastSeenAt: integer('last_seen_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('devices_credential').on(t.credentialHash)],
);

/** One-time pairing codes: stored as SHA-256, used once, expiring. */
export const pairingCodes = sqliteTable('pairing_codes', {
  codeHash: text('code_hash').primaryKey(),
  role: text('role').notNull(),
  name: text('name').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  deviceId: text('device_id'),
});

/** Staff accounts. PINs are argon2id hashes; nothing else of a PIN is kept. */
export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  pinHash: text('pin_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Who is signed in on which device (one at a time per device), until sign-out or idle. */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    startedAt: integer('started_at').notNull(),
    lastActiveAt: integer('last_active_at').notNull(),
    endedAt: integer('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [index('staff_sessions_device').on(t.deviceId, t.endedAt)],
);

/** Failed PIN attempts per staff member and per device (`staff:<id>`, `device:<id>`), for lockout. */
export const pinFailures = sqliteTable('pin_failures', {
  scope: text('scope').primaryKey(),
  failures: integer('failures').notNull(),
  firstAt: integer('first_at').notNull(),
  lockedUntil: integer('locked_until'),
});

/**
 * The audit log: sign-ins, refusals, overrides, refunds, voids, pairings, settings changes.
 * Each row's hash covers the previous row's hash, so a changed or removed row breaks the chain.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    at: integer('at').notNull(),
    action: text('action').notNull(),
    actor: text('actor', { mode: 'json' }).notNull(),
    device: text('device'),
    subject: text('subject'),
    detail: text('detail', { mode: 'json' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_action').on(t.action, t.seq)],
);

/** Durable positions of the log's consumers (print jobs, the MQTT relay, audit export). */
export const logCursors = sqliteTable('log_cursors', {
  name: text('name').primaryKey(),
  seq: integer('seq').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A catalog document as published (seeded with the demo menu); the highest version is current. */
export const catalogs = sqliteTable('catalogs', {
  version: integer('version').primaryKey(),
  document: text('document', { mode: 'json' }).notNull(),
  publishedAt: integer('published_at').notNull(),
});

/** A pricing rules document (stores, promotions, tax, loyalty); the highest version is current. */
export const pricingRules = sqliteTable('pricing_rules', {
  version: integer('version').primaryKey(),
  document: text('document', { mode: 'json' }).notNull(),
  publishedAt: integer('published_at').notNull(),
});

/** The last order number given out on each business day. */
export const orderNumbers = sqliteTable('order_numbers', {
  businessDay: text('business_day').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    number: integer('number').notNull(),
    businessDay: text('business_day').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    channel: text('channel').notNull(),
    orderType: text('order_type').notNull(),
    guestName: text('guest_name'),
    currency: text('currency').notNull(),
    subtotal: integer('subtotal').notNull(),
    /** Promotions and rewards taken off. */
    discount: integer('discount').notNull().default(0),
    /** Tax added on top, or held in the prices (VAT). */
    tax: integer('tax').notNull().default(0),
    total: integer('total').notNull(),
    /** The priced result's explanations: applied promotions, taxes by name and rate, loyalty points. */
    pricing: text('pricing', { mode: 'json' }),
    /** SHA-256 of the placing request, so a reused id with a different cart is refused. */
    requestHash: text('request_hash').notNull(),
    catalogVersion: integer('catalog_version').notNull(),
    placedAt: integer('placed_at').notNull(),
    firedAt: integer('fired_at'),
    readyAt: integer('ready_at'),
    pickedUpAt: integer('picked_up_at'),
    payment: text('payment', { enum: PAYMENT_STATUSES }).notNull().default('unpaid'),
    tableLabel: text('table_label'),
    promisedAt: integer('promised_at'),
    /** Promised time, or placed time plus prep time: what kitchen priority sorts by. */
    dueAt: integer('due_at').notNull().default(0),
    rush: integer('rush', { mode: 'boolean' }).notNull().default(false),
    /** When it may go to the kitchen: now, or once paid; a scheduled order waits for fire_at too. */
    firePolicy: text('fire_policy', { enum: ['now', 'on-payment'] })
      .notNull()
      .default('now'),
    fireAt: integer('fire_at'),
    paidAt: integer('paid_at'),
    closedAt: integer('closed_at'),
    /** The device that placed it (a kiosk may pay and read only its own orders). */
    placedByDevice: text('placed_by_device'),
    /** An open ticket's owner (the staff member who held it, or took it over) and their name then. */
    ownerStaffId: text('owner_staff_id'),
    ownerName: text('owner_name'),
    /** Set while the order is held as an open ticket (parked, on no counter). */
    heldAt: integer('held_at'),
    /** How the bill is split (`{kind: 'even', count}` or `{kind: 'lines', parts: [[lineId…]…]}`); null: one bill. */
    split: text('split', { mode: 'json' }),
  },
  (t) => [
    uniqueIndex('orders_day_number').on(t.businessDay, t.number),
    index('orders_open')
      .on(t.status)
      .where(sql`status <> 'picked_up'`),
    index('orders_waiting')
      .on(t.status)
      .where(sql`status in ('placed', 'paid')`),
    /** Open orders in pages, oldest placed first (the screens' snapshots). */
    index('orders_open_placed')
      .on(t.placedAt, t.id)
      .where(sql`status in ('placed', 'paid', 'in_kitchen', 'ready')`),
    /** Open tickets, by owner. */
    index('orders_held')
      .on(t.ownerStaffId, t.heldAt)
      .where(sql`held_at is not null`),
  ],
);

/** One ticket per station of a fired order. A line's station says which ticket it is on. */
export const tickets = sqliteTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    station: text('station').notNull(),
    status: text('status', { enum: ['open', 'bumped'] }).notNull(),
    firedAt: integer('fired_at').notNull(),
    bumpedAt: integer('bumped_at'),
  },
  (t) => [
    uniqueIndex('tickets_order_station').on(t.orderId, t.station),
    index('tickets_station_bumped').on(t.station, t.bumpedAt),
  ],
);

/** Money taken for an order: method, amount and the terminal's reference, never card data. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    method: text('method', { enum: ['card', 'cash', 'external'] }).notNull(),
    /** A refund is a negative amount of the same method, pointing at the payment it returns. */
    amount: integer('amount').notNull(),
    refundOf: text('refund_of'),
    tendered: integer('tendered'),
    change: integer('change'),
    reference: text('reference'),
    cardLast4: text('card_last4'),
    at: integer('at').notNull(),
    /** A tip taken with the payment (card), apart from the sale; a refund's is negative. */
    tip: integer('tip').notNull().default(0),
    /** The part of a split bill it pays (1-based); null on a bill that is not split. */
    part: integer('part'),
    /** The staff member who took it (whose tip it is); null for a kiosk or the cloud. */
    staffId: text('staff_id'),
  },
  (t) => [index('payments_order').on(t.orderId), index('payments_staff_at').on(t.staffId, t.at)],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    position: integer('position').notNull(),
    itemId: text('item_id').notNull(),
    variantId: text('variant_id'),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    lineTotal: integer('line_total').notNull(),
    station: text('station').notNull(),
    /** When the station marked this item done (item-level bump). */
    bumpedAt: integer('bumped_at'),
    /** Names, modifiers, note and allergens as priced, for tickets and receipts. */
    detail: text('detail', { mode: 'json' }).notNull(),
  },
  (t) => [uniqueIndex('order_lines_order_position').on(t.orderId, t.position)],
);

/**
 * A card payment under way or settled: written (committed) before the terminal is asked, so a
 * cancel cannot race it, and kept after: approved (with the payment it became), declined,
 * failed, or approved-but-not-recorded until the terminal has reversed it. No card data.
 */
export const paymentIntents = sqliteTable(
  'payment_intents',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    method: text('method', { enum: ['card'] }).notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: PAYMENT_INTENT_STATUSES }).notNull(),
    /** The terminal's transaction reference, once it has answered. */
    reference: text('reference'),
    /** The payment recorded for an approved intent. */
    paymentId: text('payment_id'),
    /** Who started it and on which device (`{kind, id, role, name?}`). */
    actor: text('actor', { mode: 'json' }).notNull(),
    device: text('device'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Failed reversal attempts, when the next is due, and the terminal's last error. */
    reversalAttempts: integer('reversal_attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastError: text('last_error'),
    /** Why a person should look at it (shown on the admin's view); null when nothing is to be done. */
    attention: text('attention'),
    /** A tip entered on the screen, charged with the amount; null when the terminal asks for one. */
    tip: integer('tip'),
    /** The part of a split bill it pays (1-based). */
    part: integer('part'),
  },
  (t) => [
    /** One payment in progress per order, whatever the code above does. */
    uniqueIndex('payment_intents_one_open')
      .on(t.orderId)
      .where(sql`status = 'open'`),
    index('payment_intents_order').on(t.orderId),
    index('payment_intents_unsettled')
      .on(t.status, t.nextAttemptAt)
      .where(sql`status in ('open', 'reversal-pending')`),
    index('payment_intents_attention')
      .on(t.createdAt)
      .where(sql`attention is not null`),
  ],
);

/**
 * Cash drawers. A device takes cash into the drawer it is assigned to ({@link drawerDevices}), or
 * else into the store's default drawer (the demo store's "Drawer 1" serves every counter device).
 */
export const drawers = sqliteTable('drawers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Serves every device not assigned to another drawer (at most one drawer is the default). */
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});

/** Which drawer a device's cash goes into; a device serves one drawer. */
export const drawerDevices = sqliteTable(
  'drawer_devices',
  {
    deviceId: text('device_id')
      .primaryKey()
      .references(() => devices.id),
    drawerId: text('drawer_id')
      .notNull()
      .references(() => drawers.id),
    assignedAt: integer('assigned_at').notNull(),
  },
  (t) => [index('drawer_devices_drawer').on(t.drawerId)],
);

/**
 * A drawer session, from the opening float to the close: open (takes cash), counted (a blind
 * count is in, its variance waits for a manager) or closed. Money in minor units of `currency`;
 * counts by denomination are JSON (`{"10000": 1, "25": 4}`: face value in minor units → pieces).
 */
export const drawerSessions = sqliteTable(
  'drawer_sessions',
  {
    id: text('id').primaryKey(),
    drawerId: text('drawer_id')
      .notNull()
      .references(() => drawers.id),
    status: text('status', { enum: ['open', 'counted', 'closed'] }).notNull(),
    currency: text('currency').notNull(),
    openingFloat: integer('opening_float').notNull(),
    openingCount: text('opening_count', { mode: 'json' }),
    openedAt: integer('opened_at').notNull(),
    /** Who opened it (`{kind, id, role, name?}`) and on which device. */
    openedBy: text('opened_by', { mode: 'json' }).notNull(),
    openedOn: text('opened_on'),
    /** The blind count: its total, by denomination, who counted and when. */
    counted: integer('counted'),
    count: text('count', { mode: 'json' }),
    countedAt: integer('counted_at'),
    countedBy: text('counted_by', { mode: 'json' }),
    /** What the drawer should hold at the count, and counted − expected. */
    expected: integer('expected'),
    variance: integer('variance'),
    closedAt: integer('closed_at'),
    closedBy: text('closed_by', { mode: 'json' }),
    /** The manager who approved a variance over the threshold. */
    approvedBy: text('approved_by', { mode: 'json' }),
  },
  (t) => [
    /** One session at a time per drawer, whatever the code above does. */
    uniqueIndex('drawer_sessions_one_current')
      .on(t.drawerId)
      .where(sql`status <> 'closed'`),
    index('drawer_sessions_drawer_opened').on(t.drawerId, t.openedAt),
  ],
);

/**
 * What went into or out of a drawer during a session: paid in / paid out (with a reason), safe
 * drops, no-sale opens (amount 0), and the cash sales and cash refunds taken on its devices while
 * it was open — written in the same transaction as the payment's event, with the payment and the
 * event's seq, so a drawer's figures never depend on a later assignment.
 */
export const drawerMoves = sqliteTable(
  'drawer_moves',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => drawerSessions.id),
    drawerId: text('drawer_id').notNull(),
    kind: text('kind', {
      enum: ['paid-in', 'paid-out', 'safe-drop', 'no-sale', 'cash-sale', 'cash-refund'],
    }).notNull(),
    /** Minor units, always ≥ 0; the kind says which way it went. */
    amount: integer('amount').notNull(),
    reason: text('reason'),
    orderId: text('order_id'),
    paymentId: text('payment_id'),
    /** The event that recorded it (the payment's `order.paid`/`order.refunded`, or the move's own). */
    eventSeq: integer('event_seq'),
    actor: text('actor', { mode: 'json' }).notNull(),
    device: text('device'),
    at: integer('at').notNull(),
  },
  (t) => [
    index('drawer_moves_session').on(t.sessionId, t.at),
    uniqueIndex('drawer_moves_payment')
      .on(t.paymentId)
      .where(sql`payment_id is not null`),
  ],
);

/** Cash tips a staff member declared (card tips are on their payments). */
export const tipDeclarations = sqliteTable(
  'tip_declarations',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    businessDay: text('business_day').notNull(),
    /** Who declared it (`{kind, id, role, name?}`: the staff member, or a lead for them) and on which device. */
    actor: text('actor', { mode: 'json' }).notNull(),
    device: text('device'),
    at: integer('at').notNull(),
  },
  (t) => [index('tip_declarations_day_staff').on(t.businessDay, t.staffId)],
);

/**
 * Print jobs of the device hub: written in the transaction of the command that made them (an
 * order fired, paid; a drawer kick asked for), carried out after commit. `key` is the idempotency
 * key (the same job asked for twice is one row, one print).
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull().unique(),
    kind: text('kind', { enum: PRINT_JOB_KINDS }).notNull(),
    /** The printer it goes to now (its backup's id once rerouted). */
    deviceId: text('device_id').notNull(),
    /** The printer it was made for, when it has been rerouted. */
    reroutedFrom: text('rerouted_from'),
    state: text('state', { enum: PRINT_JOB_STATES }).notNull(),
    orderId: text('order_id'),
    ticketId: text('ticket_id'),
    station: text('station'),
    /** What to print beyond the order: a ticket's line ids and round, a kick's pin, a reprint's original. */
    detail: text('detail', { mode: 'json' }).notNull(),
    /** The event it was made for (null for reprints and test slips). */
    eventSeq: integer('event_seq'),
    /** Attempts in all, and on the printer it goes to now. */
    attempts: integer('attempts').notNull().default(0),
    deviceAttempts: integer('device_attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** A kick not done by then expires. */
    expiresAt: integer('expires_at'),
    lastError: text('last_error'),
    lastErrorAt: integer('last_error_at'),
    /** A reprint: the job it copies. */
    reprintOf: text('reprint_of'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    printedAt: integer('printed_at'),
  },
  (t) => [
    index('print_jobs_due')
      .on(t.nextAttemptAt)
      .where(sql`state = 'queued'`),
    index('print_jobs_device_created').on(t.deviceId, t.createdAt),
    index('print_jobs_order').on(t.orderId),
  ],
);

/**
 * Stock per item at this store: a row for each item the store counts (`tracked`, with its count
 * on hand) or has taken off sale (86'd: `sold-out` when its count reached zero, `manual` by a
 * staff member). Items with no row are on sale and not counted. Rows are never deleted.
 */
export const stockLevels = sqliteTable(
  'stock_levels',
  {
    itemId: text('item_id').primaryKey(),
    tracked: integer('tracked', { mode: 'boolean' }).notNull(),
    /** On hand when tracked, never below zero; 0 when not. */
    count: integer('count').notNull().default(0),
    eightySixed: text('eighty_sixed', { enum: EIGHTY_SIX_REASONS }),
    eightySixedAt: integer('eighty_sixed_at'),
    eightySixNote: text('eighty_six_note'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('stock_levels_count_not_negative', sql`${t.count} >= 0`)],
);

/**
 * Every change of a counted item's stock, signed (sales and waste below zero), with the count
 * after it: the moves of an item sum to its count. A sale or return names its order and line, so
 * a refund or a cancel gives back exactly what the line took. Written in the transaction of the
 * event that records it, with that event's seq.
 */
export const stockMoves = sqliteTable(
  'stock_moves',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => stockLevels.itemId),
    kind: text('kind', { enum: STOCK_MOVE_KINDS }).notNull(),
    quantity: integer('quantity').notNull(),
    countAfter: integer('count_after').notNull(),
    orderId: text('order_id'),
    lineId: text('line_id'),
    reason: text('reason'),
    eventSeq: integer('event_seq'),
    actor: text('actor', { mode: 'json' }).notNull(),
    device: text('device'),
    at: integer('at').notNull(),
  },
  (t) => [
    index('stock_moves_item_at').on(t.itemId, t.at),
    index('stock_moves_order')
      .on(t.orderId)
      .where(sql`order_id is not null`),
  ],
);
