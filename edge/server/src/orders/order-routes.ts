import {
  orderIdParamsSchema,
  orderListQuerySchema,
  orderListSchema,
  orderViewSchema,
  payBodySchema,
  placeOrderBodySchema,
  type Permission,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { KitchenService } from '../kitchen/kitchen-service.js';
import type { PaymentService } from '../payments/payment-service.js';
import type { FrontCommand, OrderService } from './order-service.js';

const COMMANDS: { command: FrontCommand; permission: Permission; summary: string }[] = [
  { command: 'fire', permission: 'order.fire', summary: 'Send the order to the kitchen now (e.g. a counter order before it is paid)' },
  { command: 'pick-up', permission: 'order.pick-up', summary: 'The guest has picked the order up' },
  { command: 'complete', permission: 'order.complete', summary: 'A dine-in order served, or a delivery handed to the courier' },
  { command: 'cancel', permission: 'order.cancel', summary: 'Cancel an order that is neither paid nor in the kitchen' },
];

export function orderRoutes(orders: OrderService, kitchen: KitchenService, payments: PaymentService): AnyRoute[] {
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
        const { order, created } = await orders.placeQueued(ctx.command, body);
        return { status: created ? 201 : 200, body: order };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/orders',
      permission: 'order.list',
      summary: 'Orders by status, with the event-log seq the list is current at',
      tags: ['orders'],
      query: orderListQuerySchema,
      response: orderListSchema,
      handler: ({ query, ctx }) => orders.list(ctx.command, query.status, query.day),
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
      summary: 'Pay the order in full: by card on the store pinpad, or in cash (fires it if it waits for payment)',
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
