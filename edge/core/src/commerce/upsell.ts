/**
 * The one suggestion to make after a guest adds a line, from the pricing rules' `upsells`: the
 * highest-priority rule that matches the line, the cart, the channel and the store's clock, and
 * whose offer can be sold now. A guest sees each suggestion at most once, each item they add
 * triggers at most one, and an order gets at most {@link MAX_UPSELLS_PER_ORDER}.
 */
import type { CommerceItem } from './catalog-schema.js';
import { compileSelector, selects, type PricingEngine } from './compile.js';
import { availabilityOf, storeItemPrice } from './offer.js';
import { inAnyWindow, localMoment, type LocalMoment } from './time-windows.js';
import type { Channel } from './types.js';
import { MAX_UPSELLS_PER_ORDER, isEmptySelector, type Upsell } from './upsell-schema.js';

/** A cart line as far as suggestions go. */
export interface UpsellLine {
  readonly itemId: string;
  readonly variantId?: string | undefined;
}

/** A suggestion the guest has already been shown in this order, and the item that triggered it. */
export interface ShownUpsell {
  readonly upsellId: string;
  readonly afterItemId: string;
}

export interface UpsellRequest {
  readonly engine: PricingEngine;
  readonly storeId: string;
  readonly channel: Channel;
  /** ISO instant: dayparts and windows are read on the store's clock. */
  readonly at: string;
  /** The line just added (it is in `cart` too). */
  readonly added: UpsellLine;
  readonly cart: readonly UpsellLine[];
  readonly shown: readonly ShownUpsell[];
}

interface SuggestionBase {
  readonly upsellId: string;
  readonly headline?: Upsell['headline'];
  /** The item the guest would add (the combo, the item suggested, or the added item itself for a size). */
  readonly itemId: string;
}

export type UpsellSuggestion =
  | (SuggestionBase & {
      readonly kind: 'item';
      readonly variantId?: string;
      /** Its price as it comes, minor units. */
      readonly price: number;
    })
  | (SuggestionBase & {
      readonly kind: 'size-up';
      readonly fromVariantId: string;
      readonly toVariantId: string;
      /** What the larger size costs on top, per unit, minor units. */
      readonly price: number;
    })
  | (SuggestionBase & {
      readonly kind: 'combo';
      /** The combo's own price (slot upcharges and choices add), minor units. */
      readonly price: number;
    });

const lineOf = (engine: PricingEngine, line: UpsellLine): { itemId: string; categoryId: string; tags: string[] } => {
  const item = engine.items.get(line.itemId);
  return { itemId: line.itemId, categoryId: item?.categoryId ?? '', tags: item?.tags ?? [] };
};

function inDayparts(engine: PricingEngine, moment: LocalMoment, ids: readonly string[]): boolean {
  if (ids.length === 0) return true;
  return ids.some((id) => {
    const d = engine.dayparts.get(id);
    return d !== undefined && inAnyWindow(moment, d.windows);
  });
}

/** The store's price of an item in a size (0 for a size it does not have; the rules are checked against the catalog). */
const itemPrice = (engine: PricingEngine, storeId: string, item: CommerceItem, variantId: string | undefined): number =>
  storeItemPrice(engine, storeId, item, variantId) ?? 0;

/** What the upsell would offer after `added`, or undefined when its offer cannot be made now. */
function offerFor(
  upsell: Upsell,
  request: UpsellRequest,
  moment: LocalMoment,
  added: CommerceItem,
): UpsellSuggestion | undefined {
  const { engine, storeId, cart } = request;
  const base = { upsellId: upsell.id, ...(upsell.headline ? { headline: upsell.headline } : {}) };
  const sellable = (item: CommerceItem | undefined): item is CommerceItem =>
    item !== undefined && availabilityOf(engine, item, request.channel, moment).kind === 'available';
  const offer = upsell.offer;
  switch (offer.kind) {
    case 'item': {
      const item = engine.items.get(offer.itemId);
      if (!sellable(item) || cart.some((l) => l.itemId === item.id)) return undefined;
      const variantId = offer.variantId ?? item.variants[0]?.id;
      const price = itemPrice(engine, storeId, item, variantId);
      return { ...base, kind: 'item', itemId: item.id, ...(variantId ? { variantId } : {}), price };
    }
    case 'size-up': {
      const at = added.variants.findIndex((v) => v.id === request.added.variantId);
      const next = at < 0 ? undefined : added.variants[at + 1];
      const from = added.variants[at];
      if (!next || !from) return undefined;
      const price =
        itemPrice(engine, storeId, added, next.id) - itemPrice(engine, storeId, added, request.added.variantId);
      return { ...base, kind: 'size-up', itemId: added.id, fromVariantId: from.id, toVariantId: next.id, price };
    }
    case 'combo': {
      const combo = engine.items.get(offer.itemId);
      if (!sellable(combo) || !combo.combo) return undefined;
      const holds = combo.combo.slots.some((s) => s.choices.some((c) => c.itemId === added.id));
      if (!holds) return undefined;
      return { ...base, kind: 'combo', itemId: combo.id, price: itemPrice(engine, storeId, combo, undefined) };
    }
  }
}

/** The suggestion to show after `request.added`, or undefined when there is none to make. */
export function suggestUpsell(request: UpsellRequest): UpsellSuggestion | undefined {
  const { engine, shown, added } = request;
  if (shown.length >= MAX_UPSELLS_PER_ORDER) return undefined;
  if (shown.some((s) => s.afterItemId === added.itemId)) return undefined;
  const item = engine.items.get(added.itemId);
  const store = engine.stores.get(request.storeId);
  const instant = Date.parse(request.at);
  if (!item || !store || Number.isNaN(instant)) return undefined;
  const moment = localMoment(instant, store.timeZone);
  const addedLine = lineOf(engine, added);
  const cartLines = request.cart.map((l) => lineOf(engine, l));
  const candidates = engine.rules.upsells
    .map((upsell, index) => ({ upsell, index }))
    .filter(({ upsell }) => upsell.active && !shown.some((s) => s.upsellId === upsell.id))
    .sort((a, b) => b.upsell.priority - a.upsell.priority || a.index - b.index);
  for (const { upsell } of candidates) {
    if (!selects(compileSelector(upsell.after), addedLine)) continue;
    const has = compileSelector(upsell.whenCartHas);
    if (!isEmptySelector(upsell.whenCartHas) && !cartLines.some((l) => selects(has, l))) continue;
    const lacks = compileSelector(upsell.unlessCartHas);
    if (cartLines.some((l) => selects(lacks, l))) continue;
    if (upsell.channels.length > 0 && !upsell.channels.includes(request.channel)) continue;
    if (!inAnyWindow(moment, upsell.windows) || !inDayparts(engine, moment, upsell.dayparts)) continue;
    const suggestion = offerFor(upsell, request, moment, item);
    if (suggestion) return suggestion;
  }
  return undefined;
}
