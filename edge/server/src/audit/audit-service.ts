/**
 * Recording and reading the audit log. A capability records its audit row with
 * {@link AuditService.record} inside the transaction of the change (so the row and the change
 * commit or roll back together); what changes nothing else (a refused permission, a failed PIN)
 * goes through {@link AuditService.recordAlone}. Never put a PIN, credential or card data in an
 * entry.
 */
import type {
  AuditAction,
  AuditDetail,
  AuditEntryInput,
  AuditPage,
  AuditRowView,
  AuditVerification,
  StoreEvent,
} from '@tillbox/core';
import type { Tx } from '../db/database.js';
import type { AuditPageQuery, AuditRepository } from './audit-repository.js';

/** Events that are themselves audit rows (the order's money and fate, or a drawer's cash, changed by a person). */
const AUDITED_EVENTS: ReadonlySet<string> = new Set([
  'order.voided',
  'order.refunded',
  'order.cancelled',
  'order.discounted',
  'order.price-overridden',
  'order.transferred',
  'tips.declared',
  'drawer.cash-moved',
  'drawer.no-sale',
  'drawer.closed',
  'day.closed',
  'stock.received',
  'stock.wasted',
  'stock.counted',
  'stock.untracked',
  'log.restored',
  // A customer display now shows a counter's tickets: who linked it, from which counter.
  'device.linked',
]);

/** 86 switches are audited when a person threw them, not when a count reached zero or came back. */
const AUDITED_WHEN_MANUAL: ReadonlySet<string> = new Set(['stock.86d', 'stock.un86d']);

function audited(event: StoreEvent): boolean {
  if (AUDITED_EVENTS.has(event.type)) return true;
  return AUDITED_WHEN_MANUAL.has(event.type) && (event.data as { reason?: unknown }).reason === 'manual';
}

/** Payload members left out of an audit row: an order's re-priced lines and explanations, and a Z report, stay in the event log. */
const NOT_AUDITED: ReadonlySet<string> = new Set(['lines', 'pricing', 'report']);

/** An event's payload as an audit detail: its top-level facts, arrays summarised, within the detail's bounds. */
function auditDetail(data: unknown): AuditDetail {
  if (data === null || typeof data !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)
    .filter(([key]) => !NOT_AUDITED.has(key))
    .slice(0, 24)) {
    out[k] = Array.isArray(v) ? v.slice(0, 20) : v;
  }
  // Event payloads are parsed JSON (the catalogue's schemas), so they are JSON values.
  const json = JSON.parse(JSON.stringify(out)) as AuditDetail;
  return JSON.stringify(json).length <= 3500 ? json : { summary: JSON.stringify(json).slice(0, 3500) };
}

export interface AuditServiceContext {
  repository: AuditRepository;
  /** The clock (epoch milliseconds); rows are stamped with it. */
  now?: () => number;
}

export class AuditService {
  private readonly repository: AuditRepository;
  private readonly now: () => number;

  constructor(context: AuditServiceContext) {
    this.repository = context.repository;
    this.now = context.now ?? Date.now;
  }

  /** Append a row in `tx`, the transaction of the change it records. */
  record(tx: Tx, entry: AuditEntryInput): AuditRowView {
    return this.repository.append(tx, entry, this.now());
  }

  /** Append a row in a transaction of its own. Never call it inside another transaction: use {@link record}. */
  recordAlone(entry: AuditEntryInput): AuditRowView {
    return this.repository.appendAlone(entry, this.now());
  }

  /**
   * The audit rows an event implies, recorded in its transaction: voids, refunds,
   * cancellations, discounts and price overrides of orders, and the approval of any command a
   * manager approved.
   */
  fromEvent(tx: Tx, event: StoreEvent): void {
    const { actor } = event;
    const base = { actor, device: event.device, subject: event.subject };
    if (audited(event)) {
      this.record(tx, { ...base, action: event.type as AuditAction, detail: auditDetail(event.data) });
    }
    if (actor.approvedBy) {
      this.record(tx, {
        ...base,
        action: 'override.approved',
        detail: { event: event.type, approver: actor.approvedBy.id, approverRole: actor.approvedBy.role },
      });
    }
  }

  /** Rows newest first. */
  page(query: AuditPageQuery = {}): AuditPage {
    return this.repository.page(query);
  }

  /** Check the whole chain; names the first broken row. */
  verify(): Promise<AuditVerification> {
    return this.repository.verify();
  }
}
