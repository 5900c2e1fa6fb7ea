/**
 * The payloads of the stock events, for the event catalogue. Every stock event is about one item
 * (its subject is the item id) and says what the count is after it, so a screen keeps its list
 * from the events alone. Quantities are whole units.
 */
import { z } from 'zod';
import { EIGHTY_SIX_REASONS, MAX_STOCK_COUNT, STOCK_RETURN_REASONS, UN86_REASONS } from './stock.js';

const entityId = z.string().min(1).max(64);
const itemId = entityId.describe('The catalog item');
const count = z.int().min(0).max(MAX_STOCK_COUNT).describe('On hand after it');
const quantity = z.int().min(1).max(MAX_STOCK_COUNT);
const note = z.string().trim().min(1).max(200);
const lines = z
  .array(z.object({ lineId: entityId, quantity }))
  .min(1)
  .max(100)
  .describe('The order lines it was for, with how many each took');

/** A placed order (or lines added to it) took stock: the count after it. */
export const stockSold = z.object({ itemId, orderId: entityId, lines, quantity, count });

/** Sold stock came back with a refund, or when an unpaid order was cancelled or voided. */
export const stockReturned = z.object({
  itemId,
  orderId: entityId,
  reason: z.enum(STOCK_RETURN_REASONS),
  lines,
  quantity,
  count,
});

/** A delivery, or a batch out of the oven, put on the shelf. */
export const stockReceived = z.object({ itemId, quantity, count, note: note.optional() });

/** Stock thrown away (dropped, out of date, spoiled), with why. */
export const stockWasted = z.object({ itemId, quantity, count, reason: note });

/** A staff member counted what is there; the count replaces what the store thought it had. */
export const stockCounted = z.object({
  itemId,
  count: count.describe('What was counted'),
  previous: z
    .int()
    .min(0)
    .max(MAX_STOCK_COUNT)
    .optional()
    .describe('What the store thought it had; absent when this count starts tracking the item'),
  variance: z.int().describe('count − previous (or the count, when it starts tracking)'),
});

/** The store stops counting the item (it stays on the menu). */
export const stockUntracked = z.object({ itemId, count: count.describe('What it had when it stopped being counted') });

/** The item is off sale on every screen. */
export const stock86d = z.object({
  itemId,
  name: z.string().min(1).max(120).describe("The item's name on the menu (English)"),
  reason: z.enum(EIGHTY_SIX_REASONS).describe('sold-out: its count reached zero; manual: a staff member took it off'),
  note: note.optional(),
});

/** The item is back on sale. */
export const stockUn86d = z.object({
  itemId,
  reason: z
    .enum(UN86_REASONS)
    .describe('restocked: stock came back after it sold out; manual: a staff member; untracked: no longer counted'),
});

/** The stock entries of the event catalogue. */
export const STOCK_EVENTS = {
  'stock.sold': { version: 1, schema: stockSold },
  'stock.returned': { version: 1, schema: stockReturned },
  'stock.received': { version: 1, schema: stockReceived },
  'stock.wasted': { version: 1, schema: stockWasted },
  'stock.counted': { version: 1, schema: stockCounted },
  'stock.untracked': { version: 1, schema: stockUntracked },
  'stock.86d': { version: 1, schema: stock86d },
  'stock.un86d': { version: 1, schema: stockUn86d },
} as const;
