/**
 * Bodies and answers of the counter's order commands: splitting the bill, open tickets (hold,
 * recall, hand over, list), adding lines to a placed order, and tips (declared cash tips, tips by
 * staff).
 */
import { z } from 'zod';
import { pricingCartLineSchema } from '../commerce/cart-schema.js';
import { splitPlanSchema } from '../events/catalogue.js';
import { UUID_V7 } from '../ids.js';
import { MAX_DECLARED_TIPS } from '../orders/tips.js';
import { businessDaySchema, orderViewSchema } from './api.js';
import { reasonSchema } from './access.js';

const id = z.string().min(1).max(64);

export const splitBodySchema = splitPlanSchema.describe(
  'Split the bill: {"kind":"even","count":3}, {"kind":"lines","parts":[[lineId, …], [lineId, …]]} (every line in one part), or {"kind":"none"} for one bill again',
);
export type SplitBody = z.infer<typeof splitBodySchema>;

export const transferBodySchema = z
  .object({
    toStaffId: id.describe('The staff member who takes the open ticket over'),
    reason: reasonSchema.optional(),
  })
  .describe('Hand an open ticket to another staff member');
export type TransferBody = z.infer<typeof transferBodySchema>;

export const addLinesBodySchema = z
  .object({
    lines: z
      .array(
        pricingCartLineSchema.omit({ unitPriceOverride: true }).extend({
          lineId: z
            .string()
            .regex(UUID_V7, 'a line id is a UUIDv7 made by the screen')
            .describe("The screen's id of the new line (a line id names one line in the store)"),
        }),
      )
      .min(1, 'add at least one line')
      .max(100),
  })
  .superRefine((b, ctx) => {
    const ids = b.lines.map((l) => l.lineId);
    ids.forEach((lineId, i) => {
      if (ids.indexOf(lineId) !== i)
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'lineId'], message: `line id ${lineId} is used twice` });
    });
  })
  .describe(
    'Lines added to a placed, unpaid order: priced with the rest, fired as another round if it is in the kitchen',
  );
export type AddLinesBody = z.infer<typeof addLinesBodySchema>;

export const openTicketsQuerySchema = z.object({
  owner: id.optional().describe('Only this staff member’s open tickets ("me": the one signed in)'),
});

export const openTicketsSchema = z.object({
  seq: z.int().describe('The event log position the list is current at'),
  orders: z.array(orderViewSchema).describe('Held open tickets, oldest held first'),
});
export type OpenTickets = z.infer<typeof openTicketsSchema>;

export const declareTipsBodySchema = z
  .object({
    amount: z.int().min(1).max(MAX_DECLARED_TIPS).describe('Cash tips, minor units'),
    staffId: id
      .optional()
      .describe('Whose tips (a shift lead or above for someone else); the one signed in when left out'),
  })
  .describe('Declare cash tips');
export type DeclareTipsBody = z.infer<typeof declareTipsBodySchema>;

export const tipDeclarationSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  amount: z.int(),
  currency: z.string(),
  businessDay: z.string(),
  at: z.string(),
});
export type TipDeclaration = z.infer<typeof tipDeclarationSchema>;

export const tipsQuerySchema = z.object({
  day: businessDaySchema.optional().describe('The business day (today when left out)'),
});

export const tipsReportSchema = z
  .object({
    businessDay: z.string(),
    currency: z.string(),
    staff: z.array(
      z.object({
        staffId: z.string(),
        name: z.string().optional(),
        card: z.int().describe('Tips taken on their card payments, net of tips given back'),
        declared: z.int().describe('Cash tips they declared'),
        total: z.int(),
      }),
    ),
    total: z.int(),
  })
  .describe('Tips by staff for a business day: card tips on the payments they took, and cash tips declared');
export type TipsReport = z.infer<typeof tipsReportSchema>;
