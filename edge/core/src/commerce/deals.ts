/**
 * What each kind of promotion takes off, computed from the amounts still discountable on each
 * line (`remaining`, after higher-priority promotions). Every function returns one amount per
 * line (indexed like the lines), never more than that line's remaining amount. Ties are broken
 * by line position in canonical (lineId) order, so the cart's order never matters.
 */
import { allocate, divideRounded } from '../money.js';
import { PPM } from './common.js';
import type { PromotionEffect } from './rules-schema.js';

export interface WorkLine {
  /** Position in canonical order (lines sorted by lineId). */
  readonly index: number;
  readonly quantity: number;
  /** Still discountable, minor units. */
  remaining: number;
  /** The last even split of `remaining` over the units (it is asked for by many promotions). */
  split?: { readonly remaining: number; readonly shares: readonly number[] };
}

interface Unit {
  readonly line: number;
  readonly value: number;
}

/** Percent of an amount, rounded half-up to a whole minor unit. */
export function percentOf(amount: number, ppm: number): number {
  return divideRounded(amount * ppm, PPM, 'half-up');
}

/** Spread `total` over lines in proportion to their weights (largest remainder), into `out`. */
function spread(total: number, lines: readonly number[], weights: readonly number[], out: number[]): void {
  if (total === 0 || lines.length === 0) return;
  const shares = allocate(total, weights);
  lines.forEach((line, k) => {
    out[line] = (out[line] ?? 0) + (shares[k] ?? 0);
  });
}

/** Each unit's share of the line's remaining amount (largest remainder), dearest first. */
export function unitValues(l: WorkLine): readonly number[] {
  if (l.split?.remaining !== l.remaining) {
    l.split = { remaining: l.remaining, shares: allocate(l.remaining, new Array<number>(l.quantity).fill(1)) };
  }
  return l.split.shares;
}

/** Each unit of each line with its share of the line's remaining amount. */
function unitsOf(lines: readonly WorkLine[]): Unit[] {
  const units: Unit[] = [];
  for (const l of lines) for (const value of unitValues(l)) units.push({ line: l.index, value });
  return units;
}

const cheapestFirst = (a: Unit, b: Unit): number => a.value - b.value || a.line - b.line;
const dearestFirst = (a: Unit, b: Unit): number => b.value - a.value || a.line - b.line;

/** Spread a discount over chosen units in proportion to their values, accumulating per line. */
function spreadOverUnits(discount: number, units: readonly Unit[], out: number[]): void {
  const perLine = new Map<number, number>();
  for (const u of units) perLine.set(u.line, (perLine.get(u.line) ?? 0) + u.value);
  const lines = [...perLine.keys()].sort((a, b) => a - b);
  spread(
    discount,
    lines,
    lines.map((l) => perLine.get(l) ?? 0),
    out,
  );
}

function percentOff(lines: readonly WorkLine[], ppm: number, out: number[]): void {
  const base = lines.reduce((s, l) => s + l.remaining, 0);
  spread(
    percentOf(base, ppm),
    lines.map((l) => l.index),
    lines.map((l) => l.remaining),
    out,
  );
}

function amountOff(lines: readonly WorkLine[], amount: number, per: 'order' | 'unit', out: number[]): void {
  if (per === 'unit') {
    for (const l of lines) out[l.index] = (out[l.index] ?? 0) + Math.min(l.remaining, amount * l.quantity);
    return;
  }
  const base = lines.reduce((s, l) => s + l.remaining, 0);
  spread(
    Math.min(amount, base),
    lines.map((l) => l.index),
    lines.map((l) => l.remaining),
    out,
  );
}

/**
 * Buy X get Y: as many times as the cart allows, the cheapest qualifying units are discounted,
 * while enough other units remain to be the ones bought.
 */
function buyXGetY(
  buyLines: readonly WorkLine[],
  getLines: readonly WorkLine[],
  x: number,
  y: number,
  ppm: number,
  maxApplications: number,
  out: number[],
): void {
  const buySet = new Set(buyLines.map((l) => l.index));
  const buyUnits = buyLines.reduce((s, l) => s + l.quantity, 0);
  const getUnits = unitsOf(getLines).sort(cheapestFirst);
  const union = buyUnits + getLines.reduce((s, l) => (buySet.has(l.index) ? s : s + l.quantity), 0);
  const n = Math.min(
    Math.floor(getUnits.length / y),
    Math.floor(buyUnits / x),
    Math.floor(union / (x + y)),
    maxApplications,
  );
  if (n <= 0) return;
  const chosen: Unit[] = [];
  let buyLeft = buyUnits;
  for (const u of getUnits) {
    if (chosen.length === n * y) break;
    if (buySet.has(u.line)) {
      if (buyLeft - 1 < n * x) continue;
      buyLeft -= 1;
    }
    chosen.push(u);
  }
  const base = chosen.reduce((s, u) => s + u.value, 0);
  spreadOverUnits(percentOf(base, ppm), chosen, out);
}

/** "3 for $10": sets of N taken from the dearest units down; each set pays the set price. */
function multiBuy(lines: readonly WorkLine[], size: number, price: number, maxApplications: number, out: number[]) {
  const units = unitsOf(lines).sort(dearestFirst);
  const sets = Math.min(Math.floor(units.length / size), maxApplications);
  for (let s = 0; s < sets; s += 1) {
    const set = units.slice(s * size, (s + 1) * size);
    const value = set.reduce((sum, u) => sum + u.value, 0);
    if (value > price) spreadOverUnits(value - price, set, out);
  }
}

/** Bundle price: each bundle takes the dearest unused units for each component in turn. */
function bundle(
  components: readonly { lines: readonly WorkLine[]; quantity: number }[],
  price: number,
  maxApplications: number,
  out: number[],
): void {
  // One Unit object per real unit, shared by every component pool it qualifies for.
  const byLine = new Map<number, Unit[]>();
  for (const c of components) for (const l of c.lines) if (!byLine.has(l.index)) byLine.set(l.index, unitsOf([l]));
  const pools = components.map((c) => c.lines.flatMap((l) => byLine.get(l.index) ?? []).sort(dearestFirst));
  const used = new Set<Unit>();
  for (let applied = 0; applied < maxApplications; applied += 1) {
    const picked: Unit[] = [];
    for (const [k, c] of components.entries()) {
      let need = c.quantity;
      for (const u of pools[k] ?? []) {
        if (need === 0) break;
        if (used.has(u) || picked.includes(u)) continue;
        picked.push(u);
        need -= 1;
      }
      if (need > 0) return;
    }
    for (const u of picked) used.add(u);
    const value = picked.reduce((s, u) => s + u.value, 0);
    if (value > price) spreadOverUnits(value - price, picked, out);
  }
}

/**
 * The discount per line (indexed by canonical position; lines not touched stay 0). `eligible`
 * holds, for each selector of the effect in order, the lines it may touch.
 */
export function dealAmounts(effect: PromotionEffect, eligible: readonly WorkLine[][], lineCount: number): number[] {
  const out = new Array<number>(lineCount).fill(0);
  const first = eligible[0] ?? [];
  switch (effect.kind) {
    case 'percent-off':
      percentOff(first, effect.percentPpm, out);
      break;
    case 'amount-off':
      amountOff(first, effect.amount, effect.per, out);
      break;
    case 'buy-x-get-y':
      buyXGetY(
        first,
        eligible[1] ?? [],
        effect.buy.quantity,
        effect.get.quantity,
        effect.get.percentPpm,
        effect.maxApplications ?? Number.MAX_SAFE_INTEGER,
        out,
      );
      break;
    case 'multi-buy':
      multiBuy(first, effect.quantity, effect.price, effect.maxApplications ?? Number.MAX_SAFE_INTEGER, out);
      break;
    case 'bundle-price':
      bundle(
        effect.components.map((c, k) => ({ lines: eligible[k] ?? [], quantity: c.quantity })),
        effect.price,
        effect.maxApplications ?? 99,
        out,
      );
      break;
  }
  return out;
}

/** Units a deal still needs: `quantity` more units matching the effect's selector number `selector`. */
export interface Shortfall {
  readonly selector: number;
  readonly quantity: number;
}

const unitCount = (lines: readonly WorkLine[] | undefined): number => (lines ?? []).reduce((s, l) => s + l.quantity, 0);

/**
 * What a deal made of sets (multi-buy, buy X get Y, bundle) still needs before it applies once,
 * counting the units it may take; empty when the cart already makes a set (or the deal has no sets).
 */
export function dealShortfall(effect: PromotionEffect, eligible: readonly WorkLine[][]): Shortfall[] {
  switch (effect.kind) {
    case 'percent-off':
    case 'amount-off':
      return [];
    case 'multi-buy': {
      const units = unitCount(eligible[0]);
      return units >= effect.quantity ? [] : [{ selector: 0, quantity: effect.quantity - units }];
    }
    case 'buy-x-get-y': {
      const x = effect.buy.quantity;
      const y = effect.get.quantity;
      const buyLines = new Set((eligible[0] ?? []).map((l) => l.index));
      const buy = unitCount(eligible[0]);
      const get = unitCount(eligible[1]);
      const union = buy + unitCount((eligible[1] ?? []).filter((l) => !buyLines.has(l.index)));
      if (get >= y && buy >= x && union >= x + y) return [];
      const needBuy = Math.max(0, x - buy);
      const needGet = Math.max(0, y - get);
      const needUnion = Math.max(0, x + y - union);
      if (JSON.stringify(effect.buy.appliesTo) === JSON.stringify(effect.get.appliesTo))
        return [{ selector: 0, quantity: Math.max(needBuy, needGet, needUnion) }];
      const extra = Math.max(0, needUnion - needBuy - needGet);
      return [
        { selector: 0, quantity: needBuy },
        { selector: 1, quantity: needGet + extra },
      ].filter((s) => s.quantity > 0);
    }
    case 'bundle-price': {
      // Each component takes units no earlier component took.
      const taken = new Map<number, number>();
      const out: Shortfall[] = [];
      effect.components.forEach((c, k) => {
        let need = c.quantity;
        for (const l of eligible[k] ?? []) {
          const free = l.quantity - (taken.get(l.index) ?? 0);
          const take = Math.min(free, need);
          taken.set(l.index, (taken.get(l.index) ?? 0) + take);
          need -= take;
        }
        if (need > 0) out.push({ selector: k, quantity: need });
      });
      return out;
    }
  }
}
