/**
 * Tips on a card: the suggested percentages (15, 18, 20) of the sale amount, a custom amount, or
 * "ask on the pinpad" (the guest chooses there). Integer minor units, rounded half up: 18% of
 * $8.93 is 160.74 cents, so $1.61. Cash tips are not taken here: staff declare them.
 *
 * Pure: no Svelte, no DOM.
 */

/** The suggested percentages, shown on the screen. */
export const TIP_PERCENTS: readonly number[] = [15, 18, 20];

export type TipChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'amount'; readonly amount: number }
  /** The pinpad asks the guest (the edge's `tipPrompt`). */
  | { readonly kind: 'pinpad' };

export const NO_TIP: TipChoice = { kind: 'none' };

/** `percent` (a whole number) of `base`, in minor units, rounded half up. */
export function tipOf(base: number, percent: number): number {
  if (!Number.isSafeInteger(base) || base <= 0 || !Number.isInteger(percent) || percent <= 0) return 0;
  return Math.floor((base * percent + 50) / 100);
}

/** What the screen knows the tip is; undefined when the pinpad will ask. */
export function tipAmount(choice: TipChoice, base: number): number | undefined {
  switch (choice.kind) {
    case 'none':
      return 0;
    case 'percent':
      return tipOf(base, choice.percent);
    case 'amount':
      return choice.amount;
    case 'pinpad':
      return undefined;
  }
}

/** The tip fields of a card payment's body. */
export function tipFields(choice: TipChoice, base: number): { tip?: number; tipPrompt?: true } {
  if (choice.kind === 'pinpad') return { tipPrompt: true };
  const tip = tipAmount(choice, base) ?? 0;
  return tip > 0 ? { tip } : {};
}

export function sameTip(a: TipChoice, b: TipChoice): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'percent' && b.kind === 'percent') return a.percent === b.percent;
  if (a.kind === 'amount' && b.kind === 'amount') return a.amount === b.amount;
  return true;
}
