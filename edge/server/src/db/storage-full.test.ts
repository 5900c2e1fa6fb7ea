/**
 * Finding 6 of issue 8: with the disk full, a write answers 507 with a message a manager
 * understands (never a generic 500), health says `degraded` with the reason, and both recover once
 * a write goes through again. The full disk is SQLite's own: `PRAGMA max_page_count` on the edge's
 * connection caps the file at its current size, so SQLite answers SQLITE_FULL as on a full disk.
 */
import type { ErrorBody, Health, PlaceOrderInput } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('a full disk', () => {
  let t: TestEdge;
  let counter: TestClient;
  let kds: TestClient;

  beforeEach(async () => {
    t = await startTestEdge();
    counter = await testDevice(t.edge, 'counter', 'cashier');
    kds = await testDevice(t.edge, 'kds');
  });
  afterEach(async () => {
    await t.stop();
  });

  const health = async (): Promise<Health> => (await kds.get('/api/v1/health')).json();
  const place = (body: PlaceOrderInput) => counter.post('/api/v1/orders', body);

  it('answers 507 saying the storage is full, reports it in health, and recovers when there is room', async () => {
    expect((await place(latteOrder())).statusCode).toBe(201);
    const sqlite = t.edge.database.sqlite;
    sqlite.pragma(`max_page_count = ${String(sqlite.pragma('page_count', { simple: true }))}`);

    // Orders fill the last free space of the file's pages, then the disk is full.
    let refused: { body: PlaceOrderInput; status: number; error: ErrorBody['error'] } | undefined;
    for (let i = 0; i < 500 && !refused; i += 1) {
      const body = latteOrder({ guestName: `Guest ${i}` });
      const res = await place(body);
      if (res.statusCode !== 201) refused = { body, status: res.statusCode, error: res.json<ErrorBody>().error };
    }
    expect(refused?.status).toBe(507);
    expect(refused?.error.code).toBe('storage');
    expect(refused?.error.message).toMatch(/^The store box's storage is full: this was not saved/);
    // Nothing of the refused order was kept.
    expect((await counter.get(`/api/v1/orders/${refused?.body.id ?? ''}`)).statusCode).toBe(404);

    const full = await health();
    expect(full.status).toBe('degraded');
    expect(full.degraded).toEqual([expect.objectContaining({ kind: 'storage', message: refused?.error.message })]);

    // Room is made: the same order goes through and health is ok again.
    sqlite.pragma('max_page_count = 1073741823');
    expect((await place(refused?.body ?? latteOrder())).statusCode).toBe(201);
    const after = await health();
    expect(after.status).toBe('ok');
    expect(after.degraded).toEqual([]);
  });
});
