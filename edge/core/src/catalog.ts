/**
 * The catalog: categories, items with variants (sizes) and modifier groups. This is the first
 * slice; the full catalog (combos, dayparts, per-store prices, barcodes) grows from it.
 */
import { z } from 'zod';
import { localizedText } from './i18n.js';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes');
const minor = z.int().min(0).max(100_000_000).describe('An amount in minor units (cents)');

export const modifierOptionSchema = z.object({
  id,
  name: localizedText,
  price: minor.default(0).describe('Upcharge in minor units'),
  default: z.boolean().default(false).describe('Pre-selected on the screens'),
});

export const modifierGroupSchema = z.object({
  id,
  name: localizedText,
  min: z.int().min(0).max(20).default(0).describe('Fewest options a guest must choose'),
  max: z.int().min(1).max(20).default(1).describe('Most options a guest may choose'),
  options: z.array(modifierOptionSchema).min(1).max(50),
});

export const variantSchema = z.object({
  id,
  name: localizedText,
  price: minor.describe('Price of the item in this variant, in minor units'),
});

export const itemSchema = z.object({
  id,
  categoryId: id,
  sku: z.string().min(1).max(64),
  name: localizedText,
  description: localizedText.optional(),
  price: minor.describe('Price when the item has no variants, in minor units'),
  variants: z.array(variantSchema).max(10).default([]),
  modifierGroupIds: z.array(id).max(20).default([]),
  available: z.boolean().default(true).describe('false when 86ed (sold out)'),
  station: id.optional().describe('Kitchen station; defaults to the category station'),
  tags: z.array(z.string().max(32)).max(20).default([]),
  allergens: z.array(z.string().max(32)).max(20).default([]),
  calories: z.int().min(0).max(10_000).optional(),
});

export const categorySchema = z.object({
  id,
  name: localizedText,
  station: id.default('kitchen'),
});

export const catalogSchema = z
  .object({
    version: z.int().min(1),
    currency: z.string().regex(/^[A-Z]{3}$/),
    categories: z.array(categorySchema).min(1).max(200),
    items: z.array(itemSchema).max(5000),
    modifierGroups: z.array(modifierGroupSchema).max(1000).default([]),
  })
  .superRefine((c, ctx) => {
    const unique = (kind: string, ids: string[]): void => {
      const seen = new Set<string>();
      for (const x of ids) {
        if (seen.has(x)) ctx.addIssue({ code: 'custom', message: `duplicate ${kind} id "${x}"`, path: [kind] });
        seen.add(x);
      }
    };
    unique(
      'categories',
      c.categories.map((x) => x.id),
    );
    unique(
      'items',
      c.items.map((x) => x.id),
    );
    unique(
      'modifierGroups',
      c.modifierGroups.map((x) => x.id),
    );
    const categories = new Set(c.categories.map((x) => x.id));
    const groups = new Set(c.modifierGroups.map((x) => x.id));
    c.items.forEach((item, i) => {
      unique(
        `variants of item "${item.id}"`,
        item.variants.map((v) => v.id),
      );
      if (!categories.has(item.categoryId)) {
        ctx.addIssue({
          code: 'custom',
          message: `item "${item.id}" names missing category "${item.categoryId}"`,
          path: ['items', i, 'categoryId'],
        });
      }
      for (const g of item.modifierGroupIds) {
        if (!groups.has(g)) {
          ctx.addIssue({
            code: 'custom',
            message: `item "${item.id}" names missing modifier group "${g}"`,
            path: ['items', i, 'modifierGroupIds'],
          });
        }
      }
    });
    c.modifierGroups.forEach((g, i) => {
      unique(
        `options of modifier group "${g.id}"`,
        g.options.map((o) => o.id),
      );
      if (g.min > g.max)
        ctx.addIssue({
          code: 'custom',
          message: `modifier group "${g.id}" has min ${g.min} above max ${g.max}`,
          path: ['modifierGroups', i],
        });
      if (g.max > g.options.length && g.min > g.options.length) {
        ctx.addIssue({
          code: 'custom',
          message: `modifier group "${g.id}" needs more choices than it has`,
          path: ['modifierGroups', i],
        });
      }
    });
  });

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogInput = z.input<typeof catalogSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Category = z.infer<typeof categorySchema>;
export type ModifierGroup = z.infer<typeof modifierGroupSchema>;
export type ModifierOption = z.infer<typeof modifierOptionSchema>;
export type Variant = z.infer<typeof variantSchema>;

/** Fast lookups over a parsed catalog. */
export interface CatalogIndex {
  readonly catalog: Catalog;
  readonly items: ReadonlyMap<string, Item>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly groups: ReadonlyMap<string, ModifierGroup>;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  return {
    catalog,
    items: new Map(catalog.items.map((i) => [i.id, i])),
    categories: new Map(catalog.categories.map((c) => [c.id, c])),
    groups: new Map(catalog.modifierGroups.map((g) => [g.id, g])),
  };
}

/** The kitchen station an item is made at: its own, else its category's. */
export function stationOf(index: CatalogIndex, item: Item): string {
  return item.station ?? index.categories.get(item.categoryId)?.station ?? 'kitchen';
}
