/** Speed of service: how long each stage took for a business day's orders, p50 and p90. */
import { businessDay, businessDaySchema, speedOfServiceSchema, type SpeedOfService } from '@tillbox/core';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { Db } from '../db/database.js';
import { ReportRepository } from './report-repository.js';

/** Nearest-rank percentile of seconds, or null with no samples. */
function stats(ms: number[]): { count: number; p50Seconds: number | null; p90Seconds: number | null } {
  const sorted = ms.filter((x) => x >= 0).sort((a, b) => a - b);
  const at = (p: number): number | null => {
    if (sorted.length === 0) return null;
    const v = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
    return Math.round(v / 100) / 10;
  };
  return { count: sorted.length, p50Seconds: at(50), p90Seconds: at(90) };
}

const gap = (a: number | null, b: number | null): number[] => (a === null || b === null ? [] : [b - a]);

export function speedOfService(reports: ReportRepository, day: string): SpeedOfService {
  const { orders: rows, tickets: ticketRows } = reports.serviceTimes(day);
  const stations = [...new Set(ticketRows.map((t) => t.station))].sort();
  return {
    businessDay: day,
    orders: rows.length,
    stages: {
      placedToFired: stats(rows.flatMap((r) => gap(r.placedAt, r.firedAt))),
      firedToReady: stats(rows.flatMap((r) => gap(r.firedAt, r.readyAt))),
      readyToPickedUp: stats(rows.flatMap((r) => gap(r.readyAt, r.pickedUpAt))),
      placedToPickedUp: stats(rows.flatMap((r) => gap(r.placedAt, r.pickedUpAt))),
    },
    stations: stations.map((station) => ({
      station,
      firedToBumped: stats(ticketRows.filter((t) => t.station === station).flatMap((t) => gap(t.firedAt, t.bumpedAt))),
    })),
  };
}

export function reportRoutes(db: Db, store: { timeZone: string; businessDayStartHour: number }): AnyRoute[] {
  const reports = new ReportRepository(db);
  return [
    defineRoute({
      method: 'GET',
      url: '/reports/speed-of-service',
      permission: 'report.read',
      summary: 'Speed of service of a business day: placed → fired → ready → picked up, and per station fired → bumped',
      tags: ['reports'],
      query: z.object({
        day: businessDaySchema.optional().describe('Business day; today by default'),
      }),
      response: speedOfServiceSchema,
      handler: ({ query }) =>
        speedOfService(reports, query.day ?? businessDay(Date.now(), store.timeZone, store.businessDayStartHour)),
    }),
  ];
}
