import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setScreenRole } from './api.js';
import { LiveOrders } from './live-orders.svelte.js';
import { FakeSocket } from './testing/fake-socket.js';
import { kitchenOrder, makeOrder, orderFrame } from './testing/orders.js';

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
    expect(socket.sent).toEqual([{ type: 'subscribe', topics: ['order', 'ticket'], since: 5 }]);
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
    socket.receive(orderFrame(6, bReady));
    socket.receive(orderFrame(6, bReady));
    socket.receive(orderFrame(4, { ...a, status: 'placed' }));
    expect(live.appliedEvents).toBe(1);
    expect(live.orders.get('b')?.status).toBe('ready');
    expect(live.orders.get('a')?.status).toBe('in_kitchen');
    socket.receive(orderFrame(7, { ...bReady, status: 'picked_up' }));
    expect(live.orders.has('b')).toBe(false);
    expect(live.lastSeq).toBe(7);
    expect(live.appliedEvents).toBe(2);
    live.stop();
  });

  it('after a reconnect resubscribes from the last applied seq without reloading', async () => {
    const { live, loadSnapshot } = setup();
    live.start();
    const first = await connect();
    first.receive(orderFrame(9, { ...a, status: 'ready' }));
    first.drop();
    expect(live.connection).toBe('lost');
    await vi.advanceTimersByTimeAsync(250);
    const second = await connect(12);
    expect(second.sent).toEqual([{ type: 'subscribe', topics: ['order', 'ticket'], since: 9 }]);
    expect(loadSnapshot).toHaveBeenCalledTimes(1);
    expect(live.connection).toBe('live');
    live.stop();
  });

  it('reloads the snapshot when the edge log is behind it or belongs to another store', async () => {
    const { live, loadSnapshot } = setup({ seq: 3, orders: [a] });
    live.start();
    await connect(3);
    FakeSocket.last().receive(orderFrame(8, b));
    FakeSocket.last().drop();
    await vi.advanceTimersByTimeAsync(250);
    const socket = await connect(2); // a new, shorter log
    expect(loadSnapshot).toHaveBeenCalledTimes(2);
    expect(socket.sent).toEqual([{ type: 'subscribe', topics: ['order', 'ticket'], since: 3 }]);
    expect([...live.orders.keys()]).toEqual(['a']);
    live.stop();
  });

  it('applies ticket events like order events: each frame carries the order as it is now', async () => {
    const { live } = setup({ seq: 1, orders: [] });
    live.start();
    const socket = await connect(1);
    const fired = kitchenOrder('k', [
      ['latte', 'bar'],
      ['croissant', 'kitchen'],
    ]);
    socket.receive(orderFrame(2, fired));
    const barBumped = {
      ...fired,
      tickets: fired.tickets.map((t) =>
        t.station === 'bar' ? { ...t, status: 'bumped' as const, bumpedAt: '2025-01-01T12:03:00.000Z' } : t,
      ),
    };
    socket.receive(orderFrame(3, barBumped, 'ticket.bumped'));
    expect(live.orders.get('k')?.tickets.map((t) => t.status)).toEqual(['bumped', 'open']);
    socket.receive(orderFrame(4, { ...barBumped, status: 'cancelled' }, 'order.cancelled'));
    expect(live.orders.has('k')).toBe(false);
    live.stop();
  });

  it('counts an event that came without its order as seen and changes nothing; the batch’s next frame brings the view', async () => {
    const { live } = setup();
    live.start();
    const socket = await connect();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // A batch's earlier event about an order comes without its view (the edge sends it once, last).
    socket.receive(orderFrame(6, undefined, 'order.recalled', 'a'));
    expect(live.lastSeq).toBe(6);
    expect(live.orders.get('a')?.status).toBe('in_kitchen');
    const ready = { ...live.orders.get('a')!, status: 'ready' as const };
    socket.receive(orderFrame(7, ready, 'order.ready'));
    expect(live.lastSeq).toBe(7);
    expect(live.orders.get('a')?.status).toBe('ready');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    live.stop();
  });

  it('loads every page of its scope, subscribes from the first page’s seq and keeps only what it shows', async () => {
    const fired = (id: string, number: number) => makeOrder({ id, number, status: 'in_kitchen' });
    const pages: Record<string, { seq: number; orders: unknown[]; next?: string }> = {
      first: { seq: 40, orders: [fired('p1', 1), fired('p2', 2)], next: '2_p2' },
      '2_p2': { seq: 44, orders: [fired('p3', 3)], next: '3_p3' },
      '3_p3': { seq: 45, orders: [fired('p4', 4)] },
    };
    const fetch = vi.fn(async (url: string) => {
      const after = new URL(url, 'http://edge').searchParams.get('after') ?? 'first';
      return new Response(JSON.stringify(pages[after]), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetch);
    const live = new LiveOrders({
      url: 'ws://edge/api/v1/stream',
      scope: 'kitchen',
      createSocket: (u) => new FakeSocket(u),
    });
    live.start();
    const socket = await connect(45);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/orders?status=open&scope=kitchen',
      '/api/v1/orders?status=open&scope=kitchen&after=2_p2',
      '/api/v1/orders?status=open&scope=kitchen&after=3_p3',
    ]);
    expect(socket.sent).toEqual([{ type: 'subscribe', topics: ['order', 'ticket'], since: 40 }]);
    expect(live.withStatus('in_kitchen').map((o) => o.number)).toEqual([1, 2, 3, 4]);
    // An unpaid kiosk order is open but not the kitchen's: it is not kept.
    socket.receive(orderFrame(46, makeOrder({ id: 'k', number: 5, status: 'placed' })));
    expect(live.orders.has('k')).toBe(false);
    live.stop();
    vi.unstubAllGlobals();
  });

  it('opens the stream as the screen the page said it is', async () => {
    vi.stubGlobal('location', { protocol: 'https:', host: 'box.local' });
    setScreenRole('pickup');
    const board = new LiveOrders({
      createSocket: (u) => new FakeSocket(u),
      loadSnapshot: () => Promise.resolve({ seq: 0, orders: [] }),
    });
    board.start();
    expect(FakeSocket.last().url).toBe('wss://box.local/api/v1/stream?screen=pickup');
    board.stop();
    const expo = new LiveOrders({
      screen: 'kds',
      createSocket: (u) => new FakeSocket(u),
      loadSnapshot: () => Promise.resolve({ seq: 0, orders: [] }),
    });
    expo.start();
    expect(FakeSocket.last().url).toBe('wss://box.local/api/v1/stream?screen=kds');
    expo.stop();
    vi.unstubAllGlobals();
  });

  describe('command answers', () => {
    function answer(order: unknown, delayMs = 0) {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const fetch = vi.fn(async () => {
        if (delayMs > 0) await gate;
        return new Response(JSON.stringify(order), { status: 200, headers: { 'content-type': 'application/json' } });
      });
      vi.stubGlobal('fetch', fetch);
      return { fetch, release };
    }
    afterEach(() => vi.unstubAllGlobals());

    it('shows the answer at once when the stream has said nothing newer about the order', async () => {
      const { live } = setup();
      live.start();
      await connect();
      const edge = answer({ ...a, status: 'ready', readyAt: '2025-01-01T12:04:00.000Z' });
      const done = live.command('a', 'ready');
      expect(live.busy.has('a')).toBe(true);
      await done;
      expect(edge.fetch).toHaveBeenCalledWith('/api/v1/orders/a/ready', expect.objectContaining({ method: 'POST' }));
      expect(live.orders.get('a')?.status).toBe('ready');
      expect(live.busy.has('a')).toBe(false);
      live.stop();
    });

    it('drops an answer overtaken by a stream event, so a newer change is never undone', async () => {
      const { live } = setup();
      live.start();
      const socket = await connect();
      const edge = answer({ ...a, status: 'ready' }, 1);
      const done = live.command('a', 'ready');
      // Meanwhile the order was recalled (a later change) and the event arrived first.
      socket.receive(orderFrame(6, { ...a, status: 'in_kitchen', rush: true }));
      edge.release();
      await done;
      expect(live.orders.get('a')).toMatchObject({ status: 'in_kitchen', rush: true });
      live.stop();
    });

    it('sends ticket and item commands to their endpoints, one at a time per ticket or item', async () => {
      const { live } = setup();
      live.start();
      await connect();
      const edge = answer(a, 1);
      const first = live.ticketCommand('a', 't1', { kind: 'bump' });
      const again = live.ticketCommand('a', 't1', { kind: 'bump' });
      const item = live.ticketCommand('a', 't1', { kind: 'unbump-item', lineId: 'l1' });
      expect(live.busy.has('t1')).toBe(true);
      expect(live.busy.has('t1/l1')).toBe(true);
      edge.release();
      await Promise.all([first, again, item]);
      expect(edge.fetch.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
        '/api/v1/tickets/t1/bump',
        '/api/v1/tickets/t1/items/l1/unbump',
      ]);
      live.stop();
    });

    it('keeps a refusal for the screen to show and changes nothing', async () => {
      const { live } = setup();
      live.start();
      await connect();
      vi.stubGlobal(
        'fetch',
        vi.fn(async () =>
          Response.json(
            { error: { code: 'conflict', message: 'this ticket is already bumped', details: [] } },
            { status: 409 },
          ),
        ),
      );
      expect(await live.ticketCommand('a', 't1', { kind: 'bump' })).toBeUndefined();
      expect(live.commandError).toMatchObject({ code: 'conflict', message: 'this ticket is already bumped' });
      expect(live.orders.get('a')?.status).toBe('in_kitchen');
      live.stop();
    });
  });
});
