/**
 * Issue 8, finding 3, the last piece: an order whose stored line is damaged (garbage in
 * `order_lines.detail`, written with raw SQL on the real SQLite file) is not a 500 when it is
 * asked for by id or commanded. The answer names the damage, health says `degraded` naming the
 * table and key, nothing is written, and the other orders go on.
 */
import { type ErrorBody, type Health, type OrderView } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('an order with a damaged line', () => {
  let t: TestEdge;
  let counter: TestClient;
  let kds: TestClient;
  let damaged: OrderView;
  let healthy: OrderView;
  let lineId: string;

  beforeAll(async () => {
    t = await startTestEdge();
    counter = await testDevice(t.edge, 'counter', 'cashier');
    kds = await testDevice(t.edge, 'kds');
    const place = async (): Promise<OrderView> => {
      const res = await counter.post('/api/v1/orders', latteOrder({ fire: 'on-payment' }));
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    [damaged, healthy] = [await place(), await place()];
    lineId = damaged.lines[0]?.lineId ?? '';
    t.edge.database.sqlite
      .prepare('UPDATE order_lines SET detail = \'{"name": garbage\' WHERE order_id = ? AND position = 0')
      .run(damaged.id);
  });
  afterAll(async () => {
    await t.stop();
  });

  function expectDamageNamed(res: { statusCode: number; json(): unknown }): void {
    expect(res.statusCode).toBe(409);
    const { error } = res.json() as ErrorBody;
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(new RegExp(`Order #${damaged.number} .*damaged`));
    expect(error.details).toContainEqual({ path: 'order_lines.detail', message: expect.stringContaining(damaged.id) });
  }

  it('answers GET /orders/:id with 409 naming the damage, not 500', async () => {
    expectDamageNamed(await counter.get(`/api/v1/orders/${damaged.id}`));
  });

  it('refuses a command on it the same way and writes nothing', async () => {
    const seq = t.edge.caps.events.lastSeq;
    expectDamageNamed(await counter.post(`/api/v1/orders/${damaged.id}/pay`, { method: 'cash', tendered: 10_000 }));
    expect(t.edge.caps.events.lastSeq).toBe(seq);
  });

  it('reports it in health, naming the table and the line, and the other orders go on', async () => {
    const health = (await kds.get('/api/v1/health')).json<Health>();
    expect(health.status).toBe('degraded');
    const reasons = health.degraded.map((r) => r.message).join('\n');
    expect(reasons).toContain(`order_lines id ${lineId}`);
    expect(reasons).toContain(damaged.id);

    expect((await counter.get(`/api/v1/orders/${healthy.id}`)).statusCode).toBe(200);
    const paid = await counter.post(`/api/v1/orders/${healthy.id}/pay`, { method: 'cash', tendered: 10_000 });
    expect(paid.statusCode, paid.body).toBe(200);
  });
});
