/**
 * The cash drawer API. A counter screen works the drawer it takes cash into; an admin screen
 * (shift lead and up) any drawer. Closing with a variance past the store's threshold needs a
 * manager's PIN on the same screen: with the count, or afterwards on `/close`.
 */
import {
  drawerCloseBodySchema,
  drawerCountBodySchema,
  drawerListSchema,
  drawerMoveBodySchema,
  drawerParamsSchema,
  drawerSessionsQuerySchema,
  drawerSessionsSchema,
  drawerSessionViewSchema,
  drawerViewSchema,
  noSaleBodySchema,
  openDrawerBodySchema,
  withApproval,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { StaffService } from '../staff/staff-service.js';
import type { CashService } from './cash-service.js';

export function cashRoutes(cash: CashService, staff: StaffService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/drawers',
      permission: 'drawer.read',
      summary:
        'The cash drawers with their sessions not yet closed (blind: no expected cash), and this screen’s drawer',
      tags: ['cash'],
      response: drawerListSchema,
      handler: ({ ctx }) => cash.list(ctx.device),
    }),
    defineRoute({
      method: 'GET',
      url: '/drawers/:id',
      permission: 'drawer.read',
      summary: 'One drawer with its session not yet closed',
      tags: ['cash'],
      params: drawerParamsSchema,
      response: drawerViewSchema,
      errors: [400, 404],
      handler: ({ params }) => cash.get(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/drawers/:id/sessions',
      permission: 'drawer.read',
      summary:
        'Closed sessions of a drawer, newest first: float, cash in and out, expected, counted, variance, approver',
      tags: ['cash'],
      params: drawerParamsSchema,
      query: drawerSessionsQuerySchema,
      response: drawerSessionsSchema,
      errors: [400, 404],
      handler: ({ params, query }) => ({ sessions: cash.sessions(params.id, query.limit) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/drawers/:id/open',
      permission: 'drawer.open',
      summary: 'Open the drawer with its float, counted by denomination or as an amount (kicks the drawer open)',
      tags: ['cash'],
      params: drawerParamsSchema,
      body: openDrawerBodySchema,
      response: drawerSessionViewSchema,
      status: 201,
      errors: [400, 403, 404, 409],
      handler: ({ params, body, ctx }) => ({
        status: 201,
        body: cash.open(ctx.command, ctx.device, params.id, body),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/drawers/:id/moves',
      permission: 'drawer.move',
      summary:
        'Pay cash in or out of the open drawer (with a reason), or drop cash to the safe (kicks the drawer open)',
      tags: ['cash'],
      params: drawerParamsSchema,
      body: drawerMoveBodySchema,
      response: drawerSessionViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, body, ctx }) => cash.move(ctx.command, ctx.device, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/drawers/:id/no-sale',
      permission: 'drawer.no-sale',
      summary: 'Open the drawer without a sale (audited; kicks the drawer open)',
      tags: ['cash'],
      params: drawerParamsSchema,
      body: noSaleBodySchema,
      response: drawerSessionViewSchema,
      errors: [400, 403, 404, 409],
      handler: ({ params, body, ctx }) => cash.noSale(ctx.command, ctx.device, params.id, body.reason),
    }),
    defineRoute({
      method: 'POST',
      url: '/drawers/:id/count',
      permission: 'drawer.close',
      summary:
        "The blind count by denomination: closes the drawer when the variance is within the store's threshold, else it waits for a manager (or comes with one)",
      tags: ['cash', 'overrides'],
      params: drawerParamsSchema,
      body: drawerCountBodySchema,
      response: drawerSessionViewSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body, ctx }) => {
        const cmd = body.override
          ? withApproval(ctx.command, await staff.approve(ctx.command, 'drawer.close', body.override))
          : ctx.command;
        return cash.count(cmd, ctx.device, params.id, body.count);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/drawers/:id/close',
      permission: 'drawer.close',
      summary: "A manager approves a counted drawer's variance with their PIN, closing it",
      tags: ['cash', 'overrides'],
      params: drawerParamsSchema,
      body: drawerCloseBodySchema,
      response: drawerSessionViewSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body, ctx }) => {
        const approver = await staff.approve(ctx.command, 'drawer.close', body.override);
        return cash.close(withApproval(ctx.command, approver), ctx.device, params.id);
      },
    }),
  ];
}
