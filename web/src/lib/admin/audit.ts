/** How the admin screen words an audit row's people and details. */
import type { Actor, Approver, AuditRowView } from '@tillbox/core';

const KINDS: Readonly<Record<string, string>> = {
  device: 'screen',
  guest: 'guest',
  cloud: 'cloud relay',
  system: 'the store box',
};

/** "Robin (admin)", or for someone without a name their kind and role ("guest at kiosk"). */
export function actorLabel(actor: Pick<Actor, 'kind' | 'role' | 'name'> | Approver): string {
  if (actor.name) return actor.name.includes(`(${actor.role})`) ? actor.name : `${actor.name} (${actor.role})`;
  if (actor.kind === 'system') return KINDS.system ?? 'system';
  return `${KINDS[actor.kind] ?? actor.kind} · ${actor.role}`;
}

/** The row's details as "key: value" pairs, plain values only, e.g. "reason: guest left · role: kds". */
export function detailSummary(detail: AuditRowView['detail']): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || typeof value === 'object') continue;
    parts.push(`${key}: ${String(value)}`);
  }
  return parts.join(' · ');
}
