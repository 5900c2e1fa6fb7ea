/**
 * The Terminal API as published: Adyen's own encrypted example answer (./fixtures, from the
 * adyen-node-api-library's test mocks — see fixtures/README.md) decrypts with its published key
 * and reads as the approval it is; the library's NexoCrypto opens what the edge seals and the
 * other way round; a single changed bit is refused; requests have the shapes of Adyen's
 * documented examples ("Make a payment", "Refund a payment: ReversalRequest").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nexoCryptoModule from '@adyen/api-library/lib/src/security/nexoCrypto.js';
import { describe, expect, it } from 'vitest';
import { NexoCipher, NexoSecurityError, type NexoKey } from './nexo-crypto.js';
import {
  additionalResponse,
  fromNexoAmount,
  paymentRequest,
  paymentResponseSchema,
  requestHeader,
  reversalRequest,
  saleServiceId,
  saleToPoiResponseSchema,
  toNexoAmount,
} from './nexo-messages.js';
import {
  parseTerminalReference,
  reconciliationOf,
  saleOutcomeOf,
  statusOf,
  terminalReference,
  UntrustedAnswerError,
} from './nexo-results.js';

// CommonJS with `exports.default`: Vite hands the class, Node the module object.
type LibraryCrypto = typeof nexoCryptoModule.default;
const NexoCrypto: LibraryCrypto =
  'encrypt' in nexoCryptoModule ? (nexoCryptoModule as unknown as LibraryCrypto) : nexoCryptoModule.default;
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(fileURLToPath(import.meta.url), '..', 'fixtures', name), 'utf8')) as unknown;

/** The key of the library's local-communications test (terminalLocalAPI.spec.ts). */
const ADYEN_TEST_KEY: NexoKey = {
  keyIdentifier: 'CryptoKeyIdentifier12345',
  passphrase: 'p@ssw0rd123456',
  keyVersion: 1,
};
const published = fixture('adyen-local-encrypted-payment-response.json') as {
  SaleToPOIResponse: Record<string, unknown>;
};

const flip = (base64: string, at: number): string => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64');
};

describe("Adyen's published encrypted answer", () => {
  const cipher = new NexoCipher(ADYEN_TEST_KEY);

  it('decrypts with the published key and reads as an approved Mastercard ending 0010', () => {
    const answer = saleToPoiResponseSchema.parse(cipher.open(published.SaleToPOIResponse)).SaleToPOIResponse;
    expect(answer.MessageHeader).toMatchObject({ MessageCategory: 'Payment', POIID: 'P400Plus-275039202' });
    const payment = answer.PaymentResponse;
    if (!payment) throw new Error('no PaymentResponse');
    const { result } = saleOutcomeOf(payment, { intentId: '999', currency: 'EUR', total: 100 });
    // Exactly what leaves the driver: no masked PAN, no BIN, no expiry, no receipt.
    expect(result).toEqual({
      approved: true,
      reference: '4r7i001557325515012.8815573255107661@2019-05-08T14:25:15.000Z',
      cardLast4: '0010',
      brand: 'mc',
    });
  });

  it('is not believed for another payment, nor for a larger amount than it authorised', () => {
    const payment = saleToPoiResponseSchema.parse(cipher.open(published.SaleToPOIResponse)).SaleToPOIResponse
      .PaymentResponse;
    if (!payment) throw new Error('no PaymentResponse');
    expect(() => saleOutcomeOf(payment, { intentId: 'another-intent', currency: 'EUR' })).toThrow(UntrustedAnswerError);
    expect(() => saleOutcomeOf(payment, { intentId: '999', currency: 'USD' })).toThrow(/approved EUR, not USD/);
    const partial = saleOutcomeOf(payment, { intentId: '999', currency: 'EUR', total: 150 });
    expect(partial.result).toMatchObject({ approved: false, reason: 'declined' });
    expect(partial.reverse).toBe(partial.result.reference);
  });

  it('is refused when one bit of the blob, the nonce or the HMAC changes, or the key is another', () => {
    const secured = published.SaleToPOIResponse as { NexoBlob: string; SecurityTrailer: Record<string, unknown> };
    const trailer = secured.SecurityTrailer as { Nonce: string; Hmac: string };
    for (const tampered of [
      { ...secured, NexoBlob: flip(secured.NexoBlob, 200) },
      { ...secured, NexoBlob: flip(secured.NexoBlob, Buffer.from(secured.NexoBlob, 'base64').length - 1) },
      { ...secured, SecurityTrailer: { ...trailer, Nonce: flip(trailer.Nonce, 3) } },
      { ...secured, SecurityTrailer: { ...trailer, Hmac: flip(trailer.Hmac, 0) } },
    ]) {
      expect(() => cipher.open(tampered)).toThrow(NexoSecurityError);
    }
    expect(() => new NexoCipher({ ...ADYEN_TEST_KEY, passphrase: 'another passphrase' }).open(secured)).toThrow(
      /does not decrypt|HMAC/,
    );
    expect(() => new NexoCipher({ ...ADYEN_TEST_KEY, keyVersion: 2 }).open(secured)).toThrow(
      /version 1, not the store's/,
    );
  });
});

describe('the edge and the Adyen library encrypt alike', () => {
  const key: NexoKey = { keyIdentifier: 'tillbox-test', passphrase: 'correct horse battery', keyVersion: 3 };
  const library = {
    AdyenCryptoVersion: 1,
    KeyIdentifier: key.keyIdentifier,
    KeyVersion: key.keyVersion,
    Passphrase: key.passphrase,
  };
  const header = requestHeader('Payment', saleServiceId('0190e2c0-0000-7000-8000-000000000001'), {
    saleId: 'tillbox-demo-store',
    poiId: 'V400m-324688179',
  });
  const message = {
    SaleToPOIRequest: {
      MessageHeader: header,
      ...paymentRequest({ intentId: 'x', amount: 1563, currency: 'USD', allowOffline: false, at: 0 }),
    },
  };

  it('the library opens what the edge seals', () => {
    const sealed = new NexoCipher(key).seal(header, message);
    // The library's message classes type the header's enums as numbers; the wire has strings.
    expect(JSON.parse(new NexoCrypto().decrypt(sealed as never, library as never)) as unknown).toEqual(message);
  });

  it('the edge opens what the library seals', () => {
    const sealed = NexoCrypto.encrypt(header as never, JSON.stringify(message), library as never);
    expect(new NexoCipher(key).open(sealed)).toEqual(message);
  });

  it('the library refuses what the edge sealed once a bit of it changed', () => {
    const sealed = new NexoCipher(key).seal(header, message);
    const tampered = {
      ...sealed,
      SecurityTrailer: { ...sealed.SecurityTrailer, Hmac: flip(sealed.SecurityTrailer.Hmac, 5) },
    };
    expect(() => new NexoCrypto().decrypt(tampered as never, library as never)).toThrow('Hmac validation failed');
    expect(() => new NexoCipher(key).open(tampered)).toThrow(NexoSecurityError);
  });
});

describe('requests in the shapes of Adyen’s examples', () => {
  it('a payment: header, merchant reference, decimal amounts, a screen tip, no offline unless allowed', () => {
    const serviceId = saleServiceId('0190e2c0-0000-7000-8000-000000000001');
    expect(serviceId).toMatch(/^[a-z0-9]{10}$/);
    expect(saleServiceId('0190e2c0-0000-7000-8000-000000000001')).toBe(serviceId);
    expect(requestHeader('Payment', serviceId, { saleId: 'POSSystemID12345', poiId: 'V400m-324688179' })).toEqual({
      ProtocolVersion: '3.0',
      MessageClass: 'Service',
      MessageCategory: 'Payment',
      MessageType: 'Request',
      SaleID: 'POSSystemID12345',
      ServiceID: serviceId,
      POIID: 'V400m-324688179',
    });
    const at = Date.parse('2026-11-29T12:00:00.000Z');
    expect(
      paymentRequest({
        intentId: 'intent-1',
        amount: 1563,
        currency: 'USD',
        tip: { amount: 200 },
        allowOffline: false,
        at,
      }),
    ).toEqual({
      PaymentRequest: {
        SaleData: { SaleTransactionID: { TransactionID: 'intent-1', TimeStamp: '2026-11-29T12:00:00.000Z' } },
        PaymentTransaction: {
          AmountsReq: { Currency: 'USD', RequestedAmount: 15.63, TipAmount: 2 },
          TransactionConditions: { ForceOnlineFlag: true },
        },
      },
    });
    const prompt = paymentRequest({
      intentId: 'i',
      amount: 1000,
      currency: 'USD',
      tip: { prompt: { percentages: [15, 18, 20] } },
      allowOffline: true,
      at,
    });
    const sale = (prompt['PaymentRequest'] as { SaleData: { SaleToAcquirerData: string; SaleToPOIData: string } })
      .SaleData;
    expect(sale.SaleToAcquirerData).toBe('tenderOption=AskGratuity');
    expect(JSON.parse(Buffer.from(sale.SaleToPOIData, 'base64').toString())).toMatchObject({
      Operation: [
        { Type: 'Payment', TipOptions: { TipSuggestions: { Percentage1: 15, Percentage2: 18, Percentage3: 20 } } },
      ],
    });
    expect(JSON.stringify(prompt)).not.toContain('ForceOnlineFlag');
  });

  it('a refund: the documented ReversalRequest of the sale the stored reference names', () => {
    // The example of Adyen's "ReversalRequest" reference page.
    const original = { TransactionID: 'oLkO001503399575001.9815033996072250', TimeStamp: '2017-07-03T07:45:44.000Z' };
    expect(parseTerminalReference(terminalReference(original))).toEqual(original);
    expect(parseTerminalReference('VP-000001')).toBeUndefined();
    const body = reversalRequest({ original, amount: { value: 500, currency: 'EUR' }, refundId: 'r1', at: 0 });
    expect(body['ReversalRequest']).toMatchObject({
      OriginalPOITransaction: { POITransactionID: original },
      ReversalReason: 'MerchantCancel',
      ReversedAmount: 5,
      SaleData: { SaleToAcquirerData: 'currency=EUR' },
    });
  });

  it('converts amounts by the currency’s digits, to the cent', () => {
    expect([toNexoAmount(1563, 'USD'), toNexoAmount(1563, 'JPY'), toNexoAmount(1563, 'KWD')]).toEqual([
      15.63, 1563, 1.563,
    ]);
    expect([fromNexoAmount(0.29, 'USD'), fromNexoAmount(15.63, 'USD'), fromNexoAmount(1.563, 'KWD')]).toEqual([
      29, 1563, 1563,
    ]);
  });
});

describe('answers that are not approvals', () => {
  it("a forged Success with no transaction and no amount (the library's fixture) is never a payment", () => {
    const forged = fixture('adyen-payment-forged-success.json') as { SaleToPOIResponse: { PaymentResponse: unknown } };
    const payment = paymentResponseSchema.parse(forged.SaleToPOIResponse.PaymentResponse);
    expect(() => saleOutcomeOf(payment, { intentId: '001', currency: 'EUR' })).toThrow(UntrustedAnswerError);
  });

  it('UnreachableHost (the library’s fixture) is a decline the guest can act on', () => {
    const failed = fixture('adyen-payment-unreachable-host.json') as {
      SaleToPOIResponse: { PaymentResponse: unknown };
    };
    const payment = paymentResponseSchema.parse(failed.SaleToPOIResponse.PaymentResponse);
    expect(saleOutcomeOf(payment, { intentId: '001', currency: 'EUR' }).result).toEqual({
      approved: false,
      reference: '',
      reason: 'unavailable',
      message: expect.stringMatching(/cannot take card payments/),
    });
  });

  it.each([
    ['Refusal', 'refusalReason=Not%20enough%20balance', 'declined'],
    ['Cancel', 'message=SHOPPER_CANCELLED', 'cancelled'],
    ['Cancel', 'message=TIMEOUT&refusalReason=Shopper+did+not+present+card', 'timeout'],
    ['Aborted', 'message=CARD_REMOVED&refusalReason=Card+removed', 'card-removed'],
    ['Busy', 'message=Forbidden+Request', 'busy'],
  ])('%s with %s is %s', (ErrorCondition, AdditionalResponse, reason) => {
    const response = { Response: { Result: 'Failure' as const, ErrorCondition, AdditionalResponse } };
    expect(saleOutcomeOf(response, { intentId: 'x', currency: 'USD' }).result.reason).toBe(reason);
  });

  it('a TransactionStatus tells not-found, in-progress, and what the repeated answer was', () => {
    const failure = (ErrorCondition: string) => ({ Response: { Result: 'Failure' as const, ErrorCondition } });
    expect(statusOf(failure('NotFound'), { intentId: 'x', currency: 'USD' })).toEqual({
      status: { state: 'not-found' },
    });
    expect(statusOf(failure('InProgress'), { intentId: 'x', currency: 'USD' })).toBe('in-progress');
    expect(() => statusOf(failure('UnavailableService'), { intentId: 'x', currency: 'USD' })).toThrow(/could not tell/);
  });

  it('a reconciliation that cannot reach the acquirer settles nothing', () => {
    const r = reconciliationOf({
      Response: {
        Result: 'Failure',
        ErrorCondition: 'UnreachableHost',
        AdditionalResponse: 'message=Acquirer+unreachable',
      },
    });
    expect(r).toMatchObject({
      settled: false,
      totals: [],
      message: expect.stringMatching(/UnreachableHost: Acquirer unreachable/),
    });
  });

  it('reads AdditionalResponse form-encoded or as base64 JSON', () => {
    expect(additionalResponse('message=Terminal+is+not+reachable')).toEqual({ message: 'Terminal is not reachable' });
    const b64 = Buffer.from(
      JSON.stringify({ message: 'Declined', additionalData: { refusalReason: 'Refused' } }),
    ).toString('base64');
    expect(additionalResponse(b64)).toMatchObject({ message: 'Declined', refusalReason: 'Refused' });
  });
});
