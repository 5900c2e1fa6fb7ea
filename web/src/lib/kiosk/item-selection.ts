/**
 * What a guest has chosen for one item in the options dialog, and whether it is complete.
 * Pure functions over the catalog; the dialog keeps a {@link Selection} in state.
 */
import type { CartLine, CatalogIndex, Item, ModifierGroup } from '@tillbox/core';

export interface Selection {
  variantId: string | undefined;
  /** Chosen option ids by modifier group id, in the order the group lists them. */
  chosen: Record<string, string[]>;
  quantity: number;
}

export const MAX_QUANTITY = 99;

/** The item's modifier groups, in the item's order, skipping ids the catalog does not have. */
export function groupsOf(index: CatalogIndex, item: Item): ModifierGroup[] {
  return item.modifierGroupIds.flatMap((id) => {
    const g = index.groups.get(id);
    return g ? [g] : [];
  });
}

/** The starting choice: the first size, and each group's default options (at most `max`). */
export function initialSelection(index: CatalogIndex, item: Item): Selection {
  const chosen: Record<string, string[]> = {};
  for (const g of groupsOf(index, item)) {
    chosen[g.id] = g.options
      .filter((o) => o.default)
      .slice(0, g.max)
      .map((o) => o.id);
  }
  return { variantId: item.variants[0]?.id, chosen, quantity: 1 };
}

/** Choose `optionId` in a one-choice group, or clear it with undefined. */
export function chooseOne(sel: Selection, group: ModifierGroup, optionId: string | undefined): Selection {
  return { ...sel, chosen: { ...sel.chosen, [group.id]: optionId === undefined ? [] : [optionId] } };
}

/** Tick or untick `optionId` in a many-choice group; ticking past `max` changes nothing. */
export function toggleOption(sel: Selection, group: ModifierGroup, optionId: string, on: boolean): Selection {
  const current = sel.chosen[group.id] ?? [];
  if (on && (current.includes(optionId) || current.length >= group.max)) return sel;
  const wanted = on ? [...current, optionId] : current.filter((id) => id !== optionId);
  const ordered = group.options.map((o) => o.id).filter((id) => wanted.includes(id));
  return { ...sel, chosen: { ...sel.chosen, [group.id]: ordered } };
}

/** Ids of the groups whose choice count is outside min..max. */
export function incompleteGroups(index: CatalogIndex, item: Item, sel: Selection): string[] {
  return groupsOf(index, item)
    .filter((g) => {
      const n = sel.chosen[g.id]?.length ?? 0;
      return n < g.min || n > g.max;
    })
    .map((g) => g.id);
}

export function isComplete(index: CatalogIndex, item: Item, sel: Selection): boolean {
  const sizeOk = item.variants.length === 0 || item.variants.some((v) => v.id === sel.variantId);
  return (
    item.available &&
    sizeOk &&
    sel.quantity >= 1 &&
    sel.quantity <= MAX_QUANTITY &&
    incompleteGroups(index, item, sel).length === 0
  );
}

/** Price of one of the item as chosen: size (or item) price plus option upcharges. */
export function unitPrice(index: CatalogIndex, item: Item, sel: Selection): number {
  const variant = item.variants.find((v) => v.id === sel.variantId);
  let total = variant ? variant.price : (item.variants[0]?.price ?? item.price);
  for (const g of groupsOf(index, item)) {
    const ids = sel.chosen[g.id] ?? [];
    for (const o of g.options) if (ids.includes(o.id)) total += o.price;
  }
  return total;
}

/** The cheapest way to buy the item, and whether it comes in sizes ("from $X"). */
export function startingPrice(item: Item): { amount: number; from: boolean } {
  if (item.variants.length === 0) return { amount: item.price, from: false };
  return { amount: Math.min(...item.variants.map((v) => v.price)), from: item.variants.length > 1 };
}

export function toCartLine(index: CatalogIndex, item: Item, sel: Selection): CartLine {
  const modifiers = groupsOf(index, item).flatMap((g) =>
    (sel.chosen[g.id] ?? []).map((optionId) => ({ groupId: g.id, optionId })),
  );
  const line: CartLine = { itemId: item.id, modifiers, quantity: sel.quantity };
  if (item.variants.length > 0 && sel.variantId !== undefined) line.variantId = sel.variantId;
  return line;
}

/** Lines with the same key are the same thing and can share one cart line. */
export function lineKey(line: CartLine): string {
  const mods = line.modifiers.map((m) => `${m.groupId}:${m.optionId}`).join(',');
  return `${line.itemId}|${line.variantId ?? ''}|${mods}|${line.note ?? ''}`;
}

/** What a cart line is, in words: the item, its size and its options. */
export function describeLine(
  index: CatalogIndex,
  line: CartLine,
  localize: (text: { en: string }) => string,
): { name: string; variant: string | undefined; options: string[] } {
  const item = index.items.get(line.itemId);
  const variant = item?.variants.find((v) => v.id === line.variantId);
  const options = line.modifiers.flatMap((m) => {
    const option = index.groups.get(m.groupId)?.options.find((o) => o.id === m.optionId);
    return option ? [localize(option.name)] : [];
  });
  return {
    name: item ? localize(item.name) : line.itemId,
    variant: variant ? localize(variant.name) : undefined,
    options,
  };
}
