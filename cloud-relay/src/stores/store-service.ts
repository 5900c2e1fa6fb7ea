/**
 * Whether a store can take online orders, from its retained `state` topic (which the broker
 * replaces with the store's last will, `online: false`, when the box drops): a store is
 * reachable when its last state says online and, if `offlineAfterSeconds` is set, it was heard
 * from within that time. State messages are written in the order this instance receives them.
 */
import { TillboxError, type RelayState } from '@tillbox/core';
import type { Logger } from 'pino';
import type { StoreRepository, StoreRow } from './store-repository.js';

export interface StoreServiceContext {
  repository: StoreRepository;
  /** Seconds without a word from a store before it counts as offline; 0 trusts the state topic alone. */
  offlineAfterSeconds: number;
  log: Logger;
  /** After a state is saved: its active configuration versions are recorded. */
  onState?: (storeId: string, state: RelayState) => Promise<void>;
  now?: () => Date;
}

export class StoreService {
  /** One chain of writes per store, so states are stored in the order they came. */
  readonly #writes = new Map<string, Promise<void>>();

  constructor(private readonly ctx: StoreServiceContext) {}

  private now(): Date {
    return (this.ctx.now ?? (() => new Date()))();
  }

  /** A state message: saved, then acknowledged. */
  receiveState(storeId: string, state: RelayState, ack: () => void): void {
    const previous = this.#writes.get(storeId) ?? Promise.resolve();
    const write = previous
      .then(async () => {
        await this.ctx.repository.saveState(storeId, state, this.now());
        await this.ctx.onState?.(storeId, state);
        ack();
      })
      .catch((err: unknown) => {
        // Not acknowledged: the broker delivers it again after a reconnect.
        this.ctx.log.error({ err, storeId }, 'saving a store state failed');
      });
    this.#writes.set(storeId, write);
    void write.finally(() => {
      if (this.#writes.get(storeId) === write) this.#writes.delete(storeId);
    });
  }

  /** Resolves when every state received so far is written (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.#writes.values()]);
  }

  /** Why a store cannot take an order now, or `undefined` when it can. */
  offlineReason(row: StoreRow | undefined, storeId: string): string | undefined {
    if (!row || row.status === 'unknown')
      return `store "${storeId}" has never reported to the cloud: it is not taking online orders`;
    const since = row.lastSeenAt ? ` (last heard from ${row.lastSeenAt.toISOString()})` : '';
    if (!row.online) return `store "${storeId}" is offline${since}: it is not taking online orders right now`;
    const limit = this.ctx.offlineAfterSeconds;
    if (limit > 0 && (!row.lastSeenAt || this.now().getTime() - row.lastSeenAt.getTime() > limit * 1000))
      return `store "${storeId}" has not been heard from for over ${limit} s${since}: it is not taking online orders right now`;
    return undefined;
  }

  /** Throws `unavailable` with the reason when the store cannot take an order now. */
  async assertOnline(storeId: string): Promise<StoreRow> {
    const row = await this.ctx.repository.find(storeId);
    const reason = this.offlineReason(row, storeId);
    if (reason || !row)
      throw new TillboxError('unavailable', reason ?? `store "${storeId}" is offline`, {
        details: [{ path: 'storeId', message: 'try again when the store is back online, or order at the store' }],
      });
    return row;
  }
}
