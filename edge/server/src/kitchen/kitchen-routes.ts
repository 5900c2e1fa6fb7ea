import {
  kitchenConfigSchema,
  orderViewSchema,
  recallListSchema,
  stationParamsSchema,
  ticketItemParamsSchema,
  ticketParamsSchema,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { KitchenService } from './kitchen-service.js';

export function kitchenRoutes(kitchen: KitchenService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/kitchen/config',
      summary: 'Stations, timer thresholds, bump bar keys and display times for the kitchen screens',
      tags: ['kitchen'],
      response: kitchenConfigSchema,
      handler: () => kitchen.config,
    }),
    defineRoute({
      method: 'POST',
      url: '/tickets/:id/bump',
      summary: 'Bump a station ticket (all its items are done)',
      tags: ['kitchen'],
      params: ticketParamsSchema,
      response: orderViewSchema,
      errors: [400, 404, 409],
      handler: ({ params }) => kitchen.ticketCommand(params.id, 'bump'),
    }),
    defineRoute({
      method: 'POST',
      url: '/tickets/:id/recall',
      summary: 'Bring a bumped ticket back to its station (and the order back from ready)',
      tags: ['kitchen'],
      params: ticketParamsSchema,
      response: orderViewSchema,
      errors: [400, 404, 409],
      handler: ({ params }) => kitchen.ticketCommand(params.id, 'recall'),
    }),
    defineRoute({
      method: 'POST',
      url: '/tickets/:id/items/:lineId/bump',
      summary: 'Bump one item of a ticket; bumping the last one bumps the ticket',
      tags: ['kitchen'],
      params: ticketItemParamsSchema,
      response: orderViewSchema,
      errors: [400, 404, 409],
      handler: ({ params }) => kitchen.ticketCommand(params.id, 'bump-item', params.lineId),
    }),
    defineRoute({
      method: 'POST',
      url: '/tickets/:id/items/:lineId/unbump',
      summary: 'Take back an item bump',
      tags: ['kitchen'],
      params: ticketItemParamsSchema,
      response: orderViewSchema,
      errors: [400, 404, 409],
      handler: ({ params }) => kitchen.ticketCommand(params.id, 'unbump-item', params.lineId),
    }),
    defineRoute({
      method: 'GET',
      url: '/kitchen/stations/:station/recall',
      summary: 'Tickets this station bumped recently, newest first, that can be recalled',
      tags: ['kitchen'],
      params: stationParamsSchema,
      response: recallListSchema,
      errors: [404],
      handler: ({ params }) => kitchen.recallList(params.station),
    }),
    defineRoute({
      method: 'POST',
      url: '/kitchen/stations/:station/undo',
      summary: 'Undo the last bump at this station',
      tags: ['kitchen'],
      params: stationParamsSchema,
      response: orderViewSchema,
      errors: [404, 409],
      handler: ({ params }) => kitchen.undo(params.station),
    }),
  ];
}
