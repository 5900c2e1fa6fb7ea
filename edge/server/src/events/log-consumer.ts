/**
 * One way to consume the event log: read it from a cursor in seq order, hand the events to a
 * handler, and advance the cursor only once the handler's work is done.
 *
 * - Behind the head, it reads the log in pages (`readPage(position, {topics, limit})`) and yields
 *   to the event loop between pages, so a consumer far behind never holds up HTTP requests or
 *   other consumers: each turn does at most one page of work. Consumers that share a
 *   {@link ReadBudget} (every stream client) take turns for their pages: however many are
 *   behind, one turn of the event loop reads at most the budget's pages, and the first page is
 *   read on a later turn than `start()` (a subscribe never reads the log inside its own message).
 * - Caught up, it takes the batches the log announces after each commit from memory when they
 *   follow on from its position (no database read per consumer per batch), a page at a time for a
 *   large one; when they do not follow on (it fell behind, or dropped batches it could not keep),
 *   it reads the log again.
 * - A handler may be async. If it throws or rejects, the position stays where it was and the
 *   same events are handed over again after a backoff that doubles up to `maxRetryMs`.
 *
 * The cursor is durable (a `log_cursors` row: print jobs, the MQTT relay, audit export) or in
 * memory (a stream client's). A consumer that stops or crashes before advancing sees the same
 * events again when it starts over: delivery is at least once, in seq order.
 */
import { topicOf, type StoreEvent } from '@tillbox/core';
import type { EventLog } from './event-log.js';
import type { LogCursor } from './cursor-repository.js';

/** What a handler is given with its events. */
export interface Delivery<E = StoreEvent> {
  /** `log`: a page read from the log (catching up); `live`: a batch announced after its commit. */
  source: 'log' | 'live';
  /**
   * The whole page or committed batch the events come from. For `live` it is the very array the
   * log announced, the same for every consumer, so per-batch work can be cached on it.
   */
  batch: readonly (StoreEvent | E)[];
}

/** With a {@link LogConsumerOptions.readPage} of its own, a handler gets pages in that form (`E`) and live batches as events. */
export type LogHandler<E = StoreEvent> = (
  events: readonly (StoreEvent | E)[],
  delivery: Delivery<E>,
) => void | Promise<void>;

/** A page as a consumer's own reader returns it (see {@link EventLog.readPage}). */
export interface ReadPage<E> {
  events: E[];
  rows: number;
  lastRowSeq: number | undefined;
}

/** The part of a pino logger a consumer uses. */
export interface ConsumerLogger {
  warn(fields: object, message: string): void;
}

export interface LogConsumerOptions<E extends { seq: number } = StoreEvent> {
  events: EventLog;
  cursor: LogCursor;
  handler: LogHandler<E>;
  /**
   * How a page of the log is read (default: `events.readPage`, events parsed). The MQTT outbox
   * reads the stored text instead and builds its payloads around it.
   */
  readPage?: (since: number, options: { topics?: readonly string[]; limit: number }) => ReadPage<E>;
  log: ConsumerLogger;
  /** Only events of these topics are handed over; the cursor still moves past the others. */
  topics?: readonly string[];
  /** Most events read from the log per turn of the event loop. */
  pageSize?: number;
  /** Announced events kept while the handler is busy; past this they are dropped and read from the log later. */
  maxPending?: number;
  /** First delay before retrying a failed handler; it doubles up to {@link maxRetryMs}. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Called once, the first time the consumer has handled everything up to the log's head. */
  caughtUp?: (seq: number) => void;
  /** Shared with other consumers: how many log pages may be read per turn of the event loop among them all. */
  budget?: ReadBudget;
}

/**
 * Turns for reading the log, shared by many consumers: each waiter is let go on a later turn of
 * the event loop, at most `pagesPerTurn` per turn, first come first served; one that is no longer
 * alive when its turn comes (a stopped consumer) gives its place to the next.
 */
export class ReadBudget {
  #waiting: { alive: () => boolean; go: () => void }[] = [];
  #scheduled = false;

  constructor(private readonly pagesPerTurn = 1) {}

  /** How many are waiting for a turn. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves on a later turn, when it is this waiter's turn to read a page. */
  turn(alive: () => boolean): Promise<void> {
    return new Promise((go) => {
      this.#waiting.push({ alive, go });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      let granted = 0;
      while (granted < this.pagesPerTurn && this.#waiting.length > 0) {
        const next = this.#waiting.shift();
        if (!next) break;
        // A waiter that is gone still resolves (its pump returns) but takes no page of the turn.
        if (next.alive()) granted += 1;
        next.go();
      }
      if (this.#waiting.length > 0) this.#schedule();
    });
  }
}

interface Announced {
  /** The head before this batch: the batch holds every event after it, up to its last. */
  after: number;
  last: number;
  events: readonly StoreEvent[];
}

interface Work<E> {
  events: readonly (StoreEvent | E)[];
  delivery: Delivery<E>;
  /** Where the position goes once the work is done. */
  through: number;
  /** Let the event loop run before the next piece (more of a backlog, or of a large batch, follows). */
  yieldAfter: boolean;
}

export const DEFAULT_PAGE_SIZE = 200;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class LogConsumer<E extends { seq: number } = StoreEvent> {
  readonly #o: Required<Omit<LogConsumerOptions<E>, 'topics' | 'caughtUp' | 'budget' | 'readPage'>> &
    Pick<LogConsumerOptions<E>, 'topics' | 'caughtUp' | 'budget' | 'readPage'>;
  readonly #topics: ReadonlySet<string> | undefined;
  #position = 0;
  /** The head as of the last announcement heard, so the next one knows where it starts. */
  #heard = 0;
  #pending: Announced[] = [];
  #pendingEvents = 0;
  #unsubscribe: (() => void) | undefined;
  #pumping = false;
  #wake = false;
  #stopped = true;
  #reportedCaughtUp = false;
  #retryMs: number;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(options: LogConsumerOptions<E>) {
    this.#o = {
      pageSize: DEFAULT_PAGE_SIZE,
      maxPending: 5000,
      retryMs: 200,
      maxRetryMs: 30_000,
      ...options,
    };
    this.#topics = options.topics ? new Set(options.topics) : undefined;
    this.#retryMs = this.#o.retryMs;
  }

  /** The seq up to which every event has been handled (or skipped as of another topic). */
  get position(): number {
    return this.#position;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#position = this.#o.cursor.seq;
    this.#heard = this.#o.events.lastSeq;
    this.#unsubscribe = this.#o.events.subscribe((batch) => this.#announce(batch));
    void this.#pump();
  }

  /** Stop reading. Work in flight may finish, but the cursor no longer moves. */
  stop(): void {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#pending = [];
    this.#pendingEvents = 0;
  }

  #announce(batch: readonly StoreEvent[]): void {
    const last = batch[batch.length - 1]?.seq ?? this.#heard;
    const announced: Announced = { after: this.#heard, last, events: batch };
    this.#heard = last;
    if (this.#pendingEvents + batch.length > this.#o.maxPending) {
      // Too much to hold: forget it all; the gap sends the consumer back to the log.
      this.#pending = [];
      this.#pendingEvents = 0;
      return;
    }
    this.#pending.push(announced);
    this.#pendingEvents += batch.length;
    // Never run handlers inside the committing command's call: start right after it.
    queueMicrotask(() => void this.#pump());
  }

  async #pump(): Promise<void> {
    if (this.#pumping) {
      this.#wake = true;
      return;
    }
    this.#pumping = true;
    try {
      for (;;) {
        this.#wake = false;
        if (this.#stopped || this.#retryTimer !== undefined) return;
        if (this.#o.budget && this.#readsLogNext()) {
          await this.#o.budget.turn(() => !this.#stopped);
          if (this.#stopped || this.#retryTimer !== undefined) return;
        }
        const work = this.#next();
        if (!work) {
          if (!this.#reportedCaughtUp) {
            this.#reportedCaughtUp = true;
            this.#o.caughtUp?.(this.#position);
          }
          if (this.#wake) continue;
          return;
        }
        if (work.events.length > 0 && !(await this.#handle(work))) return;
        if (this.#stopped) return;
        this.#position = Math.max(this.#position, work.through);
        if (work.events.length > 0) this.#o.cursor.advance(work.through);
        this.#retryMs = this.#o.retryMs;
        // With a budget, the next page waits for its turn anyway.
        if (work.yieldAfter && !(this.#o.budget && this.#readsLogNext())) await nextTurn();
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Whether the next piece of work is a page read from the log (no announced batch follows on from the position). */
  #readsLogNext(): boolean {
    while (this.#pending[0] && this.#pending[0].last <= this.#position) this.#dropFirst();
    const first = this.#pending[0];
    if (first && first.after <= this.#position) return false;
    return this.#position < this.#o.events.lastSeq;
  }

  /** The next piece of work: an announced batch that follows on from the position, else a page of the log. */
  #next(): Work<E> | undefined {
    while (this.#pending[0] && this.#pending[0].last <= this.#position) this.#dropFirst();
    const first = this.#pending[0];
    if (first && first.after <= this.#position) {
      // A large batch (a group commit) is handed over a page at a time too.
      const position = this.#position;
      // Nearly always the whole batch is new and every event of it wanted: it is handed over as it is.
      const rest = (first.events[0]?.seq ?? 0) > position ? first.events : first.events.filter((e) => e.seq > position);
      const page = rest.length > this.#o.pageSize ? rest.slice(0, this.#o.pageSize) : rest;
      const more = page !== rest;
      return {
        events: page.every((e) => this.#wanted(e)) ? page : page.filter((e) => this.#wanted(e)),
        delivery: { source: 'live', batch: first.events },
        through: more ? (page[page.length - 1]?.seq ?? first.last) : first.last,
        yieldAfter: more,
      };
    }
    const head = this.#o.events.lastSeq;
    if (this.#position >= head) return undefined;
    const options = { ...(this.#o.topics ? { topics: this.#o.topics } : {}), limit: this.#o.pageSize };
    const page = this.#o.readPage
      ? this.#o.readPage(this.#position, options)
      : this.#o.events.readPage(this.#position, options);
    // A short page holds everything up to the head as it was read (reads and commits share one thread).
    // It is judged by rows read: a damaged row is skipped (and reported) but still counts.
    const through = page.rows < this.#o.pageSize || page.lastRowSeq === undefined ? head : page.lastRowSeq;
    return { events: page.events, delivery: { source: 'log', batch: page.events }, through, yieldAfter: true };
  }

  #wanted(event: StoreEvent): boolean {
    return this.#topics === undefined || this.#topics.has(topicOf(event.type));
  }

  #dropFirst(): void {
    const dropped = this.#pending.shift();
    this.#pendingEvents -= dropped?.events.length ?? 0;
  }

  /** Run the handler; on failure log it, schedule a retry and answer false. */
  async #handle(work: Work<E>): Promise<boolean> {
    try {
      await this.#o.handler(work.events, work.delivery);
      return true;
    } catch (err) {
      if (this.#stopped) return false;
      const first = work.events[0]?.seq;
      const last = work.events[work.events.length - 1]?.seq;
      this.#o.log.warn(
        { err, cursor: this.#o.cursor.name, from: first, to: last, retryInMs: this.#retryMs },
        'log consumer failed; the cursor stays and the events will be handed over again',
      );
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        void this.#pump();
      }, this.#retryMs);
      this.#retryTimer.unref();
      this.#retryMs = Math.min(this.#retryMs * 2, this.#o.maxRetryMs);
      return false;
    }
  }
}
