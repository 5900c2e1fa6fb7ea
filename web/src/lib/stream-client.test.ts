import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamClient, parseServerMessage, streamUrl, type ConnectionState } from './stream-client.js';
import { FakeSocket } from './testing/fake-socket.js';
import { makeOrder, orderFrame } from './testing/orders.js';

const hello = { type: 'hello', head: 10, storeId: 'store-1', heartbeatMs: 1000 };

function setup(prepare: (resync: boolean) => Promise<number> = () => Promise.resolve(7)) {
  const states: ConnectionState[] = [];
  const events: number[] = [];
  const views: (string | undefined)[] = [];
  const problems: string[] = [];
  const prepared: boolean[] = [];
  const client = new StreamClient({
    url: 'ws://edge/api/v1/stream',
    topics: ['order'],
    createSocket: (url) => new FakeSocket(url),
    handlers: {
      prepare: (_hello, resync) => {
        prepared.push(resync);
        return prepare(resync);
      },
      event: (e, order) => {
        events.push(e.seq);
        views.push(order?.status);
      },
      state: (s) => states.push(s),
      problem: (message) => problems.push(message),
    },
  });
  return { client, states, events, views, problems, prepared };
}

/** The edge greets, the client subscribes, the edge says caught up. */
async function handshake(socket: FakeSocket, head = 10): Promise<void> {
  socket.receive({ ...hello, head });
  await vi.advanceTimersByTimeAsync(0);
  socket.receive({ type: 'subscribed', topics: ['order'], since: 7, head });
  socket.receive({ type: 'caught-up', seq: head });
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('StreamClient', () => {
  it('subscribes from the seq its owner prepared, after hello, and goes live when caught up', async () => {
    const { client, states } = setup();
    client.start();
    const socket = FakeSocket.last();
    expect(socket.url).toBe('ws://edge/api/v1/stream');
    expect(states).toEqual([]);
    await handshake(socket);
    expect(socket.sent).toEqual([{ type: 'subscribe', topics: ['order'], since: 7 }]);
    expect(states).toEqual(['live']);
    client.stop();
  });

  it('passes events on in the order they come, each with the order view its frame carries', async () => {
    const { client, events, views, problems } = setup();
    client.start();
    const socket = FakeSocket.last();
    await handshake(socket);
    socket.receive(orderFrame(8, makeOrder({ id: 'x', status: 'placed' })));
    socket.receive(orderFrame(9, makeOrder({ id: 'x', status: 'in_kitchen' })));
    socket.receive(orderFrame(10, undefined, 'order.recalled', 'gone'));
    socket.receive({ type: 'event', event: { seq: 'bad' } });
    socket.receive({ ...orderFrame(11, makeOrder({ id: 'x' })), order: { id: 'x', status: 'on fire' } });
    expect(events).toEqual([8, 9, 10]);
    expect(views).toEqual(['placed', 'in_kitchen', undefined]);
    // A frame this screen cannot read is said out loud, not applied.
    expect(problems).toEqual([
      expect.stringMatching(/^unreadable event frame: event/),
      expect.stringMatching(/^unreadable event frame: order/),
    ]);
    client.stop();
  });

  it('reconnects after a drop with backoff doubling from 250 ms to at most 3 s', async () => {
    const { client, states } = setup();
    client.start();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = FakeSocket.all.length;
      FakeSocket.last().drop();
      let waited = 0;
      while (FakeSocket.all.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 3000, 3000]);
    expect(states).toEqual(['lost']);
    client.stop();
  });

  it('starts the backoff over once a connection has caught up', async () => {
    const { client, states } = setup();
    client.start();
    FakeSocket.last().drop();
    await vi.advanceTimersByTimeAsync(250);
    FakeSocket.last().drop();
    await vi.advanceTimersByTimeAsync(500);
    await handshake(FakeSocket.last());
    expect(states).toEqual(['lost', 'live']);
    const before = FakeSocket.all.length;
    FakeSocket.last().drop();
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all.length).toBe(before + 1);
    client.stop();
  });

  it('treats 2.5 heartbeats of silence as a lost connection and opens a new one', async () => {
    const { client, states } = setup();
    client.start();
    const first = FakeSocket.last();
    await handshake(first); // heartbeatMs 1000
    await vi.advanceTimersByTimeAsync(2000);
    first.receive({ type: 'heartbeat', head: 10, at: new Date().toISOString() });
    await vi.advanceTimersByTimeAsync(2400);
    expect(states).toEqual(['live']);
    await vi.advanceTimersByTimeAsync(700);
    expect(states).toEqual(['live', 'lost']);
    expect(first.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    const second = FakeSocket.last();
    expect(second).not.toBe(first);
    // The old socket's late words are ignored.
    first.receive({ type: 'caught-up', seq: 10 });
    expect(states).toEqual(['live', 'lost']);
    await handshake(second);
    expect(states).toEqual(['live', 'lost', 'live']);
    client.stop();
  });

  it('on resync asks its owner to reload, then subscribes again on the same socket', async () => {
    let since = 7;
    const { client, prepared } = setup(() => Promise.resolve(since));
    client.start();
    const socket = FakeSocket.last();
    await handshake(socket);
    since = 40;
    socket.receive({ type: 'resync', reason: 'too far behind', head: 40 });
    await vi.advanceTimersByTimeAsync(0);
    expect(prepared).toEqual([false, true]);
    expect(socket.sent.at(-1)).toEqual({ type: 'subscribe', topics: ['order'], since: 40 });
    client.stop();
  });

  it('drops the connection and retries when the owner cannot prepare (snapshot failed)', async () => {
    let fail = true;
    const { client, states } = setup(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(7)));
    client.start();
    const first = FakeSocket.last();
    first.receive(hello);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.sent).toEqual([]);
    expect(first.closed).toBe(true);
    expect(states).toEqual(['lost']);
    fail = false;
    await vi.advanceTimersByTimeAsync(250);
    await handshake(FakeSocket.last());
    expect(states).toEqual(['lost', 'live']);
    client.stop();
  });

  it('stops for good: no reconnect after stop()', async () => {
    const { client } = setup();
    client.start();
    const socket = FakeSocket.last();
    client.stop();
    expect(socket.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeSocket.all.length).toBe(1);
  });
});

describe('parseServerMessage', () => {
  it('reads the messages it knows and refuses garbage', () => {
    expect(parseServerMessage('not json')).toBeUndefined();
    expect(parseServerMessage(JSON.stringify([1]))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'caught-up', seq: 4 }))).toEqual({ type: 'caught-up', seq: 4 });
    expect(parseServerMessage(JSON.stringify({ type: 'heartbeat', head: 1, at: '2025-01-01T00:00:00.000Z' }))).toEqual({
      type: 'heartbeat',
      at: Date.parse('2025-01-01T00:00:00.000Z'),
    });
    expect(parseServerMessage(JSON.stringify({ type: 'pong' }))).toEqual({ type: 'other' });
  });

  it("reads a customer display's view, and says when it cannot", () => {
    const display = { storeName: 'Tillbox', counter: { id: 'c1', name: 'Counter' }, state: null };
    expect(parseServerMessage(JSON.stringify({ type: 'display', display }))).toEqual({ type: 'display', display });
    expect(parseServerMessage(JSON.stringify({ type: 'display', display: { storeName: 1 } }))).toMatchObject({
      type: 'unreadable',
    });
  });

  it('builds the stream URL at the page origin', () => {
    expect(streamUrl({ protocol: 'https:', host: 'box.local' })).toBe('wss://box.local/api/v1/stream');
    expect(streamUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/api/v1/stream');
    expect(streamUrl({ protocol: 'http:', host: 'localhost:8080' }, 'kds')).toBe(
      'ws://localhost:8080/api/v1/stream?screen=kds',
    );
  });
});
