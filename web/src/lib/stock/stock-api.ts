/**
 * The staff's stock commands on the edge (`/api/v1/stock/:itemId/...`), shared by the counter,
 * the kitchen displays and the admin screen: each answers the item as it stands after it. The
 * screens' lists follow the stream topic `stock` (`$lib/sale/live-stock.svelte.ts`), so a change
 * made here shows on every screen the same way.
 */
import { stockItemViewSchema, type StockItemView } from '@tillbox/core';
import { api } from '$lib/api.js';

const schema = stockItemViewSchema;
const params = (itemId: string) => ({ itemId });

export const stockCalls = {
  /** Take an item off sale on every screen (counted or not). */
  eightySix: (itemId: string, note?: string): Promise<StockItemView> =>
    api.post('/stock/{itemId}/86', { params: params(itemId), body: note ? { note } : {}, schema }),
  /** Put it back on sale (a counted item needs one or more on hand). */
  unEightySix: (itemId: string): Promise<StockItemView> =>
    api.post('/stock/{itemId}/un-86', { params: params(itemId), schema }),
  /** A delivery or a batch of a counted item put on the shelf. */
  receive: (itemId: string, quantity: number, note?: string): Promise<StockItemView> =>
    api.post('/stock/{itemId}/receive', {
      params: params(itemId),
      body: { quantity, ...(note ? { note } : {}) },
      schema,
    }),
  /** Stock thrown away, with why. */
  waste: (itemId: string, quantity: number, reason: string): Promise<StockItemView> =>
    api.post('/stock/{itemId}/waste', { params: params(itemId), body: { quantity, reason }, schema }),
  /** What is there, counted (starts counting an item that was not). */
  count: (itemId: string, count: number): Promise<StockItemView> =>
    api.post('/stock/{itemId}/count', { params: params(itemId), body: { count }, schema }),
  /** Stop counting an item. */
  untrack: (itemId: string): Promise<StockItemView> =>
    api.post('/stock/{itemId}/untrack', { params: params(itemId), schema }),
};
