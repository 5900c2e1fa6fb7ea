/**
 * Cart lines to base-priced lines: item or size price (with the store's override), plus
 * modifier upcharges at every nesting level, plus combo slot upcharges, times quantity. Checks
 * availability (sold out, channel, daypart) and choice counts; every problem in the cart is
 * reported at once.
 */
import type { ErrorDetail } from '../errors.js';
import type { LocalizedText } from '../i18n.js';
import type { Channel } from './types.js';
import { allergensAsChosen } from './allergens.js';
import type { CommerceItem, CommerceOption, TaxClass } from './catalog-schema.js';
import type { PricingCartLine, PricingCartModifier } from './cart-schema.js';
import type { PricingEngine } from './compile.js';
import { availabilityOf, storeItemPrice, storeOptionPrice, unavailableReason } from './offer.js';
import type { LocalMoment } from './time-windows.js';

export interface PricedModifierChoice {
  groupId: string;
  optionId: string;
  name: LocalizedText;
  /** Upcharge per unit of the line, minor units. */
  price: number;
  /** The group's default option (what the item comes with): kitchen tickets and the KDS leave it out. */
  default?: true;
  /** Choices in groups nested under this one. */
  modifiers: PricedModifierChoice[];
}

export interface PricedComponent {
  slotId: string;
  itemId: string;
  variantId?: string;
  name: LocalizedText;
  variantName?: LocalizedText;
  /** Slot upcharge per unit of the line. */
  upcharge: number;
  modifiers: PricedModifierChoice[];
  station: string;
  allergens: string[];
}

export interface BaseLine {
  lineId: string;
  itemId: string;
  variantId?: string;
  categoryId: string;
  tags: readonly string[];
  name: LocalizedText;
  variantName?: LocalizedText;
  modifiers: PricedModifierChoice[];
  components: PricedComponent[];
  quantity: number;
  note?: string;
  station: string;
  allergens: string[];
  calories?: number;
  taxClass: TaxClass;
  /** Item or size price + slot upcharges + every modifier upcharge, minor units. */
  unitPrice: number;
  /** unitPrice × quantity. */
  lineTotal: number;
  /** A manager's price replaced the item's (or size's) price: `from` → `to`, per unit, before modifiers. */
  priceOverride?: PriceOverride;
}

export interface PriceOverride {
  from: number;
  to: number;
  reason: string;
}

export interface LineScope {
  readonly engine: PricingEngine;
  readonly storeId: string;
  readonly channel: Channel;
  readonly moment: LocalMoment;
  readonly problems: ErrorDetail[];
}

interface Collected {
  modifiers: PricedModifierChoice[];
  upcharge: number;
  /** Every chosen option, nested ones included: what the line contains follows from them. */
  options: CommerceOption[];
  calories: number;
}

/** Check and price the choices made in `allowed` groups, including nested ones. */
function chooseModifiers(
  scope: LineScope,
  owner: string,
  allowed: readonly string[],
  chosen: readonly PricingCartModifier[],
  path: string,
): Collected | undefined {
  const { engine, problems } = scope;
  const out: Collected = { modifiers: [], upcharge: 0, options: [], calories: 0 };
  const counts = new Map<string, Set<string>>();
  let ok = true;
  const take = (groupId: string, optionId: string, nested: readonly PricingCartModifier[], at: string): void => {
    const entry = allowed.includes(groupId) ? engine.groups.get(groupId) : undefined;
    if (!entry) {
      problems.push({ path: at, message: `${owner} has no option group "${groupId}"` });
      ok = false;
      return;
    }
    const option = entry.options.get(optionId);
    if (!option) {
      problems.push({ path: at, message: `"${entry.group.name.en}" has no option "${optionId}"` });
      ok = false;
      return;
    }
    const seen = counts.get(groupId) ?? new Set<string>();
    if (seen.has(optionId)) {
      problems.push({ path: at, message: `"${option.name.en}" is chosen twice` });
      ok = false;
      return;
    }
    seen.add(optionId);
    counts.set(groupId, seen);
    const inner = chooseModifiers(scope, `"${option.name.en}"`, option.modifierGroupIds, nested, `${at}.modifiers`);
    if (!inner) {
      ok = false;
      return;
    }
    const price = storeOptionPrice(engine, scope.storeId, groupId, option);
    out.modifiers.push({
      groupId,
      optionId,
      name: option.name,
      price,
      ...(option.default ? { default: true as const } : {}),
      modifiers: inner.modifiers,
    });
    out.upcharge += price + inner.upcharge;
    out.options.push(option, ...inner.options);
    out.calories += (option.calories ?? 0) + inner.calories;
  };
  chosen.forEach((m, i) => take(m.groupId, m.optionId, m.modifiers ?? [], `${path}.${i}`));
  for (const groupId of allowed) {
    const entry = engine.groups.get(groupId);
    if (!entry) continue;
    const { group } = entry;
    let n = counts.get(groupId)?.size ?? 0;
    if (n === 0 && group.min > 0) {
      // A required group left untouched takes its defaults, as the screens pre-select them.
      for (const o of group.options) if (o.default) take(groupId, o.id, [], path);
      n = counts.get(groupId)?.size ?? 0;
    }
    if (n < group.min) {
      problems.push({ path, message: `${owner} needs at least ${group.min} choice(s) of "${group.name.en}"` });
      ok = false;
    }
    if (n > group.max) {
      problems.push({ path, message: `${owner} allows at most ${group.max} choice(s) of "${group.name.en}"` });
      ok = false;
    }
  }
  return ok ? out : undefined;
}

/** The price and name of an item in a size at this store, or a problem. */
function basePrice(
  scope: LineScope,
  item: CommerceItem,
  variantId: string | undefined,
  path: string,
): { price: number; variantName?: LocalizedText; calories?: number } | undefined {
  const { engine, problems } = scope;
  if (item.variants.length === 0) {
    if (variantId !== undefined) {
      problems.push({ path: `${path}.variantId`, message: `"${item.name.en}" has no sizes` });
      return undefined;
    }
    const price = storeItemPrice(engine, scope.storeId, item, undefined) ?? item.price;
    return item.calories === undefined ? { price } : { price, calories: item.calories };
  }
  const variant = variantId === undefined ? undefined : item.variants.find((v) => v.id === variantId);
  if (!variant) {
    const choices = item.variants.map((v) => v.id).join(', ');
    problems.push({
      path: `${path}.variantId`,
      message:
        variantId === undefined
          ? `"${item.name.en}" needs a size: ${choices}`
          : `"${item.name.en}" has no size "${variantId}" (${choices})`,
    });
    return undefined;
  }
  const price = storeItemPrice(engine, scope.storeId, item, variant.id) ?? variant.price;
  const calories = variant.calories ?? item.calories;
  return calories === undefined ? { price, variantName: variant.name } : { price, variantName: variant.name, calories };
}

/** Sold out, wrong channel or outside its dayparts: the reason, or undefined when it can be sold. */
function unavailable(scope: LineScope, item: CommerceItem): string | undefined {
  const { engine } = scope;
  return unavailableReason(engine, item, availabilityOf(engine, item, scope.channel, scope.moment));
}

function stationOf(engine: PricingEngine, item: CommerceItem): string {
  return item.station ?? engine.categories.get(item.categoryId)?.station ?? 'kitchen';
}

/** Price one cart line before promotions, or record its problems and return undefined. */
export function resolveLine(
  scope: LineScope,
  line: PricingCartLine,
  lineId: string,
  path: string,
): BaseLine | undefined {
  const { engine, problems } = scope;
  const item = engine.items.get(line.itemId);
  if (!item) {
    problems.push({ path: `${path}.itemId`, message: `unknown item "${line.itemId}"` });
    return undefined;
  }
  const why = unavailable(scope, item);
  if (why !== undefined) {
    problems.push({ path: `${path}.itemId`, message: why });
    return undefined;
  }
  const base = basePrice(scope, item, line.variantId, path);
  const mods = chooseModifiers(scope, `"${item.name.en}"`, item.modifierGroupIds, line.modifiers, `${path}.modifiers`);
  const combo = resolveCombo(scope, item, line, path);
  if (!base || !mods || !combo) return undefined;

  const override = line.unitPriceOverride;
  const unitPrice = (override?.unitPrice ?? base.price) + mods.upcharge + combo.upcharge;
  const allergens = new Set([...allergensAsChosen(item, mods.options), ...combo.allergens]);
  const calories =
    base.calories === undefined && mods.calories === 0 && combo.calories === 0
      ? undefined
      : (base.calories ?? 0) + mods.calories + combo.calories;
  const category = engine.categories.get(item.categoryId);
  const priced: BaseLine = {
    lineId,
    itemId: item.id,
    categoryId: item.categoryId,
    tags: item.tags,
    name: item.name,
    modifiers: mods.modifiers,
    components: combo.components,
    quantity: line.quantity,
    station: stationOf(engine, item),
    allergens: [...allergens].sort(),
    taxClass: item.taxClass ?? category?.taxClass ?? 'prepared-food',
    unitPrice,
    lineTotal: unitPrice * line.quantity,
  };
  if (line.variantId !== undefined) priced.variantId = line.variantId;
  if (base.variantName) priced.variantName = base.variantName;
  if (calories !== undefined) priced.calories = calories;
  if (line.note !== undefined && line.note !== '') priced.note = line.note;
  if (override) priced.priceOverride = { from: base.price, to: override.unitPrice, reason: override.reason };
  return priced;
}

function resolveCombo(
  scope: LineScope,
  item: CommerceItem,
  line: PricingCartLine,
  path: string,
): { components: PricedComponent[]; upcharge: number; allergens: string[]; calories: number } | undefined {
  const { engine, problems } = scope;
  const out = { components: [] as PricedComponent[], upcharge: 0, allergens: [] as string[], calories: 0 };
  if (!item.combo) {
    if (line.slots.length === 0) return out;
    problems.push({ path: `${path}.slots`, message: `"${item.name.en}" is not a combo` });
    return undefined;
  }
  let ok = true;
  const filled = new Set<string>();
  line.slots.forEach((choice, i) => {
    const at = `${path}.slots.${i}`;
    const slot = item.combo?.slots.find((s) => s.id === choice.slotId);
    if (!slot) {
      problems.push({ path: at, message: `"${item.name.en}" has no slot "${choice.slotId}"` });
      ok = false;
      return;
    }
    if (filled.has(slot.id)) {
      problems.push({ path: at, message: `"${item.name.en}" slot "${slot.name.en}" is filled twice` });
      ok = false;
      return;
    }
    filled.add(slot.id);
    const option = slot.choices.find((c) => c.itemId === choice.itemId && c.variantId === choice.variantId);
    const component = engine.items.get(choice.itemId);
    if (!option || !component) {
      problems.push({ path: at, message: `"${slot.name.en}" cannot be filled with "${choice.itemId}"` });
      ok = false;
      return;
    }
    const why = unavailable(scope, component);
    if (why !== undefined) {
      problems.push({ path: at, message: why });
      ok = false;
      return;
    }
    const owner = `"${component.name.en}"`;
    const mods = chooseModifiers(scope, owner, component.modifierGroupIds, choice.modifiers, `${at}.modifiers`);
    if (!mods) {
      ok = false;
      return;
    }
    const variant = component.variants.find((v) => v.id === choice.variantId);
    const priced: PricedComponent = {
      slotId: slot.id,
      itemId: component.id,
      name: component.name,
      upcharge: option.upcharge,
      modifiers: mods.modifiers,
      station: stationOf(engine, component),
      allergens: allergensAsChosen(component, mods.options),
    };
    if (variant) {
      priced.variantId = variant.id;
      priced.variantName = variant.name;
    }
    out.components.push(priced);
    out.upcharge += option.upcharge + mods.upcharge;
    out.allergens.push(...priced.allergens);
    out.calories += (variant?.calories ?? component.calories ?? 0) + mods.calories;
  });
  for (const slot of item.combo.slots) {
    if (!slot.optional && !filled.has(slot.id)) {
      problems.push({ path: `${path}.slots`, message: `"${item.name.en}" needs a choice for "${slot.name.en}"` });
      ok = false;
    }
  }
  return ok ? out : undefined;
}
