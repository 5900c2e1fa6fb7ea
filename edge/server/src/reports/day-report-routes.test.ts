/**
 * End of day over HTTP on a real SQLite file: the X report any time, the Z that closes the day
 * (once), orders after it in the next business day with numbers from 1, a refund of the closed
 * day's order counted in the next period, the stored Z equal to the report computed again from
 * the log, its print, and the closed day still closed after a restart.
 */
import {
  businessDay,
  dayReport,
  nextCalendarDay,
  type ClosedDays,
  type DayReport,
  type DayReportPrint,
  type ErrorBody,
  type OrderView,
  type StaffPrincipal,
} from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../kitchen/escpos-decode.js';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';

type Res = { statusCode: number; body: string; json(): unknown };

describe('X and Z reports over HTTP', () => {
  const data = tempDir('tillbox-z-');
  let t: TestEdge;
  let till: TestClient;
  let lead: TestClient;
  let manager: { staff: StaffPrincipal; pin: string };
  let today: string;
  let z: DayReport;
  let closedOrder: OrderView;

  beforeAll(async () => {
    t = await startTestEdge({ dataDir: data.dir });
    till = await testDevice(t.edge, 'counter', 'cashier');
    lead = await testDevice(t.edge, 'admin', 'shift-lead');
    manager = await testStaff(t.edge, 'manager');
    const { timeZone, businessDayStartHour } = t.settings.store;
    today = businessDay(Date.now(), timeZone, businessDayStartHour);
  });
  afterAll(async () => {
    await t?.stop();
    data.remove();
  });

  const ok = <T>(res: Res, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };
  const refusal = (res: Res) => (res.json() as ErrorBody).error;
  const place = async (client = till): Promise<OrderView> =>
    ok<OrderView>(await client.post('/api/v1/orders', latteOrder()), 201);

  it('an X report of a day with no sales is all zeros, for the open day', async () => {
    const x = ok<DayReport>(await lead.get('/api/v1/reports/x'));
    expect(x).toMatchObject({ kind: 'x', businessDay: today, fromSeq: 1, currency: 'USD' });
    expect(x.sales).toEqual({ orders: 0, gross: 0, discounts: 0, tax: 0, total: 0, refunds: 0, net: 0 });
    expect(x.byChannel.every((c) => c.total === 0)).toBe(true);
  });

  it('a cashier may not read or close the day', async () => {
    expect((await till.get('/api/v1/reports/x')).statusCode).toBe(403);
    const res = await till.post('/api/v1/reports/z', { businessDay: today });
    expect(res.statusCode).toBe(403);
    expect(refusal(res).message).toBe('A cashier may not close the business day (Z report): ask a shift-lead');
  });

  it('the X report counts a cash sale and a card sale with a tip, and the tip is the cashier’s', async () => {
    const cash = await place();
    await ok(await till.post(`/api/v1/orders/${cash.id}/pay`, { method: 'cash', tendered: 10_000 }));
    const card = await place();
    await ok(await till.post(`/api/v1/orders/${card.id}/pay`, { method: 'card', tip: 150 }));
    closedOrder = card;
    const x = ok<DayReport>(await lead.get('/api/v1/reports/x'));
    expect(x.sales).toMatchObject({ orders: 2, total: cash.totals.total + card.totals.total });
    expect(x.byChannel.find((c) => c.channel === 'counter')).toMatchObject({ orders: 2 });
    expect(x.tenders.map((m) => [m.method, m.payments, m.amount, m.tips])).toEqual([
      ['card', 1, card.totals.total, 150],
      ['cash', 1, cash.totals.total, 0],
    ]);
    expect(x.tips.staff).toEqual([
      { staffId: till.staff?.id, name: till.staff?.name, card: 150, declared: 0, total: 150 },
    ]);
    expect(x.taxes.reduce((s, tax) => s + tax.collected, 0)).toBe(cash.totals.tax + card.totals.tax);
  });

  it('a Z for another day than the open one is refused and changes nothing', async () => {
    const seq = t.edge.caps.events.lastSeq;
    const res = await lead.post('/api/v1/reports/z', { businessDay: '2020-01-01' });
    expect(res.statusCode).toBe(409);
    expect(refusal(res).message).toBe(
      `The open business day is ${today}, not 2020-01-01: look at the X report again, then close ${today}`,
    );
    expect(t.edge.caps.events.lastSeq).toBe(seq);
    expect((await lead.post('/api/v1/reports/z', { businessDay: 'yesterday' })).statusCode).toBe(400);
  });

  it('the Z closes the day: stored in the log, audited, with who closed it', async () => {
    const head = t.edge.caps.events.lastSeq;
    z = ok<DayReport>(await lead.post('/api/v1/reports/z', { businessDay: today }), 201);
    expect(z).toMatchObject({ kind: 'z', businessDay: today, fromSeq: 1, throughSeq: head });
    expect(z.closedBy).toMatchObject({ id: lead.staff?.id, role: 'shift-lead', name: lead.staff?.name });
    expect(z.sales.orders).toBe(2);
    const [closed] = t.edge.caps.events.readSince(head);
    expect(closed).toMatchObject({
      type: 'day.closed',
      subject: today,
      data: { businessDay: today, throughSeq: head },
    });
    const audit = t.edge.access.audit.page({ limit: 50 }).rows.find((r) => r.action === 'day.closed');
    expect(audit).toMatchObject({ subject: today, detail: { businessDay: today, fromSeq: 1, throughSeq: head } });
  });

  it('a second Z for the same day is refused, saying when and by whom it was closed', async () => {
    const res = await lead.post('/api/v1/reports/z', { businessDay: today });
    expect(res.statusCode).toBe(409);
    expect(refusal(res).message).toMatch(
      new RegExp(`^Business day ${today} is already closed: its Z report was taken at .+ by ${lead.staff?.name ?? ''}`),
    );
  });

  it('the stored Z is what GET answers, and computing it again from the log gives the identical report', async () => {
    expect(ok<DayReport>(await lead.get(`/api/v1/reports/z?day=${today}`))).toEqual(z);
    expect(ok<DayReport>(await lead.get('/api/v1/reports/z'))).toEqual(z);
    const events = t.edge.caps.events.readSince(0).filter((e) => e.seq <= z.throughSeq);
    const again = dayReport(events, {
      kind: 'z',
      businessDay: z.businessDay,
      timeZone: z.timeZone,
      currency: z.currency,
      fromSeq: z.fromSeq,
      throughSeq: z.throughSeq,
      generatedAt: z.generatedAt,
      pendingCardPayments: z.pendingCardPayments,
      names: { staff: new Map(t.edge.access.staff.list().map((s) => [s.id, s.name])) },
      ...(z.closedBy ? { closedBy: z.closedBy } : {}),
    });
    expect(again).toEqual(z);
  });

  it('after the Z, orders go to the next business day, numbered from 1, and the X starts after the Z', async () => {
    const next = await place();
    expect(next.businessDay).toBe(nextCalendarDay(today));
    expect(next.number).toBe(1);
    const x = ok<DayReport>(await lead.get('/api/v1/reports/x'));
    expect(x).toMatchObject({ kind: 'x', businessDay: nextCalendarDay(today), fromSeq: z.throughSeq + 1 });
    expect(x.sales.orders).toBe(0);
    expect(x.openOrders).toEqual({ orders: 1, total: next.totals.total, paid: 0 });
  });

  it('a refund today of the closed day’s order counts today, and the closed Z does not change', async () => {
    const res = await till.post(`/api/v1/orders/${closedOrder.id}/refund`, {
      reason: 'spilled',
      override: { staffId: manager.staff.id, pin: manager.pin },
    });
    expect(res.statusCode, res.body).toBe(200);
    const x = ok<DayReport>(await lead.get('/api/v1/reports/x'));
    expect(x.sales.refunds).toBe(closedOrder.totals.total);
    expect(x.refunds).toEqual([
      expect.objectContaining({
        orderId: closedOrder.id,
        businessDay: today,
        amount: closedOrder.totals.total,
        tip: 150,
        sale: true,
        approvedBy: expect.objectContaining({ id: manager.staff.id, role: 'manager' }),
      }),
    ]);
    expect(x.orderDays).toEqual([today, nextCalendarDay(today)]);
    expect(x.tips.staff[0]).toMatchObject({ staffId: till.staff?.id, card: -150 });
    expect(x.taxes.reduce((s, tax) => s + tax.refunded, 0)).toBe(closedOrder.totals.tax);
    expect(ok<DayReport>(await lead.get(`/api/v1/reports/z?day=${today}`))).toEqual(z);
  });

  it('prints a closed day as ESC/POS that reads back as the report, and lists the closed days', async () => {
    const print = ok<DayReportPrint>(await lead.get(`/api/v1/reports/z/${today}/print?width=32`));
    const paper = decodeEscPos(Buffer.from(print.base64, 'base64'), { columns: 32 });
    const lines = paper.lines.map((l) => l.text.trim());
    expect(lines).toContain('Z REPORT');
    expect(lines).toContain(`Business day ${today}`);
    expect(paper.lines.map((l) => l.text).join('\n')).toContain(print.text.split('\n')[5] ?? '?');
    expect(paper.cuts).toHaveLength(1);
    for (const l of print.text.split('\n')) expect(l.length).toBeLessThanOrEqual(32);
    const missing = await lead.get(`/api/v1/reports/z/${nextCalendarDay(today)}/print`);
    expect(missing.statusCode).toBe(404);
    expect(refusal(missing).message).toMatch(/has no Z report/);
    const days = ok<ClosedDays>(await lead.get('/api/v1/reports/z/days'));
    expect(days).toEqual({
      openDay: nextCalendarDay(today),
      days: [expect.objectContaining({ businessDay: today, throughSeq: z.throughSeq, total: z.sales.net })],
    });
  });

  it('after a restart the closed day stays closed and orders keep going to the next day', async () => {
    await t.edge.stop();
    t = await startTestEdge({ dataDir: data.dir });
    till = await testDevice(t.edge, 'counter', 'cashier');
    const order = await place();
    expect(order).toMatchObject({ businessDay: nextCalendarDay(today), number: 2 });
  });

  it('the open period read again from the log after the restart is the one the running sums gave', async () => {
    lead = await testDevice(t.edge, 'admin', 'manager');
    const x = ok<DayReport>(await lead.get('/api/v1/reports/x'));
    expect(x).toMatchObject({ fromSeq: z.throughSeq + 1, throughSeq: t.edge.caps.events.lastSeq });
    expect(x.openOrders.orders).toBe(2);
    expect(x.refunds).toHaveLength(1);
    const { sales, tenders, refunds, taxes, tips, ...labels } = x;
    const again = dayReport(t.edge.caps.events.readSince(0, { limit: 10_000 }), {
      ...labels,
      prior: t.edge.caps.events.readSince(0, { limit: 10_000 }).filter((e) => e.seq <= z.throughSeq),
      names: { staff: new Map(t.edge.access.staff.list().map((s) => [s.id, s.name])) },
    });
    expect(again).toEqual(x);
    expect([sales, tenders, refunds, taxes, tips]).toEqual([
      again.sales,
      again.tenders,
      again.refunds,
      again.taxes,
      again.tips,
    ]);
  });
});
