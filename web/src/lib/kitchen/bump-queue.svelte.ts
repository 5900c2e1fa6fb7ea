/**
 * A KDS's bumps, sent one after another in the order the cook made them. While the edge cannot
 * be reached they wait here (the screen shows them as done, and says they are waiting) and are
 * sent again, in order, when it answers: on reconnect, and every few seconds meanwhile. A bump
 * the edge had already applied (its answer was lost, or another screen got there first) answers
 * 409 and counts as done; one it refuses for good is dropped and shown.
 */
import type { OrderView } from '@tillbox/core';
import { replayOutcome, type QueueableCommand, type QueuedBump } from './queued-bumps.js';

/** Sends one command to the edge; throws what went wrong. Undefined: not sent (one already on its way). */
export type BumpSender = (bump: QueuedBump) => Promise<OrderView | undefined>;

export interface BumpQueueOptions {
  send: BumpSender;
  /** A bump the edge refused (not a conflict): it is dropped, and the screen says why. */
  onrefused: (error: unknown, bump: QueuedBump) => void;
  /** How long to wait before sending again after the edge did not answer. */
  retryMs?: number;
}

export class BumpQueue {
  /** Commands not yet answered, oldest first; the first may be on its way. */
  queue = $state<QueuedBump[]>([]);
  /** The edge did not answer the first one: the rest wait behind it. */
  stalled = $state(false);

  #seq = 0;
  #flushing: Promise<void> | undefined;
  /** The seq of the command on its way (it can no longer be taken back). */
  #inFlight: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  readonly #options: BumpQueueOptions;

  constructor(options: BumpQueueOptions) {
    this.#options = options;
  }

  /** Queue a command and send what is queued. */
  submit(order: Pick<OrderView, 'id' | 'number'>, ticketId: string, command: QueueableCommand): void {
    this.#seq += 1;
    this.queue = [...this.queue, { seq: this.#seq, orderId: order.id, orderNumber: order.number, ticketId, command }];
    void this.flush();
  }

  /**
   * Take back the latest queued bump of this item (with `lineId`) or ticket that is not on its
   * way yet, as if it had never been made. True when there was one.
   */
  takeBack(ticketId: string, lineId?: string): boolean {
    const kind = lineId === undefined ? 'bump' : 'bump-item';
    const found = this.queue.findLast(
      (q) =>
        q.seq !== this.#inFlight &&
        q.ticketId === ticketId &&
        q.command.kind === kind &&
        (lineId === undefined || ('lineId' in q.command && q.command.lineId === lineId)),
    );
    if (!found) return false;
    this.queue = this.queue.filter((q) => q !== found);
    if (this.queue.length === 0) this.stalled = false;
    return true;
  }

  /** The latest queued ticket bump that can still be taken back (for "Undo last bump"). */
  lastTicketBump(): QueuedBump | undefined {
    return this.queue.findLast((q) => q.seq !== this.#inFlight && q.command.kind === 'bump');
  }

  /** Send the queued commands in order until the queue is empty or the edge stops answering. */
  flush(): Promise<void> {
    this.#flushing ??= this.#drain().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  async #drain(): Promise<void> {
    clearTimeout(this.#timer);
    while (!this.#stopped) {
      const next = this.queue[0];
      if (!next) {
        this.stalled = false;
        return;
      }
      this.#inFlight = next.seq;
      let outcome: 'sent' | 'busy' | ReturnType<typeof replayOutcome>;
      try {
        outcome = (await this.#options.send(next)) === undefined ? 'busy' : 'sent';
      } catch (error) {
        outcome = replayOutcome(error);
        if (outcome === 'refused') this.#options.onrefused(error, next);
      } finally {
        this.#inFlight = undefined;
      }
      if (outcome === 'retry' || outcome === 'busy') {
        this.stalled = outcome === 'retry';
        if (!this.#stopped) this.#timer = setTimeout(() => void this.flush(), this.#options.retryMs ?? 3000);
        return;
      }
      this.queue = this.queue.filter((q) => q.seq !== next.seq);
    }
  }
}
