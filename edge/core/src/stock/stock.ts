/**
 * Stock of one item at this store, as the stock rules decide over it. An item is **tracked** when
 * the store counts it (bottled drinks, beans, pastries baked in batches): it has a count on hand
 * that sales take from and receiving, returns and counts put back. Any item, tracked or not, can
 * be **86'd** (off sale): by itself when a tracked count reaches zero (`sold-out`, lifted again
 * when stock comes back), or by a staff member's hand (`manual`, lifted only by hand).
 */

export const EIGHTY_SIX_REASONS = ['sold-out', 'manual'] as const;
/** Why an item is off sale: its count reached zero, or a staff member took it off. */
export type EightySixReason = (typeof EIGHTY_SIX_REASONS)[number];

export const UN86_REASONS = ['restocked', 'manual', 'untracked'] as const;
/** Why an item is back on sale: stock came back, a staff member put it back, or it is no longer counted. */
export type Un86Reason = (typeof UN86_REASONS)[number];

export const STOCK_RETURN_REASONS = ['refunded', 'cancelled', 'voided'] as const;
/** Why sold stock came back: the line or order was refunded, or the order cancelled or voided before it was paid. */
export type StockReturnReason = (typeof STOCK_RETURN_REASONS)[number];

export const STOCK_MOVE_KINDS = ['sale', 'return', 'receive', 'waste', 'count', 'untrack'] as const;
export type StockMoveKind = (typeof STOCK_MOVE_KINDS)[number];

/** The most one item may hold, and the most one move may change it by. */
export const MAX_STOCK_COUNT = 100_000;

export interface EightySix {
  reason: EightySixReason;
  /** When it went off sale (ms). */
  at: number;
  note?: string;
}

export interface StockItem {
  itemId: string;
  /** The item's name on the menu (English), for messages and lists. */
  name: string;
  tracked: boolean;
  /** On hand when tracked (never below zero); 0 when not. */
  count: number;
  /** Off sale, and why; absent while it is on sale. */
  eightySixed?: EightySix;
}

/** An item the store neither counts nor has taken off sale (it has no stock row). */
export function untrackedItem(itemId: string, name: string): StockItem {
  return { itemId, name, tracked: false, count: 0 };
}

/** Whether `quantity` of the item can be sold now. */
export function canSell(item: StockItem, quantity = 1): boolean {
  if (item.eightySixed) return false;
  return !item.tracked || item.count >= quantity;
}

/** How many of an item an order line takes: its quantity, for the line's own item and each item of its combo. */
export interface StockLineUse {
  lineId: string;
  quantity: number;
}

/** The part of an order line that takes stock: its item, its quantity, and a combo's chosen slot items. */
export interface StockedLine {
  readonly lineId: string;
  readonly itemId: string;
  readonly quantity: number;
  readonly parts?: readonly { readonly itemId: string }[] | undefined;
}

/**
 * What lines take from stock, by item: a line takes its quantity of its own item, and a combo
 * line the same of each chosen slot item (a croissant in a coffee-and-pastry combo is a croissant
 * sold). Items in catalog order of first use; a line naming an item twice takes it twice.
 */
export function stockUsesOf(lines: readonly StockedLine[]): Map<string, StockLineUse[]> {
  const uses = new Map<string, StockLineUse[]>();
  const add = (itemId: string, lineId: string, quantity: number): void => {
    const list = uses.get(itemId);
    if (!list) {
      uses.set(itemId, [{ lineId, quantity }]);
      return;
    }
    const same = list.find((u) => u.lineId === lineId);
    if (same) same.quantity += quantity;
    else list.push({ lineId, quantity });
  };
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    add(line.itemId, line.lineId, line.quantity);
    for (const part of line.parts ?? []) add(part.itemId, line.lineId, line.quantity);
  }
  return uses;
}
