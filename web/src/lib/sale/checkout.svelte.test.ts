import { isUuidV7, type OrderView, type PlaceOrderInput } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE } from '$lib/api.js';
import { makeOrder } from '$lib/testing/orders.js';
import type { CartState } from './cart.js';
import { Checkout } from './checkout.svelte.js';

const LINE_ID = '019ccc5a-5d3b-7abc-8123-0123456789ab';
const cart: CartState = {
  lines: [{ lineId: LINE_ID, itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 1 }],
};
const request = { orderType: 'takeout' as const, cart };
const offline = (): ApiError => new ApiError('network', NETWORK_MESSAGE);

function fakeEdge(answers: (() => OrderView)[]) {
  const bodies: PlaceOrderInput[] = [];
  const post = (body: PlaceOrderInput): Promise<OrderView> => {
    bodies.push(body);
    const next = answers.shift();
    if (!next) return Promise.reject(offline());
    try {
      return Promise.resolve(next());
    } catch (e) {
      return Promise.reject(e);
    }
  };
  return { bodies, post };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('Checkout', () => {
  it("places on its own channel: the counter's orders are counter orders", async () => {
    const edge = fakeEdge([() => makeOrder({ id: 'c', number: 3 })]);
    await new Checkout('counter', edge.post).place({ ...request, orderType: 'dine-in', table: ' 12 ' });
    expect(edge.bodies[0]).toMatchObject({ channel: 'counter', orderType: 'dine-in', table: '12' });
  });

  it('retries a network failure with the same order id until the edge answers', async () => {
    const edge = fakeEdge([
      () => {
        throw offline();
      },
      () => {
        throw offline();
      },
      () => makeOrder({ id: 'x', number: 42 }),
    ]);
    const checkout = new Checkout('kiosk', edge.post);
    const done = checkout.place({ ...request, guestName: '  Ana ' });
    await vi.advanceTimersByTimeAsync(0);
    expect(checkout.retrying).toBe(true);
    expect(checkout.locked).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(checkout.status).toBe('placed');
    expect(checkout.order?.number).toBe(42);
    expect(edge.bodies).toHaveLength(3);
    const ids = new Set(edge.bodies.map((b) => b.id));
    expect(ids.size).toBe(1);
    expect(isUuidV7([...ids][0] ?? '')).toBe(true);
    expect(edge.bodies[0]).toMatchObject({ channel: 'kiosk', orderType: 'takeout', guestName: 'Ana' });
    // The cart's line ids go with the order: the edge prices exactly what the screen previewed.
    expect(edge.bodies[0]?.lines).toEqual([
      { lineId: LINE_ID, itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 1 },
    ]);
  });

  it('keeps the id when the outcome stays unknown, so a later tap cannot make a second order', async () => {
    const edge = fakeEdge([]);
    const checkout = new Checkout('kiosk', edge.post);
    const done = checkout.place(request);
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(checkout.status).toBe('uncertain');
    expect(checkout.locked).toBe(true);
    expect(checkout.error).toBeInstanceOf(ApiError);
    const retry = checkout.place(request);
    await vi.advanceTimersByTimeAsync(10_000);
    await retry;
    expect(new Set(edge.bodies.map((b) => b.id)).size).toBe(1);
    expect(edge.bodies.length).toBe(10);
  });

  it('takes a new id after the edge refuses, and shows its message', async () => {
    const refusal = new ApiError('rejected', '"Latte" is sold out', { code: 'validation', status: 422 });
    const edge = fakeEdge([
      () => {
        throw refusal;
      },
      () => makeOrder({ id: 'y', number: 7 }),
    ]);
    const checkout = new Checkout('kiosk', edge.post);
    await checkout.place(request);
    expect(checkout.status).toBe('idle');
    expect(checkout.locked).toBe(false);
    expect(checkout.error).toBe(refusal);
    await checkout.place(request);
    expect(checkout.status).toBe('placed');
    expect(edge.bodies[0]?.id).not.toBe(edge.bodies[1]?.id);
  });
});
