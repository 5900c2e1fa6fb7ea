/**
 * Card payments through the edge's HTTP API on the real protocol: the edge's hardware profile
 * names a terminal at tcp:127.0.0.1 (the virtual terminal, HTTPS with its own certificate, the
 * shared key), and each behaviour a guest or a terminal can show ends as the guest and the staff
 * should see it — and as the terminal's own ledger says.
 */
import type { ErrorBody, HardwareList, OrderView } from '@tillbox/core';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDevice, testStaff, type TestClient } from '../../testing/test-actors.js';
import { latteOrder } from '../../testing/test-edge.js';
import {
  controlTerminal,
  startNetworkTerminal,
  startTerminalEdge,
  type NetworkTerminal,
  type TerminalEdge,
} from '../../testing/terminal-edge.js';
import { AdyenTerminal } from './adyen-terminal.js';
import { NexoCipher } from './nexo-crypto.js';
import { VirtualTerminal } from './virtual-terminal.js';

let terminal: NetworkTerminal;
let t: TerminalEdge;
let counter: TestClient;

beforeAll(async () => {
  terminal = await startNetworkTerminal();
  t = await startTerminalEdge(terminal, { overrides: { 'payments.terminal.saleTimeoutMs': 1500 } });
  counter = await testDevice(t.edge, 'counter', 'cashier');
});
afterAll(async () => {
  await t?.stop();
  await terminal?.stop();
});
beforeEach(async () => {
  await controlTerminal(terminal.virtual, {
    mode: 'approve',
    next: [],
    cardWaitMs: 20,
    timeoutMs: 120_000,
    tipPercent: 0,
  });
});

async function place(): Promise<OrderView> {
  const res = await counter.post('/api/v1/orders', latteOrder());
  expect(res.statusCode).toBe(201);
  return res.json();
}
const silent = pino({ level: 'silent' });
const OUTCOME = { decline: 'declined', cancel: 'cancelled', 'card-removed': 'card-removed' } as const;

describe('a card payment on the Adyen Terminal API', () => {
  it('approved: the order is paid with the terminal’s reference and the last four, nothing more of the card', async () => {
    const o = await place();
    const res = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
    expect(res.statusCode, res.body).toBe(200);
    const paid = res.json() as OrderView;
    expect(paid).toMatchObject({ payment: 'paid', status: 'in_kitchen' });
    const sale = terminal.virtual.poi.state().transactions[0];
    expect(sale).toMatchObject({ kind: 'payment', outcome: 'approved', amount: 1563, currency: 'USD', offline: false });
    expect(paid.payments).toEqual([
      expect.objectContaining({ method: 'card', amount: 1563, reference: sale?.reference, cardLast4: sale?.cardLast4 }),
    ]);
    expect(sale?.reference).toMatch(/^VTRM[0-9A-Z]+\.[0-9A-Z]{16}@\d{4}-\d\d-\d\dT/);
  });

  it('a tip the guest chooses on the terminal comes back with the approval', async () => {
    await controlTerminal(terminal.virtual, { tipPercent: 20 });
    const o = await place();
    const res = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card', tipPrompt: true });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as OrderView).payments[0]).toMatchObject({ amount: 1563, tip: 313 });
    expect(terminal.virtual.poi.state().transactions[0]).toMatchObject({ amount: 1563 + 313, tip: 313 });
  });

  it.each([
    ['decline', 402, 'payment-declined', /Card declined/],
    ['cancel', 402, 'payment-declined', /cancelled on the card terminal. Nothing was charged/],
    ['card-removed', 402, 'payment-declined', /card was removed before the terminal finished/],
  ] as const)(
    '%s: refused with words for the guest, the order stays unpaid and can be paid again',
    async (behaviour, status, code, words) => {
      await controlTerminal(terminal.virtual, { next: [behaviour] });
      const o = await place();
      const res = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
      expect(res.statusCode, res.body).toBe(status);
      expect((res.json() as ErrorBody).error).toMatchObject({ code, message: expect.stringMatching(words) });
      expect((await counter.get(`/api/v1/orders/${o.id}`)).json()).toMatchObject({ payment: 'unpaid', payments: [] });
      const again = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
      expect(again.statusCode).toBe(200);
      // The terminal's own ledger: the refused sale, then the one that paid.
      const [second, first] = terminal.virtual.poi.state().transactions;
      expect([first?.outcome, second?.outcome]).toEqual([OUTCOME[behaviour], 'approved']);
      expect((again.json() as OrderView).payments.map((p) => p.reference)).toEqual([second?.reference]);
    },
  );

  it('timeout on the terminal (no card presented): refused with what to do, nothing charged', async () => {
    await controlTerminal(terminal.virtual, { next: ['timeout'], timeoutMs: 100 });
    const o = await place();
    const res = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
    expect(res.statusCode, res.body).toBe(402);
    const error = (res.json() as ErrorBody).error;
    expect(error.message).toMatch(/No card was presented in time. Nothing was charged/);
    expect(error.details).toContainEqual({ path: 'reason', message: 'timeout' });
    expect(terminal.virtual.poi.state().transactions[0]).toMatchObject({ outcome: 'timeout' });
  });

  it('the edge’s own deadline: the sale is aborted on the terminal and asked after, nothing charged', async () => {
    await controlTerminal(terminal.virtual, { next: ['timeout'], timeoutMs: 60_000 });
    const o = await place();
    const started = Date.now();
    const res = await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
    expect(res.statusCode, res.body).toBe(402);
    expect(Date.now() - started).toBeLessThan(10_000);
    const state = terminal.virtual.poi.state();
    expect(state.inProgress).toBe(false);
    expect(state.transactions[0]).toMatchObject({ outcome: 'aborted' });
    expect((await counter.get(`/api/v1/orders/${o.id}`)).json()).toMatchObject({ payment: 'unpaid' });
  });

  it('a refund goes back to the card through the terminal, by the sale’s reference', async () => {
    const o = await place();
    const paid = (await counter.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' })).json() as OrderView;
    const { staff, pin } = await testStaff(t.edge, 'manager');
    const res = await counter.post(`/api/v1/orders/${o.id}/refund`, {
      reason: 'cold coffee',
      override: { staffId: staff.id, pin },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ payment: 'refunded' });
    const refund = terminal.virtual.poi.state().transactions[0];
    expect(refund).toMatchObject({ kind: 'refund', amount: 1563, outcome: 'approved' });
    expect(paid.payments[0]?.reference?.startsWith(`${refund?.merchantReference}@`)).toBe(true);
  });
});

describe('a terminal that is switched off', () => {
  it('the payment is refused at once with what to do; nothing charged, nothing left for a manager', async () => {
    const off = await startNetworkTerminal();
    const edge = await startTerminalEdge(off);
    try {
      await off.virtual.stop();
      const cashier = await testDevice(edge.edge, 'counter', 'cashier');
      const o = (await cashier.post('/api/v1/orders', latteOrder())).json() as OrderView;
      const res = await cashier.post(`/api/v1/orders/${o.id}/pay`, { method: 'card' });
      expect(res.statusCode, res.body).toBe(402);
      expect((res.json() as ErrorBody).error.message).toMatch(
        /could not be reached \(ECONNREFUSED\)\. Nothing was charged/,
      );
      const manager = await testDevice(edge.edge, 'admin', 'manager');
      expect((await manager.get('/api/v1/payments/attention')).json()).toEqual({ items: [] });
      // The device list shows the terminal as its driver found it.
      const hardware = (await manager.get('/api/v1/devices/hardware')).json() as HardwareList;
      expect(hardware.devices.find((d) => d.role === 'payment-terminal')).toMatchObject({
        state: 'offline',
        lastError: expect.stringMatching(/ECONNREFUSED/),
      });
      expect((await cashier.post(`/api/v1/orders/${o.id}/cancel`)).statusCode).toBe(200);
    } finally {
      await edge.stop();
      await off.stop();
    }
  });
});

describe('messages on the wire', () => {
  it('the terminal refuses a message sealed with another key, and charges nothing', async () => {
    const before = terminal.virtual.poi.state();
    const impostor = new AdyenTerminal({
      url: terminal.virtual.url,
      ids: { saleId: 'impostor', poiId: terminal.poiId },
      key: { ...terminal.key, passphrase: 'not the shared passphrase' },
      ca: terminal.virtual.certificate,
      saleTimeoutMs: 2000,
      requestTimeoutMs: 2000,
      log: silent,
    });
    impostor.start();
    try {
      await expect(impostor.sale({ amount: 500, currency: 'USD', orderId: 'o', intentId: 'i' })).rejects.toThrow(
        /refused the request: The message does not decrypt|HMAC/,
      );
    } finally {
      impostor.stop();
    }
    const after = terminal.virtual.poi.state();
    expect(after.refusedMessages).toBe(before.refusedMessages + 1);
    expect(after.transactions.length).toBe(before.transactions.length);
  });

  it('the edge refuses a terminal whose certificate is not the one it trusts', async () => {
    const stranger = new VirtualTerminal({ poiId: terminal.poiId, key: terminal.key });
    await stranger.start();
    const driver = new AdyenTerminal({
      url: stranger.url,
      ids: { saleId: 'x', poiId: terminal.poiId },
      key: terminal.key,
      ca: terminal.virtual.certificate, // not the stranger's
      saleTimeoutMs: 2000,
      requestTimeoutMs: 2000,
      log: silent,
    });
    driver.start();
    try {
      // Refused before anything was sent: nothing can have been charged, and the result says so.
      expect(await driver.sale({ amount: 500, currency: 'USD', orderId: 'o', intentId: 'i' })).toMatchObject({
        approved: false,
        reason: 'unavailable',
        message: expect.stringMatching(/could not be reached.*Nothing was charged/),
      });
      expect(stranger.poi.state().transactions).toEqual([]);
    } finally {
      driver.stop();
      await stranger.stop();
    }
  });

  it('a tampered answer is not believed: the edge opens only what the shared key sealed', () => {
    const cipher = new NexoCipher(terminal.key);
    const header = {
      ProtocolVersion: '3.0',
      MessageClass: 'Service',
      MessageCategory: 'Payment',
      MessageType: 'Response',
      SaleID: 's',
      POIID: terminal.poiId,
    } as const;
    const sealed = cipher.seal(header, {
      SaleToPOIResponse: { MessageHeader: header, PaymentResponse: { Response: { Result: 'Success' } } },
    });
    const blob = Buffer.from(sealed.NexoBlob, 'base64');
    blob[blob.length - 20] = (blob[blob.length - 20] ?? 0) ^ 0x40;
    expect(() => cipher.open({ ...sealed, NexoBlob: blob.toString('base64') })).toThrow(/does not decrypt|HMAC/);
  });
});
