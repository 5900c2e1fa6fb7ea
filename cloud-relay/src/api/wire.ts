/**
 * The cloud API's bodies and answers, made of the core's schemas: the online ordering API's
 * menu, quote and order view are the core's (`edge/core/src/wire/online.ts`, which the guest's
 * page parses them with); the admin views (a store's state, a configuration version, a store's
 * events) are declared here.
 */
import {
  CONFIG_KINDS,
  INBOUND_CHANNELS,
  inboundOrderSchema,
  onlineLoyaltySchema,
  RELAY_STORE_ID,
  relayStateSchema,
} from '@tillbox/core';
import { z } from 'zod';

export const storeParams = z.object({
  storeId: z.string().regex(RELAY_STORE_ID, 'a store id: lowercase letters, digits and dashes'),
});

export const channelQuery = z.object({ channel: z.enum(INBOUND_CHANNELS).default('online') });

// The online ordering API's answers are the core's (the guest's page parses them with the same schemas).
export {
  onlineMenuSchema as menuSchema,
  onlineOrderViewSchema as orderViewSchema,
  onlineQuoteBodySchema as quoteBodySchema,
  onlineQuoteSchema as quoteSchema,
} from '@tillbox/core';

/**
 * The place body as documented: an `orders/in` message without `sentAt` (the cloud stamps it),
 * and `loyalty` — the member's card and the rewards they redeem (the cloud sets `guest.memberId`
 * and `guest.rewards` from it).
 */
export const placeBodyDoc = z.intersection(
  inboundOrderSchema,
  z.object({ loyalty: onlineLoyaltySchema.optional().describe('The loyalty member (their card) and their rewards') }),
);

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
