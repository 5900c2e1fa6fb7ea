/**
 * Staff's discounts, comps and price overrides on an unpaid order. The route verifies a manager's
 * PIN when one comes with the request; the core decides whether one is needed (a discount past
 * the store's limits, any comp, every price override) and answers 403 "needs a manager's
 * approval" with the detail path `override` when it is missing.
 */
import {
  discountBodySchema,
  orderIdParamsSchema,
  orderLineParamsSchema,
  orderViewSchema,
  priceOverrideBodySchema,
  withApproval,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { StaffService } from '../staff/staff-service.js';
import type { OrderService } from './order-service.js';

export function adjustmentRoutes(orders: OrderService, staff: StaffService): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/orders/:id/discount',
      permission: 'order.discount',
      summary:
        "Discount or comp an unpaid order or one of its lines (a manager's PIN on the same request for a comp or past the store's limit)",
      tags: ['orders', 'overrides'],
      params: orderIdParamsSchema,
      body: discountBodySchema,
      response: orderViewSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body, ctx }) => {
        const { override, ...adjustment } = body;
        const cmd = override
          ? withApproval(ctx.command, await staff.approve(ctx.command, 'order.discount', override))
          : ctx.command;
        return orders.discount(cmd, params.id, adjustment);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/orders/:id/lines/:lineId/price',
      permission: 'order.price-override',
      summary:
        "Set the price of one unit of a line of an unpaid order (manager override: a manager's PIN on the same screen)",
      tags: ['orders', 'overrides'],
      params: orderLineParamsSchema,
      body: priceOverrideBodySchema,
      response: orderViewSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body, ctx }) => {
        const approver = await staff.approve(ctx.command, 'order.price-override', body.override);
        return orders.overridePrice(withApproval(ctx.command, approver), params.id, params.lineId, {
          unitPrice: body.unitPrice,
          reason: body.reason,
        });
      },
    }),
  ];
}
