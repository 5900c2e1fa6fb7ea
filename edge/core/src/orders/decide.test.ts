import { describe, expect, it } from 'vitest';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideOrder, type OrderCommand, type OrderEnv } from './decide.js';
import { evolveOrder, type Order } from './order.js';
import { orderView } from './order-view.js';
import { refundsForLines } from './refunds.js';
import { cloud, CONFIG, draft, envFor, kds, kiosk, otherKiosk, staff, T0 } from './fixtures.test-support.js';

function run(state: Order | undefined, command: OrderCommand, env: OrderEnv) {
  const d = decideOrder(state, command, env);
  // The events are the transitions: replaying them gives the same state, and each is in the catalogue.
  let replay = state;
  for (const e of d.events) {
    validateEvent(e.type, e.data);
    replay = evolveOrder(replay, e, env.at);
  }
  expect(replay).toEqual(d.state);
  return d;
}

function refusal(state: Order | undefined, command: OrderCommand, env: OrderEnv): TillboxError {
  try {
    decideOrder(state, command, env);
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error(`expected ${command.kind} to be refused`);
}

const placeCounter = (env = envFor(staff)) => run(undefined, { kind: 'place', order: draft(), fire: 'auto' }, env);
const placeKiosk = () =>
  run(undefined, { kind: 'place', order: draft({ channel: 'kiosk' }), fire: 'auto' }, envFor(kiosk));

describe('placing', () => {
  it('fires a counter order at once with one ticket per station, due after the slowest station', () => {
    const { state, events } = placeCounter();
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.fired']);
    expect(events[1]?.data).toEqual({
      orderId: 'order-1',
      tickets: [
        { id: expect.any(String), station: 'bar', lineIds: ['l1', 'l3'] },
        { id: expect.any(String), station: 'kitchen', lineIds: ['l2'] },
      ],
    });
    expect(state).toMatchObject({
      status: 'in_kitchen',
      payment: 'unpaid',
      firePolicy: 'now',
      placedByDevice: 'counter-1',
    });
    expect(orderView(state).dueAt).toBe('2026-11-27T15:08:00.000Z');
  });

  it('holds a counter order for payment when the settings say so, or when asked', () => {
    const later = envFor(staff, T0, { ...CONFIG, counterFires: 'on-payment' });
    expect(run(undefined, { kind: 'place', order: draft(), fire: 'auto' }, later).state.status).toBe('placed');
    expect(run(undefined, { kind: 'place', order: draft(), fire: 'on-payment' }, envFor(staff)).state.status).toBe(
      'placed',
    );
  });

  it('holds a kiosk order until it is paid, then fires it; only its own kiosk may pay it', () => {
    const placed = placeKiosk();
    expect(placed.state).toMatchObject({ status: 'placed', placedByDevice: 'kiosk-1', tickets: [] });
    const pay: OrderCommand = {
      kind: 'pay',
      payment: { method: 'card', amount: 1500, reference: 'VP-1', cardLast4: '4242' },
    };
    expect(refusal(placed.state, pay, envFor(otherKiosk)).code).toBe('forbidden');
    const paid = run(placed.state, pay, envFor(kiosk));
    expect(paid.events.map((e) => e.type)).toEqual(['order.paid', 'order.fired']);
    expect(paid.state).toMatchObject({ status: 'in_kitchen', payment: 'paid' });
    expect(paid.state.payments).toEqual([
      { id: expect.any(String), method: 'card', amount: 1500, reference: 'VP-1', cardLast4: '4242', at: T0 },
    ]);
  });

  it('lets a kiosk place only kiosk orders that wait for payment, and never prepaid ones', () => {
    const env = envFor(kiosk);
    expect(refusal(undefined, { kind: 'place', order: draft(), fire: 'auto' }, env).message).toBe(
      'a kiosk places kiosk orders only',
    );
    expect(refusal(undefined, { kind: 'place', order: draft({ channel: 'kiosk' }), fire: 'now' }, env).code).toBe(
      'forbidden',
    );
    const prepaid: OrderCommand = {
      kind: 'place',
      order: draft({ channel: 'kiosk' }),
      fire: 'auto',
      payment: { method: 'external', amount: 1500, reference: 'x' },
    };
    expect(refusal(undefined, prepaid, env).code).toBe('forbidden');
  });

  it('takes an order paid elsewhere only from the cloud, and only for its total', () => {
    const app = (amount: number): OrderCommand => ({
      kind: 'place',
      order: draft({ channel: 'app' }),
      fire: 'auto',
      payment: { method: 'external', amount, reference: 'app-77' },
    });
    expect(refusal(undefined, app(1500), envFor(staff)).message).toBe(
      'only the cloud relay brings in orders paid elsewhere',
    );
    expect(refusal(undefined, app(100), envFor(cloud)).message).toBe(
      'the payment of 100 does not match the order total of 1500',
    );
    const { state, events } = run(undefined, app(1500), envFor(cloud));
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.paid', 'order.fired']);
    expect(state.payments[0]).toMatchObject({ method: 'external', amount: 1500, reference: 'app-77' });
  });

  it('fires a scheduled order at its promised time minus prep time, paid or not', () => {
    const promisedAt = T0 + 60 * 60_000;
    const { state } = run(
      undefined,
      {
        kind: 'place',
        order: draft({ channel: 'app', promisedAt }),
        fire: 'auto',
        payment: { method: 'external', amount: 1500, reference: 'a' },
      },
      envFor(cloud),
    );
    expect(state).toMatchObject({ status: 'paid', dueAt: promisedAt, fireAt: promisedAt - 8 * 60_000 });
    expect(refusal(state, { kind: 'fire-due' }, envFor(staff, promisedAt - 9 * 60_000)).message).toBe(
      'order 1 is not due to fire',
    );
    const fired = run(state, { kind: 'fire-due' }, envFor(staff, promisedAt - 8 * 60_000));
    expect(fired.state.status).toBe('in_kitchen');
  });
});

describe('paying', () => {
  const pay = (payment: Extract<OrderCommand, { kind: 'pay' }>['payment']): OrderCommand => ({ kind: 'pay', payment });

  it('takes cash for the total with change, and leaves a fired order in the kitchen', () => {
    const { state } = placeCounter();
    expect(refusal(state, pay({ method: 'cash', amount: 1500, tendered: 1000 }), envFor(staff)).message).toBe(
      'not enough cash: 1000 tendered for 1500',
    );
    const paid = run(state, pay({ method: 'cash', amount: 1500, tendered: 2000 }), envFor(staff));
    expect(paid.events.map((e) => e.type)).toEqual(['order.paid']);
    expect(paid.state).toMatchObject({ status: 'in_kitchen', payment: 'paid' });
    expect(paid.state.payments[0]).toMatchObject({ method: 'cash', amount: 1500, tendered: 2000, change: 500 });
  });

  it('refuses a card payment over the total, a second payment, and paying a cancelled order', () => {
    const { state } = placeCounter();
    expect(refusal(state, pay({ method: 'card', amount: 1501, reference: 'r' }), envFor(staff)).message).toBe(
      'a card payment of 1501 is more than the 1500 due: it never takes more',
    );
    const paid = run(state, pay({ method: 'card', amount: 1500, reference: 'r' }), envFor(staff)).state;
    expect(refusal(paid, pay({ method: 'card', amount: 1500, reference: 'r' }), envFor(staff)).message).toMatch(
      /already paid/,
    );
    const cancelled = run(placeKiosk().state, { kind: 'cancel' }, envFor(staff)).state;
    expect(refusal(cancelled, pay({ method: 'card', amount: 1500, reference: 'r' }), envFor(staff)).code).toBe(
      'conflict',
    );
  });
});

describe('the kitchen', () => {
  const ticketOf = (o: Order, station: string) => o.tickets.find((t) => t.station === station)?.id ?? '';

  it('is ready by itself when the last station bumps; bumping the last item bumps its ticket', () => {
    let o = placeCounter().state;
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'kitchen'), command: 'bump' }, envFor(kds, T0 + 60_000)).state;
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'bump-item', lineId: 'l1' }, envFor(kds)).state;
    expect(o.status).toBe('in_kitchen');
    const last = run(
      o,
      { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'bump-item', lineId: 'l3' },
      envFor(kds),
    );
    expect(last.events.map((e) => e.type)).toEqual(['ticket.item-bumped', 'ticket.bumped', 'order.ready']);
    expect(last.events[2]?.data).toEqual({ orderId: 'order-1', by: 'auto' });
    expect(last.state.status).toBe('ready');
  });

  it('waits for the expo when it is not set to be ready by itself', () => {
    let o = placeCounter().state;
    const env = envFor(kds, T0, { ...CONFIG, expoAutoReady: false });
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'kitchen'), command: 'bump' }, env).state;
    o = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'bump' }, env).state;
    expect(o.status).toBe('in_kitchen');
    const ready = run(o, { kind: 'ready' }, env);
    expect(ready.events).toEqual([{ type: 'order.ready', data: { orderId: 'order-1', by: 'expo' } }]);
  });

  it('the expo readies early, bumping what is left; recalling a ticket takes the order back', () => {
    const o = run(placeCounter().state, { kind: 'ready' }, envFor(staff, T0 + 5000)).state;
    expect(o.tickets.map((t) => [t.status, t.bumpedAt])).toEqual([
      ['bumped', T0 + 5000],
      ['bumped', T0 + 5000],
    ]);
    const back = run(o, { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'recall' }, envFor(kds));
    expect(back.events.map((e) => e.type)).toEqual(['ticket.recalled', 'order.recalled']);
    expect(back.state).toMatchObject({ status: 'in_kitchen' });
    expect(back.state.readyAt).toBeUndefined();
    expect(back.state.lines.filter((l) => l.station === 'bar').every((l) => l.bumpedAt === undefined)).toBe(true);
  });

  it('refuses ticket changes once the order is handed over, naming the order', () => {
    let o = run(placeCounter().state, { kind: 'ready' }, envFor(staff)).state;
    o = run(o, { kind: 'pick-up' }, envFor(staff)).state;
    expect(refusal(o, { kind: 'ticket', ticketId: ticketOf(o, 'bar'), command: 'recall' }, envFor(kds)).message).toBe(
      'order 1 is picked up: its tickets can no longer change',
    );
    expect(refusal(o, { kind: 'ticket', ticketId: 'nope', command: 'bump' }, envFor(kds)).code).toBe('not-found');
  });
});

describe('cancel, void and refund', () => {
  const paidCounter = () =>
    run(
      placeCounter().state,
      { kind: 'pay', payment: { method: 'card', amount: 1500, reference: 'VP-9' } },
      envFor(staff),
    ).state;

  it('cancels an unpaid order not yet fired; voids an unpaid open one, with a reason', () => {
    expect(run(placeKiosk().state, { kind: 'cancel', reason: 'changed mind' }, envFor(staff)).events).toEqual([
      { type: 'order.cancelled', data: { orderId: 'order-1', reason: 'changed mind' } },
    ]);
    const fired = placeCounter().state;
    expect(refusal(fired, { kind: 'cancel' }, envFor(staff)).message).toMatch(/void it instead/);
    expect(refusal(fired, { kind: 'void', reason: '  ' }, envFor(staff)).code).toBe('validation');
    const voided = run(fired, { kind: 'void', reason: 'wrong table' }, envFor(staff));
    expect(voided.state).toMatchObject({ status: 'voided', closedAt: T0 });
    expect(refusal(paidCounter(), { kind: 'void', reason: 'x' }, envFor(staff)).message).toMatch(/refund it instead/);
  });

  it('refunds a whole order to its original tender', () => {
    const paid = paidCounter();
    const { state, events } = run(paid, { kind: 'refund', reason: 'cold' }, envFor(staff));
    expect(events).toEqual([
      {
        type: 'order.refunded',
        data: {
          orderId: 'order-1',
          refunds: [{ paymentId: expect.any(String), refundOf: paid.payments[0]?.id, method: 'card', amount: 1500 }],
          full: true,
          reason: 'cold',
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'refunded', payment: 'refunded' });
    expect(state.payments.map((p) => p.amount)).toEqual([1500, -1500]);
    expect(refusal(state, { kind: 'refund', reason: 'again' }, envFor(staff)).message).toMatch(/already refunded/);
  });

  it('refunds lines by the amounts the engine computes, never more than is left, never a line twice', () => {
    const paid = paidCounter();
    const amounts = refundsForLines(paid, ['l2']).map((r) => ({ lineId: r.lineId, amount: r.amount }));
    expect(amounts).toEqual([{ lineId: 'l2', amount: 700 }]);
    const part = run(paid, { kind: 'refund', reason: 'burnt', lines: amounts }, envFor(staff));
    expect(part.events[0]?.data).toMatchObject({ full: false, refunds: [{ amount: 700, lineIds: ['l2'] }] });
    expect(part.state).toMatchObject({ status: 'in_kitchen', payment: 'paid' });
    expect(refusal(part.state, { kind: 'refund', reason: 'x', lines: amounts }, envFor(staff)).message).toBe(
      'line l2 is already refunded',
    );
    expect(
      refusal(part.state, { kind: 'refund', reason: 'x', lines: [{ lineId: 'l3', amount: 501 }] }, envFor(staff)).code,
    ).toBe('validation');
    const rest = run(
      part.state,
      {
        kind: 'refund',
        reason: 'all of it',
        lines: [
          { lineId: 'l1', amount: 300 },
          { lineId: 'l3', amount: 500 },
        ],
      },
      envFor(staff),
    );
    expect(rest.state).toMatchObject({ status: 'refunded', payment: 'refunded' });
    expect(rest.state.payments.reduce((s, p) => s + p.amount, 0)).toBe(0);
  });

  it('refuses to refund an unpaid order', () => {
    expect(refusal(placeCounter().state, { kind: 'refund', reason: 'x' }, envFor(staff)).message).toMatch(
      /it is not paid/,
    );
  });
});
