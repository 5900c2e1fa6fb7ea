/**
 * A PCI scan after a day of card payments on the real protocol (approvals with tips, declines,
 * a cancel, a card removed, an answer lost and recovered, offline approvals reconciled, refunds,
 * and a cashier typing a card number into a guest's name): no card number may be found in the
 * store's SQLite files, the edge's logs (at debug level) or the stream frames screens received.
 * A card number is what card-data scanners look for: a whole word of digits, plain or in groups,
 * as long as its scheme's numbers are, with the scheme's prefix (IIN) and a valid Luhn check digit
 * — ids (a UUID has digit runs between its letters), barcodes and timestamps are not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { luhnValid, type OrderView, type VirtualTerminalControl } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { testDevice, testStaff } from '../testing/test-actors.js';
import { latteOrder } from '../testing/test-edge.js';
import {
  controlTerminal,
  startNetworkTerminal,
  startTerminalEdge,
  type NetworkTerminal,
  type TerminalEdge,
} from '../testing/terminal-edge.js';

/** Card schemes: the prefix (IIN) of their numbers and how many digits they have. */
const SCHEMES: readonly { iin: RegExp; lengths: readonly number[] }[] = [
  { iin: /^4/, lengths: [13, 16, 19] }, // Visa
  { iin: /^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] }, // Mastercard
  { iin: /^3[47]/, lengths: [15] }, // American Express
  { iin: /^(6011|65|64[4-9])/, lengths: [16, 17, 18, 19] }, // Discover
  { iin: /^35(2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] }, // JCB
  { iin: /^3(0[0-5]|[689])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners
  { iin: /^62/, lengths: [16, 17, 18, 19] }, // UnionPay
];

const isCardNumber = (digits: string): boolean =>
  luhnValid(digits) && SCHEMES.some((s) => s.iin.test(digits) && s.lengths.includes(digits.length));

/** Every card number in `text`: whole words of digit groups joined by a space or a dash (any window of whole groups). */
export function cardNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const run of text.matchAll(/(?<![A-Za-z0-9])\d+(?:[ -]\d+)*(?![A-Za-z0-9])/g)) {
    const groups = run[0].split(/[ -]/);
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length <= 19; j++) {
        digits += groups[j] ?? '';
        if (isCardNumber(digits)) found.push(digits);
      }
    }
  }
  return found;
}

const PAN = '4111 1111 1111 1111';

describe('the card-number scanner', () => {
  it('finds a card number written plain, in groups or with dashes, and not its masked forms or ids', () => {
    expect(cardNumbersIn(`a ${PAN} b 4111111111111111 c 5555-5555-5555-4444`)).toEqual([
      '4111111111111111',
      '4111111111111111',
      '5555555555554444',
    ]);
    expect(
      cardNumbersIn(
        '•••• •••• •••• 1111 | 411111 **** 1111 | 0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b | 1764432000000 | 2026-11-29T17:23:05.313Z | 01a22859-1378-7003-8e8a-31210cc68583 | 2285913787003',
      ),
    ).toEqual([]);
  });
});

describe('no card number anywhere after a day of card payments', () => {
  let terminal: NetworkTerminal;
  let t: TerminalEdge;
  let stream: StreamTestClient;

  beforeAll(async () => {
    terminal = await startNetworkTerminal();
    t = await startTerminalEdge(terminal, { overrides: { 'payments.offline.reconcileEverySeconds': 0 } });
  });
  afterAll(async () => {
    stream?.socket.close();
    await t?.stop();
    await terminal?.stop();
  });

  it('in the SQLite files, the logs and the stream frames', async () => {
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    const manager = await testDevice(t.edge, 'admin', 'manager');
    stream = await StreamTestClient.connect(t.edge.url, { headers: { authorization: `Bearer ${counter.credential}` } });
    stream.subscribe(0);
    const { staff: approver, pin } = await testStaff(t.edge, 'manager');
    const payOnce = async (behaviour: Parameters<typeof controlTerminal>[1], body: Record<string, unknown> = {}) => {
      await controlTerminal(terminal.virtual, behaviour);
      // The cashier types the card number the guest read out into the name: masked before it is kept.
      const o = (await counter.post('/api/v1/orders', latteOrder({ guestName: `Jo ${PAN}` }))).json() as OrderView;
      const res = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card', ...body });
      return { o, res };
    };

    const paid: OrderView[] = [];
    const day: [VirtualTerminalControl, Record<string, unknown>][] = [
      [{ mode: 'approve', next: [], cardWaitMs: 5 }, { tip: 200 }],
      [{ tipPercent: 18 }, { tipPrompt: true }],
      [{ next: ['lost-answer'] }, {}],
      [{ mode: 'offline' }, {}],
    ];
    for (const [behaviour, body] of day) {
      const { res } = await payOnce(behaviour, body);
      expect(res.statusCode, res.body).toBe(200);
      paid.push(res.json() as OrderView);
    }
    for (const next of ['decline', 'cancel', 'card-removed'] as const) {
      const { res } = await payOnce({ mode: 'approve', next: [next] });
      expect(res.statusCode).toBe(402);
    }
    const reconciled = await manager.post('/api/v1/payments/reconciliation');
    expect(reconciled.json()).toMatchObject({ settled: true, settledPayments: 1 });
    for (const order of paid.slice(0, 2)) {
      const res = await counter.post(`/api/v1/orders/${order.id}/refund`, {
        reason: `guest said card ${PAN} was wrong`,
        override: { staffId: approver.id, pin },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await stream.waitFor(
      'the refunds on the stream',
      () => stream.events.filter((e) => e.type === 'order.refunded').length === 2,
    );
    expect(paid.every((o) => /^\d{4}$/.test(o.payments[0]?.cardLast4 ?? ''))).toBe(true);
    const dataDir = t.dataDir;
    const logs = t.logs;
    await t.edge.stop(); // closed: the WAL is checkpointed into the database file

    const files = readdirSync(dataDir).filter((f) => /\.(db|sqlite)(-wal|-shm)?$|tillbox/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const txt = readFileSync(join(dataDir, file)).toString('latin1');
      const i = txt.indexOf('2285');
      if (i >= 0) console.log('CTX', JSON.stringify(txt.slice(i - 300, i + 100)));
      expect(cardNumbersIn(readFileSync(join(dataDir, file)).toString('latin1')), file).toEqual([]);
    }
    expect(logs.some((l) => l.includes('card terminal answered a sale'))).toBe(true);
    expect(cardNumbersIn(logs.join('\n'))).toEqual([]);
    // The frames carried the card payments (last four included) the screens show.
    expect(stream.events.filter((e) => e.type === 'order.paid').length).toBe(4);
    expect(JSON.stringify(stream.frames)).toMatch(/"cardLast4":"\d{4}"/);
    expect(cardNumbersIn(JSON.stringify(stream.messages))).toEqual([]);
    // The name was kept, masked: the scan would have seen the number had it been kept whole.
    expect(JSON.stringify(stream.messages)).toContain('Jo •••• •••• •••• 1111');
  });
});
