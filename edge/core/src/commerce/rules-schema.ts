/**
 * The pricing rules document: stores, promotions, stacking, tax and loyalty. It is JSON,
 * distributed from the cloud (`config/promotions|tax|loyalty`) and documented in
 * docs/pricing.md. Shapes and ranges are checked here; references into the catalog are
 * checked when the rules are compiled against a catalog (`compilePricing`).
 */
import { z } from 'zod';
import { localizedText } from '../i18n.js';
import { CHANNELS, ORDER_TYPES } from '../channels.js';
import { TAX_CLASSES } from './catalog-schema.js';
import { entityId, minorUnits, percentPpm, selectorSchema, tag } from './common.js';
import { localDate, weeklyWindowSchema } from './time-windows.js';
import { upsellsSchema } from './upsell-schema.js';

const emptySelector = { all: false, itemIds: [], categoryIds: [], tags: [] };
const quantity = z.int().min(1).max(99);
const maxApplications = z
  .int()
  .min(1)
  .max(99)
  .optional()
  .describe('Most times the deal applies in one order; unlimited when absent');

export const storeSchema = z.object({
  id: entityId,
  name: z.string().max(80).optional(),
  timeZone: z.string().min(1).max(64).describe('IANA time zone, e.g. America/New_York'),
  taxJurisdictionId: entityId.describe('The tax jurisdiction the store charges'),
});

const percentOffEffect = z.object({
  kind: z.literal('percent-off'),
  percentPpm: percentPpm.describe('Discount in ppm: 20% off = 200000'),
  appliesTo: selectorSchema,
});

const amountOffEffect = z.object({
  kind: z.literal('amount-off'),
  amount: minorUnits.describe('Amount off, minor units'),
  per: z
    .enum(['order', 'unit'])
    .default('order')
    .describe('"order": once, spread over the matching lines; "unit": off each matching unit'),
  appliesTo: selectorSchema,
});

const buyXGetYEffect = z.object({
  kind: z.literal('buy-x-get-y'),
  buy: z.object({ appliesTo: selectorSchema, quantity: quantity.describe('Units to buy (X)') }),
  get: z.object({
    appliesTo: selectorSchema,
    quantity: quantity.describe('Units discounted (Y); the cheapest qualifying units'),
    percentPpm: percentPpm.default(1_000_000).describe('Discount on those units; 1000000 = free'),
  }),
  maxApplications,
});

const multiBuyEffect = z.object({
  kind: z.literal('multi-buy'),
  appliesTo: selectorSchema,
  quantity: z.int().min(2).max(99).describe('Units in a set, e.g. 3 in "3 for $10"'),
  price: minorUnits.describe('Price of a set, e.g. 1000 in "3 for $10"'),
  maxApplications,
});

const bundlePriceEffect = z.object({
  kind: z.literal('bundle-price'),
  components: z
    .array(z.object({ appliesTo: selectorSchema, quantity }))
    .min(1)
    .max(10)
    .describe('What a bundle is made of, e.g. one sandwich and one drink'),
  price: minorUnits.describe('Price of one complete bundle'),
  maxApplications,
});

export const promotionEffectSchema = z
  .discriminatedUnion('kind', [percentOffEffect, amountOffEffect, buyXGetYEffect, multiBuyEffect, bundlePriceEffect])
  .describe('What the promotion does');
export type PromotionEffect = z.infer<typeof promotionEffectSchema>;

export const couponSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/, 'a coupon code is letters, digits and dashes')
    .describe('Code the guest enters; matched without regard to case'),
  maxUses: z.int().min(1).optional().describe('Uses allowed across all guests'),
  maxUsesPerCustomer: z.int().min(1).optional().describe('Uses allowed per customer'),
});

export const SPEND_COMPARISONS = ['at-least', 'more-than'] as const;
export const SPEND_MEASURES = ['subtotal-before-discounts', 'after-earlier-promotions'] as const;

/** "Over $30": a threshold the matching lines' spend must pass, saying what is measured and how it compares. */
export const spendThresholdSchema = z
  .object({
    amount: minorUnits.describe('The threshold in minor units: 3000 in "over $30"'),
    comparison: z
      .enum(SPEND_COMPARISONS, {
        error: 'spend.comparison must say how the spend compares: "at-least" ($30 or more) or "more-than" (over $30)',
      })
      .describe('"at-least": the amount or more qualifies ("$30 or more"); "more-than": only above it ("over $30")'),
    measuredOn: z
      .enum(SPEND_MEASURES, {
        error:
          'spend.measuredOn must say what the threshold is measured on: "subtotal-before-discounts" or "after-earlier-promotions"',
      })
      .describe(
        'What is compared: the matching lines\' prices before any discount ("subtotal-before-discounts"), or what ' +
          'promotions of higher priority left on them ("after-earlier-promotions")',
      ),
  })
  .describe('A spend threshold on the lines the promotion matches');
export type SpendThreshold = z.infer<typeof spendThresholdSchema>;

const minQuantity = z.int().min(1).max(999).optional().describe('At least this many matching units');

/**
 * A promotion's conditions. Rules written before thresholds said what they measure give a bare
 * `minSpend` amount: it is read as `spend: {amount, comparison: "at-least", measuredOn:
 * "after-earlier-promotions"}`, what it always meant.
 */
const conditionsSchema = z
  .object({
    spend: spendThresholdSchema.optional(),
    minSpend: minorUnits
      .optional()
      .describe(
        'Older rules\' threshold: read as spend {amount, comparison: "at-least", measuredOn: "after-earlier-promotions"}',
      ),
    minQuantity,
  })
  .refine((c) => c.spend === undefined || c.minSpend === undefined, {
    message: 'give spend or the older minSpend, not both',
    path: ['minSpend'],
  })
  .transform(({ minSpend, ...rest }) =>
    minSpend === undefined
      ? rest
      : {
          ...rest,
          spend: { amount: minSpend, comparison: 'at-least' as const, measuredOn: 'after-earlier-promotions' as const },
        },
  )
  .pipe(z.object({ spend: spendThresholdSchema.optional(), minQuantity }));

export const promotionSchema = z.object({
  id: entityId,
  name: localizedText.describe('Shown on the receipt, e.g. "Happy hour"'),
  label: localizedText.optional().describe('What it gives, e.g. "20% off drinks"; generated when absent'),
  active: z.boolean().default(true),
  priority: z.int().min(0).max(1000).default(0).describe('Higher goes first'),
  stacking: z
    .enum(['stackable', 'exclusive'])
    .default('stackable')
    .describe('"exclusive": never combined with another promotion on the same line'),
  startsOn: localDate.optional().describe('First day, store-local, inclusive'),
  endsOn: localDate.optional().describe('Last day, store-local, inclusive'),
  windows: z.array(weeklyWindowSchema).max(14).default([]).describe('Weekly hours; empty = any time'),
  storeIds: z.array(entityId).max(1000).default([]).describe('Only at these stores; empty = all'),
  channels: z.array(z.enum(CHANNELS)).max(5).default([]).describe('Only on these channels; empty = all'),
  orderTypes: z.array(z.enum(ORDER_TYPES)).max(4).default([]).describe('Only for these order types; empty = all'),
  segments: z.array(tag).max(20).default([]).describe('Only for customers in one of these segments'),
  tiers: z.array(entityId).max(10).default([]).describe('Only for customers in one of these loyalty tiers'),
  coupon: couponSchema.optional().describe('Applies only when the guest enters this code'),
  conditions: conditionsSchema.default({}),
  exclude: selectorSchema.default(emptySelector).describe('Lines this promotion never touches'),
  maxDiscount: minorUnits.optional().describe('Most this promotion takes off one order'),
  effect: promotionEffectSchema,
});
export type Promotion = z.infer<typeof promotionSchema>;

export const taxRateRuleSchema = z.object({
  classes: z.array(z.enum(TAX_CLASSES)).min(1).max(6).describe('Tax classes this rule covers'),
  orderTypes: z.array(z.enum(ORDER_TYPES)).max(4).default([]).describe('Only for these order types; empty = all'),
});

export const taxRateSchema = z.object({
  id: entityId,
  name: localizedText.describe('Shown on the receipt, e.g. "NY State"'),
  ratePpm: percentPpm.describe('Rate in ppm: 4% = 40000, 8.875% = 88750'),
  appliesTo: z
    .array(taxRateRuleSchema)
    .min(1)
    .max(10)
    .describe('The rate applies to a line when any rule covers its tax class and the order type'),
});
export type TaxRate = z.infer<typeof taxRateSchema>;

export const jurisdictionSchema = z.object({
  id: entityId,
  name: z.string().min(1).max(80),
  pricesIncludeTax: z.boolean().default(false).describe('true: prices include the tax (VAT); false: tax is added'),
  rounding: z.enum(['line', 'order']).default('line').describe('Round each line, or each rate over the order'),
  roundingMode: z.enum(['half-up', 'half-even']).default('half-up'),
  stackedRates: z
    .enum(['per-rate', 'combined'])
    .default('per-rate')
    .describe(
      'How stacked rates round: "per-rate", each rate on its own; "combined", the tax on the sum of the rates once, ' +
        'its breakdown by rate allocated by largest remainder (as most US sales-tax returns expect)',
    ),
  rates: z.array(taxRateSchema).max(20).default([]).describe('All matching rates apply, stacked'),
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

const rewardBase = {
  id: entityId,
  name: localizedText,
  points: z.int().min(1).max(10_000_000).describe('What the reward costs in points'),
  tiers: z.array(entityId).max(10).default([]).describe('Only for these tiers; empty = all'),
};

export const rewardSchema = z.discriminatedUnion('kind', [
  z.object({
    ...rewardBase,
    kind: z.literal('item'),
    appliesTo: selectorSchema.describe('The most expensive matching unit becomes free'),
  }),
  z.object({ ...rewardBase, kind: z.literal('amount'), amount: minorUnits.describe('Amount off the order') }),
]);
export type Reward = z.infer<typeof rewardSchema>;

export const loyaltySchema = z.object({
  earn: z
    .object({
      points: z.int().min(0).max(1000).describe('Points earned...'),
      perAmount: z.int().min(1).max(1_000_000).describe('...for every this many minor units spent (net of discounts)'),
    })
    .describe('Base earning, e.g. 1 point per 100 cents'),
  multipliers: z
    .array(
      z.object({
        id: entityId,
        name: localizedText,
        factorPpm: z.int().min(0).max(100_000_000).describe('2× = 2000000, 1.5× = 1500000'),
        appliesTo: selectorSchema.optional().describe('Only these lines'),
        dayparts: z.array(entityId).max(10).default([]).describe('Only during these catalog dayparts'),
        promotionIds: z.array(entityId).max(20).default([]).describe('Only lines discounted by these promotions'),
      }),
    )
    .max(50)
    .default([])
    .describe('On each line, the largest matching multiplier applies'),
  tiers: z
    .array(
      z.object({
        id: entityId,
        name: localizedText,
        factorPpm: z.int().min(0).max(100_000_000).default(1_000_000).describe('Applies on top of line multipliers'),
        minPoints: z.int().min(0).optional().describe('Points a year to reach the tier (informational)'),
      }),
    )
    .max(10)
    .default([]),
  rewards: z.array(rewardSchema).max(100).default([]),
  exclude: selectorSchema.default(emptySelector).describe('Lines that never earn'),
});
export type LoyaltyRules = z.infer<typeof loyaltySchema>;

export const tagNameSchema = z.object({
  id: tag.describe('A catalog tag, as items carry it'),
  name: localizedText.describe('How explanations name it, e.g. {"en": "Alcohol", "es": "Alcohol"}'),
});

export const pricingRulesSchema = z
  .object({
    version: z.int().min(1).default(1),
    stores: z.array(storeSchema).min(1).max(1000),
    tags: z
      .array(tagNameSchema)
      .max(200)
      .default([])
      .describe('Display names of the tags promotions choose lines by; a tag without one is shown as written'),
    promotions: z.array(promotionSchema).max(2000).default([]),
    exclusions: selectorSchema.default(emptySelector).describe('Lines no promotion or reward ever discounts'),
    maxDiscount: z
      .object({
        amount: minorUnits.optional().describe('Most all promotions together take off one order'),
        percentPpm: percentPpm.optional().describe('Most all promotions together take off, as a share of subtotal'),
      })
      .optional()
      .describe('A cap on the total promotion discount'),
    tax: z.object({ jurisdictions: z.array(jurisdictionSchema).min(1).max(100) }),
    loyalty: loyaltySchema.optional(),
    upsells: upsellsSchema,
  })
  .describe('Pricing rules: stores, promotions, stacking, tax, loyalty and upsells');
export type PricingRules = z.infer<typeof pricingRulesSchema>;
export type PricingRulesInput = z.input<typeof pricingRulesSchema>;
