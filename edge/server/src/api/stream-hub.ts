/**
 * The one WebSocket stream. A screen subscribes to topics with the last seq it saw; each socket
 * has at most one subscription, a {@link LogConsumer} with an in-memory cursor at that seq: it
 * replays what the screen missed in pages (never blocking other clients or HTTP), then carries
 * live events after commit. The last event frame about each order of each topic in a committed
 * batch (or a replayed page) carries the order's current view, made once per batch and shared by
 * all clients; an earlier frame about the same order in it carries none (a counter order's
 * `order.placed` and `order.fired` come in one batch: 5.3 KB per client per order instead of
 * ~7.5). A client that cannot keep up is dropped (it reconnects and resumes) so it never stalls
 * the others.
 */
import {
  authorize,
  eventDataWithoutMember,
  jsonDepthError,
  STREAM_TOPIC_PERMISSIONS,
  STREAM_TOPICS,
  streamClientMessageSchema,
  topicOf,
  withoutMember,
  type Actor,
  type DevicePrincipal,
  type OrderView,
  type StaffPrincipal,
  type StoreEvent,
  type StreamServerMessage,
  type StreamTopic,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { MemoryCursor } from '../events/cursor-repository.js';
import type { EventLog } from '../events/event-log.js';
import { LogConsumer, ReadBudget, type Delivery } from '../events/log-consumer.js';

export interface StreamHubOptions {
  storeId: string;
  heartbeatMs: number;
  maxBufferedBytes: number;
  /** A client whose seq is further behind the head than this reloads its snapshot instead of replaying. */
  maxBacklog: number;
  /**
   * The screen views of these orders, by id (ids not found are left out), as they are once `batch`
   * (a committed batch or a replay page) is: the current ones. Called once per committed batch and
   * once per replay page, never per event or per client.
   */
  views: (subjects: string[], batch: readonly StoreEvent[]) => Map<string, OrderView>;
  /** Events per replay page; the hub yields to the event loop between pages. */
  pageSize?: number;
  /** Topics that are live views rather than events of the log (the customer display), by topic. */
  feeds?: Partial<Record<StreamTopic, LiveFeed>>;
}

/**
 * A topic whose frames are not events of the log but the latest view of something kept in memory
 * (what a counter shows its guest): sent at once on subscribing, then on each change, only to the
 * clients the feed chooses.
 */
export interface LiveFeed {
  /** Send this client its frames (JSON text) from now on; answers how to stop. */
  watch(principal: StreamPrincipal, send: (frame: string) => void): () => void;
}

/** Who is listening, as the request's credential says. */
export interface StreamPrincipal {
  device: DevicePrincipal;
  staff?: StaffPrincipal | undefined;
}

interface Client {
  id: number;
  socket: WebSocket;
  principal: StreamPrincipal;
  /** The socket's one subscription, if it has subscribed. */
  consumer: LogConsumer | undefined;
  /** Stops the live feeds of its subscription. */
  unwatch: (() => void) | undefined;
  alive: boolean;
  badMessages: number;
}

/** Close codes (4000–4999 are the application's). */
export const CLOSE_TOO_SLOW = 4008;
export const CLOSE_GARBAGE = 4000;
export const CLOSE_SHUTDOWN = 1001;

const MAX_BAD_MESSAGES = 20;
/** A frame built as bytes goes out as text (JSON), not binary. */
const TEXT = { binary: false } as const;
const STREAMED = new Set<string>(STREAM_TOPICS);
/** Topics whose events are about an order: their frames carry its view (a stock event says all it means itself). */
export const ABOUT_ORDERS = new Set<string>(['order', 'ticket']);

/** The TCP socket under a `ws` WebSocket. */
type RawSocket = { _socket?: { write(data: Buffer): boolean } };

/**
 * Payloads as unmasked, final WebSocket text frames (RFC 6455 §5.2), one after another, in one
 * buffer: the bytes every client of a batch is sent alike, built once per batch instead of once
 * per client by `ws`, each text written straight into its frame (no buffer of its own to copy).
 */
export function textFrames(texts: readonly string[]): Buffer {
  const sizes = texts.map((t) => Buffer.byteLength(t));
  const head = (n: number): number => (n < 126 ? 2 : n < 65_536 ? 4 : 10);
  const frames = Buffer.allocUnsafe(sizes.reduce((sum, n) => sum + head(n) + n, 0));
  let at = 0;
  texts.forEach((text, i) => {
    const n = sizes[i] as number;
    frames[at] = 0x81; // FIN, text
    if (n < 126) frames[at + 1] = n;
    else if (n < 65_536) {
      frames[at + 1] = 126;
      frames.writeUInt16BE(n, at + 2);
    } else {
      frames[at + 1] = 127;
      frames.writeBigUInt64BE(BigInt(n), at + 2);
    }
    at += head(n);
    at += frames.write(text, at, 'utf8');
  });
  return frames;
}

/** A batch's frames: each event's payload (JSON text) and, built when first sent raw, the bytes of a set of them. */
interface BatchFrames {
  payloads: Map<number, string>;
  /** By the seqs a client is sent (most clients are sent the same ones), the bytes that go out. */
  wire: Map<string, Buffer>;
}

/** Who did it, as the screens get it: kind, id and role, never a staff member's name (a pickup board is public). */
function anonymous(actor: Actor): Actor {
  const { name: _name, approvedBy, ...rest } = actor;
  if (!approvedBy) return rest;
  const { name: _approver, ...approver } = approvedBy;
  return { ...rest, approvedBy: approver };
}

/**
 * An event as it goes out on the stream: as stored, with its actor {@link anonymous} and without
 * who the loyalty member is (the kitchen and the pickup board receive it too).
 */
function onScreens(event: StoreEvent): StoreEvent {
  return { ...event, actor: anonymous(event.actor), data: eventDataWithoutMember(event.data) };
}

/** The bytes of `events`' frames, one after another, built once per batch for each set of events sent. */
function wireOf(frames: BatchFrames, events: readonly StoreEvent[]): Buffer | undefined {
  const key = events.length === 1 ? String(events[0]?.seq) : events.map((e) => e.seq).join(',');
  let bytes = frames.wire.get(key);
  if (bytes === undefined) {
    const texts: string[] = [];
    for (const event of events) {
      const payload = frames.payloads.get(event.seq);
      if (payload !== undefined) texts.push(payload);
    }
    if (texts.length === 0) return undefined;
    bytes = textFrames(texts);
    frames.wire.set(key, bytes);
  }
  return bytes;
}

export class StreamHub {
  private readonly clients = new Set<Client>();
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  /**
   * Event frames of a committed batch or a replay page, keyed by the batch array itself: a live
   * batch is the same array for every client's consumer, so its views are read and its frames
   * serialised once; entries go when no consumer holds the batch any more.
   */
  private readonly frames = new WeakMap<readonly StoreEvent[], BatchFrames>();
  /**
   * Every client's replay takes turns here: one page of the log per turn of the event loop among
   * all the clients behind, so however many subscribe from 0 at once, orders keep being taken.
   */
  private readonly replayBudget = new ReadBudget(1);

  constructor(
    private readonly events: EventLog,
    private readonly options: StreamHubOptions,
    private readonly log: Logger,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  start(): void {
    this.timer = setInterval(() => this.heartbeat(), this.options.heartbeatMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const c of this.clients) {
      c.consumer?.stop();
      c.socket.close(CLOSE_SHUTDOWN, 'edge shutting down');
    }
    this.clients.clear();
  }

  /** Take over a freshly upgraded socket of an authenticated device (and staff member, if signed in). */
  accept(socket: WebSocket, principal: StreamPrincipal): void {
    const client: Client = {
      id: this.nextId++,
      socket,
      principal,
      consumer: undefined,
      unwatch: undefined,
      alive: true,
      badMessages: 0,
    };
    this.clients.add(client);
    socket.on('message', (data, isBinary) => this.onMessage(client, data, isBinary));
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => this.forget(client));
    socket.on('error', (err) => {
      this.log.debug({ err, client: client.id }, 'stream socket error');
      this.forget(client);
    });
    this.send(client, {
      type: 'hello',
      head: this.events.lastSeq,
      storeId: this.options.storeId,
      heartbeatMs: this.options.heartbeatMs,
    });
  }

  private forget(client: Client): void {
    client.consumer?.stop();
    client.consumer = undefined;
    client.unwatch?.();
    client.unwatch = undefined;
    this.clients.delete(client);
  }

  private onMessage(client: Client, data: unknown, isBinary: boolean): void {
    client.alive = true;
    // Measured on the text, before the schema (which recurses) ever sees a deep document.
    const tooDeep = isBinary ? undefined : jsonDepthError(String(data));
    if (tooDeep) return this.reject(client, tooDeep);
    let parsed: unknown;
    try {
      if (isBinary) throw new Error('binary frames are not accepted');
      parsed = JSON.parse(String(data));
    } catch (e) {
      this.reject(client, `not a JSON message: ${(e as Error).message}`);
      return;
    }
    const result = streamClientMessageSchema.safeParse(parsed);
    if (!result.success) {
      const reason = result.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
      this.reject(client, `invalid message: ${reason}`);
      return;
    }
    const msg = result.data;
    if (msg.type === 'ping') {
      this.send(client, msg.at === undefined ? { type: 'pong' } : { type: 'pong', at: msg.at });
      return;
    }
    this.subscribe(client, msg.topics, msg.since);
  }

  private reject(client: Client, message: string): void {
    client.badMessages += 1;
    this.send(client, { type: 'error', code: 'validation', message });
    if (client.badMessages >= MAX_BAD_MESSAGES) client.socket.close(CLOSE_GARBAGE, 'too many invalid messages');
  }

  /** A new subscription replaces the socket's old one; a refused one changes nothing. */
  private subscribe(client: Client, topics: readonly StreamTopic[], since: number): void {
    const { device, staff } = client.principal;
    for (const topic of topics) {
      const allowed = authorize(STREAM_TOPIC_PERMISSIONS[topic], device, staff);
      if (!allowed.ok) {
        this.send(client, { type: 'error', code: 'forbidden', message: allowed.reason });
        return;
      }
    }
    client.consumer?.stop();
    client.consumer = undefined;
    client.unwatch?.();
    client.unwatch = undefined;
    const head = this.events.lastSeq;
    this.send(client, { type: 'subscribed', topics: [...topics], since, head });
    const feeds = this.options.feeds ?? {};
    const live = topics.flatMap((t) => feeds[t] ?? []);
    if (live.length > 0) {
      const stops = live.map((feed) => feed.watch(client.principal, (frame) => this.sendRaw(client, frame)));
      client.unwatch = () => stops.forEach((stop) => stop());
    }
    const logged = topics.filter((t) => feeds[t] === undefined);
    // Only live views: nothing of the log to replay.
    if (logged.length === 0) return this.send(client, { type: 'caught-up', seq: head });
    if (since > head) {
      this.send(client, {
        type: 'resync',
        reason: `seq ${since} is ahead of this store's log (${head}); reload`,
        head,
      });
      return;
    }
    if (head - since > this.options.maxBacklog) {
      this.send(client, { type: 'resync', reason: `more than ${this.options.maxBacklog} events missed; reload`, head });
      return;
    }
    const consumer: LogConsumer = new LogConsumer({
      events: this.events,
      cursor: new MemoryCursor(`stream-client-${client.id}`, since),
      topics: logged,
      ...(this.options.pageSize ? { pageSize: this.options.pageSize } : {}),
      log: this.log,
      budget: this.replayBudget,
      handler: (events, delivery) => this.deliver(client, consumer, events, delivery),
      caughtUp: (seq) => this.send(client, { type: 'caught-up', seq }),
    });
    client.consumer = consumer;
    consumer.start();
  }

  private async deliver(
    client: Client,
    consumer: LogConsumer,
    events: readonly StoreEvent[],
    delivery: Delivery,
  ): Promise<void> {
    if (client.consumer !== consumer) return; // replaced or gone: nothing more for it
    // Whether the client keeps up is judged by what is still unsent from before this batch.
    if (!this.keepingUp(client)) return;
    const frames = this.framesOf(delivery.batch);
    const { socket } = client;
    // Without a compression extension, `ws` writes a frame straight to the TCP socket; the same
    // bytes, framed once per batch for every client, go out in one write per client.
    const raw = socket.extensions === '' ? (socket as unknown as RawSocket)._socket : undefined;
    if (raw) {
      const bytes = wireOf(frames, events);
      if (bytes) raw.write(bytes);
    } else {
      for (const event of events) {
        const payload = frames.payloads.get(event.seq);
        if (payload !== undefined) socket.send(payload, TEXT);
      }
    }
    if (delivery.source === 'log') await this.drained(client);
  }

  /** The frames of a batch or page, building them (and reading its views) the first time they are asked for. */
  private framesOf(batch: readonly StoreEvent[]): BatchFrames {
    const known = this.frames.get(batch);
    if (known) return known;
    const streamed = batch.filter((e) => STREAMED.has(topicOf(e.type)));
    const subjects = [...new Set(streamed.filter((e) => ABOUT_ORDERS.has(topicOf(e.type))).map((e) => e.subject))];
    const views = subjects.length > 0 ? this.options.views(subjects, batch) : new Map<string, OrderView>();
    // Each view is serialised once, even when several events of the batch are about its order.
    const viewJson = new Map<string, string>();
    const frames = new Map<number, string>();
    // The view goes on the last event about each order of each topic: a client gets every event
    // of its topics, so it has the view once the batch is in (as the order is after the batch).
    const lastOfTopic = new Map<string, number>();
    for (const event of streamed) lastOfTopic.set(`${topicOf(event.type)} ${event.subject}`, event.seq);
    for (const event of streamed) {
      const topic = topicOf(event.type);
      const carries = ABOUT_ORDERS.has(topic) && lastOfTopic.get(`${topic} ${event.subject}`) === event.seq;
      const view = carries ? views.get(event.subject) : undefined;
      let order = '';
      if (view) {
        let json = viewJson.get(event.subject);
        if (json === undefined) {
          json = JSON.stringify(withoutMember(view));
          viewJson.set(event.subject, json);
        }
        order = `,"order":${json}`;
      }
      frames.set(event.seq, `{"type":"event","event":${JSON.stringify(onScreens(event))}${order}}`);
    }
    const built: BatchFrames = { payloads: frames, wire: new Map() };
    this.frames.set(batch, built);
    return built;
  }

  /**
   * After a replay page, wait until the socket has sent most of it before reading the next, so a
   * replay is paced by the client instead of piling up in memory. A client that drains nothing
   * for two heartbeats is dropped like any other slow one.
   */
  private async drained(client: Client): Promise<void> {
    const { socket } = client;
    const limit = this.options.maxBufferedBytes / 2;
    const deadline = Date.now() + 2 * this.options.heartbeatMs;
    while (socket.readyState === socket.OPEN && socket.bufferedAmount > limit) {
      if (Date.now() > deadline) {
        this.drop(client, socket.bufferedAmount);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private send(client: Client, message: StreamServerMessage): void {
    this.sendRaw(client, JSON.stringify(message));
  }

  private sendRaw(client: Client, frame: string): void {
    if (this.keepingUp(client)) client.socket.send(frame);
  }

  /** Open and not too far behind; a client whose unsent bytes pass the limit is dropped here. */
  private keepingUp(client: Client): boolean {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.drop(client, socket.bufferedAmount);
      return false;
    }
    return true;
  }

  private drop(client: Client, buffered: number): void {
    this.log.warn({ client: client.id, buffered }, 'dropping a stream client that cannot keep up; it will resume');
    this.forget(client);
    const { socket } = client;
    socket.close(CLOSE_TOO_SLOW, 'too slow; reconnect and resume from your last seq');
    // A socket that is not reading may never complete the close handshake.
    setTimeout(() => socket.terminate(), 2000).unref();
  }

  private heartbeat(): void {
    const frame = JSON.stringify({
      type: 'heartbeat',
      head: this.events.lastSeq,
      at: new Date().toISOString(),
    } satisfies StreamServerMessage);
    for (const client of this.clients) {
      if (!client.alive) {
        // No pong and no message since the last beat: the peer is gone.
        this.forget(client);
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
      this.sendRaw(client, frame);
    }
  }
}
