/**
 * Giving back a card approval the store could not record. The intent is marked
 * `reversal-pending` (durable, shown on the admin's attention view) before the terminal is asked;
 * a reversal that fails stays pending and is tried again with a doubling delay by a small
 * scheduler (`start()`/`stop()`), until the terminal has reversed it.
 */
import { reversalRetryDelay } from '@tillbox/core';
import type { Logger } from 'pino';
import type { PaymentIntentRepository, PaymentIntentRow } from './payment-intent-repository.js';
import type { Pinpad } from './pinpad.js';

export interface PaymentReversalsContext {
  intents: PaymentIntentRepository;
  pinpad: Pinpad;
  log: Logger;
  now: () => number;
  /** The first retry after a failed reversal (ms); each further one waits twice as long, at most 10 minutes. */
  retryMs: number;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class PaymentReversals {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly ctx: PaymentReversalsContext) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.retryDue(), Math.min(this.ctx.retryMs, 5000));
    this.timer.unref();
  }

  /** Stops the scheduler; an attempt under way finishes first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * An approval (`reference`) of an open intent could not be recorded: mark it for reversal
   * and try once now. Resolves whether or not the terminal managed it (a failure is retried).
   */
  async reverseUnrecorded(intent: { id: string; orderId: string }, reference: string, why: string): Promise<void> {
    const { intents, log, now } = this.ctx;
    const at = now();
    const attention = `Approved on the terminal (${reference}) but the payment could not be recorded (${why}); the approval is being reversed.`;
    try {
      intents.settle(intent.id, 'reversal-pending', { reference, attention, nextAttemptAt: at }, at);
    } catch (err) {
      // The database refused even this: the log line is all that is left to find it by.
      log.error(
        { err, intentId: intent.id, orderId: intent.orderId, reference },
        'could not mark a reversal as pending',
      );
    }
    const row = intents.find(intent.id);
    if (row?.status === 'reversal-pending') await this.attempt(row);
    else await this.reverseUnmarked(intent, reference);
  }

  /** Try every pending reversal that is due (or join the pass under way); answers how many went through. */
  retryDue(): Promise<number> {
    if (this.running) return this.running;
    const run = this.retryAll().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async retryAll(): Promise<number> {
    let reversed = 0;
    try {
      for (const row of this.ctx.intents.dueReversals(this.ctx.now())) {
        if (this.stopped) break;
        if (await this.attempt(row)) reversed += 1;
      }
    } catch (err) {
      if (!this.stopped) this.ctx.log.error({ err }, 'retrying card reversals failed');
    }
    return reversed;
  }

  /** One reversal attempt of a pending intent; true once the terminal has reversed it. */
  private async attempt(row: PaymentIntentRow): Promise<boolean> {
    const { intents, pinpad, log, now } = this.ctx;
    if (!row.reference) return false;
    try {
      await pinpad.reverse(row.reference);
    } catch (err) {
      if (this.stopped) return false;
      const failures = row.reversalAttempts + 1;
      const at = now();
      const next = at + reversalRetryDelay(failures, this.ctx.retryMs);
      intents.reversalFailed(row.id, failures, next, message(err), at);
      log.warn(
        { intentId: row.id, orderId: row.orderId, reference: row.reference, failures, nextAttemptAt: next },
        'card reversal failed; it stays pending and is retried',
      );
      return false;
    }
    const ids = { intentId: row.id, orderId: row.orderId, reference: row.reference };
    try {
      intents.settle(row.id, 'reversed', { attention: null, nextAttemptAt: null, lastError: null }, now());
    } catch (err) {
      log.error(
        { err, ...ids },
        'card approval reversed, but marking it so failed: it stays pending and the next try reverses it again',
      );
      return true;
    }
    log.info(ids, 'card approval reversed');
    return true;
  }

  /** The intent could not even be marked: reverse at once and say so in the log either way. */
  private async reverseUnmarked(intent: { id: string; orderId: string }, reference: string): Promise<void> {
    try {
      await this.ctx.pinpad.reverse(reference);
      this.ctx.log.warn({ intentId: intent.id, orderId: intent.orderId, reference }, 'card approval reversed');
    } catch (err) {
      this.ctx.log.error(
        { err, intentId: intent.id, orderId: intent.orderId, reference },
        'card approval NOT reversed and not recorded: reverse it on the terminal by hand',
      );
    }
  }
}
