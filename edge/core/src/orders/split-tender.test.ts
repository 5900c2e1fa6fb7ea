/**
 * Split tender, tips, split bills and refunds to the original tenders, as a cashier meets them:
 * part cash and part card, change only on the cash that pays the rest, a card never over what is
 * due, a tip apart from the sale, a bill split evenly or by lines and paid part by part, and a
 * refund by lines going back to the card or the cash it was taken on.
 */
import { describe, expect, it } from 'vitest';
import { withApproval, type CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideOrder, type OrderCommand, type OrderEnv } from './decide.js';
import { draft, envFor, kiosk, line, staff } from './fixtures.test-support.js';
import { evolveOrder, type Order } from './order.js';
import { orderView } from './order-view.js';
import type { TenderRequest } from './tenders.js';

const manager: CommandContext = withApproval(staff, { kind: 'staff', id: 'staff-mo', role: 'manager', name: 'Mo' });

function run(state: Order | undefined, command: OrderCommand, env: OrderEnv = envFor(staff)) {
  const d = decideOrder(state, command, env);
  let replay = state;
  for (const e of d.events) {
    validateEvent(e.type, e.data);
    replay = evolveOrder(replay, e, env.at);
  }
  expect(replay).toEqual(d.state);
  return d;
}

function refusal(state: Order, command: OrderCommand, env: OrderEnv = envFor(staff)): TillboxError {
  try {
    decideOrder(state, command, env);
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error(`expected ${command.kind} to be refused`);
}

const pay = (payment: TenderRequest): OrderCommand => ({ kind: 'pay', payment });
const card = (amount: number, extra: Partial<Extract<TenderRequest, { method: 'card' }>> = {}): OrderCommand =>
  pay({ method: 'card', amount, reference: `VP-${amount}`, cardLast4: '4242', ...extra });
const cash = (tendered: number, part?: number): OrderCommand =>
  pay({ method: 'cash', tendered, ...(part === undefined ? {} : { part }) });

/** A counter order of 1500 (300 + 700 + 500) that goes to the kitchen once paid. */
function counterOrder(): Order {
  return run(undefined, { kind: 'place', order: draft(), fire: 'on-payment' }).state;
}

describe('split tender', () => {
  it('takes part cash and part card: partly paid until the card pays the rest, then it fires', () => {
    const first = run(counterOrder(), cash(1000));
    expect(first.events.map((e) => e.type)).toEqual(['order.payment-taken']);
    expect(first.state).toMatchObject({ status: 'placed', payment: 'partially-paid' });
    expect(first.state.payments[0]).toMatchObject({ method: 'cash', amount: 1000, tendered: 1000, change: 0 });
    expect(orderView(first.state).due).toBe(500);

    const second = run(first.state, card(500));
    expect(second.events.map((e) => e.type)).toEqual(['order.paid', 'order.fired']);
    expect(second.state).toMatchObject({ status: 'in_kitchen', payment: 'paid' });
    expect(orderView(second.state).due).toBe(0);
  });

  it('gives change only on the cash that pays the rest', () => {
    const part = run(counterOrder(), card(1200)).state;
    const paid = run(part, cash(2000));
    expect(paid.state.payments[1]).toMatchObject({ method: 'cash', amount: 300, tendered: 2000, change: 1700 });
    expect(paid.state.payment).toBe('paid');
    // A cash amount smaller than what is due takes all that is tendered: no change on it.
    expect(refusal(counterOrder(), pay({ method: 'cash', tendered: 1000, amount: 600 })).message).toBe(
      'change is given only on the cash that pays the rest (1500 due)',
    );
  });

  it('never takes more on a card than is due, nor anything from an order already paid', () => {
    const part = run(counterOrder(), cash(1000)).state;
    expect(refusal(part, card(501)).message).toBe(
      'a card payment of 501 is more than the 500 due: it never takes more',
    );
    const paid = run(part, card(500)).state;
    expect(refusal(paid, cash(100)).message).toMatch(/already paid/);
  });

  it('lets a kiosk pay only the whole order', () => {
    const placed = run(undefined, { kind: 'place', order: draft({ channel: 'kiosk' }), fire: 'auto' }, envFor(kiosk));
    expect(refusal(placed.state, card(1000), envFor(kiosk)).message).toBe(
      'a kiosk pays the whole order: 1500, not 1000',
    );
    expect(run(placed.state, card(1500), envFor(kiosk)).state.payment).toBe('paid');
  });

  it('refuses to cancel or void a partly paid order until what was taken is refunded', () => {
    const part = run(counterOrder(), card(600)).state;
    expect(refusal(part, { kind: 'cancel' }).message).toMatch(/part of it is paid: refund what was taken first/);
    expect(refusal(part, { kind: 'void', reason: 'guest left' }, envFor(manager)).message).toMatch(/refund what/);
    const refunded = run(part, { kind: 'refund', reason: 'guest left' }, envFor(manager));
    expect(refunded.state).toMatchObject({ status: 'placed', payment: 'unpaid' });
    expect(refunded.state.payments.at(-1)).toMatchObject({ method: 'card', amount: -600 });
    expect(run(refunded.state, { kind: 'void', reason: 'guest left' }, envFor(manager)).state.status).toBe('voided');
  });
});

describe('tips', () => {
  it('keeps a card tip apart from the sale, with the staff member who took it', () => {
    const paid = run(counterOrder(), card(1500, { tip: 300 }));
    expect(paid.state.payments[0]).toMatchObject({ amount: 1500, tip: 300, staffId: 'staff-ana' });
    const view = orderView(paid.state);
    expect(view).toMatchObject({ due: 0, tipTotal: 300, payment: 'paid' });
    expect(view.totals.total).toBe(1500);
  });

  it('gives the tip back only with the whole order, not with a refund by lines', () => {
    const paid = run(counterOrder(), card(1500, { tip: 300 })).state;
    const byLine = run(
      paid,
      { kind: 'refund', reason: 'cold', lines: [{ lineId: 'l1', amount: 300 }] },
      envFor(manager),
    );
    expect(byLine.state.payments.at(-1)).toMatchObject({ amount: -300 });
    expect(byLine.state.payments.at(-1)?.tip).toBeUndefined();
    const whole = run(byLine.state, { kind: 'refund', reason: 'guest left' }, envFor(manager));
    expect(whole.state.payments.at(-1)).toMatchObject({ amount: -1200, tip: -300 });
    expect(orderView(whole.state)).toMatchObject({ tipTotal: 0, payment: 'refunded' });
  });
});

describe('splitting the bill', () => {
  it('splits evenly into three by largest remainder, the parts adding up to the total', () => {
    const order = run(undefined, {
      kind: 'place',
      order: draft({ lines: [line('l1', 'bar', 1000)] }),
      fire: 'on-payment',
    }).state;
    const split = run(order, { kind: 'split', plan: { kind: 'even', count: 3 } });
    expect(split.events[0]).toMatchObject({
      type: 'order.split',
      data: {
        parts: [
          { part: 1, amount: 334 },
          { part: 2, amount: 333 },
          { part: 3, amount: 333 },
        ],
      },
    });
    // Each part paid on its own, split tender inside a part included.
    let state = run(split.state, card(200, { part: 1 })).state;
    expect(refusal(state, card(135, { part: 1 })).message).toBe(
      'a card payment of 135 is more than the 134 due: it never takes more',
    );
    state = run(state, cash(500, 1)).state;
    expect(state.payments.at(-1)).toMatchObject({ amount: 134, change: 366, part: 1 });
    expect(orderView(state).split?.parts[0]).toMatchObject({ part: 1, amount: 334, paid: 334, due: 0 });
    expect(refusal(state, card(10, { part: 1 })).message).toBe('part 1 of order 1 is paid');
    expect(refusal(state, card(10)).message).toMatch(/name the part this pays/);
    state = run(state, card(333, { part: 2 })).state;
    expect(state.payment).toBe('partially-paid');
    // Re-splitting waits until no part has been paid.
    expect(refusal(state, { kind: 'split', plan: { kind: 'even', count: 2 } }).message).toMatch(/already has payments/);
    const last = run(state, card(333, { part: 3 }));
    expect(last.events.map((e) => e.type)).toEqual(['order.paid', 'order.fired']);
    expect(orderView(last.state).split?.parts.map((p) => p.due)).toEqual([0, 0, 0]);
  });

  it('splits by lines, every line in one part, and a refund by line goes back to that part’s card', () => {
    const order = counterOrder();
    expect(refusal(order, { kind: 'split', plan: { kind: 'lines', parts: [['l1'], ['l2']] } }).message).toMatch(
      /every line goes in a part/,
    );
    expect(
      refusal(order, {
        kind: 'split',
        plan: {
          kind: 'lines',
          parts: [
            ['l1', 'l2'],
            ['l2', 'l3'],
          ],
        },
      }).message,
    ).toMatch(/is in two parts/);
    let state = run(order, { kind: 'split', plan: { kind: 'lines', parts: [['l1', 'l3'], ['l2']] } }).state;
    expect(orderView(state).split).toEqual({
      kind: 'lines',
      parts: [
        { part: 1, amount: 800, paid: 0, due: 800, lineIds: ['l1', 'l3'] },
        { part: 2, amount: 700, paid: 0, due: 700, lineIds: ['l2'] },
      ],
    });
    state = run(state, cash(1000, 1)).state;
    state = run(state, card(700, { part: 2 })).state;
    expect(state.payment).toBe('paid');
    const refund = run(
      state,
      { kind: 'refund', reason: 'cold', lines: [{ lineId: 'l2', amount: 700 }] },
      envFor(manager),
    );
    const event = refund.events[0];
    expect(event?.type).toBe('order.refunded');
    if (event?.type !== 'order.refunded') return;
    expect(event.data.refunds).toEqual([
      expect.objectContaining({ method: 'card', amount: 700, part: 2, refundOf: state.payments[1]?.id }),
    ]);
  });

  it('makes one bill again, before any payment', () => {
    const split = run(counterOrder(), { kind: 'split', plan: { kind: 'even', count: 2 } }).state;
    const whole = run(split, { kind: 'split', plan: { kind: 'none' } }).state;
    expect(whole.split).toBeUndefined();
    expect(orderView(whole).split).toBeUndefined();
    expect(refusal(whole, { kind: 'split', plan: { kind: 'none' } }).message).toMatch(/is not split/);
  });
});

describe('refunds to the original tender', () => {
  it('gives each tender back no more than was taken on it, in the order taken unless the tenders are named', () => {
    let state = run(counterOrder(), cash(1000)).state;
    state = run(state, card(500)).state;
    const [cashPayment, cardPayment] = state.payments;
    const byDefault = decideOrder(
      state,
      { kind: 'refund', reason: 'cold', lines: [{ lineId: 'l3', amount: 500 }] },
      envFor(manager),
    );
    expect(byDefault.events[0]).toMatchObject({
      data: { refunds: [{ method: 'cash', amount: 500, refundOf: cashPayment?.id }] },
    });
    const toCard = run(
      state,
      {
        kind: 'refund',
        reason: 'cold',
        lines: [{ lineId: 'l2', amount: 700 }],
        to: [
          { paymentId: cardPayment?.id ?? '', amount: 500 },
          { paymentId: cashPayment?.id ?? '', amount: 200 },
        ],
      },
      envFor(manager),
    );
    expect(toCard.state.payments.slice(2).map((p) => [p.method, p.amount])).toEqual([
      ['cash', -200],
      ['card', -500],
    ]);
    expect(
      refusal(
        toCard.state,
        {
          kind: 'refund',
          reason: 'cold',
          lines: [{ lineId: 'l1', amount: 300 }],
          to: [{ paymentId: cardPayment?.id ?? '', amount: 300 }],
        },
        envFor(manager),
      ).message,
    ).toBe(`payment ${cardPayment?.id} has 0 left to give back, not 300`);
  });

  it('refunds a partly paid order only whole', () => {
    const part = run(counterOrder(), card(600)).state;
    expect(
      refusal(part, { kind: 'refund', reason: 'cold', lines: [{ lineId: 'l1', amount: 300 }] }, envFor(manager))
        .message,
    ).toMatch(/not paid in full/);
  });
});
