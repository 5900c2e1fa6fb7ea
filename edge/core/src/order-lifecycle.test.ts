import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TillboxError } from './errors.js';
import {
  applyOrderCommand,
  isOpenStatus,
  ORDER_COMMANDS,
  ORDER_STATUSES,
  type OrderCommand,
  type OrderStatus,
} from './order-lifecycle.js';

function refusal(status: OrderStatus, command: OrderCommand): TillboxError {
  try {
    applyOrderCommand(status, command);
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error(`expected "${command}" from "${status}" to be refused`);
}

describe('applyOrderCommand', () => {
  it('fires a placed order into the kitchen', () => {
    expect(applyOrderCommand('placed', 'fire')).toEqual({ status: 'in_kitchen', event: 'order.fired' });
  });

  it('bumps a kitchen order to ready', () => {
    expect(applyOrderCommand('in_kitchen', 'bump')).toEqual({ status: 'ready', event: 'order.bumped' });
  });

  it('marks a ready order picked up', () => {
    expect(applyOrderCommand('ready', 'pick-up')).toEqual({ status: 'picked_up', event: 'order.picked-up' });
  });

  it('walks an order through its whole life in order', () => {
    let status: OrderStatus = 'placed';
    const events: string[] = [];
    for (const command of ['fire', 'bump', 'pick-up'] as const) {
      const next = applyOrderCommand(status, command);
      status = next.status;
      events.push(next.event);
    }
    expect(status).toBe('picked_up');
    expect(events).toEqual(['order.fired', 'order.bumped', 'order.picked-up']);
  });

  it('refuses to bump an order that is already ready, saying so', () => {
    const e = refusal('ready', 'bump');
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('cannot bump an order that is ready');
    expect(e.details).toEqual([{ path: 'status', message: 'expected in the kitchen' }]);
  });

  it('refuses to pick up an order that is still in the kitchen', () => {
    const e = refusal('in_kitchen', 'pick-up');
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('cannot pick-up an order that is in the kitchen');
  });

  it('refuses to fire an order twice', () => {
    expect(refusal('in_kitchen', 'fire').message).toBe('cannot fire an order that is in the kitchen');
  });

  it('refuses every command on a picked-up order', () => {
    for (const command of ORDER_COMMANDS) {
      const e = refusal('picked_up', command);
      expect(e.code).toBe('conflict');
      expect(e.message).toContain('picked up');
    }
  });

  it('allows exactly three of the twelve status × command pairs', () => {
    const allowed: string[] = [];
    for (const status of ORDER_STATUSES) {
      for (const command of ORDER_COMMANDS) {
        try {
          applyOrderCommand(status, command);
          allowed.push(`${status}:${command}`);
        } catch (e) {
          expect((e as TillboxError).code).toBe('conflict');
        }
      }
    }
    expect(allowed).toEqual(['placed:fire', 'in_kitchen:bump', 'ready:pick-up']);
  });

  it('property: any command sequence from "placed" stays within the statuses and only moves forward, one step at a time', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDER_COMMANDS), { maxLength: 30 }), (commands) => {
        let status: OrderStatus = 'placed';
        for (const command of commands) {
          const before = ORDER_STATUSES.indexOf(status);
          try {
            status = applyOrderCommand(status, command).status;
          } catch (e) {
            expect(e).toBeInstanceOf(TillboxError);
            expect((e as TillboxError).code).toBe('conflict');
            continue;
          }
          const after = ORDER_STATUSES.indexOf(status);
          expect(after).toBe(before + 1);
        }
        expect(ORDER_STATUSES).toContain(status);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isOpenStatus', () => {
  it('is true while the order is on a kitchen screen or the pickup board, false once picked up', () => {
    expect(ORDER_STATUSES.filter(isOpenStatus)).toEqual(['placed', 'in_kitchen', 'ready']);
    expect(isOpenStatus('picked_up')).toBe(false);
  });
});
