/**
 * The menu a selling screen shows, from the commerce catalog compiled into the core's pricing
 * engine: what is offered on this channel at this moment (sold-out items shown greyed; items of
 * another channel or outside their dayparts not at all), in catalog order, at this store's
 * prices. Availability and prices come from the same core functions the engine prices a cart
 * with, so an item on the screen is an item the edge sells, at the price shown.
 *
 * Pure: no Svelte, no DOM, no `$lib` imports (the edge's parity test imports it too).
 */
import {
  availabilityOf,
  localMoment,
  storeItemPrice,
  storeOptionPrice,
  TillboxError,
  type Channel,
  type ComboSlot,
  type CommerceCategory,
  type CommerceItem,
  type CommerceModifierGroup,
  type CommerceOption,
  type LocalMoment,
  type LocalizedText,
  type PricingEngine,
} from '@tillbox/core';

/** The catalog and rules of one store, sold on one channel. */
export interface Menu {
  readonly engine: PricingEngine;
  readonly storeId: string;
  readonly channel: Channel;
  readonly currency: string;
  readonly timeZone: string;
  /** Items the store box has 86'd now (the live stock list): shown sold out, like the catalog's. */
  readonly soldOut?: ReadonlySet<string>;
}

/** A menu for `storeId` on `channel`; a `validation` error when the rules do not know the store. */
export function openMenu(engine: PricingEngine, storeId: string, channel: Channel): Menu {
  const store = engine.stores.get(storeId);
  if (!store) throw new TillboxError('validation', `the pricing rules have no store "${storeId}"`);
  return { engine, storeId, channel, currency: engine.currency, timeZone: store.timeZone };
}

/** The menu with the store box's live sold-out list merged in (the same menu when nothing changes). */
export function withSoldOut(menu: Menu, soldOut: ReadonlySet<string>): Menu {
  if (soldOut === menu.soldOut || (soldOut.size === 0 && (menu.soldOut?.size ?? 0) === 0)) return menu;
  return { ...menu, soldOut };
}

/** An instant (ms) on the store's clock and calendar. */
export function momentAt(menu: Menu, at: number): LocalMoment {
  return localMoment(at, menu.timeZone);
}

/** How an item shows now: offered, sold out (greyed, cannot be chosen), or not at all. */
export type ItemState = 'offered' | 'sold-out' | 'hidden';

function ownState(menu: Menu, item: CommerceItem, moment: LocalMoment): ItemState {
  const a = availabilityOf(menu.engine, item, menu.channel, moment);
  if (a.kind === 'available') return menu.soldOut?.has(item.id) ? 'sold-out' : 'offered';
  return a.kind === 'sold-out' ? 'sold-out' : 'hidden';
}

/** One way to fill a combo slot: an item, in the sizes the slot offers it in, each with its upcharge. */
export interface SlotOption {
  readonly item: CommerceItem;
  readonly soldOut: boolean;
  readonly sizes: readonly { variantId: string | undefined; name: LocalizedText | undefined; upcharge: number }[];
}

/** What may fill `slot` now, grouped by item in the slot's order; items not offered now are left out. */
export function slotOptions(menu: Menu, slot: ComboSlot, moment: LocalMoment): SlotOption[] {
  const byItem = new Map<string, SlotOption & { sizes: SlotOption['sizes'][number][] }>();
  for (const choice of slot.choices) {
    const item = menu.engine.items.get(choice.itemId);
    if (!item) continue;
    const state = ownState(menu, item, moment);
    if (state === 'hidden') continue;
    let entry = byItem.get(item.id);
    if (!entry) {
      entry = { item, soldOut: state === 'sold-out', sizes: [] };
      byItem.set(item.id, entry);
    }
    const variant = item.variants.find((v) => v.id === choice.variantId);
    entry.sizes.push({ variantId: choice.variantId, name: variant?.name, upcharge: choice.upcharge });
  }
  return [...byItem.values()];
}

/** Whether `item` is offered now: a combo needs something it can be filled with in every required slot. */
export function itemState(menu: Menu, item: CommerceItem, moment: LocalMoment): ItemState {
  const own = ownState(menu, item, moment);
  if (own !== 'offered' || !item.combo) return own;
  let state: ItemState = 'offered';
  for (const slot of item.combo.slots) {
    if (slot.optional) continue;
    const options = slotOptions(menu, slot, moment);
    if (options.length === 0) return 'hidden';
    if (options.every((o) => o.soldOut)) state = 'sold-out';
  }
  return state;
}

/** The price of `item` in the size `variantId` at this store (undefined when it has no such size). */
export function sizePrice(menu: Menu, item: CommerceItem, variantId: string | undefined): number | undefined {
  return storeItemPrice(menu.engine, menu.storeId, item, variantId);
}

/** The upcharge of a modifier choice at this store. */
export function optionPrice(menu: Menu, groupId: string, option: CommerceOption): number {
  return storeOptionPrice(menu.engine, menu.storeId, groupId, option);
}

/** The cheapest way to buy the item, and whether it can cost more ("from $X"). */
export function startingPrice(menu: Menu, item: CommerceItem): { amount: number; from: boolean } {
  if (item.variants.length > 0) {
    const prices = item.variants.map((v) => sizePrice(menu, item, v.id) ?? v.price);
    return { amount: Math.min(...prices), from: new Set(prices).size > 1 };
  }
  const base = sizePrice(menu, item, undefined) ?? item.price;
  if (!item.combo) return { amount: base, from: false };
  let amount = base;
  let from = false;
  for (const slot of item.combo.slots) {
    const upcharges = slot.choices.map((c) => c.upcharge);
    if (!slot.optional) amount += Math.min(...upcharges);
    if (slot.optional || new Set(upcharges).size > 1) from = true;
  }
  return { amount, from };
}

/** The modifier groups with these ids, in that order, skipping ids the catalog does not have. */
export function groupsOf(menu: Menu, groupIds: readonly string[]): CommerceModifierGroup[] {
  return groupIds.flatMap((id) => {
    const entry = menu.engine.groups.get(id);
    return entry ? [entry.group] : [];
  });
}

/** An item on the menu: whether it can be chosen now and what it costs. */
export interface MenuEntry {
  readonly item: CommerceItem;
  readonly soldOut: boolean;
  readonly price: { amount: number; from: boolean };
}

/** A category with the items it offers now. */
export interface MenuSection {
  readonly category: CommerceCategory;
  readonly entries: readonly MenuEntry[];
}

/**
 * The browsing index at `at` (ms): each category with the items it offers now, in catalog
 * order; a category with nothing to offer (all of it outside its daypart) is left out.
 */
export function browse(menu: Menu, at: number): MenuSection[] {
  const moment = momentAt(menu, at);
  const byCategory = new Map<string, MenuEntry[]>();
  for (const item of menu.engine.catalog.items) {
    const state = itemState(menu, item, moment);
    if (state === 'hidden') continue;
    const entry = { item, soldOut: state === 'sold-out', price: startingPrice(menu, item) };
    const list = byCategory.get(item.categoryId);
    if (list) list.push(entry);
    else byCategory.set(item.categoryId, [entry]);
  }
  return menu.engine.catalog.categories.flatMap((category) => {
    const entries = byCategory.get(category.id);
    return entries ? [{ category, entries }] : [];
  });
}

const sameEntry = (a: MenuEntry, b: MenuEntry): boolean =>
  a.item === b.item && a.soldOut === b.soldOut && a.price.amount === b.price.amount && a.price.from === b.price.from;

/**
 * `next` with what has not changed since `previous` kept as the very objects `previous` had:
 * each entry with the same item, state and price, each section whose entries are all kept, and
 * `previous` itself when nothing changed. A screen that browses again (each half minute, for
 * dayparts) then redraws only what changed, not every card.
 */
export function keepUnchanged(previous: readonly MenuSection[], next: readonly MenuSection[]): readonly MenuSection[] {
  const before = new Map(previous.map((s) => [s.category.id, s]));
  let changed = previous.length !== next.length;
  const kept = next.map((section, index) => {
    const old = before.get(section.category.id);
    let result = section;
    if (old && old.category === section.category) {
      const oldEntries = new Map(old.entries.map((e) => [e.item.id, e]));
      const entries = section.entries.map((e) => {
        const was = oldEntries.get(e.item.id);
        return was && sameEntry(was, e) ? was : e;
      });
      const same = entries.length === old.entries.length && entries.every((e, i) => e === old.entries[i]);
      result = same ? old : { category: section.category, entries };
    }
    if (result !== previous[index]) changed = true;
    return result;
  });
  return changed ? kept : previous;
}

/**
 * Sections already browsed, with the live sold-out list applied (for a screen handed its
 * sections): an entry is sold out when it was, or when {@link itemState} says so with the list.
 */
export function liveSections(
  menu: Menu,
  sections: readonly MenuSection[],
  soldOut: ReadonlySet<string>,
  at: number,
): readonly MenuSection[] {
  if (soldOut.size === 0) return sections;
  const live = withSoldOut(menu, soldOut);
  const moment = momentAt(live, at);
  return sections.map((section) => ({
    ...section,
    entries: section.entries.map((entry) =>
      entry.soldOut || itemState(live, entry.item, moment) !== 'sold-out' ? entry : { ...entry, soldOut: true },
    ),
  }));
}
