/**
 * Paying an order in full (by card on the store's pinpad, or in cash) and refunding it to the
 * original tender. A card payment first writes a payment intent (committed, decided by the core
 * like any command on the order), and only then asks the terminal: while the intent is open the
 * order refuses cancel, void and a second payment, so a tap can never race a cancel. The
 * approval is recorded with the intent in one transaction; an approval that cannot be recorded is
 * reversed ({@link PaymentReversals}). At start, intents a crash left open are resolved by asking
 * the terminal, or handed to a person.
 */
import {
  actorSchema,
  dueFor,
  refundsForLines,
  SYSTEM_CONTEXT,
  TillboxError,
  uuidv7,
  type CommandContext,
  type OpenPaymentIntent,
  type OrderCommand,
  type OrderView,
  type PayBody,
  type PaymentAttention,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { OrderAggregate } from '../orders/order-aggregate.js';
import type { PaymentIntentRepository, PaymentIntentRow } from './payment-intent-repository.js';
import type { PaymentReversals } from './payment-reversals.js';
import { offlineAttention, type OfflineAllowance } from './offline-payments.js';
import { paymentAttention } from './payment-attention.js';
import type { PaymentTerminal, SaleResult, TerminalTip, TransactionStatus } from './payment-terminal.js';

/** What the pinpad suggests when it asks the guest for a tip (percent of the amount). */
export const TIP_PROMPT_PERCENTAGES: readonly number[] = [15, 18, 20];

export interface PaymentServiceContext {
  orders: OrderAggregate;
  intents: PaymentIntentRepository;
  reversals: PaymentReversals;
  pinpad: PaymentTerminal;
  /** Whether the terminal may approve a sale offline (store-and-forward); absent: never. */
  offline?: OfflineAllowance;
  log: Logger;
  now?: () => number;
}

type CardPayment = Extract<Extract<OrderCommand, { kind: 'pay' }>['payment'], { method: 'card' }>;

/** An intent this process opened, with what it needs to record the payment. */
interface StartedIntent extends OpenPaymentIntent {
  orderId: string;
  orderNumber: number;
  currency: string;
}

/** What the terminal answered for an approved charge. */
interface Approval {
  reference: string;
  cardLast4?: string | undefined;
  /** The tip it took on top of the amount. */
  tip?: number | undefined;
  /** Approved offline (store-and-forward): recorded, and pending until the terminal has forwarded it. */
  offline?: boolean | undefined;
}

/** A refund as staff ask for it: the whole order or some lines, and which tenders get the money. */
export interface RefundRequest {
  reason: string;
  lines?: readonly string[];
  to?: readonly { paymentId: string; amount: number }[];
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** What the payment keeps of an approval: the reference, the last four, the tip, whether it was offline. */
function approvalOf(result: {
  reference?: string | undefined;
  cardLast4?: string | undefined;
  tip?: number | undefined;
  offline?: boolean | undefined;
}): Approval {
  return { reference: result.reference ?? '', cardLast4: result.cardLast4, tip: result.tip, offline: result.offline };
}

export class PaymentService {
  /** Orders with a refund under way, so a double tap never refunds twice. */
  private readonly refunding = new Set<string>();
  private readonly now: () => number;
  private recovering: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: PaymentServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  /** Resolves the intents a crash left open (in the background: their orders stay "in progress" meanwhile). */
  start(): void {
    this.recovering = this.recover().catch((err: unknown) => {
      this.ctx.log.error({ err }, 'resolving card payments left open failed');
    });
  }

  /** Settles once the intents left open at start have been resolved. */
  get recovered(): Promise<void> {
    return this.recovering;
  }

  /**
   * Take one tender: all that is due (of the order, or of the part of a split bill it names), or
   * less (split tender: pay again for the rest). Cash pays what is tendered up to what is due; a
   * card takes at most what is due, with a tip entered on the screen or asked for on the pinpad.
   */
  async pay(cmd: CommandContext, orderId: string, body: PayBody): Promise<OrderView> {
    const { orders } = this.ctx;
    const part = body.part === undefined ? {} : { part: body.part };
    if (body.method === 'cash') {
      const payment = { method: 'cash' as const, tendered: body.tendered ?? 0, ...part };
      return orders.execute(cmd, { orderId }, { kind: 'pay', payment });
    }
    if (body.method === 'external') {
      const amount = body.amount ?? dueFor(orders.load({ orderId }), body.part);
      const payment = { method: 'external' as const, amount, reference: body.reference ?? '', ...part };
      return orders.execute(cmd, { orderId }, { kind: 'pay', payment });
    }
    // Committed before the terminal is asked: from here on a cancel is refused.
    const intent = this.open(cmd, orderId, body);
    const tip: TerminalTip | undefined =
      intent.tip !== undefined
        ? { amount: intent.tip }
        : body.tipPrompt
          ? { prompt: { percentages: TIP_PROMPT_PERCENTAGES } }
          : undefined;
    let result: SaleResult;
    try {
      result = await this.ctx.pinpad.sale({
        amount: intent.amount,
        currency: intent.currency,
        orderId,
        intentId: intent.id,
        ...(tip ? { tip } : {}),
        allowOffline: this.ctx.offline?.allows(intent.amount, tip) ?? false,
      });
    } catch (err) {
      const approval = await this.afterNoAnswer(intent, err);
      return this.record(cmd, intent, approval);
    }
    if (!result.approved) {
      const change = result.reference ? { reference: result.reference } : {};
      this.ctx.intents.settle(intent.id, 'declined', change, this.now());
      // Whatever the reason (declined, cancelled, card removed, timeout, busy, unreachable bank), the
      // terminal said no and nothing was charged: a settled refusal, not an unknown outcome.
      throw new TillboxError('payment-declined', result.message ?? 'The card was declined', {
        details: [
          ...(result.reason ? [{ path: 'reason', message: result.reason }] : []),
          ...(result.reference ? [{ message: `terminal reference ${result.reference}` }] : []),
        ],
      });
    }
    return this.record(cmd, intent, approvalOf(result));
  }

  /**
   * Open a payment intent for what the card takes (all that is due of the order or the part when
   * no amount is given), as the core allows; committed when this returns.
   */
  private open(cmd: CommandContext, orderId: string, body: PayBody): StartedIntent {
    const { orders, intents } = this.ctx;
    const at = this.now();
    const id = uuidv7(at);
    return orders.transact(cmd, (tx) => {
      const before = orders.load({ orderId });
      const intent: OpenPaymentIntent = {
        id,
        method: 'card',
        amount: body.amount ?? dueFor(before, body.part),
        startedAt: at,
        ...(body.tip !== undefined && body.tip > 0 ? { tip: body.tip } : {}),
        ...(body.part !== undefined ? { part: body.part } : {}),
      };
      orders.preview(cmd, before, { kind: 'start-payment', intent });
      const { currency } = before.totals;
      intents.insert(
        tx,
        {
          id,
          orderId,
          amount: intent.amount,
          currency,
          actor: cmd.actor,
          device: cmd.device,
          tip: intent.tip,
          part: intent.part,
        },
        at,
      );
      return { ...intent, orderId, orderNumber: before.number, currency };
    });
  }

  /**
   * Record an approved charge and settle its intent, in one transaction. When that fails the
   * approval is reversed (and stays visible until it is), and the error says so.
   */
  private async record(cmd: CommandContext, intent: StartedIntent, approval: Approval): Promise<OrderView> {
    const { orders, intents } = this.ctx;
    const tip = approval.tip ?? intent.tip;
    const payment: CardPayment = {
      method: 'card',
      amount: intent.amount,
      reference: approval.reference,
      intentId: intent.id,
      ...(approval.cardLast4 ? { cardLast4: approval.cardLast4 } : {}),
      ...(tip !== undefined && tip > 0 ? { tip } : {}),
      ...(intent.part !== undefined ? { part: intent.part } : {}),
    };
    try {
      return orders.execute(cmd, { orderId: intent.orderId }, { kind: 'pay', payment }, (tx, after) => {
        const recorded = after.payments.find((p) => p.reference === approval.reference && p.amount > 0);
        const change = {
          reference: approval.reference,
          ...(recorded ? { paymentId: recorded.id } : {}),
          ...(approval.offline ? { attention: offlineAttention(approval.reference) } : {}),
        };
        const to = approval.offline ? 'approved-offline' : 'approved';
        if (!intents.settle(intent.id, to, change, this.now(), tx, ['open'])) {
          throw new TillboxError('conflict', `the card payment of order ${intent.orderNumber} was settled meanwhile`);
        }
      });
    } catch (err) {
      this.ctx.log.warn(
        { orderId: intent.orderId, intentId: intent.id, reference: approval.reference, err },
        'card approved but the payment could not be recorded; reversing it',
      );
      await this.ctx.reversals.reverseUnrecorded(intent, approval.reference, message(err));
      if (!(err instanceof TillboxError)) throw err;
      throw new TillboxError(
        err.code,
        `The card was approved but the payment could not be recorded (${err.message}), so the approval is being given back to the card.`,
        { details: err.details, cause: err },
      );
    }
  }

  /**
   * The terminal failed to answer: ask it what became of the charge. Answers the approval if it
   * was approved after all; otherwise the intent fails (handed to a person when nobody can tell).
   */
  private async afterNoAnswer(intent: StartedIntent, err: unknown): Promise<Approval> {
    const outcome = await this.askTerminal(intent);
    if (outcome?.state === 'approved' && outcome.reference) return approvalOf(outcome);
    const at = this.now();
    const attention = outcome ? null : this.unknownOutcome(intent, message(err));
    this.ctx.intents.settle(intent.id, 'failed', { attention, lastError: message(err) }, at);
    throw new TillboxError(
      'device-unavailable',
      outcome
        ? 'The card terminal did not answer and took no payment. Try again.'
        : 'The card terminal did not answer. Check the terminal before trying again: a manager can see this payment on the admin screen.',
      { cause: err },
    );
  }

  /** What the terminal says of an intent's charge, or undefined when it cannot tell. */
  private async askTerminal(intent: {
    id: string;
    orderId: string;
    currency: string;
  }): Promise<TransactionStatus | undefined> {
    if (!this.ctx.pinpad.status) return undefined;
    try {
      return await this.ctx.pinpad.status({ intentId: intent.id, orderId: intent.orderId, currency: intent.currency });
    } catch (err) {
      this.ctx.log.warn({ err, intentId: intent.id }, 'the terminal could not say what became of a charge');
      return undefined;
    }
  }

  private unknownOutcome(intent: { orderId: string; amount: number; currency: string }, why: string): string {
    return `The terminal's answer for a card payment of ${intent.amount} ${intent.currency} is unknown (${why}). Check the terminal's report: if the card was charged, refund it there; the order is unpaid.`;
  }

  /**
   * Intents left open by a crash: ask the terminal what became of each. Approved ones are
   * recorded (as the staff member or kiosk that started them), or reversed when that fails;
   * declined or never taken ones are closed; ones the terminal cannot tell about go to a person.
   */
  private async recover(): Promise<void> {
    const { intents, log } = this.ctx;
    for (const row of intents.open()) {
      const outcome = await this.askTerminal(row);
      const at = this.now();
      if (outcome?.state === 'approved' && outcome.reference) {
        const started = this.startedOf(row);
        await this.record(this.commandOf(row), started, approvalOf(outcome)).catch((err: unknown) =>
          log.warn({ err, intentId: row.id }, 'a recovered approval could not be recorded'),
        );
      } else if (outcome) {
        const change = outcome.reference ? { reference: outcome.reference } : {};
        intents.settle(row.id, outcome.state === 'declined' ? 'declined' : 'failed', change, at);
      } else {
        const attention = this.unknownOutcome(row, 'the edge restarted while the terminal was asked');
        intents.settle(row.id, 'failed', { attention }, at);
      }
      log.info(
        { intentId: row.id, orderId: row.orderId, outcome: outcome?.state ?? 'unknown' },
        'open card payment resolved',
      );
    }
  }

  private startedOf(row: PaymentIntentRow): StartedIntent {
    const order = this.ctx.orders.repository.find(row.orderId);
    return {
      id: row.id,
      method: 'card',
      amount: row.amount,
      startedAt: row.createdAt,
      orderId: row.orderId,
      orderNumber: order?.number ?? 0,
      currency: row.currency,
      ...(row.tip !== null ? { tip: row.tip } : {}),
      ...(row.part !== null ? { part: row.part } : {}),
    };
  }

  /** Who started an intent, from which device: a recovered payment is theirs. */
  private commandOf(row: PaymentIntentRow): CommandContext {
    const actor = actorSchema.safeParse(row.actor);
    return actor.success ? { actor: actor.data, device: row.device } : SYSTEM_CONTEXT;
  }

  /** Card payments a person should look at: reversals not yet through, outcomes nobody knows. */
  attention(): PaymentAttention {
    return paymentAttention(this.ctx.intents, this.ctx.orders.repository);
  }

  /**
   * Refund a paid order to its original tenders: all that is left, or the named lines (each
   * for what the pricing engine's `refundLine` gives back). Card money goes back through the
   * terminal first; cash and app payments are recorded as negative payments of the same method.
   */
  async refund(cmd: CommandContext, orderId: string, request: RefundRequest): Promise<OrderView> {
    if (this.refunding.has(orderId)) throw new TillboxError('conflict', 'a refund for this order is already under way');
    this.refunding.add(orderId);
    try {
      return await this.refundNow(cmd, orderId, request);
    } finally {
      this.refunding.delete(orderId);
    }
  }

  private async refundNow(cmd: CommandContext, orderId: string, request: RefundRequest): Promise<OrderView> {
    const { orders } = this.ctx;
    const order = orders.load({ orderId });
    const command: OrderCommand = {
      kind: 'refund',
      reason: request.reason,
      ...(request.lines
        ? { lines: refundsForLines(order, request.lines).map((r) => ({ lineId: r.lineId, amount: r.amount })) }
        : {}),
      ...(request.to ? { to: request.to } : {}),
    };
    const { events } = orders.preview(cmd, order, command);
    for (const event of events) {
      if (event.type !== 'order.refunded') continue;
      for (const r of event.data.refunds) {
        if (r.method !== 'card') continue;
        const charge = order.payments.find((p) => p.id === r.refundOf);
        if (!charge?.reference)
          throw new TillboxError('conflict', 'the card payment has no terminal reference to refund');
        // The sale's share and, with a whole-order refund, the tip taken with it.
        const result = await this.ctx.pinpad.refund({
          reference: charge.reference,
          amount: r.amount + (r.tip ?? 0),
          currency: order.totals.currency,
        });
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
  }
}
