/**
 * First-slice pricing: item (or variant) price plus modifier upcharges, times quantity. The
 * kiosk runs it for the cart preview and the edge runs it again, authoritatively, when an
 * order is placed. The full engine (promotions, tax, loyalty) replaces it.
 */
import type { CatalogIndex, ModifierGroup } from './catalog.js';
import { stationOf } from './catalog.js';
import { TillboxError, type ErrorDetail } from './errors.js';
import type { CartLine, PricedLine, Totals } from './wire/api.js';

export interface PricedCart {
  lines: PricedLine[];
  totals: Totals;
}

function priceLine(
  index: CatalogIndex,
  line: CartLine,
  at: string,
  problems: ErrorDetail[],
): Omit<PricedLine, 'lineId'> | undefined {
  const item = index.items.get(line.itemId);
  if (!item) {
    problems.push({ path: `${at}.itemId`, message: `unknown item "${line.itemId}"` });
    return undefined;
  }
  if (!item.available) {
    problems.push({ path: `${at}.itemId`, message: `"${item.name.en}" is sold out` });
    return undefined;
  }
  let base = item.price;
  let variantName: PricedLine['variantName'];
  if (item.variants.length > 0) {
    const variant = line.variantId === undefined ? undefined : item.variants.find((v) => v.id === line.variantId);
    if (!variant) {
      const choices = item.variants.map((v) => v.id).join(', ');
      problems.push({
        path: `${at}.variantId`,
        message:
          line.variantId === undefined
            ? `"${item.name.en}" needs a size: ${choices}`
            : `"${item.name.en}" has no variant "${line.variantId}" (${choices})`,
      });
      return undefined;
    }
    base = variant.price;
    variantName = variant.name;
  } else if (line.variantId !== undefined) {
    problems.push({ path: `${at}.variantId`, message: `"${item.name.en}" has no variants` });
    return undefined;
  }

  const chosen = new Map<string, string[]>();
  const modifiers: PricedLine['modifiers'] = [];
  let ok = true;
  line.modifiers.forEach((m, i) => {
    const path = `${at}.modifiers.${i}`;
    const group: ModifierGroup | undefined = item.modifierGroupIds.includes(m.groupId)
      ? index.groups.get(m.groupId)
      : undefined;
    if (!group) {
      problems.push({ path, message: `"${item.name.en}" has no option group "${m.groupId}"` });
      ok = false;
      return;
    }
    const option = group.options.find((o) => o.id === m.optionId);
    if (!option) {
      problems.push({ path, message: `"${group.name.en}" has no option "${m.optionId}"` });
      ok = false;
      return;
    }
    const list = chosen.get(group.id) ?? [];
    if (list.includes(option.id)) {
      problems.push({ path, message: `"${option.name.en}" is chosen twice` });
      ok = false;
      return;
    }
    list.push(option.id);
    chosen.set(group.id, list);
    modifiers.push({ groupId: group.id, optionId: option.id, name: option.name, price: option.price });
  });
  for (const groupId of item.modifierGroupIds) {
    const group = index.groups.get(groupId);
    if (!group) continue;
    const n = chosen.get(groupId)?.length ?? 0;
    if (n < group.min) {
      problems.push({
        path: `${at}.modifiers`,
        message: `"${item.name.en}" needs at least ${group.min} choice(s) of "${group.name.en}"`,
      });
      ok = false;
    }
    if (n > group.max) {
      problems.push({
        path: `${at}.modifiers`,
        message: `"${item.name.en}" allows at most ${group.max} choice(s) of "${group.name.en}"`,
      });
      ok = false;
    }
  }
  if (!ok) return undefined;

  const unitPrice = base + modifiers.reduce((s, m) => s + m.price, 0);
  const priced: Omit<PricedLine, 'lineId'> = {
    itemId: item.id,
    name: item.name,
    modifiers,
    quantity: line.quantity,
    station: stationOf(index, item),
    allergens: item.allergens,
    unitPrice,
    lineTotal: unitPrice * line.quantity,
    discount: 0,
    tax: 0,
  };
  if (line.variantId !== undefined) priced.variantId = line.variantId;
  if (variantName) priced.variantName = variantName;
  if (line.note !== undefined && line.note !== '') priced.note = line.note;
  return priced;
}

/**
 * Price a cart against the catalog. Throws one `validation` error listing every line problem
 * (unknown item, sold out, missing size, bad option counts) so nothing half-priced escapes.
 */
export function priceCart(
  index: CatalogIndex,
  lines: readonly CartLine[],
  makeLineId: (i: number) => string = (i) => `line-${i + 1}`,
): PricedCart {
  const problems: ErrorDetail[] = [];
  const priced: PricedLine[] = [];
  lines.forEach((line, i) => {
    const p = priceLine(index, line, `lines.${i}`, problems);
    if (p) priced.push({ lineId: makeLineId(i), ...p });
  });
  if (problems.length > 0) {
    throw new TillboxError('validation', problems.map((p) => p.message).join('; '), { details: problems });
  }
  const subtotal = priced.reduce((s, l) => s + l.lineTotal, 0);
  return {
    lines: priced,
    totals: { currency: index.catalog.currency, subtotal, discount: 0, tax: 0, total: subtotal },
  };
}
