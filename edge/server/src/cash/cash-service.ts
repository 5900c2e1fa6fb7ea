/**
 * Cash drawers: load → decide (the core's `decideDrawer`) → save → append, in one transaction.
 *
 * How cash payments reach a drawer: each device takes cash into one drawer (`drawer_devices`);
 * a counter screen is assigned to the store's default drawer when it is paired (an append hook
 * on `device.paired`, in the pairing's transaction), or when it first works a drawer. When an
 * event that moves cash (`cashTakenBy`: a cash tender or a cash refund) is appended from a
 * device whose drawer has an open session, a `cash-sale`/`cash-refund` move naming the payment
 * and the event's seq is written in that same transaction (an append hook), so the payment and
 * its attribution commit or roll back together, and a later change of assignment never moves
 * old cash. Cash taken on a device with no drawer, or while its drawer is not open, belongs to
 * no drawer. The count works out what the drawer should hold from those moves; `drawer.counted`
 * and `drawer.closed` carry the figures, so a report of a closed day reads them from the log.
 *
 * After such a payment commits, `drawer.kick-requested` asks for the drawer to open (the device
 * hub will consume it; it is not part of the payment's transaction: a lost kick costs a no-sale).
 */
import {
  cashTakenBy,
  CASH_EVENT_TYPES,
  decideDrawer,
  isTillboxError,
  takesCash,
  TillboxError,
  uuidv7,
  type CommandContext,
  type DenominationCount,
  type DevicePrincipal,
  type DrawerCommand,
  type DrawerEnv,
  type DrawerList,
  type DrawerMoveBody,
  type DrawerSession,
  type DrawerSessionView,
  type DrawerState,
  type DrawerView,
  type OpenDrawerBody,
  type StoreEvent,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { Tx } from '../db/database.js';
import type { EventLog } from '../events/event-log.js';
import { isRestoredEvent } from '../events/log-restore.js';
import type { DrawerRepository, DrawerRow, StoredMove } from './drawer-repository.js';
import { restoreDrawerEvent } from './drawer-restore.js';
import { sessionView } from './drawer-views.js';

export interface CashServiceContext {
  events: EventLog;
  repository: DrawerRepository;
  /** The store currency (the commerce catalog's). */
  currency: () => string;
  /** A variance past this (minor units, either way) needs a manager (`cash.varianceApprovalAmount`). */
  varianceApprovalAmount: number;
  log: Logger;
  now?: () => number;
}

/** The name of the drawer a new store starts with. */
export const FIRST_DRAWER_NAME = 'Drawer 1';

export class CashService {
  private readonly now: () => number;
  private hooked = false;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly ctx: CashServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  start(): void {
    const at = this.now();
    this.ctx.repository.seed({ id: uuidv7(at), name: FIRST_DRAWER_NAME }, at);
    if (!this.hooked) {
      this.ctx.events.onAppend((tx, event) => this.onAppend(tx, event));
      this.hooked = true;
    }
    this.unsubscribe = this.ctx.events.subscribe((events) => this.afterCommit(events));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Every drawer with its session not yet closed (the blind view), and the one this screen takes cash into. */
  list(device: DevicePrincipal): DrawerList {
    const drawers = this.ctx.repository.list().map((d) => this.view(d));
    const mine = device.role === 'counter' ? this.drawerFor(device.id) : undefined;
    return { drawers, mine: mine?.id ?? null, varianceApprovalAmount: this.ctx.varianceApprovalAmount };
  }

  get(drawerId: string): DrawerView {
    return this.view(this.find(drawerId));
  }

  open(cmd: CommandContext, device: DevicePrincipal, drawerId: string, body: OpenDrawerBody): DrawerSessionView {
    const float = body.count !== undefined ? { count: body.count } : { amount: body.amount ?? 0 };
    return this.execute(cmd, device, drawerId, { kind: 'open', float });
  }

  move(cmd: CommandContext, device: DevicePrincipal, drawerId: string, body: DrawerMoveBody): DrawerSessionView {
    const command: DrawerCommand = { kind: 'move', move: body.kind, amount: body.amount };
    if (body.reason !== undefined) command.reason = body.reason;
    return this.execute(cmd, device, drawerId, command);
  }

  noSale(cmd: CommandContext, device: DevicePrincipal, drawerId: string, reason?: string): DrawerSessionView {
    return this.execute(cmd, device, drawerId, { kind: 'no-sale', ...(reason !== undefined ? { reason } : {}) });
  }

  /** The blind count: answers the session with its result (closed, or counted and waiting for a manager). */
  count(cmd: CommandContext, device: DevicePrincipal, drawerId: string, count: DenominationCount): DrawerSessionView {
    return this.execute(cmd, device, drawerId, { kind: 'count', count });
  }

  /** A manager's approval closes a counted drawer. */
  close(cmd: CommandContext, device: DevicePrincipal, drawerId: string): DrawerSessionView {
    return this.execute(cmd, device, drawerId, { kind: 'close' });
  }

  /** Closed sessions of a drawer, newest first, with their figures. */
  sessions(drawerId: string, limit: number): DrawerSessionView[] {
    this.find(drawerId);
    return this.ctx.repository.closedSessions(drawerId, limit).map((s) => this.sessionViewOf(s));
  }

  /**
   * Everything that went through a session's drawer, oldest first: the staff's moves and the cash
   * sales and refunds attributed to it, each sale or refund with its payment id and the seq of its
   * event (what a report checks its drawer figures against, payment by payment).
   */
  ledger(sessionId: string): StoredMove[] {
    return this.ctx.repository.moves(sessionId, false);
  }

  /** The drawer a device takes cash into: its assignment, else (a counter screen) the default drawer. */
  private drawerFor(deviceId: string): DrawerRow | undefined {
    const assigned = this.ctx.repository.assignmentOf(deviceId);
    return assigned ? this.ctx.repository.drawer(assigned) : this.ctx.repository.defaultDrawer();
  }

  private find(drawerId: string): DrawerRow {
    const drawer = this.ctx.repository.drawer(drawerId);
    if (!drawer) throw new TillboxError('not-found', 'no such drawer');
    return drawer;
  }

  private view(drawer: DrawerRow): DrawerView {
    const state = this.ctx.repository.load(drawer.id);
    return {
      id: drawer.id,
      name: drawer.name,
      isDefault: drawer.isDefault,
      active: drawer.active,
      currency: this.ctx.currency(),
      session: state?.session ? this.sessionViewOf(state.session) : null,
    };
  }

  private sessionViewOf(session: DrawerSession): DrawerSessionView {
    return sessionView(session, this.ctx.repository.moves(session.id, true), this.ctx.varianceApprovalAmount);
  }

  private env(cmd: CommandContext, at: number): DrawerEnv {
    return {
      cmd,
      at,
      newId: () => uuidv7(at),
      currency: this.ctx.currency(),
      varianceApprovalAmount: this.ctx.varianceApprovalAmount,
    };
  }

  /** A counter screen works only its own drawer (taking the default one on its first command); an admin screen any. */
  private checkDevice(tx: Tx, device: DevicePrincipal, drawer: DrawerRow, at: number): void {
    if (device.role !== 'counter') return;
    const assigned = this.ctx.repository.assignmentOf(device.id, tx);
    if (assigned === drawer.id) return;
    if (assigned === undefined && drawer.isDefault) {
      this.ctx.repository.assign(tx, device.id, drawer.id, at);
      return;
    }
    const own = assigned ? this.ctx.repository.drawer(assigned, tx) : undefined;
    throw new TillboxError(
      'forbidden',
      own
        ? `this screen takes cash into ${own.name}, not ${drawer.name}`
        : `this screen takes no cash into ${drawer.name}`,
    );
  }

  private execute(
    cmd: CommandContext,
    device: DevicePrincipal,
    drawerId: string,
    command: DrawerCommand,
  ): DrawerSessionView {
    const at = this.now();
    const session = this.ctx.events.transact(cmd, (tx, append) => {
      const drawer = this.ctx.repository.drawer(drawerId, tx);
      if (!drawer) throw new TillboxError('not-found', 'no such drawer');
      this.checkDevice(tx, device, drawer, at);
      const before = this.ctx.repository.load(drawerId, tx) as DrawerState;
      const decision = decideDrawer(before, command, this.env(cmd, at));
      const after = decision.state.session;
      if (!after) throw new TillboxError('internal', `${command.kind} left the drawer without a session`);
      this.ctx.repository.saveSession(tx, before.session, after);
      let moveSeq: number | null = null;
      for (const event of decision.events) {
        const stored = append({ ...event, subject: event.type === 'drawer.kick-requested' ? drawerId : after.id, at });
        if (moveSeq === null && (event.type === 'drawer.cash-moved' || event.type === 'drawer.no-sale'))
          moveSeq = stored.seq;
      }
      if (decision.move) {
        this.ctx.repository.insertMove(tx, {
          ...decision.move,
          drawerId,
          eventSeq: moveSeq,
          actor: cmd.actor,
          device: cmd.device,
          at,
        });
      }
      return after;
    });
    return this.sessionViewOf(this.ctx.repository.sessionById(session.id) ?? session);
  }

  /**
   * An event restored from the cloud's copy of the log: the drawer's part of it, as when it was
   * appended (no kick), and its own session events (./drawer-restore.ts). A restored pairing
   * assigns no drawer: the device itself is not restored (its credential is not in the log), and
   * pairing it again assigns one.
   */
  restored(tx: Tx, event: StoreEvent): void {
    restoreDrawerEvent(this.ctx.repository, tx, event);
    if (event.type !== 'device.paired') this.onAppend(tx, event);
  }

  /** Inside the transaction of every appended event: a counter screen paired, or cash taken on a drawer's device. */
  private onAppend(tx: Tx, event: StoreEvent): void {
    if (event.type === 'device.paired') {
      const data = event.data as { deviceId?: unknown; role?: unknown };
      const drawer = data.role === 'counter' ? this.ctx.repository.defaultDrawer(tx) : undefined;
      if (typeof data.deviceId === 'string' && drawer)
        this.ctx.repository.assign(tx, data.deviceId, drawer.id, Date.parse(event.at));
      return;
    }
    if (!CASH_EVENT_TYPES.has(event.type) || event.device === null) return;
    const taken = cashTakenBy(event);
    if (taken.length === 0) return;
    const drawerId = this.ctx.repository.assignmentOf(event.device, tx);
    if (!drawerId) return;
    const at = Date.parse(event.at);
    for (const cash of taken) {
      const state = this.ctx.repository.load(drawerId, tx);
      if (!state || !takesCash(state)) return;
      try {
        const decision = decideDrawer(
          state,
          { kind: 'take-cash', ...cash },
          this.env({ actor: event.actor, device: event.device }, at),
        );
        if (decision.move) {
          this.ctx.repository.insertMove(tx, {
            ...decision.move,
            drawerId,
            eventSeq: event.seq,
            actor: event.actor,
            device: event.device,
            at,
          });
        }
      } catch (err) {
        // A refusal of the cash rules must not undo a payment: it stays out of the drawer, and says so.
        if (!isTillboxError(err)) throw err;
        this.ctx.log.warn({ err, seq: event.seq, paymentId: cash.paymentId }, 'cash left out of its drawer');
      }
    }
  }

  /** After a cash payment commits: ask for its drawer to be kicked open. */
  private afterCommit(events: readonly StoreEvent[]): void {
    const kicks = events.filter(
      (e) =>
        e.device !== null &&
        CASH_EVENT_TYPES.has(e.type) &&
        !isRestoredEvent(this.ctx.events, e) &&
        cashTakenBy(e).length > 0,
    );
    if (kicks.length === 0) return;
    // After the other subscribers have heard this batch, so they hear the log in seq order.
    queueMicrotask(() => {
      for (const event of kicks) {
        try {
          this.kickFor(event);
        } catch (err) {
          this.ctx.log.error({ err, seq: event.seq }, 'asking for the drawer kick failed');
        }
      }
    });
  }

  private kickFor(event: StoreEvent): void {
    const device = event.device;
    if (device === null) return;
    const drawerId = this.ctx.repository.assignmentOf(device);
    if (!drawerId) return;
    const [cash] = cashTakenBy(event);
    if (!cash) return;
    const session = this.ctx.repository.load(drawerId)?.session;
    this.ctx.events.transact({ actor: event.actor, device }, (_tx, append) => {
      append({
        type: 'drawer.kick-requested',
        subject: drawerId,
        data: {
          drawerId,
          ...(session ? { sessionId: session.id } : {}),
          reason: cash.direction === 'sale' ? 'cash-sale' : 'cash-refund',
          orderId: cash.orderId,
        },
      });
    });
  }
}
