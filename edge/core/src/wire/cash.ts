/**
 * Bodies and views of the cash drawer API. The close is blind: while a session is open its view
 * carries the float and the paid in / out, drops and no-sales, never the cash sales or what the
 * drawer should hold; those come with the count's result.
 */
import { z } from 'zod';
import { actorSchema } from '../auth/actors.js';
import { MAX_DRAWER_AMOUNT } from '../cash/decide.js';
import { DRAWER_SESSION_STATUSES } from '../cash/drawer.js';
import { denominationCountSchema, DRAWER_MOVE_KINDS, drawerFiguresSchema } from '../cash/events.js';
import { UUID_V7 } from '../ids.js';
import { overrideSchema, reasonSchema } from './access.js';

const amount = z.int().min(0).max(MAX_DRAWER_AMOUNT);

export const drawerParamsSchema = z.object({ id: z.string().regex(UUID_V7, 'id must be a UUIDv7') });

export const openDrawerBodySchema = z
  .object({
    count: denominationCountSchema.optional().describe('The float counted by denomination'),
    amount: amount.optional().describe('The float as one amount (minor units), when it is not counted by denomination'),
  })
  .refine((b) => (b.count === undefined) !== (b.amount === undefined), {
    message: 'give the float as a count by denomination or as an amount, one of the two',
    path: ['count'],
  })
  .describe('Open a drawer with its float');
export type OpenDrawerBody = z.infer<typeof openDrawerBodySchema>;

export const drawerMoveBodySchema = z
  .object({
    kind: z.enum(DRAWER_MOVE_KINDS),
    amount: amount.min(1).describe('Minor units'),
    reason: reasonSchema.optional().describe('What it was for: needed for a paid in or paid out'),
  })
  .describe('Cash paid into or out of the drawer, or dropped to the safe');
export type DrawerMoveBody = z.infer<typeof drawerMoveBodySchema>;

export const noSaleBodySchema = z
  .object({ reason: reasonSchema.optional() })
  .describe('Open the drawer without a sale (audited)');

export const drawerCountBodySchema = z
  .object({
    count: denominationCountSchema.describe('What is in the drawer, counted blind by denomination'),
    override: overrideSchema
      .optional()
      .describe("A manager's approval, for a variance past the store's threshold (else the count waits for one)"),
  })
  .describe('The blind count that closes the drawer');
export type DrawerCountBody = z.infer<typeof drawerCountBodySchema>;

export const drawerCloseBodySchema = z
  .object({ override: overrideSchema })
  .describe("A manager approves a counted drawer's variance, closing it");

const who = actorSchema.pick({ kind: true, id: true, role: true, name: true });

export const drawerMoveViewSchema = z.object({
  id: z.string(),
  kind: z.enum([...DRAWER_MOVE_KINDS, 'no-sale']),
  amount: z.int().describe('Minor units (0 for a no-sale)'),
  reason: z.string().optional(),
  at: z.string(),
  by: who,
});
export type DrawerMoveView = z.infer<typeof drawerMoveViewSchema>;

export const drawerResultSchema = z.object({
  counted: z.int(),
  count: denominationCountSchema,
  expected: z.int(),
  variance: z.int().describe('counted − expected: over (> 0) or short (< 0)'),
  needsApproval: z.boolean().describe('Past the threshold: a manager approves before it closes'),
  figures: drawerFiguresSchema,
  countedAt: z.string(),
  countedBy: who,
});
export type DrawerResult = z.infer<typeof drawerResultSchema>;

export const drawerSessionViewSchema = z.object({
  id: z.string(),
  drawerId: z.string(),
  status: z.enum(DRAWER_SESSION_STATUSES),
  currency: z.string(),
  openedAt: z.string(),
  openedBy: who,
  openingFloat: z.int(),
  openingCount: denominationCountSchema.optional(),
  moves: z.array(drawerMoveViewSchema).describe('Paid in / out, safe drops and no-sales, oldest first'),
  result: drawerResultSchema.optional().describe('Once counted: the count against what should be there'),
  closedAt: z.string().optional(),
  closedBy: who.optional(),
  approvedBy: who.optional(),
});
export type DrawerSessionView = z.infer<typeof drawerSessionViewSchema>;

export const drawerViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean().describe('Serves every device not assigned to another drawer'),
  active: z.boolean(),
  currency: z.string().describe('The store currency'),
  session: drawerSessionViewSchema.nullable().describe('The session not yet closed, if any'),
});
export type DrawerView = z.infer<typeof drawerViewSchema>;

export const drawerListSchema = z.object({
  drawers: z.array(drawerViewSchema),
  mine: z.string().nullable().describe('The drawer this screen takes cash into (null: none)'),
  varianceApprovalAmount: z.int().describe('A variance past this (minor units, either way) needs a manager'),
});
export type DrawerList = z.infer<typeof drawerListSchema>;

export const drawerSessionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const drawerSessionsSchema = z.object({
  sessions: z.array(drawerSessionViewSchema).describe('Closed sessions, newest first'),
});
export type DrawerSessions = z.infer<typeof drawerSessionsSchema>;
