/**
 * The guest's menu on the online ordering page: the store's catalog and the pricing rules it runs,
 * as the cloud relay answers them, compiled into the core's engine and opened on the `online`
 * channel with the shared sale library — so the page shows what the store sells online now, at
 * its prices, and prices the cart with the engine the store places it with.
 *
 * The page adds an item in one tap with its default choices, in the size chosen beside it. Items
 * that need a choice the page does not ask for (a combo's slots, a required choice with no
 * default) are left out, as are sold-out ones.
 *
 * Pure: no Svelte, no DOM.
 */
import { compilePricing, localize, type CommerceItem, type OnlineMenu } from '@tillbox/core';
import type { NewLine } from '$lib/sale/cart.js';
import { browse, momentAt, openMenu, type Menu } from '$lib/sale/menu.js';
import { initialSelection, isComplete, toCartLine, unitPrice, withSize } from '$lib/sale/selection.js';

/** The menu of the cloud's answer; throws a `validation` TillboxError when its rules do not name the store. */
export function openOnlineMenu(answer: OnlineMenu): Menu {
  return openMenu(compilePricing(answer.catalog, answer.rules), answer.storeId, 'online');
}

/** The store's name as its rules give it. */
export function storeName(menu: Menu): string {
  return menu.engine.stores.get(menu.storeId)?.name ?? menu.storeId;
}

export interface OnlineSize {
  readonly variantId: string;
  readonly name: string;
  readonly price: number;
}

export interface OnlineEntry {
  readonly item: CommerceItem;
  readonly name: string;
  readonly description: string | undefined;
  /** Empty for an item without sizes. */
  readonly sizes: readonly OnlineSize[];
  /** One with its default choices, in its first size. */
  readonly price: number;
}

export interface OnlineSection {
  readonly id: string;
  readonly name: string;
  readonly entries: readonly OnlineEntry[];
}

/** What the page offers at `at` (ms), by category in catalog order. */
export function onlineSections(menu: Menu, at: number, lang = 'en'): OnlineSection[] {
  const moment = momentAt(menu, at);
  return browse(menu, at).flatMap((section) => {
    const entries = section.entries.flatMap((entry): OnlineEntry[] => {
      const item = entry.item;
      if (entry.soldOut || item.combo) return [];
      const sel = initialSelection(menu, item);
      if (!isComplete(menu, item, sel, moment)) return [];
      const sizes = item.variants.map((v) => ({
        variantId: v.id,
        name: localize(v.name, lang),
        price: unitPrice(menu, item, withSize(sel, v.id)),
      }));
      const description = item.description ? localize(item.description, lang) : undefined;
      return [{ item, name: localize(item.name, lang), description, sizes, price: unitPrice(menu, item, sel) }];
    });
    return entries.length > 0
      ? [{ id: section.category.id, name: localize(section.category.name, lang), entries }]
      : [];
  });
}

/** The cart line of one of `entry` with its default choices, in `variantId` (its first size when left out). */
export function lineOf(menu: Menu, entry: OnlineEntry, variantId?: string): NewLine {
  const sel = initialSelection(menu, entry.item);
  const size = variantId !== undefined && entry.sizes.some((s) => s.variantId === variantId) ? variantId : undefined;
  return toCartLine(menu, entry.item, size === undefined ? sel : withSize(sel, size));
}
