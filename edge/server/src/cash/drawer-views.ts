/**
 * A drawer session as the screens see it. Blind while open: the float and the staff's own moves
 * (paid in / out, drops, no-sales), never the cash sales or what the drawer should hold; once
 * counted, the result — counted, expected, variance and the figures behind it.
 */
import type { Actor, DrawerMoveView, DrawerSession, DrawerSessionView } from '@tillbox/core';
import type { StoredMove } from './drawer-repository.js';

const iso = (ms: number): string => new Date(ms).toISOString();

function who(actor: Actor): DrawerSessionView['openedBy'] {
  return {
    kind: actor.kind,
    id: actor.id,
    role: actor.role,
    ...(actor.name !== undefined ? { name: actor.name } : {}),
  };
}

function moveView(m: StoredMove): DrawerMoveView | undefined {
  if (m.kind === 'cash-sale' || m.kind === 'cash-refund') return undefined;
  return {
    id: m.id,
    kind: m.kind,
    amount: m.amount,
    ...(m.reason !== undefined ? { reason: m.reason } : {}),
    at: iso(m.at),
    by: who(m.actor),
  };
}

/** The view of a session; `moves` are its stored moves (cash sales and refunds are left out). */
export function sessionView(
  session: DrawerSession,
  moves: readonly StoredMove[],
  varianceApprovalAmount: number,
): DrawerSessionView {
  const view: DrawerSessionView = {
    id: session.id,
    drawerId: session.drawerId,
    status: session.status,
    currency: session.currency,
    openedAt: iso(session.openedAt),
    openedBy: who(session.openedBy),
    openingFloat: session.figures.openingFloat,
    moves: moves.map(moveView).filter((m): m is DrawerMoveView => m !== undefined),
  };
  if (session.openingCount) view.openingCount = session.openingCount;
  const c = session.count;
  if (c) {
    view.result = {
      counted: c.counted,
      count: c.count,
      expected: c.expected,
      variance: c.variance,
      needsApproval: session.status === 'counted' && Math.abs(c.variance) > varianceApprovalAmount,
      figures: session.figures,
      countedAt: iso(c.at),
      countedBy: who(c.by),
    };
  }
  if (session.closedAt !== undefined) view.closedAt = iso(session.closedAt);
  if (session.closedBy) view.closedBy = who(session.closedBy);
  if (session.approvedBy) view.approvedBy = who(session.approvedBy);
  return view;
}
