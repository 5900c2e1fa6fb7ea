/**
 * Configuration versions per store and kind: what was published, and whether the store runs it
 * (`active`), has not answered yet (`pending`) or refused it (or the cloud did), with the reason.
 */
import { CONFIG_KINDS, type ConfigKind, type ErrorDetail } from '@tillbox/core';
import { and, desc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { configVersions } from '../db/schema.js';

export type ConfigRow = typeof configVersions.$inferSelect;
export type ConfigState = 'pending' | 'active' | 'refused';

export class ConfigRepository {
  constructor(private readonly db: Db) {}

  /** The highest version of a kind published to (or refused for) a store; 0 for none. */
  async lastVersion(storeId: string, kind: ConfigKind): Promise<number> {
    const [row] = await this.db
      .select({ v: max(configVersions.version) })
      .from(configVersions)
      .where(and(eq(configVersions.storeId, storeId), eq(configVersions.kind, kind)));
    return row?.v ?? 0;
  }

  /** Records a version; `false` when that number was taken meanwhile (another publication). */
  async insert(row: {
    storeId: string;
    kind: ConfigKind;
    version: number;
    payload: unknown;
    state: ConfigState;
    reason?: string;
    details?: readonly ErrorDetail[];
    publishedAt?: Date;
    decidedAt?: Date;
  }): Promise<boolean> {
    const added = await this.db
      .insert(configVersions)
      .values({ ...row, details: row.details ?? null })
      .onConflictDoNothing()
      .returning({ version: configVersions.version });
    return added.length > 0;
  }

  async remove(storeId: string, kind: ConfigKind, version: number): Promise<void> {
    await this.db
      .delete(configVersions)
      .where(
        and(eq(configVersions.storeId, storeId), eq(configVersions.kind, kind), eq(configVersions.version, version)),
      );
  }

  /**
   * The store's answer to a version. `active` replaces `pending` or a store's earlier refusal
   * (it runs it now); `refused` replaces only `pending`. Answers the row after it.
   */
  async decide(
    storeId: string,
    kind: ConfigKind,
    version: number,
    state: 'active' | 'refused',
    at: Date,
    reason?: string,
    details?: readonly ErrorDetail[],
  ): Promise<ConfigRow | undefined> {
    const [row] = await this.db
      .update(configVersions)
      .set({ state, reason: reason ?? null, details: details ?? null, decidedAt: at })
      .where(
        and(
          eq(configVersions.storeId, storeId),
          eq(configVersions.kind, kind),
          eq(configVersions.version, version),
          state === 'active' ? ne(configVersions.state, 'active') : eq(configVersions.state, 'pending'),
          // A version the cloud refused was never published: a store cannot run it.
          sql`${configVersions.publishedAt} is not null`,
        ),
      )
      .returning();
    return row;
  }

  /**
   * For each kind, the newest version of the store in one of `states`, with its payload (e.g.
   * `active`: what the store runs; `active`+`pending`: what it will run).
   */
  async newest(storeId: string, states: readonly ConfigState[]): Promise<Map<ConfigKind, ConfigRow>> {
    const rows = await this.db
      .selectDistinctOn([configVersions.kind])
      .from(configVersions)
      .where(
        and(
          eq(configVersions.storeId, storeId),
          inArray(configVersions.state, [...states]),
          inArray(configVersions.kind, [...CONFIG_KINDS]),
        ),
      )
      .orderBy(configVersions.kind, desc(configVersions.version));
    return new Map(rows.map((r) => [r.kind as ConfigKind, r]));
  }

  /** Every version of a store, newest first (payloads left out). */
  async list(storeId: string, limit: number): Promise<Omit<ConfigRow, 'payload'>[]> {
    const c = configVersions;
    return this.db
      .select({
        storeId: c.storeId,
        kind: c.kind,
        version: c.version,
        state: c.state,
        reason: c.reason,
        details: c.details,
        createdAt: c.createdAt,
        publishedAt: c.publishedAt,
        decidedAt: c.decidedAt,
      })
      .from(configVersions)
      .where(eq(configVersions.storeId, storeId))
      .orderBy(desc(configVersions.createdAt), configVersions.kind, desc(configVersions.version))
      .limit(limit);
  }
}
