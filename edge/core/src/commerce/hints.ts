/**
 * Hints for the guest, which a support person can read aloud too: what a deal the cart does not
 * qualify for yet is missing — "3 donuts for $10: add 1 more Donut", "Meal deal: add 1 more
 * Sandwich and 1 more from Drinks", "Big order saving: add $1.51 more".
 */
import { localize } from '../i18n.js';
import type { Selector } from './common.js';
import type { PricingEngine } from './compile.js';
import type { Shortfall } from './deals.js';
import { formatAmount, orList, selectorNames } from './explain.js';
import type { Promotion } from './rules-schema.js';
import { selectorsOf } from './rules-validate.js';
import type { PriceHint } from './types.js';

/**
 * "Donut" → "Donuts", "Berry" → "Berries", "Peach" → "Peaches". A name with a number in it
 * ("Beans, 12 oz") or not ending in a letter is left as it is.
 */
export function englishPlural(name: string): string {
  if (/\d/u.test(name) || !/\p{L}$/u.test(name)) return name;
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

/** "1 more Donut", "2 more Donuts", "1 more item", "2 more from Drinks or Food". */
function moreOf(engine: PricingEngine, s: Selector, n: number, lang: string): string {
  if (s.all) return `${n} more ${n === 1 ? 'item' : 'items'}`;
  const only = s.itemIds.length === 1 && s.categoryIds.length === 0 && s.tags.length === 0 ? s.itemIds[0] : undefined;
  const item = only === undefined ? undefined : engine.items.get(only);
  if (item) {
    const name = localize(item.name, lang);
    // Plurals are made only for English names (the language of the words around them).
    const english = name === item.name.en;
    return `${n} more ${n === 1 || !english ? name : englishPlural(name)}`;
  }
  return `${n} more from ${orList(selectorNames(engine, s, lang))}`;
}

/** A multi-unit deal short of units: what to add of each part, e.g. "3 donuts for $10: add 1 more Donut". */
export function itemsHint(
  engine: PricingEngine,
  p: Promotion,
  shortfalls: readonly Shortfall[],
  lang: string,
): PriceHint {
  const selectors = selectorsOf(p);
  const parts = shortfalls.flatMap((s) => {
    const selector = selectors[s.selector];
    return selector ? [moreOf(engine, selector, s.quantity, lang)] : [];
  });
  return {
    promotionId: p.id,
    kind: 'add-items',
    missing: shortfalls.reduce((sum, s) => sum + s.quantity, 0),
    message: `${localize(p.name, lang)}: add ${parts.join(' and ')}`,
  };
}

/** A promotion short of its spend threshold: "Big order saving: add $1.51 more", "... more of Drinks". */
export function spendHint(engine: PricingEngine, p: Promotion, missing: number, lang: string): PriceHint {
  const first = selectorsOf(p)[0];
  const of = !first || first.all ? '' : ` of ${orList(selectorNames(engine, first, lang))}`;
  return {
    promotionId: p.id,
    kind: 'add-spend',
    missing,
    message: `${localize(p.name, lang)}: add ${formatAmount(missing, engine.currency, lang)} more${of}`,
  };
}
