import { randomBytes } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';
import { placeOrderBodySchema, type OrderEventData } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('the stream', () => {
  let t: TestEdge;
  const clients: StreamTestClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await t.stop();
  });
  const connect = async (): Promise<StreamTestClient> => {
    const c = await StreamTestClient.connect(t.url);
    clients.push(c);
    return c;
  };
  const place = () => t.edge.caps.orders.place(placeOrderBodySchema.parse(latteOrder())).order;

  it('greets, replays what a client missed in order, then sends live events', async () => {
    t = await startTestEdge();
    const a = place();
    const c = await connect();
    const hello = await c.waitForType('hello');
    expect(hello).toMatchObject({ head: 2, storeId: 'demo-store' });
    c.subscribe(0);
    await c.waitForType('caught-up');
    expect(c.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'order.placed'],
      [2, 'order.fired'],
    ]);
    expect((c.events[1]?.data as OrderEventData).order.id).toBe(a.id);
    const b = place();
    await c.waitFor('live events', () => c.events.length === 4);
    expect(c.events.slice(2).map((e) => [e.seq, e.type, e.subject])).toEqual([
      [3, 'order.placed', b.id],
      [4, 'order.fired', b.id],
    ]);
  });

  it('resumes from the last seq seen: exactly the missed events, once each', async () => {
    t = await startTestEdge();
    place();
    const c = await connect();
    c.subscribe(2);
    await c.waitForType('caught-up');
    expect(c.events).toEqual([]);
    const missed = [place(), place(), place()];
    const r = await connect();
    r.subscribe(2);
    await r.waitFor('six events', () => r.events.length >= 6);
    await new Promise((res) => setTimeout(res, 100));
    expect(r.events.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7, 8]);
    expect([...new Set(r.events.map((e) => e.subject))]).toEqual(missed.map((o) => o.id));
  });

  it('answers garbage with an error and keeps serving', async () => {
    t = await startTestEdge();
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
    expect(t.edge.caps.events.lastSeq).toBe(0);
    c.send({ type: 'ping', at: 42 });
    await c.waitFor('pong', () => c.messages.some((m) => m.type === 'pong' && m.at === 42));
  });

  it('asks a client that is too far behind to reload instead of replaying everything', async () => {
    t = await startTestEdge({ overrides: { 'stream.maxBacklog': 10 } });
    for (let i = 0; i < 6; i++) place(); // 12 events
    const c = await connect();
    c.subscribe(0);
    const resync = await c.waitForType('resync');
    expect(resync).toMatchObject({ head: 12 });
    expect(c.events).toEqual([]);
    const ahead = await connect();
    ahead.subscribe(999);
    expect(await ahead.waitForType('resync')).toMatchObject({ head: 12 });
  });

  it('drops a client that stops reading so the others keep getting events', async () => {
    t = await startTestEdge({ overrides: { 'stream.maxBufferedBytes': 64 * 1024 } });
    const fast = await connect();
    fast.subscribe(0);
    await fast.waitForType('caught-up');
    // A raw client that completes the WebSocket handshake, subscribes, then never reads again:
    // the kernel buffers fill, then the edge's send buffer grows past the limit.
    const slow = await stalledClient(t.url);
    const big = () =>
      latteOrder({
        lines: Array.from({ length: 100 }, () => ({
          itemId: 'latte',
          variantId: 'large',
          modifiers: [{ groupId: 'milk', optionId: 'oat' }],
          quantity: 1,
        })),
      });
    const orders = 400; // ~60 KB per event, ~50 MB in all: far past what loopback buffers hold
    for (let i = 0; i < orders; i++) {
      t.edge.caps.orders.place(placeOrderBodySchema.parse(big()));
      if (i % 20 === 0) await new Promise((res) => setImmediate(res));
    }
    await fast.waitFor('every event on the fast client', () => fast.events.length === orders * 2, 20_000);
    expect(fast.events.map((e) => e.seq)).toEqual(Array.from({ length: orders * 2 }, (_, i) => i + 1));
    // The edge has let go of the stalled client; once it reads again it sees the close.
    const health = await t.edge.http.inject({ url: '/api/v1/health' });
    expect(health.json()).toMatchObject({ streamClients: 1 });
    slow.socket.resume();
    await slow.closed;
  });
});

/** Handshake by hand, subscribe, then stop reading; resolves `closed` when the edge drops it. */
async function stalledClient(baseUrl: string): Promise<{ socket: Socket; closed: Promise<void> }> {
  const { port } = new URL(baseUrl);
  const socket = connectTcp(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  // One masked text frame (client frames must be masked).
  const payload = Buffer.from(JSON.stringify({ type: 'subscribe', topics: ['order'], since: 0 }));
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] ?? 0)));
  socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]));
  socket.pause();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('data', () => {});
  return { socket, closed };
}
