/**
 * Discounts and comps staff give by hand (`context.manual`), applied like a promotion's action
 * after every promotion and reward: in list order, each on what the ones before it left on its
 * lines, before tax, never below zero. A percentage is rounded half-up once over its lines and,
 * like an amount, spread over them by largest remainder; a comp takes everything left. Lines the
 * rules exclude from discounts are never touched (an order-wide one passes them by).
 */
import type { ErrorDetail } from '../errors.js';
import { localize } from '../i18n.js';
import { allocate } from '../money.js';
import type { ManualAdjustment, PricingContext } from './cart-schema.js';
import { selects, type PricingEngine } from './compile.js';
import { percentOf, type WorkLine } from './deals.js';
import { explainManual } from './explain.js';
import type { BaseLine } from './lines.js';
import type { DiscountOutcome } from './promotions.js';

/** Problems with the manual adjustments of a context: unknown or excluded lines, an id used twice. */
export function checkManual(engine: PricingEngine, lines: readonly BaseLine[], context: PricingContext): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const ids = new Set<string>();
  context.manual.forEach((m, i) => {
    if (ids.has(m.id)) problems.push({ path: `manual.${i}.id`, message: `adjustment id "${m.id}" is used twice` });
    ids.add(m.id);
    if (m.scope === 'order') return;
    const { lineId } = m.scope;
    const line = lines.find((l) => l.lineId === lineId);
    if (!line) problems.push({ path: `manual.${i}.scope.lineId`, message: `the cart has no line "${lineId}"` });
    else if (selects(engine.exclusions, line))
      problems.push({
        path: `manual.${i}.scope.lineId`,
        message: `"${localize(line.name, context.language)}" is never discounted (the rules exclude it)`,
      });
  });
  return problems;
}

/** How much one adjustment takes off lines that have `base` left in all. */
function amountOf(m: ManualAdjustment, base: number): number {
  if (m.kind === 'comp') return base;
  if (m.kind === 'percent') return percentOf(base, m.value ?? 0);
  return Math.min(m.value ?? 0, base);
}

/** Apply `context.manual` to lines in canonical order (after promotions and rewards), recording into `outcome`. */
export function applyManual(
  engine: PricingEngine,
  lines: readonly BaseLine[],
  context: PricingContext,
  work: readonly WorkLine[],
  excluded: readonly boolean[],
  outcome: DiscountOutcome,
): void {
  const lang = context.language;
  for (const m of context.manual) {
    const scope = m.scope;
    const open = work.filter((w, i) => {
      if (excluded[i] || w.remaining <= 0) return false;
      return scope === 'order' || lines[i]?.lineId === scope.lineId;
    });
    const base = open.reduce((s, w) => s + w.remaining, 0);
    const total = amountOf(m, base);
    const line = scope === 'order' ? undefined : lines.find((l) => l.lineId === scope.lineId);
    const lineName = line === undefined ? undefined : localize(line.name, lang);
    if (total === 0) {
      outcome.skipped.push({
        promotionId: m.id,
        source: 'manual',
        reason: 'no-saving',
        message: `${m.kind === 'comp' ? 'Comp' : 'Discount'}${lineName === undefined ? '' : ` (${lineName})`}: nothing left to take off`,
      });
      continue;
    }
    const shares = allocate(
      total,
      open.map((w) => w.remaining),
    );
    const lineIds: string[] = [];
    open.forEach((w, k) => {
      const amount = shares[k] ?? 0;
      const l = lines[w.index];
      if (amount <= 0 || !l) return;
      w.remaining -= amount;
      outcome.discounts[w.index] = (outcome.discounts[w.index] ?? 0) + amount;
      outcome.adjustments.push({
        kind: 'line-discount',
        lineId: l.lineId,
        amount,
        promotionId: m.id,
        source: 'manual',
      });
      lineIds.push(l.lineId);
    });
    outcome.applied.push({
      promotionId: m.id,
      source: 'manual',
      name: { en: m.kind === 'comp' ? 'Comp' : 'Discount' },
      amount: total,
      explanation: explainManual(engine, m, total, lineName, lang),
      lineIds,
      capped: false,
      base,
    });
  }
}
