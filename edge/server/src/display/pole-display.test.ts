/**
 * Pole displays of the hardware profile on a real edge: the virtual 2×20 display reads the ESC/POS
 * bytes a real one gets; it shows the store's name at start, then what its counter (named in the
 * profile) publishes for its customer display — and nothing of another counter's ticket.
 */
import { actorOf, SYSTEM_CONTEXT, type CustomerDisplayStateInput, type HardwareList } from '@tillbox/core';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFile } from '../testing/device-hub.js';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

const state = (phase: 'ticket' | 'thanks', total: number): CustomerDisplayStateInput => ({
  phase,
  currency: 'USD',
  lines: [{ id: 'l1', name: 'Banana Bread', quantity: 1, modifiers: ['Warmed'], amount: total }],
  discounts: [],
  subtotal: total,
  taxes: [],
  total,
  ...(phase === 'thanks'
    ? { thanks: { orderNumber: 7 }, payment: { due: 0, tendered: 2000, change: 2000 - total } }
    : {}),
});

/** A counter screen paired under `name` (as an admin names it), a cashier signed in. */
async function namedCounter(t: TestEdge, name: string): Promise<TestClient> {
  const code = t.edge.access.devices.createCode(SYSTEM_CONTEXT, { role: 'counter', name });
  const paired = t.edge.access.devices.claim(code.code);
  const { staff, pin } = await testStaff(t.edge, 'cashier');
  await t.edge.access.staff.signIn(
    { actor: actorOf(paired.device), device: paired.device.id },
    { staffId: staff.id, pin },
  );
  const headers = { authorization: `Bearer ${paired.credential}`, 'content-type': 'application/json' };
  const inject = (options: InjectOptions) =>
    t.edge.http.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
  return {
    device: paired.device,
    staff,
    credential: paired.credential,
    headers,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, body) => inject({ method: 'POST', url, payload: JSON.stringify(body ?? {}) }),
    signIn: () => Promise.reject(new Error('not needed here')),
  };
}

const IDLE = ['Tillbox Demo Coffee ', '      Welcome       '];

describe('pole display', () => {
  let t: TestEdge;
  let profile: ReturnType<typeof profileFile>;

  beforeAll(async () => {
    profile = profileFile([
      {
        id: 'pole',
        role: 'customer-display',
        driver: 'escpos-display',
        connection: 'virtual',
        counter: 'Front counter',
      },
    ]);
    t = await startTestEdge({ overrides: { 'devices.profile': profile.path } });
  });
  afterAll(async () => {
    await t?.stop();
    profile?.remove();
  });

  const glass = () => t.edge.devices.hub.virtualPole('pole');
  const until = async (want: readonly string[]) => {
    for (let i = 0; i < 100 && JSON.stringify(glass()) !== JSON.stringify(want); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(glass()).toEqual(want);
  };
  const publish = (counter: TestClient, body: CustomerDisplayStateInput) =>
    counter.inject({ method: 'PUT', url: '/api/v1/counter/display', payload: JSON.stringify(body) });

  it("shows the store's name, then the ticket and thank-you of the counter the profile names, not another's", async () => {
    await until(IDLE);
    const front = await namedCounter(t, 'Front counter');
    const drive = await testDevice(t.edge, 'counter', 'cashier');

    expect((await publish(drive, state('ticket', 999))).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(glass()).toEqual(IDLE);

    expect((await publish(front, state('ticket', 345))).statusCode).toBe(200);
    await until(['Banana Bread   $3.45', 'TOTAL          $3.45']);
    expect((await publish(front, state('thanks', 345))).statusCode).toBe(200);
    await until(['     Thank you!     ', 'CHANGE        $16.55']);

    // The cashier signs out: the store's name again.
    expect((await front.post('/api/v1/staff/sign-out')).statusCode).toBeLessThan(300);
    await until(IDLE);

    const admin = await testDevice(t.edge, 'admin', 'manager');
    const hardware = (await admin.get('/api/v1/devices/hardware')).json<HardwareList>();
    expect(hardware.devices.find((d) => d.id === 'pole')).toMatchObject({ state: 'ready', driver: 'escpos-display' });
  });
});
