/**
 * The Z report reconciles: a day of mixed orders seeded over HTTP — kiosk, counter and app
 * orders, split tender, card tips, staff and promotion discounts, a refund by line, a whole cash
 * refund, a void with a manager's PIN, cash tips declared, a drawer with a paid out, a safe drop, a
 * no-sale and a blind count short past the threshold — and every figure of its Z equals an
 * independent sum, in SQL, over the orders, payments, tips and drawer tables of the SQLite file.
 */
import {
  priceWithEngine,
  pricingCartSchema,
  pricingContextSchema,
  uuidv7,
  type DayReport,
  type DrawerList,
  type DrawerSessionView,
  type OrderView,
  type StaffPrincipal,
} from '@tillbox/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

type Res = { statusCode: number; body: string; json(): unknown };
const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

describe('the Z report reconciles with the orders and payments tables to the cent', () => {
  let t: TestEdge;
  let sql: Database.Database;
  let till: TestClient;
  let manager: { staff: StaffPrincipal; pin: string };
  let z: DayReport;
  const voided: OrderView[] = [];

  beforeAll(async () => {
    t = await startTestEdge({ overrides: { 'cash.varianceApprovalAmount': 100 } });
    till = await testDevice(t.edge, 'counter', 'cashier');
    const kiosk = await testDevice(t.edge, 'kiosk');
    const relay = await testDevice(t.edge, 'relay');
    const lead = await testDevice(t.edge, 'admin', 'shift-lead');
    manager = await testStaff(t.edge, 'manager');
    const override = { staffId: manager.staff.id, pin: manager.pin };
    const post = async <T>(client: TestClient, url: string, body: unknown, status = 200) =>
      ok<T>(await client.post(`/api/v1${url}`, body), status);
    const place = (client: TestClient, body = latteOrder()) => post<OrderView>(client, '/orders', body, 201);
    const pay = (id: string, body: unknown, client = till) => post<OrderView>(client, `/orders/${id}/pay`, body);

    const drawer = ok<DrawerList>(await till.get('/api/v1/drawers')).mine ?? '';
    await post(till, `/drawers/${drawer}/open`, { amount: 20_000 }, 201);

    // Counter: cash with change; split tender (cash part, card rest with a tip); three cookies (a deal).
    const cash = await place(till);
    await pay(cash.id, { method: 'cash', tendered: 10_000 });
    const split = await place(till);
    await pay(split.id, { method: 'cash', tendered: 500 });
    await pay(split.id, { method: 'card', tip: 100 });
    const cookies = await place(till, latteOrder({ lines: [{ itemId: 'chocolate-cookie', quantity: 3 }] }));
    await pay(cookies.id, { method: 'card' });
    // A staff discount, then card; a card sale with a tip whose croissant line is refunded.
    const discounted = await place(till);
    await post(till, `/orders/${discounted.id}/discount`, { kind: 'percent', value: 50_000, reason: 'regular' });
    await pay(discounted.id, { method: 'card' });
    const lineRefund = await place(till);
    await pay(lineRefund.id, { method: 'card', tip: 75 });
    const croissant = lineRefund.lines.find((l) => l.itemId === 'croissant')?.lineId;
    await post(till, `/orders/${lineRefund.id}/refund`, { reason: 'stale', override, lines: [croissant] });
    // A cash sale given back whole, a void with a manager's PIN, an order left open.
    const back = await place(till);
    await pay(back.id, { method: 'cash', tendered: 10_000 });
    await post(till, `/orders/${back.id}/refund`, { reason: 'wrong order', override });
    voided.push(await place(till));
    await post(till, `/orders/${voided[0]?.id ?? ''}/void`, { reason: 'walked out', override });
    await place(till);
    // Kiosk card; an app order paid in the app (the relay brings it in at the store's price).
    const kioskOrder = await place(kiosk, latteOrder({ channel: 'kiosk' }));
    await pay(kioskOrder.id, { method: 'card' }, kiosk);
    const appLines = [{ lineId: uuidv7(), itemId: 'americano', variantId: 'large', quantity: 2 }];
    const priced = priceWithEngine(
      t.edge.caps.catalog.engine,
      pricingCartSchema.parse({ lines: appLines }),
      pricingContextSchema.parse({ storeId: t.settings.store.id, channel: 'app', at: new Date().toISOString() }),
    );
    await place(relay, {
      id: uuidv7(),
      channel: 'app',
      orderType: 'pickup',
      lines: appLines,
      payment: { method: 'external', amount: priced.totals.total, reference: 'app-1' },
    });
    await post(till, '/tips/declarations', { amount: 400 }, 201);

    // The drawer: paid out, safe drop, no-sale, then counted blind 150 short (past 100: a manager closes it).
    await post(till, `/drawers/${drawer}/moves`, { kind: 'paid-out', amount: 300, reason: 'milk' });
    await post(till, `/drawers/${drawer}/moves`, { kind: 'safe-drop', amount: 1_000 });
    await post(till, `/drawers/${drawer}/no-sale`, { reason: 'change for the bus' });
    sql = new Database(t.edge.database.path, { readonly: true });
    const cashIn = sql.prepare(`SELECT COALESCE(SUM(amount + tip), 0) FROM payments WHERE method = 'cash'`).pluck();
    const short = 20_000 + (cashIn.get() as number) - 300 - 1_000 - 150;
    const count = { '2000': Math.floor(short / 2000), '1': short % 2000 };
    const counted = await post<DrawerSessionView>(till, `/drawers/${drawer}/count`, { count });
    expect(counted.status).toBe('counted');
    await post(till, `/drawers/${drawer}/close`, { override });

    const day = ok<DayReport>(await lead.get('/api/v1/reports/x')).businessDay;
    z = await post<DayReport>(lead, '/reports/z', { businessDay: day }, 201);
  });
  afterAll(async () => {
    sql?.close();
    await t?.stop();
  });

  const rows = <T>(query: string, ...params: unknown[]): T[] => sql.prepare(query).all(...params) as T[];
  const one = (query: string, ...params: unknown[]): number =>
    (sql
      .prepare(query)
      .pluck()
      .get(...params) as number) ?? 0;
  const SOLD = `paid_at IS NOT NULL AND business_day = ?`;

  it('sales and sales by channel: the orders paid in full, and the money given back', () => {
    const by = rows<{ channel: string; orders: number; gross: number; discounts: number; tax: number; total: number }>(
      `SELECT channel, COUNT(*) orders, SUM(subtotal) gross, SUM(discount) discounts, SUM(tax) tax, SUM(total) total
         FROM orders WHERE ${SOLD} GROUP BY channel`,
      z.businessDay,
    );
    const refunds = rows<{ channel: string; refunds: number }>(
      `SELECT o.channel, -SUM(p.amount) refunds FROM payments p JOIN orders o ON o.id = p.order_id
        WHERE p.refund_of IS NOT NULL GROUP BY o.channel`,
    );
    const sum = (k: 'orders' | 'gross' | 'discounts' | 'tax' | 'total') => by.reduce((s, r) => s + r[k], 0);
    const refunded = refunds.reduce((s, r) => s + r.refunds, 0);
    expect(z.sales).toEqual({
      orders: sum('orders'),
      gross: sum('gross'),
      discounts: sum('discounts'),
      tax: sum('tax'),
      total: sum('total'),
      refunds: refunded,
      net: sum('total') - refunded,
    });
    expect(z.sales.orders).toBe(8);
    for (const c of z.byChannel) {
      const r = by.find((x) => x.channel === c.channel);
      const back = refunds.find((x) => x.channel === c.channel)?.refunds ?? 0;
      expect(c, c.channel).toEqual({
        channel: c.channel,
        orders: r?.orders ?? 0,
        gross: r?.gross ?? 0,
        discounts: r?.discounts ?? 0,
        tax: r?.tax ?? 0,
        total: r?.total ?? 0,
        refunds: back,
        net: (r?.total ?? 0) - back,
      });
    }
  });

  it('by tender: the payments taken and given back, with their tips', () => {
    const taken = rows<{ method: string; n: number; amount: number; tips: number }>(
      `SELECT method, COUNT(*) n, SUM(amount) amount, SUM(tip) tips FROM payments WHERE refund_of IS NULL GROUP BY method`,
    );
    const back = rows<{ method: string; n: number; amount: number; tips: number }>(
      `SELECT method, COUNT(*) n, -SUM(amount) amount, -SUM(tip) tips FROM payments WHERE refund_of IS NOT NULL GROUP BY method`,
    );
    expect(z.tenders.map((x) => x.method).sort()).toEqual(taken.map((x) => x.method).sort());
    for (const tender of z.tenders) {
      const a = taken.find((x) => x.method === tender.method);
      const b = back.find((x) => x.method === tender.method);
      expect(tender, tender.method).toEqual({
        method: tender.method,
        payments: a?.n ?? 0,
        amount: a?.amount ?? 0,
        tips: a?.tips ?? 0,
        refunds: b?.n ?? 0,
        refunded: b?.amount ?? 0,
        tipsRefunded: b?.tips ?? 0,
        net: (a?.amount ?? 0) - (b?.amount ?? 0),
      });
    }
  });

  it('taxes by name and rate: collected on the sales, given back with the refunded order and line', () => {
    const collected = rows<{ name: string; rate: string; amount: number }>(
      `SELECT json_extract(t.value, '$.name') name, json_extract(t.value, '$.rate') rate, SUM(json_extract(t.value, '$.amount')) amount
         FROM orders o, json_each(o.pricing, '$.taxes') t WHERE o.${SOLD} GROUP BY name, rate`,
      z.businessDay,
    );
    const wholeBack = rows<{ name: string; amount: number }>(
      `SELECT json_extract(t.value, '$.name') name, SUM(json_extract(t.value, '$.amount')) amount
         FROM orders o, json_each(o.pricing, '$.taxes') t WHERE o.status = 'refunded' GROUP BY name`,
    );
    const linesBack = rows<{ name: string; amount: number }>(
      `SELECT json_extract(r.value, '$.name') name, SUM(json_extract(lt.value, '$.amount')) amount
         FROM order_lines l JOIN orders o ON o.id = l.order_id, json_each(l.detail, '$.taxes') lt, json_each(o.pricing, '$.taxes') r
        WHERE json_extract(l.detail, '$.refundedAt') IS NOT NULL AND o.status <> 'refunded'
          AND json_extract(r.value, '$.rateId') = json_extract(lt.value, '$.rateId')
        GROUP BY name`,
    );
    expect(collected.length).toBeGreaterThan(0);
    expect(linesBack.length).toBeGreaterThan(0);
    const byName = (a: string[], b: string[]) => (a[0] ?? '').localeCompare(b[0] ?? '');
    expect(z.taxes.map((x) => [x.name, x.rate, String(x.collected)]).sort(byName)).toEqual(
      collected.map((c) => [c.name, c.rate, String(c.amount)]).sort(byName),
    );
    for (const tax of z.taxes) {
      const refunded =
        (wholeBack.find((w) => w.name === tax.name)?.amount ?? 0) +
        (linesBack.find((l) => l.name === tax.name)?.amount ?? 0);
      expect(tax, tax.name).toMatchObject({ refunded, net: tax.collected - refunded });
    }
  });

  it('discounts: each promotion, and staff discounts together', () => {
    const applied = rows<{ promo: string; amount: number; staff: number }>(
      `SELECT json_extract(d.value, '$.promotionId') promo, SUM(json_extract(d.value, '$.amount')) amount,
              MAX(EXISTS (SELECT 1 FROM json_each(o.pricing, '$.input.context.manual') m
                           WHERE json_extract(m.value, '$.id') = json_extract(d.value, '$.promotionId'))) staff
         FROM orders o, json_each(o.pricing, '$.discounts') d WHERE o.${SOLD} GROUP BY promo`,
      z.businessDay,
    );
    const staff = applied.filter((a) => a.staff === 1).reduce((s, a) => s + a.amount, 0);
    expect(staff).toBeGreaterThan(0);
    expect(z.discounts.find((d) => d.key === 'staff:discount')?.amount).toBe(staff);
    for (const a of applied.filter((x) => x.staff === 0))
      expect(z.discounts.find((d) => d.key === a.promo)?.amount, a.promo).toBe(a.amount);
    expect(z.discounts.reduce((s, d) => s + d.amount, 0)).toBe(z.sales.discounts);
  });

  it('refunds and voids, with the manager who approved each', () => {
    expect(z.refunds.reduce((s, r) => s + r.amount, 0)).toBe(
      one(`SELECT -SUM(amount) FROM payments WHERE refund_of IS NOT NULL`),
    );
    expect(z.refunds.map((r) => r.approvedBy?.id)).toEqual([manager.staff.id, manager.staff.id]);
    const v = rows<{ n: number; total: number }>(
      `SELECT COUNT(*) n, SUM(total) total FROM orders WHERE status = 'voided'`,
    )[0];
    expect(z.voids).toHaveLength(v?.n ?? -1);
    expect(z.voids.reduce((s, x) => s + x.amount, 0)).toBe(v?.total);
    expect(z.voids[0]).toMatchObject({
      orderId: voided[0]?.id,
      reason: 'walked out',
      approvedBy: { id: manager.staff.id },
    });
  });

  it('tips by staff: card tips on their payments net of tips given back, cash tips declared', () => {
    const card = rows<{ staff: string; tips: number }>(
      `SELECT staff_id staff, SUM(tip) tips FROM payments WHERE staff_id IS NOT NULL GROUP BY staff_id HAVING SUM(tip) <> 0`,
    );
    const declared = rows<{ staff: string; amount: number }>(
      `SELECT staff_id staff, SUM(amount) amount FROM tip_declarations GROUP BY staff_id`,
    );
    for (const s of z.tips.staff) {
      expect(s.card, s.staffId).toBe(card.find((c) => c.staff === s.staffId)?.tips ?? 0);
      expect(s.declared, s.staffId).toBe(declared.find((d) => d.staff === s.staffId)?.amount ?? 0);
    }
    expect(z.tips.card).toBe(one(`SELECT SUM(tip) FROM payments`));
    expect(z.tips.declared).toBe(400);
  });

  it('the drawer: its blind close as stored, and its cash as the moves add up', () => {
    const session = rows<{ expected: number; counted: number; variance: number }>(
      `SELECT expected, counted, variance FROM drawer_sessions WHERE status = 'closed'`,
    );
    const moves = (kind: string) => one(`SELECT COALESCE(SUM(amount), 0) FROM drawer_moves WHERE kind = ?`, kind);
    expect(z.drawers.closed).toHaveLength(1);
    expect(z.drawers.closed[0]).toMatchObject({
      ...session[0],
      name: 'Drawer 1',
      openingFloat: 20_000,
      cashSales: moves('cash-sale'),
      cashRefunds: moves('cash-refund'),
      paidOut: moves('paid-out'),
      safeDrops: moves('safe-drop'),
      noSales: 1,
      approvedBy: { id: manager.staff.id },
    });
    expect(z.drawers.variance).toBe(-150);
    expect(z.drawers.closed[0]?.cashSales).toBe(
      one(`SELECT SUM(amount + tip) FROM payments WHERE method = 'cash' AND refund_of IS NULL`),
    );
  });

  it('by hour, members’ loyalty points and the order left open', () => {
    const paid = rows<{ paid_at: number; total: number }>(
      `SELECT paid_at, total FROM orders WHERE ${SOLD}`,
      z.businessDay,
    );
    const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: z.timeZone, hour: '2-digit', hourCycle: 'h23' });
    const hours = new Map<number, { orders: number; total: number }>();
    for (const p of paid) {
      const h = Number(hourOf.format(new Date(p.paid_at)));
      const e = hours.get(h) ?? { orders: 0, total: 0 };
      hours.set(h, { orders: e.orders + 1, total: e.total + p.total });
    }
    expect(z.byHour).toEqual([...hours.entries()].sort(([a], [b]) => a - b).map(([hour, e]) => ({ hour, ...e })));
    // A member's points are their ledger entries in the log (none here: no order names a member).
    const ledger = (type: string, path: string) =>
      one(`SELECT COALESCE(SUM(json_extract(data, ?)), 0) FROM events WHERE type = ?`, path, type);
    expect(z.loyalty).toMatchObject({
      pointsIssued: ledger('loyalty.accrued', '$.points'),
      pointsRedeemed: ledger('loyalty.redeemed', '$.points'),
      pointsTakenBack: ledger('loyalty.reversed', '$.accrual'),
    });
    expect(z.openOrders).toEqual({
      orders: one(`SELECT COUNT(*) FROM orders WHERE paid_at IS NULL AND status NOT IN ('voided', 'cancelled')`),
      total: one(`SELECT SUM(total) FROM orders WHERE paid_at IS NULL AND status NOT IN ('voided', 'cancelled')`),
      paid: 0,
    });
  });
});
