/**
 * Property: random walks of partial payments (card with tips, cash, external), splits (even, by
 * lines, back to one bill), refunds (whole, by lines, to named tenders), voids and cancels never
 * take more than the total (tips apart), keep a split's parts adding up to the total, never give
 * a tender back more than was taken on it, and give change only on the cash that pays the rest.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withApproval, type CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideOrder, type OrderCommand } from './decide.js';
import { draft, envFor, line, staff, T0 } from './fixtures.test-support.js';
import { evolveOrder, paidNet, type Order } from './order.js';
import { amountDue, tipTotal } from './order-view.js';
import { refundsForLines } from './refunds.js';
import { splitParts } from './split.js';

const manager: CommandContext = withApproval(staff, { kind: 'staff', id: 'staff-mo', role: 'manager', name: 'Mo' });

type Step =
  | { kind: 'card'; share: number; tip: number; part: number }
  | { kind: 'cash'; share: number; part: number }
  | { kind: 'external'; share: number; part: number }
  | { kind: 'split-even'; count: number }
  | { kind: 'split-lines'; assign: number[] }
  | { kind: 'split-none' | 'refund-all' | 'void' | 'cancel' | 'hold' | 'resume' | 'fire' }
  | { kind: 'refund-lines'; lines: number[]; named: boolean };

// Percent of what is due (over 100: more than is due); often all of it, so walks get paid in full.
const share = fc.oneof(fc.constant(100), fc.integer({ min: 0, max: 120 }));
const part = fc.integer({ min: 0, max: 4 }); // 0: no part named
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('card' as const), share, tip: fc.constantFrom(0, 0, 150), part }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cash' as const), share, part }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('external' as const), share, part }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('split-even' as const), count: fc.integer({ min: 1, max: 5 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('split-lines' as const),
      assign: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'split-none' as const,
        'refund-all' as const,
        'void' as const,
        'cancel' as const,
        'hold' as const,
        'resume' as const,
        'fire' as const,
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund-lines' as const),
      lines: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 3 }),
      named: fc.boolean(),
    }),
  },
);

function dueOf(o: Order, partNo: number): number {
  const p = splitParts(o).find((x) => x.part === partNo);
  return p ? p.due : amountDue(o);
}

function toCommand(s: Step, o: Order): OrderCommand {
  const partNo = 'part' in s && s.part > 0 ? s.part : undefined;
  const named = partNo === undefined ? {} : { part: partNo };
  const amount = 'share' in s ? Math.round((dueOf(o, partNo ?? 0) * s.share) / 100) : 0;
  switch (s.kind) {
    case 'card':
      return {
        kind: 'pay',
        payment: { method: 'card', amount, reference: 'VP', ...(s.tip ? { tip: s.tip } : {}), ...named },
      };
    case 'cash':
      return { kind: 'pay', payment: { method: 'cash', tendered: amount, ...named } };
    case 'external':
      return { kind: 'pay', payment: { method: 'external', amount, reference: 'EXT', ...named } };
    case 'split-even':
      return { kind: 'split', plan: { kind: 'even', count: s.count } };
    case 'split-lines': {
      const parts = [0, 1, 2, 3]
        .map((k) => o.lines.filter((_, i) => s.assign[i] === k).map((l) => l.lineId))
        .filter((p) => p.length > 0);
      return { kind: 'split', plan: { kind: 'lines', parts } };
    }
    case 'split-none':
      return { kind: 'split', plan: { kind: 'none' } };
    case 'refund-all':
      return { kind: 'refund', reason: 'property' };
    case 'refund-lines': {
      const ids = [...new Set(s.lines.map((i) => o.lines[i % o.lines.length]?.lineId ?? 'none'))];
      const lines = refundsForLines(o, ids).map((r) => ({ lineId: r.lineId, amount: r.amount }));
      const amount = lines.reduce((sum, l) => sum + l.amount, 0);
      // Named tenders: the newest first, each up to what it holds.
      const to: { paymentId: string; amount: number }[] = [];
      let left = amount;
      for (const p of [...o.payments].reverse()) {
        if (p.amount <= 0 || p.refundOf !== undefined || left === 0) continue;
        const held = p.amount + o.payments.filter((r) => r.refundOf === p.id).reduce((x, r) => x + r.amount, 0);
        const take = Math.min(held, left);
        if (take > 0) to.push({ paymentId: p.id, amount: take });
        left -= take;
      }
      return { kind: 'refund', reason: 'property', lines, ...(s.named ? { to } : {}) };
    }
    case 'void':
      return { kind: 'void', reason: 'property' };
    default:
      return { kind: s.kind };
  }
}

function checkMoney(o: Order): void {
  const total = o.totals.total;
  const net = paidNet(o);
  // Never more than the total taken (tips apart), never less than nothing.
  expect(net).toBeGreaterThanOrEqual(0);
  expect(net).toBeLessThanOrEqual(total);
  expect(tipTotal(o)).toBeGreaterThanOrEqual(0);
  if (o.payment === 'unpaid') expect(net).toBe(0);
  if (o.payment === 'partially-paid') expect(net > 0 && net < total).toBe(true);
  // A split's parts add up to the total; none is paid more than it comes to.
  const parts = splitParts(o);
  if (o.split) {
    expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(total);
    for (const p of parts) {
      expect(p.paid).toBeGreaterThanOrEqual(0);
      expect(p.paid).toBeLessThanOrEqual(p.amount);
    }
  }
  // No tender is given back more than was taken on it, nor on another method.
  for (const p of o.payments.filter((x) => x.refundOf === undefined)) {
    const back = o.payments.filter((r) => r.refundOf === p.id);
    for (const r of back) expect(r.method).toBe(p.method);
    expect(-back.reduce((s, r) => s + r.amount, 0)).toBeLessThanOrEqual(p.amount);
    expect(-back.reduce((s, r) => s + (r.tip ?? 0), 0)).toBeLessThanOrEqual(p.tip ?? 0);
  }
  if (o.status === 'voided' || o.status === 'cancelled') expect(net).toBe(0);
}

describe('split tender, split bills and refunds, property', () => {
  it('never take more than the total, keep parts summing to it, and never refund a tender past what it gave', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(step, fc.boolean()), { maxLength: 25 }),
        (prices, steps) => {
          const lines = prices.map((p, i) => line(`l${i}`, i % 2 ? 'kitchen' : 'bar', p));
          let state = decideOrder(
            undefined,
            { kind: 'place', order: draft({ lines }), fire: 'on-payment' },
            envFor(staff),
          ).state;
          let at = T0;
          for (const [s, asManager] of steps) {
            at += 60_000;
            const command = toCommand(s, state);
            const env = envFor(asManager ? manager : staff, at);
            let decision;
            try {
              decision = decideOrder(state, command, env);
            } catch (e) {
              expect(e).toBeInstanceOf(TillboxError);
              expect(['conflict', 'validation', 'forbidden', 'not-found']).toContain((e as TillboxError).code);
              continue;
            }
            let replay = state;
            for (const e of decision.events) {
              validateEvent(e.type, e.data);
              if (e.type === 'order.paid' || e.type === 'order.payment-taken') {
                const p = e.data.payment;
                const due = dueOf(replay, p.part ?? 0);
                // A tender never takes more than is due where it goes; change only on the cash that pays it off.
                expect(p.amount).toBeLessThanOrEqual(due);
                if ((p.change ?? 0) > 0) expect(p.amount).toBe(due);
              }
              replay = evolveOrder(replay, e, at);
            }
            expect(replay).toEqual(decision.state);
            checkMoney(decision.state);
            state = decision.state;
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
