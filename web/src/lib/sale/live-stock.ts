/**
 * The store's sold-out list as the screens keep it: a snapshot (`GET /api/v1/stock`) and then
 * each `stock.*` event of the stream, which says what an item's count and 86 are after it. Pure:
 * the rune state around it is `live-stock.svelte.ts`.
 */
import { STOCK_EVENTS, type StockItemView, type StoreEvent } from '@tillbox/core';

type StockEventType = keyof typeof STOCK_EVENTS;
// Only the stock events' schemas: the whole catalogue would weigh on the kiosk's first load.
const isStockEvent = (type: string): type is StockEventType => Object.prototype.hasOwnProperty.call(STOCK_EVENTS, type);

/** An item's stock after one stream event (undefined: neither counted nor off sale any more, so not listed). */
export function stockAfter(current: StockItemView | undefined, event: StoreEvent): StockItemView | undefined {
  if (!isStockEvent(event.type)) return current;
  const parsed = STOCK_EVENTS[event.type].schema.safeParse(event.data);
  if (!parsed.success) return current; // a payload this screen cannot read changes nothing
  const data = parsed.data as { itemId: string; count?: number; name?: string; reason?: string; note?: string };
  let next: StockItemView = current ?? {
    itemId: data.itemId,
    name: data.name ?? data.itemId,
    tracked: false,
    available: true,
  };
  switch (event.type) {
    case 'stock.sold':
    case 'stock.returned':
    case 'stock.received':
    case 'stock.wasted':
    case 'stock.counted':
      next = { ...next, tracked: true, count: data.count ?? 0 };
      break;
    case 'stock.untracked': {
      const { count: _gone, ...rest } = next;
      next = { ...rest, tracked: false };
      break;
    }
    case 'stock.86d':
      next = {
        ...next,
        name: data.name ?? next.name,
        eightySixed: {
          reason: data.reason === 'manual' ? 'manual' : 'sold-out',
          at: event.at,
          ...(data.note ? { note: data.note } : {}),
        },
      };
      break;
    case 'stock.un86d': {
      const { eightySixed: _gone, ...rest } = next;
      next = rest;
      break;
    }
    default:
      return current;
  }
  next.available = next.eightySixed === undefined && (!next.tracked || (next.count ?? 0) > 0);
  return next.tracked || next.eightySixed ? next : undefined;
}

/** The ids of the items that cannot be sold now. */
export function soldOutIds(items: Iterable<StockItemView>): Set<string> {
  const out = new Set<string>();
  for (const i of items) if (!i.available) out.add(i.itemId);
  return out;
}
