/**
 * A loyalty member at a selling screen: identifying them through the store box
 * (`GET /loyalty/lookup` by card, phone or id), the rewards of the store's loyalty rules they can
 * take now, and the cart's loyalty (the member and the rewards chosen) that the preview and the
 * order are priced with.
 */
import { localize, memberBalanceSchema, type MemberBalance } from '@tillbox/core';
import { api } from '$lib/api.js';
import type { CartLoyalty } from './cart.js';
import type { Menu } from './menu.js';

export type MemberQuery = { qr: string } | { phone: string } | { memberId: string };

/** Ask the store box who this is and their points (`source` says whether the cloud answered). */
export function lookupMember(query: MemberQuery, signal?: AbortSignal): Promise<MemberBalance> {
  return api.get('/loyalty/lookup', { query, schema: memberBalanceSchema, ...(signal ? { signal } : {}) });
}

/** The cart's loyalty for a member just identified (keeping the rewards already chosen for them). */
export function cartLoyaltyOf(balance: MemberBalance, before?: CartLoyalty): CartLoyalty {
  const rewards = before?.memberId === balance.memberId ? before.rewards : [];
  return {
    memberId: balance.memberId,
    ...(balance.tierId !== undefined ? { tierId: balance.tierId } : {}),
    points: balance.points,
    rewards,
    ...(balance.name !== undefined ? { name: balance.name } : {}),
    ...(balance.source === 'offline-estimate' ? { estimate: true } : {}),
    ...(balance.offline ? { redeemable: balance.offline.redeemable } : {}),
  };
}

export interface RewardChoice {
  id: string;
  name: string;
  points: number;
  chosen: boolean;
  /** It can be chosen now (or un-chosen). */
  available: boolean;
  /** Why it cannot be chosen. */
  why?: string;
}

/**
 * The store's rewards for this member: chosen ones first as they were chosen, each with whether
 * it can be taken — their tier, the points left after the chosen ones, and while the store box
 * cannot reach the cloud, what may still be redeemed today (`redeemable`).
 */
export function rewardChoices(
  menu: Menu,
  member: CartLoyalty,
  lang: string,
  redeemable = member.redeemable,
): RewardChoice[] {
  const rewards = menu.engine.rules.loyalty?.rewards ?? [];
  const spent = rewards.filter((r) => member.rewards.includes(r.id)).reduce((s, r) => s + r.points, 0);
  const budget = Math.min(member.points, redeemable ?? Number.POSITIVE_INFINITY);
  return rewards.map((r) => {
    const chosen = member.rewards.includes(r.id);
    const choice: RewardChoice = { id: r.id, name: localize(r.name, lang), points: r.points, chosen, available: true };
    if (chosen) return choice;
    if (r.tiers.length > 0 && (member.tierId === undefined || !r.tiers.includes(member.tierId)))
      return { ...choice, available: false, why: `for ${r.tiers.join(', ')} members` };
    if (spent + r.points > budget)
      return {
        ...choice,
        available: false,
        why:
          redeemable !== undefined && redeemable < member.points ? 'over the offline limit today' : 'not enough points',
      };
    return choice;
  });
}

/** The member's rewards with `rewardId` taken or given back. */
export function toggledReward(member: CartLoyalty, rewardId: string): CartLoyalty {
  const rewards = member.rewards.includes(rewardId)
    ? member.rewards.filter((r) => r !== rewardId)
    : [...member.rewards, rewardId];
  return { ...member, rewards };
}
