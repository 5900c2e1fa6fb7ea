/**
 * The print queue's maintenance pass: printed jobs older than `devices.printJobRetentionDays` are
 * deleted, soon after start and then every hour, a batch at a time with a turn of the event loop
 * between batches, so orders being placed and printed never wait behind it. `start()` sets the
 * timer, `stop()` clears it (a pass under way stops after its batch).
 */
import type { Logger } from 'pino';
import type { PrintJobRetentionRepository } from './print-job-retention-repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PrintJobRetentionOptions {
  repository: PrintJobRetentionRepository;
  /** Printed jobs older than this many days are deleted. */
  retentionDays: number;
  log: Pick<Logger, 'info' | 'warn'>;
  /** Between two passes (default one hour). */
  intervalMs?: number;
  /** The first pass, this long after start (default one minute: not while the store is starting). */
  firstAfterMs?: number;
  /** Jobs deleted per transaction (default 500). */
  batch?: number;
  now?: () => number;
}

export class PrintJobRetention {
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #stopped = false;

  constructor(private readonly o: PrintJobRetentionOptions) {}

  start(): void {
    this.#running = true;
    this.#stopped = false;
    this.#schedule(this.o.firstAfterMs ?? 60_000);
  }

  stop(): void {
    this.#running = false;
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(ms: number): void {
    if (!this.#running) return;
    this.#timer = setTimeout(() => {
      void this.prune()
        .catch((err: unknown) => this.o.log.warn({ err }, 'pruning old print jobs failed; trying again later'))
        .finally(() => this.#schedule(this.o.intervalMs ?? 60 * 60 * 1000));
    }, ms);
    this.#timer.unref();
  }

  /** One pass: deletes every printed job older than the retention; answers how many went. */
  async prune(): Promise<number> {
    const before = (this.o.now ?? Date.now)() - this.o.retentionDays * DAY_MS;
    const batch = this.o.batch ?? 500;
    let deleted = 0;
    for (;;) {
      const n = this.o.repository.deletePrintedBefore(before, batch);
      deleted += n;
      if (n < batch) break;
      // Let the order path in between two batches.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#stopped) break;
    }
    if (deleted > 0)
      this.o.log.info({ deleted, retentionDays: this.o.retentionDays }, 'old printed print jobs deleted');
    return deleted;
  }
}
