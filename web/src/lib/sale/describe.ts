/** A cart line in words, in the screen's language: the item, its size, its choices and its combo slots. */
import { localize, type LocalizedText, type PricingCartModifier } from '@tillbox/core';
import type { NewLine } from './cart.js';
import type { Menu } from './menu.js';

export interface ComponentDescription {
  /** The slot's name ("Pastry"). */
  readonly slot: string;
  readonly name: string;
  readonly variant: string | undefined;
  readonly options: readonly string[];
}

export interface LineDescription {
  readonly name: string;
  readonly variant: string | undefined;
  /** The chosen options, each nested one after the option it belongs to. */
  readonly options: readonly string[];
  readonly components: readonly ComponentDescription[];
}

function optionNames(menu: Menu, modifiers: readonly PricingCartModifier[], lang: string): string[] {
  return modifiers.flatMap((m) => {
    const option = menu.engine.groups.get(m.groupId)?.options.get(m.optionId);
    const nested = optionNames(menu, m.modifiers ?? [], lang);
    return option ? [localize(option.name, lang), ...nested] : nested;
  });
}

function variantName(
  item: { variants: readonly { id: string; name: LocalizedText }[] } | undefined,
  variantId: string | undefined,
  lang: string,
): string | undefined {
  const v = item?.variants.find((x) => x.id === variantId);
  return v ? localize(v.name, lang) : undefined;
}

export function describeLine(menu: Menu, line: NewLine, lang: string): LineDescription {
  const item = menu.engine.items.get(line.itemId);
  const components = line.slots.map((s) => {
    const component = menu.engine.items.get(s.itemId);
    const slot = item?.combo?.slots.find((x) => x.id === s.slotId);
    return {
      slot: slot ? localize(slot.name, lang) : s.slotId,
      name: component ? localize(component.name, lang) : s.itemId,
      variant: variantName(component, s.variantId, lang),
      options: optionNames(menu, s.modifiers, lang),
    };
  });
  return {
    name: item ? localize(item.name, lang) : line.itemId,
    variant: variantName(item, line.variantId, lang),
    options: optionNames(menu, line.modifiers, lang),
    components,
  };
}

/** The line's details on one line of text: "Oat milk · Caffè Latte (Medium): Oat milk · Butter Croissant". */
export function detailsText(d: LineDescription): string {
  const parts = [...d.options];
  for (const c of d.components) {
    const name = c.variant ? `${c.name} (${c.variant})` : c.name;
    parts.push(c.options.length > 0 ? `${name}: ${c.options.join(', ')}` : name);
  }
  return parts.join(' · ');
}
