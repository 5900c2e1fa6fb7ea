/**
 * Splitting the bill on the counter: evenly into N, or by lines (each line given to one part).
 * The preview runs the core's own `splitParts` on the order as placed, so the amounts shown are
 * the amounts the edge will ask of each part (an even split shares the total by largest
 * remainder; a part by lines is the sum of its lines).
 *
 * Pure: no Svelte, no DOM.
 */
import { MAX_SPLIT_PARTS, splitParts, type OrderView, type SplitBody, type SplitPart } from '@tillbox/core';

export type SplitPlan = Exclude<SplitBody, { kind: 'none' }>;

/** The parts `plan` makes of `order`, as the edge will make them. */
export function previewSplit(order: OrderView, plan: SplitPlan): SplitPart[] {
  const input = {
    split: plan,
    lines: order.lines.map((l) => ({ lineId: l.lineId, total: l.total ?? l.lineTotal - l.discount })),
    totals: order.totals,
    payments: [],
    payment: 'unpaid' as const,
  };
  // splitParts reads only these fields of the order (and of its lines, the id and total).
  return splitParts(input as unknown as Parameters<typeof splitParts>[0]);
}

/** The plan of lines given to parts (`assigned`: line id → part, 1-based; part 1 when not given), parts in order. */
export function linesPlan(order: OrderView, assigned: Readonly<Record<string, number>>, count: number): SplitPlan {
  const parts: string[][] = Array.from({ length: count }, () => []);
  for (const line of order.lines) parts[(assigned[line.lineId] ?? 1) - 1]?.push(line.lineId);
  return { kind: 'lines', parts };
}

/** Why `plan` cannot be asked for, in words; undefined when it can. */
export function splitProblem(order: OrderView, plan: SplitPlan): string | undefined {
  const count = plan.kind === 'even' ? plan.count : plan.parts.length;
  if (!Number.isInteger(count) || count < 2 || count > MAX_SPLIT_PARTS)
    return `Split into 2 to ${MAX_SPLIT_PARTS} parts.`;
  if (plan.kind === 'lines') {
    const empty = plan.parts.findIndex((ids) => ids.length === 0);
    if (empty >= 0) return `Part ${empty + 1} has no lines: give it one, or make fewer parts.`;
  }
  const nothing = previewSplit(order, plan).find((p) => p.amount <= 0);
  if (nothing) return `Part ${nothing.part} comes to nothing: give it a line with a price.`;
  return undefined;
}

/** Who pays what, in words, for the ticket: "Part 2 · $4.47 · paid $4.47". */
export function partSummary(part: SplitPart, money: (amount: number) => string): string {
  if (part.due === 0) return `Part ${part.part} · ${money(part.amount)} · paid`;
  if (part.paid > 0) return `Part ${part.part} · ${money(part.amount)} · ${money(part.due)} due`;
  return `Part ${part.part} · ${money(part.amount)}`;
}
