import { describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { decideOrder, type OrderCommand } from './decide.js';
import { CONFIG, draft, envFor, kiosk, staff, T0 } from './fixtures.test-support.js';
import type { Order } from './order.js';
import { intentStatusesBefore, reversalRetryDelay } from './payment-intent.js';

const managerCmd = {
  actor: { kind: 'staff' as const, id: 'staff-mo', role: 'manager' as const, name: 'Mo' },
  device: 'counter-1',
};

/** A counter order waiting for its payment (1500). */
function unpaid(overrides: Parameters<typeof draft>[0] = {}): Order {
  const env = envFor(staff, T0, { ...CONFIG, counterFires: 'on-payment' });
  return decideOrder(undefined, { kind: 'place', order: draft(overrides), fire: 'auto' }, env).state;
}

const intent = { id: 'intent-1', method: 'card' as const, amount: 1500, startedAt: T0 };

function refusal(state: Order, command: OrderCommand, cmd = staff, at = T0): TillboxError {
  try {
    decideOrder(state, command, envFor(cmd, at));
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error(`expected ${command.kind} to be refused`);
}

describe('a card payment in progress', () => {
  it('opens on an unpaid order for at most what is due, without events', () => {
    const d = decideOrder(unpaid(), { kind: 'start-payment', intent }, envFor(staff));
    expect(d.events).toEqual([]);
    expect(d.state.paymentInProgress).toEqual(intent);
    expect(refusal(unpaid(), { kind: 'start-payment', intent: { ...intent, amount: 1501 } }).code).toBe('validation');
  });

  it('refuses cancel, void, a second payment and price changes while the terminal is asked', () => {
    const paying = { ...unpaid(), paymentInProgress: intent };
    const racing: OrderCommand[] = [
      { kind: 'cancel' },
      { kind: 'void', reason: 'guest left' },
      { kind: 'start-payment', intent: { ...intent, id: 'intent-2' } },
      { kind: 'pay', payment: { method: 'cash', amount: 1500, tendered: 2000 } },
      { kind: 'pay', payment: { method: 'card', amount: 1500, reference: 'VP-9', intentId: 'intent-2' } },
      { kind: 'override-price', lineId: 'l1', unitPrice: 100, reason: 'regular' },
    ];
    for (const command of racing) {
      const e = refusal(paying, command, managerCmd);
      expect(e.code, command.kind).toBe('conflict');
      expect(e.message, command.kind).toMatch(/^payment in progress/);
    }
    // The kitchen goes on: firing an order being paid is fine.
    expect(decideOrder(paying, { kind: 'fire' }, envFor(staff)).state.status).toBe('in_kitchen');
  });

  it('refuses to hold the ticket while the terminal is asked, and holds it once the payment is over', () => {
    const paying = { ...unpaid(), paymentInProgress: intent };
    const e = refusal(paying, { kind: 'hold' });
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/^payment in progress: order \d+ is being paid on the card terminal/);
    expect(decideOrder(unpaid(), { kind: 'hold' }, envFor(staff)).state.heldAt).toBe(T0);
  });

  it('ends with the payment that names it, and cancel works again after a decline', () => {
    const paying = { ...unpaid(), paymentInProgress: intent };
    const paid = decideOrder(
      paying,
      { kind: 'pay', payment: { method: 'card', amount: 1500, reference: 'VP-1', intentId: 'intent-1' } },
      envFor(staff),
    ).state;
    expect(paid.payment).toBe('paid');
    expect(paid.paymentInProgress).toBeUndefined();
    expect(refusal(paid, { kind: 'cancel' }).message).toMatch(/cannot cancel/);
    // A declined intent is no longer loaded with the order: cancel applies.
    expect(decideOrder(unpaid(), { kind: 'cancel' }, envFor(staff)).state.status).toBe('cancelled');
    // A payment naming an intent that is not open is refused.
    const stale = {
      kind: 'pay' as const,
      payment: { method: 'card' as const, amount: 1500, reference: 'VP-2', intentId: 'gone' },
    };
    expect(refusal(unpaid(), stale).message).toMatch(/no longer in progress/);
  });
});

describe('expiring unpaid kiosk orders', () => {
  const kioskOrder = (): Order =>
    decideOrder(undefined, { kind: 'place', order: draft({ channel: 'kiosk' }), fire: 'auto' }, envFor(kiosk)).state;
  const later = T0 + 30 * 60_000;

  it('cancels a kiosk order left unpaid past the limit, as the system, with the reason', () => {
    const d = decideOrder(kioskOrder(), { kind: 'expire', unpaidForMinutes: 30 }, envFor(SYSTEM_CONTEXT, later));
    expect(d.state.status).toBe('cancelled');
    expect(d.events).toEqual([
      { type: 'order.cancelled', data: { orderId: 'order-1', reason: 'expired: unpaid for 30 minutes' } },
    ]);
  });

  it('leaves young, paid, counter and paying orders alone, and only the system expires', () => {
    const expire: OrderCommand = { kind: 'expire', unpaidForMinutes: 30 };
    expect(refusal(kioskOrder(), expire, SYSTEM_CONTEXT, later - 1).message).toMatch(/has not waited 30 minutes/);
    expect(refusal(unpaid(), expire, SYSTEM_CONTEXT, later).message).toMatch(/not an unpaid kiosk order/);
    const paid = decideOrder(
      kioskOrder(),
      { kind: 'pay', payment: { method: 'card', amount: 1500, reference: 'VP-1' } },
      envFor(kiosk),
    ).state;
    expect(refusal(paid, expire, SYSTEM_CONTEXT, later).code).toBe('conflict');
    expect(refusal({ ...kioskOrder(), paymentInProgress: intent }, expire, SYSTEM_CONTEXT, later).message).toMatch(
      /payment in progress/,
    );
    expect(refusal(kioskOrder(), expire, kiosk, later).code).toBe('forbidden');
  });
});

describe('payment intent statuses', () => {
  it('settle once: only an open intent is approved, declined or failed; only a pending reversal is reversed', () => {
    // An offline approval is settled (approved) by a reconciliation, once.
    expect(intentStatusesBefore('approved')).toEqual(['open', 'approved-offline']);
    expect(intentStatusesBefore('approved-offline')).toEqual(['open']);
    expect(intentStatusesBefore('reversal-pending')).toEqual(['open']);
    expect(intentStatusesBefore('reversed')).toEqual(['reversal-pending']);
    expect(intentStatusesBefore('open')).toEqual([]);
  });

  it('retries a failing reversal with a doubling delay, capped', () => {
    expect([1, 2, 3, 4].map((n) => reversalRetryDelay(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(reversalRetryDelay(40, 1000)).toBe(600_000);
  });
});
