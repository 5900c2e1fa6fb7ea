import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveOrders } from './live-orders.svelte.js';
import { FakeSocket } from './testing/fake-socket.js';
import { makeOrder, orderEvent } from './testing/orders.js';

const a = makeOrder({ id: 'a', number: 1, status: 'in_kitchen', placedAt: '2025-01-01T12:00:00.000Z' });
const b = makeOrder({ id: 'b', number: 2, status: 'placed', placedAt: '2025-01-01T12:01:00.000Z' });

function setup(snapshot = { seq: 5, orders: [b, a] }) {
  const loadSnapshot = vi.fn(() => Promise.resolve(snapshot));
  const live = new LiveOrders({ url: 'ws://edge/api/v1/stream', createSocket: (u) => new FakeSocket(u), loadSnapshot });
  return { live, loadSnapshot };
}

async function connect(head = 5, storeId = 'store-1'): Promise<FakeSocket> {
  const socket = FakeSocket.last();
  socket.receive({ type: 'hello', head, storeId, heartbeatMs: 5000 });
  await vi.advanceTimersByTimeAsync(0);
  socket.receive({ type: 'caught-up', seq: head });
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('LiveOrders', () => {
  it('loads the snapshot, subscribes from its seq and lists orders oldest first', async () => {
    const { live } = setup();
    live.start();
    const socket = await connect();
    expect(socket.sent).toEqual([{ type: 'subscribe', topics: ['order'], since: 5 }]);
    expect(live.connection).toBe('live');
    expect(live.lastSeq).toBe(5);
    expect(live.withStatus('placed', 'in_kitchen').map((o) => o.number)).toEqual([1, 2]);
    expect(live.withStatus('in_kitchen').map((o) => o.number)).toEqual([1]);
    live.stop();
  });

  it('applies each seq once, upserts by id and drops picked-up orders', async () => {
    const { live } = setup();
    live.start();
    const socket = await connect();
    const bReady = { ...b, status: 'ready' as const };
    socket.receive({ type: 'event', event: orderEvent(6, bReady) });
    socket.receive({ type: 'event', event: orderEvent(6, bReady) });
    socket.receive({ type: 'event', event: orderEvent(4, { ...a, status: 'placed' }) });
    expect(live.appliedEvents).toBe(1);
    expect(live.orders.get('b')?.status).toBe('ready');
    expect(live.orders.get('a')?.status).toBe('in_kitchen');
    socket.receive({ type: 'event', event: orderEvent(7, { ...bReady, status: 'picked_up' }) });
    expect(live.orders.has('b')).toBe(false);
    expect(live.lastSeq).toBe(7);
    expect(live.appliedEvents).toBe(2);
    live.stop();
  });

  it('after a reconnect resubscribes from the last applied seq without reloading', async () => {
    const { live, loadSnapshot } = setup();
    live.start();
    const first = await connect();
    first.receive({ type: 'event', event: orderEvent(9, { ...a, status: 'ready' }) });
    first.drop();
    expect(live.connection).toBe('lost');
    await vi.advanceTimersByTimeAsync(250);
    const second = await connect(12);
    expect(second.sent).toEqual([{ type: 'subscribe', topics: ['order'], since: 9 }]);
    expect(loadSnapshot).toHaveBeenCalledTimes(1);
    expect(live.connection).toBe('live');
    live.stop();
  });

  it('reloads the snapshot when the edge log is behind it or belongs to another store', async () => {
    const { live, loadSnapshot } = setup({ seq: 3, orders: [a] });
    live.start();
    await connect(3);
    FakeSocket.last().receive({ type: 'event', event: orderEvent(8, b) });
    FakeSocket.last().drop();
    await vi.advanceTimersByTimeAsync(250);
    const socket = await connect(2); // a new, shorter log
    expect(loadSnapshot).toHaveBeenCalledTimes(2);
    expect(socket.sent).toEqual([{ type: 'subscribe', topics: ['order'], since: 3 }]);
    expect([...live.orders.keys()]).toEqual(['a']);
    live.stop();
  });

  it('takes a command answer only when it moves a shown order forward', async () => {
    const { live } = setup();
    live.start();
    await connect();
    live.acceptCommandResult({ ...a, status: 'ready' });
    expect(live.orders.get('a')?.status).toBe('ready');
    live.acceptCommandResult({ ...a, status: 'in_kitchen' });
    expect(live.orders.get('a')?.status).toBe('ready');
    live.acceptCommandResult(makeOrder({ id: 'gone', status: 'ready' }));
    expect(live.orders.has('gone')).toBe(false);
    live.acceptCommandResult({ ...a, status: 'picked_up' });
    expect(live.orders.has('a')).toBe(false);
    live.stop();
  });
});
