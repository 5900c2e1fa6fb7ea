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

  it('when the edge stays away says so, and the next tap checks before charging', async () => {
    const edge = fakeEdge({});
    const payment = new CardPayment(edge.api);
    payment.begin(placed);
    await settle(payment.pay());
    expect(payment.status).toBe('uncertain');
    expect(edge.calls.filter((c) => c === 'pay')).toHaveLength(1);
    const back = fakeEdge({ get: [paid] });
    const resumed = new CardPayment(back.api);
    resumed.begin(placed);
    resumed.status = 'uncertain';
    await settle(resumed.pay());
    expect(resumed.status).toBe('paid');
    expect(back.calls).toEqual(['get']);
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
