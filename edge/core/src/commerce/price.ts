/**
 * `price()`: a cart in a context → lines, adjustments, taxes, totals and loyalty, with every
 * adjustment explained. Pure and deterministic: the same cart, context, catalog and rules
 * always give the same result, whatever the order of the lines or of the rules.
 *
 * Steps: base-price each line (item or size, store price — or a manager's price override —
 * plus modifiers and combo slots) → apply promotions, then rewards, then staff's manual
 * discounts and comps (lines sorted by lineId so ties never depend on cart order) → tax on the
 * discounted amounts → totals → loyalty points.
 */
import { TillboxError, type ErrorDetail } from '../errors.js';
import { MAX_ORDER_SUBTOTAL } from './common.js';
import {
  pricingCartSchema,
  pricingContextSchema,
  type PricingCart,
  type PricingCartInput,
  type PricingContext,
  type PricingContextInput,
} from './cart-schema.js';
import { createPricingEngine, type PricingEngine } from './compile.js';
import { parseWith, validationError } from './issues.js';
import { explainPriceOverride } from './explain.js';
import { localize } from '../i18n.js';
import { resolveLine, type BaseLine, type LineScope } from './lines.js';
import { checkManual } from './manual.js';
import { earnPoints } from './loyalty.js';
import { applyDiscounts } from './promotions.js';
import { computeTax } from './tax.js';
import { describeMoment, localMoment } from './time-windows.js';
import type { Adjustment, PriceResult, PricedCommerceLine } from './types.js';

/**
 * Price a parsed cart in a parsed context with a compiled engine (the fast path: no schema
 * parsing). Throws a `validation` TillboxError listing every problem with the cart (unknown
 * item, sold out, outside its daypart, missing size, bad choices) or context (unknown store).
 */
export function priceWithEngine(engine: PricingEngine, cart: PricingCart, context: PricingContext): PriceResult {
  const store = engine.stores.get(context.storeId);
  if (!store) throw new TillboxError('validation', `unknown store "${context.storeId}"`);
  const jurisdictionId = context.taxJurisdictionId ?? store.taxJurisdictionId;
  const jurisdiction = engine.jurisdictions.get(jurisdictionId);
  if (!jurisdiction) throw new TillboxError('validation', `unknown tax jurisdiction "${jurisdictionId}"`);
  const instant = Date.parse(context.at);
  if (Number.isNaN(instant)) throw new TillboxError('validation', `"${context.at}" is not a moment in time`);
  const moment = localMoment(instant, store.timeZone);

  const problems: ErrorDetail[] = [];
  const scope: LineScope = { engine, storeId: store.id, channel: context.channel, moment, problems };
  const seen = new Set<string>();
  const resolved: BaseLine[] = [];
  cart.lines.forEach((line, i) => {
    const lineId = line.lineId ?? `line-${i + 1}`;
    if (seen.has(lineId)) {
      problems.push({ path: `lines.${i}.lineId`, message: `line id "${lineId}" is used twice` });
      return;
    }
    seen.add(lineId);
    const base = resolveLine(scope, line, lineId, `lines.${i}`);
    if (base) resolved.push(base);
  });
  const subtotal = resolved.reduce((s, l) => s + l.lineTotal, 0);
  if (subtotal > MAX_ORDER_SUBTOTAL)
    problems.push({ path: 'lines', message: `the order comes to more than ${MAX_ORDER_SUBTOTAL} minor units` });
  if (problems.length === 0) problems.push(...checkManual(engine, resolved, context));
  if (problems.length > 0) throw validationError('cart', problems);

  // Canonical order: by lineId (code-unit order), so results never depend on the cart's order.
  const canonical = [...resolved].sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
  const discounts = applyDiscounts(engine, canonical, context, moment);
  const taxExempt = context.customer?.taxExempt === true;
  const afterDiscount = canonical.map((l, i) => l.lineTotal - (discounts.discounts[i] ?? 0));
  const tax = computeTax(
    jurisdiction,
    canonical.map((l, i) => ({ taxClass: l.taxClass, net: afterDiscount[i] ?? 0 })),
    context.orderType,
    taxExempt,
  );
  const inclusive = jurisdiction.pricesIncludeTax;

  const byId = new Map<string, PricedCommerceLine>();
  const exemptions: Adjustment[] = [];
  canonical.forEach((l, i) => {
    const discount = discounts.discounts[i] ?? 0;
    const exemption = tax.exemption[i] ?? 0;
    const taxes = tax.perLine[i] ?? [];
    const lineTax = taxes.reduce((s, t) => s + t.amount, 0);
    const net = l.lineTotal - discount - exemption;
    const line = pricedLine(l, discount, exemption, taxes, lineTax, inclusive ? net : net + lineTax);
    if (l.priceOverride) {
      const explanation = explainPriceOverride(
        engine,
        l.priceOverride,
        localize(l.name, context.language),
        context.language,
      );
      line.priceOverride = { ...l.priceOverride, explanation };
    }
    byId.set(l.lineId, line);
    if (exemption > 0) exemptions.push({ kind: 'tax-exemption', lineId: l.lineId, amount: exemption });
  });
  const lines = resolved.map((l) => byId.get(l.lineId)).filter((l): l is PricedCommerceLine => l !== undefined);

  const discount = lines.reduce((s, l) => s + l.discount, 0);
  const exemption = lines.reduce((s, l) => s + l.exemption, 0);
  const taxTotal = lines.reduce((s, l) => s + l.tax, 0);
  const taxExclusive = inclusive ? 0 : taxTotal;
  const earning = earnPoints(
    engine,
    canonical.map((l, i) => ({
      itemId: l.itemId,
      categoryId: l.categoryId,
      tags: l.tags,
      net: byId.get(l.lineId)?.net ?? 0,
      promotionIds: discounts.promotionsOnLine[i] ?? new Set<string>(),
    })),
    moment,
    context.customer?.loyaltyTier,
  );
  return {
    currency: engine.currency,
    storeId: store.id,
    jurisdictionId,
    localTime: describeMoment(moment),
    lines,
    adjustments: [...discounts.adjustments, ...exemptions],
    applied: discounts.applied,
    skipped: discounts.skipped,
    hints: discounts.hints,
    taxes: tax.summary,
    totals: {
      currency: engine.currency,
      subtotal,
      discount,
      exemption,
      taxExclusive,
      taxInclusive: inclusive ? taxTotal : 0,
      tax: taxTotal,
      total: subtotal - discount - exemption + taxExclusive,
    },
    loyalty: {
      ...earning,
      pointsRedeemed: discounts.redemptions.reduce((s, r) => s + r.points, 0),
      redemptions: discounts.redemptions,
    },
  };
}

/** The priced line: the base line (without its tags) with discounts, taxes and totals. */
function pricedLine(
  l: BaseLine,
  discount: number,
  exemption: number,
  taxes: PricedCommerceLine['taxes'],
  tax: number,
  total: number,
): PricedCommerceLine {
  const out: PricedCommerceLine = {
    lineId: l.lineId,
    itemId: l.itemId,
    categoryId: l.categoryId,
    name: l.name,
    modifiers: l.modifiers,
    components: l.components,
    quantity: l.quantity,
    station: l.station,
    allergens: l.allergens,
    taxClass: l.taxClass,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal,
    discount,
    exemption,
    net: l.lineTotal - discount - exemption,
    taxes,
    tax,
    total,
  };
  if (l.variantId !== undefined) out.variantId = l.variantId;
  if (l.variantName !== undefined) out.variantName = l.variantName;
  if (l.calories !== undefined) out.calories = l.calories;
  if (l.note !== undefined) out.note = l.note;
  return out;
}

export interface PriceInput {
  /** A compiled engine, or the catalog and rules documents to compile (slower: parses both). */
  engine?: PricingEngine;
  catalog?: unknown;
  rules?: unknown;
  cart: PricingCartInput;
  context: PricingContextInput;
}

/**
 * Price a cart: `price({engine, cart, context})` with a compiled engine, or
 * `price({catalog, rules, cart, context})` straight from documents. Cart and context are
 * validated; problems come back as one `validation` TillboxError naming each.
 */
export function price(input: PriceInput): PriceResult {
  const engine = input.engine ?? createPricingEngine(input.catalog, input.rules);
  const cart = parseWith(pricingCartSchema, input.cart, 'cart');
  const context = parseWith(pricingContextSchema, input.context, 'pricing context');
  return priceWithEngine(engine, cart, context);
}
