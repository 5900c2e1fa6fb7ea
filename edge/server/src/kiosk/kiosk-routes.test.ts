/** The kiosk's timings come from the settings; the upsell report counts what guests took. */
import { kioskConfigSchema, upsellReportSchema, type OrderView } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('kiosk config and the upsell report', () => {
  let t: TestEdge;
  let kiosk: TestClient;
  let lead: TestClient;

  beforeAll(async () => {
    t = await startTestEdge({
      overrides: { 'kiosk.idleSeconds': 45, 'kiosk.idleCountdownSeconds': 15, 'kiosk.confirmationSeconds': 30 },
    });
    kiosk = await testDevice(t.edge, 'kiosk');
    lead = await testDevice(t.edge, 'counter', 'shift-lead');
  });
  afterAll(async () => {
    await t.stop();
  });

  it('gives a kiosk its idle and confirmation timings from the settings', async () => {
    const res = await kiosk.get('/api/v1/kiosk/config');
    expect(res.statusCode).toBe(200);
    expect(kioskConfigSchema.parse(res.json())).toEqual({
      idleSeconds: 45,
      idleCountdownSeconds: 15,
      confirmationSeconds: 30,
    });
  });

  it('counts the lines guests added from a suggestion, per suggestion, leaving cancelled orders out', async () => {
    const place = async (lines: NonNullable<Parameters<typeof latteOrder>[0]>['lines']): Promise<OrderView> => {
      const res = await kiosk.inject({
        method: 'POST',
        url: '/api/v1/orders',
        payload: JSON.stringify(latteOrder({ channel: 'kiosk', lines })),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const latte = { itemId: 'latte', variantId: 'medium', modifiers: [], quantity: 1 };
    await place([latte, { itemId: 'croissant', quantity: 2, upsellId: 'croissant-with-coffee' }]);
    await place([{ ...latte, variantId: 'large', upsellId: 'latte-size-up' }]);
    const cancelled = await place([latte, { itemId: 'croissant', quantity: 1, upsellId: 'croissant-with-coffee' }]);
    const cancel = await kiosk.inject({ method: 'POST', url: `/api/v1/orders/${cancelled.id}/cancel` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await place([latte]);

    const res = await lead.get(`/api/v1/reports/upsells?day=${cancelled.businessDay}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = upsellReportSchema.parse(res.json());
    const croissant = cancelled.lines.find((l) => l.itemId === 'croissant');
    expect(report.upsells).toEqual([
      { upsellId: 'croissant-with-coffee', orders: 1, units: 2, amount: 2 * (croissant?.unitPrice ?? 0) },
      { upsellId: 'latte-size-up', orders: 1, units: 1, amount: expect.any(Number) },
    ]);
    // A kiosk does not read reports.
    expect((await kiosk.get('/api/v1/reports/upsells')).statusCode).toBe(403);
  });
});
