/**
 * Bumps made while the edge cannot be reached: they wait, the screen shows them done, and they go
 * out in order once it answers; a bump the edge already has answers 409 and counts as done; the
 * "cannot reach" message clears when the screen is live again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveOrders } from '$lib/live-orders.svelte.js';
import { FakeSocket } from '$lib/testing/fake-socket.js';
import { kitchenOrder } from '$lib/testing/orders.js';
import { BumpQueue } from './bump-queue.svelte.js';

const a = kitchenOrder('a', [['latte', 'bar']], { number: 1 });
const b = kitchenOrder('b', [['tea', 'bar']], { number: 2 });

/** A fake edge: `reachable` or not; answers each POST with the order, or 409 for a ticket it has bumped already. */
function fakeEdge() {
  const edge = { reachable: true, bumped: new Set<string>(), posts: [] as string[] };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (!edge.reachable) throw new TypeError('Failed to fetch');
      edge.posts.push(url);
      const ticket = /tickets\/([^/]+)\//.exec(url)?.[1] ?? '';
      if (edge.bumped.has(ticket))
        return Response.json(
          { error: { code: 'conflict', message: 'this ticket is already bumped', details: [] } },
          { status: 409 },
        );
      edge.bumped.add(ticket);
      const order = ticket.startsWith('a') ? a : b;
      return Response.json({ ...order, tickets: order.tickets.map((t) => ({ ...t, status: 'bumped' })) });
    }),
  );
  return edge;
}

async function liveScreen(): Promise<{ live: LiveOrders; socket: FakeSocket }> {
  const live = new LiveOrders({
    url: 'ws://edge/api/v1/stream',
    createSocket: (u) => new FakeSocket(u),
    loadSnapshot: () => Promise.resolve({ seq: 1, orders: [a, b] }),
  });
  live.start();
  const socket = FakeSocket.last();
  socket.receive({ type: 'hello', head: 1, storeId: 's', heartbeatMs: 5000 });
  await vi.advanceTimersByTimeAsync(0);
  socket.receive({ type: 'caught-up', seq: 1 });
  return { live, socket };
}

/** The KDS's queue, sending through `live` as the station screen does. */
function queueOn(live: LiveOrders) {
  const refused = vi.fn();
  const bumps = new BumpQueue({
    send: (q) => live.requestTicketCommand(q.orderId, q.ticketId, q.command),
    onrefused: refused,
    retryMs: 1000,
  });
  return { bumps, refused };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('BumpQueue', () => {
  it('keeps bumps made while the edge is away and sends them in order when it is back', async () => {
    const edge = fakeEdge();
    const { live } = await liveScreen();
    const { bumps, refused } = queueOn(live);
    edge.reachable = false;
    bumps.submit(b, 'b-bar', { kind: 'bump' });
    bumps.submit(a, 'a-bar', { kind: 'bump-item', lineId: 'a-l0' });
    await vi.advanceTimersByTimeAsync(0);
    expect(bumps.stalled).toBe(true);
    expect(bumps.queue.map((q) => q.ticketId)).toEqual(['b-bar', 'a-bar']);
    // Still away at the next try: nothing lost, nothing reordered.
    await vi.advanceTimersByTimeAsync(1000);
    expect(bumps.queue).toHaveLength(2);

    edge.reachable = true;
    await bumps.flush();
    expect(edge.posts).toEqual(['/api/v1/tickets/b-bar/bump', '/api/v1/tickets/a-bar/items/a-l0/bump']);
    expect(bumps.queue).toEqual([]);
    expect(bumps.stalled).toBe(false);
    expect(refused).not.toHaveBeenCalled();
    expect(live.orders.get('a')?.tickets[0]?.status).toBe('bumped');
    live.stop();
    bumps.stop();
  });

  it('a bump the edge already applied (its answer was lost) answers 409 and counts as done', async () => {
    const edge = fakeEdge();
    const { live } = await liveScreen();
    edge.bumped.add('a-bar');
    const { bumps, refused } = queueOn(live);
    bumps.submit(a, 'a-bar', { kind: 'bump' });
    bumps.submit(b, 'b-bar', { kind: 'bump' });
    await bumps.flush();
    expect(edge.posts).toEqual(['/api/v1/tickets/a-bar/bump', '/api/v1/tickets/b-bar/bump']);
    expect(bumps.queue).toEqual([]);
    expect(refused).not.toHaveBeenCalled();
    expect(live.commandError).toBeUndefined();
    live.stop();
  });

  it('a bump taken back before it went out is never sent; one refused for good is dropped and shown', async () => {
    const edge = fakeEdge();
    const { live } = await liveScreen();
    edge.reachable = false;
    const { bumps, refused } = queueOn(live);
    bumps.submit(a, 'a-bar', { kind: 'bump' });
    bumps.submit(b, 'b-bar', { kind: 'bump' });
    await vi.advanceTimersByTimeAsync(0);
    expect(bumps.lastTicketBump()?.ticketId).toBe('b-bar');
    expect(bumps.takeBack('b-bar')).toBe(true);
    expect(bumps.takeBack('b-bar')).toBe(false);

    edge.reachable = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { code: 'forbidden', message: 'This screen may not bump', details: [] } },
          { status: 403 },
        ),
      ),
    );
    await bumps.flush();
    expect(bumps.queue).toEqual([]);
    expect(refused).toHaveBeenCalledWith(
      expect.objectContaining({ status: 403 }),
      expect.objectContaining({ ticketId: 'a-bar' }),
    );
    live.stop();
    bumps.stop();
  });

  it('the "cannot reach" message clears when the screen is live again', async () => {
    const edge = fakeEdge();
    const { live, socket } = await liveScreen();
    edge.reachable = false;
    await live.command('a', 'ready');
    expect(live.commandError).toMatchObject({ kind: 'network' });
    socket.drop();
    expect(live.connection).not.toBe('live');
    await vi.advanceTimersByTimeAsync(5000);
    const again = FakeSocket.last();
    again.receive({ type: 'hello', head: 1, storeId: 's', heartbeatMs: 5000 });
    await vi.advanceTimersByTimeAsync(0);
    again.receive({ type: 'caught-up', seq: 1 });
    expect(live.connection).toBe('live');
    expect(live.commandError).toBeUndefined();
    live.stop();
  });
});
