/**
 * Stock: the staff's commands on an item (receive, waste, count, stop counting, 86 and un-86) and
 * what orders do to stock — a sale takes it in the order's own transaction (refused as sold out
 * when it cannot: the order is not placed), a refund, cancel or void gives back what its lines
 * took. Each is load → decide (the core's `decideStock`) → save → append; no rule lives here.
 */
import {
  canSell,
  decideSale,
  decideStock,
  stockUsesOf,
  SYSTEM_CONTEXT,
  TillboxError,
  untrackedItem,
  uuidv7,
  type CommandContext,
  type OrderEvent,
  type PricingEngine,
  type StockCommand,
  type StockDecision,
  type StockItem,
  type StockItemView,
  type StockLineUse,
  type StockList,
  type StockReturnReason,
  type StoreEvent,
} from '@tillbox/core';
import type { Tx } from '../db/database.js';
import type { Append, EventLog } from '../events/event-log.js';
import type { StockRepository } from './stock-repository.js';
import { stockAfterEvent } from './stock-restore.js';

export interface StockServiceContext {
  events: EventLog;
  repository: StockRepository;
  /** The current menu (item names, and which items exist). */
  engine: () => PricingEngine;
  now?: () => number;
  /** Counts a new demo store starts with (the store's own count, by the system). */
  seed?: readonly { itemId: string; count: number }[];
}

/** A staff command on one item, as the routes send it. */
export type StockAction = Exclude<StockCommand, { kind: 'sell' } | { kind: 'return' }>;

export function stockView(item: StockItem): StockItemView {
  const view: StockItemView = { itemId: item.itemId, name: item.name, tracked: item.tracked, available: canSell(item) };
  if (item.tracked) view.count = item.count;
  if (item.eightySixed) {
    const { reason, at, note } = item.eightySixed;
    view.eightySixed = { reason, at: new Date(at).toISOString(), ...(note ? { note } : {}) };
  }
  return view;
}

/**
 * What sales and returns decide with: they follow the order's rules, not a person's; the events
 * they append carry the order command's actor and device all the same.
 */
const ORDER_PATH: CommandContext = SYSTEM_CONTEXT;

export class StockService {
  private readonly now: () => number;

  constructor(private readonly ctx: StockServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  start(): void {
    this.ctx.repository.start();
    const seed = this.ctx.seed ?? [];
    if (seed.length > 0 && this.ctx.repository.empty) this.seedCounts(seed);
  }

  stop(): void {}

  /** Every item the store counts or has taken off sale, with the seq the list is current at. */
  list(): StockList {
    const seq = this.ctx.events.lastSeq;
    const items = this.ctx.repository
      .list((id) => this.nameOf(id))
      .filter((i) => i.tracked || i.eightySixed)
      .map(stockView);
    return { seq, items };
  }

  /** One item's stock (an item on the menu that was never counted nor 86'd: on sale, not counted). */
  get(itemId: string): StockItemView {
    return stockView(this.itemOrThrow(itemId, false));
  }

  /** A staff member's command on one item, decided and recorded in one transaction. */
  act(cmd: CommandContext, itemId: string, action: StockAction): StockItemView {
    const at = this.now();
    return this.ctx.events.transact(cmd, (tx, append) => {
      const before = this.itemOrThrow(itemId, action.kind === 'receive' || action.kind === 'count');
      const decision = decideStock(before, action, { cmd, at, newId: () => uuidv7(at) });
      this.apply(tx, append, this.ctx.repository.has(itemId) ? before : undefined, decision, at);
      return stockView(decision.state);
    });
  }

  /**
   * What an order's events do to stock, inside the order's transaction (after its events): a
   * placed order or added lines take stock — or throw, sold out, and the order is not placed —
   * and a refund, cancel or void gives back what its lines still hold.
   */
  afterOrder(tx: Tx, append: Append, events: readonly OrderEvent[], at: number): void {
    if (this.ctx.repository.empty) return;
    for (const e of events) {
      switch (e.type) {
        case 'order.placed':
          this.sell(tx, append, e.data.id, e.data.lines, at);
          break;
        case 'order.lines-added':
          this.sell(tx, append, e.data.orderId, e.data.added, at);
          break;
        case 'order.cancelled':
          this.giveBack(tx, append, e.data.orderId, 'cancelled', undefined, at);
          break;
        case 'order.voided':
          this.giveBack(tx, append, e.data.orderId, 'voided', undefined, at);
          break;
        case 'order.refunded': {
          const whole = e.data.refunds.some((r) => r.lineIds === undefined);
          const lines = whole ? undefined : new Set(e.data.refunds.flatMap((r) => r.lineIds ?? []));
          this.giveBack(tx, append, e.data.orderId, 'refunded', lines, at);
          break;
        }
        default:
          break;
      }
    }
  }

  private sell(tx: Tx, append: Append, orderId: string, lines: Parameters<typeof stockUsesOf>[0], at: number): void {
    const { repository } = this.ctx;
    const uses = stockUsesOf(lines);
    const items = new Map<string, StockItem>();
    for (const itemId of uses.keys()) {
      const item = repository.has(itemId) ? repository.load(itemId, this.nameOf(itemId)) : undefined;
      if (item) items.set(itemId, item);
    }
    if (items.size === 0) return;
    for (const decision of decideSale(items, uses, orderId, { cmd: ORDER_PATH, at, newId: () => uuidv7(at) }))
      this.apply(tx, append, items.get(decision.state.itemId), decision, at);
  }

  private giveBack(
    tx: Tx,
    append: Append,
    orderId: string,
    reason: StockReturnReason,
    onlyLines: ReadonlySet<string> | undefined,
    at: number,
  ): void {
    const { repository } = this.ctx;
    for (const [itemId, held] of repository.soldFor(orderId)) {
      const lines: StockLineUse[] = onlyLines ? held.filter((l) => onlyLines.has(l.lineId)) : held;
      if (lines.length === 0) continue;
      const before = repository.load(itemId, this.nameOf(itemId));
      if (!before) continue;
      const env = { cmd: ORDER_PATH, at, newId: () => uuidv7(at) };
      this.apply(tx, append, before, decideStock(before, { kind: 'return', orderId, reason, lines }, env), at);
    }
  }

  /**
   * A stock event restored from the cloud's copy of the log (written with its own seq, not
   * appended): the item's row and moves as when it was appended, read from the event alone.
   */
  restored(_tx: Tx, event: StoreEvent): void {
    const itemId = (event.data as { itemId?: unknown }).itemId;
    if (typeof itemId !== 'string') return;
    const { repository } = this.ctx;
    const known = repository.has(itemId);
    const before = (known ? repository.load(itemId, this.nameOf(itemId)) : undefined) ?? untrackedItem(itemId, itemId);
    const after = stockAfterEvent(before, event);
    if (!after) return;
    const at = Date.parse(event.at);
    repository.save(known ? before : undefined, after.state, at);
    repository.addMoves(after.moves, { eventSeq: event.seq, actor: event.actor, device: event.device, at });
  }

  /** Save the item, append its events (each carrying the command's actor and device) and record its moves. */
  private apply(_tx: Tx, append: Append, before: StockItem | undefined, decision: StockDecision, at: number): void {
    if (decision.events.length === 0 && decision.moves.length === 0) return;
    this.ctx.repository.save(before, decision.state, at);
    let first: ReturnType<Append> | undefined;
    for (const event of decision.events) {
      const stored = append({ ...event, subject: decision.state.itemId, at });
      first ??= stored;
    }
    if (decision.moves.length > 0 && first)
      this.ctx.repository.addMoves(decision.moves, {
        eventSeq: first.seq,
        actor: first.actor,
        device: first.device,
        at,
      });
  }

  /** The first counts of a new demo store: the system counts them, as a staff member would. */
  private seedCounts(seed: readonly { itemId: string; count: number }[]): void {
    const engine = this.ctx.engine();
    const cmd = SYSTEM_CONTEXT;
    const at = this.now();
    this.ctx.events.transact(cmd, (tx, append) => {
      for (const { itemId, count } of seed) {
        const item = engine.items.get(itemId);
        if (!item || item.combo) continue;
        const before = untrackedItem(itemId, item.name.en);
        this.apply(
          tx,
          append,
          undefined,
          decideStock(before, { kind: 'count', count }, { cmd, at, newId: () => uuidv7(at) }),
          at,
        );
      }
    });
  }

  private nameOf(itemId: string): string {
    return this.ctx.engine().items.get(itemId)?.name.en ?? itemId;
  }

  /**
   * The item as it stands: its row, or on sale and not counted when it has none. An item must be
   * on the menu unless it has a row (one taken off the menu can still be put back or stop being
   * counted); `counting`: a combo is counted as its items, never itself.
   */
  private itemOrThrow(itemId: string, counting: boolean): StockItem {
    const menuItem = this.ctx.engine().items.get(itemId);
    const name = menuItem?.name.en ?? itemId;
    const stored = this.ctx.repository.load(itemId, name);
    if (!menuItem && !stored)
      throw new TillboxError('not-found', `no item "${itemId}" on the menu`, {
        details: [{ path: 'itemId', message: 'an item id of the menu' }],
      });
    if (counting && menuItem?.combo)
      throw new TillboxError('validation', `"${name}" is a combo: its items are counted, not the combo`, {
        details: [{ path: 'itemId', message: 'count the items that fill its slots' }],
      });
    return stored ?? untrackedItem(itemId, name);
  }
}
