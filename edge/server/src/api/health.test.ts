/**
 * Issue 8, finding 11: any paired screen reads the health of the store box, but only an admin
 * screen with an admin signed in sees where its database lives.
 */
import { join } from 'node:path';
import { healthSchema, type DeviceRole, type StaffRole } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice } from '../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('GET /api/v1/health', () => {
  let t: TestEdge;
  beforeAll(async () => {
    t = await startTestEdge();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const healthAs = async (device: DeviceRole, staff?: StaffRole) => {
    const client = await testDevice(t.edge, device, staff);
    const res = await client.get('/api/v1/health');
    expect(res.statusCode).toBe(200);
    return healthSchema.parse(res.json());
  };

  it('tells every paired screen the status, version, store, seq, uptime, stream clients and problems', async () => {
    const h = await healthAs('kiosk');
    expect(h).toMatchObject({ status: 'ok', storeId: 'demo-store', db: { ok: true }, streamClients: 0, degraded: [] });
    expect(h.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(h.seq).toBe(t.edge.caps.events.lastSeq);
    expect(h.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['kiosk', undefined],
    ['kds', undefined],
    ['pickup', undefined],
    ['counter', 'manager'],
    ['admin', undefined],
    ['admin', 'manager'],
  ] as const)('hides the database path from a %s screen with %s signed in', async (device, staff) => {
    const h = await healthAs(device, staff);
    expect(h.db).toEqual({ ok: true });
    expect(JSON.stringify(h)).not.toContain(t.dataDir);
  });

  it('shows the database path to an admin screen with an admin signed in', async () => {
    const h = await healthAs('admin', 'admin');
    expect(h.db).toEqual({ ok: true, path: join(t.dataDir, 'tillbox.sqlite') });
  });
});
