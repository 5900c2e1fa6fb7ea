import type { OrderView } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE } from '$lib/api.js';
import { makeOrder } from '$lib/testing/orders.js';
import { CardPayment, type PaymentApi } from './card-payment.svelte.js';

const placed = makeOrder({ id: 'o1', number: 12, status: 'placed', payment: 'unpaid' });
const paid = makeOrder({ id: 'o1', number: 12, status: 'in_kitchen', payment: 'paid' });
const offline = (): ApiError => new ApiError('network', NETWORK_MESSAGE);
const declined = new ApiError('rejected', 'Card declined by the issuer.', { code: 'payment-declined', status: 402 });
const underWay = new ApiError('rejected', 'a payment for this order is already under way', {
  code: 'conflict',
  status: 409,
});

type Answer = OrderView | ApiError;

/** An edge whose answers to each call are scripted in order; runs out into "offline". */
function fakeEdge(script: { pay?: Answer[]; get?: Answer[]; cancel?: Answer[] }) {
  const calls: string[] = [];
  const next = (name: 'pay' | 'get' | 'cancel'): Promise<OrderView> => {
    calls.push(name);
    const a = script[name]?.shift() ?? offline();
    return a instanceof ApiError ? Promise.reject(a) : Promise.resolve(a);
  };
  const api: PaymentApi = { pay: () => next('pay'), get: () => next('get'), cancel: () => next('cancel') };
  return { api, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

async function settle(p: Promise<void>): Promise<void> {
  await vi.advanceTimersByTimeAsync(120_000);
  await p;
}

describe('CardPayment', () => {
  it('pays by card and ends with the paid order', async () => {
    const edge = fakeEdge({ pay: [paid] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    const done = payment.pay();
    expect(payment.status).toBe('paying');
    expect(payment.working).toBe(true);
    await done;
    expect(payment.status).toBe('paid');
    expect(payment.order?.payment).toBe('paid');
  });

  it('after a decline shows why and lets the guest pay again', async () => {
    const edge = fakeEdge({ pay: [declined, paid] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    await payment.pay();
    expect(payment.status).toBe('due');
    expect(payment.error).toBe(declined);
    await payment.pay();
    expect(payment.status).toBe('paid');
    expect(edge.calls).toEqual(['pay', 'pay']);
  });

  it('never charges twice: after a network failure it reads the order back, and it was paid', async () => {
    const edge = fakeEdge({ pay: [offline(), paid], get: [paid] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    await settle(payment.pay());
    expect(payment.status).toBe('paid');
    expect(edge.calls).toEqual(['pay', 'get']);
  });

  it('asks for payment again only when the order read back is still unpaid', async () => {
    const edge = fakeEdge({ pay: [offline(), paid], get: [placed] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    await settle(payment.pay());
    expect(payment.status).toBe('paid');
    expect(edge.calls).toEqual(['pay', 'get', 'pay']);
  });

  it('waits while the edge says a payment is under way, then finds it paid', async () => {
    const edge = fakeEdge({ pay: [underWay, underWay], get: [placed, paid] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    await settle(payment.pay());
    expect(payment.status).toBe('paid');
    expect(edge.calls).toEqual(['pay', 'get', 'pay', 'get']);
  });

  it('tells the guest at once when the store system cannot be reached, and resolves by itself when it is back', async () => {
    // The pay request is lost, then the edge stays away for three read-backs and answers: paid.
    const edge = fakeEdge({ pay: [offline()], get: [offline(), offline(), offline(), paid] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    const done = payment.pay();
    await vi.advanceTimersByTimeAsync(0);
    expect(payment.unreachable).toBe(true);
    expect(payment.status).toBe('checking');
    // The guest may cancel while the edge is away (it waits for the edge).
    expect(payment.canCancel).toBe(true);
    await settle(done);
    expect(payment.status).toBe('paid');
    expect(payment.unreachable).toBe(false);
    expect(edge.calls).toEqual(['pay', 'get', 'get', 'get', 'get']);
  });

  it('after a long outage finds the order unpaid and lets the guest pay again (nothing charged twice)', async () => {
    const edge = fakeEdge({ pay: [offline(), paid], get: [...Array.from({ length: 8 }, offline), placed] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    await settle(payment.pay());
    expect(payment.status).toBe('due');
    expect(payment.unreachable).toBe(false);
    expect(edge.calls.filter((c) => c === 'pay')).toHaveLength(1);
    await payment.pay();
    expect(payment.status).toBe('paid');
  });

  it('a cancel asked for while the edge is away is done when it answers, unless the card was charged', async () => {
    const cancelled = { ...placed, status: 'cancelled' as const };
    const edge = fakeEdge({ pay: [offline()], get: [offline(), placed], cancel: [cancelled] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    const done = payment.pay();
    await vi.advanceTimersByTimeAsync(0);
    await payment.cancel();
    expect(payment.cancelRequested).toBe(true);
    expect(payment.canCancel).toBe(false);
    await settle(done);
    expect(payment.status).toBe('cancelled');
    expect(edge.calls).toEqual(['pay', 'get', 'get', 'cancel']);

    const charged = fakeEdge({ pay: [offline()], get: [offline(), paid] });
    const late = new CardPayment(charged.api);
    late.begin(placed);
    const paying = late.pay();
    await vi.advanceTimersByTimeAsync(0);
    await late.cancel();
    await settle(paying);
    expect(late.status).toBe('paid');
    expect(charged.calls).not.toContain('cancel');
  });

  it('a cancel that cannot reach the edge keeps trying, and a payment under way (409) is waited for', async () => {
    const cancelled = { ...placed, status: 'cancelled' as const };
    const edge = fakeEdge({ cancel: [offline(), cancelled], get: [offline(), placed] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    await settle(payment.cancel());
    expect(payment.status).toBe('cancelled');
    expect(edge.calls).toEqual(['cancel', 'get', 'get', 'cancel']);
  });

  it('a new guest is not shown the last order: reset stops the read-backs', async () => {
    const edge = fakeEdge({ pay: [offline()] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    const done = payment.pay();
    await vi.advanceTimersByTimeAsync(2_000);
    payment.reset();
    const calls = edge.calls.length;
    await settle(done);
    expect(payment.status).toBe('due');
    expect(payment.order).toBeUndefined();
    expect(edge.calls.length).toBeLessThanOrEqual(calls + 1);
  });

  it('cancels an unpaid order, and a cancel that lost the race to a payment shows it paid', async () => {
    const cancelled = { ...placed, status: 'cancelled' as const };
    const edge = fakeEdge({ cancel: [cancelled] });
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    await payment.cancel();
    expect(payment.status).toBe('cancelled');

    const conflict = new ApiError('rejected', 'cannot cancel an order that is paid', { code: 'conflict', status: 409 });
    const raced = fakeEdge({ cancel: [conflict], get: [paid] });
    const late = new CardPayment(raced.api);
    late.begin(placed);
    await settle(late.cancel());
    expect(late.status).toBe('paid');
  });
});
