/**
 * The Adyen Terminal API over local communications: nexo Sale-to-POI JSON, encrypted with the
 * shared key (./nexo-crypto.ts), POSTed over HTTPS to the terminal's `/nexo` endpoint on port
 * 8443. The terminal's certificate must chain to the CA given (Adyen's root certificate for a
 * real terminal, the virtual terminal's own one) and carry the terminal's common name
 * (`[POIID].test|live.terminal.adyen.com`, or Adyen's legacy name).
 *
 * A sale whose answer does not come in time is aborted on the terminal and then asked after
 * (TransactionStatus): a card tapped at the last moment is still found, a sale never taken is a
 * timeout. A sale whose connection broke rejects, and the payment service asks the terminal
 * the same way. Nothing of the card but its brand and last four leaves this module, and no
 * message body is ever logged.
 */
import { TillboxError } from '@tillbox/core';
import type { Logger } from 'pino';
import type {
  PaymentTerminal,
  Reconciliation,
  SaleRequest,
  SaleResult,
  TerminalRefund,
  TransactionStatus,
} from '../payment-terminal.js';
import { NexoCipher, NexoSecurityError, type NexoKey } from './nexo-crypto.js';
import {
  abortRequest,
  eventNotificationSchema,
  paymentRequest,
  randomServiceId,
  reconciliationRequest,
  requestHeader,
  reversalRequest,
  saleServiceId,
  saleToPoiResponseSchema,
  transactionStatusRequest,
  type NexoIds,
  type SaleToPoiResponse,
} from './nexo-messages.js';
import { NexoTransport, NoAnswerError } from './nexo-transport.js';
import { declineWords, parseTerminalReference, reconciliationOf, saleOutcomeOf, statusOf } from './nexo-results.js';

export interface AdyenTerminalOptions {
  /** `https://host:8443/nexo`. */
  url: string;
  ids: NexoIds;
  key: NexoKey;
  /** PEM of the certificate authority the terminal's certificate must chain to. */
  ca: string;
  /** How long a sale may take on the terminal (the guest finds a card, enters a PIN) before it is aborted. */
  saleTimeoutMs: number;
  /** How long any other request may take. */
  requestTimeoutMs: number;
  log: Logger;
}

/** The terminal as the device hub shows it. */
export interface TerminalState {
  state: 'ready' | 'offline' | 'error';
  lastError?: string;
  lastErrorAt?: number;
  checkedAt?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AdyenTerminal implements PaymentTerminal {
  readonly name = 'adyen-terminal-api';
  private readonly cipher: NexoCipher;
  private readonly transport: NexoTransport;
  private current: TerminalState = { state: 'ready' };

  constructor(private readonly options: AdyenTerminalOptions) {
    this.cipher = new NexoCipher(options.key);
    this.transport = new NexoTransport({ url: options.url, ca: options.ca, poiId: options.ids.poiId });
  }

  get state(): TerminalState {
    return this.current;
  }

  start(): void {
    this.transport.start();
  }

  /** Drops every request under way (as a crash would: the terminal is not told) and the connections. */
  stop(): void {
    this.transport.stop();
  }

  async sale(request: SaleRequest): Promise<SaleResult> {
    const { intentId, currency } = request;
    const serviceId = saleServiceId(intentId);
    const screenTip = request.tip && 'amount' in request.tip ? request.tip.amount : 0;
    const body = paymentRequest({
      intentId,
      amount: request.amount,
      currency,
      ...(request.tip ? { tip: request.tip } : {}),
      allowOffline: request.allowOffline ?? false,
      at: Date.now(),
    });
    let answer: SaleToPoiResponse | undefined;
    try {
      answer = await this.exchange('Payment', serviceId, body, this.options.saleTimeoutMs);
    } catch (err) {
      if (err instanceof NoAnswerError && !err.delivered) {
        // The request never reached the terminal: nothing can have been charged.
        this.options.log.warn({ intentId, err: err.message }, 'card terminal not reached; nothing charged');
        return {
          approved: false,
          reference: '',
          reason: 'unavailable',
          message: `${err.message}. Nothing was charged: check that it is on and connected, or take another tender.`,
        };
      }
      if (err instanceof NoAnswerError && err.timedOut) return this.afterTimeout(request);
      throw err;
    }
    const payment = answer?.PaymentResponse;
    if (!payment) throw new TillboxError('device-unavailable', 'The terminal answered the payment without a result');
    const { result, reverse } = saleOutcomeOf(payment, {
      intentId,
      currency,
      total: request.amount + screenTip,
      allowOffline: request.allowOffline ?? false,
    });
    if (reverse) await this.reverseQuietly(reverse);
    this.options.log.info(
      {
        intentId,
        approved: result.approved,
        ...(result.reason ? { reason: result.reason } : {}),
        ...(result.offline ? { offline: true } : {}),
        reference: result.reference,
      },
      'card terminal answered a sale',
    );
    return result;
  }

  /** The sale took too long: abort it on the terminal, then ask what became of it. */
  private async afterTimeout(request: SaleRequest): Promise<SaleResult> {
    await this.abort({ intentId: request.intentId }).catch(() => {});
    const outcome = await this.status({
      intentId: request.intentId,
      orderId: request.orderId,
      currency: request.currency,
    });
    if (outcome.state === 'approved' && outcome.reference) {
      const { state: _state, ...rest } = outcome;
      return { approved: true, reference: outcome.reference, ...rest };
    }
    return { approved: false, reference: outcome.reference ?? '', reason: 'timeout', message: declineWords('timeout') };
  }

  async abort(query: { intentId: string }): Promise<void> {
    await this.exchange(
      'Abort',
      randomServiceId(),
      abortRequest(saleServiceId(query.intentId), this.options.ids),
      this.options.requestTimeoutMs,
    );
  }

  async status(query: { intentId: string; orderId: string; currency?: string }): Promise<TransactionStatus> {
    const serviceId = saleServiceId(query.intentId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await this.exchange(
        'TransactionStatus',
        randomServiceId(),
        transactionStatusRequest(serviceId, this.options.ids),
        this.options.requestTimeoutMs,
      );
      const response = answer?.TransactionStatusResponse;
      if (!response)
        throw new TillboxError('device-unavailable', 'The terminal answered the status query without a status');
      const currency =
        query.currency ??
        response.RepeatedMessageResponse?.RepeatedResponseMessageBody.PaymentResponse?.PaymentResult?.AmountsResp
          ?.Currency ??
        'USD';
      const outcome = statusOf(response, { intentId: query.intentId, currency });
      if (outcome === 'in-progress') {
        // The guest is still at the terminal, and the edge has stopped waiting: stop it there.
        if (attempt === 0) await this.abort(query).catch(() => {});
        await sleep(250 * (attempt + 1));
        continue;
      }
      if (outcome.reverse) await this.reverseQuietly(outcome.reverse);
      this.options.log.info(
        { intentId: query.intentId, state: outcome.status.state },
        'card terminal told a sale’s outcome',
      );
      return outcome.status;
    }
    throw new TillboxError('device-unavailable', 'The terminal still has the payment in progress');
  }

  async reverse(reference: string): Promise<void> {
    const original = parseTerminalReference(reference);
    if (!original) throw new TillboxError('validation', `${reference} is not a reference of this terminal`);
    const answer = await this.exchange(
      'Reversal',
      randomServiceId(),
      reversalRequest({ original, refundId: randomServiceId(), at: Date.now() }),
      this.options.requestTimeoutMs,
    );
    const response = answer?.ReversalResponse?.Response;
    if (response?.Result !== 'Success') {
      throw new TillboxError(
        'device-unavailable',
        `The terminal did not reverse ${reference} (${response?.ErrorCondition ?? 'no answer'})`,
      );
    }
  }

  private async reverseQuietly(reference: string): Promise<void> {
    await this.reverse(reference).catch((err: unknown) =>
      this.options.log.error(
        { err, reference },
        'a partial approval could not be given back: reverse it on the terminal',
      ),
    );
  }

  async refund(request: TerminalRefund): Promise<SaleResult> {
    const original = parseTerminalReference(request.reference);
    if (!original) throw new TillboxError('validation', `${request.reference} is not a reference of this terminal`);
    const refundId = randomServiceId();
    const answer = await this.exchange(
      'Reversal',
      refundId,
      reversalRequest({
        original,
        amount: { value: request.amount, currency: request.currency },
        refundId,
        at: Date.now(),
      }),
      this.options.requestTimeoutMs,
    );
    const reversal = answer?.ReversalResponse;
    if (!reversal) throw new TillboxError('device-unavailable', 'The terminal answered the refund without a result');
    if (reversal.Response.Result !== 'Success') {
      return {
        approved: false,
        reference: '',
        reason: 'declined',
        message: `The terminal refused the refund (${reversal.Response.ErrorCondition ?? 'no reason'}).`,
      };
    }
    const poi = reversal.POIData?.POITransactionID;
    return { approved: true, reference: poi ? `${poi.TransactionID}@${poi.TimeStamp}` : `refund ${refundId}` };
  }

  async reconcile(): Promise<Reconciliation> {
    const answer = await this.exchange(
      'Reconciliation',
      randomServiceId(),
      reconciliationRequest(),
      this.options.requestTimeoutMs,
    );
    const response = answer?.ReconciliationResponse;
    if (!response)
      throw new TillboxError('device-unavailable', 'The terminal answered the reconciliation without totals');
    return reconciliationOf(response);
  }

  /**
   * One request and its answer: sealed, POSTed, the answer opened and checked against what was
   * asked (category, service id, terminal). Resolves undefined for an empty answer (an abort).
   */
  private async exchange(
    category: string,
    serviceId: string,
    body: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<SaleToPoiResponse | undefined> {
    const header = requestHeader(category, serviceId, this.options.ids);
    const secured = this.cipher.seal(header, { SaleToPOIRequest: { MessageHeader: header, ...body } });
    let raw: string;
    try {
      raw = await this.transport.post(JSON.stringify({ SaleToPOIRequest: secured }), timeoutMs);
    } catch (err) {
      // A guest slow at the terminal is not the terminal being away.
      if (!(err instanceof NoAnswerError && err.timedOut))
        this.note('offline', err instanceof Error ? err.message : String(err));
      throw err;
    }
    try {
      const answer = this.read(raw, category, serviceId);
      this.note('ready');
      return answer;
    } catch (err) {
      this.note('error', err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  private read(raw: string, category: string, serviceId: string): SaleToPoiResponse | undefined {
    if (raw.trim() === '' || raw.trim() === 'ok') return undefined;
    let json: unknown;
    try {
      json = JSON.parse(raw) as unknown;
    } catch {
      throw new NexoSecurityError('The terminal answered something that is not JSON');
    }
    const envelope = (json as { SaleToPOIResponse?: unknown } | null)?.SaleToPOIResponse;
    if (envelope === undefined) {
      const event = eventNotificationSchema.safeParse(json);
      const details = event.success
        ? new URLSearchParams(event.data.SaleToPOIRequest.EventNotification.EventDetails ?? '').get('message')
        : null;
      throw new TillboxError(
        'device-unavailable',
        `The card terminal refused the request${details ? `: ${details}` : ''}`,
      );
    }
    const parsed = saleToPoiResponseSchema.safeParse(this.cipher.open(envelope));
    if (!parsed.success) throw new NexoSecurityError('The terminal answered a message the edge cannot read');
    const answer = parsed.data.SaleToPOIResponse;
    const h = answer.MessageHeader;
    if (
      h.MessageCategory !== category ||
      (h.ServiceID !== undefined && h.ServiceID !== serviceId) ||
      (h.POIID !== undefined && h.POIID !== this.options.ids.poiId)
    ) {
      throw new NexoSecurityError(`The terminal answered another request (${h.MessageCategory} ${h.ServiceID ?? ''})`);
    }
    return answer;
  }

  private note(state: TerminalState['state'], error?: string): void {
    const at = Date.now();
    this.current =
      error === undefined
        ? { ...this.current, state, checkedAt: at }
        : { state, lastError: error, lastErrorAt: at, checkedAt: at };
  }
}
