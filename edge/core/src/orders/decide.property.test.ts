import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { PAYMENT_STATUSES } from '../order-lifecycle.js';
import { decideOrder, type OrderCommand, type OrderConfig } from './decide.js';
import { evolveOrder, paidNet, type Order } from './order.js';
import { refundsForLines } from './refunds.js';
import { CONFIG, cloud, draft, envFor, kds, kiosk, line, otherKiosk, staff, T0 } from './fixtures.test-support.js';

/** A step of a random walk: a command shape picked before the state is known, and who sends it. */
type Step =
  | { kind: 'pay-card' | 'pay-exact-cash' | 'pay-short-cash' | 'pay-wrong-amount' }
  | { kind: 'fire' | 'fire-due' | 'ready' | 'pick-up' | 'complete' | 'cancel' | 'void' | 'refund-all' }
  | { kind: 'ticket'; ticket: number; command: 'bump' | 'recall' | 'bump-item' | 'unbump-item'; line: number }
  | { kind: 'refund-lines'; lines: number[]; extra: number };

// Weighted towards the kitchen, so that many walks get as far as ready and handed over.
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('pay-card', 'pay-exact-cash', 'pay-short-cash', 'pay-wrong-amount') }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('fire', 'fire-due', 'ready', 'pick-up', 'complete') }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('ticket'),
      ticket: fc.nat(3),
      command: fc.constantFrom('bump', 'bump', 'recall', 'bump-item', 'bump-item', 'unbump-item'),
      line: fc.nat(5),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('cancel', 'void', 'refund-all') }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('refund-lines'),
      lines: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 3 }),
      extra: fc.constantFrom(0, 0, 0, 1),
    }),
  },
);

function toCommand(s: Step, o: Order): OrderCommand {
  const total = o.totals.total;
  switch (s.kind) {
    case 'pay-card':
      return { kind: 'pay', payment: { method: 'card', amount: total, reference: 'VP-1' } };
    case 'pay-exact-cash':
      return { kind: 'pay', payment: { method: 'cash', amount: total, tendered: total + 50 } };
    case 'pay-short-cash':
      return { kind: 'pay', payment: { method: 'cash', amount: total, tendered: total - 1 } };
    case 'pay-wrong-amount':
      return { kind: 'pay', payment: { method: 'card', amount: total + 1, reference: 'VP-2' } };
    case 'ticket': {
      const t = o.tickets[s.ticket % Math.max(1, o.tickets.length)];
      const lines = o.lines.filter((l) => l.station === t?.station);
      const l = lines[s.line % Math.max(1, lines.length)];
      return { kind: 'ticket', ticketId: t?.id ?? 'no-ticket', command: s.command, lineId: l?.lineId ?? 'no-line' };
    }
    case 'refund-all':
      return { kind: 'refund', reason: 'property' };
    case 'refund-lines': {
      const ids = [...new Set(s.lines.map((i) => o.lines[i % o.lines.length]?.lineId ?? 'none'))];
      const lines = refundsForLines(o, ids).map((r) => ({ lineId: r.lineId, amount: r.amount + s.extra }));
      return { kind: 'refund', reason: 'property', lines };
    }
    case 'void':
      return { kind: 'void', reason: 'property' };
    default:
      return { kind: s.kind };
  }
}

const rank = (p: Order['payment']): number => PAYMENT_STATUSES.indexOf(p);
const FIRED = new Set(['in_kitchen', 'ready', 'picked_up', 'completed']);

/** What must hold of every order, whatever happened to it. */
function checkInvariants(before: Order | undefined, o: Order): void {
  // Paid never becomes unpaid again.
  if (before) expect(rank(o.payment)).toBeGreaterThanOrEqual(rank(before.payment));
  // A fired order has exactly one ticket per station of its lines.
  if (FIRED.has(o.status)) {
    const stations = [...new Set(o.lines.map((l) => l.station))].sort();
    expect(o.tickets.map((t) => t.station)).toEqual(stations);
  }
  if (!FIRED.has(o.status) && o.status !== 'refunded' && o.status !== 'voided') expect(o.tickets).toEqual([]);
  // Ready means every station has bumped; a bumped ticket has every item bumped, an open one has one left.
  if (o.status === 'ready') expect(o.tickets.every((t) => t.status === 'bumped')).toBe(true);
  for (const t of o.tickets) {
    const items = o.lines.filter((l) => l.station === t.station);
    if (t.status === 'bumped') expect(items.every((l) => l.bumpedAt !== undefined)).toBe(true);
    else expect(items.some((l) => l.bumpedAt === undefined)).toBe(true);
  }
  // Money: taken once and in full; a refund never exceeds what was paid; refunded means all of it back.
  const taken = o.payments.filter((p) => p.amount > 0);
  const given = o.payments.filter((p) => p.amount < 0);
  expect(taken.length).toBe(o.payment === 'unpaid' ? 0 : 1);
  if (o.payment !== 'unpaid') expect(taken[0]?.amount).toBe(o.totals.total);
  expect(paidNet(o)).toBeGreaterThanOrEqual(0);
  for (const r of given) expect(taken.some((p) => p.id === r.refundOf && p.method === r.method)).toBe(true);
  if (o.payment === 'refunded') expect(paidNet(o)).toBe(0);
  if (o.status === 'refunded') expect(o.payment).toBe('refunded');
  if (o.status === 'cancelled' || o.status === 'voided') expect(o.payment).toBe('unpaid');
}

const CONTEXTS: CommandContext[] = [staff, staff, kds, kiosk, otherKiosk];

describe('decideOrder, property', () => {
  it('random command sequences never reach an illegal state, and the events are exactly the transitions made', () => {
    fc.assert(
      fc.property(
        fc.record({
          channel: fc.constantFrom('counter', 'kiosk', 'app'),
          fire: fc.constantFrom('auto', 'now', 'on-payment'),
          scheduled: fc.boolean(),
          expoAutoReady: fc.boolean(),
          stations: fc.array(fc.constantFrom('bar', 'kitchen', 'grill'), { minLength: 1, maxLength: 4 }),
          steps: fc.array(fc.tuple(step, fc.constantFrom(...CONTEXTS), fc.nat(10)), { maxLength: 30 }),
        }),
        ({ channel, fire, scheduled, expoAutoReady, stations, steps }) => {
          const config: OrderConfig = { ...CONFIG, expoAutoReady };
          let at = T0;
          const lines = stations.map((s, i) => line(`l${i}`, s, 100 * (i + 1), 1 + (i % 2)));
          const order = draft({ channel, lines, ...(scheduled ? { promisedAt: T0 + 30 * 60_000 } : {}) });
          const placeCmd: OrderCommand =
            channel === 'app'
              ? {
                  kind: 'place',
                  order,
                  fire,
                  payment: { method: 'external', amount: order.totals.total, reference: 'a' },
                }
              : { kind: 'place', order, fire };
          const placer = channel === 'app' ? cloud : channel === 'kiosk' && fire === 'auto' ? kiosk : staff;
          // Every placing here is allowed: kiosks place their own orders, the cloud the prepaid ones.
          let state = decideOrder(undefined, placeCmd, envFor(placer, at, config)).state;
          checkInvariants(undefined, state);
          for (const [s, cmd, minutes] of steps) {
            at += minutes * 60_000;
            const command = toCommand(s, state);
            let decision;
            try {
              decision = decideOrder(state, command, envFor(cmd, at, config));
            } catch (e) {
              expect(e).toBeInstanceOf(TillboxError);
              expect(['conflict', 'validation', 'forbidden', 'not-found']).toContain((e as TillboxError).code);
              continue;
            }
            // The events are the transitions: each is in the catalogue and replaying them gives the state.
            let replay: Order = state;
            for (const e of decision.events) {
              validateEvent(e.type, e.data);
              // Ready by itself only once every station has bumped (the expo may ready early).
              if (e.type === 'order.ready' && e.data.by === 'auto') {
                expect(config.expoAutoReady).toBe(true);
                expect(replay.tickets.every((t) => t.status === 'bumped')).toBe(true);
              }
              // A line is given back once at most, and never for more than it cost.
              if (e.type === 'order.refunded') {
                const ids = new Set(e.data.refunds.flatMap((r) => r.lineIds ?? []));
                for (const l of replay.lines) if (ids.has(l.lineId)) expect(l.refundedAt).toBeUndefined();
                const lineTotal = replay.lines.filter((l) => ids.has(l.lineId)).reduce((sum, l) => sum + l.total, 0);
                if (ids.size > 0)
                  expect(e.data.refunds.reduce((sum, r) => sum + r.amount, 0)).toBeLessThanOrEqual(lineTotal);
              }
              replay = evolveOrder(replay, e, at);
            }
            expect(replay).toEqual(decision.state);
            expect(decision.events.length > 0 || decision.state === state).toBe(true);
            // A guest only ever changes its own orders.
            if (cmd.actor.kind === 'guest') expect(state.placedByDevice).toBe(cmd.device);
            checkInvariants(state, decision.state);
            state = decision.state;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
