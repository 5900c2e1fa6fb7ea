/**
 * Loyalty earning: `earn.points` for every `earn.perAmount` minor units a line costs after
 * discounts (before any tax added on top), times the largest multiplier that matches the line
 * (by item, category or tag, daypart, or a promotion on the line), times the guest's tier
 * factor, summed over the order and floored once. Balances live elsewhere; the engine only
 * says what an order earns and what a reward costs.
 */
import { TillboxError } from '../errors.js';
import { PPM } from './common.js';
import { compileSelector, selects, type PricingEngine, type SelectableLine } from './compile.js';
import { inAnyWindow, type LocalMoment } from './time-windows.js';

export interface EarningLine extends SelectableLine {
  /** Amount after discounts and exemptions, minor units. */
  readonly net: number;
  /** Ids of promotions that discounted the line. */
  readonly promotionIds: ReadonlySet<string>;
}

export interface Earning {
  pointsEarned: number;
  basis: number;
  tierId?: string;
}

const BIG_PPM = BigInt(PPM);

/** Points an order earns. Zero when the rules have no loyalty section. */
export function earnPoints(
  engine: PricingEngine,
  lines: readonly EarningLine[],
  moment: LocalMoment,
  tierId: string | undefined,
): Earning {
  const loyalty = engine.rules.loyalty;
  if (!loyalty) return { pointsEarned: 0, basis: 0 };
  const tier = tierId === undefined ? undefined : loyalty.tiers.find((t) => t.id === tierId);
  const exclude = compiled(engine).exclude;
  const multipliers = compiled(engine).multipliers.filter(
    (m) =>
      m.dayparts.length === 0 ||
      m.dayparts.some((d) => {
        const daypart = engine.dayparts.get(d);
        return daypart !== undefined && inAnyWindow(moment, daypart.windows);
      }),
  );
  let numerator = 0n;
  let basis = 0;
  for (const line of lines) {
    if (line.net <= 0 || selects(exclude, line)) continue;
    let factor = -1;
    for (const m of multipliers) {
      if (m.selector && !selects(m.selector, line)) continue;
      if (m.promotionIds.length > 0 && !m.promotionIds.some((p) => line.promotionIds.has(p))) continue;
      factor = Math.max(factor, m.factorPpm);
    }
    if (factor < 0) factor = PPM;
    basis += line.net;
    numerator += BigInt(line.net) * BigInt(factor);
  }
  const tierFactor = BigInt(tier?.factorPpm ?? PPM);
  const denominator = BigInt(loyalty.earn.perAmount) * BIG_PPM * BIG_PPM;
  const points = Number((numerator * BigInt(loyalty.earn.points) * tierFactor) / denominator);
  return tier ? { pointsEarned: points, basis, tierId: tier.id } : { pointsEarned: points, basis };
}

/** Points a reward costs; a `not-found` error for an unknown reward. */
export function rewardCost(engine: PricingEngine, rewardId: string): number {
  const reward = engine.rewards.get(rewardId);
  if (!reward) throw new TillboxError('not-found', `no loyalty reward "${rewardId}"`);
  return reward.points;
}

interface CompiledLoyalty {
  exclude: ReturnType<typeof compileSelector>;
  multipliers: {
    factorPpm: number;
    selector: ReturnType<typeof compileSelector> | undefined;
    dayparts: readonly string[];
    promotionIds: readonly string[];
  }[];
}

const cache = new WeakMap<PricingEngine, CompiledLoyalty>();

function compiled(engine: PricingEngine): CompiledLoyalty {
  let c = cache.get(engine);
  if (!c) {
    const loyalty = engine.rules.loyalty;
    c = {
      exclude: compileSelector(loyalty?.exclude ?? { all: false, itemIds: [], categoryIds: [], tags: [] }),
      multipliers: (loyalty?.multipliers ?? []).map((m) => ({
        factorPpm: m.factorPpm,
        selector: m.appliesTo ? compileSelector(m.appliesTo) : undefined,
        dayparts: m.dayparts,
        promotionIds: m.promotionIds,
      })),
    };
    cache.set(engine, c);
  }
  return c;
}
