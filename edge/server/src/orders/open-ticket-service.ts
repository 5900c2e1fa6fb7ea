/**
 * The counter's commands on a placed order: open tickets (hold, recall onto a counter, hand over
 * to another staff member, list), lines added to it, and splitting its bill. Each is load →
 * decide (the core) → save → append; no rule lives here.
 */
import {
  canAccessOrder,
  decideOrder,
  TillboxError,
  type AddLinesBody,
  type CommandContext,
  type OpenTickets,
  type OrderView,
  type SplitBody,
  type StaffRef,
  orderView,
} from '@tillbox/core';
import type { EventLog } from '../events/event-log.js';
import type { OrderAggregate } from './order-aggregate.js';
import type { OpenTicketRepository } from './open-ticket-repository.js';

export interface OpenTicketServiceContext {
  events: EventLog;
  orders: OrderAggregate;
  tickets: OpenTicketRepository;
}

export class OpenTicketService {
  constructor(private readonly ctx: OpenTicketServiceContext) {}

  /** Park an unpaid counter order as an open ticket (its owner: whoever owns it, else the one holding it). */
  hold(cmd: CommandContext, id: string): OrderView {
    return this.ctx.orders.execute(cmd, { orderId: id }, { kind: 'hold' });
  }

  /** Recall a held open ticket onto this counter. */
  resume(cmd: CommandContext, id: string): OrderView {
    return this.ctx.orders.execute(cmd, { orderId: id }, { kind: 'resume' });
  }

  /** Hand an open ticket to another staff member (audited). */
  transfer(cmd: CommandContext, id: string, to: StaffRef, reason?: string): OrderView {
    return this.ctx.orders.execute(cmd, { orderId: id }, { kind: 'transfer', to, ...(reason ? { reason } : {}) });
  }

  /** New lines on a placed, unpaid order: priced with the rest; another round if it is in the kitchen. */
  addLines(cmd: CommandContext, id: string, body: AddLinesBody): OrderView {
    const { orders } = this.ctx;
    return orders.transact(cmd, (tx, append) => {
      // A line id names one line in the store.
      const taken = orders.repository.lineIdsInUse(body.lines.map((l) => l.lineId));
      if (taken.length > 0) {
        throw new TillboxError('conflict', `line id ${taken[0]} already belongs to an order`, {
          details: taken.map((lineId) => ({ path: 'lines', message: `line id ${lineId} is taken: make new line ids` })),
        });
      }
      const before = orders.load({ orderId: id });
      const env = orders.env(cmd);
      const decision = decideOrder(before, { kind: 'add-lines', lines: body.lines }, env);
      return orderView(orders.apply(tx, append, before, decision, env.at));
    });
  }

  /** Split the bill evenly or by lines, or make it one bill again (before any payment). */
  split(cmd: CommandContext, id: string, plan: SplitBody): OrderView {
    return this.ctx.orders.execute(cmd, { orderId: id }, { kind: 'split', plan });
  }

  /** Held open tickets (one owner's, when given), oldest held first, with the seq the list is current at. */
  list(cmd: CommandContext, owner?: string): OpenTickets {
    const seq = this.ctx.events.lastSeq;
    const ids = this.ctx.tickets.heldIds(owner);
    const found = this.ctx.orders.repository.findMany(ids);
    const orders = ids.flatMap((i) => {
      const o = found.get(i);
      return o && canAccessOrder(o, cmd) ? [orderView(o)] : [];
    });
    return { seq, orders };
  }
}
