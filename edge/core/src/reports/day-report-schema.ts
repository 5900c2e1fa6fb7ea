/**
 * The end-of-day report as a value: what an X report shows mid-shift and what a Z report closes
 * the business day with (stored in its `day.closed` event, sent to the cloud relay as it is).
 * Every amount is an integer count of minor units of `currency`; every figure is a sum over the
 * events of the log between `fromSeq` and `throughSeq` (see `dayReport`).
 */
import { z } from 'zod';
import { CHANNELS } from '../channels.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoTime = z.string().min(1).max(40).describe('ISO 8601');
const minor = z.int().describe('Minor units');
const count = z.int().min(0);

/** Who did something, as the event's actor says (kind, id, role, and the name it carried). */
export const reportPersonSchema = z.object({
  kind: z.string().min(1).max(16),
  id: z.string().min(1).max(64),
  role: z.string().min(1).max(32),
  name: z.string().max(80).optional(),
});
export type ReportPerson = z.infer<typeof reportPersonSchema>;

/** Money of the orders paid in full in the period, and what of those sales was given back in it. */
export const salesFiguresSchema = z.object({
  orders: count.describe('Orders paid in full in the period'),
  gross: minor.describe('Their line totals before discounts (Σ subtotals)'),
  discounts: minor.describe('Promotions, rewards and staff discounts taken off'),
  tax: minor.describe('Tax charged (added on top, or held in the prices with VAT)'),
  total: minor.describe('What guests paid for them'),
  refunds: minor.describe('Sales given back in the period, whenever the order was paid'),
  net: minor.describe('total − refunds'),
});
export type SalesFigures = z.infer<typeof salesFiguresSchema>;

export const channelSalesSchema = salesFiguresSchema.extend({ channel: z.enum(CHANNELS) });

export const hourSalesSchema = z.object({
  hour: z.int().min(0).max(23).describe("The hour on the store's clock the orders were paid in"),
  orders: count,
  total: minor,
});

export const tenderFiguresSchema = z.object({
  method: z.string().min(1).max(32).describe('card, cash, external (app or online, paid elsewhere)'),
  payments: count,
  amount: minor.describe('Taken towards sales (change and tips excluded)'),
  tips: minor.describe('Tips taken with them'),
  refunds: count,
  refunded: minor.describe('Sale money given back to this tender'),
  tipsRefunded: minor,
  net: minor.describe('amount − refunded'),
});

export const taxFiguresSchema = z.object({
  name: z.string().max(80).describe('The jurisdiction’s rate name, e.g. "NY State"'),
  rate: z.string().max(20).describe('e.g. "4%"'),
  inclusive: z.boolean().describe('Held in the prices (VAT) rather than added'),
  collected: minor,
  refunded: minor.describe('Tax of the sales given back (by line, or the rest of the order)'),
  net: minor,
});

export const DISCOUNT_KINDS = ['promotion', 'reward', 'staff'] as const;
export const discountFiguresSchema = z.object({
  key: z.string().min(1).max(80).describe('The promotion or reward id; `staff:discount` or `staff:comp`'),
  kind: z.enum(DISCOUNT_KINDS),
  label: z.string().max(200),
  orders: count,
  amount: minor,
});

export const refundEntrySchema = z.object({
  orderId: z.string(),
  number: z.int().min(0).optional(),
  businessDay: day.optional().describe('The business day of the order (a refund may come days after it)'),
  at: isoTime,
  amount: minor.describe('Sale money given back'),
  tip: minor.describe('Tips given back with it'),
  methods: z.array(z.string()).describe('The tenders it went back to'),
  lines: count.describe('Lines refunded; 0 for the whole order'),
  full: z.boolean().describe('Nothing was left to refund after it'),
  sale: z.boolean().describe('The order had been paid in full (a sale given back), not a part payment returned'),
  reason: z.string().max(200),
  by: reportPersonSchema,
  approvedBy: reportPersonSchema.optional().describe('The manager whose PIN approved it'),
});

export const voidEntrySchema = z.object({
  orderId: z.string(),
  number: z.int().min(0).optional(),
  businessDay: day.optional(),
  at: isoTime,
  amount: minor.describe('What the order came to when it was voided'),
  reason: z.string().max(200),
  by: reportPersonSchema,
  approvedBy: reportPersonSchema.optional(),
});

export const staffTipsSchema = z.object({
  staffId: z.string(),
  name: z.string().max(80).optional(),
  card: minor.describe('Card tips on the payments they took, net of tips given back'),
  declared: minor.describe('Cash tips declared'),
  total: minor,
});

export const drawerCloseSchema = z.object({
  drawerId: z.string(),
  name: z.string().max(80).optional(),
  sessionId: z.string(),
  openedAt: isoTime,
  closedAt: isoTime,
  openingFloat: minor,
  cashSales: minor,
  cashRefunds: minor,
  paidIn: minor,
  paidOut: minor,
  safeDrops: minor,
  noSales: count,
  expected: minor,
  counted: minor,
  variance: minor.describe('counted − expected: over (> 0) or short (< 0)'),
  closedBy: reportPersonSchema,
  approvedBy: reportPersonSchema.optional().describe('The manager who approved a variance past the threshold'),
});

export const openDrawerSchema = z.object({
  drawerId: z.string(),
  name: z.string().max(80).optional(),
  sessionId: z.string(),
  openedAt: isoTime,
  status: z.enum(['open', 'counted']).describe('counted: the count waits for a manager’s approval'),
});

export const pendingCardPaymentSchema = z.object({
  intentId: z.string(),
  orderId: z.string(),
  orderNumber: z.int().min(0).optional(),
  amount: minor,
  status: z.string().max(32).describe('open (the terminal is being asked), failed (outcome unknown), reversal-pending'),
  reason: z.string().max(400).optional(),
});
export type PendingCardPayment = z.infer<typeof pendingCardPaymentSchema>;

export const dayReportSchema = z
  .object({
    kind: z.enum(['x', 'z']).describe('x: mid-shift, changes nothing; z: closed the business day'),
    businessDay: day.describe('The business day it reports (the open day for an X)'),
    currency: z.string().regex(/^[A-Z]{3}$/),
    timeZone: z.string().min(1).max(64),
    fromSeq: z.int().min(1).describe('The first event it covers: the one after the previous Z'),
    throughSeq: z.int().min(0).describe('The last event it covers: the head of the log when it was made'),
    firstAt: isoTime.optional().describe('When the first counted event happened'),
    lastAt: isoTime.optional(),
    generatedAt: isoTime,
    closedBy: reportPersonSchema.optional().describe('Who closed the day (a Z)'),
    orderDays: z.array(day).describe('The business days of the orders it counts (a refund may be of an earlier day)'),
    sales: salesFiguresSchema,
    byChannel: z.array(channelSalesSchema).describe('Every channel, in the catalogue’s order'),
    byHour: z.array(hourSalesSchema).describe('Hours with sales, earliest first'),
    tenders: z.array(tenderFiguresSchema),
    taxes: z.array(taxFiguresSchema),
    discounts: z.array(discountFiguresSchema).describe('Largest first'),
    refunds: z.array(refundEntrySchema),
    voids: z.array(voidEntrySchema),
    cancelled: z
      .object({ orders: count, amount: minor })
      .describe('Unpaid orders cancelled (a kiosk order left unpaid)'),
    tips: z.object({
      staff: z.array(staffTipsSchema),
      unattributed: minor.describe('Card tips taken with no staff member (at a kiosk)'),
      card: minor,
      declared: minor,
      total: minor,
    }),
    drawers: z.object({
      closed: z.array(drawerCloseSchema),
      open: z.array(openDrawerSchema).describe('Sessions opened in the period and not closed by its end'),
      variance: minor.describe('Σ variance of the closed sessions'),
    }),
    pendingCardPayments: z
      .array(pendingCardPaymentSchema)
      .describe('Card payments not settled when the report was made (a snapshot: not in the event log)'),
    loyalty: z
      .object({
        accruals: count.describe('Orders paid in full that earned a member points'),
        pointsIssued: z.int().min(0),
        redemptions: count.describe('Orders that spent a member’s points on rewards'),
        pointsRedeemed: z.int().min(0),
        pointsTakenBack: z.int().min(0).describe('Points earned, taken back by a whole refund'),
        pointsGivenBack: z.int().min(0).describe('Points spent, given back by a cancel, void or refund'),
      })
      .describe('The members’ ledger entries the store made in the period (loyalty.accrued, redeemed, reversed)'),
    openOrders: z
      .object({ orders: count, total: minor, paid: minor.describe('Taken towards them so far') })
      .describe('Orders placed in the period still unpaid (or partly paid) at its end: they count when paid'),
    damagedEvents: count.describe('Events of the period that could not be read (see the health page)'),
  })
  .describe('An X or Z report: sales, tenders, taxes, discounts, refunds, voids, tips, drawers and loyalty');
export type DayReport = z.infer<typeof dayReportSchema>;

/** The payload of `day.closed`: the Z report of a business day and the events it covers. */
export const dayClosedSchema = z.object({
  businessDay: day,
  fromSeq: z.int().min(1),
  throughSeq: z.int().min(0),
  report: dayReportSchema,
});
export type DayClosedData = z.infer<typeof dayClosedSchema>;

// The HTTP API's bodies and answers.

export const closeDayBodySchema = z.object({
  businessDay: z.iso
    .date({ message: 'a real calendar date as YYYY-MM-DD, such as 2026-11-27' })
    .describe('The open business day, as the screen showed it: a Z closes exactly this day or nothing'),
});
export type CloseDayBody = z.infer<typeof closeDayBodySchema>;

export const closedDaySchema = z.object({
  businessDay: day,
  closedAt: isoTime,
  closedBy: reportPersonSchema.optional(),
  fromSeq: z.int(),
  throughSeq: z.int(),
  total: minor.describe('Net sales of the day (total − refunds)'),
});
export const closedDaysSchema = z.object({
  openDay: day.describe('The business day new orders go to now'),
  days: z.array(closedDaySchema).describe('Newest first'),
});
export type ClosedDays = z.infer<typeof closedDaysSchema>;

export const dayReportPrintSchema = z.object({
  businessDay: day,
  width: z.int().describe('Characters per line at normal size'),
  contentType: z.literal('application/vnd.escpos'),
  base64: z.string().describe('The ESC/POS bytes, base64'),
  text: z.string().describe('What the paper shows, one printed line per line'),
});
export type DayReportPrint = z.infer<typeof dayReportPrintSchema>;

export const closedDayQuerySchema = z.object({
  day: z.iso
    .date({ message: 'a real calendar date as YYYY-MM-DD, such as 2026-11-27' })
    .optional()
    .describe('A closed business day; the latest closed day when left out'),
});

export const closedDaysQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(366).default(30),
});

export const printDayParamsSchema = z.object({
  day: z.iso.date({ message: 'a real calendar date as YYYY-MM-DD, such as 2026-11-27' }),
});

export const printDayQuerySchema = z.object({
  width: z.coerce
    .number()
    .int()
    .min(32)
    .max(80)
    .default(42)
    .describe('Characters per line: 32 for 58 mm paper, 42 or 48 for 80 mm'),
});
