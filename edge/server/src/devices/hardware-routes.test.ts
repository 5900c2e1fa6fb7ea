/**
 * The device hub over HTTP on a real edge with a hardware profile of virtual printers: a paid
 * kiosk order's tickets and receipt are visible as printouts, jobs are listed and reprinted once
 * per request id, test slips, a virtual printer switched off and on, and bad input refused.
 */
import {
  uuidv7,
  type ErrorBody,
  type HardwareList,
  type OrderView,
  type PrintJobList,
  type PrintJobView,
  type PrintoutList,
} from '@tillbox/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRINTERS, profileFile } from '../testing/device-hub.js';
import { latteOrder } from '../testing/order-factory.js';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

describe('/api/v1/devices', () => {
  let t: TestEdge;
  let profile: ReturnType<typeof profileFile>;
  let admin: TestClient;
  let kiosk: TestClient;

  beforeAll(async () => {
    profile = profileFile([
      ...DEMO_PRINTERS,
      { id: 'scanner', role: 'scanner', driver: 'hid-pos', connection: 'virtual' },
      { id: 'terminal', role: 'payment-terminal', driver: 'adyen-terminal-api', connection: 'tcp:10.0.0.9:8443' },
    ]);
    t = await startTestEdge({
      overrides: { 'devices.profile': profile.path, 'devices.retryMs': 20, 'devices.statusPollSeconds': 0 },
    });
    admin = await testDevice(t.edge, 'admin', 'manager');
    kiosk = await testDevice(t.edge, 'kiosk');
  });
  afterAll(async () => {
    await t?.stop();
    profile?.remove();
  });

  const printouts = async (id: string) =>
    json<PrintoutList>(await admin.get(`/api/v1/devices/hardware/${id}/printouts`));

  it('prints a paid kiosk order’s tickets and receipt, and shows them as the paper shows them', async () => {
    const placed = json<OrderView>(await kiosk.post('/api/v1/orders', latteOrder({ channel: 'kiosk' })));
    const paid = await kiosk.post(`/api/v1/orders/${placed.id}/pay`, { method: 'card' });
    expect(paid.statusCode).toBe(200);
    const receipt = await untilAsync(async () => (await printouts('receipt')).printouts[0]);
    const bar = await untilAsync(async () => (await printouts('bar-printer')).printouts[0]);
    const kitchen = await untilAsync(async () => (await printouts('kitchen-printer')).printouts[0]);
    const texts = (p: PrintoutList['printouts'][number]) => p.lines.map((l) => l.text);
    expect(texts(receipt)).toContain(`#${placed.number}`);
    expect(receipt.lines.find((l) => l.text === `#${placed.number}`)).toMatchObject({ widthScale: 2, heightScale: 2 });
    expect(texts(receipt).some((l) => l.startsWith('Card'))).toBe(true);
    expect(receipt).toMatchObject({ cuts: 1, drawerKicks: 0, warnings: [] });
    // The e-receipt's link, after "Your receipt online".
    const link = receipt.qrCodes[0]!;
    expect(receipt.qrCodes).toHaveLength(1);
    expect(link.data).toMatch(new RegExp(`/receipt/${placed.id}\\?t=[A-Za-z0-9_-]{16,}$`));
    expect(receipt.lines[link.afterLine - 1]?.text).toBe('Your receipt online');
    expect(texts(bar)).toEqual(expect.arrayContaining(['BAR', `#${placed.number}`, 'KIOSK / TAKEOUT']));
    expect(texts(kitchen)).toEqual(expect.arrayContaining(['KITCHEN', `#${placed.number}`]));

    // A job is marked printed just after its bytes reach the printer: wait for all three.
    const jobs = await untilAsync(async () => {
      const list = json<PrintJobList>(await admin.get(`/api/v1/devices/print-jobs?order=${placed.id}`)).jobs;
      return list.length === 3 && list.every((j) => j.state === 'printed') ? list : undefined;
    }, 10_000);
    const other = json<PrintJobList>(await admin.get(`/api/v1/devices/print-jobs?order=${uuidv7()}`)).jobs;
    expect(other).toEqual([]);
    expect(jobs.map((j) => [j.kind, j.state, j.orderNumber]).sort()).toEqual([
      ['receipt', 'printed', placed.number],
      ['ticket', 'printed', placed.number],
      ['ticket', 'printed', placed.number],
    ]);
  });

  it('lists every device with its state and queue; a terminal this edge does not drive says so', async () => {
    const list = json<HardwareList>(await admin.get('/api/v1/devices/hardware'));
    expect(list.profile).toEqual({ name: 'test store', path: profile.path });
    expect(list.devices.map((d) => [d.id, d.role, d.state])).toEqual([
      ['receipt', 'receipt-printer', 'ready'],
      ['bar-printer', 'kitchen-printer', 'ready'],
      ['kitchen-printer', 'kitchen-printer', 'ready'],
      ['drawer', 'cash-drawer', 'ready'],
      ['scanner', 'scanner', 'ready'],
      ['terminal', 'payment-terminal', 'offline'],
    ]);
    expect(list.devices[1]).toMatchObject({
      stations: ['bar'],
      backup: 'kitchen-printer',
      virtual: true,
      queue: { queued: 0, failing: 0 },
    });
    expect(list.devices[3]).toMatchObject({ printer: 'receipt' });
    // The test gives the edge its own pinpad: the profile's terminal is not driven.
    expect(list.devices[5]?.lastError).toBe('Not driven by this edge yet');
  });

  it('reprints a job once per request id, 201 then 200, and a receipt copy says COPY', async () => {
    const receipt = json<PrintJobList>(await admin.get('/api/v1/devices/print-jobs?device=receipt&state=printed'))
      .jobs[0]!;
    const before = (await printouts('receipt')).printed;
    const jobId = uuidv7();
    const first = await admin.post(`/api/v1/devices/print-jobs/${receipt.id}/reprint`, { jobId });
    const again = await admin.post(`/api/v1/devices/print-jobs/${receipt.id}/reprint`, { jobId });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(json<PrintJobView>(again).id).toBe(json<PrintJobView>(first).id);
    expect(json<PrintJobView>(first)).toMatchObject({ kind: 'receipt', reprintOf: receipt.id, device: 'receipt' });
    const copy = await untilAsync(async () => {
      const list = await printouts('receipt');
      return list.printed === before + 1 ? list.printouts[0] : undefined;
    });
    expect(copy.lines.map((l) => l.text)).toContain('*** COPY ***');
    await new Promise((r) => setTimeout(r, 100));
    expect((await printouts('receipt')).printed).toBe(before + 1);
  });

  it('prints a test slip, and holds it while the printer is off until it is back', async () => {
    const off = await admin.post('/api/v1/devices/hardware/bar-printer/virtual-state', { state: 'off' });
    expect(json<PrintoutList>(off).state).toBe('off');
    const before = (await printouts('bar-printer')).printed;
    const slip = await admin.post('/api/v1/devices/hardware/bar-printer/test-print', { jobId: uuidv7() });
    expect(slip.statusCode).toBe(201);
    const id = json<PrintJobView>(slip).id;
    const failed = await untilAsync(async () =>
      json<PrintJobList>(await admin.get('/api/v1/devices/print-jobs?device=bar-printer')).jobs.find(
        (j) => j.id === id && j.lastError,
      ),
    );
    expect(failed.state).toBe('queued');
    const offline = json<HardwareList>(await admin.get('/api/v1/devices/hardware')).devices.find(
      (d) => d.id === 'bar-printer',
    );
    expect(offline).toMatchObject({ state: 'offline', queue: { queued: 1, failing: 1 } });
    await admin.post('/api/v1/devices/hardware/bar-printer/virtual-state', { state: 'ready' });
    const out = await untilAsync(async () => {
      const list = await printouts('bar-printer');
      return list.printed === before + 1 ? list.printouts[0] : undefined;
    });
    expect(out.lines[0]?.text).toBe('TEST PRINT');
  });

  it('refuses what it cannot do, saying why, and changes nothing', async () => {
    const err = (res: LightMyRequestResponse) => [res.statusCode, json<ErrorBody>(res).error.message];
    expect(err(await admin.get('/api/v1/devices/hardware/scanner/printouts'))).toEqual([
      404,
      'scanner is not a virtual printer (only those show what they printed)',
    ]);
    expect(err(await admin.post('/api/v1/devices/hardware/nowhere/test-print', { jobId: uuidv7() }))).toEqual([
      404,
      'There is no device nowhere in the hardware profile',
    ]);
    expect(err(await admin.post('/api/v1/devices/hardware/scanner/test-print', { jobId: uuidv7() }))).toEqual([
      400,
      'scanner is a scanner, not a printer',
    ]);
    expect((await admin.post('/api/v1/devices/hardware/receipt/test-print', { jobId: 'not-a-uuid' })).statusCode).toBe(
      400,
    );
    expect((await admin.post('/api/v1/devices/hardware/receipt/virtual-state', { state: 'on fire' })).statusCode).toBe(
      400,
    );
    expect((await admin.post(`/api/v1/devices/print-jobs/${uuidv7()}/reprint`, { jobId: uuidv7() })).statusCode).toBe(
      404,
    );
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    expect((await counter.get('/api/v1/devices/hardware')).statusCode).toBe(200);
    expect((await counter.post('/api/v1/devices/hardware/receipt/virtual-state', { state: 'off' })).statusCode).toBe(
      403,
    );
    expect((await kiosk.get('/api/v1/devices/print-jobs')).statusCode).toBe(403);
  });
});

/** Polls an async check until it answers something. */
async function untilAsync<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
