import {
  orderIdParamsSchema,
  orderListQuerySchema,
  orderListSchema,
  orderViewSchema,
  placeOrderBodySchema,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { OrderService } from './order-service.js';

export function orderRoutes(orders: OrderService): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/orders',
      summary: 'Place an order (idempotent: the same client-made id is the same order)',
      tags: ['orders'],
      body: placeOrderBodySchema,
      response: orderViewSchema,
      status: 201,
      errors: [200, 400, 409, 413],
      handler: ({ body }) => {
        const { order, created } = orders.place(body);
        return { status: created ? 201 : 200, body: order };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/orders',
      summary: 'Orders by status, with the event-log seq the list is current at',
      tags: ['orders'],
      query: orderListQuerySchema,
      response: orderListSchema,
      handler: ({ query }) => orders.list(query.status),
    }),
    defineRoute({
      method: 'GET',
      url: '/orders/:id',
      summary: 'One order',
      tags: ['orders'],
      params: orderIdParamsSchema,
      response: orderViewSchema,
      errors: [400, 404],
      handler: ({ params }) => orders.get(params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/bump',
      summary: 'Kitchen bump: the order is ready for pickup',
      tags: ['orders', 'kitchen'],
      params: orderIdParamsSchema,
      response: orderViewSchema,
      errors: [400, 404, 409],
      handler: ({ params }) => orders.command(params.id, 'bump'),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/pick-up',
      summary: 'The guest has picked the order up',
      tags: ['orders'],
      params: orderIdParamsSchema,
      response: orderViewSchema,
      errors: [400, 404, 409],
      handler: ({ params }) => orders.command(params.id, 'pick-up'),
    }),
  ];
}
