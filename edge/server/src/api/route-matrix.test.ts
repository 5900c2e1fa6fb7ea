/**
 * The route × role matrix, generated from the route table and the core's permission table:
 * every route is called by every kind of device, with no staff and with each staff role signed
 * in where staff can sign in. A refused cell must answer 401/403 with the table's reason; an
 * allowed cell must get past the permission check (any answer about the content: 2xx, 400,
 * 404, 409 ...). Ids in the paths are fresh, so allowed commands find nothing to change.
 */
import {
  authorize,
  DEVICE_ROLES,
  PERMISSION_TABLE,
  permissionTableMarkdown,
  STAFF_ROLES,
  STREAM_TOPICS,
  uuidv7,
  type DeviceRole,
  type ErrorBody,
  type Permission,
  type StaffRole,
} from '@tillbox/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyRoute } from './route.js';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

/** Device roles whose screens sign staff in. */
const SIGN_IN_ROLES = DEVICE_ROLES.filter((r) => PERMISSION_TABLE['staff.sign-in'][r] !== undefined);

function pathOf(route: AnyRoute): string {
  return '/api/v1' + route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'station' ? 'bar' : uuidv7()));
}

describe('route × role matrix', () => {
  let t: TestEdge;
  const cells: { device: DeviceRole; staff: StaffRole | undefined }[] = [];
  for (const device of DEVICE_ROLES) {
    cells.push({ device, staff: undefined });
    if (SIGN_IN_ROLES.includes(device)) for (const staff of STAFF_ROLES) cells.push({ device, staff });
  }

  beforeAll(async () => {
    t = await startTestEdge();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('docs/security.md shows the permission table as it is', () => {
    const doc = readFileSync(
      join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..', 'docs', 'security.md'),
      'utf8',
    );
    const shown = /<!-- permission-table:start -->\n([\s\S]*?)\n<!-- permission-table:end -->/.exec(doc)?.[1];
    expect(shown).toBe(permissionTableMarkdown());
  });

  it('covers every permission the routes declare', () => {
    const declared = new Set(t.edge.routes.map((r) => r.permission));
    expect(declared.has('public')).toBe(true);
    const expected = [
      ...['order.place', 'order.pay', 'order.fire', 'ticket.bump', 'staff.manage', 'audit.read'],
      ...['drawer.read', 'drawer.open', 'drawer.move', 'drawer.no-sale', 'drawer.close'],
      ...['hardware.read', 'hardware.print', 'hardware.simulate'],
      ...['order.hold', 'order.transfer', 'order.split', 'order.add-lines', 'tips.declare'],
      ...['report.read', 'report.close-day'],
      ...['stock.read', 'stock.receive', 'stock.waste', 'stock.count', 'stock.86'],
      'loyalty.lookup',
    ] as const;
    for (const p of expected) expect(declared.has(p), p).toBe(true);
  });

  it('is public only where it must be: pairing, the demo launcher, and the e-receipt (which checks its token)', () => {
    const open = t.edge.routes.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.filter((r) => !r.includes('/pairing/'))).toEqual(['GET /receipts/:id']);
  });

  it('refuses every route without a credential (401), except pairing', async () => {
    for (const route of t.edge.routes) {
      const res = await t.edge.http.inject({
        method: route.method,
        url: pathOf(route),
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });
      if (route.permission === 'public') expect(res.statusCode, route.url).not.toBe(401);
      else expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it.each(cells)('$device screen, staff $staff: each route answers as the table says', async ({ device, staff }) => {
    const client: TestClient = await testDevice(t.edge, device, staff);
    let checked = 0;
    for (const route of t.edge.routes) {
      if (route.permission === 'public') continue;
      // Some allowed routes end the session (sign-out) or sign in: keep the cell's staff signed in.
      if (staff && !t.edge.access.staff.signedIn(client.device.id)) await client.signIn(staff);
      const verdict = authorize(route.permission as Permission, { role: device }, staff ? { role: staff } : undefined);
      const res = await client.inject({ method: route.method, url: pathOf(route), payload: '{}' });
      const where = `${route.method} ${route.url} as ${device}/${staff ?? 'no staff'}`;
      const message = res.statusCode >= 400 ? (res.json() as ErrorBody).error.message : '';
      if (verdict.ok) {
        expect(res.statusCode, `${where}: ${message}`).not.toBe(401);
        if (res.statusCode === 403) expect(message, where).not.toMatch(/may not|Sign in to/);
      } else {
        expect(res.statusCode, where).toBe(verdict.status);
        expect(message, where).toBe(verdict.reason);
      }
      checked += 1;
    }
    expect(checked).toBe(t.edge.routes.filter((r) => r.permission !== 'public').length);
  });

  it.each(DEVICE_ROLES)('%s screen: each stream topic is granted or refused as the table says', async (device) => {
    const client = await testDevice(t.edge, device);
    for (const topic of STREAM_TOPICS) {
      const stream = await StreamTestClient.connect(t.url, {
        headers: { authorization: client.headers.authorization ?? '' },
      });
      try {
        await stream.waitForType('hello');
        stream.subscribe(0, [topic]);
        const verdict = authorize(`stream.${topic}`, { role: device }, undefined);
        if (verdict.ok) {
          await stream.waitForType('caught-up');
        } else {
          const error = await stream.waitForType('error');
          expect(error, `${device} ${topic}`).toMatchObject({ code: 'forbidden', message: verdict.reason });
          expect(stream.messages.some((m) => m.type === 'subscribed')).toBe(false);
        }
      } finally {
        await stream.close();
      }
    }
  });
});
