import { dayReportSchema, type DayReport } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { hourLabel, personLabel, reportTitle, salesRows, tenderLabel } from './report-rows.js';

const empty = { orders: 0, gross: 0, discounts: 0, tax: 0, total: 0, refunds: 0, net: 0 };
const report: DayReport = dayReportSchema.parse({
  kind: 'z',
  businessDay: '2026-11-27',
  currency: 'USD',
  timeZone: 'America/New_York',
  fromSeq: 1,
  throughSeq: 40,
  generatedAt: '2026-11-28T03:00:00.000Z',
  closedBy: { kind: 'staff', id: 's9', role: 'manager', name: 'Morgan' },
  orderDays: ['2026-11-27'],
  sales: { orders: 3, gross: 2500, discounts: 350, tax: 84, total: 2234, refunds: 463, net: 1771 },
  byChannel: [{ channel: 'kiosk', ...empty }],
  byHour: [],
  tenders: [],
  taxes: [],
  discounts: [],
  refunds: [],
  voids: [],
  cancelled: { orders: 0, amount: 0 },
  tips: { staff: [], unattributed: 0, card: 0, declared: 0, total: 0 },
  drawers: { closed: [], open: [], variance: 0 },
  pendingCardPayments: [],
  loyalty: { accruals: 0, pointsIssued: 0, redemptions: 0, pointsRedeemed: 0, pointsTakenBack: 0, pointsGivenBack: 0 },
  openOrders: { orders: 0, total: 0, paid: 0 },
  damagedEvents: 0,
});

describe('the end-of-day screen’s words', () => {
  it('shows the sales block with discounts and refunds as money taken off', () => {
    expect(salesRows(report)).toEqual([
      ['Orders paid', '3'],
      ['Gross sales', '$25.00'],
      ['Discounts', '-$3.50'],
      ['Tax', '$0.84'],
      ['Total', '$22.34'],
      ['Refunds', '-$4.63'],
      ['Net sales', '$17.71'],
    ]);
  });

  it('names a Z by its day, when and who closed it; an X says the day is still open', () => {
    const at = () => '22:00';
    expect(reportTitle(report, at)).toBe('Z report · business day 2026-11-27 · closed at 22:00 by Morgan');
    expect(reportTitle({ ...report, kind: 'x' }, at)).toBe(
      'X report · business day 2026-11-27 · at 22:00, the day is still open',
    );
  });

  it('labels hours, tenders and people', () => {
    expect(hourLabel(7)).toBe('07:00–08:00');
    expect(hourLabel(23)).toBe('23:00–00:00');
    expect(tenderLabel('external')).toBe('Paid elsewhere');
    expect(personLabel({ kind: 'staff', id: 'x', role: 'shift-lead' })).toBe('shift-lead');
  });
});
