/**
 * The virtual terminal's insides: what an Adyen terminal does with the Terminal API requests it
 * receives, answered in the same nexo messages — payments (with a tip prompt, a screen tip, and
 * store-and-forward when the bank cannot be reached), aborts, transaction status, referenced
 * refunds and reversals, and the reconciliation that closes a period and forwards what was
 * stored offline. What the next sales do (approve, decline, time out, be cancelled on the
 * terminal, have the card removed, go offline, lose their answer) is set through `control`.
 *
 * It holds no card numbers at all: a test card is a brand, a BIN and a last four.
 */
import type { VirtualTerminalBehaviour, VirtualTerminalControl, VirtualTerminalState } from '@tillbox/core';
import { fromNexoAmount, toNexoAmount, type TransactionIdentification } from './nexo-messages.js';
import {
  CARDS,
  failure,
  form,
  paymentSchema,
  pspReference,
  referenceSchema,
  reversalSchema,
} from './virtual-poi-wire.js';

/** What the server does with the answer: send it, send nothing (an abort), or drop the connection. */
export type PoiReply = { body: Record<string, unknown> } | { empty: true } | { drop: true };

export interface RequestHeader {
  MessageCategory: string;
  SaleID: string;
  ServiceID?: string | undefined;
  POIID: string;
  [key: string]: unknown;
}

interface Transaction {
  kind: 'payment' | 'refund';
  saleId: string;
  serviceId: string;
  merchantReference: string;
  /** Minor units, tip included. */
  amount: number;
  tip: number;
  currency: string;
  outcome: string;
  poi?: TransactionIdentification;
  brand?: string;
  cardLast4?: string;
  offline: boolean;
  forwarded: boolean;
  refunded: number;
  period: number;
  at: number;
  header?: Record<string, unknown>;
  reply?: Record<string, unknown>;
  abort?: () => void;
}

export interface VirtualPoiOptions {
  poiId: string;
  cardWaitMs?: number;
  timeoutMs?: number;
  tipPercent?: number;
  /** The largest sale (minor units, tip included) the terminal approves offline when asked to allow it. */
  offlineFloorLimit?: number;
}

export class VirtualPoi {
  private mode: VirtualTerminalBehaviour = 'approve';
  private next: VirtualTerminalBehaviour[] = [];
  private cardWaitMs: number;
  private timeoutMs: number;
  private tipPercent: number;
  private period = 1;
  private sequence = 0;
  private readonly txs: Transaction[] = [];
  /** Requests refused because they did not decrypt or authenticate (counted by the server). */
  refusedMessages = 0;

  constructor(private readonly options: VirtualPoiOptions) {
    this.cardWaitMs = options.cardWaitMs ?? 300;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.tipPercent = options.tipPercent ?? 0;
  }

  control(change: VirtualTerminalControl): VirtualTerminalState {
    if (change.mode !== undefined) this.mode = change.mode;
    if (change.next !== undefined) this.next = [...change.next];
    if (change.cardWaitMs !== undefined) this.cardWaitMs = change.cardWaitMs;
    if (change.timeoutMs !== undefined) this.timeoutMs = change.timeoutMs;
    if (change.tipPercent !== undefined) this.tipPercent = change.tipPercent;
    return this.state();
  }

  state(): VirtualTerminalState {
    return {
      poiId: this.options.poiId,
      mode: this.mode,
      next: [...this.next],
      cardWaitMs: this.cardWaitMs,
      timeoutMs: this.timeoutMs,
      tipPercent: this.tipPercent,
      inProgress: this.txs.some((t) => t.outcome === 'in-progress'),
      storedOffline: this.txs.filter((t) => t.offline && !t.forwarded).length,
      refusedMessages: this.refusedMessages,
      transactions: this.txs.slice(0, 50).map((t) => ({
        kind: t.kind,
        serviceId: t.serviceId,
        merchantReference: t.merchantReference,
        amount: t.amount,
        tip: t.tip,
        currency: t.currency,
        outcome: t.outcome,
        ...(t.poi ? { reference: `${t.poi.TransactionID}@${t.poi.TimeStamp}` } : {}),
        ...(t.brand ? { brand: t.brand } : {}),
        ...(t.cardLast4 ? { cardLast4: t.cardLast4 } : {}),
        offline: t.offline,
        forwarded: t.forwarded,
        at: new Date(t.at).toISOString(),
      })),
    };
  }

  /** Every sale still waiting for its guest ends as aborted (the terminal is switched off). */
  stop(): void {
    for (const t of this.txs) t.abort?.();
  }

  async handle(header: RequestHeader, request: Record<string, unknown>): Promise<PoiReply> {
    const reply = (body: Record<string, unknown>, h: Record<string, unknown> = this.header(header)) => ({
      body: { SaleToPOIResponse: { MessageHeader: h, ...body } },
    });
    switch (header.MessageCategory) {
      case 'Payment':
        return this.payment(header, request['PaymentRequest'], reply);
      case 'Abort': {
        const ref = referenceSchema.safeParse(request['AbortRequest']);
        const t = ref.success ? this.find(header.SaleID, ref.data.MessageReference.ServiceID) : undefined;
        if (t?.outcome === 'in-progress') t.abort?.();
        return { empty: true };
      }
      case 'TransactionStatus':
        return reply({ TransactionStatusResponse: this.status(header, request['TransactionStatusRequest']) });
      case 'Reversal':
        return reply({ ReversalResponse: this.reversal(header, request['ReversalRequest']) });
      case 'Reconciliation':
        return reply({ ReconciliationResponse: this.reconciliation() });
      default:
        return reply({
          [`${header.MessageCategory}Response`]: { Response: failure('NotAllowed', 'Not supported here') },
        });
    }
  }

  private header(h: RequestHeader): Record<string, unknown> {
    return { ...h, MessageType: 'Response', POIID: this.options.poiId };
  }

  private find(saleId: string, serviceId: string | undefined): Transaction | undefined {
    return this.txs.find(
      (t) => t.kind === 'payment' && t.saleId === saleId && (serviceId === undefined || t.serviceId === serviceId),
    );
  }

  private async payment(
    header: RequestHeader,
    raw: unknown,
    reply: (body: Record<string, unknown>, h?: Record<string, unknown>) => PoiReply,
  ): Promise<PoiReply> {
    const parsed = paymentSchema.safeParse(raw);
    if (!parsed.success) {
      return reply({
        PaymentResponse: {
          Response: failure('MessageFormat', `Invalid request: ${parsed.error.issues[0]?.message ?? ''}`),
        },
      });
    }
    const p = parsed.data;
    const saleData = { SaleTransactionID: p.SaleData.SaleTransactionID };
    if (this.txs.some((t) => t.outcome === 'in-progress')) {
      return reply({
        PaymentResponse: { Response: failure('Busy', 'Another payment is in progress'), SaleData: saleData },
      });
    }
    const { Currency: currency } = p.PaymentTransaction.AmountsReq;
    const amount = fromNexoAmount(p.PaymentTransaction.AmountsReq.RequestedAmount, currency);
    const asksTip = /(^|&)tenderOption=AskGratuity(&|$)/.test(p.SaleData.SaleToAcquirerData ?? '');
    const tip = asksTip
      ? Math.round((amount * this.tipPercent) / 100)
      : fromNexoAmount(p.PaymentTransaction.AmountsReq.TipAmount ?? 0, currency);
    const behaviour = this.next.shift() ?? this.mode;
    const tx: Transaction = {
      kind: 'payment',
      saleId: header.SaleID,
      serviceId: header.ServiceID ?? '',
      merchantReference: p.SaleData.SaleTransactionID.TransactionID,
      amount: amount + tip,
      tip,
      currency,
      outcome: 'in-progress',
      offline: false,
      forwarded: false,
      refunded: 0,
      period: this.period,
      at: Date.now(),
    };
    this.txs.unshift(tx);
    if (this.txs.length > 500) this.txs.pop();
    const waited = await this.wait(tx, behaviour === 'timeout' ? this.timeoutMs : this.cardWaitMs);
    tx.poi = {
      TransactionID: `VTRM${Date.now().toString(36).toUpperCase()}.${pspReference()}`,
      TimeStamp: new Date().toISOString(),
    };
    const base = {
      SaleData: saleData,
      POIData: { POITransactionID: tx.poi, POIReconciliationID: String(this.period) },
    };
    const refuse = (outcome: string, response: Record<string, unknown>) => {
      tx.outcome = outcome;
      return { ...base, Response: response };
    };
    let body: Record<string, unknown>;
    if (waited === 'aborted') body = refuse('aborted', failure('Aborted', 'Transaction aborted by the sale system'));
    else if (behaviour === 'decline') body = refuse('declined', failure('Refusal', 'DECLINED', 'Not enough balance'));
    else if (behaviour === 'timeout')
      body = refuse('timeout', failure('Cancel', 'TIMEOUT', 'Shopper did not present card'));
    else if (behaviour === 'cancel')
      body = refuse('cancelled', failure('Cancel', 'SHOPPER_CANCELLED', 'Shopper cancelled tx'));
    else if (behaviour === 'card-removed')
      body = refuse('card-removed', failure('Aborted', 'CARD_REMOVED', 'Card removed'));
    else if (
      behaviour === 'offline' &&
      (p.PaymentTransaction.TransactionConditions?.ForceOnlineFlag === true ||
        tx.amount > (this.options.offlineFloorLimit ?? 10_000))
    ) {
      body = refuse('unreachable', failure('UnreachableHost', 'Acquirer unreachable; offline approval not allowed'));
    } else body = this.approve(tx, behaviour === 'offline', base);
    tx.header = this.header(header);
    tx.reply = body;
    return behaviour === 'lost-answer' && tx.outcome === 'approved'
      ? { drop: true }
      : reply({ PaymentResponse: body }, tx.header);
  }

  private approve(tx: Transaction, offline: boolean, base: Record<string, unknown>): Record<string, unknown> {
    const card = CARDS[this.sequence++ % CARDS.length] ?? CARDS[0];
    Object.assign(tx, { outcome: 'approved', brand: card.brand, cardLast4: card.last4, offline });
    const psp = tx.poi?.TransactionID.split('.')[1] ?? '';
    return {
      ...base,
      Response: {
        Result: 'Success',
        AdditionalResponse: form({
          pspReference: psp,
          merchantReference: tx.merchantReference,
          paymentMethod: card.brand,
          cardSummary: card.last4,
          offline,
          authCode: offline ? 'OFFLINE' : String(100000 + (this.sequence % 900000)),
        }),
      },
      PaymentResult: {
        OnlineFlag: !offline,
        AmountsResp: {
          AuthorizedAmount: toNexoAmount(tx.amount, tx.currency),
          Currency: tx.currency,
          ...(tx.tip > 0 ? { TipAmount: toNexoAmount(tx.tip, tx.currency) } : {}),
        },
        PaymentInstrumentData: {
          PaymentInstrumentType: 'Card',
          CardData: {
            PaymentBrand: card.brand,
            MaskedPan: `${card.bin} **** ${card.last4}`,
            EntryMode: ['Contactless'],
          },
        },
        PaymentAcquirerData: { AcquirerPOIID: this.options.poiId, MerchantID: 'TillboxVirtualMerchant' },
      },
    };
  }

  /** Resolves `done` after `ms`, or `aborted` as soon as the sale is aborted. */
  private wait(tx: Transaction, ms: number): Promise<'done' | 'aborted'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        delete tx.abort;
        resolve('done');
      }, ms);
      tx.abort = () => {
        clearTimeout(timer);
        delete tx.abort;
        resolve('aborted');
      };
    });
  }

  private status(header: RequestHeader, raw: unknown): Record<string, unknown> {
    const ref = referenceSchema.safeParse(raw);
    const t = ref.success
      ? this.find(ref.data.MessageReference.SaleID ?? header.SaleID, ref.data.MessageReference.ServiceID)
      : undefined;
    if (!t) return { Response: failure('NotFound', 'No such transaction') };
    if (t.outcome === 'in-progress' || !t.reply)
      return { Response: failure('InProgress', 'The transaction is in progress') };
    return {
      Response: { Result: 'Success' },
      MessageReference: { MessageCategory: 'Payment', SaleID: t.saleId, ServiceID: t.serviceId },
      RepeatedMessageResponse: { MessageHeader: t.header, RepeatedResponseMessageBody: { PaymentResponse: t.reply } },
    };
  }

  private reversal(header: RequestHeader, raw: unknown): Record<string, unknown> {
    const parsed = reversalSchema.safeParse(raw);
    if (!parsed.success) return { Response: failure('MessageFormat', 'Invalid reversal request') };
    const original = parsed.data.OriginalPOITransaction.POITransactionID.TransactionID;
    const sale = this.txs.find(
      (t) => t.kind === 'payment' && t.poi?.TransactionID === original && t.outcome === 'approved',
    );
    if (!sale) return { Response: failure('NotFound', 'No approved transaction with this id') };
    const left = sale.amount - sale.refunded;
    const amount =
      parsed.data.ReversedAmount === undefined ? left : fromNexoAmount(parsed.data.ReversedAmount, sale.currency);
    if (amount <= 0 || amount > left)
      return { Response: failure('NotAllowed', 'More than is left of the transaction') };
    sale.refunded += amount;
    const poi = {
      TransactionID: `VTRF${Date.now().toString(36).toUpperCase()}.${pspReference()}`,
      TimeStamp: new Date().toISOString(),
    };
    this.txs.unshift({
      kind: 'refund',
      saleId: header.SaleID,
      serviceId: header.ServiceID ?? '',
      merchantReference: original,
      amount,
      tip: 0,
      currency: sale.currency,
      outcome: 'approved',
      poi,
      ...(sale.brand ? { brand: sale.brand } : {}),
      ...(sale.cardLast4 ? { cardLast4: sale.cardLast4 } : {}),
      offline: this.mode === 'offline',
      forwarded: false,
      refunded: 0,
      period: this.period,
      at: Date.now(),
    });
    return {
      Response: { Result: 'Success' },
      POIData: { POITransactionID: poi },
      ReversedAmount: toNexoAmount(amount, sale.currency),
    };
  }

  private reconciliation(): Record<string, unknown> {
    if (this.mode === 'offline') {
      return { ReconciliationType: 'SaleReconciliation', Response: failure('UnreachableHost', 'Acquirer unreachable') };
    }
    const closing = this.period;
    const inPeriod = this.txs.filter((t) => t.period === closing && t.outcome === 'approved');
    for (const t of this.txs) if (t.offline) t.forwarded = true;
    this.period += 1;
    const groups = new Map<string, Transaction[]>();
    for (const t of inPeriod)
      groups.set(`${t.brand ?? 'card'}|${t.currency}`, [
        ...(groups.get(`${t.brand ?? 'card'}|${t.currency}`) ?? []),
        t,
      ]);
    return {
      ReconciliationType: 'SaleReconciliation',
      POIReconciliationID: String(closing),
      Response: { Result: 'Success' },
      TransactionTotals: [...groups.entries()].map(([key, txs]) => {
        const [brand = 'card', currency = 'USD'] = key.split('|');
        const of = (kind: Transaction['kind']) => txs.filter((t) => t.kind === kind);
        const total = (kind: Transaction['kind']) =>
          toNexoAmount(
            of(kind).reduce((n, t) => n + t.amount, 0),
            currency,
          );
        return {
          PaymentInstrumentType: 'Card',
          CardBrand: brand,
          PaymentCurrency: currency,
          PaymentTotals: [
            { TransactionType: 'Debit', TransactionCount: of('payment').length, TransactionAmount: total('payment') },
            { TransactionType: 'Credit', TransactionCount: of('refund').length, TransactionAmount: total('refund') },
          ],
        };
      }),
    };
  }
}
