/** Staff accounts, their sessions on devices and PIN failures: the only code touching those tables. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { pinFailures, staff, staffSessions } from '../db/schema.js';

export type StaffRow = typeof staff.$inferSelect;
export type SessionRow = typeof staffSessions.$inferSelect;
export type PinFailureRow = typeof pinFailures.$inferSelect;

export class StaffRepository {
  constructor(private readonly db: Db) {}

  byId(id: string, tx: Tx | Db = this.db): StaffRow | undefined {
    return tx.select().from(staff).where(eq(staff.id, id)).get();
  }

  list(): StaffRow[] {
    return this.db.select().from(staff).orderBy(asc(staff.name)).all();
  }

  count(): number {
    return this.db.select({ id: staff.id }).from(staff).all().length;
  }

  insert(tx: Tx, row: StaffRow): void {
    tx.insert(staff).values(row).run();
  }

  update(tx: Tx, id: string, set: Partial<Omit<StaffRow, 'id'>>): void {
    tx.update(staff).set(set).where(eq(staff.id, id)).run();
  }

  /** Sessions not yet ended, one per device at most. */
  openSessions(): SessionRow[] {
    return this.db.select().from(staffSessions).where(isNull(staffSessions.endedAt)).all();
  }

  startSession(tx: Tx, row: SessionRow): void {
    tx.insert(staffSessions).values(row).run();
  }

  endSession(tx: Tx, id: string, at: number, lastActiveAt: number, reason: string): void {
    tx.update(staffSessions)
      .set({ endedAt: at, lastActiveAt, endReason: reason })
      .where(and(eq(staffSessions.id, id), isNull(staffSessions.endedAt)))
      .run();
  }

  touchSession(id: string, at: number): void {
    this.db.update(staffSessions).set({ lastActiveAt: at }).where(eq(staffSessions.id, id)).run();
  }

  failures(scope: string, tx: Tx | Db = this.db): PinFailureRow | undefined {
    return tx.select().from(pinFailures).where(eq(pinFailures.scope, scope)).get();
  }

  setFailures(tx: Tx, row: PinFailureRow): void {
    tx.insert(pinFailures)
      .values(row)
      .onConflictDoUpdate({
        target: pinFailures.scope,
        set: { failures: row.failures, firstAt: row.firstAt, lockedUntil: row.lockedUntil },
      })
      .run();
  }

  clearFailures(tx: Tx, scope: string): void {
    tx.delete(pinFailures).where(eq(pinFailures.scope, scope)).run();
  }
}
