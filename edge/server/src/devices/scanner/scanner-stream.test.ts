/**
 * A scan on the store box reaches its screen: on a real edge with a virtual HID POS scanner paired
 * with the counter (`screen: counter`), a code scanned from the admin screen's control goes through
 * the scanner driver and over the stream to the counter — classified by the core — and to no other
 * screen. A bad code is said as such and changes nothing; scans never enter the event log.
 */
import { uuidv7, type ErrorBody, type Scan, type StreamServerMessage } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFile } from '../../testing/device-hub.js';
import { StreamTestClient } from '../../testing/stream-test-client.js';
import { testDevice, type TestClient } from '../../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../../testing/test-edge.js';

const scansOf = (c: StreamTestClient): Scan[] =>
  c.messages.flatMap((m: StreamServerMessage) => (m.type === 'scan' ? [m.scan] : []));

describe('scans over the stream', () => {
  let t: TestEdge;
  let profile: ReturnType<typeof profileFile>;
  let admin: TestClient;
  let counterStream: StreamTestClient;
  let kioskStream: StreamTestClient;
  const otherStreams: StreamTestClient[] = [];

  async function listen(client: TestClient, topics: string[]): Promise<StreamTestClient> {
    const stream = await StreamTestClient.connect(t.url, { headers: client.headers });
    await stream.waitForType('hello');
    stream.subscribe(t.edge.caps.events.lastSeq, topics);
    return stream;
  }

  const scan = (body: unknown, device = 'scanner') => admin.post(`/api/v1/devices/hardware/${device}/scan`, body);

  beforeAll(async () => {
    profile = profileFile([
      { id: 'scanner', role: 'scanner', driver: 'hid-pos', connection: 'virtual', screen: 'counter' },
      { id: 'loose', role: 'scanner', driver: 'hid-pos', connection: 'virtual' },
      { id: 'receipt', role: 'receipt-printer', driver: 'escpos', connection: 'virtual' },
    ]);
    t = await startTestEdge({ overrides: { 'devices.profile': profile.path, 'devices.statusPollSeconds': 0 } });
    admin = await testDevice(t.edge, 'admin', 'manager');
    counterStream = await listen(await testDevice(t.edge, 'counter', 'cashier'), ['scanner', 'order']);
    await counterStream.waitForType('caught-up');
    kioskStream = await listen(await testDevice(t.edge, 'kiosk'), ['stock']);
    await kioskStream.waitForType('caught-up');
  });
  afterAll(async () => {
    await Promise.all([counterStream, kioskStream, ...otherStreams].map((s) => s?.close()));
    await t?.stop();
    profile?.remove();
  });

  it('refuses the scanner topic to every screen but the counter, changing nothing', async () => {
    for (const role of ['kiosk', 'admin', 'kds', 'pickup'] as const) {
      const other = await listen(await testDevice(t.edge, role), ['scanner']);
      otherStreams.push(other);
      const error = await other.waitForType('error');
      expect(error).toMatchObject({ code: 'forbidden' });
      expect(other.messages.some((m) => m.type === 'subscribed')).toBe(false);
    }
  });

  it('delivers a virtual scan to the paired counter as an EAN-13 barcode, and to no other screen', async () => {
    const head = t.edge.caps.events.lastSeq;
    const res = await scan({ code: '4006381333931' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ device: 'scanner', reports: 1 });
    await counterStream.waitFor('the scan', () => scansOf(counterStream).length === 1);
    expect(scansOf(counterStream)[0]).toMatchObject({
      device: 'scanner',
      kind: 'barcode',
      format: 'ean-13',
      code: '4006381333931',
      symbology: 'ean-upc',
      aim: ']E0',
    });
    // Input, not a fact: nothing went into the log.
    expect(t.edge.caps.events.lastSeq).toBe(head);
    const view = (await admin.get('/api/v1/devices/hardware')).json() as { devices: { id: string }[] };
    expect(view.devices.find((d) => d.id === 'scanner')).toMatchObject({
      state: 'ready',
      screen: 'counter',
      lastScan: { kind: 'barcode', code: '4006381333931' },
    });
  });

  it('classifies a loyalty card and an order QR code; a long code comes in several reports', async () => {
    const card = `TBXM1-${'Ab3_'.repeat(8)}`;
    const order = `http://192.168.1.10:8080/receipt/${uuidv7()}?t=${'x'.repeat(43)}`;
    expect((await scan({ code: card })).json()).toEqual({ device: 'scanner', reports: 1 });
    await counterStream.waitFor('the card', () => scansOf(counterStream).length === 2);
    // The admin screen sees that a card was scanned, not the card's secret.
    const view = (await admin.get('/api/v1/devices/hardware')).json() as {
      devices: { id: string; lastScan?: { kind: string; code: string } }[];
    };
    expect(view.devices.find((d) => d.id === 'scanner')?.lastScan).toMatchObject({ kind: 'loyalty', code: 'TBXM1-…' });
    expect((await scan({ code: order, symbology: 'qr' })).json()).toEqual({ device: 'scanner', reports: 3 });
    await counterStream.waitFor('the order code', () => scansOf(counterStream).length === 3);
    const [, loyalty, byOrder] = scansOf(counterStream);
    expect(loyalty).toMatchObject({ kind: 'loyalty', code: card, symbology: 'qr' });
    expect(byOrder).toMatchObject({ kind: 'order', code: order, orderId: order.split('/receipt/')[1]?.split('?')[0] });
  });

  it('says a code with a wrong check digit is not one the till reads, and changes nothing', async () => {
    const head = t.edge.caps.events.lastSeq;
    expect((await scan({ code: '4006381333932' })).statusCode).toBe(202);
    await counterStream.waitFor('the bad scan', () => scansOf(counterStream).length === 4);
    expect(scansOf(counterStream)[3]).toMatchObject({
      kind: 'invalid',
      code: '4006381333932',
      problem:
        'Not a barcode this till reads: barcode "4006381333932" has check digit 2, expected 1 for ean-13. Nothing was added.',
    });
    expect(t.edge.caps.events.lastSeq).toBe(head);
  });

  it('refuses bad input: no code, control characters, an unknown device, a printer', async () => {
    for (const body of [
      {},
      { code: '' },
      { code: 'ab\u0007c' },
      { code: '1', symbology: 'morse' },
      { code: '1', x: 1 },
    ]) {
      const res = await scan(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect((res.json() as ErrorBody).error.code).toBe('validation');
    }
    expect((await scan({ code: '4006381333931' }, 'nope')).statusCode).toBe(404);
    const printer = await scan({ code: '4006381333931' }, 'receipt');
    expect(printer.statusCode).toBe(404);
    expect((printer.json() as ErrorBody).error.message).toBe('receipt is not a virtual HID POS scanner');
  });

  it('sends the scans of a scanner with no screen to nobody; the kiosk never heard any scan', async () => {
    expect((await scan({ code: '4006381333931' }, 'loose')).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    const view = (await admin.get('/api/v1/devices/hardware')).json() as {
      devices: { id: string; lastScan?: { code: string } }[];
    };
    expect(view.devices.find((d) => d.id === 'loose')?.lastScan?.code).toBe('4006381333931');
    expect(scansOf(counterStream)).toHaveLength(4);
    expect(kioskStream.messages.some((m) => m.type === 'scan')).toBe(false);
    expect(otherStreams.every((s) => !s.messages.some((m) => m.type === 'scan'))).toBe(true);
  });
});
