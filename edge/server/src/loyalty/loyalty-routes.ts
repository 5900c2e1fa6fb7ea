/**
 * The loyalty API: a guest identifies themselves at the kiosk (their card's QR code, their phone
 * number), a cashier attaches a customer on the counter; the answer is the member's points, from
 * the cloud or, when it cannot be reached, the store's estimate (and it says which).
 */
import { loyaltyLookupQuerySchema, memberBalanceSchema } from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { LoyaltyService } from './loyalty-service.js';

export function loyaltyRoutes(loyalty: LoyaltyService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/loyalty/lookup',
      permission: 'loyalty.lookup',
      summary:
        "A loyalty member by their card's QR code, their phone number or their id, with their points: the cloud's (source cloud) or, while it cannot be reached, the last balance it gave plus this store's own entries since (source offline-estimate, with the offline redemption limit)",
      tags: ['loyalty'],
      query: loyaltyLookupQuerySchema,
      response: memberBalanceSchema,
      errors: [400, 404],
      handler: ({ query, ctx }) => loyalty.lookup(ctx.command, query),
    }),
  ];
}
