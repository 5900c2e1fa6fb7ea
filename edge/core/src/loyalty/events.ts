/**
 * The loyalty events of a store's log, for the event catalogue. Each is about one member (its
 * subject is the member id). Accruals, redemptions and reversals are the store's entries of the
 * member's ledger: relayed like every event and applied by the cloud once per `(store, seq)`.
 * `loyalty.member-seen` is the store's cache of what the cloud last said (never a ledger entry).
 */
import { z } from 'zod';
import { keyHashSchema } from './members.js';

const entityId = z.string().min(1).max(64);
const memberId = entityId.describe('The loyalty member');
const orderId = entityId.describe('The order it came with');
const points = z.int().min(1).max(100_000_000);

/** A paid order earned points (the engine's `pointsEarned` as the order was paid). */
export const loyaltyAccrued = z.object({ memberId, orderId, points });

/** A placed order spent points on rewards (the engine's `pointsRedeemed`). */
export const loyaltyRedeemed = z.object({
  memberId,
  orderId,
  points,
  rewardIds: z.array(entityId).min(1).max(10),
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  offline: z
    .boolean()
    .describe("true: the cloud could not be asked; the balance was the store's estimate (the offline limit applied)"),
});

export const LOYALTY_REVERSAL_REASONS = ['cancelled', 'voided', 'refunded'] as const;

/**
 * An order's points undone: the points it redeemed given back, the points it earned taken back.
 * A refund of some lines (`lineIds`) takes back only the points those lines earned (see
 * `order-loyalty.ts`); `lineIds` is optional, so a reader that does not know it still applies
 * the entry right (its points are `redemption − accrual` either way).
 */
export const loyaltyReversed = z.object({
  memberId,
  orderId,
  accrual: z.int().min(0).describe('Points earned that are taken back'),
  redemption: z.int().min(0).describe('Points spent that are given back'),
  reason: z.enum(LOYALTY_REVERSAL_REASONS),
  lineIds: z
    .array(entityId)
    .min(1)
    .max(1000)
    .optional()
    .describe('A refund of these lines (not of the whole order): the points they earned are taken back'),
});

/** What the cloud said of a member (the store's cache, for when the cloud cannot be reached). */
export const loyaltyMemberSeen = z.object({
  memberId,
  points: z
    .int()
    .describe("The cloud's balance without this store's entries after storeSeq (the store adds its own from its log)"),
  storeSeq: z.int().min(0).describe("Every event of this store up to this seq was in the cloud's balance"),
  tierId: entityId.optional(),
  name: z.string().max(40).optional().describe('First name, to greet the guest'),
  phoneHash: keyHashSchema.optional(),
  qrHash: keyHashSchema.optional(),
});

export const LOYALTY_EVENTS = {
  'loyalty.accrued': { version: 1, schema: loyaltyAccrued },
  'loyalty.redeemed': { version: 1, schema: loyaltyRedeemed },
  'loyalty.reversed': { version: 1, schema: loyaltyReversed },
  'loyalty.member-seen': { version: 1, schema: loyaltyMemberSeen },
} as const;

export type LoyaltyAccruedData = z.infer<typeof loyaltyAccrued>;
export type LoyaltyRedeemedData = z.infer<typeof loyaltyRedeemed>;
export type LoyaltyReversedData = z.infer<typeof loyaltyReversed>;
export type LoyaltyMemberSeenData = z.infer<typeof loyaltyMemberSeen>;
