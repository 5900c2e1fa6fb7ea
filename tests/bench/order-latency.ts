/**
 * Order-to-KDS latency: the built edge in its own process, N stream clients subscribed like
 * KDS screens, orders POSTed at a fixed rate. Latency = POST sent → the `order.fired` ticket
 * received by the last of the N clients.
 */
import { Agent, request } from 'node:http';
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
}

/** The edge, driven as the store's devices drive it: each client paired as its own device. */
export function edgeTarget(url: string): Target {
  return {
    name: 'Tillbox',
    url,
    clientHeaders: (role) => edgeHeaders(url, role),
    orderHeaders: () => edgeHeaders(url, 'counter', 'cashier'),
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(baseUrl: string, body: string, headers: RequestHeaders): Promise<number> {
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
  const total = Math.max(1, Math.round(rate * seconds));
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
      post(baseUrl, body, headers).then(
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
  return resultOf({ targetRate: rate, achievedRate, orders: total, failures, latencies, acks });
}

/** A result with its percentiles read from the sorted latencies and acks, and its failures counted. */
function resultOf(
  r: Pick<RateResult, 'targetRate' | 'achievedRate' | 'orders' | 'failures' | 'latencies' | 'acks'>,
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
  });
}
