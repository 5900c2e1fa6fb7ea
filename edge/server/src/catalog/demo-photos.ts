/**
 * The demo menu's pictures: one illustration per item, made from Fluent Emoji Flat (MIT, ©
 * Microsoft; web/static/menu/LICENSE) — a main emoji and, to tell similar items apart, a smaller
 * accent in the corner (milk for a latte, ice for an iced drink). `npm run photos` writes them to
 * web/static/menu/<item id>.svg, and each as a WebP the screens show (<item id>.<hash>.webp,
 * `demo-photo-files.ts`); the catalog names the WebP as the item's `image`.
 */

import { DEMO_PHOTO_FILES } from './demo-photo-files.js';

export interface DemoPhoto {
  /** Fluent Emoji Flat icon name of the main picture. */
  icon: string;
  /** A smaller icon in the lower right corner. */
  accent?: string;
}

export const DEMO_PHOTOS: Readonly<Record<string, DemoPhoto>> = {
  // Espresso bar
  espresso: { icon: 'hot-beverage' },
  americano: { icon: 'hot-beverage', accent: 'droplet' },
  latte: { icon: 'hot-beverage', accent: 'glass-of-milk' },
  cappuccino: { icon: 'hot-beverage', accent: 'cloud' },
  'flat-white': { icon: 'hot-beverage', accent: 'white-heart' },
  mocha: { icon: 'hot-beverage', accent: 'chocolate-bar' },
  'caramel-macchiato': { icon: 'hot-beverage', accent: 'honey-pot' },
  // Iced and cold brew
  'cold-brew': { icon: 'tumbler-glass', accent: 'ice' },
  'iced-latte': { icon: 'cup-with-straw', accent: 'glass-of-milk' },
  'iced-americano': { icon: 'cup-with-straw', accent: 'ice' },
  'nitro-cold-brew': { icon: 'tumbler-glass', accent: 'bubbles' },
  'vanilla-sweet-cream': { icon: 'tumbler-glass', accent: 'soft-ice-cream' },
  'orange-juice': { icon: 'beverage-box', accent: 'tangerine' },
  // Tea
  'chai-latte': { icon: 'teacup-without-handle', accent: 'glass-of-milk' },
  'matcha-latte': { icon: 'teacup-without-handle', accent: 'herb' },
  'english-breakfast': { icon: 'teapot' },
  'green-tea': { icon: 'teacup-without-handle', accent: 'blossom' },
  'iced-peach-tea': { icon: 'cup-with-straw', accent: 'peach' },
  'citron-tea': { icon: 'teacup-without-handle', accent: 'lemon' },
  // Blended
  'caramel-frappe': { icon: 'bubble-tea', accent: 'honey-pot' },
  'mocha-frappe': { icon: 'bubble-tea', accent: 'chocolate-bar' },
  'strawberry-smoothie': { icon: 'tropical-drink', accent: 'strawberry' },
  'mango-smoothie': { icon: 'tropical-drink', accent: 'mango' },
  'matcha-frappe': { icon: 'bubble-tea', accent: 'herb' },
  // Bakery
  croissant: { icon: 'croissant' },
  'pain-au-chocolat': { icon: 'croissant', accent: 'chocolate-bar' },
  'blueberry-muffin': { icon: 'cupcake', accent: 'blueberries' },
  'banana-bread': { icon: 'bread', accent: 'banana' },
  'cinnamon-roll': { icon: 'doughnut', accent: 'sparkles' },
  'chocolate-cookie': { icon: 'cookie' },
  // Breakfast and sandwiches
  'egg-sandwich': { icon: 'sandwich', accent: 'bacon' },
  'avocado-toast': { icon: 'avocado', accent: 'bread' },
  'ham-cheese': { icon: 'sandwich', accent: 'cheese-wedge' },
  oatmeal: { icon: 'bowl-with-spoon' },
  'yogurt-parfait': { icon: 'ice-cream', accent: 'blueberries' },
  'egg-bites': { icon: 'cooking', accent: 'leafy-green' },
  // Combos
  'coffee-pastry': { icon: 'croissant', accent: 'hot-beverage' },
  'breakfast-combo': { icon: 'sandwich', accent: 'hot-beverage' },
};

/**
 * Where the edge serves an item's picture (the web build's static folder): the WebP drawn from
 * its SVG, decoded off a browser's main thread (the SVG until `npm run photos` has drawn one).
 */
export const demoPhotoPath = (itemId: string): string => DEMO_PHOTO_FILES[itemId] ?? `/menu/${itemId}.svg`;

/** The item with its picture, when the demo has one for it. */
export function withDemoPhoto<T extends { id: string; image?: string }>(item: T): T {
  return DEMO_PHOTOS[item.id] ? { ...item, image: demoPhotoPath(item.id) } : item;
}
