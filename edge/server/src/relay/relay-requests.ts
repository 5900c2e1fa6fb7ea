/**
 * Requests to the cloud over MQTT (`rpc/req` → `rpc/res`), e.g. a loyalty balance: each with a
 * correlation id and a deadline. No answer by then — or no broker at all — is the offline answer:
 * an `unavailable` error that says the cloud cannot be reached, so a screen can carry on without.
 */
import {
  RPC_METHODS,
  TillboxError,
  uuidv7,
  type RpcMethod,
  type RpcParams,
  type RpcRequest,
  type RpcResult,
} from '@tillbox/core';
import { readInbound } from './relay-connection.js';

interface Waiting {
  method: RpcMethod;
  resolve: (result: unknown) => void;
  reject: (err: TillboxError) => void;
  timer: NodeJS.Timeout;
}

export interface RelayRequestsOptions {
  connected: () => boolean;
  /** Send a request (not awaited for its PUBACK: the answer is what counts). */
  send: (request: RpcRequest) => void;
  timeoutMs: number;
  log: { warn(o: object, m: string): void };
  now?: () => number;
}

export function offline(method: string): TillboxError {
  return new TillboxError(
    'unavailable',
    `The cloud is not reachable (${method}): carry on without it and try again later`,
  );
}

export class RelayRequests {
  #waiting = new Map<string, Waiting>();

  constructor(private readonly o: RelayRequestsOptions) {}

  /** Ask the cloud; rejects with `unavailable` when offline or when no answer comes within the timeout. */
  request<M extends RpcMethod>(
    method: M,
    params: RpcParams<M>,
    options: { timeoutMs?: number } = {},
  ): Promise<RpcResult<M>> {
    const checked = RPC_METHODS[method].params.safeParse(params);
    if (!checked.success)
      return Promise.reject(
        new TillboxError('validation', `${method}: ${checked.error.issues[0]?.message ?? 'bad params'}`),
      );
    if (!this.o.connected()) return Promise.reject(offline(method));
    const timeoutMs = options.timeoutMs ?? this.o.timeoutMs;
    const now = (this.o.now ?? Date.now)();
    const id = uuidv7(now);
    return new Promise<RpcResult<M>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(offline(method));
      }, timeoutMs);
      timer.unref();
      this.#waiting.set(id, { method, resolve: resolve as (r: unknown) => void, reject, timer });
      this.o.send({
        id,
        method,
        params: checked.data,
        at: new Date(now).toISOString(),
        expiresAt: new Date(now + timeoutMs).toISOString(),
      });
    });
  }

  /** A response from the cloud: settles its request (a late or unknown one is dropped). */
  handle(payload: Buffer): void {
    let response;
    try {
      response = readInbound('rpc/res', payload);
    } catch (err) {
      this.o.log.warn({ err: (err as Error).message }, 'relay dropped a response it could not read');
      return;
    }
    const waiting = this.#waiting.get(response.id);
    if (!waiting) return;
    this.#waiting.delete(response.id);
    clearTimeout(waiting.timer);
    if (!response.ok) {
      waiting.reject(new TillboxError(response.error.code, response.error.message));
      return;
    }
    const result = RPC_METHODS[waiting.method].result.safeParse(response.result);
    if (!result.success) {
      waiting.reject(new TillboxError('unavailable', `The cloud answered ${waiting.method} with something unreadable`));
      return;
    }
    waiting.resolve(result.data);
  }

  /** Every waiting request gets the offline answer (the relay stops). */
  stop(): void {
    for (const [id, w] of this.#waiting) {
      clearTimeout(w.timer);
      w.reject(offline(w.method));
      this.#waiting.delete(id);
    }
  }
}
