/**
 * Every rule of a cash drawer, in one pure function: `decideDrawer(state, command, env)` answers
 * the events a command leads to, the state after them and the drawer move to record, or throws
 * a TillboxError saying why it does not apply. The edge loads the drawer with its current
 * session, decides, saves and appends in one transaction.
 *
 * - open: a staff member opens a closed drawer with a float, counted by denomination or as an amount;
 * - paid in / paid out (with a reason), safe drops, no-sale opens: only while the session is open;
 * - cash sales and cash refunds (`take-cash`): a cash payment taken on one of the drawer's devices
 *   while its session is open; no event of its own (the payment's event is the fact);
 * - count: the blind count by denomination. The expected figure is worked out here, never asked
 *   for; a variance within the store's threshold closes the session at once, past it the session
 *   waits, counted, for a manager's approval (`close`), unless the count came with one.
 */
import { approversOf } from '../auth/permissions.js';
import type { CommandContext } from '../auth/actors.js';
import { formatAmount } from '../commerce/explain.js';
import { TillboxError } from '../errors.js';
import type { DomainEvent } from '../events/catalogue.js';
import { countTotal, normalizeCount, type DenominationCount } from './denominations.js';
import { expectedCash, NO_FIGURES, type DrawerSession, type DrawerState } from './drawer.js';
import type { DrawerFigures, DrawerKickReason, DrawerMoveKind } from './events.js';

/** The most one float, move or payment may put in or take out (minor units). */
export const MAX_DRAWER_AMOUNT = 100_000_000;

export type DrawerCommand =
  | { kind: 'open'; float: { count: DenominationCount } | { amount: number } }
  | { kind: 'move'; move: DrawerMoveKind; amount: number; reason?: string }
  | { kind: 'no-sale'; reason?: string }
  | { kind: 'take-cash'; direction: 'sale' | 'refund'; amount: number; orderId: string; paymentId: string }
  | { kind: 'count'; count: DenominationCount }
  | { kind: 'close' };

export interface DrawerEnv {
  cmd: CommandContext;
  at: number;
  newId: () => string;
  /** The store currency (the commerce catalog's). */
  currency: string;
  /** A variance of more than this (minor units, either way) needs a manager's approval. */
  varianceApprovalAmount: number;
}

export type DrawerEvent = Extract<DomainEvent, { type: `drawer.${string}` }>;

/** A row of the drawer's ledger the edge records with the decision. */
export interface DrawerMoveRecord {
  id: string;
  sessionId: string;
  kind: DrawerMoveKind | 'no-sale' | 'cash-sale' | 'cash-refund';
  amount: number;
  reason?: string;
  orderId?: string;
  paymentId?: string;
}

export interface DrawerDecision {
  state: DrawerState;
  events: DrawerEvent[];
  move?: DrawerMoveRecord;
}

const NEEDS_APPROVAL = "needs a manager's approval";

function money(amount: number, currency: string): string {
  return formatAmount(amount, currency);
}

function staffOnly(cmd: CommandContext): void {
  if (cmd.actor.kind !== 'staff') throw new TillboxError('forbidden', 'only a signed-in staff member handles cash');
}

function approved(cmd: CommandContext): boolean {
  const by = cmd.actor.approvedBy;
  return by !== undefined && (approversOf('drawer.close') ?? []).includes(by.role);
}

function checkAmount(amount: number, path: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_DRAWER_AMOUNT)
    throw new TillboxError('validation', `an amount must be whole minor units from 0 to ${MAX_DRAWER_AMOUNT}`, {
      details: [{ path, message: `got ${amount}` }],
    });
}

/** The session, open (taking cash), or why not. */
function openSession(state: DrawerState): DrawerSession {
  const { drawer, session } = state;
  if (!session) throw new TillboxError('conflict', `${drawer.name} is not open: open it with a float first`);
  if (session.status === 'counted')
    throw new TillboxError(
      'conflict',
      `${drawer.name} has been counted: it takes no more cash until it is opened again`,
    );
  return session;
}

const kick = (state: DrawerState, sessionId: string, reason: DrawerKickReason, orderId?: string): DrawerEvent => ({
  type: 'drawer.kick-requested',
  data: { drawerId: state.drawer.id, sessionId, reason, ...(orderId ? { orderId } : {}) },
});

export function decideDrawer(state: DrawerState, command: DrawerCommand, env: DrawerEnv): DrawerDecision {
  switch (command.kind) {
    case 'open':
      return open(state, command.float, env);
    case 'move':
      return move(state, command, env);
    case 'no-sale':
      return noSale(state, command.reason, env);
    case 'take-cash':
      return takeCash(state, command, env);
    case 'count':
      return count(state, command.count, env);
    case 'close':
      return close(state, env);
  }
}

function open(state: DrawerState, float: { count: DenominationCount } | { amount: number }, env: DrawerEnv) {
  staffOnly(env.cmd);
  const { drawer } = state;
  if (!drawer.active) throw new TillboxError('conflict', `${drawer.name} is out of use`);
  if (state.session)
    throw new TillboxError(
      'conflict',
      state.session.status === 'open'
        ? `${drawer.name} is already open`
        : `${drawer.name} is counted and waits for a manager to close it`,
    );
  const count = 'count' in float ? normalizeCount(float.count) : undefined;
  const openingFloat = count ? countTotal(count, env.currency) : (float as { amount: number }).amount;
  checkAmount(openingFloat, 'float');
  const session: DrawerSession = {
    id: env.newId(),
    drawerId: drawer.id,
    currency: env.currency,
    status: 'open',
    openedAt: env.at,
    openedBy: env.cmd.actor,
    openedOn: env.cmd.device,
    ...(count ? { openingCount: count } : {}),
    figures: { ...NO_FIGURES, openingFloat },
    noSales: 0,
  };
  const opened: DrawerEvent = {
    type: 'drawer.opened',
    data: {
      drawerId: drawer.id,
      sessionId: session.id,
      currency: env.currency,
      openingFloat,
      ...(count ? { count } : {}),
    },
  };
  return { state: { drawer, session }, events: [opened, kick(state, session.id, 'open')] };
}

const FIGURE_OF: Record<DrawerMoveKind, keyof DrawerFigures> = {
  'paid-in': 'paidIn',
  'paid-out': 'paidOut',
  'safe-drop': 'safeDrops',
};

function move(state: DrawerState, command: Extract<DrawerCommand, { kind: 'move' }>, env: DrawerEnv) {
  staffOnly(env.cmd);
  const session = openSession(state);
  const { amount } = command;
  checkAmount(amount, 'amount');
  if (amount === 0)
    throw new TillboxError('validation', 'an amount of zero moves nothing', {
      details: [{ path: 'amount', message: 'more than 0' }],
    });
  const reason = command.reason?.trim() || undefined;
  if (command.move !== 'safe-drop' && !reason)
    throw new TillboxError('validation', `a ${command.move} needs a reason`, {
      details: [{ path: 'reason', message: 'say what it was for' }],
    });
  const figures = { ...session.figures, [FIGURE_OF[command.move]]: session.figures[FIGURE_OF[command.move]] + amount };
  if (command.move !== 'paid-in' && expectedCash(figures) < 0)
    // Says no figure: the close is blind, so the drawer's expected cash is never shown before the count.
    throw new TillboxError(
      'conflict',
      `${money(amount, session.currency)} is more than ${state.drawer.name} should hold: count what is there`,
    );
  const moveId = env.newId();
  const data = {
    drawerId: state.drawer.id,
    sessionId: session.id,
    moveId,
    kind: command.move,
    amount,
    ...(reason ? { reason } : {}),
  };
  return {
    state: { drawer: state.drawer, session: { ...session, figures } },
    events: [{ type: 'drawer.cash-moved', data } as DrawerEvent, kick(state, session.id, command.move)],
    move: { id: moveId, sessionId: session.id, kind: command.move, amount, ...(reason ? { reason } : {}) },
  };
}

function noSale(state: DrawerState, rawReason: string | undefined, env: DrawerEnv): DrawerDecision {
  staffOnly(env.cmd);
  const session = openSession(state);
  const reason = rawReason?.trim() || undefined;
  const moveId = env.newId();
  return {
    state: { drawer: state.drawer, session: { ...session, noSales: session.noSales + 1 } },
    events: [
      {
        type: 'drawer.no-sale',
        data: { drawerId: state.drawer.id, sessionId: session.id, moveId, ...(reason ? { reason } : {}) },
      },
      kick(state, session.id, 'no-sale'),
    ],
    move: { id: moveId, sessionId: session.id, kind: 'no-sale', amount: 0, ...(reason ? { reason } : {}) },
  };
}

function takeCash(state: DrawerState, command: Extract<DrawerCommand, { kind: 'take-cash' }>, env: DrawerEnv) {
  const session = openSession(state);
  checkAmount(command.amount, 'amount');
  const key = command.direction === 'sale' ? 'cashSales' : 'cashRefunds';
  const figures = { ...session.figures, [key]: session.figures[key] + command.amount };
  return {
    state: { drawer: state.drawer, session: { ...session, figures } },
    events: [],
    move: {
      id: env.newId(),
      sessionId: session.id,
      kind: command.direction === 'sale' ? ('cash-sale' as const) : ('cash-refund' as const),
      amount: command.amount,
      orderId: command.orderId,
      paymentId: command.paymentId,
    },
  };
}

function count(state: DrawerState, raw: DenominationCount, env: DrawerEnv): DrawerDecision {
  staffOnly(env.cmd);
  const { drawer, session } = state;
  if (!session) throw new TillboxError('conflict', `${drawer.name} is not open: there is nothing to count`);
  if (session.status === 'counted')
    throw new TillboxError('conflict', `${drawer.name} is already counted: a manager approves the close`);
  const counted = countTotal(raw, session.currency);
  checkAmount(counted, 'count');
  const countDone = normalizeCount(raw);
  const expected = expectedCash(session.figures);
  const variance = counted - expected;
  const needsApproval = Math.abs(variance) > env.varianceApprovalAmount;
  const after: DrawerSession = {
    ...session,
    status: 'counted',
    count: { counted, count: countDone, expected, variance, at: env.at, by: env.cmd.actor },
  };
  const countedEvent: DrawerEvent = {
    type: 'drawer.counted',
    data: {
      drawerId: drawer.id,
      sessionId: session.id,
      counted,
      count: countDone,
      expected,
      variance,
      figures: session.figures,
      needsApproval,
    },
  };
  if (needsApproval && !approved(env.cmd)) return { state: { drawer, session: after }, events: [countedEvent] };
  const closing = closeCounted({ drawer, session: after }, env);
  return { state: closing.state, events: [countedEvent, ...closing.events] };
}

function close(state: DrawerState, env: DrawerEnv): DrawerDecision {
  staffOnly(env.cmd);
  const { drawer, session } = state;
  if (!session) throw new TillboxError('conflict', `${drawer.name} is not open`);
  if (session.status !== 'counted')
    throw new TillboxError('conflict', `${drawer.name} has not been counted: count it first (blind, by denomination)`);
  return closeCounted(state, env);
}

/** Close a counted session: past the threshold only with a manager's approval on the command. */
function closeCounted(state: DrawerState, env: DrawerEnv): DrawerDecision {
  const { drawer, session } = state;
  const tally = session?.count;
  if (!session || !tally) throw new TillboxError('internal', 'closing a session that has no count');
  const over = Math.abs(tally.variance) > env.varianceApprovalAmount;
  const approver = env.cmd.actor.approvedBy;
  if (over && !approved(env.cmd)) {
    const side = tally.variance > 0 ? 'over' : 'short';
    throw new TillboxError(
      'forbidden',
      `${drawer.name} is ${money(Math.abs(tally.variance), session.currency)} ${side}, more than ${money(env.varianceApprovalAmount, session.currency)}: closing it ${NEEDS_APPROVAL}`,
      { details: [{ path: 'override', message: "a manager's staff id and PIN" }] },
    );
  }
  const closed: DrawerSession = {
    ...session,
    status: 'closed',
    closedAt: env.at,
    closedBy: env.cmd.actor,
    ...(over && approver ? { approvedBy: approver } : {}),
  };
  const event: DrawerEvent = {
    type: 'drawer.closed',
    data: {
      drawerId: drawer.id,
      sessionId: session.id,
      currency: session.currency,
      openedAt: new Date(session.openedAt).toISOString(),
      figures: session.figures,
      noSales: session.noSales,
      expected: tally.expected,
      counted: tally.counted,
      variance: tally.variance,
      ...(closed.approvedBy ? { approvedBy: closed.approvedBy } : {}),
    },
  };
  return { state: { drawer, session: closed }, events: [event] };
}
