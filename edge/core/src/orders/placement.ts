/**
 * From a priced cart to the lines, totals and explanations an order is placed with: each line
 * routed to its kitchen station (settings first, then the catalog), a combo's slot items each to
 * their own, and carrying what a refund of it needs later.
 */
import type { PricingEngine } from '../commerce/compile.js';
import type { PricedModifierChoice } from '../commerce/lines.js';
import type { PriceResult, PricedCommerceLine } from '../commerce/types.js';
import type { PlacedLine, RepricedLine } from '../events/catalogue.js';
import { routeToStation, type KitchenConfig } from '../kitchen/kitchen.js';
import type { LinePart } from '../kitchen/line-stations.js';
import type { OrderPricing, PricedLine, Totals } from '../wire/api.js';

export type RoutingConfig = Pick<KitchenConfig, 'stations' | 'defaultStation'>;

/** The station a catalog item is made at; an item the catalog does not know goes to the default station. */
export function stationOfItem(engine: PricingEngine, config: RoutingConfig, itemId: string): string {
  const item = engine.items.get(itemId);
  if (!item) return config.defaultStation;
  return routeToStation(config, item, engine.categories.get(item.categoryId)?.station);
}

/** Prep minutes of an order: its slowest station's (0 when it names no configured station). */
export function prepMinutes(
  stations: readonly { id: string; prepMinutes: number }[],
  lineStations: readonly string[],
): number {
  return Math.max(0, ...lineStations.map((id) => stations.find((s) => s.id === id)?.prepMinutes ?? 0));
}

/** A priced line's choices as one flat list: modifiers, nested ones after their parent, combo components. */
export function flattenChoices(line: PricedCommerceLine): PricedLine['modifiers'] {
  const out: PricedLine['modifiers'] = [];
  const walk = (choices: readonly PricedModifierChoice[]): void => {
    for (const c of choices) {
      out.push({
        groupId: c.groupId,
        optionId: c.optionId,
        name: c.name,
        price: c.price,
        ...(c.default ? { default: true } : {}),
      });
      walk(c.modifiers);
    }
  };
  walk(line.modifiers);
  for (const c of line.components) {
    const name = Object.fromEntries(
      Object.entries(c.name).map(([lang, text]) => [
        lang,
        c.variantName?.[lang] ? `${text} (${c.variantName[lang]})` : text,
      ]),
    );
    out.push({ groupId: c.slotId, optionId: c.itemId, name: { ...name, en: name.en ?? c.name.en }, price: c.upcharge });
    walk(c.modifiers);
  }
  return out;
}

/** How many entries choices make in a flat list (see {@link flattenChoices}): each and those nested in it. */
function choiceCount(choices: readonly PricedModifierChoice[]): number {
  return choices.reduce((n, c) => n + 1 + choiceCount(c.modifiers), 0);
}

/**
 * A combo line's chosen slot items, each routed to its own item's station (settings first, then
 * the catalog), in slot order as {@link flattenChoices} lists them: the kitchen's view of the line.
 */
export function partsOf(line: PricedCommerceLine, engine: PricingEngine, routing: RoutingConfig): LinePart[] {
  return line.components.map((c) => ({
    slotId: c.slotId,
    itemId: c.itemId,
    ...(c.variantId === undefined ? {} : { variantId: c.variantId }),
    station: stationOfItem(engine, routing, c.itemId),
    allergens: c.allergens,
    choices: 1 + choiceCount(c.modifiers),
  }));
}

/** The money of a priced line as an order keeps it. */
export function lineAmounts(l: PricedCommerceLine): RepricedLine {
  return {
    lineId: l.lineId,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal,
    discount: l.discount,
    tax: l.tax,
    total: l.total,
    net: l.net,
    taxes: l.taxes.map((t) => ({ rateId: t.rateId, amount: t.amount })),
  };
}

/** An order's totals, from its priced cart. */
export function totalsOf(priced: PriceResult): Totals {
  const { currency, subtotal, discount, tax, total } = priced.totals;
  return { currency, subtotal, discount, tax, total };
}

/** Why an order costs what it does: each discount (promotion, reward or staff's) and price override explained, each tax. */
export function pricingOf(priced: PriceResult): OrderPricing {
  const pricing: OrderPricing = {
    discounts: priced.applied.map((a) => ({
      promotionId: a.promotionId,
      explanation: a.explanation,
      amount: a.amount,
    })),
    taxes: priced.taxes.map((t) => ({
      name: t.name.en,
      rate: t.rate,
      inclusive: t.inclusive,
      amount: t.amount,
      rateId: t.rateId,
    })),
    loyaltyPoints: priced.loyalty.pointsEarned,
    localTime: priced.localTime,
  };
  if (priced.loyalty.pointsRedeemed > 0) pricing.loyaltyPointsRedeemed = priced.loyalty.pointsRedeemed;
  const overrides = priced.lines.flatMap((l) =>
    l.priceOverride ? [{ lineId: l.lineId, explanation: l.priceOverride.explanation }] : [],
  );
  if (overrides.length > 0) pricing.overrides = overrides;
  return pricing;
}

/** What an order is placed with, from its priced cart. */
export function placementOf(
  priced: PriceResult,
  engine: PricingEngine,
  routing: RoutingConfig,
): { lines: PlacedLine[]; totals: Totals; pricing: OrderPricing; catalogVersion: number } {
  return {
    lines: priced.lines.map((l) => {
      const line: PlacedLine = {
        ...lineAmounts(l),
        itemId: l.itemId,
        name: l.name,
        modifiers: flattenChoices(l),
        quantity: l.quantity,
        station: stationOfItem(engine, routing, l.itemId),
        allergens: l.allergens,
      };
      if (l.variantId !== undefined) line.variantId = l.variantId;
      if (l.variantName) line.variantName = l.variantName;
      if (l.note !== undefined) line.note = l.note;
      const parts = partsOf(l, engine, routing);
      if (parts.length > 0) line.parts = parts;
      return line;
    }),
    totals: totalsOf(priced),
    pricing: pricingOf(priced),
    catalogVersion: engine.catalog.version,
  };
}
