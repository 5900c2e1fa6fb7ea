/**
 * The e-receipt: what a guest sees on the store box's LAN page when they scan the receipt's QR
 * code (`/receipt/{orderId}?t={token}`). The page is public — no paired screen, no staff — so the
 * link carries a token the edge made for that one order, and the receipt carries only what a
 * printed receipt would: the store, the number, the lines with their choices, each discount
 * explained, each tax by name and rate, the totals, every tender with its change and tip. Never
 * who took the payment, a staff member's name, a terminal reference or anything of the card but
 * its last four digits.
 */
import { z } from 'zod';
import { localizedText } from '../i18n.js';
import { UUID_V7 } from '../ids.js';
import { CHANNELS, ORDER_TYPES } from '../channels.js';
import { ORDER_STATUSES, PAYMENT_STATUSES } from '../order-lifecycle.js';
import { orderPricingSchema, pricedModifierSchema, totalsSchema, type OrderView } from './api.js';

/** The e-receipt's token: URL-safe base64, as the edge makes it. */
export const RECEIPT_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export const receiptParamsSchema = z.object({
  id: z.string().regex(UUID_V7, 'id must be a UUIDv7'),
});

export const receiptQuerySchema = z.object({
  t: z.string().regex(RECEIPT_TOKEN, 'the token from the receipt’s link').describe('The token of the receipt’s link'),
});

export const eReceiptLinkSchema = z
  .object({
    url: z.string().describe('The e-receipt on the store box’s LAN page, for the QR code'),
    path: z.string().describe('The same page on the address this screen uses (`/receipt/{id}?t=…`)'),
  })
  .describe('Where a guest reads this order’s receipt');
export type EReceiptLink = z.infer<typeof eReceiptLinkSchema>;

const minor = z.int();

export const eReceiptLineSchema = z.object({
  lineId: z.string(),
  name: localizedText,
  variantName: localizedText.optional(),
  modifiers: z.array(pricedModifierSchema),
  quantity: z.int(),
  note: z.string().optional(),
  lineTotal: minor,
  discount: minor,
  total: minor.optional(),
  refunded: z.boolean().optional().describe('Given back in a refund by lines'),
});

export const eReceiptTenderSchema = z.object({
  method: z.enum(['card', 'cash', 'external']),
  amount: minor.describe('Towards the order; a refund is negative'),
  tip: minor.optional(),
  tendered: minor.optional(),
  change: minor.optional(),
  cardLast4: z.string().optional(),
  refund: z.boolean().describe('Money given back'),
  at: z.string(),
});

export const eReceiptSchema = z
  .object({
    store: z.object({ name: z.string(), timeZone: z.string() }),
    id: z.string(),
    number: z.int(),
    status: z.enum(ORDER_STATUSES),
    payment: z.enum(PAYMENT_STATUSES),
    channel: z.enum(CHANNELS),
    orderType: z.enum(ORDER_TYPES),
    guestName: z.string().optional(),
    table: z.string().optional(),
    placedAt: z.string(),
    paidAt: z.string().optional(),
    lines: z.array(eReceiptLineSchema),
    totals: totalsSchema,
    pricing: orderPricingSchema.pick({ discounts: true, taxes: true, loyaltyPoints: true }).optional(),
    tenders: z.array(eReceiptTenderSchema),
    tipTotal: minor,
    due: minor,
  })
  .describe('A receipt as the guest reads it on the store box’s LAN page');
export type EReceipt = z.infer<typeof eReceiptSchema>;

/** The receipt of `order`, with nothing on it a printed receipt would not show. */
export function eReceiptOf(order: OrderView, store: { name: string; timeZone: string }): EReceipt {
  const receipt: EReceipt = {
    store: { name: store.name, timeZone: store.timeZone },
    id: order.id,
    number: order.number,
    status: order.status,
    payment: order.payment,
    channel: order.channel,
    orderType: order.orderType,
    placedAt: order.placedAt,
    lines: order.lines.map((l) => {
      const line: EReceipt['lines'][number] = {
        lineId: l.lineId,
        name: l.name,
        modifiers: l.modifiers,
        quantity: l.quantity,
        lineTotal: l.lineTotal,
        discount: l.discount,
      };
      if (l.variantName) line.variantName = l.variantName;
      if (l.note) line.note = l.note;
      if (l.total !== undefined) line.total = l.total;
      if (l.refundedAt !== undefined) line.refunded = true;
      return line;
    }),
    totals: order.totals,
    tenders: order.payments.map((p) => {
      const tender: EReceipt['tenders'][number] = {
        method: p.method,
        amount: p.amount,
        refund: p.refundOf !== undefined || p.amount < 0,
        at: p.at,
      };
      if (p.tip) tender.tip = p.tip;
      if (p.tendered !== undefined) tender.tendered = p.tendered;
      if (p.change !== undefined) tender.change = p.change;
      if (p.cardLast4) tender.cardLast4 = p.cardLast4;
      return tender;
    }),
    tipTotal: order.tipTotal ?? order.payments.reduce((s, p) => s + (p.tip ?? 0), 0),
    due: order.due ?? 0,
  };
  if (order.guestName) receipt.guestName = order.guestName;
  if (order.table) receipt.table = order.table;
  if (order.paidAt) receipt.paidAt = order.paidAt;
  if (order.pricing) {
    const { discounts, taxes, loyaltyPoints } = order.pricing;
    receipt.pricing = { discounts, taxes, loyaltyPoints };
  }
  return receipt;
}
