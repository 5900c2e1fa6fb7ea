/**
 * Customer displays against a real edge: a display links to a counter by the code it shows, gets
 * that counter's state on the stream (and no other counter's), bad states are refused and change
 * nothing, and the link outlives a restart.
 */
import type { CustomerDisplayStateInput, CustomerDisplayView, HardwareList, StreamServerMessage } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { profileFile } from '../testing/device-hub.js';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';

const ticket = (name: string, total: number): CustomerDisplayStateInput => ({
  phase: 'ticket',
  currency: 'USD',
  lines: [{ id: 'l1', name, quantity: 1, modifiers: ['Oat milk'], amount: total }],
  discounts: [],
  subtotal: total,
  taxes: [{ name: 'NY State', amount: 0 }],
  total,
  member: { name: 'Ada', points: 120, estimate: true },
  earns: 4,
});

const displayFrames = (s: StreamTestClient): CustomerDisplayView[] =>
  s.messages.flatMap((m: StreamServerMessage) => (m.type === 'display' ? [m.display] : []));

async function watch(t: TestEdge, client: TestClient, topics = ['display']): Promise<StreamTestClient> {
  const stream = await StreamTestClient.connect(t.url, { headers: { authorization: client.headers.authorization! } });
  await stream.waitForType('hello');
  stream.subscribe(0, topics);
  return stream;
}

/** Link `display` to `counter` the way a cashier does: the code the display shows, typed on the counter. */
async function link(counter: TestClient, display: TestClient): Promise<void> {
  const view = (await display.get('/api/v1/display')).json<CustomerDisplayView>();
  expect(view.counter).toBeNull();
  expect(view.linkCode).toMatch(/^\d{6}$/);
  const res = await counter.post('/api/v1/counter/display/link', { code: view.linkCode });
  expect(res.statusCode, res.body).toBe(200);
}

describe('customer display', () => {
  let t: TestEdge | undefined;
  const streams: StreamTestClient[] = [];
  afterEach(async () => {
    for (const s of streams.splice(0)) await s.close();
    await t?.stop();
    t = undefined;
  });

  it("shows its own counter's ticket live, and nothing of another counter; a kiosk may not follow it", async () => {
    t = await startTestEdge();
    const counterA = await testDevice(t.edge, 'counter', 'cashier');
    const counterB = await testDevice(t.edge, 'counter', 'cashier');
    const displayA = await testDevice(t.edge, 'display');
    const displayB = await testDevice(t.edge, 'display');
    await link(counterA, displayA);
    await link(counterB, displayB);

    const a = await watch(t, displayA);
    const b = await watch(t, displayB);
    streams.push(a, b);
    await a.waitFor('the first view', () => displayFrames(a).length === 1);
    await b.waitFor('the first view', () => displayFrames(b).length === 1);
    expect(displayFrames(a)[0]).toMatchObject({ counter: { id: counterA.device.id }, state: null });

    const put = await counterA.inject({
      method: 'PUT',
      url: '/api/v1/counter/display',
      payload: JSON.stringify(ticket('Caffè Latte', 450)),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ displays: 1 });
    await a.waitFor("counter A's ticket", () => displayFrames(a).length === 2);
    expect(displayFrames(a)[1]?.state).toMatchObject({
      phase: 'ticket',
      total: 450,
      lines: [{ name: 'Caffè Latte', modifiers: ['Oat milk'] }],
      member: { name: 'Ada', points: 120, estimate: true },
      earns: 4,
    });

    // B's display heard nothing of A's ticket; B's own ticket reaches only B.
    await counterB.inject({
      method: 'PUT',
      url: '/api/v1/counter/display',
      payload: JSON.stringify(ticket('Mocha', 500)),
    });
    await b.waitFor("counter B's ticket", () => displayFrames(b).length === 2);
    expect(displayFrames(b).map((v) => v.state?.total ?? null)).toEqual([null, 500]);
    expect(displayFrames(a).map((v) => v.state?.total ?? null)).toEqual([null, 450]);

    // A kiosk (or a counter) may not follow a display; a display may not follow orders.
    const kiosk = await testDevice(t.edge, 'kiosk');
    const k = await watch(t, kiosk);
    streams.push(k);
    expect(await k.waitForType('error')).toMatchObject({ code: 'forbidden' });
    expect(displayFrames(k)).toEqual([]);
    const orders = await watch(t, displayA, ['order']);
    streams.push(orders);
    expect(await orders.waitForType('error')).toMatchObject({ code: 'forbidden' });
    // Over HTTP too: a display reads only its own view, and may not publish.
    expect((await displayA.get('/api/v1/display')).json<CustomerDisplayView>().state?.total).toBe(450);
    const publish = await displayA.inject({
      method: 'PUT',
      url: '/api/v1/counter/display',
      payload: JSON.stringify(ticket('x', 1)),
    });
    expect(publish.statusCode).toBe(403);

    // The cashier signs out: the guest is left the store's name, not the last ticket.
    const frames = displayFrames(a).length;
    expect((await counterA.post('/api/v1/staff/sign-out')).statusCode).toBeLessThan(300);
    await a.waitFor('the idle view', () => displayFrames(a).length === frames + 1);
    expect(displayFrames(a).at(-1)?.state).toBeNull();
    expect(displayFrames(b).at(-1)?.state?.total).toBe(500);
  });

  it('refuses a state that is not one (400) and the display keeps what it showed', async () => {
    t = await startTestEdge();
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    const display = await testDevice(t.edge, 'display');
    await link(counter, display);
    const s = await watch(t, display);
    streams.push(s);
    const put = (body: unknown) =>
      counter.inject({ method: 'PUT', url: '/api/v1/counter/display', payload: JSON.stringify(body) });
    expect((await put(ticket('Latte', 450))).statusCode).toBe(200);
    await s.waitFor('the ticket', () => displayFrames(s).some((v) => v.state?.total === 450));
    const heard = s.messages.length;

    const bad: unknown[] = [
      { ...ticket('Latte', 450), phase: 'dancing' },
      { ...ticket('Latte', 450), total: 4.5 },
      { ...ticket('Latte', 450), cardNumber: '4111111111111111' },
      { ...ticket('Latte', 450), payment: { due: 450, pan: '4111111111111111' } },
      { ...ticket('Latte', 450), phase: 'thanks' },
      {
        ...ticket('Latte', 450),
        lines: Array.from({ length: 201 }, (_, i) => ({ id: `l${i}`, name: 'x', quantity: 1, modifiers: [] })),
      },
      { ...ticket('Latte', 450), thanks: { orderNumber: 12, receiptUrl: 'javascript:alert(1)' } },
      'not an object',
    ];
    for (const body of bad) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'validation' } });
    }
    // Nothing changed: no new frame, and the display still reads the good state.
    await new Promise((r) => setTimeout(r, 50));
    expect(s.messages.length).toBe(heard);
    expect((await display.get('/api/v1/display')).json<CustomerDisplayView>().state?.total).toBe(450);
  });

  it("the hardware profile's browser customer display is ready while a linked display is showing", async () => {
    const profile = profileFile([
      { id: 'guest-screen', role: 'customer-display', driver: 'browser', connection: 'screen' },
    ]);
    try {
      t = await startTestEdge({ overrides: { 'devices.profile': profile.path } });
      const admin = await testDevice(t.edge, 'admin', 'manager');
      const state = async () =>
        (await admin.get('/api/v1/devices/hardware')).json<HardwareList>().devices.find((d) => d.id === 'guest-screen');
      expect(await state()).toMatchObject({ state: 'offline', driver: 'browser', connection: 'screen' });
      expect((await state())?.lastError).toMatch(/No customer display is showing/);
      const counter = await testDevice(t.edge, 'counter', 'cashier');
      const display = await testDevice(t.edge, 'display');
      const s = await watch(t, display);
      streams.push(s);
      await s.waitFor('the link code', () => displayFrames(s).length === 1);
      expect((await state())?.lastError).toMatch(/not linked/);
      await link(counter, display);
      expect(await state()).toMatchObject({ state: 'ready' });
      await s.close();
      expect(await state()).toMatchObject({ state: 'offline' });
    } finally {
      profile.remove();
    }
  });

  it('links only by a code a display shows, refuses guessing, and keeps the link over a restart', async () => {
    const data = tempDir();
    try {
      t = await startTestEdge({ dataDir: data.dir });
      const counter = await testDevice(t.edge, 'counter', 'cashier');
      const display = await testDevice(t.edge, 'display');
      const shown = (await display.get('/api/v1/display')).json<CustomerDisplayView>().linkCode ?? '';
      const wrong = shown === '000000' ? '000001' : '000000';
      const miss = await counter.post('/api/v1/counter/display/link', { code: wrong });
      expect(miss.statusCode).toBe(404);
      expect((await counter.get('/api/v1/counter/display')).json()).toEqual({ displays: [] });
      expect((await counter.post('/api/v1/counter/display/link', { code: 'abc' })).statusCode).toBe(400);
      await link(counter, display);
      // The audit log says who linked which display to which counter.
      const admin = await testDevice(t.edge, 'admin', 'manager');
      const audit = (await admin.get('/api/v1/audit')).json<{
        rows: { action: string; subject: string; detail: unknown }[];
      }>();
      expect(audit.rows.find((r) => r.action === 'device.linked')).toMatchObject({
        subject: display.device.id,
        detail: { deviceId: display.device.id, counterId: counter.device.id },
      });
      expect((await counter.get('/api/v1/counter/display')).json()).toEqual({
        displays: [{ id: display.device.id, name: display.device.name }],
      });
      // The code was used: another counter cannot take the display with it.
      const other = await testDevice(t.edge, 'counter', 'cashier');
      expect((await other.post('/api/v1/counter/display/link', { code: shown })).statusCode).toBe(404);
      // Guessing is cut short.
      for (let i = 0; i < 9; i++) await other.post('/api/v1/counter/display/link', { code: wrong });
      expect((await other.post('/api/v1/counter/display/link', { code: wrong })).statusCode).toBe(409);

      await t.edge.stop();
      t = await startTestEdge({ dataDir: data.dir });
      const read = await t.edge.http.inject({ method: 'GET', url: '/api/v1/display', headers: display.headers });
      const again = read.json<CustomerDisplayView>();
      expect(again).toMatchObject({ counter: { id: counter.device.id }, state: null });
      expect(again.linkCode).toBeUndefined();
    } finally {
      await t?.stop();
      t = undefined;
      data.remove();
    }
  });
});
