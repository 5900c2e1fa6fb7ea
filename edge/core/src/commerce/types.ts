/** The shapes `price()` returns. Amounts are integer minor units of `currency`. */
import type { LocalizedText } from '../i18n.js';
import type { BaseLine, PriceOverride } from './lines.js';

export type { Channel, OrderType } from '../channels.js';

/** Where a discount came from: a promotion, a loyalty reward the guest redeemed, or staff (a manual discount or comp). */
export type DiscountSource = 'promotion' | 'reward' | 'manual';

/** One action computed from the unchanged cart: take `amount` off line `lineId`. */
export interface LineDiscountAdjustment {
  kind: 'line-discount';
  lineId: string;
  amount: number;
  /** The promotion id; the reward id when `source` is `reward`; the adjustment id when `manual`. */
  promotionId: string;
  source: DiscountSource;
}

/** A tax-exempt guest in a tax-inclusive (VAT) store pays the price less the tax it holds. */
export interface TaxExemptionAdjustment {
  kind: 'tax-exemption';
  lineId: string;
  amount: number;
}

export type Adjustment = LineDiscountAdjustment | TaxExemptionAdjustment;

/** A promotion or reward that took money off, explained for a person. */
export interface AppliedDiscount {
  promotionId: string;
  source: DiscountSource;
  name: LocalizedText;
  amount: number;
  /** e.g. "Happy hour: 20% off Drinks, −$1.10". */
  explanation: string;
  lineIds: string[];
  /** The coupon code that unlocked it. */
  code?: string;
  /** True when a promotion or order cap cut it down. */
  capped: boolean;
  /** Points a reward cost. */
  points?: number;
  /** A manual adjustment: what its lines had left before it (what a percentage is of). */
  base?: number;
}

export const SKIP_REASONS = [
  'inactive-dates',
  'outside-hours',
  'store',
  'channel',
  'order-type',
  'segment',
  'tier',
  'coupon-unknown',
  'coupon-limit',
  'coupon-customer-limit',
  'min-spend',
  'min-quantity',
  'exclusive',
  'cap',
  'no-saving',
  'reward-unknown',
  'reward-tier',
  'insufficient-points',
  'no-loyalty-customer',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A promotion that matched something in the cart, a coupon entered or a reward asked for, not applied. */
export interface SkippedDiscount {
  promotionId: string;
  source: DiscountSource;
  reason: SkipReason;
  message: string;
}

/**
 * A deal the cart does not qualify for yet, and what would make it qualify, for the guest:
 * "3 donuts for $10: add 1 more Donut", "Big order saving: add $1.51 more".
 */
export interface PriceHint {
  promotionId: string;
  /** What is missing: more units of something, or more spend. */
  kind: 'add-items' | 'add-spend';
  /** Units (`add-items`) or minor units (`add-spend`) still missing. */
  missing: number;
  message: string;
}

export interface LineTax {
  rateId: string;
  amount: number;
}

export interface PricedCommerceLine extends Omit<BaseLine, 'tags' | 'priceOverride'> {
  /** Promotions and rewards taken off this line. */
  discount: number;
  /** Tax removed from a VAT-inclusive price for a tax-exempt guest. */
  exemption: number;
  /** lineTotal − discount − exemption: what the tax is charged on (or, with VAT, holds it). */
  net: number;
  taxes: LineTax[];
  /** Σ taxes: added on top when prices exclude tax, contained in `net` when they include it. */
  tax: number;
  /** What the guest pays for this line: net, plus tax when prices exclude tax. */
  total: number;
  /** A manager's price replaced the catalog's: per unit, before modifiers, explained. */
  priceOverride?: PriceOverride & { explanation: string };
}

/** One tax on the receipt, by name and rate. */
export interface TaxSummary {
  rateId: string;
  name: LocalizedText;
  ratePpm: number;
  /** e.g. "8.875%". */
  rate: string;
  /** true: contained in the prices (VAT); false: added on top. */
  inclusive: boolean;
  /** The amount taxed, excluding this tax. */
  taxable: number;
  amount: number;
}

export interface PriceTotals {
  currency: string;
  /** Σ lineTotal. */
  subtotal: number;
  /** Σ promotion and reward discounts. */
  discount: number;
  /** Σ tax-exemption adjustments. */
  exemption: number;
  /** Tax added on top of prices. */
  taxExclusive: number;
  /** Tax contained in prices. */
  taxInclusive: number;
  tax: number;
  /** subtotal − discount − exemption + taxExclusive = Σ line totals. */
  total: number;
}

export interface LoyaltyResult {
  /** Points this order earns (floored). */
  pointsEarned: number;
  /** Net amount that earns points, minor units. */
  basis: number;
  tierId?: string;
  /** Points the redeemed rewards cost. */
  pointsRedeemed: number;
  redemptions: { rewardId: string; points: number; amount: number }[];
}

export interface PriceResult {
  currency: string;
  storeId: string;
  jurisdictionId: string;
  /** The moment as the store's clock shows it, e.g. "2025-03-10 15:00 mon (America/New_York)". */
  localTime: string;
  /** In the cart's order. */
  lines: PricedCommerceLine[];
  adjustments: Adjustment[];
  applied: AppliedDiscount[];
  skipped: SkippedDiscount[];
  /** Deals the cart is short of, saying what to add; in evaluation order. */
  hints: PriceHint[];
  taxes: TaxSummary[];
  totals: PriceTotals;
  loyalty: LoyaltyResult;
}
