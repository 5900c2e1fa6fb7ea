/**
 * What the staff's stock screens show, from the menu and the live stock list: every item of the
 * menu with its count and 86 (in menu order, so nothing moves while a person looks), and the
 * lines of a ticket not yet placed that the store can no longer sell as they stand. Pure.
 */
import type { StockItemView } from '@tillbox/core';

/** A menu item, as far as these lists read it. */
export interface StockMenuItem {
  readonly id: string;
  readonly name: { readonly en: string };
  readonly combo?: unknown;
}

export interface StockRow {
  itemId: string;
  name: string;
  /** A combo is never counted: its items are. */
  combo: boolean;
  tracked: boolean;
  count?: number;
  eightySixed?: StockItemView['eightySixed'];
  /** It can be sold now. */
  available: boolean;
}

export type StockFilter = 'all' | 'counted' | 'off';

/** What the signed-in staff member may do on this screen (the core's permission table). */
export interface StockAbilities {
  eightySix: boolean;
  receive: boolean;
  waste: boolean;
  count: boolean;
}

/** {@link StockAbilities} of a staff role on a screen role, by the core's `authorize`. */
export function stockAbilities(
  authorize: (permission: 'stock.86' | 'stock.receive' | 'stock.waste' | 'stock.count') => boolean,
): StockAbilities {
  return {
    eightySix: authorize('stock.86'),
    receive: authorize('stock.receive'),
    waste: authorize('stock.waste'),
    count: authorize('stock.count'),
  };
}

/** The menu's items with their stock, filtered by a search (name or id) and by what they are. */
export function stockRows(
  items: readonly StockMenuItem[],
  live: ReadonlyMap<string, StockItemView>,
  query = '',
  filter: StockFilter = 'all',
): StockRow[] {
  const q = query.trim().toLowerCase();
  const rows: StockRow[] = [];
  for (const item of items) {
    const stock = live.get(item.id);
    const row: StockRow = {
      itemId: item.id,
      name: item.name.en,
      combo: item.combo !== undefined && item.combo !== null,
      tracked: stock?.tracked ?? false,
      available: stock?.available ?? true,
      ...(stock?.count !== undefined ? { count: stock.count } : {}),
      ...(stock?.eightySixed ? { eightySixed: stock.eightySixed } : {}),
    };
    if (filter === 'counted' && !row.tracked) continue;
    if (filter === 'off' && row.available) continue;
    if (q && !row.name.toLowerCase().includes(q) && !row.itemId.includes(q)) continue;
    rows.push(row);
  }
  return rows;
}

/** How a row's state reads: "12 on hand", "86’d: oven down", "sold out", "not counted". */
export function stockLabel(row: Pick<StockRow, 'tracked' | 'count' | 'eightySixed'>): string {
  if (row.eightySixed?.reason === 'manual') return row.eightySixed.note ? `86’d: ${row.eightySixed.note}` : '86’d';
  if (row.eightySixed || (row.tracked && (row.count ?? 0) === 0)) return 'sold out';
  if (row.tracked) return `${row.count ?? 0} on hand`;
  return 'not counted';
}

/** A ticket line as these checks read it: its item, how many, and a combo's chosen items. */
export interface TicketLineUse {
  readonly lineId: string;
  readonly itemId: string;
  readonly quantity: number;
  readonly slots?: readonly { readonly itemId: string }[];
}

export interface TicketStockWarning {
  itemId: string;
  /** The lines that take the item. */
  lineIds: string[];
  message: string;
}

/**
 * The items of a ticket's unplaced lines that cannot be sold as they stand now: 86'd or none
 * left ("Croissant is sold out"), or fewer on hand than the lines take ("only 2 Croissant
 * left"). The edge would refuse the order naming the same items.
 */
export function ticketStockWarnings(
  lines: readonly TicketLineUse[],
  live: ReadonlyMap<string, StockItemView>,
  nameOf: (itemId: string) => string,
): TicketStockWarning[] {
  const uses = new Map<string, { quantity: number; lineIds: string[] }>();
  const add = (itemId: string, lineId: string, quantity: number): void => {
    const use = uses.get(itemId) ?? { quantity: 0, lineIds: [] };
    use.quantity += quantity;
    if (!use.lineIds.includes(lineId)) use.lineIds.push(lineId);
    uses.set(itemId, use);
  };
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    add(line.itemId, line.lineId, line.quantity);
    for (const slot of line.slots ?? []) add(slot.itemId, line.lineId, line.quantity);
  }
  const warnings: TicketStockWarning[] = [];
  for (const [itemId, use] of uses) {
    const stock = live.get(itemId);
    if (!stock) continue;
    const name = nameOf(itemId);
    if (!stock.available) warnings.push({ itemId, lineIds: use.lineIds, message: `${name} is sold out` });
    else if (stock.tracked && (stock.count ?? 0) < use.quantity)
      warnings.push({ itemId, lineIds: use.lineIds, message: `only ${stock.count ?? 0} ${name} left` });
  }
  return warnings;
}
