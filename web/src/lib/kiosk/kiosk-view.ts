/**
 * What the kiosk shows, worked out from the sale library: the menu through the guest's dietary
 * filters, what an item contains in words, unique names for the cart's buttons, and the upsell
 * suggestion in the guest's language. Pure: no Svelte, no DOM.
 */
import { localize, meetsDiet, type CommerceItem, type DietaryFilter, type UpsellSuggestion } from '@tillbox/core';
import type { LineDescription } from '$lib/sale/describe.js';
import type { Menu, MenuEntry } from '$lib/sale/menu.js';
import { allergensOf, initialSelection } from '$lib/sale/selection.js';
import type { KioskStrings } from './strings.js';

/** What an item contains as it comes (its default choices): what the dietary filters look at. */
export function allergensAsItComes(menu: Menu, item: CommerceItem): string[] {
  return allergensOf(menu, item, initialSelection(menu, item));
}

/** The entries that meet every filter that is on (all of them when none is). */
export function filterEntries(
  menu: Menu,
  entries: readonly MenuEntry[],
  active: ReadonlySet<DietaryFilter>,
): MenuEntry[] {
  if (active.size === 0) return [...entries];
  return entries.filter((e) => {
    const allergens = allergensAsItComes(menu, e.item);
    return [...active].every((f) => meetsDiet(e.item, allergens, f));
  });
}

/** Allergen tags in the guest's words: "milk, egg". */
export function allergenWords(tags: readonly string[], t: KioskStrings): string {
  return tags.map((a) => t.allergenNames[a] ?? a.replace(/-/g, ' ')).join(', ');
}

/**
 * The names the cart's buttons use for each line, unique within the cart ("Remove Caffè Latte"
 * for one latte; "Caffè Latte (Medium)" and "Caffè Latte (Large)" for two; their choices too when
 * the sizes are the same; a number as the last resort).
 */
export function lineNames(lines: readonly LineDescription[]): string[] {
  const short = lines.map((d) => d.name);
  const sized = lines.map((d) => (d.variant ? `${d.name} (${d.variant})` : d.name));
  const full = lines.map((d, i) => {
    const choices = [...d.options, ...d.components.map((c) => c.name)];
    return choices.length > 0 ? `${sized[i]}, ${choices.join(', ')}` : sized[i];
  });
  const unique = (names: readonly (string | undefined)[], i: number): boolean =>
    names.filter((n) => n === names[i]).length === 1;
  return lines.map((_, i) => {
    if (unique(short, i)) return short[i] ?? '';
    if (unique(sized, i)) return sized[i] ?? '';
    if (unique(full, i)) return full[i] ?? '';
    return `${full[i] ?? ''} (${i + 1})`;
  });
}

/** The suggestion as the guest reads it: the rule's own headline, else worded from the offer. */
export function upsellHeadline(menu: Menu, s: UpsellSuggestion, lang: string, t: KioskStrings): string {
  if (s.headline) return localize(s.headline, lang);
  const item = menu.engine.items.get(s.itemId);
  const name = item ? localize(item.name, lang) : s.itemId;
  switch (s.kind) {
    case 'item':
      return t.upsellItem(name);
    case 'combo':
      return t.upsellCombo(name);
    case 'size-up': {
      const size = item?.variants.find((v) => v.id === s.toVariantId);
      return t.upsellSize(size ? localize(size.name, lang) : s.toVariantId);
    }
  }
}

/** What the suggestion costs: the item's price, or what a larger size or a combo adds ("+$0.50"). */
export function upsellPrice(s: UpsellSuggestion, money: (amount: number) => string, t: KioskStrings): string {
  if (s.kind === 'item') return money(s.price);
  return s.kind === 'size-up' ? t.upsellMore(money(s.price)) : money(s.price);
}
