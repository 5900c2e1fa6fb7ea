import type { MemberBalance } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api.js';
import { fakeEdge } from '../fake-edge.test-support.js';
import { CounterTicket } from '../ticket.svelte.js';
import { CounterCustomer } from './customer.svelte.js';

const latte = { itemId: 'latte', variantId: 'small', modifiers: [], slots: [], quantity: 1 };
const ada: MemberBalance = { memberId: 'm-ada', name: 'Ada', points: 420, source: 'cloud', pending: 0 };

describe("the counter ticket's customer", () => {
  it('attaches the member found by phone, keeps their rewards, and places the order for them', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    const asked: unknown[] = [];
    const customer = new CounterCustomer(ticket, async (q) => {
      asked.push(q);
      return ada;
    });
    ticket.add(latte);
    expect(await customer.find({ phone: '555 010 0199' })).toBe(true);
    expect(asked).toEqual([{ phone: '555 010 0199' }]);
    expect(customer.shown).toEqual(ada);
    customer.toggle('free-drink');
    expect(ticket.cart.state.loyalty).toEqual({ memberId: 'm-ada', name: 'Ada', points: 420, rewards: ['free-drink'] });
    // Looked up again (a scan of the card): the same member keeps the reward chosen.
    await customer.find({ qr: 'TBXM1-demo-ada-0000000001' });
    expect(ticket.cart.state.loyalty?.rewards).toEqual(['free-drink']);
    await ticket.place();
    expect(edge.placed[0]?.loyalty).toEqual({ memberId: 'm-ada', rewards: ['free-drink'] });
    // Once the order is on the edge the customer can no longer change; it still shows on the ticket.
    expect(customer.open).toBe(false);
    expect(await customer.find({ phone: '555 010 0142' })).toBe(false);
    expect(asked).toHaveLength(2);
  });

  it('says why nobody was found, and a new order is for nobody', async () => {
    const edge = fakeEdge();
    const ticket = new CounterTicket(edge.calls, edge.checkout);
    const customer = new CounterCustomer(ticket, async () => {
      throw new ApiError('rejected', 'No loyalty member with that card or phone number', { status: 404 });
    });
    expect(await customer.find({ phone: '5550100000' })).toBe(false);
    expect(String(customer.error)).toMatch(/No loyalty member/);
    expect(customer.member).toBeUndefined();
    const found = new CounterCustomer(ticket, async () => ada);
    await found.find({ memberId: 'm-ada' });
    expect(found.member?.memberId).toBe('m-ada');
    ticket.reset();
    expect(found.member).toBeUndefined();
    expect(found.shown).toBeUndefined();
  });
});
