/**
 * The commerce engine: one catalog, one rules document, one `price()` for every channel.
 * See docs/pricing.md for the documents and worked examples.
 */
export * from './allergens.js';
export * from './barcode.js';
export * from './cart-schema.js';
export * from './catalog-schema.js';
export { MAX_ORDER_SUBTOTAL, MAX_PRICE, PPM, formatPpm, percentPpm, selectorSchema, type Selector } from './common.js';
export {
  compilePricing,
  createPricingEngine,
  lookupBarcode,
  parseCommerceCatalog,
  parsePricingRules,
  type CompiledPromotion,
  type CompiledSelector,
  type PricingEngine,
} from './compile.js';
export { explainManual, explainPriceOverride, explainPromotion, formatAmount, promotionLabel } from './explain.js';
export { describeIssues } from './issues.js';
export type { BaseLine, PriceOverride, PricedComponent, PricedModifierChoice } from './lines.js';
export { earnPoints, rewardCost } from './loyalty.js';
export {
  availabilityOf,
  daypartsOf,
  storeItemPrice,
  storeOptionPrice,
  unavailableReason,
  type Availability,
} from './offer.js';
export { price, priceWithEngine, type PriceInput } from './price.js';
export { lineNets, refundLine, type LineRefund } from './refund.js';
export * from './rules-schema.js';
export * from './upsell-schema.js';
export {
  suggestUpsell,
  type ShownUpsell,
  type UpsellLine,
  type UpsellRequest,
  type UpsellSuggestion,
} from './upsell.js';
export { taxLabel } from './tax.js';
export * from './time-windows.js';
export * from './types.js';
export * from './sample-stores.js';
