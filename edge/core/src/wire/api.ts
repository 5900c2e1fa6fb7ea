/**
 * Bodies of the JSON API under /api/v1. The edge parses every request with these schemas and
 * the OpenAPI document is generated from them, so the two cannot drift.
 */
import { z } from 'zod';
import { localizedText } from '../i18n.js';
import { ORDER_STATUSES } from '../order-lifecycle.js';
import { UUID_V7 } from '../ids.js';

const catalogId = z.string().min(1).max(64);

export const CHANNELS = ['kiosk', 'counter', 'app', 'online', 'marketplace'] as const;
export const ORDER_TYPES = ['dine-in', 'takeout', 'pickup', 'delivery'] as const;

export const cartModifierSchema = z.object({
  groupId: catalogId,
  optionId: catalogId,
});

export const cartLineSchema = z.object({
  itemId: catalogId,
  variantId: catalogId.optional(),
  modifiers: z.array(cartModifierSchema).max(40).default([]),
  quantity: z.int().min(1, 'quantity must be at least 1').max(99, 'quantity must be at most 99'),
  note: z.string().max(140).optional(),
});
export type CartLine = z.infer<typeof cartLineSchema>;
export type CartLineInput = z.input<typeof cartLineSchema>;

export const placeOrderBodySchema = z
  .object({
    id: z
      .string()
      .regex(UUID_V7, 'id must be a UUIDv7 made by the client')
      .describe('Client-made UUIDv7; the idempotency key'),
    channel: z.enum(CHANNELS).default('kiosk'),
    orderType: z.enum(ORDER_TYPES).default('takeout'),
    guestName: z.string().trim().max(40).optional(),
    lines: z.array(cartLineSchema).min(1, 'an order needs at least one line').max(100),
  })
  .describe('Place an order');
export type PlaceOrderBody = z.infer<typeof placeOrderBodySchema>;
export type PlaceOrderInput = z.input<typeof placeOrderBodySchema>;

const minor = z.int();

export const pricedModifierSchema = z.object({
  groupId: z.string(),
  optionId: z.string(),
  name: localizedText,
  price: minor,
});

export const pricedLineSchema = z.object({
  lineId: z.string(),
  itemId: z.string(),
  variantId: z.string().optional(),
  name: localizedText,
  variantName: localizedText.optional(),
  modifiers: z.array(pricedModifierSchema),
  quantity: z.int(),
  note: z.string().optional(),
  station: z.string(),
  allergens: z.array(z.string()),
  unitPrice: minor.describe('Item or variant price plus modifier upcharges, minor units'),
  lineTotal: minor.describe('unitPrice × quantity, minor units'),
});
export type PricedLine = z.infer<typeof pricedLineSchema>;

export const totalsSchema = z.object({
  currency: z.string(),
  subtotal: minor,
  total: minor,
});
export type Totals = z.infer<typeof totalsSchema>;

export const orderViewSchema = z
  .object({
    id: z.string(),
    number: z.int().describe('Order number to call out, unique per business day'),
    businessDay: z.string(),
    status: z.enum(ORDER_STATUSES),
    channel: z.enum(CHANNELS),
    orderType: z.enum(ORDER_TYPES),
    guestName: z.string().optional(),
    lines: z.array(pricedLineSchema),
    totals: totalsSchema,
    placedAt: z.string().describe('ISO 8601'),
    firedAt: z.string().optional(),
    readyAt: z.string().optional(),
    pickedUpAt: z.string().optional(),
  })
  .describe('An order as the screens show it');
export type OrderView = z.infer<typeof orderViewSchema>;

export const orderListSchema = z.object({
  seq: z.int().describe('The event log position this list is current at; subscribe from it'),
  orders: z.array(orderViewSchema),
});
export type OrderList = z.infer<typeof orderListSchema>;

export const orderListQuerySchema = z.object({
  status: z
    .enum(['open', ...ORDER_STATUSES])
    .default('open')
    .describe('"open" lists every order still in the kitchen or on the pickup board'),
});

export const orderIdParamsSchema = z.object({
  id: z.string().regex(UUID_V7, 'id must be a UUIDv7'),
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string().optional(), message: z.string() })),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  storeId: z.string(),
  seq: z.int(),
  uptimeSeconds: z.number(),
  db: z.object({ ok: z.boolean(), path: z.string() }),
  streamClients: z.int(),
});
export type Health = z.infer<typeof healthSchema>;
