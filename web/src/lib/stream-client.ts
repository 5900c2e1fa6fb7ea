/**
 * The screens' side of the edge's event stream (`/api/v1/stream`, protocol in
 * `@tillbox/core` wire/events.ts). It keeps one WebSocket open, subscribes from the last seq
 * its owner has applied so a reconnect delivers exactly what was missed, watches for silence
 * (heartbeats come every `heartbeatMs`), and reconnects with backoff. It holds no order state:
 * the owner loads snapshots and applies events through {@link StreamHandlers}.
 */
import {
  streamDisplayFrameSchema,
  streamEventFrameSchema,
  streamScanFrameSchema,
  type CustomerDisplayView,
  type OrderView,
  type Scan,
  type StoreEvent,
  type StreamClientMessage,
  type StreamTopic,
} from '@tillbox/core';

export type ConnectionState = 'connecting' | 'live' | 'lost';

export interface StreamHello {
  head: number;
  storeId: string;
  heartbeatMs: number;
}

export interface StreamHandlers {
  /**
   * Called after every `hello` (with `resync: false`) and after a `resync` (with `resync: true`),
   * before subscribing. Load a snapshot here if needed; resolve to the seq to subscribe from.
   */
  prepare(hello: StreamHello, resync: boolean): Promise<number>;
  /**
   * One event of a subscribed topic, in seq order, with the current view of the order it is
   * about (when it is about one). The owner drops seqs it has already applied.
   */
  event(event: StoreEvent, order: OrderView | undefined): void;
  /** What a customer display shows now (topic `display`: a view, not an event of the log). */
  display?(view: CustomerDisplayView): void;
  /** A code a scanner on the store box read (topic `scanner`: live input, not an event of the log). */
  scan?(scan: Scan): void;
  /** The connection state changed. */
  state?(state: ConnectionState): void;
  /** Any message arrived, heartbeats included. `serverAt` is the edge's clock when it says so. */
  heard?(at: number, serverAt: number | undefined): void;
  /** Something went wrong that the owner may want to show or log. */
  problem?(message: string): void;
}

/** The part of the browser WebSocket the client uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface StreamClientOptions {
  url: string;
  topics: StreamTopic[];
  handlers: StreamHandlers;
  createSocket?: (url: string) => SocketLike;
  now?: () => number;
  /** First reconnect delay; it doubles up to {@link maxBackoffMs}. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Silence longer than this many heartbeats counts as a lost connection. */
  silenceFactor?: number;
  /** Heartbeat interval assumed until the edge's hello says otherwise. */
  defaultHeartbeatMs?: number;
  /** How often the silence watchdog looks. */
  watchdogMs?: number;
}

const OPEN = 1;

/**
 * The stream URL at the same origin as the page. `screen` (the device role: `kds`, `pickup`, ...)
 * picks the device credential the edge checks, as `x-tillbox-screen` does for HTTP requests.
 */
export function streamUrl(location: Pick<Location, 'protocol' | 'host'>, screen?: string): string {
  const query = screen === undefined ? '' : `?screen=${encodeURIComponent(screen)}`;
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/stream' + query;
}

type ServerMessage =
  | { type: 'hello'; hello: StreamHello }
  | { type: 'event'; event: StoreEvent; order: OrderView | undefined }
  | { type: 'display'; display: CustomerDisplayView }
  | { type: 'scan'; scan: Scan }
  | { type: 'caught-up'; seq: number }
  | { type: 'resync'; reason: string; head: number }
  | { type: 'heartbeat'; at: number | undefined }
  | { type: 'error'; message: string }
  /** A message of a known type this screen cannot read (e.g. the edge is newer than the page). */
  | { type: 'unreadable'; message: string }
  | { type: 'other' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Read one message from the edge; undefined when it is not a message at all. */
export function parseServerMessage(raw: unknown): ServerMessage | undefined {
  if (typeof raw !== 'string') return undefined;
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(msg) || typeof msg.type !== 'string') return undefined;
  switch (msg.type) {
    case 'hello':
      return {
        type: 'hello',
        hello: {
          head: num(msg.head, 0),
          storeId: typeof msg.storeId === 'string' ? msg.storeId : '',
          heartbeatMs: Math.max(100, num(msg.heartbeatMs, 5000)),
        },
      };
    case 'event': {
      const parsed = streamEventFrameSchema.safeParse(msg);
      if (parsed.success) return { type: 'event', event: parsed.data.event, order: parsed.data.order };
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'message';
      return { type: 'unreadable', message: `unreadable event frame: ${where}: ${issue?.message ?? 'invalid'}` };
    }
    case 'display': {
      const parsed = streamDisplayFrameSchema.safeParse(msg);
      if (parsed.success) return { type: 'display', display: parsed.data.display };
      return { type: 'unreadable', message: 'unreadable customer display frame' };
    }
    case 'scan': {
      const parsed = streamScanFrameSchema.safeParse(msg);
      if (parsed.success) return { type: 'scan', scan: parsed.data.scan };
      return { type: 'unreadable', message: 'unreadable scan frame' };
    }
    case 'caught-up':
      return { type: 'caught-up', seq: num(msg.seq, 0) };
    case 'resync':
      return { type: 'resync', reason: typeof msg.reason === 'string' ? msg.reason : '', head: num(msg.head, 0) };
    case 'heartbeat': {
      const at = typeof msg.at === 'string' ? Date.parse(msg.at) : NaN;
      return { type: 'heartbeat', at: Number.isNaN(at) ? undefined : at };
    }
    case 'error':
      return { type: 'error', message: typeof msg.message === 'string' ? msg.message : 'stream error' };
    default:
      return { type: 'other' };
  }
}

export class StreamClient {
  readonly #opts: Required<Omit<StreamClientOptions, 'createSocket' | 'now'>>;
  readonly #createSocket: (url: string) => SocketLike;
  readonly #now: () => number;
  #socket: SocketLike | undefined;
  /** Bumped on every new socket so callbacks of an old one are ignored. */
  #generation = 0;
  #running = false;
  #state: ConnectionState = 'connecting';
  #backoffMs: number;
  #heartbeatMs: number;
  #silenceSince = 0;
  #hello: StreamHello | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #watchdog: ReturnType<typeof setInterval> | undefined;

  constructor(options: StreamClientOptions) {
    this.#opts = {
      url: options.url,
      topics: options.topics,
      handlers: options.handlers,
      initialBackoffMs: options.initialBackoffMs ?? 250,
      maxBackoffMs: options.maxBackoffMs ?? 3000,
      silenceFactor: options.silenceFactor ?? 2.5,
      defaultHeartbeatMs: options.defaultHeartbeatMs ?? 5000,
      watchdogMs: options.watchdogMs ?? 500,
    };
    this.#createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.#now = options.now ?? (() => Date.now());
    this.#backoffMs = this.#opts.initialBackoffMs;
    this.#heartbeatMs = this.#opts.defaultHeartbeatMs;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** The heartbeat interval the edge announced (or the default before it has). */
  get heartbeatMs(): number {
    return this.#heartbeatMs;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#setState('connecting');
    this.#watchdog = setInterval(() => this.#checkSilence(), this.#opts.watchdogMs);
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    clearInterval(this.#watchdog);
    clearTimeout(this.#reconnectTimer);
    this.#watchdog = undefined;
    this.#reconnectTimer = undefined;
    this.#drop();
  }

  /** Ask the edge for a pong; any answer counts as hearing from it. */
  ping(): void {
    this.#send({ type: 'ping', at: this.#now() });
  }

  #connect(): void {
    if (!this.#running) return;
    const generation = ++this.#generation;
    this.#silenceSince = this.#now(); // the silence clock starts with the attempt
    let socket: SocketLike;
    try {
      socket = this.#createSocket(this.#opts.url);
    } catch (e) {
      this.#opts.handlers.problem?.(e instanceof Error ? e.message : String(e));
      this.#lost();
      return;
    }
    this.#socket = socket;
    socket.onmessage = (ev) => {
      if (generation === this.#generation) this.#onMessage(ev.data, generation);
    };
    socket.onclose = () => {
      if (generation === this.#generation) this.#lost();
    };
    socket.onerror = () => {
      // A close event follows; nothing to do until then.
    };
  }

  #onMessage(raw: unknown, generation: number): void {
    const msg = parseServerMessage(raw);
    const at = this.#now();
    this.#silenceSince = at;
    this.#opts.handlers.heard?.(at, msg?.type === 'heartbeat' ? msg.at : undefined);
    if (!msg) return;
    switch (msg.type) {
      case 'hello':
        this.#hello = msg.hello;
        this.#heartbeatMs = msg.hello.heartbeatMs;
        void this.#subscribe(msg.hello, false, generation);
        break;
      case 'resync':
        if (this.#hello) void this.#subscribe({ ...this.#hello, head: msg.head }, true, generation);
        break;
      case 'event':
        this.#opts.handlers.event(msg.event, msg.order);
        break;
      case 'display':
        this.#opts.handlers.display?.(msg.display);
        break;
      case 'scan':
        this.#opts.handlers.scan?.(msg.scan);
        break;
      case 'caught-up':
        this.#backoffMs = this.#opts.initialBackoffMs;
        this.#setState('live');
        break;
      case 'error':
      case 'unreadable':
        this.#opts.handlers.problem?.(msg.message);
        break;
      default:
        break;
    }
  }

  async #subscribe(hello: StreamHello, resync: boolean, generation: number): Promise<void> {
    let since: number;
    try {
      since = await this.#opts.handlers.prepare(hello, resync);
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#opts.handlers.problem?.(e instanceof Error ? e.message : String(e));
      this.#drop();
      this.#lost();
      return;
    }
    if (generation !== this.#generation) return;
    this.#send({ type: 'subscribe', topics: this.#opts.topics, since });
  }

  #send(message: StreamClientMessage): void {
    const socket = this.#socket;
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message));
  }

  #checkSilence(): void {
    if (!this.#running || this.#reconnectTimer !== undefined) return;
    const silentFor = this.#now() - this.#silenceSince;
    if (silentFor > this.#heartbeatMs * this.#opts.silenceFactor) {
      this.#opts.handlers.problem?.(`no word from the edge for ${Math.round(silentFor / 1000)} s`);
      this.#drop();
      this.#lost();
    }
  }

  /** Forget the current socket without waiting for its close handshake (it may never come). */
  #drop(): void {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#generation++;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close();
    } catch {
      // already closed
    }
  }

  #lost(): void {
    if (!this.#running) return;
    this.#socket = undefined;
    this.#generation++;
    this.#setState('lost');
    if (this.#reconnectTimer !== undefined) return;
    const delay = this.#backoffMs;
    this.#backoffMs = Math.min(this.#backoffMs * 2, this.#opts.maxBackoffMs);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#connect();
    }, delay);
  }

  #setState(state: ConnectionState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#opts.handlers.state?.(state);
  }
}
