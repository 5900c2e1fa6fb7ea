/**
 * The cloud API under /api/v1: the online ordering routes a guest's app or page calls (menu,
 * quote, place, status; public) and the chain's admin routes (stores, configuration
 * publishing, a store's events; the admin token).
 */
import { z } from 'zod';
import type { ConfigService } from '../configuration/config-service.js';
import type { IngestRepository } from '../ingest/ingest-repository.js';
import type { OnlineOrderService } from '../online/online-order-service.js';
import type { StorePricing } from '../online/store-pricing.js';
import type { StoreRepository } from '../stores/store-repository.js';
import type { StoreService } from '../stores/store-service.js';
import { defineRoute, type AnyRoute } from './route.js';
import {
  channelQuery,
  configBodySchema,
  configKindParams,
  configVersionSchema,
  eventsQuery,
  healthSchema,
  menuSchema,
  orderParams,
  orderViewSchema,
  placeBodyDoc,
  quoteBodySchema,
  quoteSchema,
  storeEventSchema,
  storeParams,
  storesQuery,
  storeViewSchema,
} from './wire.js';

export interface RouteContext {
  stores: StoreService;
  storeRepository: StoreRepository;
  orders: OnlineOrderService;
  pricing: StorePricing;
  config: ConfigService;
  events: IngestRepository;
  health: () => z.input<typeof healthSchema>;
  now: () => Date;
}

export function cloudRoutes(ctx: RouteContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/health',
      summary: 'Whether this instance is connected to the broker, and what it has ingested',
      tags: ['health'],
      response: healthSchema,
      handler: async () => ctx.health(),
    }),
    defineRoute({
      method: 'GET',
      url: '/stores/:storeId/menu',
      summary: "A store's menu on a channel now, from the configuration versions it runs",
      tags: ['online ordering'],
      params: storeParams,
      query: channelQuery,
      response: menuSchema,
      errors: [400, 503],
      handler: async ({ params, query }) => ctx.pricing.menu(params.storeId, query.channel, ctx.now()),
    }),
    defineRoute({
      method: 'POST',
      url: '/stores/:storeId/quote',
      summary:
        "Price a cart with the store's active configuration, as the store will place it: for a loyalty member (their card) with the rewards they redeem; refused (409) for a reward the member cannot take or an item the store does not offer online now",
      tags: ['online ordering'],
      params: storeParams,
      body: quoteBodySchema,
      response: quoteSchema,
      errors: [400, 404, 409, 503],
      handler: async ({ params, body }) => ctx.orders.quote(params.storeId, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/stores/:storeId/orders',
      summary:
        'Place an app or online order (an orders/in message without sentAt): 201 accepted by the store, 202 sent and not answered yet',
      tags: ['online ordering'],
      params: storeParams,
      body: z.record(z.string(), z.unknown()),
      bodyDoc: placeBodyDoc,
      response: orderViewSchema,
      status: 201,
      otherOk: [202],
      errors: [400, 404, 409, 503],
      handler: async ({ params, body }) => {
        const view = await ctx.orders.place(params.storeId, body);
        return { status: view.state === 'accepted' ? 201 : 202, body: view };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/orders/:id',
      summary: "An online order as the guest's page shows it: sent, placed, preparing, ready, picked up",
      tags: ['online ordering'],
      params: orderParams,
      response: orderViewSchema,
      errors: [404],
      handler: async ({ params }) => ctx.orders.view(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/admin/stores',
      summary: 'The chain’s stores: online, taking orders, how far their log has come, what they run',
      tags: ['admin'],
      admin: true,
      query: storesQuery,
      response: z.object({ stores: z.array(storeViewSchema) }),
      errors: [401, 403],
      handler: async ({ query }) => {
        const rows = await ctx.storeRepository.list(query.limit, query.after);
        return {
          stores: rows.map((r) => {
            const reason = ctx.stores.offlineReason(r, r.id);
            return {
              id: r.id,
              status: r.status as 'online' | 'offline' | 'unknown',
              takingOrders: reason === undefined,
              ...(reason ? { reason } : {}),
              lastSeq: r.lastSeq,
              maxSeq: r.maxSeq,
              ...(r.lastSeenAt ? { lastSeenAt: r.lastSeenAt.toISOString() } : {}),
              ...(r.state ? { state: r.state as z.input<typeof storeViewSchema>['state'] } : {}),
            };
          }),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/admin/stores/:storeId/config',
      summary: 'Every configuration version of a store, newest first: pending, active or refused (with the reason)',
      tags: ['admin'],
      admin: true,
      params: storeParams,
      response: z.object({ versions: z.array(configVersionSchema) }),
      errors: [401, 403],
      handler: async ({ params }) => ({ versions: await ctx.config.versions(params.storeId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/admin/stores/:storeId/config/:kind',
      summary: 'Check a configuration document with the core and publish it to the store as a new version (retained)',
      tags: ['admin'],
      admin: true,
      params: configKindParams,
      body: configBodySchema,
      response: configVersionSchema,
      status: 201,
      errors: [400, 401, 403, 409, 503],
      handler: async ({ params, body }) => ctx.config.publish(params.storeId, params.kind, body.document, body.version),
    }),
    defineRoute({
      method: 'GET',
      url: '/admin/stores/:storeId/events',
      summary: "A store's events after a seq, in seq order (the cloud's copy of its log)",
      tags: ['admin'],
      admin: true,
      params: storeParams,
      query: eventsQuery,
      response: z.object({ events: z.array(storeEventSchema) }),
      errors: [401, 403],
      handler: async ({ params, query }) => {
        const rows = await ctx.events.eventsSince(params.storeId, query.after, query.limit);
        return { events: rows.map((e) => ({ ...e, at: e.at.toISOString() })) };
      },
    }),
  ];
}
