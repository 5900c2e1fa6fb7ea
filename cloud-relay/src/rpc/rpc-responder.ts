/**
 * Requests from stores on `rpc/req`, answered on the store's `rpc/res` with the correlation id
 * (never past the request's `expiresAt`: the store has given up by then). The cloud keeps no
 * loyalty balances yet (their own issue), so `loyalty.balance` is answered at once with a clear
 * `unavailable` instead of leaving the store to time out.
 */
import type { RpcRequest, RpcResponse } from '@tillbox/core';
import type { Logger } from 'pino';
import type { Publisher } from '../configuration/config-service.js';

export class RpcResponder {
  constructor(private readonly ctx: { publisher: Publisher; log: Logger; now?: () => Date }) {}

  /** Answers a request; resolves when the answer is published (or was not needed). */
  async receive(storeId: string, request: RpcRequest): Promise<void> {
    const now = (this.ctx.now ?? (() => new Date()))();
    if (Date.parse(request.expiresAt) <= now.getTime()) return;
    const response = this.answer(request);
    await this.ctx.publisher.publish(storeId, 'rpc/res', response);
  }

  answer(request: RpcRequest): RpcResponse {
    switch (request.method) {
      case 'loyalty.balance':
      case 'loyalty.lookup':
        return {
          id: request.id,
          ok: false,
          error: { code: 'unavailable', message: 'loyalty balances are not kept in the cloud yet' },
        };
    }
  }
}
