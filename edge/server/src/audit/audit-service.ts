/**
 * Recording and reading the audit log. A capability records its audit row with
 * {@link AuditService.record} inside the transaction of the change (so the row and the change
 * commit or roll back together); what changes nothing else (a refused permission, a failed PIN)
 * goes through {@link AuditService.recordAlone}. Never put a PIN, credential or card data in an
 * entry.
 */
import type { AuditEntryInput, AuditPage, AuditRowView, AuditVerification } from '@tillbox/core';
import type { Tx } from '../db/database.js';
import type { AuditPageQuery, AuditRepository } from './audit-repository.js';

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

  /** Rows newest first. */
  page(query: AuditPageQuery = {}): AuditPage {
    return this.repository.page(query);
  }

  /** Check the whole chain; names the first broken row. */
  verify(): Promise<AuditVerification> {
    return this.repository.verify();
  }
}
