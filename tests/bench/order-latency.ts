/**
 * Order-to-KDS latency: the built edge in its own process, N stream clients subscribed like
 * KDS screens, orders POSTed at a fixed rate. Latency = POST sent → the `order.fired` ticket
 * received by the last of the N clients.
 */
import { Agent, request, type ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { uuidv7, type StreamServerMessage } from '@tillbox/core';
import WebSocket from 'ws';
import { edgeHeaders, type RequestHeaders } from './auth.js';

export interface RateResult {
  targetRate: number;
  achievedRate: number;
  orders: number;
  completed: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
  ackP50: number;
  ackP99: number;
  /** Every completed order's latency, ms, sorted (what the percentiles are read from). */
  latencies: number[];
  /** Every answered POST's time to its answer, ms, sorted. */
  acks: number[];
  /** Why orders failed, with how many: `HTTP 503`, `ECONNRESET`, `no ticket in 10 s`. */
  failures: Record<string, number>;
  /** Orders sent on a connection opened during the turn (every other one went on one opened before it). */
  onNewConnections: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

const ORDER_LINES = [
  { itemId: 'latte', variantId: 'medium', modifiers: [{ groupId: 'milk', optionId: 'oat' }], quantity: 1 },
  { itemId: 'croissant', modifiers: [{ groupId: 'warm', optionId: 'warmed' }], quantity: 2 },
];

export class KdsFleet {
  private sockets: WebSocket[] = [];
  /** order id → [send time, clients that have the ticket] */
  private pending = new Map<string, { sent: number; seen: number; resolve: (ms: number) => void }>();

  private constructor(private readonly size: number) {}

  /**
   * `size` KDS-like clients (orders and tickets; latency is measured at the last of them) and
   * `others` clients that only follow orders, like pickup boards. `headers` gives each client's
   * credential (see auth.ts); none by default.
   */
  static async connect(
    baseUrl: string,
    size: number,
    others = 0,
    headers: (role: 'kds' | 'pickup') => Promise<RequestHeaders> = async () => ({}),
  ): Promise<KdsFleet> {
    const fleet = new KdsFleet(size);
    await Promise.all([
      ...Array.from({ length: size }, async () => fleet.open(baseUrl, await headers('kds'), ['order', 'ticket'], true)),
      ...Array.from({ length: others }, async () => fleet.open(baseUrl, await headers('pickup'), ['order'], false)),
    ]);
    return fleet;
  }

  private async open(baseUrl: string, headers: RequestHeaders, topics: string[], measured: boolean): Promise<void> {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/api/v1/stream', { headers });
    this.sockets.push(ws);
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (raw) => {
        const text = String(raw);
        // The harness shares the machine with the edge: read event frames without a full
        // JSON.parse (a real KDS is its own device), and only the fired ticket is timed.
        if (text.startsWith('{"type":"event"')) {
          if (measured && text.includes('"type":"order.fired"')) {
            const at = text.indexOf('"subject":"') + 11;
            this.seen(text.slice(at, text.indexOf('"', at)));
          }
          return;
        }
        const msg = JSON.parse(text) as StreamServerMessage;
        if (msg.type === 'hello') ws.send(JSON.stringify({ type: 'subscribe', topics, since: msg.head }));
        else if (msg.type === 'caught-up') resolve();
      });
      ws.once('error', reject);
    });
  }

  private seen(orderId: string): void {
    const p = this.pending.get(orderId);
    if (!p) return;
    p.seen += 1;
    if (p.seen === this.size) {
      this.pending.delete(orderId);
      p.resolve(performance.now() - p.sent);
    }
  }

  /** Register an order about to be sent; resolves with its latency when every client has it. */
  expect(orderId: string, sent: number): Promise<number> {
    return new Promise((resolve) => this.pending.set(orderId, { sent, seen: 0, resolve }));
  }

  forget(orderId: string): void {
    this.pending.delete(orderId);
  }

  close(): void {
    for (const s of this.sockets) s.terminate();
  }
}

/** What the bench drives: where it is and the credentials its clients present. */
export interface Target {
  name: string;
  url: string;
  /** A stream client's headers: KDS screens, and pickup boards that only follow orders. */
  clientHeaders(role: 'kds' | 'pickup'): Promise<RequestHeaders>;
  /** The headers of the device that places the orders. */
  orderHeaders(): Promise<RequestHeaders>;
  /** The server's process, when the bench started it: the other target's turn waits for it to go quiet. */
  pid?: number | undefined;
}

/** The edge, driven as the store's devices drive it: each client paired as its own device. */
export function edgeTarget(url: string, pid?: number): Target {
  return {
    name: 'Tillbox',
    url,
    pid,
    clientHeaders: (role) => edgeHeaders(url, role),
    orderHeaders: () => edgeHeaders(url, 'counter', 'cashier'),
  };
}

/** Connections the placing client may hold to each target (kept open between orders). */
const CONNECTIONS = 64;
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
/** Every connection the agent has handed a request (a request that waited for one gets one of these). */
const connections = new WeakSet<Socket>();

/** Calls `opened` when `req` goes on a connection no request has had before. */
function watchConnection(req: ClientRequest, opened: () => void = () => {}): void {
  req.on('socket', (socket) => {
    if (connections.has(socket)) return;
    connections.add(socket);
    opened();
  });
}

/**
 * Opens the client's connections to `baseUrl` before a turn, so that orders go on connections a
 * store's devices would already hold. Node 20's libuv accepts one new connection per turn of the
 * server's event loop (libuv#3696); on a busy server each turn is a group commit of a few ms, so
 * connections opened in a burst mid-turn held their first orders ~5 ms each in line (the first
 * 800/s step opened ~50–70, their orders 90–200 ms). How many orders still went on a new connection
 * is counted ({@link RateResult.onNewConnections}). Any path does: the answer (a 404 on the floor)
 * is read and the connection kept. They are opened anew for each turn.
 */
export async function openConnections(baseUrl: string, count = CONNECTIONS): Promise<void> {
  // Idle ones are let go first: a server closes a keep-alive connection after a while (the
  // floor's node:http after 5 s), and an order sent on one just as it closes fails with
  // ECONNRESET — one lost order, and the step counts as not sustained.
  const idle = Object.values(agent.freeSockets).flatMap((sockets) => sockets ?? []);
  // Gone from the agent's lists on 'close' (a destroyed one still listed could be handed out).
  await Promise.all(
    idle.map((socket) =>
      socket.closed ? undefined : new Promise((resolve) => socket.destroy().once('close', resolve)),
    ),
  );
  const once = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(`${baseUrl}/api/v1/pairing/mode`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      watchConnection(req);
      req.end();
    });
  // Asked at once, each waits for a connection of its own (none is free until one is answered).
  await Promise.all(Array.from({ length: count }, once));
}

function post(baseUrl: string, body: string, headers: RequestHeaders, onNew: () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/v1/orders`,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    watchConnection(req, onNew);
    req.end(body);
  });
}

/**
 * Place orders at `rate` per second for `seconds`, and measure every ticket's latency. `headers`
 * go with every POST (the placing device's credential, see auth.ts).
 */
export async function runAtRate(
  baseUrl: string,
  fleet: KdsFleet,
  rate: number,
  seconds: number,
  headers: RequestHeaders = {},
): Promise<RateResult> {
  await openConnections(baseUrl);
  const total = Math.max(1, Math.round(rate * seconds));
  let onNewConnections = 0;
  const latencies: number[] = [];
  const acks: number[] = [];
  const failures: Record<string, number> = {};
  const fail = (id: string, why: string): void => {
    failures[why] = (failures[why] ?? 0) + 1;
    fleet.forget(id);
  };
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const id = uuidv7();
    const sent = performance.now();
    const ticket = fleet.expect(id, sent);
    // Counter orders fire at once (kiosk orders wait for the card): the ticket follows the POST.
    const body = JSON.stringify({ id, channel: 'counter', orderType: 'takeout', lines: ORDER_LINES });
    inflight.push(
      post(baseUrl, body, headers, () => (onNewConnections += 1)).then(
        async (status) => {
          acks.push(performance.now() - sent);
          if (status !== 201) return fail(id, `HTTP ${status}`);
          const timeout = new Promise<number>((r) => setTimeout(() => r(-1), 10_000));
          const ms = await Promise.race([ticket, timeout]);
          if (ms < 0) fail(id, 'no ticket in 10 s');
          else latencies.push(ms);
        },
        (err: unknown) => fail(id, (err as NodeJS.ErrnoException).code ?? String(err)),
      ),
    );
  }
  const sendingDone = performance.now();
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  const achievedRate = Math.round((total / (sendingDone - started)) * 1000 * 10) / 10;
  return resultOf({ targetRate: rate, achievedRate, orders: total, failures, latencies, acks, onNewConnections });
}

/** A result with its percentiles read from the sorted latencies and acks, and its failures counted. */
function resultOf(
  r: Pick<
    RateResult,
    'targetRate' | 'achievedRate' | 'orders' | 'failures' | 'latencies' | 'acks' | 'onNewConnections'
  >,
): RateResult {
  const { latencies, acks } = r;
  return {
    ...r,
    failed: Object.values(r.failures).reduce((n, k) => n + k, 0),
    completed: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
  };
}

/** Turns at one rate as one result: their orders' latencies pooled, the percentiles read from all of them. */
export function pooled(turns: readonly RateResult[]): RateResult {
  const first = turns[0];
  if (!first) throw new Error('no turns to pool');
  const sorted = (pick: (r: RateResult) => number[]): number[] => turns.flatMap(pick).sort((a, b) => a - b);
  const orders = turns.reduce((n, r) => n + r.orders, 0);
  return resultOf({
    targetRate: first.targetRate,
    achievedRate: Math.round((turns.reduce((n, r) => n + r.achievedRate * r.orders, 0) / orders) * 10) / 10,
    orders,
    failures: turns.reduce<Record<string, number>>((all, r) => {
      for (const [why, n] of Object.entries(r.failures)) all[why] = (all[why] ?? 0) + n;
      return all;
    }, {}),
    latencies: sorted((r) => r.latencies),
    acks: sorted((r) => r.acks),
    onNewConnections: turns.reduce((n, r) => n + r.onNewConnections, 0),
  });
}
