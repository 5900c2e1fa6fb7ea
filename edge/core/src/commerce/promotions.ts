/**
 * Applying promotions and rewards to base-priced lines, as a list of actions computed from
 * the unchanged cart. Promotions run in priority order (highest first, then id). Each sees
 * the amounts earlier ones left on each line; an exclusive promotion only takes lines nobody
 * discounted and then locks them; promotion and order caps cut discounts down, lowest
 * priority last. Loyalty rewards apply after promotions and are not capped; staff's manual
 * discounts and comps (manual.ts) come last, on what is left.
 */
import { localize } from '../i18n.js';
import { allocate, divideRounded } from '../money.js';
import { PPM } from './common.js';
import { selects, type CompiledPromotion, type PricingEngine } from './compile.js';
import { dealAmounts, dealShortfall, unitValues, type WorkLine } from './deals.js';
import { explainPromotion, explainReward, orderLimitText, spendMessage } from './explain.js';
import { itemsHint, spendHint } from './hints.js';
import type { BaseLine } from './lines.js';
import { applyManual } from './manual.js';
import type { PricingContext } from './cart-schema.js';
import type { SpendThreshold } from './rules-schema.js';
import { describeMoment, describeWindow, inAnyCompiledWindow, type LocalMoment } from './time-windows.js';
import type {
  AppliedDiscount,
  LineDiscountAdjustment,
  LoyaltyResult,
  PriceHint,
  SkipReason,
  SkippedDiscount,
} from './types.js';

export interface DiscountOutcome {
  /** Per canonical line: total promotion and reward discount. */
  discounts: number[];
  /** Per canonical line: ids of the promotions that discounted it. */
  promotionsOnLine: Set<string>[];
  adjustments: LineDiscountAdjustment[];
  applied: AppliedDiscount[];
  skipped: SkippedDiscount[];
  hints: PriceHint[];
  redemptions: LoyaltyResult['redemptions'];
}

interface Gate {
  reason: SkipReason;
  message: string;
}

/** Why a promotion cannot apply in this context, or undefined when it can. */
function gate(cp: CompiledPromotion, context: PricingContext, moment: LocalMoment, lang: string): Gate | undefined {
  const p = cp.promotion;
  const name = localize(p.name, lang);
  if ((p.startsOn !== undefined && moment.date < p.startsOn) || (p.endsOn !== undefined && moment.date > p.endsOn))
    return { reason: 'inactive-dates', message: `${name} runs ${p.startsOn ?? '…'} to ${p.endsOn ?? '…'}` };
  if (p.storeIds.length > 0 && !p.storeIds.includes(context.storeId))
    return { reason: 'store', message: `${name} is not offered at this store` };
  if (p.channels.length > 0 && !p.channels.includes(context.channel))
    return { reason: 'channel', message: `${name} is only for ${p.channels.join(', ')} orders` };
  if (p.orderTypes.length > 0 && !p.orderTypes.includes(context.orderType))
    return { reason: 'order-type', message: `${name} is only for ${p.orderTypes.join(', ')}` };
  const customer = context.customer;
  if (p.segments.length > 0 && !p.segments.some((s) => customer?.segments.includes(s)))
    return { reason: 'segment', message: `${name} is only for ${p.segments.join(', ')} customers` };
  if (p.tiers.length > 0 && (customer?.loyaltyTier === undefined || !p.tiers.includes(customer.loyaltyTier)))
    return { reason: 'tier', message: `${name} is only for ${p.tiers.join(', ')} members` };
  if (!inAnyCompiledWindow(moment, cp.windows))
    return {
      reason: 'outside-hours',
      message: `${name} runs ${p.windows.map(describeWindow).join('; ')}; it is ${describeMoment(moment)}`,
    };
  if (p.coupon) {
    const entered = context.coupons.find((c) => c.code.toUpperCase() === cp.code);
    if (entered && p.coupon.maxUses !== undefined && entered.timesUsed >= p.coupon.maxUses)
      return {
        reason: 'coupon-limit',
        message: `coupon ${cp.code ?? ''} has been used ${entered.timesUsed} of ${p.coupon.maxUses} times`,
      };
    if (entered && p.coupon.maxUsesPerCustomer !== undefined) {
      if (customer?.id === undefined)
        return { reason: 'coupon-customer-limit', message: `coupon ${cp.code ?? ''} needs a signed-in customer` };
      if (entered.timesUsedByCustomer >= p.coupon.maxUsesPerCustomer)
        return {
          reason: 'coupon-customer-limit',
          message: `coupon ${cp.code ?? ''} allows ${p.coupon.maxUsesPerCustomer} use(s) per customer; used ${entered.timesUsedByCustomer}`,
        };
    }
  }
  return undefined;
}

/** How far a measured spend is from passing a threshold, in minor units (0 when it passes). */
function spendShortfall(t: SpendThreshold, measured: number): number {
  const needed = t.comparison === 'more-than' ? t.amount + 1 : t.amount;
  return Math.max(0, needed - measured);
}

interface Candidate {
  readonly cp: CompiledPromotion;
  /** Canonical indexes of the lines the promotion's selectors may match (ascending). */
  readonly lines: readonly number[];
}

/**
 * The promotions that could touch some line, found through the item, category and tag
 * indexes, each with the lines it may touch; plus coupon promotions whose code was entered.
 * In evaluation order.
 */
function candidates(
  engine: PricingEngine,
  lines: readonly BaseLine[],
  context: PricingContext,
  skipped: SkippedDiscount[],
): Candidate[] {
  const hits = new Array<number[] | undefined>(engine.promotions.length);
  const hit = (ranks: readonly number[] | undefined, line: number): void => {
    if (!ranks) return;
    for (const r of ranks) {
      const list = hits[r];
      if (!list) hits[r] = [line];
      else if (list[list.length - 1] !== line) list.push(line);
    }
  };
  lines.forEach((l, i) => {
    hit(engine.promotionsForAll, i);
    hit(engine.promotionsByItem.get(l.itemId), i);
    hit(engine.promotionsByCategory.get(l.categoryId), i);
    for (const t of l.tags) hit(engine.promotionsByTag.get(t), i);
  });
  const entered = new Set<string>();
  for (const c of context.coupons) {
    const code = c.code.toUpperCase();
    const rank = engine.couponCodes.get(code);
    if (rank === undefined || engine.promotions[rank]?.promotion.active !== true) {
      skipped.push({ promotionId: code, source: 'promotion', reason: 'coupon-unknown', message: `no coupon ${code}` });
    } else {
      entered.add(code);
      hits[rank] ??= [];
    }
  }
  const out: Candidate[] = [];
  for (let rank = 0; rank < hits.length; rank += 1) {
    const list = hits[rank];
    const cp = engine.promotions[rank];
    if (list && cp && cp.promotion.active && (cp.code === undefined || entered.has(cp.code)))
      out.push({ cp, lines: list });
  }
  return out;
}

/** Promotions, then rewards, then staff's manual discounts, over lines in canonical order. */
export function applyDiscounts(
  engine: PricingEngine,
  lines: readonly BaseLine[],
  context: PricingContext,
  moment: LocalMoment,
): DiscountOutcome {
  const lang = context.language;
  const n = lines.length;
  const work: WorkLine[] = lines.map((l, index) => ({ index, quantity: l.quantity, remaining: l.lineTotal }));
  const excluded = lines.map((l) => selects(engine.exclusions, l));
  const touched = new Array<boolean>(n).fill(false);
  const locked = new Array<boolean>(n).fill(false);
  const outcome: DiscountOutcome = {
    discounts: new Array<number>(n).fill(0),
    promotionsOnLine: lines.map(() => new Set<string>()),
    adjustments: [],
    applied: [],
    skipped: [],
    hints: [],
    redemptions: [],
  };
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  const cap = engine.rules.maxDiscount;
  let budget = Number.MAX_SAFE_INTEGER;
  if (cap?.amount !== undefined) budget = Math.min(budget, cap.amount);
  if (cap?.percentPpm !== undefined) budget = Math.min(budget, divideRounded(subtotal * cap.percentPpm, PPM));

  const record = (
    id: string,
    source: 'promotion' | 'reward',
    amounts: readonly number[],
    build: (total: number, lineIds: string[]) => AppliedDiscount,
  ): void => {
    const lineIds: string[] = [];
    let total = 0;
    amounts.forEach((amount, i) => {
      const line = lines[i];
      const w = work[i];
      if (amount <= 0 || !line || !w) return;
      w.remaining -= amount;
      outcome.discounts[i] = (outcome.discounts[i] ?? 0) + amount;
      outcome.promotionsOnLine[i]?.add(id);
      touched[i] = true;
      outcome.adjustments.push({ kind: 'line-discount', lineId: line.lineId, amount, promotionId: id, source });
      lineIds.push(line.lineId);
      total += amount;
    });
    outcome.applied.push(build(total, lineIds));
  };

  for (const { cp, lines: reach } of candidates(engine, lines, context, outcome.skipped)) {
    const p = cp.promotion;
    const skip = (reason: SkipReason, message: string): void => {
      outcome.skipped.push({ promotionId: p.id, source: 'promotion', reason, message });
    };
    // Short of a deal: skipped with the hint's words, and the hint kept for the guest.
    const short = (hint: PriceHint): void => {
      skip(hint.kind === 'add-spend' ? 'min-spend' : 'min-quantity', hint.message);
      outcome.hints.push(hint);
    };
    const closed = gate(cp, context, moment, lang);
    if (closed) {
      skip(closed.reason, closed.message);
      continue;
    }
    const exclusive = p.stacking === 'exclusive';
    let blocked = false;
    // Lines this promotion may take: reachable, not excluded, something left, not held by an
    // exclusive promotion (and, for an exclusive one, not discounted by anyone yet).
    const open: WorkLine[] = [];
    for (const i of reach) {
      const line = lines[i];
      const w = work[i];
      if (!line || !w || excluded[i] || w.remaining <= 0 || selects(cp.exclude, line)) continue;
      if (exclusive ? touched[i] : locked[i]) blocked = true;
      else open.push(w);
    }
    const name = localize(p.name, lang);
    if (open.length === 0) {
      if (blocked) skip('exclusive', `${name} does not combine with a promotion already on those items`);
      else skip('no-saving', `${name}: nothing in the cart qualifies`);
      continue;
    }
    if (budget === 0) {
      skip('cap', `${name}: the order already has the most discount allowed (${orderLimitText(engine, lang)})`);
      continue;
    }
    const eligible = cp.selectors.map((sel) => open.filter((w) => selects(sel, lines[w.index] as BaseLine)));
    let spend = 0;
    let units = 0;
    for (const w of open) {
      if (!eligible.some((e) => e.includes(w))) continue;
      spend += w.remaining;
      units += w.quantity;
    }
    const threshold = p.conditions.spend;
    if (threshold) {
      // Before discounts: every line the effect matches and the promotion may discount, at its price.
      const measured =
        threshold.measuredOn === 'after-earlier-promotions'
          ? spend
          : reach.reduce((s, i) => {
              const line = lines[i];
              if (!line || excluded[i] || selects(cp.exclude, line) || !cp.selectors.some((sel) => selects(sel, line)))
                return s;
              return s + line.lineTotal;
            }, 0);
      const missing = spendShortfall(threshold, measured);
      if (missing > 0) {
        skip('min-spend', spendMessage(name, threshold, measured, engine.currency, lang));
        outcome.hints.push(spendHint(engine, p, missing, lang));
        continue;
      }
    }
    if (p.conditions.minQuantity !== undefined && units < p.conditions.minQuantity) {
      short(itemsHint(engine, p, [{ selector: 0, quantity: p.conditions.minQuantity - units }], lang));
      continue;
    }
    let amounts = dealAmounts(p.effect, eligible, n);
    for (let i = 0; i < n; i += 1) amounts[i] = Math.min(amounts[i] ?? 0, work[i]?.remaining ?? 0);
    let total = amounts.reduce((s, a) => s + a, 0);
    if (total === 0) {
      const missing = blocked ? [] : dealShortfall(p.effect, eligible);
      if (blocked) skip('exclusive', `${name} does not combine with a promotion already on those items`);
      else if (missing.length > 0) short(itemsHint(engine, p, missing, lang));
      else skip('no-saving', `${name} saves nothing on what is in the cart`);
      continue;
    }
    let cappedBy: 'promotion' | 'order' | undefined;
    const own = p.maxDiscount ?? Number.MAX_SAFE_INTEGER;
    const limit = Math.min(own, budget);
    if (total > limit) {
      if (limit === 0) {
        skip('cap', `${name}: its discount is capped at nothing`);
        continue;
      }
      amounts = allocate(limit, amounts);
      total = limit;
      cappedBy = own <= budget ? 'promotion' : 'order';
    }
    budget -= total;
    record(p.id, 'promotion', amounts, (amount, lineIds) => {
      const applied: AppliedDiscount = {
        promotionId: p.id,
        source: 'promotion',
        name: p.name,
        amount,
        explanation: explainPromotion(engine, p, amount, cappedBy, lang),
        lineIds,
        capped: cappedBy !== undefined,
      };
      if (cp.code !== undefined) applied.code = cp.code;
      return applied;
    });
    if (exclusive) amounts.forEach((a, i) => (locked[i] = locked[i] === true || a > 0));
  }

  applyRewards(engine, lines, context, work, excluded, outcome, record);
  applyManual(engine, lines, context, work, excluded, outcome);
  return outcome;
}

function applyRewards(
  engine: PricingEngine,
  lines: readonly BaseLine[],
  context: PricingContext,
  work: readonly WorkLine[],
  excluded: readonly boolean[],
  outcome: DiscountOutcome,
  record: (
    id: string,
    source: 'reward',
    amounts: readonly number[],
    build: (total: number, lineIds: string[]) => AppliedDiscount,
  ) => void,
): void {
  const lang = context.language;
  const balance = context.customer?.pointsBalance;
  let spent = 0;
  for (const rewardId of [...new Set(context.rewards)].sort()) {
    const skip = (reason: SkipReason, message: string): void => {
      outcome.skipped.push({ promotionId: rewardId, source: 'reward', reason, message });
    };
    const reward = engine.rewards.get(rewardId);
    if (!reward) {
      skip('reward-unknown', `no reward "${rewardId}"`);
      continue;
    }
    const name = localize(reward.name, lang);
    if (context.customer === undefined) {
      skip('no-loyalty-customer', `${name} needs a loyalty customer`);
      continue;
    }
    const tier = context.customer.loyaltyTier;
    if (reward.tiers.length > 0 && (tier === undefined || !reward.tiers.includes(tier))) {
      skip('reward-tier', `${name} is only for ${reward.tiers.join(', ')} members`);
      continue;
    }
    if (balance !== undefined && spent + reward.points > balance) {
      skip('insufficient-points', `${name} costs ${reward.points} points; ${balance - spent} available`);
      continue;
    }
    const amounts = new Array<number>(lines.length).fill(0);
    if (reward.kind === 'item') {
      const selector = engine.rewardSelectors.get(rewardId);
      // The dearest qualifying unit becomes free: the largest unit share of any matching line.
      let best = -1;
      let bestValue = 0;
      work.forEach((w, i) => {
        const line = lines[i];
        if (!line || !selector || excluded[i] || w.remaining <= 0 || !selects(selector, line)) return;
        const unit = unitValues(w)[0] ?? 0;
        if (unit > bestValue) {
          best = i;
          bestValue = unit;
        }
      });
      if (best >= 0) amounts[best] = bestValue;
    } else {
      const open = work.filter((w, i) => !excluded[i] && w.remaining > 0);
      const base = open.reduce((s, w) => s + w.remaining, 0);
      const shares = allocate(
        Math.min(reward.amount, base),
        open.map((w) => w.remaining),
      );
      open.forEach((w, k) => (amounts[w.index] = shares[k] ?? 0));
    }
    if (amounts.every((a) => a === 0)) {
      skip('no-saving', `${name}: nothing in the cart qualifies`);
      continue;
    }
    spent += reward.points;
    record(rewardId, 'reward', amounts, (amount, lineIds) => {
      outcome.redemptions.push({ rewardId, points: reward.points, amount });
      return {
        promotionId: rewardId,
        source: 'reward',
        name: reward.name,
        amount,
        explanation: explainReward(engine, reward, amount, lang),
        lineIds,
        capped: false,
        points: reward.points,
      };
    });
  }
}
