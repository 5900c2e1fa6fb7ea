/**
 * Hostile input at the edge (issue 8): a body nested a thousand levels deep, the same on the
 * stream, card numbers typed into free text, and days that do not exist. Each is refused or
 * defused with a reason, and the edge keeps answering.
 */
import { join } from 'node:path';
import { luhnValid, type ErrorBody, type OrderView } from '@tillbox/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricingCartModifier } from '@tillbox/core';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

/** A latte whose milk choice carries `depth` more choices inside one another (≈55 bytes a level). */
function modifierChain(depth: number): unknown {
  let chain: PricingCartModifier = { groupId: 'milk', optionId: 'oat' };
  for (let i = 0; i < depth; i++) chain = { groupId: 'milk', optionId: 'oat', modifiers: [chain] };
  return latteOrder({ lines: [{ itemId: 'latte', variantId: 'medium', quantity: 1, modifiers: [chain] }] });
}

describe('hostile input', () => {
  let t: TestEdge;
  let counter: TestClient;
  let office: TestClient;
  let kds: TestClient;

  beforeAll(async () => {
    t = await startTestEdge();
    counter = await testDevice(t.edge, 'counter', 'cashier');
    office = await testDevice(t.edge, 'admin', 'manager');
    kds = await testDevice(t.edge, 'kds');
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Every row of these tables, read from the store's file by a connection of the test's own. */
  const storedRows = (tables: string[]): unknown[] => {
    const db = new Database(join(t.dataDir, 'tillbox.sqlite'), { readonly: true });
    try {
      return tables.map((table) => db.prepare(`select * from ${table}`).all());
    } finally {
      db.close();
    }
  };

  const health = async (): Promise<number> =>
    (await fetch(`${t.url}/api/v1/health`, { headers: { authorization: kds.headers.authorization ?? '' } })).status;

  describe('deep JSON', () => {
    it('refuses an order nested a thousand levels deep with 400 and a reason, and keeps answering', async () => {
      const body = JSON.stringify(modifierChain(1000));
      expect(body.length).toBeGreaterThan(50_000);
      const seq = t.edge.caps.events.lastSeq;
      const res = await fetch(`${t.url}/api/v1/orders`, { method: 'POST', headers: counter.headers, body });
      expect(res.status).toBe(400);
      const error = (await res.json()) as ErrorBody;
      expect(error.error).toMatchObject({ code: 'validation', message: expect.stringMatching(/nested more than 32/) });
      expect(t.edge.caps.events.lastSeq).toBe(seq);
      expect(await health()).toBe(200);
      const placed = await fetch(`${t.url}/api/v1/orders`, {
        method: 'POST',
        headers: counter.headers,
        body: JSON.stringify(latteOrder()),
      });
      expect(placed.status).toBe(201);
    });

    it('still takes an order with choices nested a few levels, as real menus have', async () => {
      const res = await counter.post('/api/v1/orders', modifierChain(3));
      // Parsed and judged by the menu (oat milk has no nested choices), not refused for its shape.
      expect(res.statusCode).toBe(400);
      expect((res.json() as ErrorBody).error.message).not.toMatch(/nested/);
    });

    it('answers a deep stream message with an error and keeps the socket usable', async () => {
      const stream = await StreamTestClient.connect(t.url, {
        headers: { authorization: kds.headers.authorization ?? '' },
      });
      try {
        await stream.waitForType('hello');
        stream.send('{"type":"ping","at":' + '['.repeat(1000) + ']'.repeat(1000) + '}');
        const error = await stream.waitForType('error');
        expect(error).toMatchObject({ code: 'validation', message: expect.stringMatching(/nested more than 32/) });
        stream.send({ type: 'ping', at: 7 });
        await stream.waitFor('a pong', () => stream.messages.some((m) => m.type === 'pong'));
        expect(stream.closeCode).toBeUndefined();
      } finally {
        stream.socket.close();
      }
    });
  });

  describe('loyalty rewards that are not ids', () => {
    it('refuses an order whose rewards are not ids with 400 naming them (it was a 500 from pricing), writing nothing', async () => {
      const seq = t.edge.caps.events.lastSeq;
      const res = await counter.post('/api/v1/orders', {
        ...latteOrder(),
        loyalty: { memberId: 'member-1', rewards: ['free-drink', 'Free Drink!'] },
      });
      expect(res.statusCode).toBe(400);
      expect((res.json() as ErrorBody).error).toMatchObject({
        code: 'validation',
        message: expect.stringContaining('body.loyalty.rewards.1: ids are lowercase letters, digits and dashes'),
      });
      expect(t.edge.caps.events.lastSeq).toBe(seq);
    });
  });

  describe('card numbers in free text', () => {
    const PAN = '4539 1488 0343 6467';
    const digits = PAN.replace(/ /g, '');

    it('keeps them out of the order, its lines, its events and the audit log', async () => {
      expect(luhnValid(digits)).toBe(true);
      const from = t.edge.caps.events.lastSeq;
      const order = latteOrder({
        guestName: `Jo ${PAN}`,
        lines: [{ itemId: 'croissant', quantity: 1, note: `warm it, card ${PAN.replace(/ /g, '-')} thanks` }],
      });
      const placed = await counter.post('/api/v1/orders', order);
      expect(placed.statusCode).toBe(201);
      const view = placed.json() as OrderView;
      expect(view.guestName).toBe('Jo •••• •••• •••• 6467');
      expect(view.lines[0]?.note).toBe('warm it, card ••••-••••-••••-6467 thanks');

      const { staff: manager, pin } = await testStaff(t.edge, 'manager');
      const voided = await counter.post(`/api/v1/orders/${order.id}/void`, {
        reason: `guest read out ${digits} by mistake`,
        override: { staffId: manager.id, pin },
      });
      expect(voided.statusCode, voided.body).toBe(200);

      const stored = JSON.stringify({
        view: (await counter.get(`/api/v1/orders/${order.id}`)).json() as unknown,
        events: t.edge.caps.events.readSince(from),
        tables: storedRows(['orders', 'order_lines', 'events', 'audit_log']),
      });
      expect(stored).toContain('••••••••••••6467'); // the void reason, masked where it is kept
      expect(stored).not.toContain(digits);
      for (const group of ['4539', '1488', '0343'])
        expect(stored).not.toMatch(new RegExp(`${group}.?${'\\d{4}'}.?6467`));
    });
  });

  describe('days in queries', () => {
    it.each(['9999-99-99', '2026-02-30', '2026-13-01'])('refuses day=%s with 400 and a reason', async (day) => {
      for (const url of [`/api/v1/orders?status=completed&day=${day}`, `/api/v1/reports/speed-of-service?day=${day}`]) {
        const res = await office.get(url);
        expect(res.statusCode, url).toBe(400);
        expect((res.json() as ErrorBody).error.message, url).toMatch(/query\.day: a real calendar date/);
      }
    });

    it('answers a day that exists', async () => {
      expect((await office.get('/api/v1/orders?status=completed&day=2024-02-29')).statusCode).toBe(200);
      expect((await office.get('/api/v1/reports/speed-of-service?day=2024-02-29')).statusCode).toBe(200);
    });
  });
});
