/**
 * Splitting the bill: evenly into N parts (the total shared by largest remainder, so the parts
 * add up to it exactly) or by lines (each line in exactly one part). The order keeps the plan;
 * each part's amount follows the order's price until the first payment, after which neither the
 * price nor the plan can change. A payment names its part and never takes more than the part
 * has due; the order is paid when every part is.
 */
import type { CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { MAX_SPLIT_PARTS, type SplitPlanInput } from '../events/catalogue.js';
import { allocate } from '../money.js';
import { describeStatus } from '../order-lifecycle.js';
import { paidNet, type Order, type OrderEvent } from './order.js';

export interface SplitPart {
  /** 1-based: what a payment names. */
  part: number;
  amount: number;
  /** Taken for it so far, net of refunds. */
  paid: number;
  due: number;
  /** Split by lines: its lines. */
  lineIds?: string[];
}

type SplitOrder = Pick<Order, 'split' | 'lines' | 'totals' | 'payments' | 'payment'>;

/** What each part comes to under a plan, from the order's current lines and total. */
function amountsOf(order: Pick<Order, 'lines' | 'totals'>, plan: Exclude<SplitPlanInput, { kind: 'none' }>): number[] {
  if (plan.kind === 'even') return allocate(order.totals.total, new Array<number>(plan.count).fill(1));
  const totals = new Map(order.lines.map((l) => [l.lineId, l.total]));
  return plan.parts.map((ids) => ids.reduce((s, id) => s + (totals.get(id) ?? 0), 0));
}

/** The parts of a split bill with what each has had paid and has due; empty when the bill is not split. */
export function splitParts(order: SplitOrder): SplitPart[] {
  const plan = order.split;
  if (!plan) return [];
  const settled = order.payment === 'paid' || order.payment === 'refunded';
  return amountsOf(order, plan).map((amount, i) => {
    const part = i + 1;
    const paid = order.payments.filter((p) => p.part === part).reduce((s, p) => s + p.amount, 0);
    const out: SplitPart = { part, amount, paid, due: settled ? 0 : Math.max(0, amount - paid) };
    if (plan.kind === 'lines') out.lineIds = [...(plan.parts[i] ?? [])];
    return out;
  });
}

const invalid = (message: string, path = 'plan'): TillboxError =>
  new TillboxError('validation', message, { details: [{ path, message }] });

/** Every line of the order in exactly one part, and no part that comes to nothing. */
function checkLinesPlan(order: Order, parts: readonly (readonly string[])[]): void {
  const known = new Set(order.lines.map((l) => l.lineId));
  const seen = new Set<string>();
  parts.forEach((ids, i) => {
    for (const id of ids) {
      if (!known.has(id)) throw invalid(`order ${order.number} has no line ${id}`, `plan.parts.${i}`);
      if (seen.has(id)) throw invalid(`line ${id} is in two parts: each line goes in one part`, `plan.parts.${i}`);
      seen.add(id);
    }
  });
  const left = order.lines.filter((l) => !seen.has(l.lineId));
  if (left.length > 0)
    throw invalid(`every line goes in a part: ${left.length} line(s) are in none (line ${left[0]?.lineId})`);
}

/**
 * `order.split`: split the bill (or make it one bill again, `none`). Only staff split, only an
 * order that still has everything to pay: once a part is paid the plan stays (refund to split
 * again).
 */
export function decideSplit(order: Order, plan: SplitPlanInput, cmd: CommandContext): OrderEvent {
  if (cmd.actor.kind !== 'staff') throw new TillboxError('forbidden', 'only staff split the bill');
  if (order.payment === 'paid' || order.payment === 'refunded')
    throw new TillboxError('conflict', `order ${order.number} is ${order.payment}: there is nothing left to split`);
  if (order.status === 'cancelled' || order.status === 'voided' || order.status === 'refunded')
    throw new TillboxError('conflict', `order ${order.number} is ${describeStatus(order.status)}`);
  if (paidNet(order) !== 0 || order.payment !== 'unpaid')
    throw new TillboxError(
      'conflict',
      `order ${order.number} already has payments: the bill is split before any is taken (refund them to split again)`,
    );
  if (plan.kind === 'none') {
    if (!order.split) throw new TillboxError('conflict', `the bill of order ${order.number} is not split`);
    return { type: 'order.split', data: { orderId: order.id, plan, parts: [] } };
  }
  const count = plan.kind === 'even' ? plan.count : plan.parts.length;
  if (!Number.isSafeInteger(count) || count < 2 || count > MAX_SPLIT_PARTS)
    throw invalid(`a bill is split into 2 to ${MAX_SPLIT_PARTS} parts, not ${count}`);
  if (plan.kind === 'even' && plan.count > order.totals.total)
    throw invalid(`order ${order.number} comes to ${order.totals.total}: it cannot be shared by ${plan.count}`);
  if (plan.kind === 'lines') checkLinesPlan(order, plan.parts);
  const amounts = amountsOf(order, plan);
  const empty = amounts.findIndex((a) => a <= 0);
  if (empty >= 0) throw invalid(`part ${empty + 1} comes to nothing: put a line with a price in it`);
  const parts = amounts.map((amount, i) => {
    const ids = plan.kind === 'lines' ? plan.parts[i] : undefined;
    return ids ? { part: i + 1, amount, lineIds: [...ids] } : { part: i + 1, amount };
  });
  return { type: 'order.split', data: { orderId: order.id, plan, parts } };
}
