/**
 * The chain's stock, projected from the stores' stock events (`stock.*`, the core's catalogue):
 * each event says what the item's count is after it (or that it is 86'd or back on sale), so a
 * store's level of an item is the count of its highest-seq counting event and the 86 of its
 * highest-seq 86 event, whatever order the events arrive in. And the one rule of what a store
 * offers online: an item above its safety stock (the rest is kept for the guests in the store).
 * Pure: the repository writes what these functions answer.
 */
import { STOCK_EVENTS, type EightySixReason } from '@tillbox/core';

/** A stored event, as far as the projection reads it. */
export interface StockEventInput {
  storeId: string;
  seq: number;
  type: string;
  version: number;
  at: Date;
  data: unknown;
}

/** What a batch of events changes of one store's item: each part only from the event of highest seq that sets it. */
export interface StockLevelChange {
  storeId: string;
  itemId: string;
  /** The item's name, from an `stock.86d` (the only stock event that carries it). */
  name?: string;
  /** Counted or not, and how many on hand: from sold, returned, received, wasted, counted, untracked. */
  level?: { seq: number; tracked: boolean; count: number };
  /** Off sale (with why) or back on sale (`reason: null`): from 86d and un86d. */
  eightySix?: { seq: number; reason: EightySixReason | null; note: string | null; at: Date };
}

type StockType = keyof typeof STOCK_EVENTS;
const isStockType = (type: string): type is StockType => Object.prototype.hasOwnProperty.call(STOCK_EVENTS, type);

/**
 * The changes a batch of newly stored events makes, one per (store, item), in (store, item)
 * order (the order rows are locked in). Events this version cannot read are left out.
 */
export function stockChanges(events: readonly StockEventInput[]): StockLevelChange[] {
  const changes = new Map<string, StockLevelChange>();
  for (const e of events) {
    if (!isStockType(e.type) || e.version !== STOCK_EVENTS[e.type].version) continue;
    const parsed = STOCK_EVENTS[e.type].schema.safeParse(e.data);
    if (!parsed.success) continue;
    const data = parsed.data as { itemId: string; count?: number; name?: string; reason?: string; note?: string };
    const key = `${e.storeId}\u0000${data.itemId}`;
    const change = changes.get(key) ?? { storeId: e.storeId, itemId: data.itemId };
    changes.set(key, change);
    switch (e.type) {
      case 'stock.86d':
        if (!change.eightySix || e.seq > change.eightySix.seq) {
          change.eightySix = {
            seq: e.seq,
            reason: data.reason === 'manual' ? 'manual' : 'sold-out',
            note: data.note ?? null,
            at: e.at,
          };
          if (data.name) change.name = data.name;
        }
        break;
      case 'stock.un86d':
        if (!change.eightySix || e.seq > change.eightySix.seq)
          change.eightySix = { seq: e.seq, reason: null, note: null, at: e.at };
        break;
      default: {
        const tracked = e.type !== 'stock.untracked';
        if (!change.level || e.seq > change.level.seq)
          change.level = { seq: e.seq, tracked, count: tracked ? (data.count ?? 0) : 0 };
      }
    }
  }
  return [...changes.values()].sort((a, b) =>
    a.storeId === b.storeId ? compare(a.itemId, b.itemId) : compare(a.storeId, b.storeId),
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One store's stock of one item as the cloud knows it. */
export interface StockLevel {
  itemId: string;
  tracked: boolean;
  count: number;
  eightySixed: EightySixReason | null;
}

/** Whether a store offers an item online, how many it may sell there, and why not. */
export interface OnlineOffer {
  offered: boolean;
  /** For a counted item: how many can be sold online (on hand above the safety stock). */
  quantity?: number;
  reason?: string;
}

/**
 * The online throttle: an item the store has 86'd is not offered; a counted item only while the
 * store has more than its safety stock, and at most what is above it; an item the store does not
 * count is offered. `name` is for the reason, which a guest reads.
 */
export function onlineOffer(level: StockLevel | undefined, safety: number, name: string): OnlineOffer {
  if (!level) return { offered: true };
  if (level.eightySixed)
    return { offered: false, ...(level.tracked ? { quantity: 0 } : {}), reason: `"${name}" is sold out at this store` };
  if (!level.tracked) return { offered: true };
  if (level.count <= safety)
    return {
      offered: false,
      quantity: 0,
      reason:
        level.count === 0
          ? `"${name}" is sold out at this store`
          : `"${name}" is not sold online at this store just now: the last ones are kept for guests in the store`,
    };
  return { offered: true, quantity: level.count - safety };
}

/** How many of each item a cart takes: a line its own item, and each chosen item of a combo's slots. */
export function cartItemQuantities(
  lines: readonly { itemId: string; quantity: number; slots?: readonly { itemId: string }[] | undefined }[],
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (itemId: string, n: number): void => void out.set(itemId, (out.get(itemId) ?? 0) + n);
  for (const l of lines) {
    if (l.quantity <= 0) continue;
    add(l.itemId, l.quantity);
    for (const s of l.slots ?? []) add(s.itemId, l.quantity);
  }
  return out;
}
