/**
 * Paying an order in full (by card on the store's pinpad, or in cash) and refunding it to the
 * original tender. The terminal is asked outside any transaction, and only once the core has
 * said the command is allowed; the payment or refund, its events and (when the order fires on
 * payment) the tickets are then written in one transaction, decided again by the core.
 */
import {
  refundsForLines,
  TillboxError,
  type CommandContext,
  type OrderCommand,
  type OrderView,
  type PayBody,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { OrderAggregate } from '../orders/order-aggregate.js';
import type { Pinpad } from './pinpad.js';

export interface PaymentServiceContext {
  orders: OrderAggregate;
  pinpad: Pinpad;
  log: Logger;
}

type PayCommand = Extract<OrderCommand, { kind: 'pay' }>;

export class PaymentService {
  /** Orders with a payment or refund under way, so a double tap never charges or refunds twice. */
  private readonly busy = new Set<string>();

  constructor(private readonly ctx: PaymentServiceContext) {}

  async pay(cmd: CommandContext, orderId: string, body: PayBody): Promise<OrderView> {
    return this.exclusive(orderId, 'a payment', async () => {
      const { orders } = this.ctx;
      const order = orders.load({ orderId });
      const amount = order.totals.total;
      if (body.method === 'cash') {
        const command: PayCommand = { kind: 'pay', payment: { method: 'cash', amount, tendered: body.tendered ?? 0 } };
        return orders.execute(cmd, { orderId }, command);
      }
      // Ask the core first (not paid yet, not cancelled, this kiosk's own order), then the terminal.
      orders.preview(cmd, order, { kind: 'pay', payment: { method: 'card', amount, reference: 'preview' } });
      const result = await this.ctx.pinpad.charge({ amount, currency: order.totals.currency, orderId });
      if (!result.approved) {
        throw new TillboxError('payment-declined', result.message ?? 'The card was declined', {
          details: [{ message: `terminal reference ${result.reference}` }],
        });
      }
      const payment: PayCommand['payment'] = {
        method: 'card',
        amount,
        reference: result.reference,
        ...(result.cardLast4 ? { cardLast4: result.cardLast4 } : {}),
      };
      try {
        return orders.execute(cmd, { orderId }, { kind: 'pay', payment });
      } catch (err) {
        this.ctx.log.warn({ orderId, reference: result.reference }, 'payment approved but not recorded; reversing it');
        await this.ctx.pinpad.reverse(result.reference);
        throw err;
      }
    });
  }

  /**
   * Refund a paid order to its original tenders: all that is left, or the named lines (each
   * for what the pricing engine's `refundLine` gives back). Card money goes back through the
   * terminal first; cash and app payments are recorded as negative payments of the same method.
   */
  async refund(
    cmd: CommandContext,
    orderId: string,
    request: { lines?: readonly string[]; reason: string },
  ): Promise<OrderView> {
    return this.exclusive(orderId, 'a refund', async () => {
      const { orders } = this.ctx;
      const order = orders.load({ orderId });
      const command: OrderCommand = {
        kind: 'refund',
        reason: request.reason,
        ...(request.lines
          ? { lines: refundsForLines(order, request.lines).map((r) => ({ lineId: r.lineId, amount: r.amount })) }
          : {}),
      };
      const { events } = orders.preview(cmd, order, command);
      for (const event of events) {
        if (event.type !== 'order.refunded') continue;
        for (const r of event.data.refunds) {
          if (r.method !== 'card') continue;
          const charge = order.payments.find((p) => p.id === r.refundOf);
          if (!charge?.reference)
            throw new TillboxError('conflict', 'the card payment has no terminal reference to refund');
          const result = await this.ctx.pinpad.refund(charge.reference, r.amount);
          if (!result.approved) {
            throw new TillboxError('payment-declined', result.message ?? 'The terminal refused the refund', {
              details: [{ message: `terminal reference ${result.reference}` }],
            });
          }
        }
      }
      try {
        return orders.execute(cmd, { orderId }, command);
      } catch (err) {
        this.ctx.log.error(
          { orderId, err },
          'refund given back on the terminal but not recorded: record it by hand from the terminal report',
        );
        throw err;
      }
    });
  }

  private async exclusive<T>(orderId: string, what: string, work: () => Promise<T>): Promise<T> {
    if (this.busy.has(orderId)) throw new TillboxError('conflict', `${what} for this order is already under way`);
    this.busy.add(orderId);
    try {
      return await work();
    } finally {
      this.busy.delete(orderId);
    }
  }
}
