import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE } from '$lib/api.js';
import { fakeEdge } from './fake-edge.test-support.js';
import { CounterTicket } from './ticket.svelte.js';

const cookie = { itemId: 'cookie', modifiers: [], slots: [], quantity: 1 };
const latte = { itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 1 };
const offline = (): ApiError => new ApiError('network', NETWORK_MESSAGE);

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

  it('places once; new items wait as new lines and go onto the order before it is sent or paid', async () => {
    const edge = fakeEdge('on-payment');
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    await ticket.place();
    await ticket.place();
    expect(edge.placed).toHaveLength(1);
    expect(ticket.phase).toBe('placed');
    expect(ticket.add(latte)).toBe(true);
    expect(ticket.pending).toBe(true);
    const added = ticket.selected!;
    expect(ticket.lineIds).toEqual([ticket.order!.lines[0]!.lineId, added]);
    // A placed line no longer changes; a new one does.
    ticket.changeQuantity(ticket.order!.lines[0]!.lineId, 1);
    expect(ticket.order!.lines[0]!.quantity).toBe(1);
    ticket.changeQuantity(added, 1);
    expect(ticket.cart.lines[0]!.quantity).toBe(2);
    await ticket.send();
    expect(edge.added).toEqual([[added]]);
    expect(ticket.pending).toBe(false);
    expect(ticket.order!.lines.map((l) => [l.lineId, l.quantity])).toEqual([
      [ticket.lineIds[0], 1],
      [added, 2],
    ]);
    expect(ticket.order!.totals.total).toBe(893 + 200);
    expect(edge.fired).toEqual([ticket.order!.id]);
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
    const paying = ticket.pay({ method: 'cash', tendered: 2000 });
    await vi.runAllTimersAsync();
    const paid = await paying;
    expect(edge.paid).toEqual([{ method: 'cash', tendered: 2000 }]);
    expect(paid?.payments[0]?.change).toBe(1107);
    expect(ticket.phase).toBe('paid');
    expect(ticket.payment.status).toBe('idle');
    expect(ticket.payment.last?.change).toBe(1107);
  });

  it('shows a refusal and lets the cashier tender again', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    ticket.add(cookie);
    edge.failNextPay(new ApiError('rejected', 'Declined by the card issuer', { status: 402 }));
    expect(await ticket.pay({ method: 'card' })).toBeUndefined();
    expect(String(ticket.payment.error)).toContain('Declined');
    expect(ticket.payment.status).toBe('idle');
    expect((await ticket.pay({ method: 'card' }))?.payment).toBe('paid');
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
