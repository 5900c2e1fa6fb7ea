/**
 * The demo store's menu as a commerce catalog: a coffee chain with drinks in sizes (milk, shots,
 * syrups — vanilla and caramel may be made sugar-free, a choice nested in the syrup), food, and
 * two combos: coffee and a pastry all day, and a breakfast sandwich combo sold only during
 * breakfast (06:00–11:00). Nitro cold brew has the demo store's own price. Names in English,
 * Spanish and Korean; a picture for each item (./demo-photos.ts). Seeded as catalog version 1 on a
 * new database.
 */
import type { CommerceCatalogInput, LocalizedText } from '@tillbox/core';
import { demoDrinks, demoFood } from './demo-menu-items.js';
import { withDemoPhoto } from './demo-photos.js';

const t = (en: string, es: string, ko: string): LocalizedText => ({ en, es, ko });

/** A combo slot choice: an item, in a size when it has sizes, for an upcharge. */
const choice = (itemId: string, variantId?: string, upcharge = 0) => ({
  itemId,
  ...(variantId ? { variantId } : {}),
  upcharge,
});

const combos: CommerceCatalogInput['items'] = [
  {
    id: 'coffee-pastry',
    categoryId: 'combos',
    sku: 'CMB-001',
    name: t('Coffee & Pastry', 'Café y bollería', '커피 & 페이스트리 세트'),
    description: t(
      'A coffee and a pastry of your choice',
      'Un café y una pieza de bollería a elegir',
      '커피 한 잔과 원하는 페이스트리',
    ),
    price: 625,
    combo: {
      slots: [
        {
          id: 'coffee',
          name: t('Coffee', 'Café', '커피'),
          choices: [
            choice('americano', 'small'),
            choice('americano', 'medium', 40),
            choice('latte', 'small', 75),
            choice('latte', 'medium', 125),
            choice('cappuccino', 'small', 75),
            choice('cold-brew', 'small', 75),
          ],
        },
        {
          id: 'pastry',
          name: t('Pastry', 'Bollería', '페이스트리'),
          choices: [
            choice('croissant'),
            choice('blueberry-muffin'),
            choice('pain-au-chocolat', undefined, 50),
            choice('cinnamon-roll', undefined, 30),
          ],
        },
      ],
    },
  },
  {
    id: 'breakfast-combo',
    categoryId: 'combos',
    sku: 'CMB-002',
    name: t('Breakfast Sandwich Combo', 'Combo de desayuno', '아침 샌드위치 세트'),
    description: t(
      'A breakfast sandwich and a hot drink, with a side if you like',
      'Un sándwich de desayuno y una bebida caliente, con acompañamiento si quieres',
      '아침 샌드위치와 따뜻한 음료, 원하면 사이드까지',
    ),
    price: 825,
    dayparts: ['breakfast'],
    combo: {
      slots: [
        {
          id: 'sandwich',
          name: t('Sandwich', 'Sándwich', '샌드위치'),
          choices: [choice('egg-sandwich'), choice('ham-cheese', undefined, 100)],
        },
        {
          id: 'drink',
          name: t('Hot drink', 'Bebida caliente', '따뜻한 음료'),
          choices: [
            choice('americano', 'small'),
            choice('english-breakfast', 'small'),
            choice('latte', 'small', 90),
            choice('chai-latte', 'small', 90),
          ],
        },
        {
          id: 'side',
          name: t('Side', 'Acompañamiento', '사이드'),
          optional: true,
          choices: [choice('yogurt-parfait', undefined, 300), choice('banana-bread', undefined, 250)],
        },
      ],
    },
  },
];

export const demoCatalog: CommerceCatalogInput = {
  version: 1,
  currency: 'USD',
  categories: [
    { id: 'espresso', name: t('Espresso Bar', 'Barra de espresso', '에스프레소'), station: 'bar' },
    { id: 'cold', name: t('Iced & Cold Brew', 'Helados y cold brew', '아이스 & 콜드브루'), station: 'bar' },
    { id: 'tea', name: t('Tea', 'Té', '티'), station: 'bar' },
    { id: 'blended', name: t('Blended', 'Frappés', '블렌디드'), station: 'bar' },
    { id: 'bakery', name: t('Bakery', 'Panadería', '베이커리'), station: 'kitchen' },
    {
      id: 'breakfast',
      name: t('Breakfast & Sandwiches', 'Desayunos y sándwiches', '브런치 & 샌드위치'),
      station: 'kitchen',
    },
    { id: 'combos', name: t('Combos', 'Combos', '세트 메뉴'), station: 'kitchen' },
  ],
  dayparts: [
    {
      id: 'breakfast',
      name: t('Breakfast', 'Desayuno', '아침'),
      windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '06:00', end: '11:00' }],
    },
  ],
  modifierGroups: [
    {
      id: 'milk',
      name: t('Milk', 'Leche', '우유'),
      min: 1,
      max: 1,
      options: [
        { id: 'whole', name: t('Whole milk', 'Leche entera', '일반 우유'), price: 0, default: true },
        { id: 'skim', name: t('Skim milk', 'Leche desnatada', '무지방 우유'), price: 0 },
        {
          id: 'oat',
          name: t('Oat milk', 'Leche de avena', '귀리 우유'),
          price: 70,
          allergens: ['oats'],
          removesAllergens: ['milk'],
        },
        {
          id: 'almond',
          name: t('Almond milk', 'Leche de almendra', '아몬드 우유'),
          price: 70,
          allergens: ['tree-nuts'],
          removesAllergens: ['milk'],
        },
        {
          id: 'soy',
          name: t('Soy milk', 'Leche de soja', '두유'),
          price: 60,
          allergens: ['soy'],
          removesAllergens: ['milk'],
        },
      ],
    },
    {
      id: 'extra-shot',
      name: t('Extra shot', 'Carga extra', '샷 추가'),
      min: 0,
      max: 1,
      options: [
        { id: 'one', name: t('1 extra shot', '1 carga extra', '샷 1개 추가'), price: 90 },
        { id: 'two', name: t('2 extra shots', '2 cargas extra', '샷 2개 추가'), price: 180 },
      ],
    },
    {
      id: 'syrup',
      name: t('Syrup', 'Sirope', '시럽'),
      min: 0,
      max: 2,
      options: [
        { id: 'vanilla', name: t('Vanilla', 'Vainilla', '바닐라'), price: 60, modifierGroupIds: ['sugar-free'] },
        { id: 'caramel', name: t('Caramel', 'Caramelo', '캐러멜'), price: 60, modifierGroupIds: ['sugar-free'] },
        { id: 'hazelnut', name: t('Hazelnut', 'Avellana', '헤이즐넛'), price: 60 },
      ],
    },
    {
      id: 'sugar-free',
      name: t('Sugar-free', 'Sin azúcar', '무설탕'),
      min: 0,
      max: 1,
      options: [{ id: 'sugar-free', name: t('Sugar-free syrup', 'Sirope sin azúcar', '무설탕 시럽'), price: 0 }],
    },
    {
      id: 'sweetness',
      name: t('Sweetness', 'Dulzor', '당도'),
      min: 1,
      max: 1,
      options: [
        { id: 'none', name: t('Unsweetened', 'Sin azúcar', '무가당'), price: 0 },
        { id: 'light', name: t('Lightly sweet', 'Poco dulce', '덜 달게'), price: 0, default: true },
        { id: 'regular', name: t('Regular', 'Normal', '보통'), price: 0 },
      ],
    },
    {
      id: 'warm',
      name: t('Warm it up', 'Calentar', '데우기'),
      min: 0,
      max: 1,
      options: [{ id: 'warmed', name: t('Warmed', 'Caliente', '따뜻하게'), price: 0 }],
    },
    {
      id: 'bread',
      name: t('Bread', 'Pan', '빵'),
      min: 1,
      max: 1,
      options: [
        { id: 'sourdough', name: t('Sourdough', 'Masa madre', '사워도우'), price: 0, default: true },
        { id: 'croissant', name: t('Croissant', 'Cruasán', '크루아상'), price: 100, allergens: ['milk', 'egg'] },
        {
          id: 'gluten-free',
          name: t('Gluten-free', 'Sin gluten', '글루텐 프리'),
          price: 150,
          removesAllergens: ['gluten'],
        },
      ],
    },
  ],
  items: [...demoDrinks, ...demoFood, ...combos].map(withDemoPhoto),
  storePrices: [{ kind: 'item', storeId: 'demo-store', itemId: 'nitro-cold-brew', price: 550 }],
};
