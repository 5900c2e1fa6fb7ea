/** Building blocks shared by the catalog, rules and cart schemas. */
import { z } from 'zod';

/** The same id shape as the first-slice catalog: lowercase letters, digits and dashes. */
export const entityId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes');

/** Largest price of one thing, in minor units (1,000,000.00). */
export const MAX_PRICE = 100_000_000;
/** Largest order subtotal the engine prices, in minor units (10,000,000.00). */
export const MAX_ORDER_SUBTOTAL = 1_000_000_000;
/** 100% in parts per million. */
export const PPM = 1_000_000;

export const minorUnits = z.int().min(0).max(MAX_PRICE).describe('An amount in minor units (cents)');

/** A percentage as an integer count of parts per million: 20% = 200000, 8.875% = 88750. */
export const percentPpm = z
  .int()
  .min(0, 'a rate cannot be negative')
  .max(PPM, 'a rate above 100% (1000000 ppm) is not allowed')
  .describe('A percentage in parts per million: 20% = 200000, 8.875% = 88750');

export const tag = z.string().min(1).max(32);

/**
 * Which cart lines something applies to. A line matches when `all` is true, or its item is
 * listed, or its item's category is listed, or it carries one of the tags. An empty selector
 * matches nothing.
 */
export const selectorSchema = z
  .object({
    all: z.boolean().default(false).describe('Every line'),
    itemIds: z.array(entityId).max(1000).default([]).describe('Items by id'),
    categoryIds: z.array(entityId).max(200).default([]).describe('Every item in these categories'),
    tags: z.array(tag).max(20).default([]).describe('Every item carrying one of these tags'),
  })
  .describe('Which lines: all, or items, categories or tags (any match). Empty matches nothing');
export type Selector = z.infer<typeof selectorSchema>;

/** Format parts-per-million as a percentage for people: 88750 → "8.875%". */
export function formatPpm(ppm: number): string {
  const whole = Math.floor(ppm / 10_000);
  const frac = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac === '' ? `${whole}%` : `${whole}.${frac}%`;
}
