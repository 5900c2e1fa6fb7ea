/**
 * Batching store events into the database: events are collected while a batch is being
 * written (up to `batchSize`, or `batchDelayMs` after the first), written in one transaction,
 * and each message is acknowledged only after that transaction has committed. A failed write is
 * retried with backoff; its messages stay unacknowledged until it succeeds (the broker
 * redelivers them after a reconnect, and they are applied once).
 *
 * An event delivered again while an earlier delivery waits in the queue joins that entry (both
 * acks are called after its commit) instead of queueing a second copy: while the database is
 * down the MQTT link stops reading with its window full, mqtt.js drops the connection when its
 * pings go unanswered, and every reconnect brings the same unacknowledged events again.
 */
import type { Logger } from 'pino';
import type { IngestRepository, StoreEventRow } from './ingest-repository.js';

export interface IngestOptions {
  batchSize: number;
  batchDelayMs: number;
}

interface Pending {
  event: StoreEventRow;
  /** One per delivery of the event (an ack for a connection since dropped does nothing). */
  acks: (() => void)[];
}

const keyOf = (e: StoreEventRow): string => `${e.storeId}\u0000${e.seq}`;

const MAX_BACKOFF_MS = 5_000;

export class EventIngest {
  private queue: Pending[] = [];
  /** The queue's entries by (store, seq). */
  private queued = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private running = false;
  private failures = 0;
  /** Events written (new ones) and received (with redeliveries), since start. */
  readonly counts = { received: 0, inserted: 0, batches: 0 };

  constructor(
    private readonly ctx: {
      repository: IngestRepository;
      options: IngestOptions;
      log: Logger;
      now?: () => Date;
    },
  ) {}

  start(): void {
    this.running = true;
  }

  /** Writes what is queued, then stops taking events; their acks are sent if the connection still stands. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (this.queue.length > 0) await this.flush();
  }

  /** Take an event; `ack` is called once it is committed. */
  submit(event: StoreEventRow, ack: () => void): void {
    this.counts.received++;
    const key = keyOf(event);
    const waiting = this.queued.get(key);
    if (waiting) {
      waiting.acks.push(ack);
      return;
    }
    const pending = { event, acks: [ack] };
    this.queue.push(pending);
    this.queued.set(key, pending);
    if (!this.running) return;
    if (this.queue.length >= this.ctx.options.batchSize) this.kick(0);
    else this.kick(this.ctx.options.batchDelayMs);
  }

  /** Resolves when everything submitted so far is written (tests). */
  async drained(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      if (!this.writing) this.kick(0);
      await (this.writing ?? new Promise((r) => setTimeout(r, 1)));
    }
  }

  private kick(delay: number): void {
    if (this.writing) return; // the running write picks the queue up when it ends
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writing = this.flush().finally(() => {
        this.writing = undefined;
        // What came in during the write has waited long enough.
        if (this.queue.length > 0 && this.running) this.kick(0);
      });
    }, delay);
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.ctx.options.batchSize);
    if (batch.length === 0) return;
    for (const p of batch) this.queued.delete(keyOf(p.event));
    try {
      const { inserted } = await this.ctx.repository.apply(
        batch.map((p) => p.event),
        (this.ctx.now ?? (() => new Date()))(),
      );
      this.failures = 0;
      this.counts.inserted += inserted;
      this.counts.batches++;
      for (const p of batch) for (const ack of p.acks) ack();
    } catch (err) {
      this.failures++;
      const wait = Math.min(MAX_BACKOFF_MS, 50 * 2 ** Math.min(this.failures, 10));
      this.ctx.log.error({ err, events: batch.length, retryInMs: wait }, 'writing store events failed; retrying');
      // Back to the front; a delivery that came in during the write joins its entry again.
      const again: Pending[] = [];
      for (const p of batch) {
        const key = keyOf(p.event);
        const later = this.queued.get(key);
        if (later) {
          later.acks.push(...p.acks);
          continue;
        }
        this.queued.set(key, p);
        again.push(p);
      }
      this.queue.unshift(...again);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
