/**
 * E-receipts: a screen asks for an order's receipt link (for the QR code it shows, or prints),
 * and a guest's phone reads the receipt with it. Reading is public — no paired screen, no staff —
 * but only with the link's token; a wrong token and an unknown order get the same 404, so the
 * route says nothing about which orders exist.
 */
import {
  eReceiptLinkSchema,
  eReceiptOf,
  eReceiptSchema,
  orderIdParamsSchema,
  receiptParamsSchema,
  receiptQuerySchema,
  SYSTEM_CONTEXT,
  TillboxError,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { OrderService } from '../orders/order-service.js';
import type { ReceiptLinks } from './receipt-links.js';

const NO_RECEIPT = 'There is no receipt at this link: check the address, or ask at the counter.';

export function receiptRoutes(
  orders: OrderService,
  links: ReceiptLinks,
  store: { name: string; timeZone: string },
): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/orders/:id/e-receipt',
      permission: 'order.read',
      summary: 'The link of an order’s e-receipt on the store box’s LAN page (the QR code on its receipt)',
      tags: ['orders', 'receipts'],
      params: orderIdParamsSchema,
      response: eReceiptLinkSchema,
      errors: [400, 403, 404],
      handler: ({ params, ctx }) => {
        const order = orders.get(ctx.command, params.id);
        return { url: links.url(order.id), path: links.path(order.id) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/receipts/:id',
      permission: 'public',
      summary:
        'An order’s receipt for its guest (public, with the token of its link: `t`): lines, discounts, taxes, tenders, tip and change; nothing about staff',
      tags: ['receipts'],
      params: receiptParamsSchema,
      query: receiptQuerySchema,
      response: eReceiptSchema,
      errors: [400, 404],
      handler: ({ params, query }) => {
        if (!links.verify(params.id, query.t)) throw new TillboxError('not-found', NO_RECEIPT);
        let order;
        try {
          order = orders.get(SYSTEM_CONTEXT, params.id);
        } catch (e) {
          if (e instanceof TillboxError && e.code === 'not-found') throw new TillboxError('not-found', NO_RECEIPT);
          throw e;
        }
        return eReceiptOf(order, store);
      },
    }),
  ];
}
