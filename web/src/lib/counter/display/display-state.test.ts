import { customerDisplayStateSchema, type OrderView, type PaymentView } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { makeOrder } from '$lib/testing/orders.js';
import { NO_TIP } from '../tips.js';
import type { TicketView } from '../ticket-view.js';
import { displayState, type DisplaySource } from './display-state.js';

const view: TicketView = {
  currency: 'USD',
  lines: [
    {
      lineId: 'l1',
      itemId: 'latte',
      name: 'Caffè Latte (Medium)',
      details: 'Oat milk · Vanilla',
      quantity: 2,
      amount: 900,
      discount: 0,
      note: 'extra hot',
      override: undefined,
    },
  ],
  subtotal: 900,
  discounts: [{ id: 'happy', explanation: 'Happy hour: 10% off drinks', amount: 90 }],
  taxAdded: 72,
  total: 882,
  adding: 0,
  paid: 0,
  due: undefined,
  tips: 0,
};

const ada = { memberId: 'm-ada', points: 500, rewards: [], name: 'Ada', estimate: true };

const placed = (over: Partial<OrderView> = {}): OrderView =>
  makeOrder({
    id: 'o1',
    number: 42,
    status: 'placed',
    payment: 'unpaid',
    memberId: 'm-ada',
    totals: { currency: 'USD', subtotal: 900, discount: 90, tax: 72, total: 882 },
    pricing: {
      discounts: [],
      taxes: [
        { name: 'NY State', rate: '4%', inclusive: false, amount: 32 },
        { name: 'NYC', rate: '4.5%', inclusive: false, amount: 40 },
      ],
      loyaltyPoints: 8,
      localTime: '2025-01-01 12:00',
    },
    ...over,
  });

const source = (over: Partial<DisplaySource> = {}): DisplaySource => ({
  view,
  priced: undefined,
  order: undefined,
  member: undefined,
  tender: undefined,
  bill: undefined,
  cardTip: NO_TIP,
  last: undefined,
  receiptUrl: undefined,
  lang: 'en',
  ...over,
});

/** What the display is sent is always a state the store box takes. */
const valid = (s: DisplaySource) => customerDisplayStateSchema.parse(displayState(s));

describe('the customer display state from the counter', () => {
  it('is idle with nothing rung up, or once the order is cancelled', () => {
    expect(valid(source({ view: { ...view, lines: [] } })).phase).toBe('idle');
    expect(valid(source({ order: placed({ status: 'cancelled' }) }))).toMatchObject({ phase: 'idle', lines: [] });
  });

  it('shows the lines with their choices, discounts by name and the total — never the kitchen note', () => {
    const s = valid(source());
    expect(s).toMatchObject({
      phase: 'ticket',
      lines: [{ name: 'Caffè Latte (Medium)', quantity: 2, modifiers: ['Oat milk', 'Vanilla'], amount: 900 }],
      discounts: [{ name: 'Happy hour: 10% off drinks', amount: 90 }],
      subtotal: 900,
      total: 882,
    });
    expect(JSON.stringify(s)).not.toContain('extra hot');
  });

  it("greets the member on the ticket with their points and the estimate, and says the placed order's points and taxes", () => {
    const s = valid(source({ member: ada, order: placed() }));
    expect(s.member).toEqual({ name: 'Ada', points: 500, estimate: true });
    expect(s.earns).toBe(8);
    expect(s.taxes).toEqual([
      { name: 'NY State', amount: 32 },
      { name: 'NYC', amount: 40 },
    ]);
    // Another guest's order: the last member is not shown for it.
    expect(valid(source({ member: ada, order: placed({ memberId: 'm-bob' }) })).member).toBeUndefined();
  });

  it('while a card is taken: the amount due, the tip chosen and the choices offered', () => {
    const bill = { part: undefined, amount: 882, paid: 0, due: 882, tenders: [] };
    const s = valid(source({ order: placed(), tender: 'card', bill, cardTip: { kind: 'percent', percent: 18 } }));
    expect(s.phase).toBe('paying');
    expect(s.payment).toEqual({
      method: 'card',
      due: 882,
      tip: 159,
      tipOptions: [
        { label: '15%', amount: 132 },
        { label: '18%', amount: 159 },
        { label: '20%', amount: 176 },
      ],
    });
  });

  it('once paid: thank you with the number, the change and the receipt link', () => {
    const cash: PaymentView = { id: 'p1', method: 'cash', amount: 882, tendered: 2000, change: 1118, at: 'now' };
    const s = valid(
      source({
        order: placed({ payment: 'paid', payments: [cash] }),
        last: cash,
        receiptUrl: 'http://192.168.1.5:8080/receipt/o1?t=abc',
      }),
    );
    expect(s).toMatchObject({
      phase: 'thanks',
      thanks: { orderNumber: 42, receiptUrl: 'http://192.168.1.5:8080/receipt/o1?t=abc' },
      payment: { method: 'cash', due: 0, tendered: 2000, change: 1118 },
    });
  });
});
