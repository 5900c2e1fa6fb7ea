/**
 * The loyalty API of the store box (`/api/v1/loyalty`): identifying a guest by their loyalty
 * card's QR code, their phone number or their member id, and what the screens show them.
 */
import { z } from 'zod';

const entityId = z.string().min(1).max(64);

export const loyaltyLookupQuerySchema = z
  .object({
    qr: z.string().trim().min(1).max(80).optional().describe("The loyalty card's QR code, as scanned"),
    phone: z.string().trim().min(1).max(32).optional().describe('The phone number the guest gives'),
    memberId: entityId.optional().describe('A member already identified (to refresh the balance)'),
  })
  .refine((q) => [q.qr, q.phone, q.memberId].filter((v) => v !== undefined).length === 1, {
    message: 'give one of qr, phone or memberId',
  })
  .describe('Who the guest is');
export type LoyaltyLookupQuery = z.infer<typeof loyaltyLookupQuerySchema>;

export const BALANCE_SOURCES = ['cloud', 'offline-estimate'] as const;
export type BalanceSource = (typeof BALANCE_SOURCES)[number];

export const memberBalanceSchema = z.object({
  memberId: entityId,
  name: z.string().max(40).optional().describe('First name, to greet the guest'),
  points: z.int().describe('The balance to show and to redeem from'),
  tierId: entityId.optional(),
  source: z
    .enum(BALANCE_SOURCES)
    .describe(
      "cloud: the loyalty service answered now; offline-estimate: it cannot be reached — the last balance it gave plus this store's own entries since",
    ),
  asOf: z.string().optional().describe('When the loyalty service last gave this balance (ISO 8601)'),
  pending: z
    .int()
    .describe("Points of this store's own entries (earned, spent) not yet in the service's balance; in `points`"),
  offline: z
    .object({
      maxPointsPerDay: z.int().min(0),
      redeemedToday: z.int().min(0),
      redeemable: z.int().min(0).describe('Points that may still be redeemed today while offline'),
    })
    .optional()
    .describe('While offline: the limit of points redeemed per guest per day'),
});
export type MemberBalance = z.infer<typeof memberBalanceSchema>;
