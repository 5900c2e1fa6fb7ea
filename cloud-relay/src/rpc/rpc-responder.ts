/**
 * Requests from stores on `rpc/req`, answered on the store's `rpc/res` with the correlation id
 * (never past the request's `expiresAt`: the store has given up by then). Loyalty balances and
 * lookups are answered from the ledger (`../loyalty`); a failure is answered with its code.
 */
import { RPC_METHODS, TillboxError, type RpcRequest, type RpcResponse } from '@tillbox/core';
import type { Logger } from 'pino';
import type { Publisher } from '../configuration/config-service.js';
import type { LoyaltyService } from '../loyalty/loyalty-service.js';
import type { StoreLog } from '../repair/store-log.js';

export class RpcResponder {
  constructor(
    private readonly ctx: {
      publisher: Publisher;
      loyalty?: Pick<LoyaltyService, 'forStore'>;
      /** The cloud's copy of each store's log (`events.since`). */
      storeLog?: Pick<StoreLog, 'page'>;
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
    const { loyalty, storeLog } = this.ctx;
    try {
      switch (request.method) {
        case 'events.since': {
          if (!storeLog) return unavailable(request, "the stores' logs are not kept by this cloud relay");
          const params = RPC_METHODS[request.method].params.parse(request.params);
          return { id: request.id, ok: true, result: await storeLog.page(storeId, params.afterSeq, params.limit) };
        }
        case 'loyalty.balance':
        case 'loyalty.lookup': {
          if (!loyalty) return unavailable(request, 'loyalty balances are not kept by this cloud relay');
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

function unavailable(request: RpcRequest, message: string): RpcResponse {
  return { id: request.id, ok: false, error: { code: 'unavailable', message } };
}
