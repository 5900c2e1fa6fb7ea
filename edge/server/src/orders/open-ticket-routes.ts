/**
 * The counter's routes on a placed order: open tickets (hold, recall onto a counter, hand over,
 * list), lines added to it, and splitting its bill. The rules are the core's; a refusal names why.
 */
import {
  addLinesBodySchema,
  openTicketsQuerySchema,
  openTicketsSchema,
  orderIdParamsSchema,
  orderViewSchema,
  splitBodySchema,
  TillboxError,
  transferBodySchema,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { StaffService } from '../staff/staff-service.js';
import type { OpenTicketService } from './open-ticket-service.js';

export function openTicketRoutes(tickets: OpenTicketService, staff: StaffService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/open-tickets',
      permission: 'order.hold',
      summary: 'Held open tickets, oldest held first (`owner`: one staff member’s; `me`: the one signed in)',
      tags: ['orders', 'open tickets'],
      query: openTicketsQuerySchema,
      response: openTicketsSchema,
      handler: ({ query, ctx }) => {
        const owner = query.owner === 'me' ? ctx.staff?.id : query.owner;
        return tickets.list(ctx.command, owner);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/hold',
      permission: 'order.hold',
      summary:
        'Hold an unpaid (or partly paid) counter order as an open ticket: off this counter, owned by whoever owns it already, else by the staff member holding it',
      tags: ['orders', 'open tickets'],
      params: orderIdParamsSchema,
      response: orderViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, ctx }) => tickets.hold(ctx.command, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/resume',
      permission: 'order.hold',
      summary: 'Recall a held open ticket onto this counter (its owner stays)',
      tags: ['orders', 'open tickets'],
      params: orderIdParamsSchema,
      response: orderViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, ctx }) => tickets.resume(ctx.command, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/transfer',
      permission: 'order.transfer',
      summary: 'Hand an open ticket to another staff member (audited)',
      tags: ['orders', 'open tickets'],
      params: orderIdParamsSchema,
      body: transferBodySchema,
      response: orderViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, body, ctx }) => {
        const to = staff.list().find((s) => s.id === body.toStaffId && s.active);
        if (!to)
          throw new TillboxError('not-found', `no active staff member ${body.toStaffId} to hand the ticket to`, {
            details: [{ path: 'toStaffId', message: 'an active staff member' }],
          });
        return tickets.transfer(ctx.command, params.id, { staffId: to.id, name: to.name }, body.reason);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/lines',
      permission: 'order.add-lines',
      summary:
        'Add lines to a placed, unpaid order: priced with its other lines as placing it whole would; fired as another round if it is in the kitchen',
      tags: ['orders', 'open tickets'],
      params: orderIdParamsSchema,
      body: addLinesBodySchema,
      response: orderViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, body, ctx }) => tickets.addLines(ctx.command, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/split',
      permission: 'order.split',
      summary:
        'Split the bill evenly into N parts or by lines (every line in one part), or make it one bill again; only before any payment. Each part is then paid on its own: pay with `part`',
      tags: ['orders', 'payments'],
      params: orderIdParamsSchema,
      body: splitBodySchema,
      response: orderViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, body, ctx }) => tickets.split(ctx.command, params.id, body),
    }),
  ];
}
