/**
 * E-receipts over HTTP on a real SQLite file: a counter gets a paid order's link, and a phone with
 * no credential reads the receipt through it — lines, taxes, tenders with change and tip — while
 * a wrong token, another order's token or an unknown order all get the same 404. The key is kept
 * in the data folder, so a link still works after a restart.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import { uuidv7, type EReceipt, type EReceiptLink, type ErrorBody, type OrderView } from '@tillbox/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';
import { lanOrigin, loadReceiptKey, RECEIPT_KEY_FILE, ReceiptLinks } from './receipt-links.js';

describe('e-receipts over HTTP', () => {
  const data = tempDir();
  let t: TestEdge;
  let counter: TestClient;

  beforeAll(async () => {
    t = await startTestEdge({ dataDir: data.dir });
    counter = await testDevice(t.edge, 'counter', 'cashier');
  });
  afterAll(async () => {
    await t?.stop();
    data.remove();
  });

  const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };
  /** A phone on the LAN: no credential, no screen header. */
  const phone = (path: string) =>
    t.edge.http.inject({ method: 'GET', url: `/api/v1${path.replace('/receipt/', '/receipts/')}` });

  async function paidOrder(): Promise<OrderView> {
    const order = ok<OrderView>(await counter.post('/api/v1/orders', latteOrder()), 201);
    ok(await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'cash', tendered: 500 }));
    return ok<OrderView>(await counter.post(`/api/v1/orders/${order.id}/pay`, { method: 'card', tip: 75 }));
  }

  it('gives a counter the link, and a phone with no credential reads the receipt through it', async () => {
    const order = await paidOrder();
    const link = ok<EReceiptLink>(await counter.get(`/api/v1/orders/${order.id}/e-receipt`));
    expect(link.path).toMatch(new RegExp(`^/receipt/${order.id}\\?t=[A-Za-z0-9_-]{22}$`));
    // The edge listens on 127.0.0.1 here: that is the address in the QR code.
    expect(link.url).toBe(`${t.url}${link.path}`);

    const receipt = ok<EReceipt>(await phone(link.path));
    expect(receipt).toMatchObject({
      number: order.number,
      payment: 'paid',
      store: { name: t.settings.store.name, timeZone: t.settings.store.timeZone },
      totals: order.totals,
      tipTotal: 75,
      due: 0,
    });
    expect(receipt.lines.map((l) => l.lineId)).toEqual(order.lines.map((l) => l.lineId));
    expect(receipt.pricing?.taxes.length).toBeGreaterThan(0);
    expect(receipt.tenders).toEqual([
      expect.objectContaining({ method: 'cash', amount: 500, tendered: 500, change: 0, refund: false }),
      expect.objectContaining({ method: 'card', amount: order.totals.total - 500, tip: 75, cardLast4: '4242' }),
    ]);
    // Nothing about who took the payments.
    expect(JSON.stringify(receipt)).not.toContain(counter.staff?.id ?? 'no staff');
    expect(Object.keys(receipt.tenders[1] ?? {})).not.toContain('reference');
  });

  it('answers a wrong token, another order’s token and an unknown order with the same 404', async () => {
    const [a, b] = [await paidOrder(), await paidOrder()];
    const linkA = ok<EReceiptLink>(await counter.get(`/api/v1/orders/${a.id}/e-receipt`));
    const tokenA = new URL(linkA.url).searchParams.get('t') ?? '';
    const tries = [
      `/receipts/${b.id}?t=${tokenA}`,
      `/receipts/${a.id}?t=${tokenA.slice(0, -1)}${tokenA.endsWith('A') ? 'B' : 'A'}`,
      `/receipts/${uuidv7()}?t=${tokenA}`,
    ];
    const messages = new Set<string>();
    for (const url of tries) {
      const res = await t.edge.http.inject({ method: 'GET', url: `/api/v1${url}` });
      expect(res.statusCode, url).toBe(404);
      messages.add((res.json() as ErrorBody).error.message);
    }
    expect(messages.size).toBe(1);
    const bad = await t.edge.http.inject({ method: 'GET', url: `/api/v1/receipts/${a.id}?t=no%20way` });
    expect(bad.statusCode).toBe(400);
    const none = await t.edge.http.inject({ method: 'GET', url: `/api/v1/receipts/${a.id}` });
    expect(none.statusCode).toBe(400);
  });

  it('keeps the key in the data folder, readable by its owner only, so links outlive a restart', async () => {
    const order = await paidOrder();
    const link = ok<EReceiptLink>(await counter.get(`/api/v1/orders/${order.id}/e-receipt`));
    const keyFile = join(data.dir, RECEIPT_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8');
    await t.edge.stop();
    t = await startTestEdge({ dataDir: data.dir });
    counter = await testDevice(t.edge, 'counter', 'cashier');
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
    expect(ok<EReceipt>(await phone(link.path)).number).toBe(order.number);
  });

  it('a key file left empty or short (a power cut before the fix, a failing disk) is replaced, never stops the store', () => {
    const folder = tempDir();
    try {
      const keyFile = join(folder.dir, RECEIPT_KEY_FILE);
      const first = loadReceiptKey(folder.dir);
      expect(first).toMatchObject({ replaced: false });
      expect(first.key).toHaveLength(32);
      expect(loadReceiptKey(folder.dir).key.equals(first.key)).toBe(true); // the same key on every start
      for (const damage of ['', 'c2hvcnQ\n']) {
        writeFileSync(keyFile, damage);
        const again = loadReceiptKey(folder.dir);
        expect(again.replaced).toBe(true);
        expect(again.key).toHaveLength(32);
        expect(again.key.equals(first.key)).toBe(false);
        expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      }
      // No temporary file is left beside it.
      expect(readdirSync(folder.dir).filter((f) => f.startsWith(RECEIPT_KEY_FILE))).toEqual([RECEIPT_KEY_FILE]);
    } finally {
      folder.remove();
    }
  });

  it('points the QR code at the LAN address when the edge listens on every interface', () => {
    const interfaces = {
      lo: [{ family: 'IPv4', internal: true, address: '127.0.0.1' }],
      eth0: [{ family: 'IPv4', internal: false, address: '192.168.1.20' }],
    } as unknown as NodeJS.Dict<NetworkInterfaceInfo[]>;
    expect(lanOrigin('0.0.0.0', '8080', interfaces)).toBe('http://192.168.1.20:8080');
    expect(lanOrigin('10.0.0.5', '8080', interfaces)).toBe('http://10.0.0.5:8080');
    expect(lanOrigin('0.0.0.0', '8080', {})).toBe('http://127.0.0.1:8080');
  });

  it('fills the address set in devices.receiptUrl, adding the token when the template has no place for it', () => {
    const key = Buffer.alloc(32, 7);
    const id = uuidv7();
    const make = (template: string) => new ReceiptLinks(key, { template, host: '0.0.0.0', port: () => '8080' });
    const token = make('').token(id);
    expect(make('https://receipts.example/r/{orderId}').url(id)).toBe(`https://receipts.example/r/${id}?t=${token}`);
    expect(make('https://receipts.example/r?o={orderId}').url(id)).toBe(
      `https://receipts.example/r?o=${id}&t=${token}`,
    );
    expect(make('https://x.example/{orderId}/{token}').url(id)).toBe(`https://x.example/${id}/${token}`);
    // Another key makes other tokens: a link is only good with the store's own key.
    expect(
      new ReceiptLinks(Buffer.alloc(32, 8), { template: '', host: '0.0.0.0', port: () => '1' }).verify(id, token),
    ).toBe(false);
  });
});
