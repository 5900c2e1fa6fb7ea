/**
 * The counter's item grid: the sale library's browsing index as tabs that never move —
 * "Favourites" first when the catalog tags any item `favourite` (or `favorite`), then every
 * category in catalog order, each item in its catalog place (sold out stays in place, greyed) —
 * and search as you type over the whole menu.
 *
 * Pure: no Svelte, no DOM.
 */
import { localize } from '@tillbox/core';
import type { MenuEntry, MenuSection } from '$lib/sale/menu.js';

/** Catalog tags that put an item on the Favourites tab. */
export const FAVOURITE_TAGS: readonly string[] = ['favourite', 'favorite'];

export const FAVOURITES_TAB = 'favourites';

export interface GridTab {
  readonly id: string;
  readonly name: string;
  readonly entries: readonly MenuEntry[];
}

export function isFavourite(entry: MenuEntry): boolean {
  return entry.item.tags.some((t) => FAVOURITE_TAGS.includes(t.toLowerCase()));
}

/** The tabs: Favourites (only when the catalog marks some), then the categories, all in catalog order. */
export function gridTabs(sections: readonly MenuSection[], lang: string): GridTab[] {
  const favourites = sections.flatMap((s) => s.entries.filter(isFavourite));
  const tabs: GridTab[] = sections.map((s) => ({
    id: s.category.id,
    name: localize(s.category.name, lang),
    entries: s.entries,
  }));
  return favourites.length > 0 ? [{ id: FAVOURITES_TAB, name: 'Favourites', entries: favourites }, ...tabs] : tabs;
}

/** Lower case, without accents: "Caffè" and "caffe" are the same word to a cashier. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

/** The most results a search shows (the grid is for tapping, not scrolling). */
export const SEARCH_LIMIT = 24;

/**
 * Items whose name (in the screen's language or English) or SKU has every word of the query at
 * the start of one of its words: "lat" finds "Caffè Latte", "ic lat" "Iced Latte", "bak-cro"
 * the SKU BAK-CRO. Names that begin with the query come first; otherwise catalog order. Each item
 * once, even when it is a favourite too.
 */
export function searchMenu(sections: readonly MenuSection[], query: string, lang: string): MenuEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const starts: MenuEntry[] = [];
  const others: MenuEntry[] = [];
  for (const section of sections) {
    for (const entry of section.entries) {
      const names = [localize(entry.item.name, lang), entry.item.name.en].map(fold);
      const sku = fold(entry.item.sku);
      const haystacks = [...names.map((n) => n.split(/[^\p{L}\p{N}]+/u).filter(Boolean)), [sku]];
      const matches = haystacks.some((hay) => words.every((w) => hay.some((part) => part.startsWith(w))));
      if (!matches) continue;
      if (names.some((n) => n.startsWith(words.join(' ')))) starts.push(entry);
      else others.push(entry);
    }
  }
  return [...starts, ...others].slice(0, SEARCH_LIMIT);
}
