/** A small counter menu for the counter's tests: favourites, barcodes (on an item and on a size), a combo, a sold-out item. */
import { createPricingEngine, type CommerceCatalogInput } from '@tillbox/core';
import { browse, openMenu, type Menu, type MenuSection } from '$lib/sale/menu.js';

export const counterCatalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'coffee', name: { en: 'Coffee', es: 'Café' }, station: 'bar' },
    { id: 'bakery', name: { en: 'Bakery' } },
    { id: 'retail', name: { en: 'Retail' } },
    { id: 'combos', name: { en: 'Combos' } },
  ],
  modifierGroups: [
    {
      id: 'milk',
      name: { en: 'Milk' },
      min: 1,
      options: [
        { id: 'whole', name: { en: 'Whole' }, default: true },
        { id: 'oat', name: { en: 'Oat' }, price: 70 },
      ],
    },
    {
      id: 'temp',
      name: { en: 'Temperature' },
      min: 1,
      options: [
        { id: 'hot', name: { en: 'Hot' } },
        { id: 'iced', name: { en: 'Iced' } },
      ],
    },
  ],
  items: [
    {
      id: 'latte',
      categoryId: 'coffee',
      sku: 'COF-LAT',
      name: { en: 'Caffè Latte', es: 'Café con leche' },
      price: 450,
      variants: [
        { id: 'small', name: { en: 'Small' }, price: 450, barcodes: ['0012345678905'] },
        { id: 'large', name: { en: 'Large' }, price: 550 },
      ],
      modifierGroupIds: ['milk'],
      tags: ['favourite'],
    },
    { id: 'iced-latte', categoryId: 'coffee', sku: 'COF-ICL', name: { en: 'Iced Latte' }, price: 500 },
    {
      id: 'drip',
      categoryId: 'coffee',
      sku: 'COF-DRP',
      name: { en: 'Drip coffee' },
      price: 250,
      modifierGroupIds: ['temp'],
    },
    {
      id: 'croissant',
      categoryId: 'bakery',
      sku: 'BAK-CRO',
      name: { en: 'Butter Croissant' },
      price: 350,
      tags: ['Favorite'],
    },
    {
      id: 'muffin',
      categoryId: 'bakery',
      sku: 'BAK-MUF',
      name: { en: 'Muffin' },
      price: 300,
      available: false,
      barcodes: ['96385074'],
    },
    {
      id: 'beans',
      categoryId: 'retail',
      sku: 'GRO-BEANS',
      name: { en: 'House beans' },
      price: 1599,
      barcodes: ['036000291452'],
    },
    {
      id: 'mug',
      categoryId: 'retail',
      sku: 'RET-MUG',
      name: { en: 'Mug' },
      price: 1200,
      barcodes: ['4006381333931'],
      modifierGroupIds: ['temp'],
    },
    {
      id: 'pair',
      categoryId: 'combos',
      sku: 'CMB-1',
      name: { en: 'Coffee & Croissant' },
      price: 700,
      combo: {
        slots: [
          { id: 'coffee', name: { en: 'Coffee' }, choices: [{ itemId: 'iced-latte' }] },
          { id: 'pastry', name: { en: 'Pastry' }, choices: [{ itemId: 'croissant' }] },
        ],
      },
    },
  ],
};

const engine = createPricingEngine(counterCatalog, {
  stores: [{ id: 'shop', timeZone: 'America/New_York', taxJurisdictionId: 'none' }],
  tax: { jurisdictions: [{ id: 'none', name: 'No tax' }] },
});

export const counterMenu: Menu = openMenu(engine, 'shop', 'counter');

/** A Tuesday at 10:00 in New York. */
export const TUESDAY_10 = Date.parse('2026-01-06T15:00:00Z');

export const counterSections: MenuSection[] = browse(counterMenu, TUESDAY_10);
