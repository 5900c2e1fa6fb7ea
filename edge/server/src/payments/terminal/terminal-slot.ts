/**
 * The card terminal as the payment service holds it from the start, while the terminal itself
 * comes up later (it is a device of the hardware profile, read by the device hub after the
 * capabilities are built). Calls made before it is attached wait for it — the payments left
 * open by a crash are resolved as soon as the terminal can be asked — and fail once the edge
 * stops without one.
 */
import { TillboxError } from '@tillbox/core';
import type {
  PaymentTerminal,
  Reconciliation,
  SaleRequest,
  SaleResult,
  TerminalRefund,
  TransactionStatus,
} from '../payment-terminal.js';

export class TerminalSlot implements PaymentTerminal {
  private target: PaymentTerminal | undefined;
  private ready: Promise<PaymentTerminal>;
  private settle: { resolve: (t: PaymentTerminal) => void; reject: (e: Error) => void } | undefined;

  constructor() {
    this.ready = new Promise<PaymentTerminal>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.ready.catch(() => {}); // nobody may be waiting
  }

  get name(): string {
    return this.target?.name ?? 'not started';
  }

  attach(terminal: PaymentTerminal): void {
    this.target = terminal;
    this.settle?.resolve(terminal);
    this.ready = Promise.resolve(terminal);
  }

  /** The edge stops: calls still waiting for a terminal fail, later ones too. */
  detach(): void {
    this.target = undefined;
    const gone = new TillboxError('device-unavailable', 'The card terminal is not running');
    this.settle?.reject(gone);
    this.ready = Promise.reject(gone);
    this.ready.catch(() => {});
  }

  async sale(request: SaleRequest): Promise<SaleResult> {
    return (await this.ready).sale(request);
  }

  async reverse(reference: string): Promise<void> {
    return (await this.ready).reverse(reference);
  }

  async refund(request: TerminalRefund): Promise<SaleResult> {
    return (await this.ready).refund(request);
  }

  async abort(query: { intentId: string }): Promise<void> {
    const t = await this.ready;
    if (t.abort) await t.abort(query);
  }

  async status(query: { intentId: string; orderId: string; currency?: string }): Promise<TransactionStatus> {
    const t = await this.ready;
    if (!t.status)
      throw new TillboxError('device-unavailable', `The ${t.name} terminal cannot tell what became of a payment`);
    return t.status(query);
  }

  async reconcile(): Promise<Reconciliation> {
    const t = await this.ready;
    if (!t.reconcile) return { settled: false, totals: [], message: `The ${t.name} terminal cannot reconcile` };
    return t.reconcile();
  }
}
