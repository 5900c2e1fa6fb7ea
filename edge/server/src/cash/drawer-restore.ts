/**
 * A drawer's session from its events restored from the cloud's copy of the log (docs/reliability.md):
 * opened, cash moved in or out, opened without a sale, counted and closed, read from each event
 * alone and saved through the drawer repository as the decision did. A drawer this box does not
 * have (a new box: its drawer was made with another id) is left alone.
 */
import {
  NO_FIGURES,
  type Approver,
  type DenominationCount,
  type DrawerMoveKind,
  type DrawerSession,
  type StoreEvent,
} from '@tillbox/core';
import type { Tx } from '../db/database.js';
import type { DrawerRepository } from './drawer-repository.js';

interface DrawerData {
  drawerId: string;
  sessionId: string;
  currency?: string;
  openingFloat?: number;
  count?: DenominationCount;
  moveId?: string;
  kind?: DrawerMoveKind;
  amount?: number;
  reason?: string;
  counted?: number;
  expected?: number;
  variance?: number;
  approvedBy?: Approver;
}

/** What a restored `drawer.*` event did to its drawer's session and ledger. */
export function restoreDrawerEvent(repository: DrawerRepository, tx: Tx, event: StoreEvent): void {
  if (!event.type.startsWith('drawer.') || event.type === 'drawer.kick-requested') return;
  const d = event.data as unknown as DrawerData;
  const state = repository.load(d.drawerId, tx);
  if (!state) return;
  const at = Date.parse(event.at);
  const session = state.session?.id === d.sessionId ? state.session : undefined;
  const by = { eventSeq: event.seq, actor: event.actor, device: event.device, at };
  switch (event.type) {
    case 'drawer.opened': {
      if (state.session) return;
      const opened: DrawerSession = {
        id: d.sessionId,
        drawerId: d.drawerId,
        currency: d.currency ?? '',
        status: 'open',
        openedAt: at,
        openedBy: event.actor,
        openedOn: event.device,
        figures: { ...NO_FIGURES, openingFloat: d.openingFloat ?? 0 },
        noSales: 0,
        ...(d.count ? { openingCount: d.count } : {}),
      };
      repository.saveSession(tx, undefined, opened);
      return;
    }
    case 'drawer.cash-moved':
    case 'drawer.no-sale': {
      if (!session || d.moveId === undefined) return;
      const kind = event.type === 'drawer.no-sale' ? 'no-sale' : (d.kind ?? 'paid-in');
      repository.insertMove(tx, {
        id: d.moveId,
        sessionId: session.id,
        drawerId: d.drawerId,
        kind,
        amount: kind === 'no-sale' ? 0 : (d.amount ?? 0),
        ...(d.reason ? { reason: d.reason } : {}),
        ...by,
      });
      return;
    }
    case 'drawer.counted':
    case 'drawer.closed': {
      if (!session) return;
      const count = session.count ?? {
        counted: d.counted ?? 0,
        count: d.count ?? {},
        expected: d.expected ?? 0,
        variance: d.variance ?? 0,
        at,
        by: event.actor,
      };
      const after: DrawerSession =
        event.type === 'drawer.counted'
          ? { ...session, status: 'counted', count }
          : {
              ...session,
              status: 'closed',
              count,
              closedAt: at,
              closedBy: event.actor,
              ...(d.approvedBy ? { approvedBy: d.approvedBy } : {}),
            };
      repository.saveSession(tx, session, after);
      return;
    }
    default:
      return;
  }
}
