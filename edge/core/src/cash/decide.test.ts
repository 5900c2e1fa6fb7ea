import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { decideDrawer, type DrawerCommand, type DrawerEnv } from './decide.js';
import type { DrawerState } from './drawer.js';
import { cashier, closedDrawer, envFor, manager, run } from './fixtures.test-support.js';

function refusal(state: DrawerState, command: DrawerCommand, env: DrawerEnv = envFor()): TillboxError {
  try {
    decideDrawer(state, command, env);
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error(`expected ${command.kind} to be refused`);
}

/** Drawer 1 opened with $150.00 in twenties, tens and fives. */
const opened = () => run(closedDrawer, { kind: 'open', float: { count: { '2000': 5, '1000': 3, '500': 4 } } }).state;
const sale = (state: DrawerState, amount: number, n = 1) =>
  run(state, { kind: 'take-cash', direction: 'sale', amount, orderId: `o${n}`, paymentId: `p${n}` }).state;

describe('opening a drawer', () => {
  it('opens with a float counted by denomination, and asks for the drawer to be kicked open', () => {
    const d = run(closedDrawer, { kind: 'open', float: { count: { '2000': 5, '1000': 3, '500': 4, '25': 0 } } });
    expect(d.events.map((e) => e.type)).toEqual(['drawer.opened', 'drawer.kick-requested']);
    expect(d.events[0]?.data).toEqual({
      drawerId: 'drawer-1',
      sessionId: 'id-1',
      currency: 'USD',
      openingFloat: 15_000,
      count: { '2000': 5, '1000': 3, '500': 4 },
    });
    expect(d.events[1]?.data).toEqual({ drawerId: 'drawer-1', sessionId: 'id-1', reason: 'open' });
    expect(d.state.session).toMatchObject({ status: 'open', openedBy: cashier, openedOn: 'counter-1' });
  });

  it('opens with a float given as an amount', () => {
    const d = run(closedDrawer, { kind: 'open', float: { amount: 20_000 } });
    expect(d.state.session?.figures.openingFloat).toBe(20_000);
    expect(d.state.session?.openingCount).toBeUndefined();
  });

  it('refuses to open a drawer twice, a drawer out of use, a bad count, and anyone but staff', () => {
    expect(refusal(opened(), { kind: 'open', float: { amount: 0 } }).message).toBe('Drawer 1 is already open');
    const retired = { drawer: { ...closedDrawer.drawer, active: false } };
    expect(refusal(retired, { kind: 'open', float: { amount: 0 } }).code).toBe('conflict');
    expect(refusal(closedDrawer, { kind: 'open', float: { count: { '3': 1 } } }).code).toBe('validation');
    expect(refusal(closedDrawer, { kind: 'open', float: { amount: -1 } }).code).toBe('validation');
    const device: Actor = { kind: 'device', id: 'counter-1', role: 'counter' };
    expect(refusal(closedDrawer, { kind: 'open', float: { amount: 0 } }, envFor(device)).code).toBe('forbidden');
  });
});

describe('cash in and out', () => {
  it('records a paid out with its reason and kicks the drawer', () => {
    const d = run(opened(), { kind: 'move', move: 'paid-out', amount: 1_250, reason: 'milk from the corner shop' });
    expect(d.events.map((e) => e.type)).toEqual(['drawer.cash-moved', 'drawer.kick-requested']);
    expect(d.events[0]?.data).toMatchObject({ kind: 'paid-out', amount: 1_250, reason: 'milk from the corner shop' });
    expect(d.events[1]?.data).toMatchObject({ reason: 'paid-out' });
    expect(d.move).toMatchObject({ kind: 'paid-out', amount: 1_250, sessionId: 'id-1' });
    expect(d.state.session?.figures.paidOut).toBe(1_250);
  });

  it('needs a reason for a paid in or out, not for a safe drop', () => {
    const state = opened();
    expect(refusal(state, { kind: 'move', move: 'paid-in', amount: 100, reason: '  ' }).details[0]?.path).toBe(
      'reason',
    );
    expect(run(state, { kind: 'move', move: 'safe-drop', amount: 10_000 }).state.session?.figures.safeDrops).toBe(
      10_000,
    );
  });

  it('refuses taking out more than the drawer should hold, without saying how much that is', () => {
    const e = refusal(opened(), { kind: 'move', move: 'safe-drop', amount: 15_001 });
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('$150.01 is more than Drawer 1 should hold: count what is there');
    expect(e.message).not.toMatch(/150\.00/);
  });

  it('counts cash sales and refunds without events of their own', () => {
    const d = run(opened(), { kind: 'take-cash', direction: 'refund', amount: 300, orderId: 'o9', paymentId: 'r9' });
    expect(d.events).toEqual([]);
    expect(d.move).toMatchObject({ kind: 'cash-refund', amount: 300, orderId: 'o9', paymentId: 'r9' });
    expect(sale(d.state, 1_187).session?.figures).toMatchObject({ cashSales: 1_187, cashRefunds: 300 });
  });

  it('records a no-sale open and kicks the drawer; nothing moves while the drawer is closed', () => {
    const d = run(opened(), { kind: 'no-sale', reason: 'change for a $20' });
    expect(d.events.map((e) => e.type)).toEqual(['drawer.no-sale', 'drawer.kick-requested']);
    expect(d.state.session?.noSales).toBe(1);
    expect(d.move).toMatchObject({ kind: 'no-sale', amount: 0 });
    expect(refusal(closedDrawer, { kind: 'no-sale' }).message).toMatch(/Drawer 1 is not open/);
    expect(
      refusal(closedDrawer, { kind: 'take-cash', direction: 'sale', amount: 1, orderId: 'o', paymentId: 'p' }).code,
    ).toBe('conflict');
  });
});

describe('the blind close', () => {
  /** $150 float, $23.74 of cash sales, $5.00 paid in, $2.50 paid out, $100 dropped: $76.24 expected. */
  const busy = () => {
    let s = sale(sale(opened(), 1_187, 1), 1_187, 2);
    s = run(s, { kind: 'move', move: 'paid-in', amount: 500, reason: 'float top-up' }).state;
    s = run(s, { kind: 'move', move: 'paid-out', amount: 250, reason: 'window cleaner' }).state;
    return run(s, { kind: 'move', move: 'safe-drop', amount: 10_000 }).state;
  };

  it('closes at once when the count is within the threshold, with expected, counted and variance', () => {
    // $76.00 counted: 24¢ short.
    const d = run(busy(), { kind: 'count', count: { '2000': 3, '1000': 1, '500': 1, '100': 1 } });
    expect(d.events.map((e) => e.type)).toEqual(['drawer.counted', 'drawer.closed']);
    expect(d.events[0]?.data).toMatchObject({ counted: 7_600, expected: 7_624, variance: -24, needsApproval: false });
    expect(d.events[1]?.data).toMatchObject({
      figures: { openingFloat: 15_000, cashSales: 2_374, cashRefunds: 0, paidIn: 500, paidOut: 250, safeDrops: 10_000 },
      expected: 7_624,
      counted: 7_600,
      variance: -24,
      openedAt: '2026-11-27T14:00:00.000Z',
    });
    expect(d.events[1]?.data).not.toHaveProperty('approvedBy');
    expect(d.state.session?.status).toBe('closed');
  });

  it("waits for a manager when the variance is past the threshold; the cashier's count stands", () => {
    // $70.00 counted: $6.24 short, past the $5.00 threshold.
    const counted = run(busy(), { kind: 'count', count: { '2000': 3, '1000': 1 } });
    expect(counted.events.map((e) => e.type)).toEqual(['drawer.counted']);
    expect(counted.events[0]?.data).toMatchObject({ variance: -624, needsApproval: true });
    expect(counted.state.session?.status).toBe('counted');

    const unapproved = refusal(counted.state, { kind: 'close' });
    expect(unapproved.code).toBe('forbidden');
    expect(unapproved.message).toBe("Drawer 1 is $6.24 short, more than $5.00: closing it needs a manager's approval");
    expect(unapproved.details).toContainEqual({ path: 'override', message: "a manager's staff id and PIN" });
    expect(refusal(counted.state, { kind: 'count', count: { '2000': 4 } }).message).toMatch(/already counted/);
    expect(refusal(counted.state, { kind: 'no-sale' }).message).toMatch(/takes no more cash/);

    const byCashier = envFor({ ...cashier, approvedBy: { kind: 'staff', id: 'casey2', role: 'shift-lead' } });
    expect(refusal(counted.state, { kind: 'close' }, byCashier).code).toBe('forbidden');

    const approved = run(counted.state, { kind: 'close' }, envFor({ ...cashier, approvedBy: manager }));
    expect(approved.events.map((e) => e.type)).toEqual(['drawer.closed']);
    expect(approved.events[0]?.data).toMatchObject({ variance: -624, counted: 7_000, approvedBy: manager });
    expect(approved.state.session).toMatchObject({ status: 'closed', approvedBy: manager });
  });

  it('closes in one step when the count comes with a manager’s approval', () => {
    const d = run(busy(), { kind: 'count', count: { '5000': 2 } }, envFor({ ...cashier, approvedBy: manager }));
    expect(d.events.map((e) => e.type)).toEqual(['drawer.counted', 'drawer.closed']);
    expect(d.events[1]?.data).toMatchObject({ variance: 2_376, approvedBy: manager });
  });

  it('refuses to close a drawer that was not counted, and to count a closed one', () => {
    expect(refusal(opened(), { kind: 'close' }).message).toMatch(/has not been counted: count it first/);
    expect(refusal(closedDrawer, { kind: 'count', count: {} }).message).toMatch(/nothing to count/);
  });
});
