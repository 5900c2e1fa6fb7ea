/**
 * End of day on a screen: the X report, closing the day with a Z, the closed days and a closed
 * day's stored Z. Typed from the OpenAPI document; each answer is parsed by the core's schema.
 */
import { closedDaysSchema, dayReportSchema, type ClosedDays, type DayReport } from '@tillbox/core';
import { api } from '$lib/api.js';

export const reportCalls = {
  /** Everything since the last Z, now (changes nothing). */
  x: (): Promise<DayReport> => api.get('/reports/x', { schema: dayReportSchema }),
  /** Close `businessDay` (the open day the screen showed) with a Z report. */
  close: (businessDay: string): Promise<DayReport> =>
    api.post('/reports/z', { body: { businessDay }, schema: dayReportSchema }),
  /** The stored Z report of a closed day. */
  closed: (day: string): Promise<DayReport> => api.get('/reports/z', { query: { day }, schema: dayReportSchema }),
  /** The latest closed days, newest first, and the day new orders go to now. */
  days: (): Promise<ClosedDays> => api.get('/reports/z/days', { query: { limit: 14 }, schema: closedDaysSchema }),
};

export type ReportCalls = typeof reportCalls;
