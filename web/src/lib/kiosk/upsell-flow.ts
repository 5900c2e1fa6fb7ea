/**
 * What "Add" on an upsell suggestion does to the cart: an item is added as it comes (one of it,
 * marked with the suggestion so the upsell report counts it), a larger size replaces the size of
 * the line just added, and a combo opens its item sheet with that line's item already in the
 * slot that holds it (the line makes way for the combo when the guest adds it).
 */
import type { UpsellSuggestion } from '@tillbox/core';
import type { CartState, NewLine, SaleLine } from '$lib/sale/cart.js';
import type { Menu } from '$lib/sale/menu.js';
import { fillSlot, initialSelection, toCartLine, type Selection } from '$lib/sale/selection.js';

type Of<K extends UpsellSuggestion['kind']> = Extract<UpsellSuggestion, { kind: K }>;

/** The line an item suggestion adds, or undefined when the menu no longer has the item. */
export function suggestedLine(menu: Menu, s: Of<'item'>): NewLine | undefined {
  const item = menu.engine.items.get(s.itemId);
  if (!item) return undefined;
  const start = initialSelection(menu, item);
  const sel = s.variantId === undefined ? start : { ...start, variantId: s.variantId };
  return { ...toCartLine(menu, item, sel), upsellId: s.upsellId };
}

/** The cart with line `lineId` in the suggested larger size, marked with the suggestion. */
export function sizedUp(cart: CartState, lineId: string, s: Of<'size-up'>): CartState {
  return {
    lines: cart.lines.map((l) =>
      l.lineId === lineId && l.itemId === s.itemId && l.variantId === s.fromVariantId
        ? { ...l, variantId: s.toVariantId, upsellId: s.upsellId }
        : l,
    ),
  };
}

/** The combo's starting selection: `line`'s item (in its size when the slot offers it) in the first slot that can hold it. */
export function comboStart(menu: Menu, s: Of<'combo'>, line: SaleLine): Selection | undefined {
  const combo = menu.engine.items.get(s.itemId);
  if (!combo?.combo) return undefined;
  let sel = initialSelection(menu, combo);
  for (const slot of combo.combo.slots) {
    const choices = slot.choices.filter((c) => c.itemId === line.itemId);
    if (choices.length === 0) continue;
    const same = choices.find((c) => c.variantId === line.variantId) ?? choices[0];
    sel = fillSlot(menu, sel, slot.id, { itemId: line.itemId, variantId: same?.variantId });
    break;
  }
  return sel;
}
