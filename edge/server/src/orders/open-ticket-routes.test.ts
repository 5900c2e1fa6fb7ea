/**
 * Open tickets and lines added to a placed order through the HTTP API on a real SQLite file: a
 * cashier holds a tab, it is listed by owner, recalled on another counter, handed to a colleague
 * (audited), and added to — priced with the rest exactly as the engine prices the whole cart, and
 * sent to the kitchen as another round.
 */
import { priceWithEngine, uuidv7, type ErrorBody, type OpenTickets, type OrderView } from '@tillbox/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('open tickets and adding lines over HTTP', () => {
  let t: TestEdge;
  let ana: TestClient;
  let bo: TestClient;

  beforeAll(async () => {
    t = await startTestEdge();
    ana = await testDevice(t.edge, 'counter', 'cashier');
    bo = await testDevice(t.edge, 'counter', 'cashier');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const ok = (res: LightMyRequestResponse, status = 200): OrderView => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as OrderView;
  };
  const refused = (res: LightMyRequestResponse, status: number): string => {
    expect(res.statusCode, res.body).toBe(status);
    return (res.json() as ErrorBody).error.message;
  };
  const place = async (client = ana, fire: 'now' | 'on-payment' = 'now'): Promise<OrderView> =>
    ok(await client.post('/api/v1/orders', latteOrder({ fire })), 201);
  const openTickets = async (client: TestClient, query = ''): Promise<OpenTickets> => {
    const res = await client.get(`/api/v1/open-tickets${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as OpenTickets;
  };

  it('holds a tab, lists it by owner, recalls it on another counter and hands it over, audited', async () => {
    const order = await place();
    const held = ok(await ana.post(`/api/v1/orders/${order.id}/hold`));
    expect(held.owner).toEqual({ staffId: ana.staff?.id, name: ana.staff?.name });
    expect(held.heldAt).toBeDefined();
    expect(refused(await ana.post(`/api/v1/orders/${order.id}/hold`), 409)).toBe(
      `order ${order.number} is already held`,
    );

    expect((await openTickets(ana, '?owner=me')).orders.map((o) => o.id)).toContain(order.id);
    expect((await openTickets(bo, '?owner=me')).orders.map((o) => o.id)).not.toContain(order.id);

    const recalled = ok(await bo.post(`/api/v1/orders/${order.id}/resume`));
    expect(recalled.heldAt).toBeUndefined();
    expect(recalled.owner?.staffId).toBe(ana.staff?.id);
    expect((await openTickets(ana)).orders.map((o) => o.id)).not.toContain(order.id);

    const nobody = await ana.post(`/api/v1/orders/${order.id}/transfer`, { toStaffId: uuidv7() });
    expect(refused(nobody, 404)).toMatch(/no active staff member/);
    const handed = ok(
      await ana.post(`/api/v1/orders/${order.id}/transfer`, { toStaffId: bo.staff?.id, reason: 'end of my shift' }),
    );
    expect(handed.owner).toEqual({ staffId: bo.staff?.id, name: bo.staff?.name });
    const rows = t.edge.access.audit.page({ limit: 500 }).rows.filter((r) => r.subject === order.id);
    const transfer = rows.find((r) => r.action === 'order.transferred');
    expect(transfer?.actor).toMatchObject({ kind: 'staff', id: ana.staff?.id });
    expect(transfer?.detail).toMatchObject({ to: { staffId: bo.staff?.id }, from: { staffId: ana.staff?.id } });

    ok(await bo.post(`/api/v1/orders/${order.id}/hold`));
    expect((await openTickets(ana, `?owner=${bo.staff?.id ?? ''}`)).orders.map((o) => o.id)).toContain(order.id);
    // Paid in full, it is no open ticket any more.
    ok(await bo.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' }));
    expect((await openTickets(bo, '?owner=me')).orders.map((o) => o.id)).not.toContain(order.id);
  });

  it('adds lines priced with the rest, and sends them to the kitchen as another round', async () => {
    const order = await place();
    expect(order.status).toBe('in_kitchen');
    const cookie = { lineId: uuidv7(), itemId: 'chocolate-cookie', quantity: 2 };
    const before = t.edge.caps.orderRepository.load(order.id).priceInput;
    if (!before) throw new Error('a placed order keeps its priced input');
    const added = ok(await ana.post(`/api/v1/orders/${order.id}/lines`, { lines: [cookie] }));
    // The whole cart priced by the engine at the order's moment: the same cents.
    const whole = priceWithEngine(
      t.edge.caps.catalog.engine,
      { lines: [...before.cart.lines, { ...cookie, modifiers: [], slots: [] }] },
      before.context,
    );
    expect(added.totals.total).toBe(whole.totals.total);
    expect(added.totals.total).toBeGreaterThan(order.totals.total);
    const line = added.lines.find((l) => l.lineId === cookie.lineId);
    expect(line).toMatchObject({ itemId: 'chocolate-cookie', quantity: 2, round: 2 });
    const ticket = added.tickets.find((tk) => tk.items.some((i) => i.lineId === cookie.lineId));
    expect(ticket?.status).toBe('open');
    const fired = t.edge.caps.events
      .readSince(0)
      .filter((e) => e.subject === order.id && e.type === 'order.fired')
      .map((e) => (e.data as { round?: number }).round);
    expect(fired).toEqual([undefined, 2]);
    // Read back from the database, it is the same order.
    expect(ok(await ana.get(`/api/v1/orders/${order.id}`))).toEqual(added);
  });

  it('refuses a line id already in the store, and lines on an order that is paid', async () => {
    const order = await place(ana, 'on-payment');
    const taken = order.lines[0]?.lineId ?? '';
    const again = await ana.post(`/api/v1/orders/${order.id}/lines`, {
      lines: [{ lineId: taken, itemId: 'chocolate-cookie', quantity: 1 }],
    });
    expect(refused(again, 409)).toMatch(/already belongs to an order/);
    ok(await ana.post(`/api/v1/orders/${order.id}/pay`, { method: 'card' }));
    const paid = await ana.post(`/api/v1/orders/${order.id}/lines`, {
      lines: [{ lineId: uuidv7(), itemId: 'chocolate-cookie', quantity: 1 }],
    });
    expect(refused(paid, 409)).toMatch(/is paid: its price can no longer change/);
  });
});
