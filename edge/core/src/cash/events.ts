/**
 * The payloads of the cash drawer's events, for the event catalogue. Each session event's
 * subject is the session id; a kick's subject is the drawer id. Money in minor units of the
 * session's currency; counts by denomination as in `denominations.ts`.
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../auth/actors.js';

const entityId = z.string().min(1).max(64);
const minor = z.int().min(0).max(1_000_000_000);
const currency = z.string().regex(/^[A-Z]{3}$/);

export const DRAWER_MOVE_KINDS = ['paid-in', 'paid-out', 'safe-drop'] as const;
export type DrawerMoveKind = (typeof DRAWER_MOVE_KINDS)[number];

export const DRAWER_KICK_REASONS = [
  'open',
  'cash-sale',
  'cash-refund',
  'paid-in',
  'paid-out',
  'safe-drop',
  'no-sale',
] as const;
export type DrawerKickReason = (typeof DRAWER_KICK_REASONS)[number];

export const denominationCountSchema = z
  .record(z.string().regex(/^[1-9]\d{0,6}$/, 'a face value in minor units'), z.int().min(0).max(10_000))
  .refine((c) => Object.keys(c).length <= 30, { message: 'at most 30 denominations' })
  .describe('Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters');

/** Everything that went into and out of a session's drawer, summed. */
export const drawerFiguresSchema = z.object({
  openingFloat: minor,
  cashSales: minor.describe('Cash payments taken on the drawer’s devices while it was open (net of change)'),
  cashRefunds: minor.describe('Cash given back on the drawer’s devices while it was open'),
  paidIn: minor,
  paidOut: minor,
  safeDrops: minor,
});
export type DrawerFigures = z.infer<typeof drawerFiguresSchema>;

const approver = z.object({
  kind: z.literal('staff'),
  id: entityId,
  role: z.enum(STAFF_ROLES),
  name: z.string().max(80).optional(),
});

const session = { drawerId: entityId, sessionId: entityId };

export const drawerOpened = z.object({
  ...session,
  currency,
  openingFloat: minor,
  count: denominationCountSchema.optional().describe('The float by denomination, when it was counted so'),
});

export const drawerCashMoved = z.object({
  ...session,
  moveId: entityId,
  kind: z.enum(DRAWER_MOVE_KINDS),
  amount: minor.min(1),
  reason: z.string().trim().min(1).max(200).optional(),
});

export const drawerNoSale = z.object({
  ...session,
  moveId: entityId,
  reason: z.string().trim().min(1).max(200).optional(),
});

/** The blind count: what was counted, against what should be there. */
export const drawerCounted = z.object({
  ...session,
  counted: minor,
  count: denominationCountSchema,
  expected: z.int().describe('What the drawer should hold (may be below zero after cash refunds)'),
  variance: z.int().describe('counted − expected: over (> 0) or short (< 0)'),
  figures: drawerFiguresSchema,
  needsApproval: z.boolean().describe('The variance is past the store’s threshold: a manager must approve the close'),
});

export const drawerClosed = z.object({
  ...session,
  currency,
  openedAt: z.string().min(1).max(40).describe('ISO 8601'),
  figures: drawerFiguresSchema,
  noSales: z.int().min(0),
  expected: z.int(),
  counted: minor,
  variance: z.int(),
  approvedBy: approver.optional().describe('The manager who approved a variance past the threshold'),
});

export const drawerKickRequested = z.object({
  drawerId: entityId,
  sessionId: entityId.optional(),
  reason: z.enum(DRAWER_KICK_REASONS),
  orderId: entityId.optional().describe('The order of a cash sale or refund'),
});

/** The drawer's entries of the event catalogue. */
export const DRAWER_EVENTS = {
  'drawer.opened': { version: 1, schema: drawerOpened },
  'drawer.cash-moved': { version: 1, schema: drawerCashMoved },
  'drawer.no-sale': { version: 1, schema: drawerNoSale },
  'drawer.counted': { version: 1, schema: drawerCounted },
  'drawer.closed': { version: 1, schema: drawerClosed },
  'drawer.kick-requested': { version: 1, schema: drawerKickRequested },
} as const;
