import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect as connectTcp, type Socket } from 'node:net';
import {
  placeOrderBodySchema,
  SYSTEM_CONTEXT,
  type DeviceRole,
  type OrderView,
  type PlaceOrderInput,
} from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createLogger } from '../logger.js';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { latteOrder, servicesOnTempDb } from '../testing/test-edge.js';
import { StreamHub, type StreamHubOptions } from './stream-hub.js';

/**
 * The hub on a real SQLite file behind a plain WebSocket server: the connecting screen's role
 * comes from `?screen=` (the edge's own guard is tested with the HTTP API).
 */
async function startHub(options: Partial<StreamHubOptions> = {}) {
  const services = servicesOnTempDb();
  const { caps } = services;
  /** Every call of the views function, with the ids it was asked for. */
  const viewCalls: string[][] = [];
  const views = (ids: string[]): Map<string, OrderView> => {
    viewCalls.push(ids);
    return caps.orderRepository.views(ids);
  };
  const hub = new StreamHub(
    caps.events,
    {
      storeId: 'demo-store',
      heartbeatMs: 5000,
      maxBufferedBytes: 4 * 1024 * 1024,
      maxBacklog: 10_000,
      views,
      ...options,
    },
    createLogger('silent'),
  );
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket, request) => {
    const role = (new URL(request.url ?? '/', 'http://edge').searchParams.get('screen') ?? 'kds') as DeviceRole;
    hub.accept(socket, { device: { id: `device-${role}`, name: `Test ${role}`, role } });
  });
  await once(server, 'listening');
  hub.start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const place = (input: Partial<PlaceOrderInput> = {}): OrderView =>
    caps.orders.place(SYSTEM_CONTEXT, placeOrderBodySchema.parse(latteOrder(input))).order;
  return {
    hub,
    caps,
    url: `http://127.0.0.1:${port}`,
    viewCalls,
    place,
    view: (id: string) => caps.orderRepository.views([id]).get(id),
    stop: async () => {
      hub.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.close();
    },
  };
}
type Hub = Awaited<ReturnType<typeof startHub>>;

/** Nothing more is on its way: the edge answers a ping only after it has sent what came before. */
async function settled(c: StreamTestClient): Promise<void> {
  const at = Math.random();
  c.send({ type: 'ping', at });
  await c.waitFor('the pong', () => c.messages.some((m) => m.type === 'pong' && m.at === at));
}

describe('the stream hub', () => {
  let t: Hub;
  const clients: StreamTestClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await t.stop();
  });
  const connect = async (screen = 'kds'): Promise<StreamTestClient> => {
    const c = await StreamTestClient.connect(t.url, { screen });
    clients.push(c);
    return c;
  };

  it('greets, replays what a client missed with each order as it is now, then live events', async () => {
    t = await startHub();
    const a = t.place();
    const c = await connect();
    expect(await c.waitForType('hello')).toMatchObject({ head: 2, storeId: 'demo-store' });
    c.subscribe(0);
    await c.waitForType('caught-up');
    expect(c.events.map((e) => [e.seq, e.type, e.subject])).toEqual([
      [1, 'order.placed', a.id],
      [2, 'order.fired', a.id],
    ]);
    // The page's last frame about the order carries it as it is now (fired); the one before, none.
    expect(c.frames.map((f) => f.order)).toEqual([undefined, t.view(a.id)]);
    expect(c.frames[1]?.order?.status).toBe('in_kitchen');
    const b = t.place();
    await c.waitFor('live events', () => c.events.length === 4);
    expect(c.events.slice(2).map((e) => [e.seq, e.type, e.subject])).toEqual([
      [3, 'order.placed', b.id],
      [4, 'order.fired', b.id],
    ]);
    expect(c.frames[2]?.order).toBeUndefined();
    expect(c.frames[3]?.order).toEqual(t.view(b.id));
  });

  it('puts the view on the last frame about an order of each topic in a batch, so each topic’s screens get it', async () => {
    t = await startHub();
    const both = await connect();
    const tickets = await connect();
    both.subscribe(0, ['order', 'ticket']);
    tickets.subscribe(0, ['ticket']);
    await Promise.all([both.waitForType('caught-up'), tickets.waitForType('caught-up')]);
    const o = t.place();
    await both.waitFor('both events', () => both.events.length === 2);
    const ticket = t.view(o.id)?.tickets[0];
    if (!ticket) throw new Error('the order has no ticket');
    t.caps.kitchen.ticketCommand(SYSTEM_CONTEXT, ticket.id, 'bump');
    await tickets.waitFor('the bump', () => tickets.events.length === 1);
    await both.waitFor('the bump', () => both.events.length === 3);
    expect(both.events.map((e) => e.type)).toEqual(['order.placed', 'order.fired', 'ticket.bumped']);
    expect(both.frames.map((f) => f.order?.id)).toEqual([undefined, o.id, o.id]);
    // The bump's frame carries the order as it is after it.
    expect(tickets.frames.map((f) => f.order)).toEqual([t.view(o.id)]);
    expect(tickets.frames[0]?.order?.tickets.find((x) => x.id === ticket.id)?.bumpedAt).toBeDefined();
  });

  it('says who did it by kind, id and role, never by a staff member’s name (a pickup board is public)', async () => {
    t = await startHub();
    const cashier = { kind: 'staff' as const, id: 'staff-casey', role: 'cashier' as const, name: 'Casey Cashier' };
    const manager = { kind: 'staff' as const, id: 'staff-morgan', role: 'manager' as const, name: 'Morgan Manager' };
    const placed = t.caps.orders.place(
      { actor: { ...cashier, approvedBy: manager }, device: 'device-counter' },
      placeOrderBodySchema.parse(latteOrder()),
    ).order;
    const c = await connect('pickup');
    await c.waitForType('hello');
    c.subscribe(0, ['order']);
    await c.waitForType('caught-up');
    const actor = c.events.find((e) => e.subject === placed.id)?.actor;
    expect(actor).toEqual({
      kind: 'staff',
      id: 'staff-casey',
      role: 'cashier',
      approvedBy: { id: 'staff-morgan', kind: 'staff', role: 'manager' },
    });
    expect(JSON.stringify(c.frames)).not.toContain('Casey');
    expect(JSON.stringify(c.frames)).not.toContain('Morgan');
  });

  it('resumes from the last seq seen: exactly the missed events, once each', async () => {
    t = await startHub();
    t.place();
    const missed = [t.place(), t.place(), t.place()];
    const r = await connect();
    r.subscribe(2);
    await r.waitForType('caught-up');
    await settled(r);
    expect(r.events.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7, 8]);
    expect([...new Set(r.events.map((e) => e.subject))]).toEqual(missed.map((o) => o.id));
  });

  it('replays a client 1,500 events behind in pages while another client still gets live events first', async () => {
    // Send buffers big enough that only the paging lets others in (no waiting for the client to drain).
    t = await startHub({ pageSize: 100, maxBufferedBytes: 64 * 1024 * 1024 });
    const orders = await Promise.all(
      Array.from({ length: 750 }, () =>
        t.caps.orders.placeQueued(SYSTEM_CONTEXT, placeOrderBodySchema.parse(latteOrder())),
      ),
    );
    expect(t.caps.events.lastSeq).toBe(1500);
    const arrivals: string[] = [];
    const live = await connect();
    live.subscribe(1500);
    await live.waitForType('caught-up');
    const behind = await connect();
    live.socket.on('message', (d) => arrivals.push(`live ${kindOf(d)}`));
    behind.socket.on('message', (d) => arrivals.push(`behind ${kindOf(d)}`));
    t.viewCalls.length = 0;
    behind.subscribe(0);
    await behind.waitFor('the first replayed event', () => behind.events.length > 0);
    const now = t.place();
    await live.waitFor('the live order', () => live.events.some((e) => e.subject === now.id));
    await behind.waitFor('the whole replay and the live order', () => behind.events.length === 1502, 20_000);
    // The edge built and sent the new order's frames while it still had pages of the replay to go,
    // and the client in sync heard of it before the one replaying had caught up.
    const liveViews = t.viewCalls.findIndex((ids) => ids.length === 1 && ids[0] === now.id);
    expect(liveViews).toBeGreaterThan(0);
    expect(liveViews).toBeLessThan(t.viewCalls.length - 1);
    expect(arrivals.indexOf('live event 1501')).toBeLessThan(arrivals.indexOf('behind caught-up'));
    expect(behind.events.map((e) => e.seq)).toEqual(Array.from({ length: 1502 }, (_, i) => i + 1));
    expect(behind.frames[0]?.order).toBeUndefined();
    expect(behind.frames[1]?.order).toEqual(t.view(orders[0]?.order.id ?? ''));
    // Views were read once per page of 100 events (50 orders) and once for the live commit.
    expect(t.viewCalls.length).toBeGreaterThanOrEqual(16);
    expect(Math.max(...t.viewCalls.map((ids) => ids.length))).toBe(50);
  });

  it('reads the views of a commit once for all clients, and every client gets the same view', async () => {
    t = await startHub();
    const screens = [await connect(), await connect('pickup'), await connect()];
    for (const s of screens) s.subscribe(0, ['order', 'ticket']);
    await Promise.all(screens.map((s) => s.waitForType('caught-up')));
    const o = t.place();
    await Promise.all(screens.map((s) => s.waitFor('both events', () => s.events.length === 2)));
    expect(t.viewCalls).toEqual([[o.id]]);
    for (const s of screens) expect(s.frames.map((f) => f.order)).toEqual([undefined, t.view(o.id)]);
  });

  it('keeps one subscription per socket: a new subscribe replaces the old one', async () => {
    t = await startHub();
    t.place();
    const c = await connect();
    c.subscribe(0);
    await c.waitForType('caught-up');
    c.subscribe(1);
    await c.waitFor('the second catch-up', () => c.messages.filter((m) => m.type === 'caught-up').length === 2);
    const o = t.place();
    await c.waitFor('the new order', () => c.events.some((e) => e.subject === o.id && e.type === 'order.fired'));
    await settled(c);
    // 1–2 from the first subscription, 2 again from the second, then 3–4 once.
    expect(c.events.map((e) => e.seq)).toEqual([1, 2, 2, 3, 4]);
  });

  it('refuses topics the screen may not follow, and subscribes to nothing', async () => {
    t = await startHub();
    const kiosk = await connect('kiosk');
    await kiosk.waitForType('hello');
    kiosk.subscribe(0, ['order', 'ticket']);
    const refusal = await kiosk.waitForType('error');
    expect(refusal).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/kiosk screen may not follow/) });
    t.place();
    await settled(kiosk);
    expect(kiosk.messages.map((m) => m.type)).toEqual(['hello', 'error', 'pong']);
  });

  it('answers garbage with an error and keeps serving', async () => {
    t = await startHub();
    const c = await connect();
    await c.waitForType('hello');
    c.send('not json at all');
    c.send({ type: 'subscribe', topics: ['order'], since: -5 });
    c.send({ type: 'subscribe', topics: ['payroll'], since: 0 });
    c.send({ type: 'launch-missiles' });
    await c.waitFor('four errors', () => c.messages.filter((m) => m.type === 'error').length === 4);
    const errors = c.messages.flatMap((m) => (m.type === 'error' ? [m.message] : []));
    expect(errors[0]).toMatch(/not a JSON message/);
    expect(errors[1]).toMatch(/since/);
    expect(errors[2]).toMatch(/topics/);
    c.send({ type: 'ping', at: 42 });
    await c.waitFor('pong', () => c.messages.some((m) => m.type === 'pong' && m.at === 42));
  });

  it('asks a client that is too far behind to reload instead of replaying everything', async () => {
    t = await startHub({ maxBacklog: 10 });
    for (let i = 0; i < 6; i++) t.place(); // 12 events
    const c = await connect();
    c.subscribe(0);
    expect(await c.waitForType('resync')).toMatchObject({ head: 12 });
    expect(c.events).toEqual([]);
    const ahead = await connect();
    ahead.subscribe(999);
    expect(await ahead.waitForType('resync')).toMatchObject({ head: 12 });
  });

  it('drops a client that stops reading so the others keep getting events', async () => {
    t = await startHub({ maxBufferedBytes: 64 * 1024 });
    const fast = await connect();
    fast.subscribe(0);
    await fast.waitForType('caught-up');
    // A raw client that completes the WebSocket handshake, subscribes, then never reads again:
    // the kernel buffers fill, then the edge's send buffer grows past the limit.
    const slow = await stalledClient(t.url);
    const big = {
      lines: Array.from({ length: 100 }, () => ({
        itemId: 'latte',
        variantId: 'large',
        modifiers: [{ groupId: 'milk', optionId: 'oat' }],
        quantity: 1,
      })),
    };
    const orders = 400; // ~160 KB of frames per order, ~60 MB in all: far past what loopback buffers hold
    for (let i = 0; i < orders; i++) {
      t.place(big);
      if (i % 5 === 0) await new Promise((res) => setImmediate(res));
    }
    await fast.waitFor('every event on the fast client', () => fast.events.length === orders * 2, 20_000);
    expect(fast.events.map((e) => e.seq)).toEqual(Array.from({ length: orders * 2 }, (_, i) => i + 1));
    expect(t.hub.size).toBe(1);
    // Once it reads again it sees the end.
    slow.socket.resume();
    await slow.closed;
  });
});

function kindOf(data: unknown): string {
  const m = JSON.parse(String(data)) as { type: string; event?: { seq: number } };
  return m.event ? `${m.type} ${m.event.seq}` : m.type;
}

/** Handshake by hand, subscribe, then stop reading; resolves `closed` when the edge lets it go. */
async function stalledClient(baseUrl: string): Promise<{ socket: Socket; closed: Promise<void> }> {
  const { port } = new URL(baseUrl);
  const socket = connectTcp(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `GET /api/v1/stream?screen=kds HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  // One masked text frame (client frames must be masked).
  const payload = Buffer.from(JSON.stringify({ type: 'subscribe', topics: ['order'], since: 0 }));
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] ?? 0)));
  socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]));
  socket.pause();
  socket.on('data', () => {});
  // Its close handshake cannot get through a full pipe: the edge ends the connection after a grace period.
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, closed };
}
