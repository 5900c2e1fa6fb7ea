/**
 * A drawer session over the HTTP API on a real SQLite file: a cashier opens Drawer 1 with a
 * float by denomination, takes cash sales and a cash refund on the counter, pays out, drops to
 * the safe, opens it without a sale, and counts blind; the close reconciles to an independent
 * sum of the cash payments taken on the drawer's screens. A variance past the threshold waits
 * for a manager's PIN.
 */
import type {
  AuditRowView,
  DrawerList,
  DrawerSessionView,
  DrawerView,
  ErrorBody,
  OrderView,
  StaffPrincipal,
  StoreEvent,
} from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, testStaff, type TestClient } from '../testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('cash drawers over HTTP', () => {
  let t: TestEdge;
  let till: TestClient;
  let manager: { staff: StaffPrincipal; pin: string };
  let drawerId: string;

  beforeAll(async () => {
    t = await startTestEdge({ overrides: { 'cash.varianceApprovalAmount': 500 } });
    till = await testDevice(t.edge, 'counter', 'cashier');
    manager = await testStaff(t.edge, 'manager');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const drawerPath = (rest = '') => `/api/v1/drawers/${drawerId}${rest}`;
  const ok = async <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): Promise<T> => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };
  const error = (res: { json(): unknown }) => (res.json() as ErrorBody).error;
  const events = (since: number): StoreEvent[] => t.edge.caps.events.readSince(since);
  /** A counter order paid in cash on `client`: what it put into the drawer. */
  const cashSale = async (client: TestClient = till): Promise<OrderView> => {
    const order = await ok<OrderView>(await client.post('/api/v1/orders', latteOrder()), 201);
    return ok<OrderView>(await client.post(`/api/v1/orders/${order.id}/pay`, { method: 'cash', tendered: 5_000 }));
  };
  const audited = (action: string): AuditRowView[] =>
    t.edge.access.audit.page({ limit: 200 }).rows.filter((r) => r.action === action);

  it("a counter screen is paired into Drawer 1; nobody's drawer is open yet", async () => {
    const list = await ok<DrawerList>(await till.get('/api/v1/drawers'));
    expect(list.drawers.map((d) => d.name)).toEqual(['Drawer 1']);
    expect(list.mine).toBe(list.drawers[0]?.id);
    expect(list.drawers[0]).toMatchObject({ isDefault: true, currency: 'USD', session: null });
    drawerId = list.mine ?? '';
  });

  it('cash taken while the drawer is closed belongs to no drawer', async () => {
    await cashSale();
    const opened = await ok<DrawerSessionView>(await till.post(drawerPath('/open'), { amount: 0 }), 201);
    expect(opened.openingFloat).toBe(0);
    // Close it again straight away: an empty drawer counted empty.
    const closed = await ok<DrawerSessionView>(await till.post(drawerPath('/count'), { count: {} }));
    expect(closed.result).toMatchObject({ expected: 0, counted: 0, variance: 0 });
    expect(closed.status).toBe('closed');
  });

  it('opens with a float by denomination, kicks the drawer, and shows no expected figure while open', async () => {
    const seq = t.edge.caps.events.lastSeq;
    const float = { '2000': 5, '1000': 3, '500': 4 };
    const opened = await ok<DrawerSessionView>(await till.post(drawerPath('/open'), { count: float }), 201);
    expect(opened).toMatchObject({ status: 'open', openingFloat: 15_000, openingCount: float, moves: [] });
    expect(opened.openedBy).toMatchObject({ id: till.staff?.id, role: 'cashier' });
    expect(events(seq).map((e) => [e.type, (e.data as Record<string, unknown>)['reason']])).toEqual([
      ['drawer.opened', undefined],
      ['drawer.kick-requested', 'open'],
    ]);
    const again = await till.post(drawerPath('/open'), { amount: 100 });
    expect(again.statusCode).toBe(409);
    expect(error(again).message).toBe('Drawer 1 is already open');
  });

  let expectedSales = 0;

  it('a cash sale on the counter goes into its drawer and asks for the kick; a card sale does not', async () => {
    const seq = t.edge.caps.events.lastSeq;
    const paid = await cashSale();
    expectedSales += paid.totals.total;
    const kicks = events(seq).filter((e) => e.type === 'drawer.kick-requested');
    expect(kicks.map((e) => e.data)).toEqual([
      { drawerId, sessionId: expect.any(String), reason: 'cash-sale', orderId: paid.id },
    ]);
    expect(kicks[0]?.actor).toMatchObject({ id: till.staff?.id });

    const card = await ok<OrderView>(await till.post('/api/v1/orders', latteOrder()), 201);
    await ok(await till.post(`/api/v1/orders/${card.id}/pay`, { method: 'card' }));
    // A second counter screen shares Drawer 1: its cash goes in too.
    const second = await testDevice(t.edge, 'counter', 'cashier');
    expectedSales += (await cashSale(second)).totals.total;

    const view = await ok<DrawerView>(await till.get(drawerPath()));
    expect(view.session?.result).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain(String(15_000 + expectedSales));
  });

  let refunded = 0;

  it('a cash refund with a manager’s PIN comes out of the drawer', async () => {
    const paid = await cashSale();
    expectedSales += paid.totals.total;
    const res = await till.post(`/api/v1/orders/${paid.id}/refund`, {
      reason: 'wrong order',
      override: { staffId: manager.staff.id, pin: manager.pin },
    });
    expect(res.statusCode, res.body).toBe(200);
    refunded = paid.totals.total;
  });

  it('pays out with a reason, drops to the safe and opens without a sale, each audited and kicking the drawer', async () => {
    const noReason = await till.post(drawerPath('/moves'), { kind: 'paid-out', amount: 250 });
    expect(noReason.statusCode).toBe(400);
    expect(error(noReason).details).toContainEqual({ path: 'reason', message: 'say what it was for' });

    const seq = t.edge.caps.events.lastSeq;
    await ok(await till.post(drawerPath('/moves'), { kind: 'paid-out', amount: 250, reason: 'window cleaner' }));
    await ok(await till.post(drawerPath('/moves'), { kind: 'paid-in', amount: 500, reason: 'float top-up' }));
    await ok(await till.post(drawerPath('/moves'), { kind: 'safe-drop', amount: 10_000 }));
    const session = await ok<DrawerSessionView>(
      await till.post(drawerPath('/no-sale'), { reason: 'change for a $20' }),
    );
    expect(session.moves.map((m) => [m.kind, m.amount, m.reason])).toEqual([
      ['paid-out', 250, 'window cleaner'],
      ['paid-in', 500, 'float top-up'],
      ['safe-drop', 10_000, undefined],
      ['no-sale', 0, 'change for a $20'],
    ]);
    expect(
      events(seq)
        .filter((e) => e.type === 'drawer.kick-requested')
        .map((e) => (e.data as Record<string, unknown>)['reason']),
    ).toEqual(['paid-out', 'paid-in', 'safe-drop', 'no-sale']);
    expect(audited('drawer.no-sale')[0]).toMatchObject({
      actor: { id: till.staff?.id },
      detail: { reason: 'change for a $20' },
    });
    expect(audited('drawer.cash-moved')).toHaveLength(3);

    const tooMuch = await till.post(drawerPath('/moves'), { kind: 'safe-drop', amount: 1_000_000 });
    expect(tooMuch.statusCode).toBe(409);
    expect(error(tooMuch).message).toBe('$10,000.00 is more than Drawer 1 should hold: count what is there');
  });

  it('the blind count reconciles with the cash payments taken on its screens; past the threshold a manager approves', async () => {
    const expected = 15_000 + expectedSales - refunded - 250 + 500 - 10_000;
    // Counted $10.00 short of what it should hold, in pennies.
    const short = expected - 1_000;
    const counted = await ok<DrawerSessionView>(await till.post(drawerPath('/count'), { count: { '1': short } }));
    expect(counted.status).toBe('counted');
    expect(counted.result).toMatchObject({
      counted: short,
      expected,
      variance: -1_000,
      needsApproval: true,
      figures: {
        openingFloat: 15_000,
        cashSales: expectedSales,
        cashRefunds: refunded,
        paidIn: 500,
        paidOut: 250,
        safeDrops: 10_000,
      },
    });
    // Nothing more goes in once counted, and the cashier cannot approve.
    expect((await till.post(drawerPath('/no-sale'), {})).statusCode).toBe(409);
    const cashier = await testStaff(t.edge, 'cashier');
    const byCashier = await till.post(drawerPath('/close'), {
      override: { staffId: cashier.staff.id, pin: cashier.pin },
    });
    expect(byCashier.statusCode).toBe(403);
    expect(error(byCashier).message).toMatch(/cannot approve this: ask a manager/);

    const seq = t.edge.caps.events.lastSeq;
    const closed = await ok<DrawerSessionView>(
      await till.post(drawerPath('/close'), { override: { staffId: manager.staff.id, pin: manager.pin } }),
    );
    expect(closed).toMatchObject({ status: 'closed', approvedBy: { id: manager.staff.id, role: 'manager' } });
    const [event] = events(seq);
    expect(event).toMatchObject({
      type: 'drawer.closed',
      actor: { id: till.staff?.id, approvedBy: { id: manager.staff.id } },
      data: { expected, counted: short, variance: -1_000, approvedBy: { id: manager.staff.id } },
    });
    expect(audited('override.approved')[0]?.detail).toMatchObject({ event: 'drawer.closed' });

    // Payment by payment: the drawer's cash sales are the cash payments taken on its screens while it was open.
    const ledger = t.edge.caps.cash.ledger(closed.id);
    const sales = ledger.filter((m) => m.kind === 'cash-sale');
    expect(sales).toHaveLength(3);
    expect(sales.reduce((s, m) => s + m.amount, 0)).toBe(expectedSales);
    expect(ledger.filter((m) => m.kind === 'cash-refund').map((m) => m.amount)).toEqual([refunded]);
    for (const m of sales) expect(events(m.eventSeq ? m.eventSeq - 1 : 0)[0]?.type).toBe('order.paid');

    const history = await ok<{ sessions: DrawerSessionView[] }>(await till.get(drawerPath('/sessions?limit=5')));
    expect(history.sessions.map((s) => s.result?.variance)).toEqual([-1_000, 0]);
    expect((await ok<DrawerView>(await till.get(drawerPath()))).session).toBeNull();
  });

  it('refuses what does not apply and changes nothing', async () => {
    const seq = t.edge.caps.events.lastSeq;
    expect((await till.post(drawerPath('/moves'), { kind: 'paid-in', amount: 100, reason: 'float' })).statusCode).toBe(
      409,
    );
    expect(
      (await till.post(drawerPath('/close'), { override: { staffId: manager.staff.id, pin: manager.pin } })).statusCode,
    ).toBe(409);
    const badCount = await till.post(drawerPath('/open'), { count: { '300': 1 } });
    expect(badCount.statusCode).toBe(400);
    expect(error(badCount).details[0]?.path).toBe('count.300');
    expect((await till.post(drawerPath('/open'), { count: { '100': 1 }, amount: 100 })).statusCode).toBe(400);
    expect((await till.get('/api/v1/drawers/0190a5e2-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect(events(seq)).toEqual([]);
  });
});
