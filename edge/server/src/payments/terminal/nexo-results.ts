/**
 * What the terminal's answers mean for the store, as pure functions: an approval (the terminal's
 * reference, brand, last four, the tip, whether it was approved offline), or a decline with the
 * reason the guest and the staff see. An approval is believed only when it is complete: it names
 * this payment (the intent id as merchant reference), carries the terminal's transaction id and
 * the amount it authorised — anything less is not a payment.
 */
import { TillboxError } from '@tillbox/core';
import type { DeclineReason, Reconciliation, SaleResult, TransactionStatus } from '../payment-terminal.js';
import {
  additionalResponse,
  fromNexoAmount,
  type NexoResponse,
  type PaymentResponse,
  type TransactionIdentification,
} from './nexo-messages.js';

/**
 * The reference the store keeps for a sale: the terminal's transaction id and its time stamp,
 * both needed to refund it (`OriginalPOITransaction.POITransactionID`).
 */
export function terminalReference(id: TransactionIdentification): string {
  return `${id.TransactionID}@${id.TimeStamp}`;
}

/** The transaction a stored reference names, or undefined when it is not one of this driver's. */
export function parseTerminalReference(reference: string): TransactionIdentification | undefined {
  const at = reference.lastIndexOf('@');
  if (at <= 0 || at === reference.length - 1) return undefined;
  return { TransactionID: reference.slice(0, at), TimeStamp: reference.slice(at + 1) };
}

/** An answer that cannot be believed: the edge acts as if no answer came (and asks again). */
export class UntrustedAnswerError extends TillboxError {
  constructor(message: string) {
    super('device-unavailable', message);
    this.name = 'UntrustedAnswerError';
  }
}

const WORDS: Readonly<Record<DeclineReason, string>> = {
  declined: 'Card declined. Try another card or pay another way.',
  cancelled: 'The payment was cancelled on the card terminal. Nothing was charged.',
  'card-removed':
    'The card was removed before the terminal finished. Nothing was charged: insert it again and leave it in until the terminal says so.',
  timeout: 'No card was presented in time. Nothing was charged: try again.',
  busy: 'The card terminal is busy with another payment. Try again in a moment.',
  unavailable: 'The card terminal cannot take card payments right now. Take another tender or try again.',
};

export function declineWords(reason: DeclineReason): string {
  return WORDS[reason];
}

/** Why a `Failure` answer failed, from its ErrorCondition (what Adyen says to code against) and message. */
export function declineReasonOf(response: NexoResponse): DeclineReason {
  const extra = additionalResponse(response.AdditionalResponse);
  const said = `${extra['message'] ?? ''} ${extra['refusalReason'] ?? ''}`;
  if (/card.?removed/i.test(said)) return 'card-removed';
  if (/time.?out|did not present|no card/i.test(said)) return 'timeout';
  switch (response.ErrorCondition) {
    case 'Cancel':
    case 'Aborted':
      return 'cancelled';
    case 'Busy':
    case 'InProgress':
      return 'busy';
    case 'Refusal':
    case 'InvalidCard':
    case 'WrongPIN':
    case 'WrongPin':
    case 'PaymentRestriction':
    case 'NotAllowed':
      return 'declined';
    default:
      return 'unavailable';
  }
}

/** The last four digits of a masked card number as terminals write it (`541333 **** 0010`). */
export function lastFourOf(masked: string | undefined, summary: string | undefined): string | undefined {
  const digits = /(\d{4})\s*$/.exec(masked ?? '')?.[1];
  if (digits) return digits;
  return summary && /^\d{4}$/.test(summary) ? summary : undefined;
}

export interface SaleExpectation {
  intentId: string;
  currency: string;
  /** What the sale asked for, minor units, tip included; absent when unknown (a status query). */
  total?: number;
  /** Whether the sale allowed an offline approval (for the words of an unreachable bank). */
  allowOffline?: boolean;
}

export interface SaleOutcome {
  result: SaleResult;
  /** A partial approval to give back at once (the terminal approved less than asked). */
  reverse?: string;
}

/** A PaymentResponse (direct, or repeated by a TransactionStatus) as the store's result. */
export function saleOutcomeOf(response: PaymentResponse, expect: SaleExpectation): SaleOutcome {
  const poi = response.POIData?.POITransactionID;
  const reference = poi ? terminalReference(poi) : '';
  const { Result } = response.Response;
  if (Result === 'Failure') {
    const reason = declineReasonOf(response.Response);
    const message =
      response.Response.ErrorCondition === 'UnreachableHost' && expect.allowOffline === false
        ? 'The card terminal cannot reach the bank, and this payment is over what the store takes offline. Take another tender or try again later.'
        : WORDS[reason];
    return { result: { approved: false, reference, reason, message } };
  }
  const merchantReference = response.SaleData?.SaleTransactionID.TransactionID;
  if (merchantReference !== expect.intentId) {
    throw new UntrustedAnswerError(
      merchantReference === undefined
        ? 'The terminal answered an approval that names no payment'
        : 'The terminal answered an approval for another payment',
    );
  }
  const amounts = response.PaymentResult?.AmountsResp;
  if (!poi || !amounts) {
    throw new UntrustedAnswerError('The terminal answered an approval without its transaction id or amount');
  }
  if (amounts.Currency !== undefined && amounts.Currency !== expect.currency) {
    throw new UntrustedAnswerError(`The terminal approved ${amounts.Currency}, not ${expect.currency}`);
  }
  const authorised = fromNexoAmount(amounts.AuthorizedAmount, expect.currency);
  if (Result === 'Partial' || (expect.total !== undefined && authorised < expect.total)) {
    return {
      result: {
        approved: false,
        reference,
        reason: 'declined',
        message: 'The card approved only part of the amount; it was given back. Try another card or pay another way.',
      },
      reverse: reference,
    };
  }
  const extra = additionalResponse(response.Response.AdditionalResponse);
  const card = response.PaymentResult?.PaymentInstrumentData?.CardData;
  const cardLast4 = lastFourOf(card?.MaskedPan, extra['cardSummary']);
  const brand = card?.PaymentBrand ?? extra['paymentMethod'];
  const tip = amounts.TipAmount !== undefined ? fromNexoAmount(amounts.TipAmount, expect.currency) : 0;
  const offline = response.PaymentResult?.OnlineFlag === false || extra['offline'] === 'true';
  return {
    result: {
      approved: true,
      reference,
      ...(cardLast4 ? { cardLast4 } : {}),
      ...(brand ? { brand } : {}),
      ...(tip > 0 ? { tip } : {}),
      ...(offline ? { offline: true } : {}),
    },
  };
}

/** A TransactionStatus answer: what became of the sale, `in-progress`, or a throw when the terminal cannot tell. */
export function statusOf(
  response: {
    Response: NexoResponse;
    RepeatedMessageResponse?:
      { RepeatedResponseMessageBody: { PaymentResponse?: PaymentResponse | undefined } } | undefined;
  },
  expect: SaleExpectation,
): { status: TransactionStatus; reverse?: string } | 'in-progress' {
  const { Result, ErrorCondition } = response.Response;
  if (Result !== 'Success') {
    if (ErrorCondition === 'NotFound') return { status: { state: 'not-found' } };
    if (ErrorCondition === 'InProgress') return 'in-progress';
    throw new TillboxError(
      'device-unavailable',
      `The terminal could not tell what became of the payment (${ErrorCondition ?? 'no reason'})`,
    );
  }
  const repeated = response.RepeatedMessageResponse?.RepeatedResponseMessageBody.PaymentResponse;
  if (!repeated) throw new UntrustedAnswerError('The terminal answered the status without the payment it repeats');
  const { result, reverse } = saleOutcomeOf(repeated, expect);
  if (!result.approved) {
    return {
      status: { state: 'declined', ...(result.reference ? { reference: result.reference } : {}) },
      ...(reverse ? { reverse } : {}),
    };
  }
  const { approved: _approved, message: _message, reason: _reason, ...rest } = result;
  return { status: { state: 'approved', ...rest } };
}

/** A ReconciliationResponse as the store's totals. */
export function reconciliationOf(response: {
  Response: NexoResponse;
  POIReconciliationID?: string | number | undefined;
  TransactionTotals?:
    | {
        PaymentCurrency?: string | undefined;
        CardBrand?: string | undefined;
        ErrorCondition?: string | undefined;
        PaymentTotals?: { TransactionType: string; TransactionCount: number; TransactionAmount: number }[] | undefined;
      }[]
    | undefined;
}): Reconciliation {
  const period = response.POIReconciliationID === undefined ? {} : { period: String(response.POIReconciliationID) };
  if (response.Response.Result !== 'Success') {
    const extra = additionalResponse(response.Response.AdditionalResponse);
    return {
      settled: false,
      totals: [],
      ...period,
      message: `The terminal could not reconcile (${response.Response.ErrorCondition ?? 'no reason'}${extra['message'] ? `: ${extra['message']}` : ''}); payments it stored offline stay pending.`,
    };
  }
  const groups = response.TransactionTotals ?? [];
  const unreached = groups.find((g) => g.ErrorCondition !== undefined);
  const totals = groups.map((g) => {
    const currency = g.PaymentCurrency ?? 'XXX';
    const sum = (type: string) => (g.PaymentTotals ?? []).filter((t) => t.TransactionType === type);
    const amount = (type: string) =>
      sum(type).reduce((n, t) => n + fromNexoAmount(t.TransactionAmount, currency === 'XXX' ? 'USD' : currency), 0);
    const count = (type: string) => sum(type).reduce((n, t) => n + t.TransactionCount, 0);
    return {
      brand: g.CardBrand ?? 'all',
      currency,
      sales: amount('Debit') - amount('ReverseDebit'),
      salesCount: count('Debit'),
      refunds: amount('Credit') - amount('ReverseCredit'),
      refundsCount: count('Credit'),
    };
  });
  return {
    settled: unreached === undefined,
    totals,
    ...period,
    ...(unreached
      ? {
          message: `The terminal could not reach its acquirer (${unreached.ErrorCondition}); payments it stored offline stay pending.`,
        }
      : {}),
  };
}
