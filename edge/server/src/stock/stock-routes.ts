/**
 * The stock API. Every selling and kitchen screen reads the sold-out list (and follows the stream
 * topic `stock`); staff receive, write off and count counted items, and 86 any item or put it
 * back. Who may do which is the core's permission table (`stock.*`); each change is audited.
 */
import {
  stock86BodySchema,
  stockCountBodySchema,
  stockItemParamsSchema,
  stockItemViewSchema,
  stockListSchema,
  stockReceiveBodySchema,
  stockWasteBodySchema,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { StockService } from './stock-service.js';

const tags = ['stock'];

export function stockRoutes(stock: StockService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/stock',
      permission: 'stock.read',
      summary:
        'Every item the store counts or has taken off sale (86’d), with the seq to follow the stream topic `stock` from',
      tags,
      response: stockListSchema,
      handler: () => stock.list(),
    }),
    defineRoute({
      method: 'GET',
      url: '/stock/:itemId',
      permission: 'stock.read',
      summary: 'One item’s stock: counted or not, how many on hand, 86’d or not',
      tags,
      params: stockItemParamsSchema,
      response: stockItemViewSchema,
      errors: [400, 404],
      handler: ({ params }) => stock.get(params.itemId),
    }),
    defineRoute({
      method: 'POST',
      url: '/stock/:itemId/receive',
      permission: 'stock.receive',
      summary: 'A delivery or a fresh batch of a counted item put on the shelf (puts a sold-out item back on sale)',
      tags,
      params: stockItemParamsSchema,
      body: stockReceiveBodySchema,
      response: stockItemViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, body, ctx }) =>
        stock.act(ctx.command, params.itemId, {
          kind: 'receive',
          quantity: body.quantity,
          ...(body.note ? { note: body.note } : {}),
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/stock/:itemId/waste',
      permission: 'stock.waste',
      summary: 'Stock of a counted item written off, with why (never more than is on hand)',
      tags,
      params: stockItemParamsSchema,
      body: stockWasteBodySchema,
      response: stockItemViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, body, ctx }) =>
        stock.act(ctx.command, params.itemId, { kind: 'waste', quantity: body.quantity, reason: body.reason }),
    }),
    defineRoute({
      method: 'POST',
      url: '/stock/:itemId/count',
      permission: 'stock.count',
      summary: 'What is there, counted: sets the count (86’d at zero) and starts counting an item that was not',
      tags,
      params: stockItemParamsSchema,
      body: stockCountBodySchema,
      response: stockItemViewSchema,
      errors: [400, 403, 404],
      handler: ({ params, body, ctx }) => stock.act(ctx.command, params.itemId, { kind: 'count', count: body.count }),
    }),
    defineRoute({
      method: 'POST',
      url: '/stock/:itemId/untrack',
      permission: 'stock.count',
      summary: 'Stop counting an item (it stays on the menu; a sold-out 86 is lifted)',
      tags,
      params: stockItemParamsSchema,
      response: stockItemViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, ctx }) => stock.act(ctx.command, params.itemId, { kind: 'untrack' }),
    }),
    defineRoute({
      method: 'POST',
      url: '/stock/:itemId/86',
      permission: 'stock.86',
      summary: '86 an item: off sale on every screen until someone puts it back (counted or not)',
      tags,
      params: stockItemParamsSchema,
      body: stock86BodySchema,
      response: stockItemViewSchema,
      errors: [400, 403, 404],
      handler: ({ params, body, ctx }) =>
        stock.act(ctx.command, params.itemId, { kind: '86', ...(body.note ? { note: body.note } : {}) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/stock/:itemId/un-86',
      permission: 'stock.86',
      summary: 'Put an 86’d item back on sale (a counted item needs one or more on hand)',
      tags,
      params: stockItemParamsSchema,
      response: stockItemViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, ctx }) => stock.act(ctx.command, params.itemId, { kind: 'un-86' }),
    }),
  ];
}
