/**
 * The event log is the outbox: every event of the store's log goes to the broker on `events`, in
 * seq order, at QoS 1, with up to `window` messages in flight. The durable cursor (`mqtt-relay` in
 * `log_cursors`) moves only past events the broker has acknowledged, each with every event before
 * it; it is written at most every `flushMs`, so a crash sends at most that much again (delivery is
 * at least once; the cloud applies each `(storeId, seq)` once).
 *
 * Reading is a {@link LogConsumer}: pages of the log while behind, yielding to the event loop
 * between pages, so a drain of hours of backlog never holds up the screens. Its own position (a
 * memory cursor) is what has been *sent*; the acknowledged position is this class's. A publish the
 * broker refuses rewinds: the consumer starts again from the acknowledged position after a pause.
 *
 * The status of an app or online order (fired, ready, picked up…) goes on `orders/out` with the
 * event that changed it, counted in the same window: the cursor passes the event only when both
 * are acknowledged.
 *
 * A cloud that lacks events the broker acknowledged (it was not subscribed yet, or its session
 * was lost) asks for them on `events/resend`: {@link EventOutbox.resend} publishes that range
 * again from the log, beside the outbox and without moving its cursor.
 */
import { type Channel, type OrderAnswer, type RelayedOrderStatus, type StoreEvent } from '@tillbox/core';
import type { EventLog, StoredEventText } from '../events/event-log.js';
import { LogConsumer, type ConsumerLogger } from '../events/log-consumer.js';
import { MemoryCursor, type LogCursor } from '../events/cursor-repository.js';
import { AckWindow } from './ack-window.js';

/** The event types that change what the guest's app shows, and the status each means. */
const STATUS_OF: Readonly<Record<string, RelayedOrderStatus>> = {
  'order.fired': 'fired',
  'order.ready': 'ready',
  'order.recalled': 'recalled',
  'order.picked-up': 'picked-up',
  'order.completed': 'completed',
  'order.cancelled': 'cancelled',
  'order.voided': 'voided',
};
const RELAYED_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['app', 'online']);
const CHANNEL_CACHE = 20_000;
/** What SQLite reads out of each event's data for the outbox (the rest is forwarded as stored text). */
const FIELDS = ['orderId', 'channel'] as const;

/** An event as the outbox sends it: read from the log as text, or announced live (parsed). */
type Outgoing = StoreEvent | StoredEventText;
/**
 * How often the durable cursor is written while PUBACKs come in: each write is a commit that waits
 * for the disk on the event loop (ten a second cost a draining edge more than its reads); a crash
 * sends at most this much again, which the cloud applies once.
 */
const FLUSH_MS = 500;
/**
 * Events read from the log per page while draining. Small pages keep what the drain holds at once
 * small (a page's stored text lives until its last event is handed to mqtt.js): with pages of 500
 * the garbage collector copied and promoted most of each page, and a drain took a sixth more CPU.
 */
const PAGE_SIZE = 100;
/** Resend requests waiting at once. */
const MAX_RESENDS = 16;

export interface OutboxPublisher {
  /** `payload`: JSON text, or its UTF-8 bytes. */
  publish(name: 'events' | 'orders/out', payload: string | Buffer): Promise<void>;
  /** The same with a callback (no promise per message), when the publisher has it: `done` on the PUBACK or the refusal. */
  send?(name: 'events' | 'orders/out', payload: string | Buffer, done: (err?: Error) => void): void;
}

export interface EventOutboxOptions {
  storeId: string;
  events: EventLog;
  /** The durable cursor: the last seq the broker has acknowledged, with everything before it. */
  cursor: LogCursor;
  publisher: OutboxPublisher;
  /** The channel of each order (for orders whose placing this outbox has not seen). */
  channels: (orderIds: readonly string[]) => Map<string, Channel>;
  log: ConsumerLogger & { info?(fields: object, message: string): void };
  window: number;
  flushMs?: number;
  retryMs?: number;
  pageSize?: number;
}

export class EventOutbox {
  readonly #o: EventOutboxOptions;
  #consumer: LogConsumer<StoredEventText> | undefined;
  #window = new AckWindow(0);
  /** Bumped on every (re)start: acknowledgements of an earlier round are ignored. */
  #round = 0;
  #room: (() => void) | undefined;
  #flushTimer: NodeJS.Timeout | undefined;
  #restartTimer: NodeJS.Timeout | undefined;
  #flushed = 0;
  #running = false;
  /** Whether an order id is an app or online order, as far as this outbox has seen. */
  #relayed = new Map<string, boolean>();
  /** Ranges the cloud asked for again, sent one after another. */
  #resends: { from: number; to: number }[] = [];
  #resending: Promise<void> | undefined;
  /** The start of every `events` payload of this store, before the event's members. */
  readonly #open: string;

  constructor(options: EventOutboxOptions) {
    this.#o = options;
    this.#open = `{"storeId":${JSON.stringify(options.storeId)},`;
  }

  /** The last seq acknowledged by the broker (with every one before it). */
  get acknowledged(): number {
    return this.#window.through;
  }

  /** Events in the log the broker has not acknowledged. */
  get backlog(): number {
    return Math.max(0, this.#o.events.lastSeq - this.#window.through);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#begin();
  }

  /** Stop sending; what was acknowledged is written to the cursor. */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#end();
    clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    this.#flush();
  }

  /**
   * Publish the events `fromSeq..toSeq` again, for a cloud that lacks them: up to the
   * acknowledged seq (what lies above is on its way already), in seq order, a page at a time with
   * the status of each app or online order among them. The cursor does not move. Requests are
   * queued (at most {@link MAX_RESENDS}; more are dropped, the cloud asks again) and sent one at a
   * time. Resolves when the queue is done; a publish the broker refuses ends the range (logged).
   */
  resend(fromSeq: number, toSeq: number): Promise<void> {
    const known = this.#resends.some((r) => r.from === fromSeq && r.to === toSeq);
    if (this.#running && !known && this.#resends.length < MAX_RESENDS) this.#resends.push({ from: fromSeq, to: toSeq });
    this.#resending ??= this.#drainResends().finally(() => (this.#resending = undefined));
    return this.#resending;
  }

  async #drainResends(): Promise<void> {
    for (let next = this.#resends.shift(); next && this.#running; next = this.#resends.shift()) {
      const to = Math.min(next.to, this.#window.through);
      let since = next.from - 1;
      let sent = 0;
      try {
        while (since < to && this.#running) {
          const page = this.#readPage(since, Math.min(this.#o.window, 500, to - since));
          if (page.rows === 0) break;
          const events = page.events.filter((e) => e.seq <= to);
          const relayed = this.#relayedOrders(events);
          const published: Promise<void>[] = [];
          for (const e of events) {
            published.push(this.#o.publisher.publish('events', this.#text(e)));
            const status = STATUS_OF[e.type];
            const orderId = status ? orderIdOf(e) : undefined;
            if (orderId !== undefined && relayed.has(orderId))
              published.push(
                this.#o.publisher.publish('orders/out', JSON.stringify(statusAnswer(orderId, status!, e))),
              );
          }
          await Promise.all(published);
          sent += events.length;
          since = page.lastRowSeq ?? to;
        }
        this.#o.log.info?.({ from: next.from, to, sent }, 'events sent again for the cloud');
      } catch (err) {
        this.#o.log.warn({ err, from: next.from, to, sent }, 'sending events again failed; the cloud will ask again');
      }
    }
    this.#resends = [];
  }

  #begin(): void {
    const round = ++this.#round;
    const from = this.#o.cursor.seq;
    this.#flushed = from;
    this.#window = new AckWindow(from);
    this.#consumer = new LogConsumer<StoredEventText>({
      events: this.#o.events,
      cursor: new MemoryCursor('mqtt-relay:sent', from),
      handler: (events) => this.#send(round, events),
      readPage: (since, { limit }) => this.#readPage(since, limit),
      log: this.#o.log,
      pageSize: this.#o.pageSize ?? Math.min(this.#o.window, PAGE_SIZE),
      maxPending: Math.max(this.#o.window * 4, 2000),
    });
    this.#consumer.start();
  }

  #end(): void {
    this.#round += 1;
    this.#consumer?.stop();
    this.#consumer = undefined;
    this.#wake();
  }

  /** A page of the log as stored text: the payloads are built around it, not parsed and serialised again. */
  #readPage(since: number, limit: number) {
    return this.#o.events.readTextPage(since, { limit, fields: FIELDS, open: this.#open });
  }

  /**
   * The `events` payload of an event (the same JSON as {@link eventText}); for one read from the
   * log, the text SQLite built around its stored actor and data (never parsed and serialised
   * again). Text, not bytes: mqtt.js copies a Buffer payload into its store of messages in flight,
   * and keeps a string as it is (encoded once, into the socket's write).
   */
  #text(e: Outgoing): string {
    return 'json' in e ? e.json : eventText(this.#o.storeId, e);
  }

  async #send(round: number, events: readonly Outgoing[]): Promise<void> {
    const relayed = this.#relayedOrders(events);
    for (const e of events) {
      while (this.#window.inFlight >= this.#o.window && round === this.#round) {
        await new Promise<void>((resolve) => (this.#room = resolve));
      }
      if (round !== this.#round) return;
      const status = STATUS_OF[e.type];
      const orderId = status ? orderIdOf(e) : undefined;
      const answer = orderId !== undefined && relayed.has(orderId) ? statusAnswer(orderId, status!, e) : undefined;
      this.#window.add(e.seq, answer ? 2 : 1);
      this.#emit(round, e.seq, 'events', this.#text(e));
      if (answer) this.#emit(round, e.seq, 'orders/out', JSON.stringify(answer));
    }
  }

  /** Publish one message of the event `seq` and follow its PUBACK (by callback when the publisher can). */
  #emit(round: number, seq: number, name: 'events' | 'orders/out', payload: string | Buffer): void {
    const publisher = this.#o.publisher;
    if (publisher.send)
      publisher.send(name, payload, (err) => (err ? this.#refused(round, seq, err) : this.#acked(round, seq)));
    else
      publisher.publish(name, payload).then(
        () => this.#acked(round, seq),
        (err: unknown) => this.#refused(round, seq, err),
      );
  }

  #acked(round: number, seq: number): void {
    if (round !== this.#round) return;
    if (this.#window.ack(seq)) this.#scheduleFlush();
    // Woken once an eighth of the window is free, not on every PUBACK: the messages that go
    // out then leave in one write (mqtt-packet corks the socket for the tick), not one each.
    if (this.#window.inFlight <= this.#o.window - Math.max(1, this.#o.window >> 3)) this.#wake();
  }

  #refused(round: number, seq: number, err: unknown): void {
    if (round !== this.#round || !this.#running) return;
    this.#o.log.warn(
      { err, seq, from: this.#window.through + 1 },
      'the broker did not take an event; sending again from the last acknowledged one',
    );
    this.#end();
    this.#flush();
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      if (this.#running) this.#begin();
    }, this.#o.retryMs ?? 1000);
    this.#restartTimer.unref();
  }

  #wake(): void {
    const room = this.#room;
    this.#room = undefined;
    room?.();
  }

  #scheduleFlush(): void {
    if (this.#flushTimer) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      this.#flush();
    }, this.#o.flushMs ?? FLUSH_MS);
    this.#flushTimer.unref();
  }

  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const through = this.#window.through;
    if (through > this.#flushed) {
      this.#o.cursor.advance(through);
      this.#flushed = through;
    }
  }

  /** The ids of app and online orders among the orders these events change the status of. */
  #relayedOrders(events: readonly Outgoing[]): Set<string> {
    const unknown: string[] = [];
    for (const e of events) {
      if (e.type === 'order.placed') {
        const channel = ('json' in e ? e.fields.channel : (e.data as { channel?: unknown }).channel) as
          Channel | undefined;
        this.#remember(e.subject, channel !== undefined && RELAYED_CHANNELS.has(channel));
      } else if (STATUS_OF[e.type]) {
        const id = orderIdOf(e);
        if (id !== undefined && !this.#relayed.has(id)) unknown.push(id);
      }
    }
    if (unknown.length > 0) {
      const found = this.#o.channels(unknown);
      for (const id of unknown) {
        const channel = found.get(id);
        this.#remember(id, channel !== undefined && RELAYED_CHANNELS.has(channel));
      }
    }
    const ids = new Set<string>();
    for (const e of events) {
      const id = STATUS_OF[e.type] ? orderIdOf(e) : undefined;
      if (id !== undefined && this.#relayed.get(id) === true) ids.add(id);
    }
    return ids;
  }

  #remember(orderId: string, relayed: boolean): void {
    if (this.#relayed.size >= CHANNEL_CACHE) {
      const oldest = this.#relayed.keys().next();
      if (!oldest.done) this.#relayed.delete(oldest.value);
    }
    this.#relayed.set(orderId, relayed);
  }
}

function orderIdOf(e: Outgoing): string | undefined {
  const id = 'json' in e ? e.fields.orderId : (e.data as { orderId?: unknown }).orderId;
  return typeof id === 'string' ? id : undefined;
}

function statusAnswer(orderId: string, status: RelayedOrderStatus, e: Outgoing): OrderAnswer {
  const at = 'json' in e ? new Date(e.atMs).toISOString() : e.at;
  return { kind: 'status', orderId, status, seq: e.seq, at };
}

/** The `events` payload of a logged event (already checked against the catalogue when it was appended). */
export function eventText(storeId: string, e: StoreEvent): string {
  return JSON.stringify({
    storeId,
    seq: e.seq,
    id: e.id,
    type: e.type,
    version: e.version,
    subject: e.subject,
    at: e.at,
    actor: e.actor,
    device: e.device,
    data: e.data,
  });
}
