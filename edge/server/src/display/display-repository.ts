/**
 * Which customer display follows which counter, as the log says: the store keeps no table for it
 * (no migration), only its `device.linked` events (topic `device`), read once at start through the
 * log's topic index. The last link of a display wins.
 */
import { EVENT_CATALOGUE } from '@tillbox/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { events } from '../db/schema.js';

const LINKED = 'device.linked';

export class DisplayRepository {
  constructor(private readonly db: Db) {}

  /** Display id → counter id, from every `device.linked` event in seq order; a row that cannot be read is skipped. */
  links(): Map<string, string> {
    const rows = this.db
      .select({ data: sql<string>`${events.data}` })
      .from(events)
      .where(and(eq(events.topic, 'device'), eq(events.type, LINKED)))
      .orderBy(asc(events.seq))
      .all();
    const links = new Map<string, string>();
    const schema = EVENT_CATALOGUE[LINKED].schema;
    for (const row of rows) {
      let data: unknown;
      try {
        data = JSON.parse(row.data);
      } catch {
        continue;
      }
      const parsed = schema.safeParse(data);
      if (parsed.success) links.set(parsed.data.deviceId, parsed.data.counterId);
    }
    return links;
  }
}
