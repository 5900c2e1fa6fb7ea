/**
 * The doors, tried as an attacker on the store LAN would: each attack from the review gets
 * 401/403 and changes nothing; the browser-facing protections hold; pairing, revocation and
 * sign-in work as a screen uses them.
 */
import { uuidv7, type ErrorBody, type OrderList, type OrderView } from '@tillbox/core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('who may do what', () => {
  let t: TestEdge;
  let counter: TestClient;
  let kiosk: TestClient;
  let kds: TestClient;

  beforeAll(async () => {
    t = await startTestEdge();
    counter = await testDevice(t.edge, 'counter', 'cashier');
    kiosk = await testDevice(t.edge, 'kiosk');
    kds = await testDevice(t.edge, 'kds');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const anon = (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.edge.http.inject({
      method,
      url,
      headers: { 'content-type': 'application/json', ...headers },
      ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
    });
  const count = async (): Promise<number> =>
    ((await counter.get('/api/v1/orders?status=open')).json() as OrderList).orders.length;
  const lastSeq = () => t.edge.caps.events.lastSeq;

  it('an anonymous client cannot fire an unpaid kiosk order, hand it over, or read orders', async () => {
    const before = { orders: await count(), seq: lastSeq() };
    const order = latteOrder({ channel: 'kiosk', fire: 'now' });
    expect((await anon('POST', '/api/v1/orders', order)).statusCode).toBe(401);
    const placed = (await kiosk.post('/api/v1/orders', latteOrder({ channel: 'kiosk' }))).json() as OrderView;
    for (const cmd of ['fire', 'pick-up', 'cancel', 'complete', 'ready']) {
      const res = await anon('POST', `/api/v1/orders/${placed.id}/${cmd}`);
      expect(res.statusCode, cmd).toBe(401);
      expect((res.json() as ErrorBody).error.code).toBe('unauthenticated');
    }
    expect((await anon('GET', '/api/v1/orders?status=open')).statusCode).toBe(401);
    expect((await anon('GET', `/api/v1/orders/${placed.id}`)).statusCode).toBe(401);
    const after = (await counter.get(`/api/v1/orders/${placed.id}`)).json() as OrderView;
    expect(after.status).toBe('placed');
    expect(await count()).toBe(before.orders + 1);
  });

  it('nobody but the cloud relay can bring in an order marked paid elsewhere', async () => {
    const prepaid = (body = latteOrder({ channel: 'app' })) => ({
      ...body,
      payment: { method: 'external', amount: 1, reference: 'invented-ref' },
    });
    const seq = lastSeq();
    expect((await anon('POST', '/api/v1/orders', prepaid())).statusCode).toBe(401);
    const asKiosk = await kiosk.post('/api/v1/orders', prepaid());
    expect(asKiosk.statusCode, asKiosk.body).toBe(403);
    const asCashier = await counter.post('/api/v1/orders', prepaid());
    expect(asCashier.statusCode, asCashier.body).toBe(403);
    const events = t.edge.caps.events.readSince(seq).filter((e) => e.type.startsWith('order.'));
    expect(events).toEqual([]);
  });

  it('a kiosk places and pays only its own kiosk orders, and cannot fire or send counter orders', async () => {
    const other = await testDevice(t.edge, 'kiosk');
    const mine = (await kiosk.post('/api/v1/orders', latteOrder({ channel: 'kiosk' }))).json() as OrderView;
    expect((await other.get(`/api/v1/orders/${mine.id}`)).statusCode).toBe(403);
    const pay = await other.post(`/api/v1/orders/${mine.id}/pay`, { method: 'card' });
    expect(pay.statusCode).toBe(403);
    expect((await kiosk.post(`/api/v1/orders/${mine.id}/fire`)).statusCode).toBe(403);
    expect((await other.post(`/api/v1/orders/${mine.id}/cancel`)).statusCode).toBe(403);
    expect((await kiosk.post('/api/v1/orders', latteOrder({ channel: 'counter' }))).statusCode).toBe(403);
    expect((await kiosk.post('/api/v1/orders', latteOrder({ channel: 'kiosk', fire: 'now' }))).statusCode).toBe(403);
    expect(((await counter.get(`/api/v1/orders/${mine.id}`)).json() as OrderView).payment).toBe('unpaid');
    const paid = await kiosk.post(`/api/v1/orders/${mine.id}/pay`, { method: 'card' });
    expect(paid.statusCode).toBe(200);
    expect((paid.json() as OrderView).status).toBe('in_kitchen');
  });

  it('a kitchen screen bumps but cannot take money or cancel', async () => {
    const order = (await counter.post('/api/v1/orders', latteOrder())).json() as OrderView;
    expect((await kds.post(`/api/v1/orders/${order.id}/pay`, { method: 'cash', tendered: 5000 })).statusCode).toBe(403);
    expect((await kds.post(`/api/v1/orders/${order.id}/cancel`)).statusCode).toBe(403);
    const ticket = order.tickets[0];
    expect(ticket).toBeDefined();
    expect((await kds.post(`/api/v1/tickets/${ticket?.id ?? ''}/bump`)).statusCode).toBe(200);
  });

  it('refuses a simple cross-site POST: text/plain, foreign Origin, unknown Host', async () => {
    const seq = lastSeq();
    const body = JSON.stringify(latteOrder());
    const plain = await counter.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { 'content-type': 'text/plain' },
      payload: body,
    });
    expect(plain.statusCode).toBe(415);
    expect((plain.json() as ErrorBody).error.message).toMatch(/application\/json/);
    const foreign = await counter.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { origin: 'http://evil.example' },
      payload: body,
    });
    expect(foreign.statusCode).toBe(403);
    const rebinding = await counter.inject({
      method: 'GET',
      url: '/api/v1/orders?status=open',
      headers: { host: 'evil.example:8080' },
    });
    expect(rebinding.statusCode).toBe(403);
    const sameOrigin = await counter.inject({
      method: 'GET',
      url: '/api/v1/orders?status=open',
      headers: { host: 'localhost:8080', origin: 'http://localhost:8080' },
    });
    expect(sameOrigin.statusCode).toBe(200);
    expect(lastSeq()).toBe(seq);
  });

  it('sends security headers on pages and the API', async () => {
    const res = await counter.get('/api/v1/health');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const page = await t.edge.http.inject({ url: '/kds/bar' });
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('refuses the stream without a credential or from a foreign Origin', async () => {
    const url = `${t.url.replace('http', 'ws')}/api/v1/stream`;
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('unexpected-response', (req, res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => resolve(-1));
      });
    expect(await status({})).toBe(401);
    expect(await status({ authorization: kds.headers.authorization ?? '', origin: 'http://evil.example' })).toBe(403);
    expect(await status({ authorization: kds.headers.authorization ?? '' })).toBe(101);
  });

  it('a revoked device is refused at once; pairing codes work once', async () => {
    const admin = await testDevice(t.edge, 'admin', 'admin');
    const code = (await admin.post('/api/v1/pairing/codes', { role: 'pickup', name: 'Pickup 1' })).json() as {
      code: string;
    };
    const claim = await anon('POST', '/api/v1/pairing/claim', { code: code.code.toLowerCase() });
    expect(claim.statusCode).toBe(201);
    expect(claim.headers['set-cookie']).toMatch(/^tillbox_device_pickup=tbx_[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    const paired = claim.json() as { device: { id: string }; credential: string };
    expect((await anon('POST', '/api/v1/pairing/claim', { code: code.code })).statusCode).toBe(403);
    const cookie = `tillbox_device_pickup=${paired.credential}`;
    const asPickup = () =>
      anon('GET', '/api/v1/orders?status=open', undefined, { cookie, 'x-tillbox-screen': 'pickup' });
    expect((await asPickup()).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/devices/${paired.device.id}/revoke`)).statusCode).toBe(200);
    expect((await asPickup()).statusCode).toBe(401);
  });

  it('locks a staff member out after 10 wrong PINs, per staff member and per device, and audits it', async () => {
    const { staff, pin } = await testStaff(t.edge, 'cashier');
    const till = await testDevice(t.edge, 'counter');
    for (let i = 0; i < 10; i++) {
      const res = await till.post('/api/v1/staff/sign-in', { staffId: staff.id, pin: '0000' });
      expect(res.statusCode).toBe(401);
    }
    const locked = await till.post('/api/v1/staff/sign-in', { staffId: staff.id, pin });
    expect(locked.statusCode).toBe(403);
    expect((locked.json() as ErrorBody).error.message).toMatch(/locked until/);
    const elsewhere = await testDevice(t.edge, 'counter');
    expect((await elsewhere.post('/api/v1/staff/sign-in', { staffId: staff.id, pin })).statusCode).toBe(403);
    const actions = t.edge.access.audit.page({ limit: 200 }).rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'staff.pin-failed').length).toBeGreaterThanOrEqual(10);
    expect(actions).toContain('staff.locked-out');
  });

  it('never stores a PIN: only an argon2id hash', async () => {
    const { staff, pin } = await testStaff(t.edge, 'manager');
    const row = t.edge.caps.events.readSince(0).find((e) => e.type === 'staff.created' && e.subject === staff.id);
    expect(JSON.stringify(row)).not.toContain(pin);
    const list = (await (await testDevice(t.edge, 'admin', 'admin')).get('/api/v1/staff')).body;
    expect(list).not.toContain(pin);
    expect(list).not.toContain('argon2');
  });

  it('audits permission refusals with the device that asked', async () => {
    const before = t.edge.access.audit.page({ limit: 1 }).rows[0]?.seq ?? 0;
    await kds.post(`/api/v1/orders/${uuidv7()}/cancel`);
    const row = t.edge.access.audit
      .page({ limit: 5 })
      .rows.find((r) => r.seq > before && r.action === 'permission.refused');
    expect(row?.device).toBe(kds.device.id);
    expect(row?.subject).toBe('order.cancel');
  });
});
