/**
 * Loyalty as the store box keeps it: nothing but its own log. A member's events (subject: the
 * member id, topic `loyalty`) are the store's ledger entries (accrued, redeemed, reversed) and
 * its cache of what the cloud last said (`loyalty.member-seen`). Reads go through the log's
 * subject index with statements prepared once on the one connection, so inside a command's
 * transaction they see what it has appended. A row that cannot be read is skipped.
 */
import { loyaltyMemberSeen, type LoggedEvent, type LoyaltyMemberSeenData } from '@tillbox/core';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { events } from '../db/schema.js';

/** What the cloud last said of a member, with where it stands in the log and when it was said. */
export interface SeenRow {
  seq: number;
  at: number;
  data: LoyaltyMemberSeenData;
}

const ph = (name: string) => sql.placeholder(name);
const rawData = sql<string>`${events.data}`;
const SEEN = 'loyalty.member-seen';

function prepare(db: Db) {
  const seenColumns = { seq: events.seq, at: events.at, data: rawData };
  return {
    after: db
      .select({ seq: events.seq, type: events.type, data: rawData })
      .from(events)
      .where(and(eq(events.subject, ph('memberId')), eq(events.topic, 'loyalty'), gt(events.seq, ph('after'))))
      .orderBy(asc(events.seq))
      .prepare(),
    redeemedOn: db
      .select({ seq: events.seq, type: events.type, data: rawData })
      .from(events)
      .where(
        and(
          eq(events.subject, ph('memberId')),
          eq(events.type, 'loyalty.redeemed'),
          sql`json_extract(${events.data}, '$.businessDay') = ${ph('day')}`,
        ),
      )
      .prepare(),
    seen: db
      .select(seenColumns)
      .from(events)
      .where(and(eq(events.subject, ph('memberId')), eq(events.type, SEEN)))
      .orderBy(desc(events.seq))
      .limit(1)
      .prepare(),
    seenByPhone: db
      .select(seenColumns)
      .from(events)
      .where(
        and(
          eq(events.topic, 'loyalty'),
          eq(events.type, SEEN),
          sql`json_extract(${events.data}, '$.phoneHash') = ${ph('hash')}`,
        ),
      )
      .orderBy(desc(events.seq))
      .limit(1)
      .prepare(),
    seenByQr: db
      .select(seenColumns)
      .from(events)
      .where(
        and(
          eq(events.topic, 'loyalty'),
          eq(events.type, SEEN),
          sql`json_extract(${events.data}, '$.qrHash') = ${ph('hash')}`,
        ),
      )
      .orderBy(desc(events.seq))
      .limit(1)
      .prepare(),
  };
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

function seenOf(row: { seq: number; at: number; data: string } | undefined): SeenRow | undefined {
  if (!row) return undefined;
  const data = loyaltyMemberSeen.safeParse(parse(row.data));
  return data.success ? { seq: row.seq, at: row.at, data: data.data } : undefined;
}

export class LoyaltyRepository {
  #q: ReturnType<typeof prepare> | undefined;

  constructor(private readonly db: Db) {}

  private get q(): ReturnType<typeof prepare> {
    return (this.#q ??= prepare(this.db));
  }

  /** The member's loyalty events after `after`, in seq order. */
  eventsAfter(memberId: string, after: number): LoggedEvent[] {
    return this.q.after.all({ memberId, after }).flatMap((r) => {
      const data = parse(r.data);
      return data === undefined ? [] : [{ seq: r.seq, type: r.type, data }];
    });
  }

  /** The member's redemptions of a business day. */
  redemptionsOn(memberId: string, day: string): LoggedEvent[] {
    return this.q.redeemedOn.all({ memberId, day }).flatMap((r) => {
      const data = parse(r.data);
      return data === undefined ? [] : [{ seq: r.seq, type: r.type, data }];
    });
  }

  /** What the cloud last said of a member: by id, or by the hash of their phone or card. */
  lastSeen(by: { memberId: string } | { phoneHash: string } | { qrHash: string }): SeenRow | undefined {
    if ('memberId' in by) return seenOf(this.q.seen.get({ memberId: by.memberId }));
    if ('phoneHash' in by) return seenOf(this.q.seenByPhone.get({ hash: by.phoneHash }));
    return seenOf(this.q.seenByQr.get({ hash: by.qrHash }));
  }
}
