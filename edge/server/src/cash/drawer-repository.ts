/**
 * Cash drawers as stored: the only code that touches `drawers`, `drawer_devices`,
 * `drawer_sessions` and `drawer_moves`. A drawer is loaded with its session that is not closed
 * (a unique partial index keeps it to one), whose figures are summed from its moves; a decided
 * session is saved whole, and each move is one row carrying the seq of the event that recorded it.
 */
import {
  actorSchema,
  denominationCountSchema,
  STAFF_ROLES,
  type Actor,
  type Approver,
  type DenominationCount,
  type Drawer,
  type DrawerFigures,
  type DrawerMoveRecord,
  type DrawerSession,
  type DrawerState,
} from '@tillbox/core';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { drawerDevices, drawerMoves, drawerSessions, drawers } from '../db/schema.js';

export interface DrawerRow extends Drawer {
  isDefault: boolean;
}

/** A move as stored, with who made it and when. */
export interface StoredMove extends DrawerMoveRecord {
  drawerId: string;
  eventSeq: number | null;
  actor: Actor;
  device: string | null;
  at: number;
}

type SessionRow = typeof drawerSessions.$inferSelect;

const NO_ACTOR: Actor = { kind: 'system', id: 'edge', role: 'system' };
const asActor = (value: unknown): Actor => actorSchema.safeParse(value).data ?? NO_ACTOR;
const asCount = (value: unknown): DenominationCount | undefined => denominationCountSchema.safeParse(value).data;

function approverOf(value: unknown): Approver | undefined {
  const actor = actorSchema.safeParse(value).data;
  const role = STAFF_ROLES.find((r) => r === actor?.role);
  if (actor?.kind !== 'staff' || role === undefined) return undefined;
  return { kind: 'staff', id: actor.id, role, ...(actor.name !== undefined ? { name: actor.name } : {}) };
}

export class DrawerRepository {
  constructor(private readonly db: Db) {}

  /** A new store's first drawer, the default (serving every device not assigned to another). No-op once any drawer exists. */
  seed(drawer: { id: string; name: string }, at: number): void {
    const any = this.db.select({ id: drawers.id }).from(drawers).limit(1).get();
    if (!any)
      this.db
        .insert(drawers)
        .values({ ...drawer, isDefault: true, createdAt: at })
        .run();
  }

  list(): DrawerRow[] {
    return this.db
      .select({ id: drawers.id, name: drawers.name, active: drawers.active, isDefault: drawers.isDefault })
      .from(drawers)
      .orderBy(asc(drawers.createdAt), asc(drawers.id))
      .all();
  }

  drawer(id: string, tx: Db | Tx = this.db): DrawerRow | undefined {
    return tx
      .select({ id: drawers.id, name: drawers.name, active: drawers.active, isDefault: drawers.isDefault })
      .from(drawers)
      .where(eq(drawers.id, id))
      .get();
  }

  defaultDrawer(tx: Db | Tx = this.db): DrawerRow | undefined {
    return tx
      .select({ id: drawers.id, name: drawers.name, active: drawers.active, isDefault: drawers.isDefault })
      .from(drawers)
      .where(and(eq(drawers.isDefault, true), eq(drawers.active, true)))
      .get();
  }

  /** The drawer a device is assigned to, if any. */
  assignmentOf(deviceId: string, tx: Db | Tx = this.db): string | undefined {
    return tx
      .select({ drawerId: drawerDevices.drawerId })
      .from(drawerDevices)
      .where(eq(drawerDevices.deviceId, deviceId))
      .get()?.drawerId;
  }

  assign(tx: Tx, deviceId: string, drawerId: string, at: number): void {
    tx.insert(drawerDevices)
      .values({ deviceId, drawerId, assignedAt: at })
      .onConflictDoUpdate({ target: drawerDevices.deviceId, set: { drawerId, assignedAt: at } })
      .run();
  }

  /** The drawer with its session that is not closed (figures summed from its moves). */
  load(drawerId: string, tx: Db | Tx = this.db): DrawerState | undefined {
    const drawer = this.drawer(drawerId, tx);
    if (!drawer) return undefined;
    const row = tx
      .select()
      .from(drawerSessions)
      .where(and(eq(drawerSessions.drawerId, drawerId), ne(drawerSessions.status, 'closed')))
      .get();
    const state: DrawerState = { drawer: { id: drawer.id, name: drawer.name, active: drawer.active } };
    if (row) state.session = this.session(row, tx);
    return state;
  }

  /** A session from its row and its moves' sums. */
  private session(row: SessionRow, tx: Db | Tx): DrawerSession {
    const sums = tx
      .select({ kind: drawerMoves.kind, total: sql<number>`sum(${drawerMoves.amount})`, n: sql<number>`count(*)` })
      .from(drawerMoves)
      .where(eq(drawerMoves.sessionId, row.id))
      .groupBy(drawerMoves.kind)
      .all();
    const sum = (kind: string): number => sums.find((s) => s.kind === kind)?.total ?? 0;
    const figures: DrawerFigures = {
      openingFloat: row.openingFloat,
      cashSales: sum('cash-sale'),
      cashRefunds: sum('cash-refund'),
      paidIn: sum('paid-in'),
      paidOut: sum('paid-out'),
      safeDrops: sum('safe-drop'),
    };
    const session: DrawerSession = {
      id: row.id,
      drawerId: row.drawerId,
      currency: row.currency,
      status: row.status,
      openedAt: row.openedAt,
      openedBy: asActor(row.openedBy),
      openedOn: row.openedOn,
      figures,
      noSales: sums.find((s) => s.kind === 'no-sale')?.n ?? 0,
    };
    const openingCount = asCount(row.openingCount);
    if (openingCount) session.openingCount = openingCount;
    const count = asCount(row.count);
    if (row.counted !== null && count && row.expected !== null && row.variance !== null && row.countedAt !== null) {
      session.count = {
        counted: row.counted,
        count,
        expected: row.expected,
        variance: row.variance,
        at: row.countedAt,
        by: asActor(row.countedBy),
      };
    }
    if (row.closedAt !== null) session.closedAt = row.closedAt;
    if (row.closedBy !== null) session.closedBy = asActor(row.closedBy);
    const approvedBy = approverOf(row.approvedBy);
    if (approvedBy) session.approvedBy = approvedBy;
    return session;
  }

  /** Save a decided session: inserted when new, else its count and close written. */
  saveSession(tx: Tx, before: DrawerSession | undefined, after: DrawerSession): void {
    if (!before) {
      tx.insert(drawerSessions)
        .values({
          id: after.id,
          drawerId: after.drawerId,
          status: after.status,
          currency: after.currency,
          openingFloat: after.figures.openingFloat,
          openingCount: after.openingCount ?? null,
          openedAt: after.openedAt,
          openedBy: after.openedBy,
          openedOn: after.openedOn,
        })
        .run();
      return;
    }
    if (before.status === after.status) return;
    const c = after.count;
    tx.update(drawerSessions)
      .set({
        status: after.status,
        counted: c?.counted ?? null,
        count: c?.count ?? null,
        countedAt: c?.at ?? null,
        countedBy: c?.by ?? null,
        expected: c?.expected ?? null,
        variance: c?.variance ?? null,
        closedAt: after.closedAt ?? null,
        closedBy: after.closedBy ?? null,
        approvedBy: after.approvedBy ?? null,
      })
      .where(eq(drawerSessions.id, after.id))
      .run();
  }

  insertMove(tx: Tx, move: StoredMove): void {
    tx.insert(drawerMoves)
      .values({
        id: move.id,
        sessionId: move.sessionId,
        drawerId: move.drawerId,
        kind: move.kind,
        amount: move.amount,
        reason: move.reason ?? null,
        orderId: move.orderId ?? null,
        paymentId: move.paymentId ?? null,
        eventSeq: move.eventSeq,
        actor: move.actor,
        device: move.device,
        at: move.at,
      })
      .run();
  }

  /** A session's moves, oldest first; `staffOnly` leaves out the cash sales and refunds (the blind view). */
  moves(sessionId: string, staffOnly: boolean): StoredMove[] {
    const rows = this.db
      .select()
      .from(drawerMoves)
      .where(
        staffOnly
          ? and(eq(drawerMoves.sessionId, sessionId), sql`${drawerMoves.kind} not in ('cash-sale', 'cash-refund')`)
          : eq(drawerMoves.sessionId, sessionId),
      )
      .orderBy(asc(drawerMoves.at), asc(drawerMoves.id))
      .all();
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.sessionId,
      drawerId: r.drawerId,
      kind: r.kind,
      amount: r.amount,
      ...(r.reason !== null ? { reason: r.reason } : {}),
      ...(r.orderId !== null ? { orderId: r.orderId } : {}),
      ...(r.paymentId !== null ? { paymentId: r.paymentId } : {}),
      eventSeq: r.eventSeq,
      actor: asActor(r.actor),
      device: r.device,
      at: r.at,
    }));
  }

  /** A session by id, whatever its status. */
  sessionById(id: string): DrawerSession | undefined {
    const row = this.db.select().from(drawerSessions).where(eq(drawerSessions.id, id)).get();
    return row && this.session(row, this.db);
  }

  /** Closed sessions of a drawer, newest first. */
  closedSessions(drawerId: string, limit: number): DrawerSession[] {
    return this.db
      .select()
      .from(drawerSessions)
      .where(and(eq(drawerSessions.drawerId, drawerId), eq(drawerSessions.status, 'closed')))
      .orderBy(desc(drawerSessions.openedAt), desc(drawerSessions.id))
      .limit(limit)
      .all()
      .map((row) => this.session(row, this.db));
  }
}
