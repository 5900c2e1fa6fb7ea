/**
 * An item's stock after one of its events, read from the event alone: what rebuilds the stock of
 * events restored from the cloud's copy of the log (docs/reliability.md). Every stock event says
 * the count after it, so the count is the event's; the moves are the event's quantities, one per
 * order line for sales and returns, with ids made from the event's id (the same restore gives the
 * same rows).
 */
import type { StockItem, StockMoveRecord, StoreEvent } from '@tillbox/core';

interface LineUse {
  lineId: string;
  quantity: number;
}

type StockData = {
  itemId: string;
  count?: number;
  quantity?: number;
  orderId?: string;
  reason?: string;
  note?: string;
  lines?: LineUse[];
  previous?: number;
};

/** The item after `event` and the moves it recorded; undefined for an event that is not a stock event. */
export function stockAfterEvent(
  before: StockItem,
  event: StoreEvent,
): { state: StockItem; moves: StockMoveRecord[] } | undefined {
  if (!event.type.startsWith('stock.')) return undefined;
  const d = event.data as StockData;
  const at = Date.parse(event.at);
  const moveId = (i: number): string => `${event.id}:${i}`;
  const counted = (count: number): StockItem => ({ ...before, tracked: true, count });
  const perLine = (sign: 1 | -1, kind: 'sale' | 'return', start: number): StockMoveRecord[] => {
    let count = start;
    return (d.lines ?? []).map((l, i) => {
      count += sign * l.quantity;
      return {
        id: moveId(i),
        itemId: d.itemId,
        kind,
        quantity: sign * l.quantity,
        countAfter: count,
        lineId: l.lineId,
        ...(d.orderId ? { orderId: d.orderId } : {}),
        ...(kind === 'return' && d.reason ? { reason: d.reason } : {}),
      };
    });
  };
  const count = d.count ?? 0;
  switch (event.type) {
    case 'stock.sold':
      return { state: counted(count), moves: perLine(-1, 'sale', count + (d.quantity ?? 0)) };
    case 'stock.returned':
      return { state: counted(count), moves: perLine(1, 'return', count - (d.quantity ?? 0)) };
    case 'stock.received':
    case 'stock.wasted': {
      const kind = event.type === 'stock.received' ? 'receive' : 'waste';
      const quantity = (kind === 'receive' ? 1 : -1) * (d.quantity ?? 0);
      const reason = kind === 'waste' ? d.reason : d.note;
      const move = { id: moveId(0), itemId: d.itemId, kind, quantity, countAfter: count } as const;
      return { state: counted(count), moves: [{ ...move, ...(reason ? { reason } : {}) }] };
    }
    case 'stock.counted': {
      const variance = count - (d.previous ?? 0);
      return {
        state: counted(count),
        moves: [{ id: moveId(0), itemId: d.itemId, kind: 'count', quantity: variance, countAfter: count }],
      };
    }
    case 'stock.untracked':
      return {
        state: { ...before, tracked: false, count: 0 },
        moves: [{ id: moveId(0), itemId: d.itemId, kind: 'untrack', quantity: -count, countAfter: 0 }],
      };
    case 'stock.86d': {
      const reason = d.reason === 'manual' ? 'manual' : 'sold-out';
      return {
        state: { ...before, eightySixed: { reason, at, ...(d.note ? { note: d.note } : {}) } },
        moves: [],
      };
    }
    case 'stock.un86d': {
      const { eightySixed: _off, ...rest } = before;
      return { state: rest, moves: [] };
    }
    default:
      return undefined;
  }
}
