/**
 * What a guest or cashier has chosen for one item before it goes into the cart: its size, its
 * modifier choices (nested: a syrup's sugar-free choice sits under the syrup), its combo slots
 * (each filled with an item, in a size, with that item's own choices) and the quantity; whether
 * it is complete; what one costs; and the cart line it becomes. Pure functions over the menu:
 * a screen keeps a {@link Selection} in state.
 */
import {
  allergensAsChosen,
  type ComboSlotChoice,
  type CommerceItem,
  type CommerceModifierGroup,
  type CommerceOption,
  type LocalMoment,
  type PricingCartModifier,
} from '@tillbox/core';
import type { NewLine } from './cart.js';
import { groupsOf, itemState, optionPrice, sizePrice, slotOptions, type Menu } from './menu.js';

/** A chosen option and the choices made in the groups it opens. */
export interface OptionPick {
  readonly optionId: string;
  readonly nested: Picks;
}

/** Chosen options by modifier group id, in the order the group lists them. */
export type Picks = Readonly<Record<string, readonly OptionPick[]>>;

/** A combo slot filled: the item, its size, and its own choices. */
export interface SlotPick {
  readonly itemId: string;
  readonly variantId: string | undefined;
  readonly modifiers: Picks;
}

export interface Selection {
  readonly itemId: string;
  readonly variantId: string | undefined;
  readonly modifiers: Picks;
  /** Filled slots by slot id (a combo); an empty slot has no entry. */
  readonly slots: Readonly<Record<string, SlotPick>>;
  readonly quantity: number;
}

export const MAX_QUANTITY = 99;

/** Each group's default options (at most `max`), each with its own nested defaults. */
export function initialPicks(menu: Menu, groupIds: readonly string[]): Picks {
  const picks: Record<string, OptionPick[]> = {};
  for (const g of groupsOf(menu, groupIds)) {
    picks[g.id] = g.options
      .filter((o) => o.default)
      .slice(0, g.max)
      .map((o) => ({ optionId: o.id, nested: initialPicks(menu, o.modifierGroupIds) }));
  }
  return picks;
}

/** The starting choice: the first size, every group's defaults, no slot filled, one of it. */
export function initialSelection(menu: Menu, item: CommerceItem): Selection {
  return {
    itemId: item.id,
    variantId: item.variants[0]?.id,
    modifiers: initialPicks(menu, item.modifierGroupIds),
    slots: {},
    quantity: 1,
  };
}

function picked(menu: Menu, option: CommerceOption): OptionPick {
  return { optionId: option.id, nested: initialPicks(menu, option.modifierGroupIds) };
}

/** Choose `optionId` in a one-choice group (its nested groups at their defaults), or clear it with undefined. */
export function chooseOne(menu: Menu, picks: Picks, group: CommerceModifierGroup, optionId: string | undefined): Picks {
  const option = group.options.find((o) => o.id === optionId);
  if (optionId !== undefined && !option) return picks;
  if (option && picks[group.id]?.[0]?.optionId === option.id) return picks;
  return { ...picks, [group.id]: option ? [picked(menu, option)] : [] };
}

/** Tick or untick `optionId` in a many-choice group; ticking past `max` changes nothing. */
export function toggleOption(
  menu: Menu,
  picks: Picks,
  group: CommerceModifierGroup,
  optionId: string,
  on: boolean,
): Picks {
  const current = picks[group.id] ?? [];
  const option = group.options.find((o) => o.id === optionId);
  if (!option) return picks;
  const has = current.some((p) => p.optionId === optionId);
  if (on && (has || current.length >= group.max)) return picks;
  if (!on && !has) return picks;
  const wanted = on ? [...current, picked(menu, option)] : current.filter((p) => p.optionId !== optionId);
  const order = group.options.map((o) => o.id);
  return { ...picks, [group.id]: [...wanted].sort((a, b) => order.indexOf(a.optionId) - order.indexOf(b.optionId)) };
}

/** Replace the choices nested under a chosen option. */
export function withNested(picks: Picks, groupId: string, optionId: string, nested: Picks): Picks {
  const current = picks[groupId] ?? [];
  return { ...picks, [groupId]: current.map((p) => (p.optionId === optionId ? { ...p, nested } : p)) };
}

export function withSize(sel: Selection, variantId: string): Selection {
  return { ...sel, variantId };
}

export function withModifiers(sel: Selection, modifiers: Picks): Selection {
  return { ...sel, modifiers };
}

export function withQuantity(sel: Selection, quantity: number): Selection {
  return { ...sel, quantity: Math.max(1, Math.min(MAX_QUANTITY, Math.trunc(quantity))) };
}

/**
 * Fill a combo slot with an item in a size (its choices at their defaults; kept when only the
 * size changes), or empty it with undefined.
 */
export function fillSlot(
  menu: Menu,
  sel: Selection,
  slotId: string,
  choice: { itemId: string; variantId: string | undefined } | undefined,
): Selection {
  const slots: Record<string, SlotPick> = { ...sel.slots };
  if (!choice) {
    delete slots[slotId];
    return { ...sel, slots };
  }
  const item = menu.engine.items.get(choice.itemId);
  if (!item) return sel;
  const before = sel.slots[slotId];
  const modifiers = before?.itemId === item.id ? before.modifiers : initialPicks(menu, item.modifierGroupIds);
  slots[slotId] = { itemId: item.id, variantId: choice.variantId, modifiers };
  return { ...sel, slots };
}

export function withSlotModifiers(sel: Selection, slotId: string, modifiers: Picks): Selection {
  const slot = sel.slots[slotId];
  return slot ? { ...sel, slots: { ...sel.slots, [slotId]: { ...slot, modifiers } } } : sel;
}

/** The key of a group's fieldset: its path from the item (`milk`, `syrup/vanilla/sugar-free`, `slot:drink/milk`). */
export function groupKey(prefix: string, groupId: string): string {
  return prefix === '' ? groupId : `${prefix}/${groupId}`;
}

/** Keys of the groups (nested too) whose choice count is outside min..max. */
function incompletePicks(menu: Menu, groupIds: readonly string[], picks: Picks, prefix: string): string[] {
  const out: string[] = [];
  for (const g of groupsOf(menu, groupIds)) {
    const key = groupKey(prefix, g.id);
    const chosen = picks[g.id] ?? [];
    if (chosen.length < g.min || chosen.length > g.max) out.push(key);
    for (const p of chosen) {
      const option = g.options.find((o) => o.id === p.optionId);
      if (option) out.push(...incompletePicks(menu, option.modifierGroupIds, p.nested, `${key}/${p.optionId}`));
    }
  }
  return out;
}

/**
 * What still needs a choice: `size`, the keys of incomplete groups ({@link groupKey}), and
 * `slot:<id>` for an empty required slot (or one filled with something it cannot hold).
 */
export function missingChoices(menu: Menu, item: CommerceItem, sel: Selection, moment: LocalMoment): string[] {
  const out: string[] = [];
  if (item.variants.length > 0 && !item.variants.some((v) => v.id === sel.variantId)) out.push('size');
  out.push(...incompletePicks(menu, item.modifierGroupIds, sel.modifiers, ''));
  for (const slot of item.combo?.slots ?? []) {
    const key = `slot:${slot.id}`;
    const pick = sel.slots[slot.id];
    if (!pick) {
      if (!slot.optional) out.push(key);
      continue;
    }
    const fits = slotOptions(menu, slot, moment).some(
      (o) => !o.soldOut && o.item.id === pick.itemId && o.sizes.some((s) => s.variantId === pick.variantId),
    );
    if (!fits) out.push(key);
    const component = menu.engine.items.get(pick.itemId);
    if (component) out.push(...incompletePicks(menu, component.modifierGroupIds, pick.modifiers, key));
  }
  return out;
}

/** Whether the selection can go into the cart now. */
export function isComplete(menu: Menu, item: CommerceItem, sel: Selection, moment: LocalMoment): boolean {
  return (
    itemState(menu, item, moment) === 'offered' &&
    sel.quantity >= 1 &&
    sel.quantity <= MAX_QUANTITY &&
    missingChoices(menu, item, sel, moment).length === 0
  );
}

/** The chosen options (nested ones too), for allergens and calories. */
function chosenOptions(menu: Menu, groupIds: readonly string[], picks: Picks): CommerceOption[] {
  const out: CommerceOption[] = [];
  for (const g of groupsOf(menu, groupIds)) {
    for (const p of picks[g.id] ?? []) {
      const option = g.options.find((o) => o.id === p.optionId);
      if (option) out.push(option, ...chosenOptions(menu, option.modifierGroupIds, p.nested));
    }
  }
  return out;
}

function upcharge(menu: Menu, groupIds: readonly string[], picks: Picks): number {
  let total = 0;
  for (const g of groupsOf(menu, groupIds)) {
    for (const p of picks[g.id] ?? []) {
      const option = g.options.find((o) => o.id === p.optionId);
      if (option) total += optionPrice(menu, g.id, option) + upcharge(menu, option.modifierGroupIds, p.nested);
    }
  }
  return total;
}

/** Price of one as chosen: size (or item, or combo) price at this store, slot upcharges, every choice's upcharge. */
export function unitPrice(menu: Menu, item: CommerceItem, sel: Selection): number {
  const size = item.variants.length > 0 ? (sel.variantId ?? item.variants[0]?.id) : undefined;
  let total = sizePrice(menu, item, size) ?? 0;
  total += upcharge(menu, item.modifierGroupIds, sel.modifiers);
  for (const slot of item.combo?.slots ?? []) {
    const pick = sel.slots[slot.id];
    const component = pick && menu.engine.items.get(pick.itemId);
    if (!pick || !component) continue;
    const choice = slot.choices.find((c) => c.itemId === pick.itemId && c.variantId === pick.variantId);
    total += (choice?.upcharge ?? 0) + upcharge(menu, component.modifierGroupIds, pick.modifiers);
  }
  return total;
}

/** What the item contains as chosen (oat milk takes away a latte's milk), combo components included. */
export function allergensOf(menu: Menu, item: CommerceItem, sel: Selection): string[] {
  const all = new Set(allergensAsChosen(item, chosenOptions(menu, item.modifierGroupIds, sel.modifiers)));
  for (const pick of Object.values(sel.slots)) {
    const component = menu.engine.items.get(pick.itemId);
    if (!component) continue;
    const options = chosenOptions(menu, component.modifierGroupIds, pick.modifiers);
    for (const a of allergensAsChosen(component, options)) all.add(a);
  }
  return [...all].sort();
}

/** Choices as the cart takes them: groups in the item's order, options in the group's, nested under their option. */
function toModifiers(menu: Menu, groupIds: readonly string[], picks: Picks): PricingCartModifier[] {
  return groupsOf(menu, groupIds).flatMap((g) =>
    (picks[g.id] ?? []).flatMap((p) => {
      const option = g.options.find((o) => o.id === p.optionId);
      if (!option) return [];
      const nested = toModifiers(menu, option.modifierGroupIds, p.nested);
      const m: PricingCartModifier = { groupId: g.id, optionId: p.optionId };
      if (nested.length > 0) m.modifiers = nested;
      return [m];
    }),
  );
}

/** The cart line the selection becomes (the cart gives it its line id). */
export function toCartLine(menu: Menu, item: CommerceItem, sel: Selection): NewLine {
  const slots: ComboSlotChoice[] = (item.combo?.slots ?? []).flatMap((slot) => {
    const pick = sel.slots[slot.id];
    const component = pick && menu.engine.items.get(pick.itemId);
    if (!pick || !component) return [];
    const choice: ComboSlotChoice = {
      slotId: slot.id,
      itemId: pick.itemId,
      modifiers: toModifiers(menu, component.modifierGroupIds, pick.modifiers),
    };
    if (pick.variantId !== undefined) choice.variantId = pick.variantId;
    return [choice];
  });
  const line: NewLine = {
    itemId: item.id,
    modifiers: toModifiers(menu, item.modifierGroupIds, sel.modifiers),
    slots,
    quantity: sel.quantity,
  };
  if (item.variants.length > 0 && sel.variantId !== undefined) line.variantId = sel.variantId;
  return line;
}
