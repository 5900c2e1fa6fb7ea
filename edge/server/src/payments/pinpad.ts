import { divideRounded } from '@tillbox/core';

/**
 * A card terminal, semi-integrated: the edge asks it to take an amount and hears back the
 * result, the terminal's reference and the card's last four digits — never card data.
 */
export interface PinpadResult {
  approved: boolean;
  /** The terminal's transaction reference (for refunds and reconciliation). */
  reference: string;
  cardLast4?: string;
  /** Why it was declined, in words for the guest. */
  message?: string;
  /** The tip taken on top of the amount (entered on the screen, or chosen by the guest on the terminal). */
  tip?: number;
}

/**
 * A tip with a card payment: an amount entered on the screen (the terminal charges it with the
 * amount), or a prompt — the terminal asks the guest (suggested percentages of the amount, or
 * their own figure) and answers the tip chosen in {@link PinpadResult.tip}.
 */
export type PinpadTip = { amount: number } | { prompt: { percentages: readonly number[] } };

/** What the terminal is asked to take. */
export interface PinpadCharge {
  /** Towards the order, minor units; a tip comes on top. */
  amount: number;
  currency: string;
  orderId: string;
  intentId: string;
  tip?: PinpadTip;
}

/** What the terminal knows of a charge it was asked for (by the edge's intent id). */
export interface PinpadStatus {
  /** `not-found`: the terminal never took this charge. */
  state: 'approved' | 'declined' | 'not-found';
  reference?: string;
  cardLast4?: string;
  /** The tip it took with the charge. */
  tip?: number;
}

export interface Pinpad {
  readonly name: string;
  /**
   * Take `amount`. `intentId` is the edge's payment intent, given to the terminal as the
   * merchant reference so {@link status} can find the charge again after a restart.
   */
  charge(request: PinpadCharge): Promise<PinpadResult>;
  /** Undo an approved charge the store could not record. Throws when the terminal could not. */
  reverse(reference: string): Promise<void>;
  /** Give `amount` back to the card of an earlier charge, by the charge's reference. */
  refund(reference: string, amount: number): Promise<PinpadResult>;
  /**
   * The outcome of a charge the edge lost track of (it restarted while waiting), if the
   * terminal can tell; terminals that cannot leave it out and such payments go to a person.
   */
  status?(query: { intentId: string; orderId: string }): Promise<PinpadStatus>;
}

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
 * The demo store's terminal: approves after a short pause like a tapped card, except amounts
 * listed in `declineAmounts` (for tests). The wire protocol of a real terminal arrives with the
 * device hub; this keeps the same interface.
 */
export class VirtualPinpad implements Pinpad {
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

  async charge(request: PinpadCharge): Promise<PinpadResult> {
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
      };
    }
    return { approved: true, reference, cardLast4: '4242', ...(tip > 0 ? { tip } : {}) };
  }

  /** The tip of a charge: the screen's, or the guest's choice at the prompt (rounded to the cent). */
  private tipFor(request: PinpadCharge): number {
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

  async refund(reference: string, amount: number): Promise<PinpadResult> {
    await new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 0));
    this.sequence += 1;
    this.refunds.push({ reference, amount });
    return { approved: true, reference: `VR-${String(this.sequence).padStart(6, '0')}` };
  }

  async status(query: { intentId: string; orderId: string }): Promise<PinpadStatus> {
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
}
