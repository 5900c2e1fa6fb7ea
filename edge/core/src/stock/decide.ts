/**
 * Every rule of an item's stock, in one pure function: `decideStock(state, command, env)` answers
 * the events a command leads to, the item after them and the moves to record, or throws a
 * TillboxError saying why it does not apply. The edge loads the item, decides, saves and appends
 * in one transaction — for a sale, the order's own transaction ({@link decideSale}).
 *
 * - sell: a placed order (or lines added to it) takes stock; refused when the item is 86'd or
 *   has fewer on hand than the order asks for. A tracked item that reaches zero is 86'd
 *   (`sold-out`); an untracked item on sale changes nothing.
 * - return: a refund, cancel or void gives sold stock back (only to a tracked item).
 * - receive, waste, count, untrack: staff actions on a tracked item (a count also starts
 *   tracking one). Waste never takes more than is on hand; a count sets the number outright.
 * - 86 / un-86: a staff member takes any item off sale or puts it back. A `sold-out` 86 lifts
 *   itself when stock comes back; a `manual` one only by hand. A tracked item with none on hand
 *   cannot be put back on sale: receive or count it first.
 *
 * A count never goes below zero, and the moves of a tracked item always sum to its count.
 */
import type { CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import type { DomainEvent } from '../events/catalogue.js';
import {
  MAX_STOCK_COUNT,
  type EightySixReason,
  type StockItem,
  type StockLineUse,
  type StockMoveKind,
  type StockReturnReason,
  type Un86Reason,
} from './stock.js';

export type StockCommand =
  | { kind: 'sell'; orderId: string; lines: readonly StockLineUse[] }
  | { kind: 'return'; orderId: string; reason: StockReturnReason; lines: readonly StockLineUse[] }
  | { kind: 'receive'; quantity: number; note?: string }
  | { kind: 'waste'; quantity: number; reason: string }
  | { kind: 'count'; count: number }
  | { kind: 'untrack' }
  | { kind: '86'; note?: string }
  | { kind: 'un-86' };

export interface StockEnv {
  cmd: CommandContext;
  at: number;
  newId: () => string;
}

export type StockEvent = Extract<DomainEvent, { type: `stock.${string}` }>;

/** A row of the item's ledger: how the count changed (below zero for sales and waste) and what it was after. */
export interface StockMoveRecord {
  id: string;
  itemId: string;
  kind: StockMoveKind;
  quantity: number;
  countAfter: number;
  orderId?: string;
  lineId?: string;
  reason?: string;
}

export interface StockDecision {
  state: StockItem;
  events: StockEvent[];
  moves: StockMoveRecord[];
}

const quoted = (item: StockItem): string => `"${item.name}"`;

/** Staff actions: a signed-in staff member, or the store's own work (a new demo store's first counts). */
function staffOnly(cmd: CommandContext, what: string): void {
  if (cmd.actor.kind !== 'staff' && cmd.actor.kind !== 'system')
    throw new TillboxError('forbidden', `only a signed-in staff member may ${what}`);
}

function checkQuantity(n: number, path: string, min: number): void {
  if (!Number.isSafeInteger(n) || n < min || n > MAX_STOCK_COUNT)
    throw new TillboxError('validation', `${path} must be a whole number from ${min} to ${MAX_STOCK_COUNT}`, {
      details: [{ path, message: `got ${n}` }],
    });
}

function tracked(item: StockItem, what: string): void {
  if (!item.tracked)
    throw new TillboxError('conflict', `${quoted(item)} is not counted: count it first to ${what} it`, {
      details: [{ path: 'itemId', message: 'count it to start tracking it' }],
    });
}

function optionalText(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t.slice(0, 200) : undefined;
}

/** Why `quantity` of the item cannot be sold now, for a person, or undefined when it can. */
export function soldOutReason(item: StockItem, quantity: number): string | undefined {
  if (item.eightySixed) return `${quoted(item)} is sold out`;
  if (!item.tracked || item.count >= quantity) return undefined;
  return item.count === 0 ? `${quoted(item)} is sold out` : `only ${item.count} ${quoted(item)} left`;
}

/** The decision under way: each change applied to the item at once. */
class Decision {
  readonly events: StockEvent[] = [];
  readonly moves: StockMoveRecord[] = [];
  constructor(
    public state: StockItem,
    private readonly env: StockEnv,
  ) {}

  emit(event: StockEvent): void {
    this.events.push(event);
  }

  /** Change the count by `delta` and record the move. */
  move(kind: StockMoveKind, delta: number, extra: Pick<StockMoveRecord, 'orderId' | 'lineId' | 'reason'> = {}): void {
    const count = this.state.count + delta;
    this.state = { ...this.state, count };
    this.moves.push({
      id: this.env.newId(),
      itemId: this.state.itemId,
      kind,
      quantity: delta,
      countAfter: count,
      ...extra,
    });
  }

  off(reason: EightySixReason, note?: string): void {
    const { itemId, name } = this.state;
    this.state = { ...this.state, eightySixed: { reason, at: this.env.at, ...(note ? { note } : {}) } };
    this.emit({ type: 'stock.86d', data: { itemId, name, reason, ...(note ? { note } : {}) } });
  }

  on(reason: Un86Reason): void {
    const { eightySixed: _gone, ...rest } = this.state;
    this.state = rest;
    this.emit({ type: 'stock.un86d', data: { itemId: rest.itemId, reason } });
  }

  /** After the count changed: 86'd at zero, back on sale when a sold-out item has stock again. */
  settle(): void {
    if (!this.state.tracked) return;
    if (this.state.count === 0 && !this.state.eightySixed) this.off('sold-out');
    else if (this.state.count > 0 && this.state.eightySixed?.reason === 'sold-out') this.on('restocked');
  }

  result(): StockDecision {
    return { state: this.state, events: this.events, moves: this.moves };
  }
}

const total = (lines: readonly StockLineUse[]): number => lines.reduce((n, l) => n + l.quantity, 0);

export function decideStock(state: StockItem, command: StockCommand, env: StockEnv): StockDecision {
  const d = new Decision(state, env);
  const { itemId } = state;
  switch (command.kind) {
    case 'sell': {
      const quantity = total(command.lines);
      checkQuantity(quantity, 'quantity', 1);
      const why = soldOutReason(state, quantity);
      if (why) throw new TillboxError('conflict', why, { details: [{ path: `items.${itemId}`, message: why }] });
      if (!state.tracked) break;
      for (const l of command.lines) d.move('sale', -l.quantity, { orderId: command.orderId, lineId: l.lineId });
      const { orderId, lines } = command;
      d.emit({ type: 'stock.sold', data: { itemId, orderId, lines: [...lines], quantity, count: d.state.count } });
      d.settle();
      break;
    }
    case 'return': {
      if (!state.tracked || command.lines.length === 0) break;
      const quantity = total(command.lines);
      checkQuantity(quantity, 'quantity', 1);
      checkQuantity(state.count + quantity, 'count', 0);
      const { orderId, reason, lines } = command;
      for (const l of lines) d.move('return', l.quantity, { orderId, lineId: l.lineId, reason });
      d.emit({
        type: 'stock.returned',
        data: { itemId, orderId, reason, lines: [...lines], quantity, count: d.state.count },
      });
      d.settle();
      break;
    }
    case 'receive': {
      staffOnly(env.cmd, 'receive stock');
      tracked(state, 'receive');
      checkQuantity(command.quantity, 'quantity', 1);
      if (state.count + command.quantity > MAX_STOCK_COUNT)
        throw new TillboxError('validation', `${quoted(state)} would hold more than ${MAX_STOCK_COUNT}`, {
          details: [{ path: 'quantity', message: `at most ${MAX_STOCK_COUNT - state.count}` }],
        });
      const note = optionalText(command.note);
      d.move('receive', command.quantity, note ? { reason: note } : {});
      d.emit({
        type: 'stock.received',
        data: { itemId, quantity: command.quantity, count: d.state.count, ...(note ? { note } : {}) },
      });
      d.settle();
      break;
    }
    case 'waste': {
      staffOnly(env.cmd, 'write stock off as waste');
      tracked(state, 'waste');
      checkQuantity(command.quantity, 'quantity', 1);
      const reason = optionalText(command.reason);
      if (!reason)
        throw new TillboxError('validation', 'waste needs a reason', {
          details: [{ path: 'reason', message: 'say what happened to it' }],
        });
      if (command.quantity > state.count)
        throw new TillboxError('conflict', `only ${state.count} ${quoted(state)} on hand: count it if that is wrong`, {
          details: [{ path: 'quantity', message: `at most ${state.count}` }],
        });
      d.move('waste', -command.quantity, { reason });
      d.emit({ type: 'stock.wasted', data: { itemId, quantity: command.quantity, count: d.state.count, reason } });
      d.settle();
      break;
    }
    case 'count': {
      staffOnly(env.cmd, 'count stock');
      checkQuantity(command.count, 'count', 0);
      const previous = state.tracked ? state.count : undefined;
      const variance = command.count - (previous ?? 0);
      d.state = { ...d.state, tracked: true, count: previous ?? 0 };
      d.move('count', variance);
      d.emit({
        type: 'stock.counted',
        data: { itemId, count: command.count, ...(previous !== undefined ? { previous } : {}), variance },
      });
      d.settle();
      break;
    }
    case 'untrack': {
      staffOnly(env.cmd, 'stop counting an item');
      tracked(state, 'stop counting');
      const count = state.count;
      d.move('untrack', -count);
      d.state = { ...d.state, tracked: false };
      d.emit({ type: 'stock.untracked', data: { itemId, count } });
      if (d.state.eightySixed?.reason === 'sold-out') d.on('untracked');
      break;
    }
    case '86': {
      staffOnly(env.cmd, '86 an item');
      if (state.eightySixed?.reason === 'manual') break; // already off by hand: nothing changes
      d.off('manual', optionalText(command.note));
      break;
    }
    case 'un-86': {
      staffOnly(env.cmd, 'put an item back on sale');
      if (!state.eightySixed) break; // already on sale
      if (state.tracked && state.count === 0)
        throw new TillboxError('conflict', `${quoted(state)} has none left: receive or count it to sell it again`, {
          details: [{ path: 'itemId', message: 'none on hand' }],
        });
      d.on('manual');
      break;
    }
  }
  return d.result();
}

/**
 * One order's sale across the items it takes (the order's transaction): every item is checked
 * first, so a refusal names every item that is short ("Sparkling water" is sold out; only 1
 * "Croissant" left), then each is decided. `items` holds the loaded state of every item in
 * `uses` that has one (the rest are untracked and on sale: nothing to decide).
 */
export function decideSale(
  items: ReadonlyMap<string, StockItem>,
  uses: ReadonlyMap<string, readonly StockLineUse[]>,
  orderId: string,
  env: StockEnv,
): StockDecision[] {
  const short: { itemId: string; why: string }[] = [];
  for (const [itemId, lines] of uses) {
    const item = items.get(itemId);
    const why = item ? soldOutReason(item, total(lines)) : undefined;
    if (why) short.push({ itemId, why });
  }
  if (short.length > 0) {
    const message = short.map((s) => s.why).join('; ');
    throw new TillboxError('conflict', message.charAt(0).toUpperCase() + message.slice(1), {
      details: short.map((s) => ({ path: `items.${s.itemId}`, message: s.why })),
    });
  }
  const decisions: StockDecision[] = [];
  for (const [itemId, lines] of uses) {
    const item = items.get(itemId);
    if (item?.tracked) decisions.push(decideStock(item, { kind: 'sell', orderId, lines }, env));
  }
  return decisions;
}
