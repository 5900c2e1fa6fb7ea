/**
 * The event catalogue: every event type the store's log may hold, with the zod schema and the
 * version of its payload. Payloads are domain facts — what changed — never a screen's view of
 * the result; screens read views built from the stored state. The log refuses an event that is
 * not here or whose payload does not match ({@link validateEvent}).
 *
 * A payload change that old readers cannot read gets a new version number; the log stores the
 * version with each event, so a reader knows which shape it holds.
 */
import { z } from 'zod';
import { DEVICE_ROLES, STAFF_ROLES } from '../auth/actors.js';
import { PERMISSIONS } from '../auth/permissions.js';
import { DRAWER_EVENTS } from '../cash/events.js';
import { STOCK_EVENTS } from '../stock/events.js';
import { LOYALTY_EVENTS } from '../loyalty/events.js';
import { dayClosedSchema } from '../reports/day-report-schema.js';
import { CHANNELS, ORDER_TYPES } from '../channels.js';
import { TillboxError } from '../errors.js';
import {
  manualAdjustmentSchema,
  pricingCartLineSchema,
  pricingCartSchema,
  pricingContextSchema,
} from '../commerce/cart-schema.js';
import { orderPricingSchema, pricedLineSchema, totalsSchema } from '../wire/api.js';

const entityId = z.string().min(1).max(64);
const isoTime = z.string().min(1).max(40).describe('ISO 8601');
const reason = z.string().trim().min(1).max(200);

/** A line as placed: priced, routed to its station, with what a refund of it needs. */
export const placedLineSchema = pricedLineSchema.extend({
  net: z.int().optional().describe('lineTotal − discount: what tax is charged on (with VAT, holds it)'),
  taxes: z
    .array(z.object({ rateId: z.string(), amount: z.int() }))
    .optional()
    .describe('The line tax by rate'),
});
export type PlacedLine = z.infer<typeof placedLineSchema>;

/** What an order was priced from: the cart (line ids included) and the context, staff's discounts among them. */
export const orderPriceInputSchema = z
  .object({ cart: pricingCartSchema, context: pricingContextSchema })
  .describe('The priced input: pricing it again gives the order its amounts, to the cent');
export type OrderPriceInput = z.infer<typeof orderPriceInputSchema>;

/** A line's money after the order is priced again (a discount or a price override). */
export const repricedLineSchema = z.object({
  lineId: entityId,
  unitPrice: z.int(),
  lineTotal: z.int(),
  discount: z.int(),
  tax: z.int(),
  total: z.int(),
  net: z.int(),
  taxes: z.array(z.object({ rateId: z.string(), amount: z.int() })),
});
export type RepricedLine = z.infer<typeof repricedLineSchema>;

/** What pricing an order again changes: every line's money, the totals and the explanations. */
const repriced = {
  lines: z.array(repricedLineSchema).min(1).max(100),
  totals: totalsSchema,
  pricing: orderPricingSchema,
};

export const FIRE_POLICIES = ['now', 'on-payment'] as const;
export type FirePolicy = (typeof FIRE_POLICIES)[number];

const orderPlaced = z.object({
  id: entityId,
  number: z.int().min(1).describe('Order number to call out, unique per business day'),
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  channel: z.enum(CHANNELS),
  orderType: z.enum(ORDER_TYPES),
  guestName: z.string().max(40).optional(),
  table: z.string().max(12).optional(),
  lines: z.array(placedLineSchema).min(1).max(100),
  totals: totalsSchema,
  pricing: orderPricingSchema.optional(),
  promisedAt: isoTime.optional(),
  dueAt: isoTime.describe('Promised time, or placed time plus prep time'),
  rush: z.boolean(),
  firePolicy: z.enum(FIRE_POLICIES).describe('now: goes to the kitchen without waiting for payment'),
  fireAt: isoTime.optional().describe('A scheduled order fires at its promised time minus prep time'),
  placedByDevice: entityId.optional(),
  catalogVersion: z.int().min(0).optional().describe('The menu version it was priced with'),
  priceInput: orderPriceInputSchema.optional(),
  // Added after version 1 as an optional field: readers of version 1 read it (and may ignore it).
  memberId: entityId.optional().describe('The loyalty member it is for (also priceInput.context.customer.id)'),
});

export const PAYMENT_METHODS = ['card', 'cash', 'external'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The most parts a bill is split into. */
export const MAX_SPLIT_PARTS = 20;
const partNumber = z.int().min(1).max(MAX_SPLIT_PARTS).describe('The part of a split bill (1-based)');

/** One tender: what it put towards the order (`amount`), and apart from the sale its tip. */
const tenderSchema = z.object({
  id: entityId,
  method: z.enum(PAYMENT_METHODS),
  amount: z.int().min(0).describe('Minor units towards the order (the sale), change and tip excluded'),
  tip: z.int().min(1).optional().describe('A tip taken with it (card), not a sale: it belongs to `staffId`'),
  part: partNumber.optional(),
  staffId: entityId.optional().describe('The staff member who took it (whose tip it is)'),
  tendered: z.int().min(0).optional(),
  change: z.int().min(0).optional(),
  reference: z.string().max(64).optional().describe("The terminal's or the app's reference; never card data"),
  cardLast4: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});

/** The tender that leaves nothing due: the order is paid in full. */
const orderPaid = z.object({ orderId: entityId, payment: tenderSchema });

/** A tender that leaves some of the order (or of its part) due: split tender. */
const orderPaymentTaken = z.object({
  orderId: entityId,
  payment: tenderSchema,
  due: z.int().min(1).describe('Still due on the order after it, minor units'),
});

/** How a bill is split: evenly into `count` parts, or by lines (every line in exactly one part); `none`: one bill again. */
export const splitPlanSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('even'), count: z.int().min(2).max(MAX_SPLIT_PARTS) }),
  z.object({
    kind: z.literal('lines'),
    parts: z.array(z.array(entityId).min(1).max(100)).min(2).max(MAX_SPLIT_PARTS),
  }),
  z.object({ kind: z.literal('none') }),
]);
export type SplitPlanInput = z.infer<typeof splitPlanSchema>;

const orderSplit = z.object({
  orderId: entityId,
  plan: splitPlanSchema,
  parts: z
    .array(z.object({ part: partNumber, amount: z.int().min(0), lineIds: z.array(entityId).optional() }))
    .max(MAX_SPLIT_PARTS)
    .describe("Each part's amount when it was split (they follow the order's price until the first payment)"),
});

const staffRef = z.object({ staffId: entityId, name: z.string().max(80).optional() });

const orderFired = z.object({
  orderId: entityId,
  tickets: z
    .array(z.object({ id: entityId, station: z.string().min(1).max(32), lineIds: z.array(entityId).min(1) }))
    .min(1)
    .describe('One ticket per station of the lines'),
  round: z
    .int()
    .min(2)
    .optional()
    .describe(
      'An additional round: lines added after the order fired, on their station’s ticket (opened again) or a new one',
    ),
});

const ticketOfStation = z.object({ orderId: entityId, ticketId: entityId, station: z.string().min(1).max(32) });
const ticketItem = z.object({ orderId: entityId, ticketId: entityId, lineId: entityId });
const orderOnly = z.object({ orderId: entityId, reason: reason.optional() });

const orderRefunded = z.object({
  orderId: entityId,
  refunds: z
    .array(
      z.object({
        paymentId: entityId.describe('The refund payment (stored as a negative amount of the same method)'),
        refundOf: entityId.describe('The payment it gives money back from'),
        method: z.enum(PAYMENT_METHODS),
        amount: z.int().min(0).describe('Minor units of the sale given back (positive)'),
        tip: z.int().min(1).optional().describe('Its tip given back too (a whole-order refund)'),
        part: partNumber.optional(),
        lineIds: z.array(entityId).min(1).optional().describe('The lines refunded; none for a whole-order refund'),
      }),
    )
    .min(1)
    .refine((rs) => rs.every((r) => r.amount + (r.tip ?? 0) > 0), 'each refund gives something back'),
  full: z.boolean().describe('Nothing is left to refund after this one'),
  reason,
});

const orderDiscounted = z.object({
  orderId: entityId,
  adjustment: manualAdjustmentSchema.describe('The discount or comp, as the order keeps it'),
  amount: z.int().min(1).describe('Minor units it took off'),
  ...repriced,
});

const orderPriceOverridden = z.object({
  orderId: entityId,
  lineId: entityId,
  from: z.int().min(0).describe('The price of one unit before modifiers, before the change'),
  to: z.int().min(0).describe('The price of one unit before modifiers, after it'),
  reason,
  ...repriced,
});

/** Lines added to a placed, unpaid order, priced again with the rest through the placement path. */
const orderLinesAdded = z.object({
  orderId: entityId,
  added: z.array(placedLineSchema).min(1).max(100).describe('The new lines as placed'),
  cart: z.array(pricingCartLineSchema).min(1).max(100).describe('The new lines of the priced cart'),
  ...repriced,
  splitDropped: z.literal(true).optional().describe('The bill was split by lines: split it again'),
});

const staffRole = z.enum(STAFF_ROLES);
const deviceRole = z.enum(DEVICE_ROLES);

/** Every event type: its payload schema and the version of that schema. */
export const EVENT_CATALOGUE = {
  'order.placed': { version: 1, schema: orderPlaced },
  'order.paid': { version: 1, schema: orderPaid },
  'order.payment-taken': { version: 1, schema: orderPaymentTaken },
  'order.split': { version: 1, schema: orderSplit },
  'order.held': { version: 1, schema: z.object({ orderId: entityId, owner: staffRef }) },
  'order.resumed': { version: 1, schema: z.object({ orderId: entityId }) },
  'order.transferred': {
    version: 1,
    schema: z.object({ orderId: entityId, from: staffRef.optional(), to: staffRef, reason: reason.optional() }),
  },
  'order.lines-added': { version: 1, schema: orderLinesAdded },
  'order.fired': { version: 1, schema: orderFired },
  'order.ready': { version: 1, schema: z.object({ orderId: entityId, by: z.enum(['expo', 'auto']) }) },
  'order.recalled': { version: 1, schema: orderOnly },
  'order.picked-up': { version: 1, schema: orderOnly },
  'order.completed': { version: 1, schema: orderOnly },
  'order.cancelled': { version: 1, schema: orderOnly },
  'order.voided': { version: 1, schema: z.object({ orderId: entityId, reason }) },
  'order.refunded': { version: 1, schema: orderRefunded },
  'order.discounted': { version: 1, schema: orderDiscounted },
  'order.price-overridden': { version: 1, schema: orderPriceOverridden },
  'ticket.bumped': { version: 1, schema: ticketOfStation },
  'ticket.recalled': { version: 1, schema: ticketOfStation },
  'ticket.item-bumped': { version: 1, schema: ticketItem },
  'ticket.item-unbumped': { version: 1, schema: ticketItem },
  'staff.created': {
    version: 1,
    schema: z.object({ staffId: entityId, name: z.string().min(1).max(80), role: staffRole }),
  },
  'staff.updated': {
    version: 1,
    schema: z.object({
      staffId: entityId,
      changes: z.object({
        name: z.string().min(1).max(80).optional(),
        role: staffRole.optional(),
        active: z.boolean().optional(),
        pinReset: z.literal(true).optional(),
      }),
    }),
  },
  'staff.signed-in': { version: 1, schema: z.object({ staffId: entityId, deviceId: entityId }) },
  'staff.signed-out': {
    version: 1,
    schema: z.object({ staffId: entityId, deviceId: entityId, reason: z.enum(['sign-out', 'idle', 'replaced']) }),
  },
  'device.paired': {
    version: 1,
    schema: z.object({ deviceId: entityId, name: z.string().min(1).max(80), role: deviceRole }),
  },
  'device.revoked': { version: 1, schema: z.object({ deviceId: entityId }) },
  /** A customer display now follows this counter (linked by the code it showed, entered on the counter). */
  'device.linked': { version: 1, schema: z.object({ deviceId: entityId, counterId: entityId }) },
  'pairing.code-created': {
    version: 1,
    schema: z.object({ role: deviceRole, name: z.string().min(1).max(80), expiresAt: isoTime }),
  },
  'tips.declared': {
    version: 1,
    schema: z.object({
      declarationId: entityId,
      staffId: entityId,
      amount: z.int().min(1).describe('Cash tips, minor units'),
      currency: z.string().regex(/^[A-Z]{3}$/),
      businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
  },
  'override.approved': {
    version: 1,
    schema: z.object({
      permission: z.enum(PERMISSIONS),
      orderId: entityId.optional(),
      approverId: entityId,
      reason,
    }),
  },
  ...DRAWER_EVENTS,
  /** Stock of one item (subject: the item): sales and returns with orders, staff's receiving, waste, counts, 86. */
  ...STOCK_EVENTS,
  /** A loyalty member's points (subject: the member): the store's entries of the member's ledger, and its cache of the cloud's balance. */
  ...LOYALTY_EVENTS,
  /** A Z report closed a business day (subject: the day); nothing more is added to that day. */
  'day.closed': { version: 1, schema: dayClosedSchema },
  /**
   * Events the store's database had lost were restored from the cloud's copy of its log
   * (subject: the store): how many, and the seqs they span (docs/reliability.md).
   */
  'log.restored': {
    version: 1,
    schema: z.object({
      source: z.literal('cloud'),
      count: z.int().min(1),
      fromSeq: z.int().min(1),
      toSeq: z.int().min(1),
    }),
  },
} as const satisfies Record<string, { version: number; schema: z.ZodType }>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/** The payload of an event type, as its schema infers it. */
export type EventData<T extends EventType> = z.infer<(typeof EVENT_CATALOGUE)[T]['schema']>;

/** An event before the log gives it a seq: its type and its payload, typed together. */
export type DomainEvent<T extends EventType = EventType> = T extends EventType
  ? { type: T; data: EventData<T> }
  : never;

export type OrderPlacedData = EventData<'order.placed'>;
export type OrderPaidData = EventData<'order.paid'>;
export type OrderPaymentTakenData = EventData<'order.payment-taken'>;
export type OrderSplitData = EventData<'order.split'>;
export type OrderHeldData = EventData<'order.held'>;
export type OrderResumedData = EventData<'order.resumed'>;
export type OrderTransferredData = EventData<'order.transferred'>;
export type OrderLinesAddedData = EventData<'order.lines-added'>;
export type TipsDeclaredData = EventData<'tips.declared'>;
export type OrderFiredData = EventData<'order.fired'>;
export type OrderReadyData = EventData<'order.ready'>;
export type OrderRecalledData = EventData<'order.recalled'>;
export type OrderPickedUpData = EventData<'order.picked-up'>;
export type OrderCompletedData = EventData<'order.completed'>;
export type OrderCancelledData = EventData<'order.cancelled'>;
export type OrderVoidedData = EventData<'order.voided'>;
export type OrderRefundedData = EventData<'order.refunded'>;
export type OrderDiscountedData = EventData<'order.discounted'>;
export type OrderPriceOverriddenData = EventData<'order.price-overridden'>;
export type TicketBumpedData = EventData<'ticket.bumped'>;
export type TicketRecalledData = EventData<'ticket.recalled'>;
export type TicketItemBumpedData = EventData<'ticket.item-bumped'>;
export type TicketItemUnbumpedData = EventData<'ticket.item-unbumped'>;
export type StaffCreatedData = EventData<'staff.created'>;
export type StaffUpdatedData = EventData<'staff.updated'>;
export type StaffSignedInData = EventData<'staff.signed-in'>;
export type StaffSignedOutData = EventData<'staff.signed-out'>;
export type DevicePairedData = EventData<'device.paired'>;
export type DeviceRevokedData = EventData<'device.revoked'>;
export type DeviceLinkedData = EventData<'device.linked'>;
export type PairingCodeCreatedData = EventData<'pairing.code-created'>;
export type OverrideApprovedData = EventData<'override.approved'>;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

/**
 * Check an event against the catalogue: answers the version to store it with, or throws an
 * `internal` TillboxError naming the type and what does not match (a bug in the code that made
 * it, never the user's input).
 */
export function validateEvent(type: string, data: unknown): { version: number } {
  if (!isEventType(type)) {
    throw new TillboxError('internal', `event type "${type}" is not in the event catalogue`);
  }
  const entry = EVENT_CATALOGUE[type];
  const parsed = entry.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(payload)';
    throw new TillboxError(
      'internal',
      `event "${type}" v${entry.version} does not match the catalogue: ${where}: ${issue?.message ?? 'invalid'}`,
      { details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    );
  }
  return { version: entry.version };
}

/** Payloads built by the core's decide functions (their property tests check every event they make against this catalogue). */
const decidedPayloads = new WeakSet<object>();

/** Marks `data` as built by a decide function of the core: the log checks its type, and trusts its payload. */
export function decided<T extends object>(data: T): T {
  decidedPayloads.add(data);
  return data;
}

/**
 * {@link validateEvent} as the log runs it on append: the type is always checked; a payload a
 * decide function of the core built (by identity: {@link decided}) is not parsed a second time in
 * production, every other payload is parsed in full.
 */
export function checkEventForLog(type: string, data: unknown): { version: number } {
  if (typeof data === 'object' && data !== null && decidedPayloads.has(data) && isEventType(type))
    return { version: EVENT_CATALOGUE[type].version };
  return validateEvent(type, data);
}
export type DrawerOpenedData = EventData<'drawer.opened'>;
export type DrawerCashMovedData = EventData<'drawer.cash-moved'>;
export type DrawerNoSaleData = EventData<'drawer.no-sale'>;
export type DrawerCountedData = EventData<'drawer.counted'>;
export type DrawerClosedData = EventData<'drawer.closed'>;
export type DrawerKickRequestedData = EventData<'drawer.kick-requested'>;
