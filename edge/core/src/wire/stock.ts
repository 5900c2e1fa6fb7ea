/** Bodies and views of the stock API (`/api/v1/stock`). Quantities are whole units. */
import { z } from 'zod';
import { freeText } from '../privacy/card-numbers.js';
import { EIGHTY_SIX_REASONS, MAX_STOCK_COUNT } from '../stock/stock.js';

const quantity = z.int().min(1).max(MAX_STOCK_COUNT);
const note = freeText(200).min(1);
// As the access schemas' reason, without importing them (the kiosk loads this module first).
const reason = freeText(200).min(3, 'say why, in a few words');

export const stockItemParamsSchema = z.object({
  itemId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'an item id of the menu: lowercase letters, digits and dashes'),
});

export const stockReceiveBodySchema = z
  .object({
    quantity: quantity.describe('How many were put on the shelf'),
    note: note.optional().describe('e.g. the delivery note, or "morning bake"'),
  })
  .describe('A delivery or a fresh batch of a counted item');
export type StockReceiveBody = z.infer<typeof stockReceiveBodySchema>;

export const stockWasteBodySchema = z
  .object({ quantity: quantity.describe('How many were thrown away'), reason })
  .describe('Stock written off: dropped, out of date, spoiled');
export type StockWasteBody = z.infer<typeof stockWasteBodySchema>;

export const stockCountBodySchema = z
  .object({ count: z.int().min(0).max(MAX_STOCK_COUNT).describe('How many are there') })
  .describe('What a staff member counted: it replaces what the store thought it had, and starts counting an item');
export type StockCountBody = z.infer<typeof stockCountBodySchema>;

export const stock86BodySchema = z
  .object({ note: note.optional().describe('Why, for the other screens (e.g. "oven down")') })
  .describe('Take an item off sale on every screen');
export type Stock86Body = z.infer<typeof stock86BodySchema>;

/** One item's stock as the screens see it. */
export const stockItemViewSchema = z.object({
  itemId: z.string(),
  name: z.string().describe("The item's name on the menu (English)"),
  tracked: z.boolean().describe('The store counts it'),
  count: z.int().min(0).optional().describe('On hand, when it is counted'),
  eightySixed: z
    .object({
      reason: z.enum(EIGHTY_SIX_REASONS),
      at: z.string().describe('ISO 8601'),
      note: z.string().optional(),
    })
    .optional()
    .describe('Off sale, and why; absent while it is on sale'),
  available: z.boolean().describe('It can be sold now (not 86’d; one or more on hand when counted)'),
});
export type StockItemView = z.infer<typeof stockItemViewSchema>;

export const stockListSchema = z.object({
  seq: z.int().min(0).describe('The log seq the list is current at: follow the stream topic `stock` from it'),
  items: z.array(stockItemViewSchema).describe('Every item the store counts or has taken off sale'),
});
export type StockList = z.infer<typeof stockListSchema>;
