/**
 * The kitchen: ticket and item bumps, recall and undo, expo readiness, and firing scheduled
 * orders when their time comes. Tickets are part of the order aggregate: every command goes
 * through the core's `decideOrder` (load → decide → save → append).
 */
import {
  decideOrder,
  isDueToFire,
  SYSTEM_CONTEXT,
  TillboxError,
  type CommandContext,
  type KitchenConfig,
  type OrderView,
  type TicketCommand,
} from '@tillbox/core';
import type { OrderAggregate } from '../orders/order-aggregate.js';
import type { TicketRepository } from './ticket-repository.js';

export interface KitchenServiceContext {
  orders: OrderAggregate;
  tickets: TicketRepository;
  config: KitchenConfig;
  now?: () => number;
  /** How often to look for scheduled orders that are due (ms). */
  schedulerIntervalMs?: number;
  onSchedulerError?: (err: unknown) => void;
}

export class KitchenService {
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ctx: KitchenServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  get config(): KitchenConfig {
    return this.ctx.config;
  }

  start(): void {
    this.fireDue();
    this.timer = setInterval(() => {
      try {
        this.fireDue();
      } catch (err) {
        this.ctx.onSchedulerError?.(err);
      }
    }, this.ctx.schedulerIntervalMs ?? 5000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  station(id: string): KitchenConfig['stations'][number] {
    const station = this.ctx.config.stations.find((s) => s.id === id);
    if (!station) {
      throw new TillboxError(
        'not-found',
        `no station "${id}" (stations: ${this.ctx.config.stations.map((s) => s.id).join(', ')})`,
      );
    }
    return station;
  }

  /** Fire every waiting order whose time has come, as the edge itself. Answers how many fired. */
  fireDue(): number {
    const at = this.now();
    const { orders } = this.ctx;
    const candidates = this.ctx.tickets.scheduledBy(at);
    if (candidates.length === 0) return 0;
    return this.ctx.orders.transact(SYSTEM_CONTEXT, (tx, append) => {
      let fired = 0;
      for (const id of candidates) {
        const before = orders.repository.load(id);
        if (!isDueToFire(before, at)) continue;
        orders.apply(tx, append, before, decideOrder(before, { kind: 'fire-due' }, orders.env(SYSTEM_CONTEXT, at)), at);
        fired += 1;
      }
      return fired;
    });
  }

  /** A ticket command from a KDS: bump, recall, bump-item, unbump-item. */
  ticketCommand(cmd: CommandContext, ticketId: string, command: TicketCommand, lineId?: string): OrderView {
    return this.ctx.orders.execute(
      cmd,
      { ticketId },
      lineId === undefined ? { kind: 'ticket', ticketId, command } : { kind: 'ticket', ticketId, command, lineId },
    );
  }

  /** Undo the last bump at a station: recall its most recently bumped ticket. */
  undo(cmd: CommandContext, stationId: string): OrderView {
    this.station(stationId);
    const last = this.ctx.tickets.recallable(stationId, this.recallSince(), 1)[0];
    if (!last) {
      throw new TillboxError(
        'conflict',
        `nothing to undo at ${stationId}: no ticket was bumped in the last ${this.ctx.config.recallMinutes} minutes`,
      );
    }
    return this.ticketCommand(cmd, last.ticketId, 'recall');
  }

  /** Recently bumped tickets of a station whose orders are still open, newest first. */
  recallList(
    _cmd: CommandContext,
    stationId: string,
  ): { station: string; tickets: { order: OrderView; ticketId: string; bumpedAt: string }[] } {
    this.station(stationId);
    const rows = this.ctx.tickets.recallable(stationId, this.recallSince());
    const views = this.ctx.orders.repository.views(rows.map((r) => r.orderId));
    return {
      station: stationId,
      tickets: rows.flatMap((r) => {
        const order = views.get(r.orderId);
        return order ? [{ order, ticketId: r.ticketId, bumpedAt: new Date(r.bumpedAt).toISOString() }] : [];
      }),
    };
  }

  /** The expo marks an order ready, bumping whatever stations have not. */
  expoReady(cmd: CommandContext, orderId: string): OrderView {
    return this.ctx.orders.execute(cmd, { orderId }, { kind: 'ready' });
  }

  private recallSince(): number {
    return this.now() - this.ctx.config.recallMinutes * 60_000;
  }
}
