/**
 * Card payments approved offline: when the terminal cannot reach the bank it may approve a sale
 * itself and forward it later (store-and-forward) — the store carries the risk until then. A
 * sale may go offline only while it fits the store's caps (`payments.offline.maxPerTransaction`
 * and `maxTotal`, counted with what is already pending); the terminal is told otherwise
 * (`ForceOnlineFlag`). Each offline approval is recorded like any payment but its intent stays
 * `approved-offline`, listed for the manager with the total exposure, until a reconciliation
 * with the terminal settles it. A small scheduler reconciles on its own while any is pending.
 */
import type { OfflineExposure, ReconciliationResult } from '@tillbox/core';
import type { Logger } from 'pino';
import type { OrderRepository } from '../orders/order-repository.js';
import type { PaymentIntentRepository } from './payment-intent-repository.js';
import type { PaymentTerminal, TerminalTip } from './payment-terminal.js';

export interface OfflineSettings {
  /** Minor units; 0: never offline. */
  maxPerTransaction: number;
  maxTotal: number;
  /** How often to reconcile while offline approvals are pending; 0: only by hand. */
  reconcileEverySeconds: number;
}

/** Whether the terminal may approve this sale offline. */
export interface OfflineAllowance {
  allows(amount: number, tip: TerminalTip | undefined): boolean;
}

export interface OfflinePaymentsContext {
  intents: PaymentIntentRepository;
  orders: OrderRepository;
  terminal: PaymentTerminal;
  settings: OfflineSettings;
  currency: () => string;
  log: Logger;
  now: () => number;
}

/** The most a sale can come to: a prompt's tip is counted at its highest suggestion. */
function upperBound(amount: number, tip: TerminalTip | undefined): number {
  if (!tip) return amount;
  if ('amount' in tip) return amount + tip.amount;
  return amount + Math.ceil((amount * Math.max(0, ...tip.prompt.percentages)) / 100);
}

/** Why a manager sees an offline approval until a reconciliation settles it. */
export function offlineAttention(reference: string): string {
  return `Approved offline by the terminal (store-and-forward, ${reference}): the bank has not seen it yet. It is pending until the terminal forwards it (reconciliation settles it).`;
}

export class OfflinePayments implements OfflineAllowance {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReconciliationResult> | undefined;
  private last: OfflineExposure['lastReconciliation'];

  constructor(private readonly ctx: OfflinePaymentsContext) {}

  start(): void {
    const every = this.ctx.settings.reconcileEverySeconds;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      if (this.ctx.intents.pendingOffline(1).length === 0) return;
      void this.reconcile().catch((err: unknown) => this.ctx.log.warn({ err }, 'reconciling with the terminal failed'));
    }, every * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }

  allows(amount: number, tip: TerminalTip | undefined): boolean {
    const { maxPerTransaction, maxTotal } = this.ctx.settings;
    const most = upperBound(amount, tip);
    if (most > maxPerTransaction) return false;
    return this.exposure().total + most <= maxTotal;
  }

  /** The pending offline approvals, each with what it took (tip included), and their total. */
  exposure(): OfflineExposure {
    const rows = this.ctx.intents.pendingOffline();
    const orders = this.ctx.orders.findMany(rows.map((r) => r.orderId));
    const items = rows.map((r) => {
      const order = orders.get(r.orderId);
      const payment = order?.payments.find((p) => p.id === r.paymentId);
      return {
        intentId: r.id,
        orderId: r.orderId,
        ...(order ? { orderNumber: order.number, businessDay: order.businessDay } : {}),
        amount: payment ? payment.amount + (payment.tip ?? 0) : r.amount + (r.tip ?? 0),
        ...(r.reference ? { reference: r.reference } : {}),
        ...(payment?.cardLast4 ? { cardLast4: payment.cardLast4 } : {}),
        approvedAt: new Date(r.updatedAt).toISOString(),
      };
    });
    const { maxPerTransaction, maxTotal } = this.ctx.settings;
    return {
      currency: rows[0]?.currency ?? this.ctx.currency(),
      total: items.reduce((n, i) => n + i.amount, 0),
      count: items.length,
      maxPerTransaction,
      maxTotal,
      items,
      ...(this.last ? { lastReconciliation: this.last } : {}),
    };
  }

  /** Reconcile with the terminal (or join the reconciliation under way). */
  reconcile(): Promise<ReconciliationResult> {
    if (this.running) return this.running;
    const run = this.reconcileNow().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async reconcileNow(): Promise<ReconciliationResult> {
    const { terminal, intents, log, now } = this.ctx;
    const startedAt = now();
    const iso = new Date(startedAt).toISOString();
    if (!terminal.reconcile) {
      return {
        at: iso,
        settled: false,
        settledPayments: 0,
        totals: [],
        message: `The ${terminal.name} terminal cannot reconcile`,
      };
    }
    const result = await terminal.reconcile();
    // Offline approvals recorded before the terminal was asked are the ones it has forwarded.
    const settledPayments = result.settled ? intents.settleOffline(startedAt, now()) : 0;
    this.last = {
      at: iso,
      settled: result.settled,
      settledPayments,
      ...(result.message ? { message: result.message } : {}),
    };
    log.info({ settled: result.settled, settledPayments, period: result.period }, 'reconciled with the card terminal');
    return {
      at: iso,
      settled: result.settled,
      settledPayments,
      ...(result.period ? { period: result.period } : {}),
      totals: result.totals,
      ...(result.message ? { message: result.message } : {}),
    };
  }
}
