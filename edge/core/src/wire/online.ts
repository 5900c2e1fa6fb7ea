/**
 * The cloud relay's online ordering API (`cloud-relay/src/api/`), as the guest's page reads it:
 * a store's menu with the pricing rules it runs (so the page prices a cart with the same engine),
 * a quote of a cart, and an online order as the guest sees it. The cloud declares its routes
 * with these; the page (`web/src/lib/online/`) parses every answer with them.
 */
import { z } from 'zod';
import { ORDER_TYPES } from '../channels.js';
import { commerceCatalogSchema } from '../commerce/catalog-schema.js';
import { entityId } from '../commerce/common.js';
import { pricingRulesSchema } from '../commerce/rules-schema.js';
import { activeConfigSchema, INBOUND_CHANNELS } from '../relay/payloads.js';
import { placedLineSchema } from '../events/catalogue.js';
import { memberQrSchema } from '../loyalty/members.js';
import { orderPricingSchema, placeOrderBodySchema, totalsSchema } from './api.js';

/** What the guest's page shows of an online order. */
export const ONLINE_ORDER_PHASES = [
  'sent',
  'rejected',
  'placed',
  'preparing',
  'ready',
  'picked-up',
  'cancelled',
] as const;
export type OnlineOrderPhase = (typeof ONLINE_ORDER_PHASES)[number];

export const onlineMenuSchema = z.object({
  storeId: z.string(),
  channel: z.enum(INBOUND_CHANNELS),
  at: z.string(),
  versions: activeConfigSchema.describe('The configuration versions the store runs, which this menu is'),
  currency: z.string(),
  catalog: commerceCatalogSchema,
  rules: pricingRulesSchema.describe(
    'The pricing rules the store runs (promotions, tax, loyalty): a page prices a cart with the same engine',
  ),
  availability: z.array(z.object({ itemId: z.string(), available: z.boolean(), reason: z.string().optional() })),
});
export type OnlineMenu = z.infer<typeof onlineMenuSchema>;

/**
 * The loyalty member an online order is for and the rewards they redeem. The guest proves they
 * hold the card by its code (the text of its QR code, a secret); the cloud prices the rewards
 * against the member's balance in its ledger less what their other online orders still hold.
 */
export const onlineLoyaltySchema = z.object({
  card: memberQrSchema.describe("The member's loyalty card code (its QR code's text, TBXM1-…)"),
  rewards: z
    .array(entityId)
    .max(10)
    .default([])
    .describe('Loyalty rewards the member redeems (ids of the store’s loyalty rules)'),
});
export type OnlineLoyalty = z.infer<typeof onlineLoyaltySchema>;

export const onlineQuoteBodySchema = z.object({
  channel: z.enum(INBOUND_CHANNELS).default('online'),
  orderType: z.enum(ORDER_TYPES).default('pickup'),
  lines: placeOrderBodySchema.shape.lines.describe(
    'The cart; lines without a lineId get one (place the order with the same ids: they decide how a discount is split)',
  ),
  loyalty: onlineLoyaltySchema.optional().describe('Price it for a loyalty member, with the rewards they redeem'),
});
export type OnlineQuoteBody = z.input<typeof onlineQuoteBodySchema>;

/** The member a quote was priced for: their points as the cloud's ledger has them. */
export const onlineMemberSchema = z.object({
  memberId: z.string(),
  name: z.string().optional(),
  tierId: z.string().optional(),
  points: z.int().describe("The balance in the cloud's ledger"),
  held: z.int().min(0).describe('Points the member’s other online orders are redeeming, not in the ledger yet'),
  available: z.int().min(0).describe('What may be redeemed now: points − held'),
  redeemed: z.int().min(0).describe('Points the rewards of this cart cost'),
});
export type OnlineMember = z.infer<typeof onlineMemberSchema>;

export const onlineQuoteSchema = z.object({
  storeId: z.string(),
  at: z.string().describe('The moment it was priced'),
  versions: activeConfigSchema,
  catalogVersion: z.int(),
  lines: z.array(placedLineSchema).describe('Each line as the store will place it, with its lineId'),
  totals: totalsSchema,
  pricing: orderPricingSchema,
  loyalty: onlineMemberSchema.optional().describe('The member it was priced for'),
});
export type OnlineQuote = z.infer<typeof onlineQuoteSchema>;

export const onlineOrderViewSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  channel: z.string(),
  state: z.enum(['pending', 'accepted', 'rejected']).describe('pending: the store has not answered yet'),
  phase: z.enum(ONLINE_ORDER_PHASES).describe("The guest's view: sent, placed, preparing, ready, picked-up, cancelled"),
  number: z.int().optional().describe('The number the store calls out'),
  totals: totalsSchema,
  paid: z.boolean().optional(),
  status: z.string().optional().describe("The store's last status: fired, ready, picked-up, …"),
  code: z.string().optional(),
  reason: z.string().optional(),
  createdAt: z.string(),
  answeredAt: z.string().optional(),
});
export type OnlineOrderView = z.infer<typeof onlineOrderViewSchema>;
