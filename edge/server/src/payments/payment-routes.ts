import { paymentAttentionSchema } from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { PaymentService } from './payment-service.js';

export function paymentRoutes(payments: PaymentService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/payments/attention',
      permission: 'payment.attention',
      summary:
        'Card payments that need a person: approvals the store could not record whose reversal is still being retried, and payments whose outcome the terminal could not tell after a restart',
      tags: ['payments'],
      response: paymentAttentionSchema,
      handler: () => payments.attention(),
    }),
  ];
}
