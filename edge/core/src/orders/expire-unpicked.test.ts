/**
 * App and online orders nobody picked up: the system ends them once they have waited the store's
 * setting past their due time — cancelled or voided when unpaid, refunded to the app's tender
 * when paid — and nothing else may.
 */
import { describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideOrder, type OrderCommand, type OrderEnv } from './decide.js';
import { evolveOrder, type Order } from './order.js';
import { cloud, draft, envFor, staff } from './fixtures.test-support.js';

const MIN = 60_000;
const expire: OrderCommand = { kind: 'expire-unpicked', minutes: 60 };

function run(state: Order | undefined, command: OrderCommand, env: OrderEnv) {
  const d = decideOrder(state, command, env);
  let replay = state;
  for (const e of d.events) {
    validateEvent(e.type, e.data);
    replay = evolveOrder(replay, e, env.at);
  }
  expect(replay).toEqual(d.state);
  return d;
}

function refusal(state: Order, command: OrderCommand, env: OrderEnv): TillboxError {
  try {
    decideOrder(state, command, env);
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error('expected a refusal');
}

/** An online order as the cloud brings it in: paid in the app or to pay at pickup. */
function inbound(paid: boolean, channel: 'online' | 'app' | 'counter' = 'online'): Order {
  const command: OrderCommand = {
    kind: 'place',
    order: draft({ channel }),
    fire: 'on-payment',
    ...(paid ? { payment: { method: 'external' as const, amount: 1500, reference: 'app-9' } } : {}),
  };
  return run(undefined, command, envFor(channel === 'counter' ? staff : cloud)).state;
}

const later = (order: Order, minutes: number): OrderEnv => envFor(SYSTEM_CONTEXT, order.dueAt + minutes * MIN);

describe('expiring app and online orders nobody picked up', () => {
  it('cancels an unpaid one still waiting, once it is the setting past its due time', () => {
    const order = inbound(false);
    expect(refusal(order, expire, later(order, 59)).message).toMatch(/has not waited 60 minutes/);
    const { state, events } = run(order, expire, later(order, 61));
    expect(events).toEqual([
      {
        type: 'order.cancelled',
        data: { orderId: order.id, reason: 'expired: not picked up 60 minutes after it was due' },
      },
    ]);
    expect(state.status).toBe('cancelled');
  });

  it('voids an unpaid one the kitchen made, and refunds one paid in the app to its tender', () => {
    const fired = run(inbound(false), { kind: 'fire' }, envFor(staff)).state;
    const ready = run(fired, { kind: 'ready' }, envFor(staff)).state;
    const voided = run(ready, expire, later(ready, 61));
    expect(voided.events.map((e) => e.type)).toEqual(['order.voided']);
    expect(voided.state.status).toBe('voided');

    const paid = inbound(true);
    const refunded = run(paid, expire, later(paid, 120));
    expect(refunded.events).toMatchObject([
      {
        type: 'order.refunded',
        data: { full: true, refunds: [{ amount: 1500 }], reason: 'expired: not picked up 60 minutes after it was due' },
      },
    ]);
    expect(refunded.state.payment).toBe('refunded');
  });

  it('is the system’s alone, for app and online orders still waiting', () => {
    const order = inbound(false, 'app');
    expect(refusal(order, expire, envFor(staff, order.dueAt + 2 * 60 * MIN)).code).toBe('forbidden');
    const counter = inbound(false, 'counter');
    expect(refusal(counter, expire, later(counter, 61)).message).toMatch(/not an app or online order/);
    // Paid in the app, it went to the kitchen at once; made and picked up, it stays as it is.
    const paid = inbound(true);
    expect(paid.status).toBe('in_kitchen');
    const picked = run(run(paid, { kind: 'ready' }, envFor(staff)).state, { kind: 'pick-up' }, envFor(staff)).state;
    expect(refusal(picked, expire, later(picked, 61)).code).toBe('conflict');
  });
});
