/** The whole SQLite schema, in one place. Migrations are generated from it and only append. */
import { sql } from 'drizzle-orm';
import { ORDER_STATUSES, PAYMENT_STATUSES } from '@tillbox/core';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
  },
  (t) => [index('events_topic_seq').on(t.topic, t.seq), index('events_subject').on(t.subject)],
);

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
  },
  (t) => [
    uniqueIndex('orders_day_number').on(t.businessDay, t.number),
    index('orders_open')
      .on(t.status)
      .where(sql`status <> 'picked_up'`),
    index('orders_day').on(t.businessDay),
    index('orders_waiting')
      .on(t.status)
      .where(sql`status in ('placed', 'paid')`),
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
    amount: integer('amount').notNull(),
    tendered: integer('tendered'),
    change: integer('change'),
    reference: text('reference'),
    cardLast4: text('card_last4'),
    at: integer('at').notNull(),
  },
  (t) => [index('payments_order').on(t.orderId)],
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
