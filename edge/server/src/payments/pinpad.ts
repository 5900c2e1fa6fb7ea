import { divideRounded } from '@tillbox/core';

import type {
  PaymentTerminal,
  Reconciliation,
  SaleRequest,
  SaleResult,
  TerminalRefund,
  TerminalTip,
  TransactionStatus,
} from './payment-terminal.js';

/** The names the payment code used before the terminal protocol: the same types. */
export type Pinpad = PaymentTerminal;
export type PinpadResult = SaleResult;
export type PinpadStatus = TransactionStatus;
export type PinpadCharge = SaleRequest;
export type PinpadTip = TerminalTip;

export interface VirtualPinpadOptions {
  /** How long a tap takes. */
  delayMs?: number;
  /** Amounts the issuer declines. */
  declineAmounts?: readonly number[];
  /** This many reversals fail (the terminal is offline) before they go through. */
  failReversals?: number;
  /** Charges are approved on the terminal but the answer never reaches the edge (it crashed meanwhile). */
  hangCharges?: boolean;
  /** What the guest chooses when the terminal asks for a tip: a percentage of the amount (a whole number), or none. */
  tipPercent?: number;
}

/**
 * An in-process terminal for tests and stores without a terminal in their hardware profile:
 * approves after a short pause like a tapped card, except amounts listed in `declineAmounts`.
 * It speaks no protocol; the virtual terminal that speaks the Adyen Terminal API over HTTPS is
 * `terminal/virtual-terminal.ts`.
 */
export class VirtualPinpad implements PaymentTerminal {
  readonly name = 'virtual';
  private sequence = 0;
  /** Every charge it was asked for, in order, with its outcome. */
  readonly charges: {
    intentId: string;
    orderId: string;
    amount: number;
    tip: number;
    reference: string;
    approved: boolean;
  }[] = [];
  /** References of the charges it reversed. */
  readonly reversed: string[] = [];
  /** Reversals asked for, failed ones included. */
  reversalAttempts = 0;
  /** Refunds it approved: the charge's reference and the amount given back. */
  readonly refunds: { reference: string; amount: number }[] = [];

  constructor(private readonly options: VirtualPinpadOptions = {}) {}

  async sale(request: SaleRequest): Promise<SaleResult> {
    await new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 0));
    this.sequence += 1;
    const reference = `VP-${String(this.sequence).padStart(6, '0')}`;
    const approved = !this.options.declineAmounts?.includes(request.amount);
    const tip = this.tipFor(request);
    this.charges.push({
      intentId: request.intentId,
      orderId: request.orderId,
      amount: request.amount,
      tip,
      reference,
      approved,
    });
    if (this.options.hangCharges) return new Promise<never>(() => {});
    if (!approved) {
      return {
        approved: false,
        reference,
        message: 'Card declined by the issuer. Try another card or pay at the counter.',
        reason: 'declined',
      };
    }
    return { approved: true, reference, cardLast4: '4242', ...(tip > 0 ? { tip } : {}) };
  }

  /** The tip of a charge: the screen's, or the guest's choice at the prompt (rounded to the cent). */
  private tipFor(request: SaleRequest): number {
    if (!request.tip) return 0;
    if ('amount' in request.tip) return request.tip.amount;
    return divideRounded(request.amount * (this.options.tipPercent ?? 0), 100);
  }

  async reverse(reference: string): Promise<void> {
    this.reversalAttempts += 1;
    if (this.reversalAttempts <= (this.options.failReversals ?? 0)) {
      throw new Error('the terminal is offline');
    }
    this.reversed.push(reference);
  }

  async refund({ reference, amount }: TerminalRefund): Promise<SaleResult> {
    await new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 0));
    this.sequence += 1;
    this.refunds.push({ reference, amount });
    return { approved: true, reference: `VR-${String(this.sequence).padStart(6, '0')}` };
  }

  async status(query: { intentId: string; orderId: string }): Promise<TransactionStatus> {
    const charge = this.charges.find((c) => c.intentId === query.intentId);
    if (!charge) return { state: 'not-found' };
    return charge.approved
      ? {
          state: 'approved',
          reference: charge.reference,
          cardLast4: '4242',
          ...(charge.tip > 0 ? { tip: charge.tip } : {}),
        }
      : { state: 'declined', reference: charge.reference };
  }

  /** Nothing is ever stored offline here: the period closes with nothing to forward. */
  async reconcile(): Promise<Reconciliation> {
    return { settled: true, totals: [] };
  }
}
