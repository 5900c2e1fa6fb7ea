/**
 * The one WebSocket stream. A client subscribes to topics with the last seq it saw; it gets
 * what it missed from the log, then live events after commit, and heartbeats. A client that
 * cannot keep up is dropped (it reconnects and resumes) so it never stalls the others.
 */
import { streamClientMessageSchema, topicOf, type StoreEvent, type StreamServerMessage } from '@tillbox/core';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { EventLog } from '../events/event-log.js';

export interface StreamHubOptions {
  storeId: string;
  heartbeatMs: number;
  maxBufferedBytes: number;
  maxBacklog: number;
}

interface Client {
  socket: WebSocket;
  topics: ReadonlySet<string> | undefined;
  /** Highest seq sent to this client. */
  sent: number;
  alive: boolean;
  badMessages: number;
}

/** Close codes (4000–4999 are the application's). */
export const CLOSE_TOO_SLOW = 4008;
export const CLOSE_GARBAGE = 4000;
export const CLOSE_SHUTDOWN = 1001;

const MAX_BAD_MESSAGES = 20;

export class StreamHub {
  private readonly clients = new Set<Client>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly events: EventLog,
    private readonly options: StreamHubOptions,
    private readonly log: Logger,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  start(): void {
    this.unsubscribe = this.events.subscribe((batch) => this.broadcast(batch));
    this.timer = setInterval(() => this.heartbeat(), this.options.heartbeatMs);
    this.timer.unref();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const c of this.clients) c.socket.close(CLOSE_SHUTDOWN, 'edge shutting down');
    this.clients.clear();
  }

  /** Take over a freshly upgraded socket. */
  accept(socket: WebSocket): void {
    const client: Client = { socket, topics: undefined, sent: 0, alive: true, badMessages: 0 };
    this.clients.add(client);
    socket.on('message', (data, isBinary) => this.onMessage(client, data, isBinary));
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => this.clients.delete(client));
    socket.on('error', (err) => {
      this.log.debug({ err }, 'stream socket error');
      this.clients.delete(client);
    });
    this.send(client, {
      type: 'hello',
      head: this.events.lastSeq,
      storeId: this.options.storeId,
      heartbeatMs: this.options.heartbeatMs,
    });
  }

  private onMessage(client: Client, data: unknown, isBinary: boolean): void {
    client.alive = true;
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

  private subscribe(client: Client, topics: readonly string[], since: number): void {
    const head = this.events.lastSeq;
    // Backlog read and live registration happen in this one synchronous turn, so no commit
    // can fall between them: the client gets every event exactly once.
    client.topics = new Set(topics);
    this.send(client, { type: 'subscribed', topics: [...topics], since, head });
    if (since > head) {
      client.topics = undefined;
      this.send(client, {
        type: 'resync',
        reason: `seq ${since} is ahead of this store's log (${head}); reload`,
        head,
      });
      return;
    }
    const backlog = this.events.readSince(since, { topics, limit: this.options.maxBacklog + 1 });
    if (backlog.length > this.options.maxBacklog) {
      client.topics = undefined;
      this.send(client, { type: 'resync', reason: `more than ${this.options.maxBacklog} events missed; reload`, head });
      return;
    }
    client.sent = since;
    for (const event of backlog) this.sendEvent(client, event, JSON.stringify({ type: 'event', event }));
    client.sent = Math.max(client.sent, head);
    this.send(client, { type: 'caught-up', seq: head });
  }

  private broadcast(batch: readonly StoreEvent[]): void {
    // One frame text per event, shared by every client; each client's frames for the batch go
    // out in one write (the socket is corked while they are queued).
    const frames = batch.map((event) => ({
      event,
      topic: topicOf(event.type),
      frame: JSON.stringify({ type: 'event', event }),
    }));
    for (const client of this.clients) {
      const wanted = frames.filter((f) => client.topics?.has(f.topic) && f.event.seq > client.sent);
      if (wanted.length === 0) continue;
      const raw = (client.socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
      raw?.cork();
      for (const f of wanted) this.sendEvent(client, f.event, f.frame);
      raw?.uncork();
    }
  }

  private sendEvent(client: Client, event: StoreEvent, frame: string): void {
    if (this.sendRaw(client, frame)) client.sent = event.seq;
  }

  private send(client: Client, message: StreamServerMessage): void {
    this.sendRaw(client, JSON.stringify(message));
  }

  private sendRaw(client: Client, frame: string): boolean {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.log.warn(
        { buffered: socket.bufferedAmount },
        'dropping a stream client that cannot keep up; it will resume',
      );
      this.clients.delete(client);
      socket.close(CLOSE_TOO_SLOW, 'too slow; reconnect and resume from your last seq');
      // A socket that is not reading may never complete the close handshake.
      setTimeout(() => socket.terminate(), 2000).unref();
      return false;
    }
    socket.send(frame);
    return true;
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
        this.clients.delete(client);
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
      this.sendRaw(client, frame);
    }
  }
}
