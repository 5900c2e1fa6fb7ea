/**
 * Bodies of the JSON API under /api/v1. The edge parses every request with these schemas and
 * the OpenAPI document is generated from them, so the two cannot drift.
 */
import { z } from 'zod';
import { localizedText } from '../i18n.js';
import { ORDER_STATUSES, PAYMENT_STATUSES } from '../order-lifecycle.js';
import { CHANNELS, ORDER_TYPES } from '../channels.js';
import { pricingCartLineSchema } from '../commerce/cart-schema.js';
import { entityId } from '../commerce/common.js';
import { UUID_V7 } from '../ids.js';
import { ORDER_PAGE_DEFAULT, ORDER_PAGE_MAX, ORDER_SCOPES, orderCursorSchema } from './order-pages.js';
import { freeText } from '../privacy/card-numbers.js';
import { linePartSchema } from '../kitchen/line-stations.js';

export { CHANNELS, ORDER_TYPES } from '../channels.js';

const isoInstant = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-11-27T14:30:00Z' });

export const prepaidSchema = z.object({
  method: z.literal('external'),
  amount: z.int().min(0).describe('Minor units paid elsewhere'),
  reference: z.string().min(1).max(64).describe('The payment reference of the app or marketplace'),
});

/** The largest tip one payment takes, minor units. */
export const MAX_TIP = 1_000_000;

export const payBodySchema = z
  .object({
    method: z
      .enum(['card', 'cash', 'external'])
      .describe(
        'card: the store pinpad; cash: counted at the till; external: a tender taken outside the store box (a voucher, a stand-alone terminal), with its reference',
      ),
    amount: z
      .int()
      .min(0)
      .max(100_000_000)
      .optional()
      .describe(
        'Minor units towards the order (card, external): at most what is due; all that is due (of the order, or of `part`) when left out. Split tender: pay again for the rest',
      ),
    tendered: z
      .int()
      .min(0)
      .max(100_000_000)
      .optional()
      .describe(
        'Cash handed over, minor units (cash only): it pays up to what is due, and change is given only on the cash that pays the rest',
      ),
    tip: z
      .int()
      .min(0)
      .max(MAX_TIP)
      .optional()
      .describe('A tip entered on the screen (card only), charged with the amount; not a sale'),
    tipPrompt: z.boolean().optional().describe('Card only: the pinpad asks the guest for a tip (leave `tip` out)'),
    part: z.int().min(1).max(20).optional().describe('The part of a split bill this pays (needed once it is split)'),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe("External only: the tender's own reference (never card data)"),
  })
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    if (b.method === 'cash' && b.tendered === undefined) issue('tendered', 'cash needs the amount tendered');
    if (b.method !== 'cash' && b.tendered !== undefined) issue('tendered', 'only cash has an amount tendered');
    if (b.method === 'cash' && b.amount !== undefined)
      issue('amount', 'cash pays what is tendered, up to what is due: leave the amount out');
    if (b.method !== 'card' && (b.tip !== undefined || b.tipPrompt !== undefined))
      issue('tip', 'tips are taken on card payments; cash tips are declared by staff');
    if (b.tip !== undefined && b.tipPrompt === true) issue('tipPrompt', 'give a tip, or let the pinpad ask: not both');
    if (b.method === 'external' && b.reference === undefined)
      issue('reference', 'an external tender needs its reference');
    if (b.method !== 'external' && b.reference !== undefined)
      issue('reference', 'only an external tender has a reference');
  })
  .describe('Take a payment: the whole order, or part of it (split tender), or a part of a split bill');
export type PayBody = z.infer<typeof payBodySchema>;

export const paymentViewSchema = z.object({
  id: z.string(),
  method: z.enum(['card', 'cash', 'external']),
  amount: z.int().describe('Towards the order, minor units; a refund is negative'),
  tip: z.int().optional().describe('A tip taken with it (negative on a refund that gave it back)'),
  part: z.int().optional().describe('The part of a split bill it paid'),
  staffId: z.string().optional().describe('Who took it (whose tip it is)'),
  refundOf: z.string().optional().describe('A refund: the payment it gave money back to'),
  tendered: z.int().optional(),
  change: z.int().optional(),
  reference: z.string().optional(),
  cardLast4: z.string().optional().describe('Last four digits from the terminal; never the card number'),
  at: z.string(),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

export const placeOrderBodySchema = z
  .object({
    id: z
      .string()
      .regex(UUID_V7, 'id must be a UUIDv7 made by the client')
      .describe('Client-made UUIDv7; the idempotency key'),
    channel: z.enum(CHANNELS).default('kiosk'),
    orderType: z.enum(ORDER_TYPES).default('takeout'),
    guestName: freeText(40).optional().describe('Shown on the pickup board (first name)'),
    table: freeText(12).min(1).optional().describe('Table or tent number of a dine-in order'),
    promisedAt: isoInstant
      .optional()
      .describe('When the guest will pick up / receive it; scheduled orders fire this minus prep time'),
    rush: z.boolean().default(false).describe('Put its tickets ahead of every other'),
    fire: z
      .enum(['auto', 'now', 'on-payment'])
      .default('auto')
      .describe(
        'When it goes to the kitchen: "auto" follows the channel rule (kiosk, app, online on payment; counter at once)',
      ),
    payment: prepaidSchema.optional().describe('For app, online and marketplace orders already paid elsewhere'),
    loyalty: z
      .object({
        memberId: z.string().min(1).max(64).describe('The member, as GET /loyalty/lookup identified them'),
        rewards: z
          .array(entityId)
          .max(10)
          .default([])
          .describe(
            'Rewards the guest redeems: priced by the engine, refused when one cannot be (points, tier, nothing that qualifies)',
          ),
      })
      .optional()
      .describe(
        'The loyalty member the order is for: it is priced for them (tier, rewards) and earns points when paid',
      ),
    // A price override is a manager's command on a placed order (POST /orders/:id/lines/:lineId/price), never part of placing one.
    lines: z
      .array(
        pricingCartLineSchema.omit({ unitPriceOverride: true }).extend({
          lineId: z
            .string()
            .regex(UUID_V7, 'a line id is a UUIDv7 made by the screen')
            .optional()
            .describe(
              "The screen's stable id of the line (UUIDv7), which it priced the cart with; the edge keeps it. Give one for every line or for none (the edge then makes them)",
            ),
        }),
      )
      .min(1, 'an order needs at least one line')
      .max(100),
  })
  .superRefine((o, ctx) => {
    const ids = o.lines.map((l) => l.lineId);
    const given = ids.filter((id) => id !== undefined);
    if (given.length > 0 && given.length < ids.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines'],
        message: 'give a lineId for every line or for none: a line without one could not be priced as the screen did',
      });
    }
    ids.forEach((id, i) => {
      if (id !== undefined && ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'lineId'], message: `line id ${id} is used twice` });
    });
    if (o.payment && (o.channel === 'kiosk' || o.channel === 'counter')) {
      ctx.addIssue({
        code: 'custom',
        path: ['payment'],
        message: 'kiosk and counter orders are paid at the store (POST /orders/:id/pay)',
      });
    }
  })
  .describe('Place an order');
export type PlaceOrderBody = z.infer<typeof placeOrderBodySchema>;
export type PlaceOrderInput = z.input<typeof placeOrderBodySchema>;

const minor = z.int();

export const pricedModifierSchema = z.object({
  groupId: z.string(),
  optionId: z.string(),
  name: localizedText,
  price: minor,
  default: z
    .boolean()
    .optional()
    .describe("The group's default option (what the item comes with); kitchen tickets and the KDS leave it out"),
});

export const pricedLineSchema = z.object({
  lineId: z.string(),
  itemId: z.string(),
  variantId: z.string().optional(),
  name: localizedText,
  variantName: localizedText.optional(),
  modifiers: z.array(pricedModifierSchema),
  quantity: z.int(),
  note: z.string().optional(),
  station: z.string(),
  allergens: z.array(z.string()),
  parts: z
    .array(linePartSchema)
    .optional()
    .describe("A combo's chosen slot items, each made at its own station (the kitchen's view of the line)"),
  unitPrice: minor.describe('Item or variant price plus modifier upcharges, minor units'),
  lineTotal: minor.describe('unitPrice × quantity, minor units'),
  discount: minor.default(0).describe('Promotions and rewards taken off this line'),
  tax: minor.default(0).describe('Tax of this line (added, or held in the price with VAT)'),
  total: minor.optional().describe('What the guest pays for this line'),
  round: z
    .int()
    .min(2)
    .optional()
    .describe('Added after the order went to the kitchen: the round it was fired in (2, 3, …)'),
});
export type PricedLine = z.infer<typeof pricedLineSchema>;

/** A line of an order as the screens see it: as priced, and when it was given back. */
export const orderLineViewSchema = pricedLineSchema.extend({
  refundedAt: z.string().optional().describe('Given back in a refund by lines (ISO 8601)'),
});
export type OrderLineView = z.infer<typeof orderLineViewSchema>;

export const totalsSchema = z.object({
  currency: z.string(),
  subtotal: minor.describe('Σ line totals before discounts'),
  discount: minor.default(0).describe('Promotions and rewards taken off'),
  tax: minor.default(0).describe('Tax added on top (or held in the prices, with VAT)'),
  total: minor.describe('What the guest pays'),
});

export const orderPricingSchema = z
  .object({
    discounts: z.array(z.object({ promotionId: z.string(), explanation: z.string(), amount: minor })),
    taxes: z.array(
      z.object({
        name: z.string(),
        rate: z.string(),
        inclusive: z.boolean(),
        amount: minor,
        rateId: z.string().optional().describe('The rate in the tax rules (what a line’s taxes name)'),
      }),
    ),
    loyaltyPoints: z.int().describe('Points this order earns'),
    loyaltyPointsRedeemed: z.int().min(1).optional().describe('Points the loyalty rewards it redeems cost'),
    localTime: z.string().describe("The moment it was priced, on the store's clock"),
    overrides: z
      .array(z.object({ lineId: z.string(), explanation: z.string() }))
      .optional()
      .describe("Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular'"),
  })
  .describe('Why the order costs what it does: each discount explained, each tax by name and rate');
export type OrderPricing = z.infer<typeof orderPricingSchema>;
export type Totals = z.infer<typeof totalsSchema>;

export const ticketViewSchema = z.object({
  id: z.string(),
  station: z.string(),
  status: z.enum(['open', 'bumped']),
  firedAt: z.string(),
  bumpedAt: z.string().optional(),
  items: z.array(z.object({ lineId: z.string(), bumpedAt: z.string().optional() })),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

export const splitViewSchema = z
  .object({
    kind: z.enum(['even', 'lines']),
    parts: z.array(
      z.object({
        part: z.int().describe('1-based: what a payment names'),
        amount: minor.describe('What the part comes to (an even split shares the total by largest remainder)'),
        paid: minor.describe('Taken for it so far (net of refunds)'),
        due: minor,
        lineIds: z.array(z.string()).optional().describe('Split by lines: its lines'),
      }),
    ),
  })
  .describe('The bill split: each part with its amount, what is paid and what is due');
export type SplitView = z.infer<typeof splitViewSchema>;

export const orderViewSchema = z
  .object({
    id: z.string(),
    number: z.int().describe('Order number to call out, unique per business day'),
    businessDay: z.string(),
    status: z.enum(ORDER_STATUSES),
    payment: z.enum(PAYMENT_STATUSES),
    table: z.string().optional(),
    promisedAt: z.string().optional(),
    dueAt: z.string().describe('Promised time, or placed time plus prep time: the kitchen priority'),
    rush: z.boolean(),
    tickets: z.array(ticketViewSchema).describe('One ticket per station, made when the order fires'),
    payments: z.array(paymentViewSchema),
    channel: z.enum(CHANNELS),
    orderType: z.enum(ORDER_TYPES),
    guestName: z.string().optional(),
    memberId: z.string().optional().describe('The loyalty member it is for: it earns them points when paid'),
    lines: z.array(orderLineViewSchema),
    totals: totalsSchema,
    pricing: orderPricingSchema.optional(),
    placedAt: z.string().describe('ISO 8601'),
    paidAt: z.string().optional(),
    firedAt: z.string().optional(),
    readyAt: z.string().optional(),
    pickedUpAt: z.string().optional(),
    closedAt: z.string().optional().describe('Completed, cancelled, voided or refunded'),
    due: minor.optional().describe('Still to pay, minor units (0 once paid)'),
    tipTotal: minor.optional().describe('Tips taken with its payments, apart from the sale (net of tips given back)'),
    split: splitViewSchema.optional(),
    owner: z
      .object({ staffId: z.string(), name: z.string().optional() })
      .optional()
      .describe('The staff member whose open ticket it is'),
    heldAt: z.string().optional().describe('Held as an open ticket since (on no counter); absent once recalled'),
  })
  .describe('An order as the screens show it');
export type OrderView = z.infer<typeof orderViewSchema>;

export const orderListSchema = z.object({
  seq: z.int().describe('The event log position this list is current at; subscribe from the first page’s'),
  orders: z.array(orderViewSchema).describe('Oldest placed first'),
  next: orderCursorSchema.optional().describe('More orders follow: ask again with `after` set to this'),
});
export type OrderList = z.infer<typeof orderListSchema>;

/** A business day in a query: a date that exists on the calendar (no 2026-02-30, no 9999-99-99). */
export const businessDaySchema = z.iso.date({ message: 'a real calendar date as YYYY-MM-DD, such as 2026-11-27' });

export const orderListQuerySchema = z.object({
  status: z
    .enum(['open', ...ORDER_STATUSES])
    .default('open')
    .describe('"open" lists every order still waiting, in the kitchen or on the pickup board'),
  day: businessDaySchema.optional().describe('Business day (YYYY-MM-DD); closed statuses default to today'),
  scope: z
    .enum(ORDER_SCOPES)
    .optional()
    .describe(
      'Only what a screen shows: kitchen = fired orders (in the kitchen or ready), pickup = paid, in the kitchen or ready',
    ),
  limit: z.coerce.number().int().min(1).max(ORDER_PAGE_MAX).default(ORDER_PAGE_DEFAULT).describe('Orders per page'),
  after: orderCursorSchema.optional().describe('The `next` of the page before'),
});

export const orderIdParamsSchema = z.object({
  id: z.string().regex(UUID_V7, 'id must be a UUIDv7'),
});

export const ticketParamsSchema = z.object({
  id: z.string().regex(UUID_V7, 'ticket id must be a UUIDv7'),
});

export const ticketItemParamsSchema = z.object({
  id: z.string().regex(UUID_V7, 'ticket id must be a UUIDv7'),
  lineId: z.string().regex(UUID_V7, 'line id must be a UUIDv7'),
});

export const stationParamsSchema = z.object({
  station: z.string().min(1).max(32),
});

export const recallListSchema = z.object({
  station: z.string(),
  tickets: z.array(z.object({ order: orderViewSchema, ticketId: z.string(), bumpedAt: z.string() })),
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string().optional(), message: z.string() })),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthProblemSchema = z.object({
  kind: z
    .enum(['damaged-row', 'missing-events', 'storage', 'cloud-log'])
    .describe(
      'damaged-row: a stored row cannot be read; missing-events: the log lost a range; storage: the disk refuses writes; ' +
        "cloud-log: the store's log and the cloud's copy differ, or the cloud's copy was refused",
    ),
  message: z.string().describe('What is wrong and what the store box did about it'),
  since: z.string().describe('ISO 8601 time it was first seen'),
});
export type HealthProblem = z.infer<typeof healthProblemSchema>;

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    storeId: z.string(),
    seq: z.int().describe('The head of the event log'),
    uptimeSeconds: z.number(),
    db: z.object({
      ok: z.boolean(),
      path: z.string().optional().describe('The database file: only for an admin screen with an admin signed in'),
    }),
    streamClients: z.int(),
    degraded: z.array(healthProblemSchema).describe('Why the status is degraded; empty when it is ok'),
  })
  .describe('The state of the store box');
export type Health = z.infer<typeof healthSchema>;

const stageStats = z.object({
  count: z.int(),
  p50Seconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});

export const speedOfServiceSchema = z
  .object({
    businessDay: z.string(),
    orders: z.int(),
    stages: z.object({
      placedToFired: stageStats,
      firedToReady: stageStats,
      readyToPickedUp: stageStats,
      placedToPickedUp: stageStats,
    }),
    stations: z.array(z.object({ station: z.string(), firedToBumped: stageStats })),
  })
  .describe('Speed of service of a business day: p50 and p90 of each stage, per station');
export type SpeedOfService = z.infer<typeof speedOfServiceSchema>;
