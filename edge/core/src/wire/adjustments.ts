/** Bodies of staff's discounts, comps and price overrides on an order. */
import { z } from 'zod';
import { adjustmentScopeSchema, MANUAL_ADJUSTMENT_KINDS } from '../commerce/cart-schema.js';
import { MAX_ORDER_SUBTOTAL, MAX_PRICE, PPM } from '../commerce/common.js';
import { UUID_V7 } from '../ids.js';
import { overrideSchema, reasonSchema } from './access.js';

export const discountBodySchema = z
  .object({
    scope: adjustmentScopeSchema.default('order'),
    kind: z
      .enum(MANUAL_ADJUSTMENT_KINDS)
      .describe('percent or amount off what is left, or comp: everything left (always needs a manager)'),
    value: z
      .int()
      .min(1)
      .max(MAX_ORDER_SUBTOTAL)
      .optional()
      .describe('percent: parts per million (10% = 100000); amount: minor units; comp: leave out'),
    reason: reasonSchema,
    override: overrideSchema
      .optional()
      .describe("A manager's approval: needed for a comp, or a discount past the store's limit"),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'comp' && b.value !== undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a comp takes everything left: leave the value out' });
    if (b.kind !== 'comp' && b.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a ${b.kind} discount needs a value` });
    if (b.kind === 'percent' && b.value !== undefined && b.value > PPM)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a discount above 100% (1000000 ppm) is not allowed' });
  })
  .describe('Discount or comp an unpaid order, or one of its lines');
export type DiscountBody = z.infer<typeof discountBodySchema>;

export const priceOverrideBodySchema = z
  .object({
    unitPrice: z.int().min(0).max(MAX_PRICE).describe('The new price of one unit before modifiers, minor units'),
    reason: reasonSchema,
    override: overrideSchema,
  })
  .describe("A manager's price for one unit of a line (modifiers still add)");
export type PriceOverrideBody = z.infer<typeof priceOverrideBodySchema>;

export const orderLineParamsSchema = z.object({
  id: z.string().regex(UUID_V7, 'id must be a UUIDv7'),
  lineId: z.string().regex(UUID_V7, 'line id must be a UUIDv7'),
});
