/**
 * The loyalty routes of the cloud API: managers open accounts (a new card code), adjust
 * balances, read a member's ledger and the conflicts the merge found (admin token); a guest's
 * page shows the points of the card it holds (public: the card's code is its secret).
 */
import { memberQrSchema, RELAY_STORE_ID, TillboxError } from '@tillbox/core';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { LoyaltyExpiry } from './loyalty-expiry.js';
import type { LoyaltyService } from './loyalty-service.js';

const memberId = z.string().min(1).max(64);
const storeId = z.string().regex(RELAY_STORE_ID, 'a store id: lowercase letters, digits and dashes');

export const accountSchema = z.object({
  memberId,
  name: z.string().optional(),
  phone: z.string().optional().describe('E.164'),
  qrCode: z.string().optional().describe("The loyalty card's QR code (print it on the card, or show it in the app)"),
  points: z.int(),
  tierId: z.string().optional(),
  createdAt: z.string(),
});

export const entrySchema = z.object({
  id: z.string(),
  memberId,
  kind: z.enum(['accrual', 'redemption', 'adjustment', 'expiry']),
  points: z.int().describe('Signed'),
  origin: z
    .string()
    .describe(
      'store:{storeId}:{seq}, conflict:{storeId}:{seq}, admin:{key} or expiry:{memberId}:{last activity}: each applied once',
    ),
  storeId: z.string().optional(),
  seq: z.int().optional(),
  orderId: z.string().optional(),
  reason: z.string().optional(),
  conflict: z.boolean().describe('A merge found the balance spent twice; this entry brought it back to zero'),
  at: z.string(),
  recordedAt: z.string(),
});

const newAccountBody = z.object({
  memberId: memberId.optional().describe('Made by the cloud when left out'),
  name: z.string().trim().min(1).max(40).optional().describe('First name'),
  phone: z.string().trim().min(1).max(32).optional(),
});

const adjustmentBody = z.object({
  points: z
    .int()
    .min(-10_000_000)
    .max(10_000_000)
    .refine((p) => p !== 0, 'an adjustment of 0 points changes nothing'),
  reason: z.string().trim().min(3).max(200),
  key: z.string().min(1).max(64).describe('Idempotency key: the same key again is the same adjustment'),
  kind: z.enum(['adjustment', 'expiry']).default('adjustment'),
});

const memberParams = z.object({ memberId });
const storeQuery = z.object({ storeId: storeId.optional().describe('Tiers by the loyalty rules this store runs') });
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
});

const expiryRunSchema = z.object({
  cutoff: z.string().describe('Members whose last activity is before this lost their balance'),
  expired: z.array(z.object({ memberId, points: z.int().describe('Points expired') })),
});

export function loyaltyRoutes(loyalty: LoyaltyService, expiry?: LoyaltyExpiry): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/admin/loyalty/expiry/run',
      summary:
        'Run the points expiry now (loyalty.expiryMonths of inactivity): each inactive member’s balance expired once, in their ledger',
      tags: ['loyalty', 'admin'],
      admin: true,
      response: expiryRunSchema,
      errors: [401, 403, 409],
      handler: async () => {
        if (!expiry?.enabled)
          throw new TillboxError('conflict', 'points never expire here: set loyalty.expiryMonths to expire them');
        return expiry.run();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/loyalty/card',
      summary: "The points of the loyalty card a guest holds (its QR code's text is the card's secret)",
      tags: ['loyalty'],
      body: z.object({ code: memberQrSchema, storeId: storeId.optional() }),
      response: z.object({ memberId, name: z.string().optional(), points: z.int(), tierId: z.string().optional() }),
      errors: [400, 404],
      handler: async ({ body }) => loyalty.card(body.code, body.storeId),
    }),
    defineRoute({
      method: 'POST',
      url: '/admin/loyalty/accounts',
      summary: 'Open a loyalty account: a new member with a new card code',
      tags: ['loyalty', 'admin'],
      admin: true,
      body: newAccountBody,
      response: accountSchema,
      status: 201,
      errors: [400, 401, 403, 409],
      handler: async ({ body }) => loyalty.createAccount(body),
    }),
    defineRoute({
      method: 'GET',
      url: '/admin/loyalty/accounts/:memberId',
      summary: "A member's account, balance and latest ledger entries",
      tags: ['loyalty', 'admin'],
      admin: true,
      params: memberParams,
      query: storeQuery,
      response: z.object({ account: accountSchema, entries: z.array(entrySchema) }),
      errors: [401, 403, 404],
      handler: async ({ params, query }) => ({
        account: await loyalty.account(params.memberId, query.storeId),
        entries: (await loyalty.entries(params.memberId, 200)) as z.input<typeof entrySchema>[],
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/admin/loyalty/accounts/:memberId/adjustments',
      summary: "A manager's adjustment (or an expiry) of a member's points, once per key; never below zero",
      tags: ['loyalty', 'admin'],
      admin: true,
      params: memberParams,
      body: adjustmentBody,
      response: entrySchema,
      status: 201,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body }) => (await loyalty.adjust(params.memberId, body)) as z.input<typeof entrySchema>,
    }),
    defineRoute({
      method: 'GET',
      url: '/admin/loyalty/conflicts',
      summary:
        'Balances a merge found spent twice (two stores redeemed the same points offline): each adjusted back to zero, with the reason, newest first',
      tags: ['loyalty', 'admin'],
      admin: true,
      query: pageQuery,
      response: z.object({ conflicts: z.array(entrySchema) }),
      errors: [401, 403],
      handler: async ({ query }) => ({
        conflicts: (await loyalty.conflicts(query.limit, query.before ? new Date(query.before) : undefined)) as z.input<
          typeof entrySchema
        >[],
      }),
    }),
  ];
}
