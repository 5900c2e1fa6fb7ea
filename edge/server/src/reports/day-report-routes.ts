/** End of day over HTTP: the X report, closing the day with a Z, a closed day's Z, and its print. */
import {
  closeDayBodySchema,
  closedDayQuerySchema,
  closedDaysQuerySchema,
  closedDaysSchema,
  dayReportPrintSchema,
  dayReportSchema,
  printDayParamsSchema,
  printDayQuerySchema,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { StaffService } from '../staff/staff-service.js';
import type { DayReportService } from './day-report-service.js';

export function dayReportRoutes(reports: DayReportService, staff: StaffService): AnyRoute[] {
  const names = () => new Map(staff.list().map((s) => [s.id, s.name]));
  return [
    defineRoute({
      method: 'GET',
      url: '/reports/x',
      permission: 'report.read',
      summary:
        'The X report: every sale, tender, tax, discount, refund, void, tip and drawer close since the last Z, now (changes nothing)',
      tags: ['reports'],
      response: dayReportSchema,
      handler: () => reports.x(names()),
    }),
    defineRoute({
      method: 'POST',
      url: '/reports/z',
      permission: 'report.close-day',
      summary:
        'Close the open business day with a Z report: it covers every event since the last Z, is stored in the log (day.closed) and never changes; new orders go to the next day',
      tags: ['reports'],
      body: closeDayBodySchema,
      response: dayReportSchema,
      status: 201,
      errors: [400, 403, 409],
      handler: ({ body, ctx }) => ({ status: 201, body: reports.close(ctx.command, body.businessDay, names()) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/reports/z',
      permission: 'report.read',
      summary: 'The Z report of a closed business day, as it was stored when the day was closed',
      tags: ['reports'],
      query: closedDayQuerySchema,
      response: dayReportSchema,
      errors: [400, 404],
      handler: ({ query }) => reports.closed(query.day),
    }),
    defineRoute({
      method: 'GET',
      url: '/reports/z/days',
      permission: 'report.read',
      summary: 'The closed business days, newest first, and the day new orders go to now',
      tags: ['reports'],
      query: closedDaysQuerySchema,
      response: closedDaysSchema,
      handler: ({ query }) => reports.closedDays(query.limit),
    }),
    defineRoute({
      method: 'GET',
      url: '/reports/z/:day/print',
      permission: 'report.read',
      summary: 'A closed day’s Z report for a receipt printer: the ESC/POS bytes (base64) and the lines they print',
      tags: ['reports'],
      params: printDayParamsSchema,
      query: printDayQuerySchema,
      response: dayReportPrintSchema,
      errors: [400, 404],
      handler: ({ params, query }) => reports.print(params.day, query.width),
    }),
  ];
}
