/**
 * The customer display: a screen facing the guest at the counter (its own tablet or a second
 * monitor) that shows the ticket being rung up, the guest's points, the amount to pay and the
 * change, then "Thank you" with the order number and the e-receipt's QR code.
 *
 * The counter publishes what its display should show (`PUT /api/v1/counter/display`); the store
 * box keeps the latest state of each counter in memory (it is a view, not a fact: no event) and
 * pushes it on the stream's `display` topic to the displays linked to that counter. The state
 * holds only what the guest may see: no card data, no staff, no PIN — every object is strict, so
 * a field the schema does not know is refused rather than passed on.
 */
import { z } from 'zod';
import { freeText } from '../privacy/card-numbers.js';

/** What the display is showing: nothing open (the store's name), a ticket, the payment, the thank-you. */
export const DISPLAY_PHASES = ['idle', 'ticket', 'paying', 'thanks'] as const;
export type DisplayPhase = (typeof DISPLAY_PHASES)[number];

/** Amounts in minor units, bounded like every amount the edge takes. */
const amount = z.int().min(-100_000_000).max(100_000_000);
const positive = z.int().min(0).max(100_000_000);
const points = z.int().min(-100_000_000).max(100_000_000);

export const displayLineSchema = z.strictObject({
  id: z.string().min(1).max(64).describe('The line id (a stable key for the screen)'),
  name: freeText(120).min(1).describe('"Caffè Latte (Medium)"'),
  quantity: z.int().min(1).max(999),
  modifiers: z.array(freeText(80)).max(30).describe('Choices and combo contents, one per entry'),
  amount: amount.optional().describe('Before discounts; absent while the line cannot be priced'),
  discount: positive.default(0),
});
export type DisplayLine = z.infer<typeof displayLineSchema>;

export const displayMemberSchema = z.strictObject({
  name: freeText(40).optional().describe('First name, to greet the guest'),
  points: points.describe('Their balance as the store box gave it'),
  estimate: z.boolean().describe("The store box's offline estimate (the loyalty service cannot be reached)"),
});

export const displayPaymentSchema = z.strictObject({
  method: z.enum(['cash', 'card', 'other']).optional().describe('The tender being taken'),
  due: positive.describe('Still to pay'),
  tip: positive.optional().describe('The tip chosen (card)'),
  tipOptions: z
    .array(z.strictObject({ label: z.string().min(1).max(12), amount: positive }))
    .max(6)
    .optional()
    .describe('The tip choices offered, as the counter shows them'),
  tendered: positive.optional().describe('Cash handed over'),
  change: positive.optional().describe('Change to give back'),
});

export const customerDisplayStateSchema = z
  .strictObject({
    phase: z.enum(DISPLAY_PHASES),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'),
    lines: z.array(displayLineSchema).max(200),
    discounts: z.array(z.strictObject({ name: freeText(160).min(1), amount: positive })).max(40),
    subtotal: amount,
    taxes: z
      .array(z.strictObject({ name: freeText(60).min(1), amount }))
      .max(12)
      .describe('Each tax by name'),
    total: amount,
    member: displayMemberSchema.optional(),
    earns: z.int().min(0).max(100_000_000).optional().describe('Points this order earns when paid'),
    payment: displayPaymentSchema.optional(),
    thanks: z
      .strictObject({
        orderNumber: z.int().min(1).max(1_000_000),
        receiptUrl: z
          .url({ protocol: /^https?$/ })
          .max(500)
          .optional()
          .describe('The e-receipt link, shown as a QR code'),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    if (s.phase === 'thanks' && !s.thanks)
      ctx.addIssue({ code: 'custom', path: ['thanks'], message: 'the thank-you needs the order number' });
    if (s.phase === 'paying' && !s.payment)
      ctx.addIssue({ code: 'custom', path: ['payment'], message: 'paying needs the amount due' });
  })
  .describe("What a counter's customer display should show now (only what the guest may see)");
export type CustomerDisplayState = z.infer<typeof customerDisplayStateSchema>;
export type CustomerDisplayStateInput = z.input<typeof customerDisplayStateSchema>;

/** What a display shows, as the store box gives it (over HTTP and on the stream's `display` topic). */
export const customerDisplayViewSchema = z.object({
  storeName: z.string().describe('Shown while no ticket is open'),
  counter: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('The counter this display follows; null until a cashier links it'),
  linkCode: z
    .string()
    .optional()
    .describe('While not linked: the code to enter on the counter (Customer display) to link this display to it'),
  linkCodeExpiresAt: z.string().optional(),
  state: customerDisplayStateSchema.nullable().describe('Null until the counter has published'),
  at: z.string().optional().describe('When the counter published the state (ISO 8601)'),
});
export type CustomerDisplayView = z.infer<typeof customerDisplayViewSchema>;

/** The stream's frame carrying a display's view (topic `display`; not an event of the log). */
export const streamDisplayFrameSchema = z.object({
  type: z.literal('display'),
  display: customerDisplayViewSchema,
});
export type StreamDisplayFrame = z.infer<typeof streamDisplayFrameSchema>;

export const displayLinkBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, 'the six digits the customer display shows')
    .describe('The code the customer display shows'),
});

export const linkedDisplaySchema = z.object({ id: z.string(), name: z.string() });
export const counterDisplaysSchema = z.object({
  displays: z.array(linkedDisplaySchema).describe('The customer displays linked to this counter'),
});
export type CounterDisplays = z.infer<typeof counterDisplaysSchema>;

export const displayPublishedSchema = z.object({
  displays: z.int().min(0).describe('Linked displays that were sent the state'),
});
