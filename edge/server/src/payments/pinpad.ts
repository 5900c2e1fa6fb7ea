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
}

export interface Pinpad {
  readonly name: string;
  charge(request: { amount: number; currency: string; orderId: string }): Promise<PinpadResult>;
  /** Undo an approved charge the store could not record (e.g. the order was cancelled meanwhile). */
  reverse(reference: string): Promise<void>;
  /** Give `amount` back to the card of an earlier charge, by the charge's reference. */
  refund(reference: string, amount: number): Promise<PinpadResult>;
}

/**
 * The demo store's terminal: approves after a short pause like a tapped card, except amounts
 * listed in `declineAmounts` (for tests). The wire protocol of a real terminal arrives with the
 * device hub; this keeps the same interface.
 */
export class VirtualPinpad implements Pinpad {
  readonly name = 'virtual';
  private sequence = 0;
  readonly reversed: string[] = [];
  /** Refunds it approved: the charge's reference and the amount given back. */
  readonly refunds: { reference: string; amount: number }[] = [];

  constructor(private readonly options: { delayMs?: number; declineAmounts?: readonly number[] } = {}) {}

  async charge(request: { amount: number; currency: string; orderId: string }): Promise<PinpadResult> {
    await new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 0));
    this.sequence += 1;
    const reference = `VP-${String(this.sequence).padStart(6, '0')}`;
    if (this.options.declineAmounts?.includes(request.amount)) {
      return {
        approved: false,
        reference,
        message: 'Card declined by the issuer. Try another card or pay at the counter.',
      };
    }
    return { approved: true, reference, cardLast4: '4242' };
  }

  async reverse(reference: string): Promise<void> {
    this.reversed.push(reference);
  }

  async refund(reference: string, amount: number): Promise<PinpadResult> {
    await new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 0));
    this.sequence += 1;
    this.refunds.push({ reference, amount });
    return { approved: true, reference: `VR-${String(this.sequence).padStart(6, '0')}` };
  }
}
