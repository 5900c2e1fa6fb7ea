/**
 * Which business day new orders, tips and lists belong to: the day on the store's clock, unless a
 * Z report has closed it — then the day after the last closed one (the core's `openBusinessDay`),
 * so after a Z nothing more is added to the closed day and order numbers restart. The last closed
 * day is read from the log at start and moved on by each Z as it commits.
 */
import { openBusinessDay } from '@tillbox/core';
import type { DayReportRepository } from './day-report-repository.js';

export interface BusinessDaysContext {
  repository: Pick<DayReportRepository, 'lastClose'>;
  store: { timeZone: string; businessDayStartHour: number };
}

export class BusinessDays {
  private closed: string | undefined;

  constructor(private readonly ctx: BusinessDaysContext) {}

  start(): void {
    this.closed = this.ctx.repository.lastClose()?.data.businessDay;
  }

  /** The business day of something happening at `at` (ms since epoch). */
  dayAt(at: number): string {
    const { timeZone, businessDayStartHour } = this.ctx.store;
    return openBusinessDay(at, timeZone, businessDayStartHour, this.closed);
  }

  /** The last business day a Z report closed, if any. */
  get lastClosed(): string | undefined {
    return this.closed;
  }

  /** A Z report for `day` has committed. */
  dayClosed(day: string): void {
    if (this.closed === undefined || day > this.closed) this.closed = day;
  }
}
