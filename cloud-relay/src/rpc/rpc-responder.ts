/**
 * Requests from stores on `rpc/req`, answered on the store's `rpc/res` with the correlation id
 * (never past the request's `expiresAt`: the store has given up by then). Loyalty balances and
 * lookups are answered from the ledger (`../loyalty`); a failure is answered with its code.
 */
import { RPC_METHODS, TillboxError, type RpcRequest, type RpcResponse } from '@tillbox/core';
import type { Logger } from 'pino';
import type { Publisher } from '../configuration/config-service.js';
import type { LoyaltyService } from '../loyalty/loyalty-service.js';

export class RpcResponder {
  constructor(
    private readonly ctx: {
      publisher: Publisher;
      loyalty?: Pick<LoyaltyService, 'forStore'>;
      log: Logger;
      now?: () => Date;
    },
  ) {}

  /** Answers a request; resolves when the answer is published (or was not needed). */
  async receive(storeId: string, request: RpcRequest): Promise<void> {
    const now = (this.ctx.now ?? (() => new Date()))();
    if (Date.parse(request.expiresAt) <= now.getTime()) return;
    const response = await this.answer(storeId, request);
    await this.ctx.publisher.publish(storeId, 'rpc/res', response);
  }

  async answer(storeId: string, request: RpcRequest): Promise<RpcResponse> {
    const loyalty = this.ctx.loyalty;
    if (!loyalty)
      return {
        id: request.id,
        ok: false,
        error: { code: 'unavailable', message: 'loyalty balances are not kept by this cloud relay' },
      };
    try {
      switch (request.method) {
        case 'loyalty.balance':
        case 'loyalty.lookup': {
          const params = RPC_METHODS[request.method].params.parse(request.params);
          return { id: request.id, ok: true, result: await loyalty.forStore(storeId, params) };
        }
      }
    } catch (err) {
      if (err instanceof TillboxError)
        return { id: request.id, ok: false, error: { code: err.code, message: err.message } };
      this.ctx.log.error({ err, storeId, method: request.method }, 'answering a request failed');
      return { id: request.id, ok: false, error: { code: 'internal', message: 'the cloud could not answer' } };
    }
  }
}
