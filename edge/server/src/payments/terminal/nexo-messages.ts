/**
 * The nexo Sale-to-POI messages the edge sends and reads (Terminal API 3.0, JSON): requests are
 * built here and typed; responses are parsed by zod schemas of the fields the edge uses — every
 * other field (receipts, `SensitiveCardData`, ...) is dropped at the door and never reaches a
 * log or the database. Amounts on the wire are decimals in major units (15.63), converted from
 * and to the edge's minor units by the currency's number of digits.
 */
import { createHash, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { NexoHeader } from './nexo-crypto.js';

/** Digits after the decimal point of a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units → the wire's decimal amount. */
export function toNexoAmount(minor: number, currency: string): number {
  const digits = currencyDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

/** The wire's decimal amount → minor units (rounded to the nearest: 15.63 is 1563, never 1562.9999). */
export function fromNexoAmount(major: number, currency: string): number {
  return Math.round(major * 10 ** currencyDigits(currency));
}

export interface NexoIds {
  /** Our id as the sale system (`SaleID`). */
  saleId: string;
  /** The terminal's id: `[model]-[serial number]`, e.g. `V400m-324688179`. */
  poiId: string;
}

export interface TransactionIdentification {
  TransactionID: string;
  TimeStamp: string;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The `ServiceID` of a sale: 1–10 alphanumeric characters, unique on the terminal for 48 hours,
 * made from the payment intent's id so the edge finds the sale again after a restart.
 */
export function saleServiceId(intentId: string): string {
  const digest = createHash('sha256').update(intentId).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHANUMERIC[(digest[i] ?? 0) % ALPHANUMERIC.length] ?? 'a';
  return out;
}

/** A fresh `ServiceID` for a request that is not a sale. */
export function randomServiceId(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)] ?? 'a';
  return out;
}

export function requestHeader(category: string, serviceId: string, ids: NexoIds): NexoHeader {
  return {
    ProtocolVersion: '3.0',
    MessageClass: 'Service',
    MessageCategory: category,
    MessageType: 'Request',
    SaleID: ids.saleId,
    ServiceID: serviceId,
    POIID: ids.poiId,
  };
}

/** What a sale asks for. */
export interface PaymentRequestInput {
  intentId: string;
  amount: number;
  currency: string;
  /** A tip entered on the screen, or the percentages the terminal suggests when it asks the guest. */
  tip?: { amount: number } | { prompt: { percentages: readonly number[] } };
  allowOffline: boolean;
  at: number;
}

/**
 * A PaymentRequest. The intent id is the merchant reference (`SaleTransactionID.TransactionID`).
 * A screen tip goes in `TipAmount` beside `RequestedAmount`; a tip prompt is Adyen's
 * `tenderOption=AskGratuity` with the suggestions in a base64 `Operation` (SaleToPOIData).
 * `ForceOnlineFlag` forbids an offline (store-and-forward) approval.
 */
export function paymentRequest(input: PaymentRequestInput): Record<string, unknown> {
  const { currency } = input;
  const tip = input.tip;
  const prompt = tip && 'prompt' in tip ? tip.prompt.percentages : undefined;
  const operation = prompt && {
    Operation: [
      {
        Type: 'Payment',
        TipOptions: {
          TipSuggestions: Object.fromEntries(prompt.slice(0, 3).map((p, i) => [`Percentage${i + 1}`, p])),
          AllowCustomAmount: true,
        },
      },
    ],
  };
  return {
    PaymentRequest: {
      SaleData: {
        SaleTransactionID: { TransactionID: input.intentId, TimeStamp: new Date(input.at).toISOString() },
        ...(prompt ? { SaleToAcquirerData: 'tenderOption=AskGratuity' } : {}),
        ...(operation ? { SaleToPOIData: Buffer.from(JSON.stringify(operation)).toString('base64') } : {}),
      },
      PaymentTransaction: {
        AmountsReq: {
          Currency: currency,
          RequestedAmount: toNexoAmount(input.amount, currency),
          ...(tip && 'amount' in tip && tip.amount > 0 ? { TipAmount: toNexoAmount(tip.amount, currency) } : {}),
        },
        ...(input.allowOffline ? {} : { TransactionConditions: { ForceOnlineFlag: true } }),
      },
    },
  };
}

/** Ask what became of the sale sent with `serviceId` (its answer is repeated when it is done). */
export function transactionStatusRequest(serviceId: string, ids: NexoIds): Record<string, unknown> {
  return {
    TransactionStatusRequest: {
      MessageReference: { MessageCategory: 'Payment', SaleID: ids.saleId, ServiceID: serviceId },
    },
  };
}

/** Stop the sale sent with `serviceId` while the guest has not finished. */
export function abortRequest(serviceId: string, ids: NexoIds): Record<string, unknown> {
  return {
    AbortRequest: {
      AbortReason: 'MerchantAbort',
      MessageReference: { MessageCategory: 'Payment', SaleID: ids.saleId, ServiceID: serviceId },
    },
  };
}

/**
 * A ReversalRequest: the whole sale undone (no amount), or a referenced refund of `amount` (Adyen
 * wants the currency in `SaleToAcquirerData` with a partial amount).
 */
export function reversalRequest(input: {
  original: TransactionIdentification;
  amount?: { value: number; currency: string };
  refundId: string;
  at: number;
}): Record<string, unknown> {
  return {
    ReversalRequest: {
      OriginalPOITransaction: { POITransactionID: input.original },
      ReversalReason: 'MerchantCancel',
      ...(input.amount ? { ReversedAmount: toNexoAmount(input.amount.value, input.amount.currency) } : {}),
      SaleData: {
        SaleTransactionID: { TransactionID: input.refundId, TimeStamp: new Date(input.at).toISOString() },
        ...(input.amount ? { SaleToAcquirerData: `currency=${input.amount.currency}` } : {}),
      },
    },
  };
}

/** Close the terminal's period: its totals, and what it stored offline goes to the acquirer. */
export function reconciliationRequest(): Record<string, unknown> {
  return { ReconciliationRequest: { ReconciliationType: 'SaleReconciliation' } };
}

// ---- responses: only the fields the edge reads ----

const text = (max: number) => z.string().max(max);
export const transactionIdSchema = z.object({ TransactionID: text(128).min(1), TimeStamp: text(64) });

export const responseSchema = z.object({
  Result: z.enum(['Success', 'Failure', 'Partial']),
  ErrorCondition: text(64).optional(),
  AdditionalResponse: text(16_384).optional(),
});
export type NexoResponse = z.infer<typeof responseSchema>;

export const paymentResponseSchema = z.object({
  Response: responseSchema,
  SaleData: z.object({ SaleTransactionID: transactionIdSchema }).optional(),
  POIData: z.object({ POITransactionID: transactionIdSchema }).optional(),
  PaymentResult: z
    .object({
      OnlineFlag: z.boolean().optional(),
      AmountsResp: z
        .object({
          AuthorizedAmount: z.number().nonnegative(),
          TipAmount: z.number().nonnegative().optional(),
          Currency: text(3).optional(),
        })
        .optional(),
      PaymentInstrumentData: z
        .object({
          CardData: z.object({ MaskedPan: text(40).optional(), PaymentBrand: text(40).optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type PaymentResponse = z.infer<typeof paymentResponseSchema>;

export const reversalResponseSchema = z.object({
  Response: responseSchema,
  POIData: z.object({ POITransactionID: transactionIdSchema }).optional(),
});

export const transactionStatusResponseSchema = z.object({
  Response: responseSchema,
  RepeatedMessageResponse: z
    .object({ RepeatedResponseMessageBody: z.object({ PaymentResponse: paymentResponseSchema.optional() }) })
    .optional(),
});

const paymentTotalsSchema = z.object({
  TransactionType: text(40),
  TransactionCount: z.number().int().nonnegative(),
  TransactionAmount: z.number(),
});
export const reconciliationResponseSchema = z.object({
  Response: responseSchema,
  POIReconciliationID: z.union([text(40), z.number()]).optional(),
  TransactionTotals: z
    .array(
      z.object({
        PaymentCurrency: text(3).optional(),
        CardBrand: text(40).optional(),
        ErrorCondition: text(64).optional(),
        PaymentTotals: z.array(paymentTotalsSchema).max(50).optional(),
      }),
    )
    .max(200)
    .optional(),
});

const headerSchema = z.object({
  MessageCategory: text(40),
  MessageType: text(40),
  ServiceID: text(10).optional(),
  SaleID: text(128).optional(),
  POIID: text(64).optional(),
});

/** A decrypted answer of the terminal: its header and the one body the edge asked for. */
export const saleToPoiResponseSchema = z.object({
  SaleToPOIResponse: z.object({
    MessageHeader: headerSchema,
    PaymentResponse: paymentResponseSchema.optional(),
    ReversalResponse: reversalResponseSchema.optional(),
    TransactionStatusResponse: transactionStatusResponseSchema.optional(),
    ReconciliationResponse: reconciliationResponseSchema.optional(),
  }),
});
export type SaleToPoiResponse = z.infer<typeof saleToPoiResponseSchema>['SaleToPOIResponse'];

/** What a terminal sends when it refuses a message outright (it could not read or decrypt it). */
export const eventNotificationSchema = z.object({
  SaleToPOIRequest: z.object({
    EventNotification: z.object({ EventToNotify: text(64), EventDetails: text(4096).optional() }),
  }),
});

/** The key/value pairs of an `AdditionalResponse` (form-encoded, or base64 JSON as Adyen also sends). */
export function additionalResponse(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  const out: Record<string, string> = {};
  const compact = raw.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    try {
      const json = JSON.parse(Buffer.from(compact, 'base64').toString('utf8')) as unknown;
      if (json && typeof json === 'object') {
        const extra = (json as { additionalData?: object }).additionalData ?? {};
        for (const [k, v] of Object.entries({ ...(json as Record<string, unknown>), ...extra })) {
          if (typeof v === 'string') out[k] = v;
        }
        return out;
      }
    } catch {
      // not base64 JSON: read it as a form
    }
  }
  for (const [k, v] of new URLSearchParams(compact)) out[k] = v;
  return out;
}
