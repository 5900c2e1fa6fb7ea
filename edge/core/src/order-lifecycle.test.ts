import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TillboxError } from './errors.js';
import {
  applyOrderCommand,
  isOpenStatus,
  ORDER_COMMANDS,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  type LifecycleCommand,
  type OrderEventType,
  type OrderState,
} from './order-lifecycle.js';

const NEW: OrderState = { status: 'placed', payment: 'unpaid' };

function run(
  commands: readonly LifecycleCommand[],
  from: OrderState = NEW,
): { state: OrderState; events: OrderEventType[] } {
  let state = from;
  const events: OrderEventType[] = [];
  for (const c of commands) {
    const next = applyOrderCommand(state, c);
    state = { status: next.status, payment: next.payment };
    events.push(next.event);
  }
  return { state, events };
}

function refusal(state: OrderState, command: LifecycleCommand): TillboxError {
  try {
    applyOrderCommand(state, command);
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error(`expected "${command}" from ${JSON.stringify(state)} to be refused`);
}

describe('the order lifecycle', () => {
  it('walks a kiosk order: placed → paid → in the kitchen → ready → picked up', () => {
    expect(run(['pay', 'fire', 'ready', 'pick-up'])).toEqual({
      state: { status: 'picked_up', payment: 'paid' },
      events: ['order.paid', 'order.fired', 'order.ready', 'order.picked-up'],
    });
  });

  it('lets a counter order fire before it is paid, and paying keeps it where it is', () => {
    expect(run(['fire', 'pay'])).toEqual({
      state: { status: 'in_kitchen', payment: 'paid' },
      events: ['order.fired', 'order.paid'],
    });
    expect(run(['fire', 'ready', 'complete', 'pay']).state).toEqual({ status: 'completed', payment: 'paid' });
  });

  it('recalls a ready order to the kitchen, and not after it is picked up', () => {
    expect(run(['fire', 'ready', 'recall']).state.status).toBe('in_kitchen');
    expect(refusal({ status: 'picked_up', payment: 'paid' }, 'recall').message).toBe(
      'cannot recall an order that is picked up (only a ready order can go back to the kitchen)',
    );
  });

  it('cancels only an unpaid order not yet in the kitchen; voids unpaid ones; refunds paid ones', () => {
    expect(run(['cancel']).state).toEqual({ status: 'cancelled', payment: 'unpaid' });
    expect(refusal({ status: 'paid', payment: 'paid' }, 'cancel').message).toMatch(/refund it instead/);
    expect(refusal({ status: 'in_kitchen', payment: 'unpaid' }, 'cancel').message).toMatch(/void it instead/);
    expect(run(['fire', 'void']).state).toEqual({ status: 'voided', payment: 'unpaid' });
    expect(refusal({ status: 'in_kitchen', payment: 'paid' }, 'void').message).toMatch(/refund it instead/);
    expect(run(['pay', 'fire', 'ready', 'pick-up', 'refund']).state).toEqual({
      status: 'refunded',
      payment: 'refunded',
    });
    expect(refusal({ status: 'placed', payment: 'unpaid' }, 'refund').message).toMatch(/it is not paid/);
  });

  it('refuses what does not apply with a conflict that says why', () => {
    const e = refusal({ status: 'ready', payment: 'paid' }, 'ready');
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('cannot ready an order that is ready');
    expect(refusal({ status: 'in_kitchen', payment: 'paid' }, 'pay').message).toBe(
      'cannot pay an order that is in the kitchen (it is already paid)',
    );
    expect(refusal({ status: 'cancelled', payment: 'unpaid' }, 'pay').code).toBe('conflict');
    expect(refusal({ status: 'in_kitchen', payment: 'unpaid' }, 'pick-up').code).toBe('conflict');
  });

  it('knows which statuses are still open', () => {
    expect(ORDER_STATUSES.filter(isOpenStatus)).toEqual(['placed', 'paid', 'in_kitchen', 'ready']);
  });

  it('property: random command sequences never reach an illegal state, and the events are exactly the transitions made', () => {
    const paymentRank = (p: OrderState['payment']) => PAYMENT_STATUSES.indexOf(p);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDER_COMMANDS), { maxLength: 30 }), (commands) => {
        let state = NEW;
        const events: OrderEventType[] = [];
        const applied: LifecycleCommand[] = [];
        for (const c of commands) {
          let next;
          try {
            next = applyOrderCommand(state, c);
          } catch (e) {
            // A refusal is a conflict and leaves the state as it was.
            expect((e as TillboxError).code).toBe('conflict');
            continue;
          }
          // A paid order never becomes unpaid again.
          expect(paymentRank(next.payment)).toBeGreaterThanOrEqual(paymentRank(state.payment));
          // 'paid' status means paid and not yet fired; refunded money means a refunded order.
          if (next.status === 'paid') expect(next.payment).toBe('paid');
          if (next.payment === 'refunded') expect(next.status).toBe('refunded');
          if (next.status === 'cancelled' || next.status === 'voided') expect(next.payment).toBe('unpaid');
          // Closed orders stay closed, except that an unpaid completed or picked-up order can still be paid.
          if (!isOpenStatus(state.status))
            expect(next.event === 'order.paid' || next.event === 'order.refunded').toBe(true);
          expect(ORDER_STATUSES).toContain(next.status);
          state = { status: next.status, payment: next.payment };
          events.push(next.event);
          applied.push(c);
        }
        // Replaying only the applied commands gives the same events and state.
        expect(run(applied)).toEqual({ state, events });
        expect(events).toHaveLength(applied.length);
      }),
      { numRuns: 3000 },
    );
  });
});
