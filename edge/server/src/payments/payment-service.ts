/**
 * Paying an order in full, by card on the store's pinpad or in cash. The terminal is asked
 * outside any transaction; the payment, the `order.paid` event and (when the order fires on
 * payment) the tickets are then written in one transaction.
 */
import { TillboxError, uuidv7, type OrderView, type PayBody } from '@tillbox/core';
import type { Logger } from 'pino';
import { payments } from '../db/schema.js';
import type { EventLog } from '../events/event-log.js';
import type { KitchenService } from '../kitchen/kitchen-service.js';
import type { OrderStore } from '../orders/order-store.js';
import type { Pinpad } from './pinpad.js';

export interface PaymentServiceContext {
  events: EventLog;
  orderStore: OrderStore;
  kitchen: KitchenService;
  pinpad: Pinpad;
  log: Logger;
  now?: () => number;
}

export class PaymentService {
  private readonly now: () => number;
  /** Orders with a payment under way, so a double tap never charges twice. */
  private readonly paying = new Set<string>();

  constructor(private readonly ctx: PaymentServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  async pay(orderId: string, body: PayBody): Promise<OrderView> {
    if (this.paying.has(orderId)) throw new TillboxError('conflict', 'a payment for this order is already under way');
    this.paying.add(orderId);
    try {
      const order = this.ctx.events.transact((tx) => this.ctx.orderStore.row(tx, orderId));
      if (order.payment !== 'unpaid')
        throw new TillboxError('conflict', `order ${order.number} is already ${order.payment}`);
      if (!['placed', 'paid', 'in_kitchen', 'ready', 'picked_up', 'completed'].includes(order.status)) {
        throw new TillboxError('conflict', `order ${order.number} is ${order.status}: it cannot be paid`);
      }
      let record: {
        method: 'card' | 'cash';
        tendered?: number;
        change?: number;
        reference?: string;
        cardLast4?: string;
      };
      if (body.method === 'cash') {
        const tendered = body.tendered ?? 0;
        if (tendered < order.total) {
          throw new TillboxError('validation', `not enough cash: ${tendered} tendered for a total of ${order.total}`, {
            details: [{ path: 'body.tendered', message: `at least ${order.total}` }],
          });
        }
        record = { method: 'cash', tendered, change: tendered - order.total };
      } else {
        const result = await this.ctx.pinpad.charge({ amount: order.total, currency: order.currency, orderId });
        if (!result.approved) {
          throw new TillboxError('payment-declined', result.message ?? 'The card was declined', {
            details: [{ message: `terminal reference ${result.reference}` }],
          });
        }
        record = {
          method: 'card',
          reference: result.reference,
          ...(result.cardLast4 ? { cardLast4: result.cardLast4 } : {}),
        };
      }
      try {
        return this.record(orderId, order.total, record);
      } catch (err) {
        if (record.reference) {
          this.ctx.log.warn(
            { orderId, reference: record.reference },
            'payment approved but not recorded; reversing it',
          );
          await this.ctx.pinpad.reverse(record.reference);
        }
        throw err;
      }
    } finally {
      this.paying.delete(orderId);
    }
  }

  private record(
    orderId: string,
    amount: number,
    r: { method: 'card' | 'cash'; tendered?: number; change?: number; reference?: string; cardLast4?: string },
  ): OrderView {
    const at = this.now();
    return this.ctx.events.transact((tx, append) => {
      const paid = this.ctx.orderStore.transition(tx, append, orderId, 'pay', at, () => {
        tx.insert(payments)
          .values({
            id: uuidv7(at),
            orderId,
            method: r.method,
            amount,
            tendered: r.tendered ?? null,
            change: r.change ?? null,
            reference: r.reference ?? null,
            cardLast4: r.cardLast4 ?? null,
            at,
          })
          .run();
      });
      const row = this.ctx.orderStore.row(tx, orderId);
      const due = row.fireAt === null || row.fireAt <= at;
      if (row.status === 'paid' && due) return this.ctx.kitchen.fire(tx, append, orderId, at);
      return paid;
    });
  }
}
