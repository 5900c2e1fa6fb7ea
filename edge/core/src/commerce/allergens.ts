/**
 * What a guest is told an item contains, as they chose it: the item's allergens, less those a
 * choice takes away (oat milk takes away the latte's milk), plus those each choice adds (oats).
 * One rule for the kiosk's item sheet, the priced line and so the kitchen ticket; and the menu's
 * dietary filters, which look at an item as it comes (its default choices).
 */

/** A chosen option as far as allergens go (a catalog option has both lists). */
export interface AllergenChoice {
  readonly allergens: readonly string[];
  readonly removesAllergens?: readonly string[];
}

/**
 * The allergens of `item` with `choices` made (every chosen option, nested ones included),
 * sorted. A choice removes only the item's own allergens, never what another choice adds: whole
 * milk foam on an oat latte still contains milk.
 */
export function allergensAsChosen(
  item: { readonly allergens: readonly string[] },
  choices: readonly AllergenChoice[],
): string[] {
  const removed = new Set(choices.flatMap((c) => c.removesAllergens ?? []));
  const out = new Set(item.allergens.filter((a) => !removed.has(a)));
  for (const choice of choices) for (const a of choice.allergens) out.add(a);
  return [...out].sort();
}

export const DIETARY_FILTERS = ['vegan', 'gluten-free', 'nut-free'] as const;
export type DietaryFilter = (typeof DIETARY_FILTERS)[number];

/** The allergens that rule an item out of a filter; vegan goes by the item's `vegan` tag. */
const EXCLUDES: Readonly<Record<DietaryFilter, readonly string[]>> = {
  vegan: [],
  'gluten-free': ['gluten', 'wheat'],
  'nut-free': ['tree-nuts', 'peanuts'],
};

/**
 * Whether an item, as it comes (`allergens` with its default choices), meets a dietary filter:
 * vegan when tagged `vegan`, gluten-free and nut-free when none of those allergens is in it.
 */
export function meetsDiet(
  item: { readonly tags: readonly string[] },
  allergens: readonly string[],
  filter: DietaryFilter,
): boolean {
  if (filter === 'vegan' && !item.tags.includes('vegan')) return false;
  return !EXCLUDES[filter].some((a) => allergens.includes(a));
}
