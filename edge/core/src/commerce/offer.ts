/**
 * What a store offers: whether an item can be sold on a channel at a moment (sold out, channel,
 * dayparts) and what it and its choices cost at that store (store prices over catalog prices).
 * The engine decides a cart line with these, and the screens build their menus with the same
 * functions, so an item the menu shows is an item the edge sells, at the price shown.
 */
import type { Channel } from '../channels.js';
import type { CommerceItem, CommerceOption } from './catalog-schema.js';
import { priceKey, type PricingEngine } from './compile.js';
import { inAnyWindow, type LocalMoment } from './time-windows.js';

/** Why an item cannot be sold now, or `available`. */
export type Availability =
  | { readonly kind: 'available' }
  | { readonly kind: 'sold-out' }
  | { readonly kind: 'other-channel'; readonly channel: Channel }
  | { readonly kind: 'outside-dayparts'; readonly daypartIds: readonly string[] };

/** The dayparts an item is sold in: its own, else its category's; empty = all day. */
export function daypartsOf(engine: PricingEngine, item: CommerceItem): readonly string[] {
  return item.dayparts.length > 0 ? item.dayparts : (engine.categories.get(item.categoryId)?.dayparts ?? []);
}

/** Whether `item` can be sold on `channel` at `moment` (the store's local time). */
export function availabilityOf(
  engine: PricingEngine,
  item: CommerceItem,
  channel: Channel,
  moment: LocalMoment,
): Availability {
  if (!item.available) return { kind: 'sold-out' };
  if (item.channels.length > 0 && !item.channels.includes(channel)) return { kind: 'other-channel', channel };
  const dayparts = daypartsOf(engine, item);
  if (dayparts.length === 0) return { kind: 'available' };
  for (const id of dayparts) {
    const d = engine.dayparts.get(id);
    if (d && inAnyWindow(moment, d.windows)) return { kind: 'available' };
  }
  return { kind: 'outside-dayparts', daypartIds: dayparts };
}

/** The reason an item cannot be sold, for a person (English), or undefined when it can. */
export function unavailableReason(engine: PricingEngine, item: CommerceItem, a: Availability): string | undefined {
  switch (a.kind) {
    case 'available':
      return undefined;
    case 'sold-out':
      return `"${item.name.en}" is sold out`;
    case 'other-channel':
      return `"${item.name.en}" is not sold on ${a.channel}`;
    case 'outside-dayparts': {
      const names = a.daypartIds.map((id) => engine.dayparts.get(id)?.name.en ?? id).join(' or ');
      return `"${item.name.en}" is sold only during ${names}`;
    }
  }
}

/**
 * The price of one item at a store: of the size `variantId` when the item has sizes (undefined
 * when it names no size the item has), else of the item; the store's price where one is set.
 */
export function storeItemPrice(
  engine: PricingEngine,
  storeId: string,
  item: CommerceItem,
  variantId: string | undefined,
): number | undefined {
  if (item.variants.length === 0) return engine.itemPrices.get(priceKey(storeId, item.id, '')) ?? item.price;
  const variant = item.variants.find((v) => v.id === variantId);
  if (!variant) return undefined;
  return engine.itemPrices.get(priceKey(storeId, item.id, variant.id)) ?? variant.price;
}

/** The upcharge of a modifier choice at a store: the store's price where one is set. */
export function storeOptionPrice(
  engine: PricingEngine,
  storeId: string,
  groupId: string,
  option: CommerceOption,
): number {
  return engine.optionPrices.get(priceKey(storeId, groupId, option.id)) ?? option.price;
}
