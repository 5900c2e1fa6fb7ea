import {
  kitchenConfigSchema,
  orderViewSchema,
  recallListSchema,
  stationParamsSchema,
  ticketItemParamsSchema,
  ticketParamsSchema,
  type Permission,
  type TicketCommand,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { KitchenService } from './kitchen-service.js';

const TICKET_ROUTES: { path: string; command: TicketCommand; permission: Permission; summary: string }[] = [
  {
    path: 'bump',
    command: 'bump',
    permission: 'ticket.bump',
    summary: 'Bump a station ticket (all its items are done)',
  },
  {
    path: 'recall',
    command: 'recall',
    permission: 'ticket.recall',
    summary: 'Bring a bumped ticket back to its station (and the order back from ready)',
  },
];

const ITEM_ROUTES: { path: string; command: TicketCommand; permission: Permission; summary: string }[] = [
  {
    path: 'bump',
    command: 'bump-item',
    permission: 'ticket.bump',
    summary: 'Bump one item of a ticket; bumping the last one bumps the ticket',
  },
  { path: 'unbump', command: 'unbump-item', permission: 'ticket.bump', summary: 'Take back an item bump' },
];

export function kitchenRoutes(kitchen: KitchenService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/kitchen/config',
      permission: 'kitchen.read',
      summary: 'Stations, timer thresholds, bump bar keys and display times for the kitchen screens',
      tags: ['kitchen'],
      response: kitchenConfigSchema,
      handler: () => kitchen.config,
    }),
    ...TICKET_ROUTES.map(({ path, command, permission, summary }) =>
      defineRoute({
        method: 'POST',
        url: `/tickets/:id/${path}`,
        permission,
        summary,
        tags: ['kitchen'],
        params: ticketParamsSchema,
        response: orderViewSchema,
        errors: [400, 404, 409],
        handler: ({ params, ctx }) => kitchen.ticketCommand(ctx.command, params.id, command),
      }),
    ),
    ...ITEM_ROUTES.map(({ path, command, permission, summary }) =>
      defineRoute({
        method: 'POST',
        url: `/tickets/:id/items/:lineId/${path}`,
        permission,
        summary,
        tags: ['kitchen'],
        params: ticketItemParamsSchema,
        response: orderViewSchema,
        errors: [400, 404, 409],
        handler: ({ params, ctx }) => kitchen.ticketCommand(ctx.command, params.id, command, params.lineId),
      }),
    ),
    defineRoute({
      method: 'GET',
      url: '/kitchen/stations/:station/recall',
      permission: 'ticket.recall',
      summary: 'Tickets this station bumped recently, newest first, that can be recalled',
      tags: ['kitchen'],
      params: stationParamsSchema,
      response: recallListSchema,
      errors: [404],
      handler: ({ params, ctx }) => kitchen.recallList(ctx.command, params.station),
    }),
    defineRoute({
      method: 'POST',
      url: '/kitchen/stations/:station/undo',
      permission: 'ticket.recall',
      summary: 'Undo the last bump at this station',
      tags: ['kitchen'],
      params: stationParamsSchema,
      response: orderViewSchema,
      errors: [404, 409],
      handler: ({ params, ctx }) => kitchen.undo(ctx.command, params.station),
    }),
  ];
}
