/**
 * Reading an order's rows as stored, for the order repository: its JSON columns (`orders.pricing`,
 * `order_lines.detail`) are selected as text and parsed row by row, so a damaged value is that one
 * order's problem, reported (health `degraded`, a log line naming table and key), never an error
 * for every screen:
 *
 * - a damaged `pricing` (the explanation of the totals) is left out; the order shows with its
 *   totals, which are columns of their own;
 * - a damaged line `detail` (name, choices, allergens) leaves the whole order out of lists and the
 *   stream rather than show it wrong in the kitchen; loading it for a command is an error naming it.
 */
import { TillboxError } from '@tillbox/core';
import { isJsonObject, readStoredJson, type StorageHealth } from '../db/storage-health.js';

/** The part of an `orders` row read here: `pricing` as its stored text (or null). */
export interface StoredOrderRow {
  id: string;
  number: number;
  pricing: unknown;
}

/** The part of an `order_lines` row read here: `detail` as its stored text. */
export interface StoredLineRow {
  id: string;
  detail: unknown;
}

function isLineDetail(v: unknown): boolean {
  return (
    isJsonObject(v) &&
    (typeof v.name === 'string' || isJsonObject(v.name)) &&
    Array.isArray(v.modifiers) &&
    Array.isArray(v.allergens)
  );
}

/**
 * The rows with their JSON parsed, or undefined when a line cannot be read (the order is left
 * out). Each damaged value is reported to `health`.
 */
export function parseOrderRows<O extends StoredOrderRow, L extends StoredLineRow>(
  health: StorageHealth,
  raw: O,
  rawLines: readonly L[],
): { row: O; lines: L[] } | undefined {
  const lines: L[] = [];
  let whole = true;
  for (const l of rawLines) {
    const detail = readStoredJson(
      health,
      { table: 'order_lines', keyName: 'id', key: `${l.id} (order ${raw.id}, #${raw.number})`, column: 'detail' },
      l.detail,
      { valid: isLineDetail, outcome: 'the order is left out of lists and the stream' },
    );
    if (detail === undefined) whole = false;
    else lines.push({ ...l, detail });
  }
  if (!whole) return undefined;
  let pricing: unknown = null;
  if (raw.pricing !== null) {
    pricing =
      readStoredJson(health, { table: 'orders', keyName: 'id', key: raw.id, column: 'pricing' }, raw.pricing, {
        valid: isJsonObject,
        outcome: `order #${raw.number} is shown without its pricing explanation`,
      }) ?? null;
  }
  return { row: { ...raw, pricing }, lines };
}

/**
 * The error for reading or commanding an order whose lines cannot be read: a 409 naming the damage
 * (the order's state is the problem, not the request or the edge), never a 500.
 */
export function damagedOrder(raw: Pick<StoredOrderRow, 'id' | 'number'>): TillboxError {
  return new TillboxError(
    'conflict',
    `Order #${raw.number} is damaged in the store box's database (a line cannot be read) and cannot be shown ` +
      'or changed; the rest of the store works. Call support.',
    { details: [{ path: 'order_lines.detail', message: `a line of order ${raw.id} cannot be read` }] },
  );
}
