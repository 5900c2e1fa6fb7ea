/**
 * The kitchen: firing orders into one ticket per station, ticket and item bumps, recall and
 * undo, expo readiness, and firing scheduled orders when their time comes.
 */
import {
  applyTicketCommand,
  routeToStation,
  TillboxError,
  uuidv7,
  type KitchenConfig,
  type OrderEventData,
  type OrderView,
  type TicketCommand,
} from '@tillbox/core';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { Tx } from '../db/database.js';
import { orderLines, orders, tickets } from '../db/schema.js';
import type { Append, EventLog } from '../events/event-log.js';
import type { OrderStore } from '../orders/order-store.js';

export interface KitchenServiceContext {
  events: EventLog;
  orderStore: OrderStore;
  catalog: CatalogService;
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

  /** The station a catalog item is made at (settings first, then the catalog). */
  route(itemId: string): string {
    const engine = this.ctx.catalog.engine;
    const item = engine.items.get(itemId);
    if (!item) return this.ctx.config.defaultStation;
    return routeToStation(this.ctx.config, item, engine.categories.get(item.categoryId)?.station);
  }

  /** Prep minutes of an order: the slowest station it needs. */
  prepMinutes(stationIds: readonly string[]): number {
    return Math.max(0, ...stationIds.map((id) => this.ctx.config.stations.find((s) => s.id === id)?.prepMinutes ?? 0));
  }

  /** Fire an order inside `tx`: it goes to the kitchen with one ticket per station of its lines. */
  fire(tx: Tx, append: Append, orderId: string, at: number): OrderView {
    return this.ctx.orderStore.transition(tx, append, orderId, 'fire', at, () => {
      const stations = new Set(
        tx
          .select({ station: orderLines.station })
          .from(orderLines)
          .where(eq(orderLines.orderId, orderId))
          .all()
          .map((l) => l.station),
      );
      tx.insert(tickets)
        .values(
          [...stations]
            .sort()
            .map((station) => ({ id: uuidv7(at), orderId, station, status: 'open' as const, firedAt: at })),
        )
        .run();
    });
  }

  /** Fire every waiting order whose time has come (paid or firing without payment). */
  fireDue(): number {
    const at = this.now();
    return this.ctx.events.transact((tx, append) => {
      const due = tx
        .select({ id: orders.id, status: orders.status, firePolicy: orders.firePolicy })
        .from(orders)
        .where(and(inArray(orders.status, ['placed', 'paid']), isNotNull(orders.fireAt), lte(orders.fireAt, at)))
        .all()
        .filter((o) => o.status === 'paid' || o.firePolicy === 'now');
      for (const o of due) this.fire(tx, append, o.id, at);
      return due.length;
    });
  }

  /** A ticket command from a KDS: bump, recall, bump-item, unbump-item. */
  ticketCommand(ticketId: string, command: TicketCommand, lineId?: string): OrderView {
    const at = this.now();
    return this.ctx.events.transact((tx, append) => this.applyTicket(tx, append, ticketId, command, at, lineId));
  }

  /** Undo the last bump at a station: recall its most recently bumped ticket. */
  undo(stationId: string): OrderView {
    this.station(stationId);
    const at = this.now();
    return this.ctx.events.transact((tx, append) => {
      const last = this.recallable(tx, stationId, at)[0];
      if (!last)
        throw new TillboxError(
          'conflict',
          `nothing to undo at ${stationId}: no ticket was bumped in the last ${this.ctx.config.recallMinutes} minutes`,
        );
      return this.applyTicket(tx, append, last.id, 'recall', at);
    });
  }

  /** Recently bumped tickets of a station whose orders are still open, newest first. */
  recallList(stationId: string): {
    station: string;
    tickets: { order: OrderView; ticketId: string; bumpedAt: string }[];
  } {
    this.station(stationId);
    const at = this.now();
    return this.ctx.events.transact((tx) => {
      const rows = this.recallable(tx, stationId, at);
      const views = new Map(
        this.ctx.orderStore
          .views(
            tx,
            tx
              .select()
              .from(orders)
              .where(inArray(orders.id, rows.length ? rows.map((r) => r.orderId) : ['']))
              .all(),
          )
          .map((v) => [v.id, v]),
      );
      return {
        station: stationId,
        tickets: rows.flatMap((r) => {
          const order = views.get(r.orderId);
          return order && r.bumpedAt !== null
            ? [{ order, ticketId: r.id, bumpedAt: new Date(r.bumpedAt).toISOString() }]
            : [];
        }),
      };
    });
  }

  /** The expo marks an order ready, bumping whatever stations have not. */
  expoReady(orderId: string): OrderView {
    const at = this.now();
    return this.ctx.events.transact((tx, append) => {
      const row = this.ctx.orderStore.row(tx, orderId);
      if (row.status !== 'in_kitchen') return this.ctx.orderStore.transition(tx, append, orderId, 'ready', at); // refused with the reason
      return this.ctx.orderStore.transition(tx, append, orderId, 'ready', at, () => {
        tx.update(tickets)
          .set({ status: 'bumped', bumpedAt: at })
          .where(and(eq(tickets.orderId, orderId), eq(tickets.status, 'open')))
          .run();
      });
    });
  }

  private recallable(tx: Tx, stationId: string, at: number) {
    const since = at - this.ctx.config.recallMinutes * 60_000;
    return tx
      .select({ id: tickets.id, orderId: tickets.orderId, bumpedAt: tickets.bumpedAt })
      .from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(
        and(
          eq(tickets.station, stationId),
          eq(tickets.status, 'bumped'),
          gte(tickets.bumpedAt, since),
          inArray(orders.status, ['in_kitchen', 'ready']),
        ),
      )
      .orderBy(desc(tickets.bumpedAt), desc(tickets.id))
      .limit(20)
      .all();
  }

  private applyTicket(
    tx: Tx,
    append: Append,
    ticketId: string,
    command: TicketCommand,
    at: number,
    lineId?: string,
  ): OrderView {
    const ticket = tx.select().from(tickets).where(eq(tickets.id, ticketId)).get();
    if (!ticket) throw new TillboxError('not-found', `no ticket ${ticketId}`);
    const order = this.ctx.orderStore.row(tx, ticket.orderId);
    if (order.status !== 'in_kitchen' && !(command === 'recall' && order.status === 'ready')) {
      throw new TillboxError(
        'conflict',
        `order ${order.number} is ${order.status.replace('_', ' ')}: its tickets can no longer change`,
      );
    }
    const lines = tx
      .select({ id: orderLines.id, bumpedAt: orderLines.bumpedAt })
      .from(orderLines)
      .where(and(eq(orderLines.orderId, ticket.orderId), eq(orderLines.station, ticket.station)))
      .orderBy(asc(orderLines.position))
      .all();
    const type = applyTicketCommand(
      {
        status: ticket.status,
        items: lines.map((l) => ({ lineId: l.id, bumpedAt: l.bumpedAt === null ? undefined : 'bumped' })),
      },
      command,
      lineId,
    );
    const stationLines = and(eq(orderLines.orderId, ticket.orderId), eq(orderLines.station, ticket.station));
    let bumpTicket = command === 'bump';
    switch (command) {
      case 'bump':
        tx.update(orderLines)
          .set({ bumpedAt: at })
          .where(and(stationLines, isNull(orderLines.bumpedAt)))
          .run();
        break;
      case 'recall':
        tx.update(tickets).set({ status: 'open', bumpedAt: null }).where(eq(tickets.id, ticketId)).run();
        tx.update(orderLines).set({ bumpedAt: null }).where(stationLines).run();
        break;
      case 'bump-item':
        tx.update(orderLines)
          .set({ bumpedAt: at })
          .where(eq(orderLines.id, lineId ?? ''))
          .run();
        bumpTicket = lines.every((l) => l.id === lineId || l.bumpedAt !== null);
        break;
      case 'unbump-item':
        tx.update(orderLines)
          .set({ bumpedAt: null })
          .where(eq(orderLines.id, lineId ?? ''))
          .run();
        break;
    }
    if (command !== 'bump')
      append({
        type,
        subject: ticket.orderId,
        data: { order: this.ctx.orderStore.view(tx, ticket.orderId) } satisfies OrderEventData,
      });
    if (bumpTicket) {
      tx.update(tickets).set({ status: 'bumped', bumpedAt: at }).where(eq(tickets.id, ticketId)).run();
      append({
        type: 'ticket.bumped',
        subject: ticket.orderId,
        data: { order: this.ctx.orderStore.view(tx, ticket.orderId) } satisfies OrderEventData,
      });
      const open = tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.orderId, ticket.orderId), eq(tickets.status, 'open')))
        .all();
      if (open.length === 0 && this.ctx.config.expoAutoReady)
        return this.ctx.orderStore.transition(tx, append, ticket.orderId, 'ready', at);
    }
    if (command === 'recall' && order.status === 'ready')
      return this.ctx.orderStore.transition(tx, append, ticket.orderId, 'recall', at);
    return this.ctx.orderStore.view(tx, ticket.orderId);
  }
}
