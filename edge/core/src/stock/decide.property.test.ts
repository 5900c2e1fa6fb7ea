import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideStock, type StockCommand, type StockMoveRecord } from './decide.js';
import { canSell, untrackedItem, type StockItem } from './stock.js';

const staff: Actor = { kind: 'staff', id: 'morgan', role: 'shift-lead' };
const guest: Actor = { kind: 'guest', id: 'kiosk-1', role: 'kiosk' };

const lines = fc.array(
  fc.record({ lineId: fc.constantFrom('l1', 'l2', 'l3'), quantity: fc.integer({ min: 1, max: 4 }) }),
  {
    minLength: 1,
    maxLength: 3,
  },
);

const commandArb: fc.Arbitrary<StockCommand> = fc.oneof(
  fc.record({ kind: fc.constant('sell' as const), orderId: fc.constant('o1'), lines }),
  fc.record({ kind: fc.constant('sell' as const), orderId: fc.constant('o2'), lines }),
  fc.record({
    kind: fc.constant('return' as const),
    orderId: fc.constant('o1'),
    reason: fc.constantFrom('refunded' as const, 'cancelled' as const),
    lines,
  }),
  fc.record({ kind: fc.constant('receive' as const), quantity: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('waste' as const),
    quantity: fc.integer({ min: 1, max: 6 }),
    reason: fc.constant('dropped'),
  }),
  fc.record({ kind: fc.constant('count' as const), count: fc.nat(20) }),
  fc.record({ kind: fc.constant('untrack' as const) }),
  fc.record({ kind: fc.constant('86' as const) }),
  fc.record({ kind: fc.constant('un-86' as const) }),
);

describe('decideStock on random walks', () => {
  it('never lets a count go below zero; the moves since tracking began sum to the count; 86 follows the rules', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(commandArb, fc.boolean()), { maxLength: 60 }), (steps) => {
        let state: StockItem = untrackedItem('water', 'Water');
        let moves: StockMoveRecord[] = [];
        let n = 0;
        for (const [command, byStaff] of steps) {
          const before = state;
          let d;
          try {
            d = decideStock(state, command, {
              cmd: { actor: byStaff ? staff : guest, device: 'd' },
              at: 0,
              newId: () => `m${(n += 1)}`,
            });
          } catch (e) {
            expect(e).toBeInstanceOf(TillboxError);
            continue; // refused: nothing changes
          }
          for (const e of d.events) validateEvent(e.type, e.data);
          state = d.state;
          moves = [...moves, ...d.moves];
          // Never below zero; the ledger sums to the count.
          expect(state.count).toBeGreaterThanOrEqual(0);
          expect(moves.reduce((s, m) => s + m.quantity, 0)).toBe(state.count);
          for (const m of d.moves) expect(m.countAfter).toBeGreaterThanOrEqual(0);
          // A sale that went through could be sold.
          if (command.kind === 'sell') {
            const q = command.lines.reduce((s, l) => s + l.quantity, 0);
            expect(canSell(before, q)).toBe(true);
          }
          // A counted item with none on hand is off sale; a sold-out 86 never outlives stock coming back.
          if (state.tracked && state.count === 0) expect(state.eightySixed).toBeDefined();
          if (state.eightySixed?.reason === 'sold-out') expect(state.tracked && state.count === 0).toBe(true);
          // Only staff change stock by hand.
          if (!byStaff) expect(['sell', 'return']).toContain(command.kind);
        }
      }),
      { numRuns: 300 },
    );
  });
});
