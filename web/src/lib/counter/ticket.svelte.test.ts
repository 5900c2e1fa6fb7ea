import type { OrderView, PlaceOrderInput } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE } from '$lib/api.js';
import { Checkout } from '$lib/sale/checkout.svelte.js';
import { makeLine, makeOrder } from '$lib/testing/orders.js';
import type { CounterCalls, TenderBody } from './counter-api.js';
import { CounterTicket } from './ticket.svelte.js';

const cookie = { itemId: 'cookie', modifiers: [], slots: [], quantity: 1 };
const latte = { itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 1 };
const offline = (): ApiError => new ApiError('network', NETWORK_MESSAGE);

/** An edge with the rules the counter relies on: one order per id, paid once, a manager for big discounts. */
function fakeEdge(counterFires: 'at-once' | 'on-payment' = 'at-once') {
  const placed: PlaceOrderInput[] = [];
  const fired: string[] = [];
  const paid: TenderBody[] = [];
  let order: OrderView | undefined;
  let payFailures: ApiError[] = [];
  const must = (): OrderView => {
    if (!order) throw new Error('no order');
    return order;
  };
  const post = (body: PlaceOrderInput): Promise<OrderView> => {
    placed.push(body);
    order = makeOrder({
      id: body.id,
      number: 7,
      payment: 'unpaid',
      channel: 'counter',
      status: counterFires === 'at-once' ? 'in_kitchen' : 'placed',
      ...(counterFires === 'at-once' ? { firedAt: '2025-01-01T12:00:00.000Z' } : {}),
      lines: body.lines.map((l) => makeLine({ lineId: l.lineId ?? 'x', itemId: l.itemId, quantity: l.quantity })),
      totals: { currency: 'USD', subtotal: 893, discount: 0, tax: 0, total: 893 },
    });
    return Promise.resolve(order);
  };
  const calls: CounterCalls = {
    get: () => Promise.resolve(must()),
    fire: (id) => {
      fired.push(id);
      order = { ...must(), status: 'in_kitchen', firedAt: '2025-01-01T12:01:00.000Z' };
      return Promise.resolve(order);
    },
    cancel: () => Promise.reject(new ApiError('rejected', 'order 7 is in the kitchen', { status: 409 })),
    pay: (_id, body) => {
      const failure = payFailures.shift();
      paid.push(body);
      const change = body.method === 'cash' ? body.tendered - must().totals.total : undefined;
      // The edge took it even when the answer is lost on the way back.
      order = {
        ...must(),
        payment: 'paid',
        payments: [{ id: 'p', method: body.method, amount: 893, at: '', ...(change === undefined ? {} : { change }) }],
      };
      return failure ? Promise.reject(failure) : Promise.resolve(order);
    },
    discount: (_id, body) => {
      if (body.kind === 'percent' && (body.value ?? 0) > 200_000 && !body.override)
        return Promise.reject(
          new ApiError('rejected', "A discount past the limit: it needs a manager's approval", {
            status: 403,
            code: 'forbidden',
            details: [{ path: 'override', message: "a manager's staff id and PIN" }],
          }),
        );
      order = { ...must(), totals: { ...must().totals, discount: 100, total: 793 } };
      return Promise.resolve(order);
    },
    overridePrice: () => Promise.resolve(must()),
  };
  return {
    calls,
    checkout: new Checkout('counter', post),
    placed,
    fired,
    paid,
    failNextPay: (e: ApiError) => (payFailures = [e]),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the counter ticket', () => {
  it('adds lines (the same thing again joins its line), selects the last, and moves with the keys', () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    ticket.add(latte);
    ticket.add(cookie);
    expect(ticket.cart.lines.map((l) => [l.itemId, l.quantity])).toEqual([
      ['cookie', 2],
      ['latte', 1],
    ]);
    expect(ticket.selected).toBe(ticket.cart.lines[0]?.lineId);
    ticket.step(1);
    expect(ticket.selected).toBe(ticket.cart.lines[1]?.lineId);
    ticket.step(1);
    expect(ticket.selected).toBe(ticket.cart.lines[1]?.lineId);
    ticket.changeQuantity(ticket.selected!, -1);
    expect(ticket.cart.lines.map((l) => l.itemId)).toEqual(['cookie']);
    expect(ticket.selected).toBe(ticket.cart.lines[0]?.lineId);
  });

  it('keeps a note on a line (trimmed, blank removes it) and sends it with the order', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(latte);
    const id = ticket.selected!;
    ticket.setNote(id, '  no foam ');
    expect(ticket.noteOf(id)).toBe('no foam');
    ticket.setNote(id, 'extra hot');
    ticket.guestName = 'Ana';
    await ticket.send();
    expect(edge.placed[0]).toMatchObject({
      channel: 'counter',
      guestName: 'Ana',
      lines: [{ lineId: id, itemId: 'latte', note: 'extra hot' }],
    });
    // The store's setting decides when it fires: the counter asks for nothing but `auto`.
    expect(edge.placed[0]?.fire).toBeUndefined();
    ticket.setNote(id, '');
    expect(ticket.noteOf(id)).toBe('extra hot'); // placed: the order's lines no longer change
  });

  it('with the store firing on payment, Send places the order, and Send again fires it now', async () => {
    const edge = fakeEdge('on-payment');
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    await ticket.send();
    expect(ticket.order?.firedAt).toBeUndefined();
    expect(edge.fired).toEqual([]);
    await ticket.send();
    expect(edge.fired).toEqual([ticket.order?.id]);
    expect(ticket.order?.firedAt).toBeDefined();
    await ticket.send(); // already in the kitchen: nothing more
    expect(edge.fired).toHaveLength(1);
  });

  it('places once, then takes no new items', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    await ticket.place();
    await ticket.place();
    expect(edge.placed).toHaveLength(1);
    expect(ticket.phase).toBe('placed');
    expect(ticket.add(latte)).toBe(false);
    expect(ticket.lineIds).toHaveLength(1);
  });

  it('passes the edge’s call for a manager back to the dialog, and applies the approved discount', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    const half = { scope: 'order' as const, kind: 'percent' as const, value: 500_000, reason: 'Regular guest' };
    await expect(ticket.discount(half)).rejects.toMatchObject({ status: 403 });
    expect(ticket.order?.totals.total).toBe(893);
    await ticket.discount({ ...half, override: { staffId: 'm', pin: '2222' } });
    expect(ticket.order?.totals.total).toBe(793);
  });

  it('pays cash once even when the answer is lost: it reads the order back instead of paying again', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    edge.failNextPay(offline());
    const paying = ticket.pay('cash', 2000);
    await vi.runAllTimersAsync();
    const paid = await paying;
    expect(edge.paid).toEqual([{ method: 'cash', tendered: 2000 }]);
    expect(paid?.payments[0]?.change).toBe(1107);
    expect(ticket.phase).toBe('paid');
    expect(ticket.payment.status).toBe('paid');
  });

  it('shows a refusal and lets the cashier tender again', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    edge.failNextPay(new ApiError('rejected', 'Declined by the card issuer', { status: 402 }));
    expect(await ticket.pay('card')).toBeUndefined();
    expect(String(ticket.payment.error)).toContain('Declined');
    expect(ticket.payment.status).toBe('idle');
    expect((await ticket.pay('card'))?.payment).toBe('paid');
  });

  it('says why a placed order in the kitchen cannot be cancelled, and starts afresh on reset', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    await ticket.send();
    await ticket.cancel();
    expect(String(ticket.error)).toContain('in the kitchen');
    ticket.reset();
    expect(ticket.phase).toBe('building');
    expect(ticket.cart.lines).toHaveLength(0);
    expect(ticket.order).toBeUndefined();
  });
});
