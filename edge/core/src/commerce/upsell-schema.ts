/**
 * Upsell rules, a section of the pricing rules document: what a kiosk suggests after a guest
 * adds an item ("Add a croissant?" after a coffee, a larger size, a combo), when, and in which
 * order. Deciding the suggestion is `suggestUpsell` (upsell.ts); references into the catalog are
 * checked when the rules are compiled.
 */
import { z } from 'zod';
import { CHANNELS } from '../channels.js';
import type { ErrorDetail } from '../errors.js';
import { localizedText } from '../i18n.js';
import type { CommerceCatalog } from './catalog-schema.js';
import { entityId, selectorSchema, type Selector } from './common.js';
import { weeklyWindowSchema } from './time-windows.js';

/** A guest sees at most this many suggestions in one order. */
export const MAX_UPSELLS_PER_ORDER = 2;

const emptySelector = { all: false, itemIds: [], categoryIds: [], tags: [] };

export const upsellOfferSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('item'),
        itemId: entityId.describe('The item suggested'),
        variantId: entityId.optional().describe('Its size; the first size when the item has sizes and none is named'),
      })
      .describe('Another item, added as it comes (its default choices): "Add a croissant?"'),
    z
      .object({ kind: z.literal('size-up') })
      .describe('The next size of the line just added (the next in its list of sizes): "Make it a large?"'),
    z
      .object({ kind: z.literal('combo'), itemId: entityId.describe('A combo with a slot the added item can fill') })
      .describe('A combo holding the item just added: "Make it a breakfast combo?"'),
  ])
  .describe('What is suggested');
export type UpsellOffer = z.infer<typeof upsellOfferSchema>;

export const upsellSchema = z.object({
  id: entityId.describe('Names the suggestion in orders (lines.upsellId) and in the upsell report'),
  active: z.boolean().default(true),
  priority: z.int().min(0).max(1000).default(0).describe('When several could be made, the highest goes first'),
  after: selectorSchema.describe('Suggested after the guest adds a line that matches: items, categories or tags'),
  whenCartHas: selectorSchema
    .default(emptySelector)
    .describe('Only when the cart also holds a matching line; empty = no condition'),
  unlessCartHas: selectorSchema
    .default(emptySelector)
    .describe('Not when the cart already holds a matching line (a croissant is not suggested to a guest who has one)'),
  dayparts: z.array(entityId).max(10).default([]).describe('Only during these catalog dayparts; empty = all day'),
  windows: z.array(weeklyWindowSchema).max(14).default([]).describe('Only in these weekly hours; empty = any time'),
  channels: z.array(z.enum(CHANNELS)).max(5).default([]).describe('Only on these channels; empty = all'),
  headline: localizedText
    .optional()
    .describe('What the guest reads, e.g. "A croissant with that?"; the screen words it from the offer when absent'),
  offer: upsellOfferSchema,
});
export type Upsell = z.infer<typeof upsellSchema>;
export type UpsellInput = z.input<typeof upsellSchema>;

export const upsellsSchema = z
  .array(upsellSchema)
  .max(200)
  .default([])
  .describe(
    `Suggestions a screen makes after an item is added: one at a time, each at most once per order, at most ${MAX_UPSELLS_PER_ORDER} per order`,
  );

export const isEmptySelector = (s: Selector): boolean =>
  !s.all && s.itemIds.length === 0 && s.categoryIds.length === 0 && s.tags.length === 0;

/** Problems of the rules' upsells against the catalog: every id they name exists, and a combo offer is a combo. */
export function upsellProblems(catalog: CommerceCatalog, upsells: readonly Upsell[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const items = new Map(catalog.items.map((i) => [i.id, i]));
  const categories = new Set(catalog.categories.map((c) => c.id));
  const dayparts = new Set(catalog.dayparts.map((d) => d.id));
  const seen = new Set<string>();
  upsells.forEach((u, i) => {
    const path = `upsells.${i}`;
    const owner = `upsell "${u.id}"`;
    const add = (message: string): void => {
      problems.push({ path, message: `${owner}: ${message}` });
    };
    if (seen.has(u.id)) add('is defined twice');
    seen.add(u.id);
    if (isEmptySelector(u.after)) add('"after" matches nothing; list items, categories or tags');
    for (const [name, s] of [
      ['after', u.after],
      ['whenCartHas', u.whenCartHas],
      ['unlessCartHas', u.unlessCartHas],
    ] as const) {
      for (const id of s.itemIds) if (!items.has(id)) add(`${name} names missing item "${id}"`);
      for (const id of s.categoryIds) if (!categories.has(id)) add(`${name} names missing category "${id}"`);
    }
    for (const d of u.dayparts) if (!dayparts.has(d)) add(`names missing daypart "${d}"`);
    const offer = u.offer;
    if (offer.kind === 'size-up') return;
    const item = items.get(offer.itemId);
    if (!item) return add(`offers missing item "${offer.itemId}"`);
    if (offer.kind === 'combo' && !item.combo) add(`offers "${offer.itemId}" as a combo, but it has no slots`);
    if (offer.kind === 'item') {
      if (item.combo) add(`offers combo "${offer.itemId}" as an item; use kind "combo"`);
      if (offer.variantId !== undefined && !item.variants.some((v) => v.id === offer.variantId))
        add(`offers a size "${offer.variantId}" that "${offer.itemId}" does not have`);
    }
  });
  return problems;
}
