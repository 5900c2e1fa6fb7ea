import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TillboxError } from '../errors.js';
import { decideDrawer, type DrawerCommand } from './decide.js';
import { denominationsOf, type DenominationCount } from './denominations.js';
import type { DrawerState } from './drawer.js';
import { cashier, closedDrawer, envFor, manager } from './fixtures.test-support.js';

const usd = denominationsOf('USD').map((d) => String(d.value));
const countArb: fc.Arbitrary<DenominationCount> = fc.dictionary(fc.constantFrom(...usd), fc.nat(40), {
  maxKeys: 6,
});

type Step = { command: DrawerCommand; approved: boolean };

const stepArb: fc.Arbitrary<Step> = fc.record({
  approved: fc.boolean(),
  command: fc.oneof(
    fc.oneof(
      fc.record({ kind: fc.constant('open' as const), float: fc.record({ count: countArb }) }),
      fc.record({ kind: fc.constant('open' as const), float: fc.record({ amount: fc.nat(50_000) }) }),
    ),
    fc.record({
      kind: fc.constant('move' as const),
      move: fc.constantFrom('paid-in' as const, 'paid-out' as const, 'safe-drop' as const),
      amount: fc.integer({ min: 1, max: 20_000 }),
      reason: fc.constantFrom('supplies', 'float top-up'),
    }),
    fc.record({ kind: fc.constant('no-sale' as const) }),
    fc.record({
      kind: fc.constant('take-cash' as const),
      direction: fc.constantFrom('sale' as const, 'sale' as const, 'refund' as const),
      amount: fc.integer({ min: 1, max: 5_000 }),
      orderId: fc.constant('o'),
      paymentId: fc.constant('p'),
    }),
    fc.record({ kind: fc.constant('count' as const), count: countArb }),
    fc.record({ kind: fc.constant('close' as const) }),
  ),
});

/** What went in and out of the current session, summed independently of the rules. */
interface Model {
  open: boolean;
  float: number;
  sales: number;
  refunds: number;
  paidIn: number;
  paidOut: number;
  drops: number;
}

describe('decideDrawer on random walks', () => {
  it('keeps the books: every close reconciles the float, the cash taken and the moves, to the cent', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.integer({ min: 0, max: 3_000 }), (steps, threshold) => {
        let state: DrawerState = closedDrawer;
        let model: Model | undefined;
        let n = 0;
        for (const { command, approved } of steps) {
          const env = envFor(approved ? { ...cashier, approvedBy: manager } : cashier, {
            varianceApprovalAmount: threshold,
            newId: () => `id-${(n += 1)}`,
          });
          let d;
          try {
            d = decideDrawer(state, command, env);
          } catch (e) {
            expect(e).toBeInstanceOf(TillboxError);
            continue;
          }
          const before = state;
          state = d.state;
          if (command.kind === 'open') {
            const float = d.state.session?.figures.openingFloat ?? -1;
            model = { open: true, float, sales: 0, refunds: 0, paidIn: 0, paidOut: 0, drops: 0 };
          }
          if (!model) throw new Error(`${command.kind} accepted with no session`);
          if (command.kind === 'take-cash' || command.kind === 'move' || command.kind === 'no-sale') {
            expect(before.session?.status).toBe('open');
          }
          if (command.kind === 'take-cash') model[command.direction === 'sale' ? 'sales' : 'refunds'] += command.amount;
          if (command.kind === 'move') {
            const key = ({ 'paid-in': 'paidIn', 'paid-out': 'paidOut', 'safe-drop': 'drops' } as const)[command.move];
            model[key] += command.amount;
          }
          const expected = model.float + model.sales - model.refunds + model.paidIn - model.paidOut - model.drops;
          if (command.kind === 'move' && command.move !== 'paid-in') expect(expected).toBeGreaterThanOrEqual(0);
          const closed = d.events.find((e) => e.type === 'drawer.closed');
          if (closed?.type === 'drawer.closed') {
            const c = closed.data;
            expect(c.expected).toBe(expected);
            expect(c.variance).toBe(c.counted - expected);
            expect(c.approvedBy !== undefined).toBe(Math.abs(c.variance) > threshold);
            expect(state.session?.status).toBe('closed');
            // The edge saves the closed session and the next load finds the drawer free.
            state = { drawer: state.drawer };
            model = undefined;
          } else if (command.kind === 'count') {
            expect(state.session?.status).toBe('counted');
            expect(approved).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
