/**
 * What is priced: a cart (lines as the screens build them, a superset of the first-slice
 * `CartLine`) and the context it is priced in (store, channel, order type, customer, coupons,
 * rewards and the moment).
 */
import { z } from 'zod';
import { CHANNELS, ORDER_TYPES } from '../channels.js';
import { freeText } from '../privacy/card-numbers.js';
import { MAX_ORDER_SUBTOTAL, MAX_PRICE, PPM, entityId, tag } from './common.js';

const catalogRef = z.string().min(1).max(64);

export interface PricingCartModifier {
  groupId: string;
  optionId: string;
  modifiers?: PricingCartModifier[] | undefined;
}

export const pricingCartModifierSchema: z.ZodType<PricingCartModifier, PricingCartModifier> = z.lazy(() =>
  z.object({
    groupId: catalogRef.describe('The modifier group'),
    optionId: catalogRef.describe('The chosen option'),
    modifiers: z
      .array(pricingCartModifierSchema)
      .max(20)
      .optional()
      .describe('Choices in groups nested under this option'),
  }),
);

export const comboSlotChoiceSchema = z.object({
  slotId: catalogRef.describe('The combo slot'),
  itemId: catalogRef.describe('The item chosen for it'),
  variantId: catalogRef.optional().describe('Its size, when the slot offers sizes'),
  modifiers: z.array(pricingCartModifierSchema).max(40).default([]).describe("The chosen item's modifiers"),
});
export type ComboSlotChoice = z.infer<typeof comboSlotChoiceSchema>;

export const pricingCartLineSchema = z.object({
  lineId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Stable id the result refers to; "line-N" (1-based position) when absent'),
  itemId: catalogRef,
  variantId: catalogRef.optional(),
  modifiers: z.array(pricingCartModifierSchema).max(40).default([]),
  slots: z.array(comboSlotChoiceSchema).max(10).default([]).describe('Choices for a combo, one per slot'),
  quantity: z.int().min(1, 'quantity must be at least 1').max(99, 'quantity must be at most 99'),
  note: freeText(140).optional(),
  upsellId: entityId
    .optional()
    .describe('The upsell suggestion the guest added this line from (pricing ignores it; the upsell report counts it)'),
  unitPriceOverride: z
    .object({
      unitPrice: z.int().min(0).max(MAX_PRICE).describe('The price of one unit before modifiers, minor units'),
      reason: freeText(200).min(1),
    })
    .optional()
    .describe("A manager's price: replaces the item's (or size's) price; modifiers and combo upcharges still add"),
});
export type PricingCartLine = z.infer<typeof pricingCartLineSchema>;

export const pricingCartSchema = z.object({
  lines: z.array(pricingCartLineSchema).min(1, 'a cart needs at least one line').max(100),
});
export type PricingCart = z.infer<typeof pricingCartSchema>;
export type PricingCartInput = z.input<typeof pricingCartSchema>;

export const MANUAL_ADJUSTMENT_KINDS = ['percent', 'amount', 'comp'] as const;
export type ManualAdjustmentKind = (typeof MANUAL_ADJUSTMENT_KINDS)[number];

/** What a manual adjustment covers: the whole order, or one line. */
export const adjustmentScopeSchema = z
  .union([z.literal('order'), z.object({ lineId: z.string().min(1).max(64) })])
  .describe('"order", or {"lineId"} for one line');
export type AdjustmentScope = z.infer<typeof adjustmentScopeSchema>;

/**
 * A discount or comp given by staff: `percent` (`value` in ppm, 10% = 100000), `amount`
 * (`value` in minor units) or `comp` (everything left; no `value`). Applied after promotions and
 * rewards, in list order, each on what the ones before it left.
 */
export const manualAdjustmentSchema = z
  .object({
    id: z.string().min(1).max(64).describe('Names it in the result (applied[].promotionId)'),
    scope: adjustmentScopeSchema,
    kind: z.enum(MANUAL_ADJUSTMENT_KINDS),
    value: z
      .int()
      .min(1)
      .max(MAX_ORDER_SUBTOTAL)
      .optional()
      .describe('percent: parts per million (10% = 100000); amount: minor units; comp: none'),
    reason: freeText(200).min(1),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'comp' && m.value !== undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a comp takes everything left: leave the value out' });
    if (m.kind !== 'comp' && m.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a ${m.kind} discount needs a value` });
    if (m.kind === 'percent' && m.value !== undefined && m.value > PPM)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a discount above 100% (1000000 ppm) is not allowed' });
  });
export type ManualAdjustment = z.infer<typeof manualAdjustmentSchema>;

export const pricingContextSchema = z.object({
  storeId: entityId.describe('The store pricing the order (its time zone, prices and tax)'),
  channel: z.enum(CHANNELS).default('kiosk'),
  orderType: z.enum(ORDER_TYPES).default('takeout'),
  at: z.iso.datetime({ offset: true }).describe('The moment of the order, ISO 8601 with Z or an offset'),
  customer: z
    .object({
      id: z.string().max(64).optional(),
      segments: z.array(tag).max(20).default([]).describe('Customer segments, e.g. "staff", "student"'),
      loyaltyTier: entityId.optional(),
      pointsBalance: z.int().min(0).optional().describe('When given, rewards costing more are refused'),
      taxExempt: z.boolean().default(false).describe('A tax-exempt customer (certificate checked by staff)'),
    })
    .optional(),
  coupons: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(32),
        timesUsed: z.int().min(0).default(0).describe('Uses so far, across all guests'),
        timesUsedByCustomer: z.int().min(0).default(0).describe('Uses so far by this customer'),
      }),
    )
    .max(10)
    .default([])
    .describe('Coupon codes entered, with use counts supplied by the caller'),
  rewards: z.array(entityId).max(10).default([]).describe('Loyalty rewards the guest redeems'),
  language: z.string().min(2).max(10).default('en').describe('Language of names and explanations'),
  taxJurisdictionId: entityId.optional().describe("Overrides the store's jurisdiction, e.g. for delivery"),
  manual: z
    .array(manualAdjustmentSchema)
    .max(20)
    .default([])
    .describe('Discounts and comps given by staff, applied after promotions and rewards, in this order'),
});
export type PricingContext = z.infer<typeof pricingContextSchema>;
export type PricingContextInput = z.input<typeof pricingContextSchema>;
