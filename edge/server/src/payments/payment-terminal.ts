/**
 * A card terminal, semi-integrated: the edge sends an amount and hears back the result, the
 * terminal's reference, the card's brand and last four digits — never card data. Drivers: the
 * Adyen Terminal API over local communications (`terminal/adyen-terminal.ts`, which also drives
 * the virtual terminal of `terminal/virtual-terminal.ts`), and the in-process `VirtualPinpad`
 * of the unit tests (`pinpad.ts`).
 */

/**
 * A tip with a card payment: an amount entered on the screen (the terminal charges it with the
 * amount), or a prompt — the terminal asks the guest (suggested percentages of the amount, or
 * their own figure) and answers the tip chosen in {@link SaleResult.tip}.
 */
export type TerminalTip = { amount: number } | { prompt: { percentages: readonly number[] } };

/** What the terminal is asked to take. */
export interface SaleRequest {
  /** Towards the order, minor units; a tip comes on top. */
  amount: number;
  currency: string;
  orderId: string;
  /**
   * The edge's payment intent, given to the terminal as the merchant reference so
   * {@link PaymentTerminal.status} can find the sale again after a restart.
   */
  intentId: string;
  tip?: TerminalTip;
  /**
   * Whether the terminal may approve it offline (store-and-forward) when it cannot reach the
   * bank: only while the store's offline caps allow it. Absent: never offline.
   */
  allowOffline?: boolean;
}

/** Why a sale was not approved, for the words the guest and the staff see. */
export type DeclineReason =
  /** The issuer or the terminal refused the card. */
  | 'declined'
  /** The guest (or staff) cancelled on the terminal. */
  | 'cancelled'
  /** The card came out of the reader before the end. */
  | 'card-removed'
  /** No card was presented in time (the terminal gave up, or the edge aborted it). */
  | 'timeout'
  /** The terminal was busy with another payment. */
  | 'busy'
  /** The terminal could not take payments (it cannot reach the bank and may not approve offline, or it is out of order). */
  | 'unavailable';

export interface SaleResult {
  approved: boolean;
  /** The terminal's transaction reference (for refunds and reconciliation); may be empty on a decline. */
  reference: string;
  /** The last four digits of the card as the terminal reports them. */
  cardLast4?: string;
  /** The card scheme as the terminal names it (`visa`, `mc`, ...), shown, never stored. */
  brand?: string;
  /** Why it was declined, in words for the guest. */
  message?: string;
  /** Why it was declined, for code. */
  reason?: DeclineReason;
  /** The tip taken on top of the amount (entered on the screen, or chosen by the guest on the terminal). */
  tip?: number;
  /** Approved offline (store-and-forward): the bank has not seen it yet. */
  offline?: boolean;
}

/** What the terminal knows of a sale it was asked for (by the edge's intent id). */
export interface TransactionStatus {
  /** `not-found`: the terminal never took this sale. */
  state: 'approved' | 'declined' | 'not-found';
  reference?: string;
  cardLast4?: string;
  brand?: string;
  /** The tip it took with the sale. */
  tip?: number;
  /** Approved offline (store-and-forward). */
  offline?: boolean;
}

export interface TerminalRefund {
  /** The reference of the sale it gives money back to. */
  reference: string;
  /** Minor units, at most what the sale took. */
  amount: number;
  currency: string;
}

/** The terminal's totals for the period a reconciliation closed. */
export interface Reconciliation {
  /** True when the terminal reached its acquirer: every sale it stored offline has been forwarded. */
  settled: boolean;
  /** The terminal's id of the period it closed. */
  period?: string;
  /** Totals by card scheme: sales and refunds (minor units). */
  totals: {
    brand: string;
    currency: string;
    sales: number;
    salesCount: number;
    refunds: number;
    refundsCount: number;
  }[];
  /** Why it could not settle, in words for a manager. */
  message?: string;
}

export interface PaymentTerminal {
  /** The driver's name, shown to staff. */
  readonly name: string;
  /** Take `amount` (plus a tip). Resolves with the result; rejects when the terminal's answer never came. */
  sale(request: SaleRequest): Promise<SaleResult>;
  /** Undo an approved sale the store could not record. Throws when the terminal could not. */
  reverse(reference: string): Promise<void>;
  /** Give `amount` back to the card of an earlier sale, by the sale's reference. */
  refund(request: TerminalRefund): Promise<SaleResult>;
  /** Stop a sale under way on the terminal (the guest has not finished yet). Resolves whatever became of it. */
  abort?(query: { intentId: string }): Promise<void>;
  /**
   * The outcome of a sale the edge lost track of (it restarted, or the answer was lost), if the
   * terminal can tell; terminals that cannot leave it out and such payments go to a person.
   */
  status?(query: { intentId: string; orderId: string; currency?: string }): Promise<TransactionStatus>;
  /** Close the terminal's period and forward what it stored offline; its totals. */
  reconcile?(): Promise<Reconciliation>;
}
