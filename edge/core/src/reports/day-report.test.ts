/**
 * dayReport over a hand-made day in New York: every figure below was worked out by hand from the
 * events (the comments say how), not by running the code.
 */
import { describe, expect, it } from 'vitest';
import {
  dayReport,
  DayReportBuilder,
  ordersWithoutHistory,
  type DayReportOptions,
  type ReportEvent,
} from './day-report.js';
import { dayReportSchema } from './day-report-schema.js';
import { dayReportText } from './report-document.js';

const CASEY = { kind: 'staff', id: 's1', role: 'cashier', name: 'Casey' };
const MORGAN = { kind: 'staff', id: 'm1', role: 'manager', name: 'Morgan' };
const APPROVED = { ...CASEY, approvedBy: MORGAN };
const KIOSK = { kind: 'guest', id: 'k1', role: 'kiosk' };
const CLOUD = { kind: 'cloud', id: 'r1', role: 'relay' };
const SYSTEM = { kind: 'system', id: 'edge', role: 'system' };

let seq = 0;
/** An event at a New York wall-clock time on 2026-11-27 (EST, UTC−5). */
function ev(type: string, ny: string, actor: ReportEvent['actor'], data: unknown): ReportEvent {
  const [h, m] = ny.split(':').map(Number);
  const at = new Date(Date.UTC(2026, 10, 27, (h ?? 0) + 5, m ?? 0)).toISOString();
  seq += 1;
  return { seq, type, at, actor, data };
}

const tax = (ny: number, nyc: number) => [
  { name: 'NY State', rate: '4%', inclusive: false, amount: ny, rateId: 'ny-state' },
  { name: 'NYC', rate: '4.5%', inclusive: false, amount: nyc, rateId: 'nyc' },
];
const lineTaxes = (ny: number, nyc: number) => [
  { rateId: 'ny-state', amount: ny },
  { rateId: 'nyc', amount: nyc },
];
function line(lineId: string, lineTotal: number, discount: number, ny: number, nyc: number) {
  return {
    lineId,
    lineTotal,
    discount,
    tax: ny + nyc,
    total: lineTotal - discount + ny + nyc,
    taxes: lineTaxes(ny, nyc),
  };
}
function placed(
  id: string,
  number: number,
  channel: string,
  lines: ReturnType<typeof line>[],
  pricing: { taxes?: unknown[]; discounts?: unknown[]; loyaltyPoints?: number; loyaltyPointsRedeemed?: number } = {},
  extra: Record<string, unknown> = {},
) {
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  const discount = lines.reduce((s, l) => s + l.discount, 0);
  const t = lines.reduce((s, l) => s + l.tax, 0);
  return {
    id,
    number,
    businessDay: '2026-11-27',
    channel,
    lines,
    totals: { currency: 'USD', subtotal, discount, tax: t, total: subtotal - discount + t },
    pricing: { discounts: [], taxes: [], loyaltyPoints: 0, localTime: '', ...pricing },
    ...extra,
  };
}
const pay = (orderId: string, id: string, method: string, amount: number, more: Record<string, unknown> = {}) => ({
  orderId,
  payment: { id, method, amount, ...more },
});

// Order E: a kiosk order of yesterday, paid in cash yesterday (before the period).
const prior: ReportEvent[] = [
  ev('order.placed', '09:00', KIOSK, {
    ...placed('E', 9, 'kiosk', [line('l5', 276, 0, 11, 13)], { taxes: tax(11, 13) }),
    businessDay: '2026-11-26',
  }),
  ev('order.paid', '09:01', KIOSK, pay('E', 'pE', 'cash', 300)),
];
const fromSeq = seq + 1;
const day: ReportEvent[] = [
  ev('drawer.opened', '08:00', CASEY, { drawerId: 'd1', sessionId: 'ss1', currency: 'USD', openingFloat: 10_000 }),
  ev('drawer.opened', '08:01', CASEY, { drawerId: 'd2', sessionId: 'ss2', currency: 'USD', openingFloat: 5_000 }),
  // A: kiosk, 500 + tax 44 = 544, card with a 100 tip taken by Casey at 10:15; earns 5 points.
  ev(
    'order.placed',
    '10:10',
    KIOSK,
    placed('A', 1, 'kiosk', [line('l1', 500, 0, 20, 24)], { taxes: tax(20, 24), loyaltyPoints: 5 }),
  ),
  ev('order.paid', '10:15', CASEY, pay('A', 'pA', 'card', 544, { tip: 100, staffId: 's1' })),
  ev('loyalty.accrued', '10:15', CASEY, { memberId: 'mem1', orderId: 'A', points: 5 }),
  // B: counter, 300 + 200 − 50 happy hour, tax 40 → 490: 200 cash, then 290 card with a 50 tip at 11:40.
  ev(
    'order.placed',
    '11:30',
    CASEY,
    placed('B', 2, 'counter', [line('l2', 300, 0, 12, 15), line('l3', 200, 50, 6, 7)], {
      taxes: tax(18, 22),
      discounts: [{ promotionId: 'happy-hour', explanation: 'Happy hour: 20% off Drinks, −$0.50', amount: 50 }],
    }),
  ),
  ev('order.payment-taken', '11:35', CASEY, { ...pay('B', 'pB1', 'cash', 200, { staffId: 's1' }), due: 290 }),
  ev('order.paid', '11:40', CASEY, pay('B', 'pB2', 'card', 290, { tip: 50, staffId: 's1' })),
  // C: counter 400, a staff discount of 40 (→ 360), then voided with Morgan's PIN.
  ev('order.placed', '11:50', CASEY, placed('C', 3, 'counter', [line('l4', 400, 0, 0, 0)])),
  ev('order.discounted', '11:51', CASEY, {
    orderId: 'C',
    adjustment: { id: 'adj1', scope: 'order', kind: 'percent', value: 100_000, reason: 'regular' },
    amount: 40,
    lines: [{ ...line('l4', 400, 40, 0, 0), unitPrice: 400, net: 360 }],
    totals: { currency: 'USD', subtotal: 400, discount: 40, tax: 0, total: 360 },
    pricing: {
      discounts: [{ promotionId: 'adj1', explanation: 'Regular, −$0.40', amount: 40 }],
      taxes: [],
      loyaltyPoints: 0,
      localTime: '',
    },
  }),
  ev('order.voided', '11:55', APPROVED, { orderId: 'C', reason: 'customer left' }),
  // C had spent 20 points of member mem2 on a reward: the void gives them back.
  ev('loyalty.reversed', '11:55', APPROVED, {
    memberId: 'mem2',
    orderId: 'C',
    accrual: 0,
    redemption: 20,
    reason: 'voided',
  }),
  // Line l3 of B back to the card (163 = 200 − 50 + 13 tax: 6 state, 7 city), approved by Morgan.
  ev('order.refunded', '12:05', APPROVED, {
    orderId: 'B',
    refunds: [{ paymentId: 'rB', refundOf: 'pB2', method: 'card', amount: 163, lineIds: ['l3'] }],
    full: false,
    reason: 'cold',
  }),
  // D: an app order paid elsewhere: 1200 − 200 free-cookie reward = 1000; 10 points earned, 50 redeemed.
  ev(
    'order.placed',
    '12:29',
    CLOUD,
    placed(
      'D',
      4,
      'app',
      [line('l6', 1200, 200, 0, 0)],
      {
        discounts: [{ promotionId: 'free-cookie', explanation: 'Free cookie, −$2.00', amount: 200 }],
        loyaltyPoints: 10,
        loyaltyPointsRedeemed: 50,
      },
      { priceInput: { cart: { lines: [] }, context: { rewards: ['free-cookie'], manual: [] } } },
    ),
  ),
  ev('loyalty.redeemed', '12:29', CLOUD, {
    memberId: 'mem1',
    orderId: 'D',
    points: 50,
    rewardIds: ['free-cookie'],
    businessDay: '2026-11-27',
    offline: false,
  }),
  ev('order.paid', '12:30', CLOUD, pay('D', 'pD', 'external', 1000)),
  ev('loyalty.accrued', '12:30', CLOUD, { memberId: 'mem1', orderId: 'D', points: 10 }),
  // E (yesterday's) given back in full in cash today: 300, tax 24 (11 + 13) back.
  ev('order.refunded', '12:45', APPROVED, {
    orderId: 'E',
    refunds: [{ paymentId: 'rE', refundOf: 'pE', method: 'cash', amount: 300 }],
    full: true,
    reason: 'wrong order',
  }),
  ev('loyalty.reversed', '12:45', APPROVED, {
    memberId: 'mem3',
    orderId: 'E',
    accrual: 3,
    redemption: 0,
    reason: 'refunded',
  }),
  // F: a kiosk order left unpaid and cancelled.
  ev('order.placed', '12:50', KIOSK, placed('F', 5, 'kiosk', [line('l7', 250, 0, 0, 0)])),
  ev('order.cancelled', '13:05', SYSTEM, { orderId: 'F', reason: 'expired: unpaid' }),
  // H: counter 300 with a staff discount of 100, paid 200 cash at 13:10.
  ev(
    'order.placed',
    '13:00',
    CASEY,
    placed(
      'H',
      6,
      'counter',
      [line('l8', 300, 0, 0, 0)],
      {},
      {
        priceInput: { cart: { lines: [] }, context: { rewards: [], manual: [{ id: 'adj2', kind: 'amount' }] } },
      },
    ),
  ),
  ev('order.discounted', '13:01', CASEY, {
    orderId: 'H',
    adjustment: { id: 'adj3', scope: 'order', kind: 'amount', value: 100, reason: 'staff meal' },
    amount: 100,
    lines: [{ ...line('l8', 300, 100, 0, 0), unitPrice: 300, net: 200 }],
    totals: { currency: 'USD', subtotal: 300, discount: 100, tax: 0, total: 200 },
    pricing: {
      discounts: [{ promotionId: 'adj3', explanation: 'Staff meal, −$1.00', amount: 100 }],
      taxes: [],
      loyaltyPoints: 0,
      localTime: '',
    },
  }),
  ev('order.paid', '13:10', CASEY, pay('H', 'pH', 'cash', 200, { staffId: 's1' })),
  // G: counter 700, 100 cash taken, still open at the end.
  ev('order.placed', '13:20', CASEY, placed('G', 7, 'counter', [line('l9', 700, 0, 0, 0)])),
  ev('order.payment-taken', '13:21', CASEY, { ...pay('G', 'pG', 'cash', 100, { staffId: 's1' }), due: 600 }),
  ev('tips.declared', '14:00', CASEY, {
    declarationId: 't1',
    staffId: 's2',
    amount: 500,
    currency: 'USD',
    businessDay: '2026-11-27',
  }),
  // Drawer 1 counted 100 short, closed with Morgan's approval; drawer 2 stays open.
  ev('drawer.counted', '14:30', CASEY, { drawerId: 'd1', sessionId: 'ss1', needsApproval: true }),
  ev('drawer.closed', '14:35', CASEY, {
    drawerId: 'd1',
    sessionId: 'ss1',
    currency: 'USD',
    openedAt: '2026-11-27T13:00:00.000Z',
    figures: { openingFloat: 10_000, cashSales: 300, cashRefunds: 300, paidIn: 0, paidOut: 500, safeDrops: 0 },
    noSales: 1,
    expected: 9_500,
    counted: 9_400,
    variance: -100,
    approvedBy: { kind: 'staff', id: 'm1', role: 'manager', name: 'Morgan' },
  }),
];
const throughSeq = seq;

const options: DayReportOptions = {
  kind: 'z',
  businessDay: '2026-11-27',
  timeZone: 'America/New_York',
  currency: 'USD',
  fromSeq,
  throughSeq,
  generatedAt: '2026-11-28T03:00:00.000Z',
  prior,
  names: { staff: new Map([['s2', 'Robin']]), drawers: new Map([['d1', 'Drawer 1']]) },
};

describe('dayReport of a hand-made day', () => {
  const report = dayReport(day, options);

  it('counts the orders paid in full, at their money as last priced, and the refunds given today', () => {
    // A 544 + B 490 + D 1000 + H 200 = 2234; gross 500 + 500 + 1200 + 300; refunds 163 (B) + 300 (E).
    expect(report.sales).toEqual({
      orders: 4,
      gross: 2500,
      discounts: 350,
      tax: 84,
      total: 2234,
      refunds: 463,
      net: 1771,
    });
    expect(dayReportSchema.parse(report)).toEqual(report);
  });

  it('by channel, every channel listed; yesterday’s kiosk order refunded today counts against the kiosk', () => {
    const by = Object.fromEntries(report.byChannel.map((c) => [c.channel, c]));
    expect(report.byChannel.map((c) => c.channel)).toEqual(['kiosk', 'counter', 'app', 'online', 'marketplace']);
    expect(by['kiosk']).toMatchObject({ orders: 1, total: 544, refunds: 300, net: 244 });
    expect(by['counter']).toMatchObject({
      orders: 2,
      gross: 800,
      discounts: 150,
      tax: 40,
      total: 690,
      refunds: 163,
      net: 527,
    });
    expect(by['app']).toMatchObject({ orders: 1, total: 1000, net: 1000 });
    expect(by['online']).toMatchObject({ orders: 0, total: 0 });
  });

  it('by the hour on the store’s clock the order was paid in', () => {
    expect(report.byHour).toEqual([
      { hour: 10, orders: 1, total: 544 },
      { hour: 11, orders: 1, total: 490 },
      { hour: 12, orders: 1, total: 1000 },
      { hour: 13, orders: 1, total: 200 },
    ]);
  });

  it('by tender: every payment taken (part payments too) and given back', () => {
    expect(report.tenders).toEqual([
      { method: 'card', payments: 2, amount: 834, tips: 150, refunds: 1, refunded: 163, tipsRefunded: 0, net: 671 },
      { method: 'cash', payments: 3, amount: 500, tips: 0, refunds: 1, refunded: 300, tipsRefunded: 0, net: 200 },
      { method: 'external', payments: 1, amount: 1000, tips: 0, refunds: 0, refunded: 0, tipsRefunded: 0, net: 1000 },
    ]);
  });

  it('taxes by name and rate: collected on sales, given back with the refunded line and the refunded order', () => {
    expect(report.taxes).toEqual([
      { name: 'NY State', rate: '4%', inclusive: false, collected: 38, refunded: 17, net: 21 },
      { name: 'NYC', rate: '4.5%', inclusive: false, collected: 46, refunded: 20, net: 26 },
    ]);
  });

  it('discounts by promotion, reward and staff, largest first; a voided order’s discount is no sale’s', () => {
    expect(report.discounts).toEqual([
      { key: 'free-cookie', kind: 'reward', label: 'Free cookie', orders: 1, amount: 200 },
      { key: 'staff:discount', kind: 'staff', label: 'Staff discounts', orders: 1, amount: 100 },
      { key: 'happy-hour', kind: 'promotion', label: 'Happy hour: 20% off Drinks', orders: 1, amount: 50 },
    ]);
  });

  it('refunds and voids say who did them and which manager approved', () => {
    expect(report.refunds).toEqual([
      expect.objectContaining({
        orderId: 'B',
        number: 2,
        amount: 163,
        methods: ['card'],
        lines: 1,
        full: false,
        sale: true,
        reason: 'cold',
        by: CASEY,
        approvedBy: MORGAN,
      }),
      expect.objectContaining({
        orderId: 'E',
        number: 9,
        businessDay: '2026-11-26',
        amount: 300,
        methods: ['cash'],
        lines: 0,
        full: true,
      }),
    ]);
    expect(report.voids).toEqual([
      expect.objectContaining({ orderId: 'C', number: 3, amount: 360, reason: 'customer left', approvedBy: MORGAN }),
    ]);
    expect(report.cancelled).toEqual({ orders: 1, amount: 250 });
    expect(report.orderDays).toEqual(['2026-11-26', '2026-11-27']);
  });

  it('tips by staff: card tips on their payments, cash tips declared', () => {
    expect(report.tips).toEqual({
      staff: [
        { staffId: 's1', name: 'Casey', card: 150, declared: 0, total: 150 },
        { staffId: 's2', name: 'Robin', card: 0, declared: 500, total: 500 },
      ],
      unattributed: 0,
      card: 150,
      declared: 500,
      total: 650,
    });
  });

  it('drawers: the closed session’s variance and approver, the one still open', () => {
    expect(report.drawers.closed).toEqual([
      expect.objectContaining({
        name: 'Drawer 1',
        expected: 9_500,
        counted: 9_400,
        variance: -100,
        approvedBy: MORGAN,
        closedBy: CASEY,
      }),
    ]);
    expect(report.drawers.open).toEqual([
      expect.objectContaining({ drawerId: 'd2', sessionId: 'ss2', status: 'open' }),
    ]);
    expect(report.drawers.variance).toBe(-100);
  });

  it('members’ loyalty points issued, redeemed and undone, and the orders still open', () => {
    // Issued: A 5 + D 10; redeemed: D 50; E's refund takes back 3, C's void gives back 20.
    expect(report.loyalty).toEqual({
      accruals: 2,
      pointsIssued: 15,
      redemptions: 1,
      pointsRedeemed: 50,
      pointsTakenBack: 3,
      pointsGivenBack: 20,
    });
    expect(report.openOrders).toEqual({ orders: 1, total: 700, paid: 100 });
  });

  it('is the same report when computed again from the same events', () => {
    expect(dayReport(day, options)).toEqual(report);
  });

  it('counts nothing outside its seq range, and reads an order’s earlier history without counting it', () => {
    const later = dayReport(day, { ...options, fromSeq: throughSeq - 1 });
    expect(later.sales.orders).toBe(0);
    expect(later.drawers.closed).toHaveLength(1);
    expect(ordersWithoutHistory(day)).toEqual(['E']);
    const blind = dayReport(day, { ...options, prior: [] });
    expect(blind.refunds[1]).toMatchObject({ orderId: 'E', amount: 300, sale: true });
    expect(blind.refunds[1]?.number).toBeUndefined();
    expect(blind.sales.refunds).toBe(463);
  });

  it('prints every section within the paper width', () => {
    const text = dayReportText(report, { width: 42 });
    for (const l of text.split('\n')) expect(l.length, l).toBeLessThanOrEqual(42);
    expect(text).toContain('Z REPORT');
    expect(text).toMatch(/^Net\s+\$17\.71$/m);
    expect(text).toMatch(/^ {2}cold: Casey, approved by Morgan$/m);
    expect(text).toMatch(/^ {2}short\s+-\$1\.00$/m);
    expect(text).toMatch(/^d2\s+still open$/m);
  });
});

describe('the running builder the edge keeps', () => {
  it('reports at every step what the batch reports of the same events, and reading it changes nothing', () => {
    const orderOf = (e: ReportEvent) => {
      const d = e.data as { id?: string; orderId?: string };
      return e.type === 'order.placed' ? d.id : d.orderId;
    };
    const builder = new DayReportBuilder(fromSeq, options.timeZone, (id) => prior.filter((e) => orderOf(e) === id));
    day.forEach((e, i) => {
      builder.add(e);
      const labels = { ...options, throughSeq: e.seq };
      const running = builder.report(labels);
      expect(running, e.type).toEqual(dayReport(day.slice(0, i + 1), labels));
      expect(builder.report(labels)).toEqual(running);
    });
    expect(builder.throughSeq).toBe(throughSeq);
    expect(builder.earliestPlacedDay).toBe('2026-11-27');
  });
});

describe('a refund of part of a line', () => {
  it('gives back its share of the line’s tax, split over the rates by largest remainder', () => {
    seq = 100;
    const events = [
      ev(
        'order.placed',
        '10:00',
        CASEY,
        placed('P', 1, 'counter', [line('l1', 300, 0, 12, 15)], { taxes: tax(12, 15) }),
      ),
      ev('order.paid', '10:01', CASEY, pay('P', 'pP', 'card', 327)),
      // 100 of the line's 327: tax 100 × 27 / 327 = 8.26 → 8, split 12 : 15 → 3.56 / 4.44 → 4 and 4.
      ev('order.refunded', '10:30', APPROVED, {
        orderId: 'P',
        refunds: [{ paymentId: 'r', refundOf: 'pP', method: 'card', amount: 100, lineIds: ['l1'] }],
        full: false,
        reason: 'half',
      }),
    ];
    const r = dayReport(events, { ...options, prior: [], fromSeq: 101, throughSeq: 103 });
    expect(r.taxes.map((t) => [t.name, t.collected, t.refunded])).toEqual([
      ['NY State', 12, 4],
      ['NYC', 15, 4],
    ]);
  });
});
