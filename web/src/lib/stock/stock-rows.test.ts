import type { StockItemView } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { stockLabel, stockRows, ticketStockWarnings } from './stock-rows.js';

const menu = [
  { id: 'latte', name: { en: 'Latte' } },
  { id: 'croissant', name: { en: 'Croissant' } },
  { id: 'orange-juice', name: { en: 'Bottled Orange Juice' } },
  { id: 'pastry-combo', name: { en: 'Coffee & pastry' }, combo: { slots: [] } },
];

const live = new Map<string, StockItemView>([
  ['croissant', { itemId: 'croissant', name: 'Croissant', tracked: true, count: 2, available: true }],
  [
    'orange-juice',
    {
      itemId: 'orange-juice',
      name: 'Bottled Orange Juice',
      tracked: true,
      count: 0,
      available: false,
      eightySixed: { reason: 'sold-out', at: '2026-11-27T15:00:00Z' },
    },
  ],
  [
    'latte',
    {
      itemId: 'latte',
      name: 'Latte',
      tracked: false,
      available: false,
      eightySixed: { reason: 'manual', at: '2026-11-27T15:00:00Z', note: 'machine down' },
    },
  ],
]);

describe('stock rows', () => {
  it('lists the menu in its order with each item’s stock, searched and filtered', () => {
    expect(stockRows(menu, live).map((r) => [r.itemId, stockLabel(r), r.combo])).toEqual([
      ['latte', '86’d: machine down', false],
      ['croissant', '2 on hand', false],
      ['orange-juice', 'sold out', false],
      ['pastry-combo', 'not counted', true],
    ]);
    expect(stockRows(menu, live, 'JUICE').map((r) => r.itemId)).toEqual(['orange-juice']);
    expect(stockRows(menu, live, '', 'counted').map((r) => r.itemId)).toEqual(['croissant', 'orange-juice']);
    expect(stockRows(menu, live, '', 'off').map((r) => r.itemId)).toEqual(['latte', 'orange-juice']);
  });
});

describe('ticket stock warnings', () => {
  const nameOf = (id: string) => menu.find((m) => m.id === id)?.name.en ?? id;

  it('names the unplaced lines whose items are sold out or short, combos’ chosen items included', () => {
    const warnings = ticketStockWarnings(
      [
        { lineId: 'a', itemId: 'orange-juice', quantity: 1 },
        { lineId: 'b', itemId: 'croissant', quantity: 2 },
        { lineId: 'c', itemId: 'pastry-combo', quantity: 1, slots: [{ itemId: 'croissant' }] },
        { lineId: 'd', itemId: 'muffin', quantity: 9 },
      ],
      live,
      nameOf,
    );
    expect(warnings).toEqual([
      { itemId: 'orange-juice', lineIds: ['a'], message: 'Bottled Orange Juice is sold out' },
      { itemId: 'croissant', lineIds: ['b', 'c'], message: 'only 2 Croissant left' },
    ]);
  });

  it('says nothing while every line can be sold', () => {
    expect(ticketStockWarnings([{ lineId: 'b', itemId: 'croissant', quantity: 2 }], live, nameOf)).toEqual([]);
  });
});
