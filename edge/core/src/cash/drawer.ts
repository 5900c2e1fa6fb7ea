/**
 * A cash drawer and its current session, as the cash rules decide over them. A session runs
 * from the opening float to the close: `open` (takes cash), `counted` (the blind count is in and
 * its variance waits for a manager) and `closed`. The figures are what went in and out while it
 * was open; what it should hold is {@link expectedCash}.
 */
import type { Actor, Approver } from '../auth/actors.js';
import type { DenominationCount } from './denominations.js';
import type { DrawerFigures } from './events.js';

export const DRAWER_SESSION_STATUSES = ['open', 'counted', 'closed'] as const;
export type DrawerSessionStatus = (typeof DRAWER_SESSION_STATUSES)[number];

export interface Drawer {
  id: string;
  name: string;
  active: boolean;
}

/** The blind count of a session and what it was measured against. */
export interface DrawerCount {
  counted: number;
  count: DenominationCount;
  expected: number;
  variance: number;
  at: number;
  by: Actor;
}

export interface DrawerSession {
  id: string;
  drawerId: string;
  currency: string;
  status: DrawerSessionStatus;
  openedAt: number;
  openedBy: Actor;
  /** The device it was opened on (null for the system). */
  openedOn: string | null;
  openingCount?: DenominationCount;
  figures: DrawerFigures;
  /** How many times the drawer was opened without a sale. */
  noSales: number;
  count?: DrawerCount;
  closedAt?: number;
  closedBy?: Actor;
  approvedBy?: Approver;
}

/** A drawer with the session that is not closed yet, if any. */
export interface DrawerState {
  drawer: Drawer;
  session?: DrawerSession;
}

/** What a session's drawer should hold: the float, plus cash in, minus cash out. */
export function expectedCash(f: DrawerFigures): number {
  return f.openingFloat + f.cashSales - f.cashRefunds + f.paidIn - f.paidOut - f.safeDrops;
}

export const NO_FIGURES: DrawerFigures = {
  openingFloat: 0,
  cashSales: 0,
  cashRefunds: 0,
  paidIn: 0,
  paidOut: 0,
  safeDrops: 0,
};

/** A session takes cash sales, refunds and moves only while it is open (not once it is counted). */
export function takesCash(state: DrawerState): boolean {
  return state.session?.status === 'open';
}
