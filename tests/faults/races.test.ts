/**
 * Two screens acting on the same thing at once: pay/pay, pay/cancel, bump/bump and
 * recall/undo, N pairs each through the HTTP API (the card terminal takes a few milliseconds,
 * as a tap does). Each pair has exactly one effect — one charge, one payment, one bump, one
 * recall — the other request is refused with a 4xx that says why, and nothing answers 5xx.
 * After a pay/cancel pair the card was charged only if the order is paid, and never reversed
 * (finding 7: a cancel during a tap is refused with "payment in progress").
 */
import type { OrderView } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualPinpad } from '../../edge/server/src/payments/pinpad.js';
import { testDevice, type TestClient } from '../../edge/server/src/testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../../edge/server/src/testing/test-edge.js';
import { record } from './support/figures.js';
import { Random, scaled, SEED } from './support/profile.js';

const PAIRS = scaled('race_pairs', { ci: 40, long: 500 });
/** The terminal's tap, in ms; the second request of a pair starts 0–25 ms after the first (seeded). */
const TAP_MS = 15;

/** The demo terminal, counting approved charges and reversals. */
class CountingPinpad extends VirtualPinpad {
  approved = 0;
  reversals = 0;

  override async sale(...args: Parameters<VirtualPinpad['sale']>): ReturnType<VirtualPinpad['sale']> {
    const result = await super.sale(...args);
    if (result.approved) this.approved += 1;
    return result;
  }

  override async reverse(...args: Parameters<VirtualPinpad['reverse']>): ReturnType<VirtualPinpad['reverse']> {
    this.reversals += 1;
    return super.reverse(...args);
  }
}

interface Answer {
  status: number;
  body: string;
}

describe(`command races (${PAIRS} pairs each, seed ${SEED})`, () => {
  let t: TestEdge | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  async function setup(): Promise<{
    t: TestEdge;
    pinpad: CountingPinpad;
    counter: TestClient;
    kds: TestClient;
    kds2: TestClient;
  }> {
    const pinpad = new CountingPinpad({ delayMs: TAP_MS });
    t = await startTestEdge({ pinpad });
    const counter = await testDevice(t.edge, 'counter', 'manager');
    const kds = await testDevice(t.edge, 'kds');
    const kds2 = await testDevice(t.edge, 'kds');
    return { t, pinpad, counter, kds, kds2 };
  }

  const answer = async (p: Promise<{ statusCode: number; body: string }>): Promise<Answer> => {
    const r = await p;
    return { status: r.statusCode, body: r.body };
  };

  const random = new Random(SEED);
  /** Run `first`, then `second` a seeded 0–25 ms later (before, during or after the tap). */
  async function race(first: () => Promise<Answer>, second: () => Promise<Answer>): Promise<[Answer, Answer]> {
    const gap = random.int(0, TAP_MS + 10);
    const a = first();
    await new Promise((resolve) => setTimeout(resolve, gap));
    return [await a, await second()];
  }

  /** How the pairs went: each answer pair's statuses, and any 5xx. */
  function tally(pairs: [Answer, Answer][]): { fiveXx: Answer[]; both: number; neither: number } {
    const ok = (a: Answer) => a.status >= 200 && a.status < 300;
    return {
      fiveXx: pairs.flat().filter((a) => a.status >= 500),
      both: pairs.filter(([a, b]) => ok(a) && ok(b)).length,
      neither: pairs.filter(([a, b]) => !ok(a) && !ok(b)).length,
    };
  }

  async function placeUnpaid(counter: TestClient): Promise<OrderView> {
    const res = await counter.post('/api/v1/orders', latteOrder({ channel: 'kiosk' }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as OrderView;
  }

  it('pay/pay: one charge, one payment', async () => {
    const { t, pinpad, counter } = await setup();
    const pairs: [Answer, Answer][] = [];
    for (let i = 0; i < PAIRS; i++) {
      const order = await placeUnpaid(counter);
      const pay = () => answer(counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' }));
      pairs.push(await race(pay, pay));
      const after = (await counter.get(`/api/v1/orders/${order.id}`)).json() as OrderView;
      expect(
        after.payments.filter((p) => p.amount > 0),
        `pair ${i}`,
      ).toHaveLength(1);
    }
    const s = tally(pairs);
    expect(s.fiveXx).toEqual([]);
    expect(s.both, 'pairs where both pays succeeded').toBe(0);
    expect(s.neither, 'pairs where neither pay succeeded').toBe(0);
    expect(pinpad.approved, 'approved charges').toBe(PAIRS);
    expect(pinpad.reversals).toBe(0);
    record({
      scenario: 'Race: pay/pay',
      runs: PAIRS,
      lost: 0,
      doubled: s.both,
      fiveXx: s.fiveXx.length,
      notes: `${pinpad.approved} charges for ${PAIRS} orders`,
    });
    void t;
  });

  it('pay/cancel: paid xor cancelled; a card charged only for a paid order, never reversed (finding 7)', async () => {
    const { pinpad, counter } = await setup();
    const pairs: [Answer, Answer][] = [];
    let paid = 0;
    let cancelled = 0;
    for (let i = 0; i < PAIRS; i++) {
      const order = await placeUnpaid(counter);
      // Alternate who starts first, so both orders of arrival are tried.
      const pay = () => answer(counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' }));
      const cancel = () => answer(counter.post(`/api/v1/orders/${order.id}/cancel`));
      const [p, c] = i % 2 === 0 ? await race(pay, cancel) : ((await race(cancel, pay)).reverse() as [Answer, Answer]);
      pairs.push([p, c]);
      const after = (await counter.get(`/api/v1/orders/${order.id}`)).json() as OrderView;
      const isPaid = after.payment === 'paid';
      const isCancelled = after.status === 'cancelled';
      expect(isPaid !== isCancelled, `pair ${i}: paid ${isPaid}, cancelled ${isCancelled}; ${p.body} / ${c.body}`).toBe(
        true,
      );
      if (isPaid) paid += 1;
      if (isCancelled) cancelled += 1;
      if (isPaid) expect(c.body, `pair ${i}: the refused cancel says why`).toMatch(/payment in progress|paid/i);
    }
    const s = tally(pairs);
    expect(s.fiveXx).toEqual([]);
    expect(s.both).toBe(0);
    expect(pinpad.reversals, 'charges approved then reversed').toBe(0);
    expect(pinpad.approved, 'charges = paid orders').toBe(paid);
    record({
      scenario: 'Race: pay/cancel',
      runs: PAIRS,
      lost: 0,
      doubled: s.both,
      fiveXx: s.fiveXx.length,
      notes: `${paid} paid, ${cancelled} cancelled; ${pinpad.approved} charges, ${pinpad.reversals} reversals`,
    });
  });

  it('bump/bump from two displays: one bump', async () => {
    const { t, counter, kds, kds2 } = await setup();
    const pairs: [Answer, Answer][] = [];
    for (let i = 0; i < PAIRS; i++) {
      const res = await counter.post('/api/v1/orders', latteOrder());
      const ticket = (res.json() as OrderView).tickets[0];
      expect(ticket, 'a counter order fires at once').toBeDefined();
      const bump = (c: TestClient) => answer(c.post(`/api/v1/tickets/${ticket?.id}/bump`));
      pairs.push(
        await race(
          () => bump(kds),
          () => bump(kds2),
        ),
      );
    }
    const s = tally(pairs);
    const bumps = t.edge.caps.events
      .readPage(0, { topics: ['ticket'], limit: 100_000 })
      .events.filter((e) => e.type === 'ticket.bumped');
    expect(s.fiveXx).toEqual([]);
    expect(s.both).toBe(0);
    expect(s.neither).toBe(0);
    expect(bumps).toHaveLength(PAIRS);
    record({
      scenario: 'Race: bump/bump',
      runs: PAIRS,
      lost: 0,
      doubled: s.both,
      fiveXx: s.fiveXx.length,
      notes: `${bumps.length} ticket.bumped events`,
    });
  });

  it('recall/undo from two displays on the last bumped ticket: one recall', async () => {
    const { t, counter, kds, kds2 } = await setup();
    const pairs: [Answer, Answer][] = [];
    for (let i = 0; i < PAIRS; i++) {
      const res = await counter.post('/api/v1/orders', latteOrder());
      const ticket = (res.json() as OrderView).tickets[0];
      expect((await kds.post(`/api/v1/tickets/${ticket?.id}/bump`)).statusCode).toBe(200);
      const recall = () => answer(kds.post(`/api/v1/tickets/${ticket?.id}/recall`));
      const undo = () => answer(kds2.post(`/api/v1/kitchen/stations/${ticket?.station}/undo`));
      pairs.push(i % 2 === 0 ? await race(recall, undo) : ((await race(undo, recall)).reverse() as [Answer, Answer]));
      // Leave no bumped ticket behind, so the next undo has only the next pair's to take back.
      const view = (await counter.get(`/api/v1/orders/${(res.json() as OrderView).id}`)).json() as OrderView;
      expect(view.tickets.find((x) => x.id === ticket?.id)?.status, `pair ${i}`).toBe('open');
    }
    const s = tally(pairs);
    const recalls = t.edge.caps.events
      .readPage(0, { topics: ['ticket'], limit: 100_000 })
      .events.filter((e) => e.type === 'ticket.recalled');
    expect(s.fiveXx).toEqual([]);
    expect(s.both).toBe(0);
    expect(s.neither).toBe(0);
    expect(recalls).toHaveLength(PAIRS);
    record({
      scenario: 'Race: recall/undo',
      runs: PAIRS,
      lost: 0,
      doubled: s.both,
      fiveXx: s.fiveXx.length,
      notes: `${recalls.length} ticket.recalled events`,
    });
  });
});
