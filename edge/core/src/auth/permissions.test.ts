import { describe, expect, it } from 'vitest';
import { actorOf, DEVICE_ROLES, STAFF_ROLES } from './actors.js';
import {
  approversOf,
  authorize,
  LIMITED_OVERRIDE_PERMISSIONS,
  OVERRIDE_PERMISSIONS,
  PERMISSION_TABLE,
  PERMISSIONS,
  APPROVER_ROLES,
} from './permissions.js';

describe('permission table', () => {
  it('names every permission once, each with a rule for at least one device role', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const p of PERMISSIONS) expect(Object.keys(PERMISSION_TABLE[p]).length, p).toBeGreaterThan(0);
  });

  it('refuses a request with no device: 401, pair first', () => {
    const v = authorize('order.place', undefined, undefined);
    expect(v).toMatchObject({ ok: false, status: 401 });
  });

  it('a kiosk places and pays (its own) orders but never fires, refunds or brings in prepaid orders', () => {
    const kiosk = { role: 'kiosk' as const };
    expect(authorize('order.place', kiosk, undefined).ok).toBe(true);
    expect(authorize('order.pay', kiosk, undefined).ok).toBe(true);
    for (const p of ['order.fire', 'order.refund', 'order.void', 'order.place-prepaid', 'stream.order'] as const)
      expect(authorize(p, kiosk, undefined), p).toMatchObject({ ok: false, status: 403 });
  });

  it('money at the counter needs a signed-in cashier or above; kitchen staff may not take it', () => {
    const counter = { role: 'counter' as const };
    expect(authorize('order.pay', counter, undefined)).toMatchObject({ ok: false, status: 401 });
    expect(authorize('order.pay', counter, { role: 'kitchen' })).toMatchObject({ ok: false, status: 403 });
    for (const role of ['cashier', 'shift-lead', 'manager', 'admin'] as const)
      expect(authorize('order.pay', counter, { role }).ok, role).toBe(true);
  });

  it('only the relay brings in orders paid elsewhere, whoever is signed in', () => {
    for (const device of DEVICE_ROLES)
      for (const staff of [undefined, ...STAFF_ROLES.map((role) => ({ role }))])
        expect(authorize('order.place-prepaid', { role: device }, staff).ok, `${device}/${staff?.role}`).toBe(
          device === 'relay',
        );
  });

  it('overrides are approved by managers and admins only', () => {
    expect(APPROVER_ROLES).toEqual(['manager', 'admin']);
    for (const [p, roles] of Object.entries(OVERRIDE_PERMISSIONS)) expect(roles, p).toEqual(['manager', 'admin']);
    for (const [p, roles] of Object.entries(LIMITED_OVERRIDE_PERMISSIONS))
      expect(roles, p).toEqual(['manager', 'admin']);
  });

  it('discounts and price overrides: cashiers at the counter, shift leads up at the admin screen, never a kiosk', () => {
    for (const p of ['order.discount', 'order.price-override'] as const) {
      expect(authorize(p, { role: 'counter' }, { role: 'cashier' }).ok, p).toBe(true);
      expect(authorize(p, { role: 'counter' }, { role: 'kitchen' }), p).toMatchObject({ ok: false, status: 403 });
      expect(authorize(p, { role: 'admin' }, { role: 'cashier' }), p).toMatchObject({ ok: false, status: 403 });
      expect(authorize(p, { role: 'admin' }, { role: 'shift-lead' }).ok, p).toBe(true);
      for (const device of ['kiosk', 'kds', 'pickup', 'relay'] as const)
        expect(authorize(p, { role: device }, undefined), `${p} on ${device}`).toMatchObject({
          ok: false,
          status: 403,
        });
    }
  });

  it("a price override always needs a manager's PIN; a discount only past the store's limit", () => {
    expect(OVERRIDE_PERMISSIONS['order.price-override']).toEqual(['manager', 'admin']);
    expect(OVERRIDE_PERMISSIONS['order.discount']).toBeUndefined();
    expect(approversOf('order.discount')).toEqual(['manager', 'admin']);
    expect(approversOf('order.pay')).toBeUndefined();
  });

  it('the actor of a request is the signed-in staff member, else the device as guest, cloud or device', () => {
    const device = (role: (typeof DEVICE_ROLES)[number]) => ({ id: 'd1', name: 'Till', role });
    expect(actorOf(device('counter'), { id: 's1', name: 'Casey', role: 'cashier' })).toEqual({
      kind: 'staff',
      id: 's1',
      role: 'cashier',
      name: 'Casey',
    });
    expect(actorOf(device('kiosk')).kind).toBe('guest');
    expect(actorOf(device('relay')).kind).toBe('cloud');
    expect(actorOf(device('kds'))).toMatchObject({ kind: 'device', role: 'kds' });
  });
});
