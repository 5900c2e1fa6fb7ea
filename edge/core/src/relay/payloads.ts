/**
 * The payload of every MQTT topic between a store box and the cloud relay, as zod schemas. Both
 * sides parse every message with these before using it (see {@link parseRelayPayload}); the
 * topic → schema map is `RELAY_TOPICS` in `topics.ts`. docs/mqtt.md describes each one.
 */
import { z } from 'zod';
import { actorSchema } from '../auth/actors.js';
import { ORDER_TYPES } from '../channels.js';
import { commerceCatalogSchema } from '../commerce/catalog-schema.js';
import { loyaltySchema, pricingRulesSchema } from '../commerce/rules-schema.js';
import { e164Schema, keyHashSchema, memberQrSchema } from '../loyalty/members.js';
import { ERROR_CODES } from '../errors.js';
import { UUID_V7 } from '../ids.js';
import { kitchenConfigSchema, stationSchema } from '../kitchen/kitchen.js';
import { freeText } from '../privacy/card-numbers.js';
import { placeOrderBodySchema, prepaidSchema, totalsSchema, type PlaceOrderBody } from '../wire/api.js';

const entityId = z.string().min(1).max(64);
const isoTime = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-11-27T14:30:00Z' });
const detailsSchema = z
  .array(z.object({ path: z.string().max(200).optional(), message: z.string().max(500) }))
  .max(50)
  .default([]);

// ── events: edge → cloud ────────────────────────────────────────────────────────────────────

/**
 * One event of the store's log, as relayed. `(storeId, seq)` identifies it: the edge publishes at
 * least once, the cloud applies each `(storeId, seq)` once. `data` is the payload of `type` at
 * `version` in the event catalogue (check it with `validateEvent` when the type is known).
 */
export const relayEventSchema = z.object({
  storeId: entityId,
  seq: z.int().min(1),
  id: entityId.describe('The event id (UUIDv7)'),
  type: z.string().min(1).max(64),
  version: z.int().min(1),
  subject: z.string().max(64).describe('The id of the thing the event is about'),
  at: z.string().min(1).max(40).describe('ISO 8601 time of the command'),
  actor: actorSchema,
  device: z.string().max(64).nullable(),
  data: z.unknown(),
});
export type RelayEvent = z.infer<typeof relayEventSchema>;

// ── events/resend: cloud → edge ─────────────────────────────────────────────────────────────

/** The most seqs one `events/resend` request may ask for (the cloud asks again for the rest). */
export const MAX_RESEND_RANGE = 10_000;

/**
 * The cloud asks the store to publish its events `fromSeq..toSeq` on `events` again: events it
 * lacks (a gap below the highest seq it has, or below the seq the broker acknowledged to the
 * store). The edge republishes them from its log, in seq order, without moving its cursor; the
 * cloud applies each `(storeId, seq)` once, so asking for more than is missing is harmless.
 */
export const eventsResendSchema = z
  .object({
    fromSeq: z.int().min(1).describe('The first seq to send again'),
    toSeq: z.int().min(1).describe('The last seq to send again (the edge stops at its acknowledged seq)'),
    at: isoTime,
  })
  .refine((r) => r.toSeq >= r.fromSeq, { path: ['toSeq'], message: 'toSeq comes at or after fromSeq' })
  .refine((r) => r.toSeq - r.fromSeq < MAX_RESEND_RANGE, {
    path: ['toSeq'],
    message: `at most ${MAX_RESEND_RANGE} seqs in one request`,
  });
export type EventsResend = z.infer<typeof eventsResendSchema>;

// ── state: edge → cloud, retained, also the last will ───────────────────────────────────────

/** The kinds of configuration the cloud publishes (one retained topic each). */
export const CONFIG_KINDS = ['catalog', 'promotions', 'tax', 'loyalty', 'stations'] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

export const activeConfigSchema = z
  .partialRecord(z.enum(CONFIG_KINDS), z.int().min(0))
  .describe('The configuration version active at the store, by kind (0 = the store’s own, never published)');
export type ActiveConfig = z.infer<typeof activeConfigSchema>;

export const relayStateSchema = z.object({
  online: z.boolean().describe('false in the last will (the broker publishes it when the edge drops)'),
  version: z.string().min(1).max(40).describe("The edge software's version"),
  headSeq: z.int().min(0).describe('The last seq in the store’s log'),
  relayedSeq: z.int().min(0).describe('The last seq the broker acknowledged (the relay’s durable cursor)'),
  backlog: z.int().min(0).describe('Events not yet acknowledged: headSeq − relayedSeq'),
  config: activeConfigSchema.default({}),
  at: isoTime,
});
export type RelayState = z.infer<typeof relayStateSchema>;

// ── orders/in: cloud → edge ─────────────────────────────────────────────────────────────────

/** The channels the cloud brings orders in on. */
export const INBOUND_CHANNELS = ['app', 'online'] as const;
export type InboundChannel = (typeof INBOUND_CHANNELS)[number];

const placementLine = placeOrderBodySchema.shape.lines.element;

/**
 * An app or online order for the store. It is placed through the same path as an order from a
 * screen (`POST /api/v1/orders`): the same `id` again is the same order, answered again; the same
 * `id` with another cart is refused (`conflict`). `lines` is the cart as it was priced, line ids
 * included, so the store prices it to the same cent; a `payment` must equal the store's total.
 */
export const inboundOrderSchema = z
  .object({
    id: z.string().regex(UUID_V7, 'id must be a UUIDv7 made by the client').describe('The idempotency key'),
    channel: z.enum(INBOUND_CHANNELS),
    orderType: z.enum(ORDER_TYPES).default('pickup'),
    guest: z
      .object({
        name: freeText(40).min(1).describe('First name, shown on the pickup board'),
        memberId: entityId.optional().describe('Loyalty member, when the guest signed in'),
        rewards: z
          .array(entityId)
          .max(10)
          .optional()
          .describe('Loyalty rewards the member redeems (the cloud checked the balance; the store prices them)'),
      })
      .describe('Who it is for (no contact details: the cloud keeps those)'),
    promisedAt: isoTime.optional().describe('When the guest comes for it; scheduled orders fire this minus prep time'),
    lines: z
      .array(placementLine.extend({ lineId: z.string().regex(UUID_V7, 'a line id is a UUIDv7') }))
      .min(1, 'an order needs at least one line')
      .max(100),
    payment: prepaidSchema.optional().describe('Paid in the app: the amount must equal the store’s total'),
    sentAt: isoTime.describe('When the cloud sent it'),
  })
  .superRefine((o, ctx) => {
    const parsed = placeOrderBodySchema.safeParse(placeOrderBodyOf(o));
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type InboundOrder = z.infer<typeof inboundOrderSchema>;
export type InboundOrderInput = z.input<typeof inboundOrderSchema>;

/** The placement body of an inbound order: it goes through the same path as a screen's order. */
export function placeOrderBodyOf(o: InboundOrder): PlaceOrderBody {
  return {
    id: o.id,
    channel: o.channel,
    orderType: o.orderType,
    guestName: o.guest.name,
    ...(o.promisedAt !== undefined ? { promisedAt: o.promisedAt } : {}),
    rush: false,
    fire: 'auto',
    ...(o.payment ? { payment: o.payment } : {}),
    ...(o.guest.memberId !== undefined
      ? { loyalty: { memberId: o.guest.memberId, rewards: o.guest.rewards ?? [] } }
      : {}),
    lines: o.lines,
  };
}

// ── orders/out: edge → cloud ────────────────────────────────────────────────────────────────

/** Statuses of an app or online order the cloud hears about after it was accepted. */
export const RELAYED_ORDER_STATUSES = [
  'fired',
  'ready',
  'recalled',
  'picked-up',
  'completed',
  'cancelled',
  'voided',
] as const;
export type RelayedOrderStatus = (typeof RELAYED_ORDER_STATUSES)[number];

export const orderAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('accepted'),
    orderId: entityId.describe('The inbound order’s id'),
    number: z.int().min(1).describe('The number called out at the store'),
    totals: totalsSchema,
    paid: z.boolean(),
    dueAt: z.string().max(40).optional(),
    at: isoTime,
  }),
  z.object({
    kind: z.literal('rejected'),
    orderId: z.string().max(64).describe('The inbound order’s id (as sent, when it could be read)'),
    code: z.enum(ERROR_CODES).describe('validation, conflict, not-found (an item), unavailable, forbidden…'),
    reason: z.string().min(1).max(500).describe('What went wrong, for a person to read'),
    details: detailsSchema,
    at: isoTime,
  }),
  z.object({
    kind: z.literal('status'),
    orderId: entityId,
    status: z.enum(RELAYED_ORDER_STATUSES),
    seq: z.int().min(1).describe('The seq of the event that changed it: apply each (store, seq) once'),
    at: z.string().min(1).max(40),
  }),
]);
export type OrderAnswer = z.infer<typeof orderAnswerSchema>;

// ── config/{kind}: cloud → edge, retained ───────────────────────────────────────────────────

const rulesShape = pricingRulesSchema.shape;

/**
 * Problems of a set of kitchen stations, by the kitchen's own rules (`kitchenConfigSchema`): the
 * default station exists, no station is called "expo", ids are unique, late comes after warn.
 */
function stationsIssues(document: { stations: unknown; defaultStation: unknown }): z.core.$ZodIssue[] {
  const parsed = kitchenConfigSchema.safeParse({
    ...document,
    expoAutoReady: true,
    bumpBar: {},
    recallMinutes: 30,
    pickupReadyMinutes: 15,
  });
  return parsed.success ? [] : parsed.error.issues;
}

/** What each kind of configuration carries (its `document`). */
export const CONFIG_DOCUMENTS = {
  catalog: commerceCatalogSchema.describe('The whole commerce catalog: items, prices, dayparts, store prices'),
  promotions: z
    .object({
      tags: rulesShape.tags,
      promotions: rulesShape.promotions,
      exclusions: rulesShape.exclusions,
      maxDiscount: rulesShape.maxDiscount,
      upsells: rulesShape.upsells,
    })
    .describe('Promotions and the rules around them (the pricing rules’ promotions part)'),
  tax: z
    .object({ stores: rulesShape.stores, tax: rulesShape.tax })
    .describe('Stores (time zone, tax jurisdiction) and the jurisdictions with their rates'),
  loyalty: z
    .object({ loyalty: loyaltySchema.nullable().describe('null: the chain runs no loyalty programme') })
    .describe('Loyalty earning, tiers and rewards'),
  stations: z
    .object({
      stations: z.array(stationSchema).min(1).max(30),
      defaultStation: z.string().min(1).max(32),
    })
    .superRefine((s, ctx) => {
      for (const issue of stationsIssues(s)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    })
    .describe('Kitchen stations and where items are made'),
} as const satisfies Record<ConfigKind, z.ZodType>;

/** One version of one kind of configuration. The edge activates a higher version than its own, whole, or refuses it. */
function configEnvelope<K extends ConfigKind>(kind: K) {
  return z.object({
    kind: z.literal(kind),
    version: z.int().min(1).describe('Grows with each publication of this kind'),
    publishedAt: isoTime,
    document: CONFIG_DOCUMENTS[kind],
  });
}

export const configSchemas = {
  catalog: configEnvelope('catalog'),
  promotions: configEnvelope('promotions'),
  tax: configEnvelope('tax'),
  loyalty: configEnvelope('loyalty'),
  stations: configEnvelope('stations'),
} as const;
export type ConfigMessage<K extends ConfigKind = ConfigKind> = z.infer<(typeof configSchemas)[K]>;
export type ConfigMessageInput<K extends ConfigKind = ConfigKind> = z.input<(typeof configSchemas)[K]>;

/** The edge's answer to a configuration version: active, or refused with the reason. */
export const configAckSchema = z.object({
  kind: z.enum(CONFIG_KINDS),
  version: z.int().min(0),
  status: z.enum(['active', 'refused']),
  reason: z.string().max(500).optional().describe('Why it was refused'),
  details: detailsSchema,
  at: isoTime,
});
export type ConfigAck = z.infer<typeof configAckSchema>;

// ── rpc/req (edge → cloud) and rpc/res (cloud → edge) ───────────────────────────────────────

/** A member's balance as the cloud answers it to a store. */
const memberBalanceResult = z.object({
  memberId: entityId,
  points: z.int().min(0).describe('The balance: the sum of the member’s ledger'),
  tierId: entityId.optional(),
  name: z.string().max(40).optional().describe('First name, to greet the guest'),
  storeSeq: z
    .int()
    .min(0)
    .optional()
    .describe(
      "Every event of the asking store up to this seq is in `points` (the store's own later entries may be too: `storeAbove`)",
    ),
  storeAbove: z
    .int()
    .optional()
    .describe("The points among `points` from the asking store's events after storeSeq (arrived out of order)"),
  phoneHash: keyHashSchema
    .optional()
    .describe("HMAC-SHA256 of memberKey('phone', …) with the chain's member key: the store box's cache key"),
  qrHash: keyHashSchema.optional().describe("HMAC-SHA256 of memberKey('qr', …) with the chain's member key"),
});

/** The most events one `events.since` answer carries (the cloud also keeps it under the topic's byte limit). */
export const MAX_EVENTS_PAGE = 500;

/**
 * A page of the cloud's copy of the asking store's log: its events after `afterSeq`, in seq order,
 * with no gap, up to the cloud's contiguous head `lastSeq` (what restores a store box whose
 * database lost its tail; docs/reliability.md).
 */
const eventsPageResult = z.object({
  lastSeq: z.int().min(0).describe("Every event of the store up to this seq is in the cloud's copy"),
  events: z.array(relayEventSchema).max(MAX_EVENTS_PAGE),
});

/** Every request the edge can make of the cloud: its params and the result it expects. */
export const RPC_METHODS = {
  'events.since': {
    params: z.object({
      afterSeq: z.int().min(0).describe('The page starts after this seq'),
      limit: z.int().min(1).max(MAX_EVENTS_PAGE).default(200),
    }),
    result: eventsPageResult,
  },
  'loyalty.balance': {
    params: z.object({ memberId: entityId }),
    result: memberBalanceResult,
  },
  'loyalty.lookup': {
    params: z
      .object({ phone: e164Schema.optional(), qr: memberQrSchema.optional() })
      .refine((p) => (p.phone === undefined) !== (p.qr === undefined), { message: 'give a phone or a card code' }),
    result: memberBalanceResult,
  },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;
export type RpcMethod = keyof typeof RPC_METHODS;
export const RPC_METHOD_NAMES = Object.keys(RPC_METHODS) as RpcMethod[];
export type RpcParams<M extends RpcMethod> = z.infer<(typeof RPC_METHODS)[M]['params']>;
export type RpcResult<M extends RpcMethod> = z.infer<(typeof RPC_METHODS)[M]['result']>;

export const rpcRequestSchema = z
  .object({
    id: entityId.describe('The correlation id: the response carries it back'),
    method: z.enum(RPC_METHOD_NAMES as [RpcMethod, ...RpcMethod[]]),
    params: z.unknown(),
    at: isoTime,
    expiresAt: isoTime.describe('The edge has given up after this: do not answer later'),
  })
  .superRefine((r, ctx) => {
    const parsed = RPC_METHODS[r.method].params.safeParse(r.params);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: ['params', ...issue.path], message: issue.message });
  });
export type RpcRequest = z.infer<typeof rpcRequestSchema>;

export const rpcResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: entityId, ok: z.literal(true), result: z.unknown().describe("The method's result") }),
  z.object({
    id: entityId,
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string().min(1).max(500) }),
  }),
]);
export type RpcResponse = z.infer<typeof rpcResponseSchema>;
