/**
 * Bumps on their way to the edge, as pure functions: how the station's tickets look with them
 * applied (a cook never sees a bump undone because the network was slow or away), and what an
 * answer to a replayed bump means.
 */
import { ApiError } from '$lib/api.js';
import type { TicketScreenCommand } from '$lib/live-orders.svelte.js';
import type { StationTicket, TicketLine } from './tickets.js';

/** The ticket commands that queue while the edge is unreachable. */
export type QueueableCommand = Exclude<TicketScreenCommand, { kind: 'recall' }>;

export interface QueuedBump {
  /** Queue order: replayed lowest first. */
  seq: number;
  orderId: string;
  orderNumber: number;
  ticketId: string;
  command: QueueableCommand;
}

/**
 * The tickets as they will be once the queued commands are applied, in order: items bumped or
 * unbumped (marked `queued`), and tickets bumped (or whose every item is) left out. Tickets with
 * nothing queued keep their objects, so a long list redraws only what changed.
 */
export function applyQueued(tickets: readonly StationTicket[], queue: readonly QueuedBump[]): StationTicket[] {
  if (queue.length === 0) return [...tickets];
  const byTicket = new Map<string, QueuedBump[]>();
  for (const q of queue) byTicket.set(q.ticketId, [...(byTicket.get(q.ticketId) ?? []), q]);
  const out: StationTicket[] = [];
  for (const entry of tickets) {
    const queued = byTicket.get(entry.ticket.id);
    if (!queued) {
      out.push(entry);
      continue;
    }
    if (queued.some((q) => q.command.kind === 'bump')) continue;
    let lines: TicketLine[] = entry.lines;
    for (const { command } of queued) {
      if (command.kind === 'bump') continue;
      const bumped = command.kind === 'bump-item';
      lines = lines.map((l) =>
        l.line.lineId === command.lineId ? { ...l, bumpedAt: bumped ? 'queued' : undefined, queued: true } : l,
      );
    }
    // The edge bumps a ticket with its last item.
    if (lines.length > 0 && lines.every((l) => l.bumpedAt !== undefined)) continue;
    out.push({ ...entry, lines });
  }
  return out;
}

/** What a replayed command's failure means: try again later, already done, or refused for good. */
export type ReplayOutcome = 'retry' | 'done' | 'refused';

/**
 * A command the edge did not answer (network, or the edge failing) is sent again later. A
 * conflict means the ticket or item already is where the command would put it (bumped before the
 * answer was lost, by another screen, or its order left the kitchen): done. Anything else the
 * edge refused (a revoked screen, an unknown ticket) is refused.
 */
export function replayOutcome(error: unknown): ReplayOutcome {
  if (!(error instanceof ApiError)) return 'refused';
  if (error.retryable) return 'retry';
  return error.status === 409 ? 'done' : 'refused';
}
