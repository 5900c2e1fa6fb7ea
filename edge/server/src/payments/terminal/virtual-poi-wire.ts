/**
 * What the virtual terminal reads and writes besides its state: the requests it accepts (zod),
 * the `Response` of a failure with its form-encoded `AdditionalResponse`, PSP references, and its
 * test cards — a brand, a BIN and a last four, never a card number.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export const CARDS = [
  { brand: 'visa', bin: '411111', last4: '1111' },
  { brand: 'mc', bin: '555555', last4: '4444' },
  { brand: 'amex', bin: '378282', last4: '0005' },
] as const;

const id = z.object({ TransactionID: z.string().min(1).max(128), TimeStamp: z.string().max(64) });
export const paymentSchema = z.object({
  SaleData: z.object({
    SaleTransactionID: id,
    SaleToAcquirerData: z.string().max(4096).optional(),
  }),
  PaymentTransaction: z.object({
    AmountsReq: z.object({
      Currency: z.string().regex(/^[A-Z]{3}$/),
      RequestedAmount: z.number().positive(),
      TipAmount: z.number().nonnegative().optional(),
    }),
    TransactionConditions: z.object({ ForceOnlineFlag: z.boolean().optional() }).optional(),
  }),
});
export const referenceSchema = z.object({
  MessageReference: z.object({ SaleID: z.string().optional(), ServiceID: z.string().optional() }),
});
export const reversalSchema = z.object({
  OriginalPOITransaction: z.object({ POITransactionID: id }),
  ReversedAmount: z.number().positive().optional(),
});

export const form = (pairs: Record<string, string | number | boolean>) =>
  new URLSearchParams(Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k, String(v)]))).toString();
export const failure = (ErrorCondition: string, message: string, refusalReason?: string) => ({
  Result: 'Failure',
  ErrorCondition,
  AdditionalResponse: form({ message, ...(refusalReason ? { refusalReason } : {}) }),
});
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A PSP reference like Adyen's newer ones: 16 letters and digits (never a long run of digits). */
export const pspReference = () => [...randomBytes(16)].map((b) => ALNUM[b % ALNUM.length]).join('');
