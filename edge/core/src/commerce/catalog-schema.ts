/**
 * The commerce catalog, the one menu document of every channel: categories, items with sizes
 * (variants), nested modifier groups, combos with slots, barcodes, tax classes, dayparts and
 * channel availability, per-store prices, option allergens and calories. Ids are lowercase
 * letters, digits and dashes; amounts are integer minor units.
 */
import { z } from 'zod';
import { localizedText } from '../i18n.js';
import { CHANNELS } from '../channels.js';
import { checkBarcode } from './barcode.js';
import { entityId, minorUnits, tag } from './common.js';
import { weeklyWindowSchema } from './time-windows.js';

export const TAX_CLASSES = ['general', 'food', 'prepared-food', 'beverage', 'alcohol', 'exempt'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

export const taxClassSchema = z
  .enum(TAX_CLASSES)
  .describe('Tax class: general, food (groceries), prepared-food, beverage, alcohol, or exempt (never taxed)');

const barcodes = z
  .array(z.string().max(14))
  .max(10)
  .default([])
  .describe('EAN-13, UPC-A or EAN-8 codes with valid check digits');

const daypartIds = z.array(entityId).max(10).default([]).describe('Sold only during these dayparts; empty = all day');

export const commerceOptionSchema = z.object({
  id: entityId,
  name: localizedText,
  price: minorUnits.default(0).describe('Upcharge in minor units'),
  default: z.boolean().default(false).describe('Pre-selected on the screens'),
  modifierGroupIds: z
    .array(entityId)
    .max(10)
    .default([])
    .describe('Nested groups opened by this choice, e.g. a milk choice inside a latte inside a combo'),
  allergens: z.array(tag).max(20).default([]).describe('Allergens this choice adds'),
  removesAllergens: z
    .array(tag)
    .max(20)
    .default([])
    .describe("Allergens of the item this choice takes away, e.g. oat milk takes away a latte's milk"),
  calories: z.int().min(0).max(10_000).optional().describe('Calories this choice adds'),
});

export const commerceModifierGroupSchema = z.object({
  id: entityId,
  name: localizedText,
  min: z.int().min(0).max(20).default(0).describe('Fewest options a guest must choose'),
  max: z.int().min(1).max(20).default(1).describe('Most options a guest may choose'),
  options: z.array(commerceOptionSchema).min(1).max(50),
});

export const commerceVariantSchema = z.object({
  id: entityId,
  name: localizedText,
  price: minorUnits.describe('Price of the item in this size, in minor units'),
  sku: z.string().min(1).max(64).optional().describe('SKU of this size, when it differs from the item'),
  barcodes,
  calories: z.int().min(0).max(10_000).optional().describe('Calories of this size'),
});

export const comboChoiceSchema = z.object({
  itemId: entityId.describe('An item that may fill the slot (not itself a combo)'),
  variantId: entityId.optional().describe('The size it comes in; required when the item has sizes'),
  upcharge: minorUnits.default(0).describe('Added to the combo price when chosen'),
});

export const comboSlotSchema = z.object({
  id: entityId,
  name: localizedText,
  optional: z.boolean().default(false).describe('May be left empty'),
  choices: z.array(comboChoiceSchema).min(1).max(50).describe('What may fill the slot; the guest picks one'),
});

export const comboSchema = z
  .object({
    slots: z.array(comboSlotSchema).min(1).max(10).describe('One choice from each slot'),
  })
  .describe('Makes the item a combo: its price covers one choice per slot, plus slot upcharges and modifiers');

export const commerceItemSchema = z.object({
  id: entityId,
  categoryId: entityId,
  sku: z.string().min(1).max(64),
  name: localizedText,
  description: localizedText.optional(),
  image: z
    .string()
    .max(300)
    .regex(/^(\/[^/\\]|https:\/\/)/, 'a path on the store box (/menu/latte.svg) or an https:// address')
    .optional()
    .describe('A picture of the item for the screens: a path on the store box or an https:// address'),
  price: minorUnits.describe('Price when the item has no sizes (and of a combo), in minor units'),
  variants: z.array(commerceVariantSchema).max(10).default([]),
  modifierGroupIds: z.array(entityId).max(20).default([]),
  available: z.boolean().default(true).describe('false when 86ed (sold out)'),
  station: entityId.optional().describe('Kitchen station; defaults to the category station'),
  tags: z.array(z.string().max(32)).max(20).default([]),
  allergens: z.array(z.string().max(32)).max(20).default([]),
  calories: z.int().min(0).max(10_000).optional(),
  barcodes,
  taxClass: taxClassSchema.optional().describe("Tax class; defaults to the category's"),
  dayparts: daypartIds,
  channels: z.array(z.enum(CHANNELS)).max(5).default([]).describe('Sold only on these channels; empty = all'),
  combo: comboSchema.optional(),
});

export const commerceCategorySchema = z.object({
  id: entityId,
  name: localizedText,
  station: entityId.default('kitchen'),
  taxClass: taxClassSchema.default('prepared-food').describe('Tax class of items that do not name one'),
  dayparts: daypartIds,
});

export const daypartSchema = z.object({
  id: entityId,
  name: localizedText,
  windows: z.array(weeklyWindowSchema).min(1).max(14).describe('When the daypart runs, store-local'),
});

export const storePriceSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('item'),
      storeId: entityId,
      itemId: entityId,
      variantId: entityId.optional().describe('The size; required when the item has sizes'),
      price: minorUnits.describe('Price at this store'),
    }),
    z.object({
      kind: z.literal('option'),
      storeId: entityId,
      groupId: entityId,
      optionId: entityId,
      price: minorUnits.describe('Upcharge at this store'),
    }),
  ])
  .describe('A per-store price for an item (or one size) or a modifier choice');

export const commerceCatalogSchema = z
  .object({
    version: z.int().min(1),
    currency: z.string().regex(/^[A-Z]{3}$/),
    categories: z.array(commerceCategorySchema).min(1).max(200),
    items: z.array(commerceItemSchema).max(5000),
    modifierGroups: z.array(commerceModifierGroupSchema).max(1000).default([]),
    dayparts: z.array(daypartSchema).max(20).default([]).describe('Named parts of the day: breakfast, lunch...'),
    storePrices: z.array(storePriceSchema).max(50_000).default([]).describe('Per-store price overrides'),
  })
  .superRefine((c, ctx) => {
    const issue = (message: string, path: (string | number)[]): void => {
      ctx.addIssue({ code: 'custom', message, path });
    };
    const unique = (kind: string, ids: readonly string[], at: (string | number)[] = [kind]): void => {
      const seen = new Set<string>();
      ids.forEach((x, i) => {
        if (seen.has(x)) issue(`duplicate ${kind} id "${x}"`, [...at, i, 'id']);
        seen.add(x);
      });
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
    unique(
      'dayparts',
      c.dayparts.map((x) => x.id),
    );
    const categories = new Set(c.categories.map((x) => x.id));
    const groups = new Map(c.modifierGroups.map((g) => [g.id, g]));
    const items = new Map(c.items.map((x) => [x.id, x]));
    const dayparts = new Set(c.dayparts.map((x) => x.id));
    const barcodeOwner = new Map<string, string>();

    const checkCodes = (owner: string, codes: readonly string[], path: (string | number)[]): void => {
      codes.forEach((code, k) => {
        const check = checkBarcode(code);
        if (!check.ok) return issue(`${owner}: ${check.problem}`, [...path, k]);
        const other = barcodeOwner.get(check.normalized);
        if (other !== undefined) issue(`${owner}: barcode "${code}" is already used by ${other}`, [...path, k]);
        barcodeOwner.set(check.normalized, owner);
      });
    };
    const checkDayparts = (owner: string, ids: readonly string[], path: (string | number)[]): void => {
      for (const d of ids) if (!dayparts.has(d)) issue(`${owner} names missing daypart "${d}"`, path);
    };

    c.categories.forEach((cat, i) => checkDayparts(`category "${cat.id}"`, cat.dayparts, ['categories', i]));
    c.items.forEach((item, i) => {
      const owner = `item "${item.id}"`;
      if (!categories.has(item.categoryId))
        issue(`${owner} names missing category "${item.categoryId}"`, ['items', i, 'categoryId']);
      for (const g of item.modifierGroupIds)
        if (!groups.has(g)) issue(`${owner} names missing modifier group "${g}"`, ['items', i, 'modifierGroupIds']);
      unique(
        `sizes of ${owner}`,
        item.variants.map((v) => v.id),
        ['items', i, 'variants'],
      );
      checkDayparts(owner, item.dayparts, ['items', i, 'dayparts']);
      checkCodes(owner, item.barcodes, ['items', i, 'barcodes']);
      item.variants.forEach((v, k) =>
        checkCodes(`item "${item.id}" size "${v.id}"`, v.barcodes, ['items', i, 'variants', k, 'barcodes']),
      );
      item.combo?.slots.forEach((slot, s) => {
        slot.choices.forEach((choice, k) => {
          const path = ['items', i, 'combo', 'slots', s, 'choices', k];
          const target = items.get(choice.itemId);
          if (!target) return issue(`${owner} slot "${slot.id}" names missing item "${choice.itemId}"`, path);
          if (target.combo) return issue(`${owner} slot "${slot.id}" cannot hold combo "${target.id}"`, path);
          if (target.variants.length > 0 && !target.variants.some((v) => v.id === choice.variantId))
            issue(`${owner} slot "${slot.id}" needs a size of "${target.id}" that exists`, path);
          if (target.variants.length === 0 && choice.variantId !== undefined)
            issue(`${owner} slot "${slot.id}": "${target.id}" has no sizes`, path);
        });
      });
    });
    c.modifierGroups.forEach((g, i) => {
      const owner = `modifier group "${g.id}"`;
      if (g.min > g.max) issue(`${owner} has min ${g.min} above max ${g.max}`, ['modifierGroups', i]);
      if (g.min > g.options.length) issue(`${owner} needs more choices than it has`, ['modifierGroups', i]);
      unique(
        `options of ${owner}`,
        g.options.map((o) => o.id),
        ['modifierGroups', i, 'options'],
      );
      g.options.forEach((o, k) => {
        for (const nested of o.modifierGroupIds)
          if (!groups.has(nested))
            issue(`${owner} option "${o.id}" names missing modifier group "${nested}"`, [
              'modifierGroups',
              i,
              'options',
              k,
            ]);
      });
    });
    // Nested groups must not loop back on themselves (a group inside its own option).
    const state = new Map<string, 'open' | 'done'>();
    const visit = (groupId: string, trail: string[]): void => {
      if (state.get(groupId) === 'done') return;
      if (state.get(groupId) === 'open') {
        issue(`modifier groups nest in a loop: ${[...trail, groupId].join(' → ')}`, ['modifierGroups']);
        return;
      }
      state.set(groupId, 'open');
      for (const o of groups.get(groupId)?.options ?? [])
        for (const nested of o.modifierGroupIds) if (groups.has(nested)) visit(nested, [...trail, groupId]);
      state.set(groupId, 'done');
    };
    for (const g of c.modifierGroups) visit(g.id, []);

    c.storePrices.forEach((p, i) => {
      const path = ['storePrices', i];
      if (p.kind === 'item') {
        const item = items.get(p.itemId);
        if (!item) return issue(`store price for "${p.storeId}" names missing item "${p.itemId}"`, path);
        if (item.variants.length > 0 && !item.variants.some((v) => v.id === p.variantId))
          issue(`store price for "${p.storeId}" item "${p.itemId}" needs one of its sizes as variantId`, path);
        if (item.variants.length === 0 && p.variantId !== undefined)
          issue(`store price for "${p.storeId}": item "${p.itemId}" has no sizes`, path);
      } else {
        const group = groups.get(p.groupId);
        if (!group?.options.some((o) => o.id === p.optionId))
          issue(`store price for "${p.storeId}" names missing option "${p.groupId}/${p.optionId}"`, path);
      }
    });
  })
  .describe('The commerce catalog: categories, items, sizes, modifier groups, combos, dayparts, store prices');

export type CommerceCatalog = z.infer<typeof commerceCatalogSchema>;
export type CommerceCatalogInput = z.input<typeof commerceCatalogSchema>;
export type CommerceItem = z.infer<typeof commerceItemSchema>;
export type CommerceCategory = z.infer<typeof commerceCategorySchema>;
export type CommerceModifierGroup = z.infer<typeof commerceModifierGroupSchema>;
export type CommerceOption = z.infer<typeof commerceOptionSchema>;
export type CommerceVariant = z.infer<typeof commerceVariantSchema>;
export type ComboSlot = z.infer<typeof comboSlotSchema>;
export type Daypart = z.infer<typeof daypartSchema>;
export type StorePrice = z.infer<typeof storePriceSchema>;
