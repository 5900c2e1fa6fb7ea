/** Upsells taken: per suggestion, the orders, units and amount of lines guests added from it in a business day. */
import { businessDay, businessDaySchema, upsellReportSchema, type UpsellReport } from '@tillbox/core';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { Db } from '../db/database.js';
import { ReportRepository } from './report-repository.js';

export function upsellReport(reports: ReportRepository, day: string): UpsellReport {
  const by = new Map<string, { orders: Set<string>; units: number; amount: number }>();
  for (const row of reports.upsellLines(day)) {
    const entry = by.get(row.upsellId) ?? { orders: new Set<string>(), units: 0, amount: 0 };
    entry.orders.add(row.orderId);
    entry.units += row.quantity;
    entry.amount += row.lineTotal;
    by.set(row.upsellId, entry);
  }
  return {
    businessDay: day,
    upsells: [...by.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([upsellId, e]) => ({ upsellId, orders: e.orders.size, units: e.units, amount: e.amount })),
  };
}

export function upsellReportRoutes(db: Db, store: { timeZone: string; businessDayStartHour: number }): AnyRoute[] {
  const reports = new ReportRepository(db);
  return [
    defineRoute({
      method: 'GET',
      url: '/reports/upsells',
      permission: 'report.read',
      summary: 'Upsells taken in a business day: per suggestion, the orders, units and amount guests added from it',
      tags: ['reports'],
      query: z.object({
        day: businessDaySchema.optional().describe('Business day; today by default'),
      }),
      response: upsellReportSchema,
      handler: ({ query }) =>
        upsellReport(reports, query.day ?? businessDay(Date.now(), store.timeZone, store.businessDayStartHour)),
    }),
  ];
}
