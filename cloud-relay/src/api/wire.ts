/**
 * The cloud API's bodies and answers, made of the core's schemas (the cart, the placed lines,
 * totals, pricing, the catalog, the `orders/in` message, configuration kinds); only the
 * cloud's own views (an online order's status, a store's state, a configuration version) are
 * declared here.
 */
import {
  activeConfigSchema,
  commerceCatalogSchema,
  CONFIG_KINDS,
  INBOUND_CHANNELS,
  inboundOrderSchema,
  ORDER_TYPES,
  orderPricingSchema,
  placedLineSchema,
  placeOrderBodySchema,
  RELAY_STORE_ID,
  relayStateSchema,
  totalsSchema,
} from '@tillbox/core';
import { z } from 'zod';
import { ORDER_PHASES } from '../online/online-order-service.js';

export const storeParams = z.object({
  storeId: z.string().regex(RELAY_STORE_ID, 'a store id: lowercase letters, digits and dashes'),
});

export const channelQuery = z.object({ channel: z.enum(INBOUND_CHANNELS).default('online') });

export const menuSchema = z.object({
  storeId: z.string(),
  channel: z.enum(INBOUND_CHANNELS),
  at: z.string(),
  versions: activeConfigSchema.describe('The configuration versions the store runs, which this menu is'),
  currency: z.string(),
  catalog: commerceCatalogSchema,
  availability: z.array(z.object({ itemId: z.string(), available: z.boolean(), reason: z.string().optional() })),
});

export const quoteBodySchema = z.object({
  channel: z.enum(INBOUND_CHANNELS).default('online'),
  orderType: z.enum(ORDER_TYPES).default('pickup'),
  lines: placeOrderBodySchema.shape.lines.describe(
    'The cart; lines without a lineId get one (place the order with the same ids: they decide how a discount is split)',
  ),
});

export const quoteSchema = z.object({
  storeId: z.string(),
  at: z.string().describe('The moment it was priced'),
  versions: activeConfigSchema,
  catalogVersion: z.int(),
  lines: z.array(placedLineSchema).describe('Each line as the store will place it, with its lineId'),
  totals: totalsSchema,
  pricing: orderPricingSchema,
});

/** The place body as documented: an `orders/in` message without `sentAt` (the cloud stamps it). */
export const placeBodyDoc = inboundOrderSchema;

export const orderViewSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  channel: z.string(),
  state: z.enum(['pending', 'accepted', 'rejected']).describe('pending: the store has not answered yet'),
  phase: z.enum(ORDER_PHASES).describe("The guest's view: sent, placed, preparing, ready, picked-up, cancelled"),
  number: z.int().optional().describe('The number the store calls out'),
  totals: totalsSchema,
  paid: z.boolean().optional(),
  status: z.string().optional().describe("The store's last status: fired, ready, picked-up, …"),
  code: z.string().optional(),
  reason: z.string().optional(),
  createdAt: z.string(),
  answeredAt: z.string().optional(),
});

export const orderParams = z.object({ id: z.string().min(1).max(64) });

export const configKindParams = storeParams.extend({ kind: z.enum(CONFIG_KINDS) });

export const configBodySchema = z.object({
  document: z.unknown().describe('The kind’s document (docs/mqtt.md): checked by the core before it is published'),
  version: z.int().min(1).optional().describe('Above every earlier version of the kind; the next one when left out'),
});

export const configVersionSchema = z.object({
  storeId: z.string(),
  kind: z.enum(CONFIG_KINDS),
  version: z.int(),
  state: z.enum(['pending', 'active', 'refused']),
  reason: z.string().optional(),
  details: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional(),
  publishedAt: z.string().optional(),
});

export const storeViewSchema = z.object({
  id: z.string(),
  status: z.enum(['online', 'offline', 'unknown']),
  takingOrders: z.boolean(),
  reason: z.string().optional().describe('Why it is not taking online orders'),
  lastSeq: z.int().describe('Every event up to this seq is in the cloud'),
  maxSeq: z.int().describe('The highest seq received'),
  lastSeenAt: z.string().optional(),
  state: relayStateSchema.optional().describe('Its last state: versions, backlog, active configuration'),
});

export const storesQuery = z.object({
  after: z.string().max(64).default(''),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const eventsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const storeEventSchema = z.object({
  storeId: z.string(),
  seq: z.int(),
  id: z.string(),
  type: z.string(),
  version: z.int(),
  subject: z.string(),
  at: z.string(),
  actor: z.unknown(),
  device: z.string().nullable(),
  data: z.unknown(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  instanceId: z.string(),
  broker: z.enum(['connected', 'disconnected']),
  database: z.enum(['postgres', 'pglite']),
  ingest: z.object({ received: z.int(), inserted: z.int(), batches: z.int() }),
});
