import {
  orderIdParamsSchema,
  orderListQuerySchema,
  orderListSchema,
  orderViewSchema,
  payBodySchema,
  placeOrderBodySchema,
  authorize,
  refundBodySchema,
  TillboxError,
  voidBodySchema,
  withApproval,
  type Permission,
} from '@tillbox/core';
import { defineRoute, type AnyRoute, type RequestContext } from '../api/route.js';
import type { StaffService } from '../staff/staff-service.js';
import type { KitchenService } from '../kitchen/kitchen-service.js';
import type { PaymentService } from '../payments/payment-service.js';
import type { FrontCommand, OrderService } from './order-service.js';

const COMMANDS: { command: FrontCommand; permission: Permission; summary: string }[] = [
  {
    command: 'fire',
    permission: 'order.fire',
    summary: 'Send the order to the kitchen now (e.g. a counter order before it is paid)',
  },
  { command: 'pick-up', permission: 'order.pick-up', summary: 'The guest has picked the order up' },
  {
    command: 'complete',
    permission: 'order.complete',
    summary: 'A dine-in order served, or a delivery handed to the courier',
  },
  { command: 'cancel', permission: 'order.cancel', summary: 'Cancel an order that is neither paid nor in the kitchen' },
];

/** Bringing in an order already paid elsewhere is the relay's alone (checked before anything is priced). */
function checkPrepaid(ctx: RequestContext, body: { payment?: unknown }): void {
  if (body.payment === undefined) return;
  const verdict = authorize('order.place-prepaid', ctx.device, ctx.staff);
  if (!verdict.ok) throw new TillboxError('forbidden', verdict.reason);
}

export function orderRoutes(
  orders: OrderService,
  kitchen: KitchenService,
  payments: PaymentService,
  staff: StaffService,
): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/orders',
      permission: 'order.place',
      summary: 'Place an order (idempotent: the same client-made id is the same order)',
      tags: ['orders'],
      body: placeOrderBodySchema,
      response: orderViewSchema,
      status: 201,
      errors: [200, 400, 409, 413],
      handler: async ({ body, ctx }) => {
        checkPrepaid(ctx, body);
        const { order, created } = await orders.placeQueued(ctx.command, body);
        return { status: created ? 201 : 200, body: order };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/orders',
      permission: 'order.list',
      summary:
        'Orders by status (or what a kitchen or pickup screen shows), oldest first, a page at a time: follow `next`; subscribe from the first page’s seq',
      tags: ['orders'],
      query: orderListQuerySchema,
      response: orderListSchema,
      handler: ({ query, ctx }) => orders.list(ctx.command, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/orders/:id',
      permission: 'order.read',
      summary: 'One order',
      tags: ['orders'],
      params: orderIdParamsSchema,
      response: orderViewSchema,
      errors: [400, 404],
      handler: ({ params, ctx }) => orders.get(ctx.command, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/pay',
      permission: 'order.pay',
      summary:
        'Take a payment: all that is due, or part of it (split tender: pay again for the rest), or a part of a split bill (`part`); card (with a tip, or the pinpad asks), cash (change only on the cash that pays the rest) or an external tender. Paid in full, it fires if it waits for payment',
      tags: ['orders', 'payments'],
      params: orderIdParamsSchema,
      body: payBodySchema,
      response: orderViewSchema,
      errors: [400, 402, 404, 409],
      handler: ({ params, body, ctx }) => payments.pay(ctx.command, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/ready',
      permission: 'order.ready',
      summary: 'Expo: the order is ready (bumps any station that has not)',
      tags: ['orders', 'kitchen'],
      params: orderIdParamsSchema,
      response: orderViewSchema,
      errors: [400, 404, 409],
      handler: ({ params, ctx }) => kitchen.expoReady(ctx.command, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/void',
      permission: 'order.void',
      summary: "Void an unpaid order (manager override: a manager's PIN on the same screen)",
      tags: ['orders', 'overrides'],
      params: orderIdParamsSchema,
      body: voidBodySchema,
      response: orderViewSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body, ctx }) => {
        const approver = await staff.approve(ctx.command, 'order.void', body.override);
        return orders.voidOrder(withApproval(ctx.command, approver), params.id, body.reason);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/refund',
      permission: 'order.refund',
      summary:
        "Refund a paid order, whole (tips too) or by lines, to its original tenders — never more to a tender than it gave; `to` names the tenders — or give back what a partly paid order took (then it can be voided). Manager override: a manager's PIN on the same screen",
      tags: ['orders', 'payments', 'overrides'],
      params: orderIdParamsSchema,
      body: refundBodySchema,
      response: orderViewSchema,
      errors: [400, 401, 402, 403, 404, 409],
      handler: async ({ params, body, ctx }) => {
        const approver = await staff.approve(ctx.command, 'order.refund', body.override);
        return payments.refund(withApproval(ctx.command, approver), params.id, {
          reason: body.reason,
          ...(body.lines ? { lines: body.lines } : {}),
          ...(body.to ? { to: body.to } : {}),
        });
      },
    }),
    ...COMMANDS.map(({ command, permission, summary }) =>
      defineRoute({
        method: 'POST',
        url: `/orders/:id/${command}`,
        permission,
        summary,
        tags: ['orders'],
        params: orderIdParamsSchema,
        response: orderViewSchema,
        errors: [400, 404, 409],
        handler: ({ params, ctx }) => orders.command(ctx.command, params.id, command),
      }),
    ),
  ];
}
