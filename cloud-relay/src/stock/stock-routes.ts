/**
 * The cloud's stock routes: the marketplace feed (public, like the menu: what a store offers now,
 * throttled by safety stock) and, for the chain's admins, each store's stock, an item across the
 * chain, and the safety stock settings.
 */
import { MAX_STOCK_COUNT, RELAY_STORE_ID } from '@tillbox/core';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../api/route.js';
import { storeParams } from '../api/wire.js';
import type { StorePricing } from '../online/store-pricing.js';
import type { CloudStock } from './stock-service.js';

const itemId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an item id of the menu: lowercase letters, digits and dashes');
const storeId = z.string().regex(RELAY_STORE_ID, 'a store id: lowercase letters, digits and dashes');

const marketplaceQuery = z.object({ store: storeId.describe('The store') });

export const marketplaceFeedSchema = z.object({
  storeId: z.string(),
  at: z.string().describe('When it was worked out'),
  takingOrders: z.boolean().describe('The store is online and taking orders'),
  reason: z.string().optional().describe('Why it is not taking orders'),
  items: z.array(
    z.object({
      itemId: z.string(),
      name: z.string(),
      available: z.boolean().describe('Offer it now'),
      quantity: z
        .int()
        .min(0)
        .optional()
        .describe('For an item the store counts: how many may be sold (on hand above its safety stock)'),
      reason: z.string().optional().describe('Why it is not available'),
    }),
  ),
});

const eightySix = z.object({
  reason: z.enum(['sold-out', 'manual']),
  note: z.string().optional(),
  at: z.string().optional(),
});

const storeStockSchema = z.object({
  storeId: z.string(),
  itemId: z.string(),
  name: z.string(),
  tracked: z.boolean().describe('The store counts it'),
  count: z.int().optional().describe('On hand, as its last stock event in the cloud said'),
  eightySixed: eightySix.optional(),
  safetyStock: z.int().describe('Kept for the guests in the store: online offers only what is above it'),
  offeredOnline: z.boolean(),
  onlineQuantity: z.int().optional(),
});

const chainItemSchema = z.object({
  itemId: z.string(),
  onHand: z.int().describe('On hand across the stores that count it'),
  onlineQuantity: z.int().describe('What the chain may sell online, above each store’s safety stock'),
  storesOffering: z.array(z.string()),
  storesOut: z.array(z.string()).describe('Stores where it is 86’d or at or below its safety stock'),
  stores: z.array(storeStockSchema),
});

const safetySchema = z.object({
  itemId: z.string(),
  storeId: z.string().optional().describe('Absent: the chain’s default for every store without its own'),
  quantity: z.int(),
  updatedAt: z.string(),
});

const safetyBodySchema = z.object({
  storeId: storeId.optional().describe('One store; absent: the chain’s default'),
  quantity: z
    .int()
    .min(0)
    .max(MAX_STOCK_COUNT)
    .nullable()
    .describe('How many to keep for the guests in the store; null removes the setting'),
});

export function stockRoutes(ctx: { stock: CloudStock; pricing: StorePricing; now: () => Date }): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/marketplace/availability',
      summary:
        'The marketplace feed: each item of a store’s menu, available now or not (86’d, at or below its safety stock, outside its hours, the store offline), with how many may be sold of a counted item',
      tags: ['marketplace'],
      query: marketplaceQuery,
      response: marketplaceFeedSchema,
      errors: [400, 503],
      handler: async ({ query }) => {
        const { engine } = await ctx.pricing.engine(query.store);
        return ctx.stock.marketplace(query.store, engine, ctx.now());
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/admin/stores/:storeId/stock',
      summary:
        'A store’s stock as its events said: every item it counts or has 86’d, its safety stock, what is offered online',
      tags: ['admin', 'stock'],
      admin: true,
      params: storeParams,
      response: z.object({ items: z.array(storeStockSchema) }),
      errors: [401, 403],
      handler: async ({ params }) => {
        const engine = await ctx.pricing.engine(params.storeId).then(
          (e) => e.engine,
          () => undefined, // names from the events when the cloud does not know the store's menu
        );
        return { items: await ctx.stock.storeStock(params.storeId, engine) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/admin/stock/items/:itemId',
      summary: 'One item across the chain: each store’s count and 86, what is offered online, the totals',
      tags: ['admin', 'stock'],
      admin: true,
      params: z.object({ itemId }),
      response: chainItemSchema,
      errors: [400, 401, 403],
      handler: async ({ params }) => ctx.stock.chainItem(params.itemId),
    }),
    defineRoute({
      method: 'GET',
      url: '/admin/stock/safety',
      summary: 'Every safety stock setting: per item, the chain’s default and each store’s own',
      tags: ['admin', 'stock'],
      admin: true,
      response: z.object({ settings: z.array(safetySchema) }),
      errors: [401, 403],
      handler: async () => ({ settings: await ctx.stock.safetyList() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/admin/stock/safety/:itemId',
      summary:
        'Set an item’s safety stock, for one store or the chain: online ordering and the marketplace offer it only above it',
      tags: ['admin', 'stock'],
      admin: true,
      params: z.object({ itemId }),
      body: safetyBodySchema,
      response: z.object({ settings: z.array(safetySchema) }),
      errors: [400, 401, 403],
      handler: async ({ params, body }) => {
        await ctx.stock.setSafety(params.itemId, body.storeId, body.quantity);
        return { settings: (await ctx.stock.safetyList()).filter((s) => s.itemId === params.itemId) };
      },
    }),
  ];
}
