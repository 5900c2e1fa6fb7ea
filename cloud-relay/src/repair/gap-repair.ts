/**
 * Filling gaps in a store's log (docs/mqtt.md, "Filling gaps"). The edge moves its cursor on the
 * broker's PUBACK, so events the broker took while no cloud session was subscribed never arrive
 * by themselves. Every `checkMs` this looks for online stores whose `last_seq` (every event up to
 * it is here) is below their `max_seq` or below the `relayedSeq` of their last state; a gap that
 * has not moved for `graceMs` (messages may still be on their way, a backlog may be draining) is
 * asked for on the store's `events/resend`: from `last_seq + 1` to the seq before the next one
 * the cloud has (or the highest it expects), at most `MAX_RESEND_RANGE` seqs. While nothing moves
 * it asks again every `retryMs`. What comes back goes through the ordinary ingest, once per
 * `(store, seq)`. State is in the database; each instance checks on its own (a duplicate request
 * costs a duplicate delivery, applied once).
 */
import { MAX_RESEND_RANGE } from '@tillbox/core';
import type { Logger } from 'pino';
import type { Publisher } from '../configuration/config-service.js';
import type { IngestRepository } from '../ingest/ingest-repository.js';
import type { Settings } from '../settings/settings.js';
import type { StoreRepository } from '../stores/store-repository.js';

/** Stores looked at per check. */
const STORES_PER_CHECK = 200;

export interface GapRepairContext {
  stores: StoreRepository;
  events: IngestRepository;
  publisher: Publisher;
  settings: Settings['repair'];
  log: Logger;
  now?: () => Date;
}

interface Watch {
  /** The `last_seq` the gap was first seen at. */
  lastSeq: number;
  /** When it was first seen there (ms). */
  since: number;
  /** When the store was last asked (ms). */
  askedAt?: number;
}

export class GapRepair {
  readonly #watch = new Map<string, Watch>();
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<number> | undefined;
  /** Requests published since start (health, tests). */
  requests = 0;

  constructor(private readonly ctx: GapRepairContext) {}

  start(): void {
    const every = this.ctx.settings.checkMs;
    if (every === 0 || this.#timer) return;
    this.#timer = setInterval(() => void this.check(), every);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#checking;
  }

  /** One look at every gapped store; answers how many stores were asked. Never overlaps itself. */
  check(): Promise<number> {
    this.#checking ??= this.#check()
      .catch((err: unknown) => {
        this.ctx.log.warn({ err }, 'looking for gaps in the stores’ logs failed');
        return 0;
      })
      .finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #check(): Promise<number> {
    const now = (this.ctx.now ?? (() => new Date()))().getTime();
    const { graceMs, retryMs } = this.ctx.settings;
    const gaps = await this.ctx.stores.gaps(STORES_PER_CHECK);
    const gapped = new Set(gaps.map((g) => g.id));
    for (const id of this.#watch.keys()) if (!gapped.has(id)) this.#watch.delete(id);
    let asked = 0;
    for (const gap of gaps) {
      let watch = this.#watch.get(gap.id);
      if (!watch || watch.lastSeq !== gap.lastSeq) {
        watch = { lastSeq: gap.lastSeq, since: now };
        this.#watch.set(gap.id, watch);
      }
      if (now - watch.since < graceMs) continue;
      if (watch.askedAt !== undefined && now - watch.askedAt < retryMs) continue;
      const fromSeq = gap.lastSeq + 1;
      const next = await this.ctx.events.nextSeqAfter(gap.id, gap.lastSeq);
      const expected = Math.max(gap.maxSeq, gap.relayedSeq);
      const toSeq = Math.min(next !== undefined ? next - 1 : expected, fromSeq + MAX_RESEND_RANGE - 1);
      if (toSeq < fromSeq) continue;
      try {
        await this.ctx.publisher.publish(gap.id, 'events/resend', {
          fromSeq,
          toSeq,
          at: new Date(now).toISOString(),
        });
      } catch (err) {
        this.ctx.log.warn(
          { storeId: gap.id, reason: (err as Error).message },
          'could not ask a store for missing events',
        );
        continue;
      }
      watch.askedAt = now;
      this.requests++;
      asked++;
      this.ctx.log.info(
        { storeId: gap.id, fromSeq, toSeq, lastSeq: gap.lastSeq, expected },
        'asked a store for missing events',
      );
    }
    return asked;
  }
}
