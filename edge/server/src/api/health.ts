/**
 * `GET /api/v1/health`: the state of the store box for any paired screen (status, version,
 * store, log head, uptime, stream clients, and why it is `degraded` when it is), plus where its
 * database lives for an admin screen with an admin signed in (`health.detail`).
 *
 * `degraded` means the storage health has a problem: a damaged row skipped, a range of events
 * missing from the log, or a disk refusing writes (see ../db/storage-health.ts).
 */
import { authorize, healthSchema, type Health } from '@tillbox/core';
import type { OpenDatabase } from '../db/database.js';
import type { EventLog } from '../events/event-log.js';
import { defineRoute, type AnyRoute, type RequestContext } from './route.js';

export interface HealthSources {
  version: string;
  storeId: string;
  database: Pick<OpenDatabase, 'sqlite' | 'path' | 'health'>;
  events: Pick<EventLog, 'lastSeq'>;
  /** Open stream connections. */
  streamClients: () => number;
  startedAt: number;
  now?: () => number;
}

/** The health as `who` may see it (the database path only with `health.detail`). */
export function buildHealth(sources: HealthSources, who: Pick<RequestContext, 'device' | 'staff'>): Health {
  const { database } = sources;
  const now = sources.now ?? Date.now;
  const problems = database.health.problems;
  const open = database.sqlite.open;
  const detail = authorize('health.detail', who.device, who.staff).ok;
  return {
    status: open && problems.length === 0 ? 'ok' : 'degraded',
    version: sources.version,
    storeId: sources.storeId,
    seq: sources.events.lastSeq,
    uptimeSeconds: Math.round((now() - sources.startedAt) / 1000),
    db: detail ? { ok: open, path: database.path } : { ok: open },
    streamClients: sources.streamClients(),
    degraded: problems.map((p) => ({ kind: p.kind, message: p.message, since: p.since })),
  };
}

export function healthRoutes(sources: HealthSources): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/health',
      permission: 'health.read',
      summary: 'Liveness and the state of the store box (the database path for admins only)',
      tags: ['system'],
      response: healthSchema,
      handler: ({ ctx }) => buildHealth(sources, ctx),
    }),
  ];
}
