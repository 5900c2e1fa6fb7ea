/**
 * Staff sessions on a real SQLite file with a clock the test moves: idle sign-out, one staff
 * member per device, deactivation, lockout expiry, overrides only by managers — each with its
 * audit row and event.
 */
import { SYSTEM_CONTEXT, actorOf, type CommandContext } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Access } from '../access.js';
import { createLogger } from '../logger.js';
import { servicesOnTempDb } from '../testing/test-edge.js';

describe('staff sessions', () => {
  let env: ReturnType<typeof servicesOnTempDb>;
  let access: Access;
  let till: CommandContext;

  beforeEach(async () => {
    env = servicesOnTempDb({ overrides: { 'security.staffIdleMinutes': 5 } });
    access = new Access({
      db: env.db.db,
      events: env.caps.events,
      settings: env.settings,
      log: createLogger('silent'),
      now: () => env.clock.now,
    });
    await access.start();
    const code = access.devices.createCode(SYSTEM_CONTEXT, { role: 'counter', name: 'Till 1' });
    const { device } = access.devices.claim(code.code);
    till = { actor: actorOf(device), device: device.id };
  });
  afterEach(() => {
    access.stop();
    env.close();
  });

  const staffMember = (role: 'cashier' | 'manager', pin: string) =>
    access.staff.create(SYSTEM_CONTEXT, { name: `A ${role}`, role, pin });
  const audited = () =>
    access.audit.page({ limit: 200 }).rows.map((r) => `${r.action}:${String(r.detail.reason ?? '')}`);
  const minutes = (n: number) => {
    env.clock.now += n * 60_000;
  };

  it('signs a staff member out after the idle minutes, and any request before that keeps them in', async () => {
    const cashier = await staffMember('cashier', '4321');
    await access.staff.signIn(till, { staffId: cashier.id, pin: '4321' });
    minutes(4);
    expect(access.staff.signedIn(till.device ?? '')?.id).toBe(cashier.id);
    minutes(4);
    expect(access.staff.signedIn(till.device ?? '')?.id).toBe(cashier.id);
    minutes(6);
    expect(access.staff.signedIn(till.device ?? '')).toBeUndefined();
    expect(audited()).toContain('staff.signed-out:idle');
    const out = env.heard.find((e) => e.type === 'staff.signed-out');
    expect(out?.data).toMatchObject({ staffId: cashier.id, reason: 'idle' });
  });

  it('keeps one staff member per device: a second sign-in replaces the first', async () => {
    const a = await staffMember('cashier', '1234');
    const b = await staffMember('manager', '5678');
    await access.staff.signIn(till, { staffId: a.id, pin: '1234' });
    await access.staff.signIn(till, { staffId: b.id, pin: '5678' });
    expect(access.staff.signedIn(till.device ?? '')?.id).toBe(b.id);
    expect(audited()).toContain('staff.signed-out:replaced');
  });

  it('signs a deactivated staff member out at once, and they cannot sign in again', async () => {
    const a = await staffMember('cashier', '1234');
    await access.staff.signIn(till, { staffId: a.id, pin: '1234' });
    access.staff.update(SYSTEM_CONTEXT, a.id, { active: false });
    expect(access.staff.signedIn(till.device ?? '')).toBeUndefined();
    await expect(access.staff.signIn(till, { staffId: a.id, pin: '1234' })).rejects.toThrow(/Wrong PIN/);
  });

  it('lifts a lockout when its time is up', async () => {
    const a = await staffMember('cashier', '1234');
    for (let i = 0; i < 10; i++)
      await expect(access.staff.signIn(till, { staffId: a.id, pin: '0000' })).rejects.toThrow(/Wrong PIN/);
    await expect(access.staff.signIn(till, { staffId: a.id, pin: '1234' })).rejects.toThrow(/locked until/);
    minutes(31);
    expect((await access.staff.signIn(till, { staffId: a.id, pin: '1234' })).id).toBe(a.id);
  });

  it('lets only managers and admins approve an override, with their own PIN', async () => {
    const cashier = await staffMember('cashier', '1234');
    const manager = await staffMember('manager', '5678');
    await expect(access.staff.approve(till, 'order.void', { staffId: cashier.id, pin: '1234' })).rejects.toThrow(
      /cannot approve/,
    );
    await expect(access.staff.approve(till, 'order.void', { staffId: manager.id, pin: '1234' })).rejects.toThrow(
      /Wrong PIN/,
    );
    expect(await access.staff.approve(till, 'order.void', { staffId: manager.id, pin: '5678' })).toMatchObject({
      id: manager.id,
      role: 'manager',
    });
    expect(audited()).toContain('override.refused:role may not approve');
  });
});
