/**
 * Payment intents as stored: the only code that touches `payment_intents`. An intent is written
 * before the terminal is asked and moves on exactly once from each status (a compare-and-set on
 * the status, so two hands can never settle it twice); an order has at most one open intent
 * (a unique partial index). No card data: amount, the terminal's reference, times.
 */
import { intentStatusesBefore, type Actor, type OpenPaymentIntent, type PaymentIntentStatus } from '@tillbox/core';
import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { paymentIntents } from '../db/schema.js';

/** Written as the `payment_intents_unsettled` index's condition so SQLite reads through it. */
const UNSETTLED = sql`status in ('open', 'reversal-pending')`;

export type PaymentIntentRow = typeof paymentIntents.$inferSelect;

/** The columns a change of status may set besides the status. */
export interface IntentChange {
  reference?: string;
  paymentId?: string;
  /** Why a person should look (null: nothing to do any more). */
  attention?: string | null;
  lastError?: string | null;
  nextAttemptAt?: number | null;
}

export class PaymentIntentRepository {
  private prepared: ReturnType<PaymentIntentRepository['prepare']> | undefined;

  constructor(private readonly db: Db) {}

  private prepare() {
    return {
      open: this.db
        .select()
        .from(paymentIntents)
        .where(and(eq(paymentIntents.orderId, sql.placeholder('orderId')), eq(paymentIntents.status, 'open')))
        .prepare(),
    };
  }

  private get q(): ReturnType<PaymentIntentRepository['prepare']> {
    this.prepared ??= this.prepare();
    return this.prepared;
  }

  /** The order's open intent, as its aggregate is loaded with it (inside a transaction it sees its writes). */
  openFor(orderId: string): OpenPaymentIntent | undefined {
    const row = this.q.open.get({ orderId });
    if (!row) return undefined;
    const intent: OpenPaymentIntent = { id: row.id, method: row.method, amount: row.amount, startedAt: row.createdAt };
    if (row.tip !== null) intent.tip = row.tip;
    if (row.part !== null) intent.part = row.part;
    return intent;
  }

  insert(
    tx: Tx,
    intent: {
      id: string;
      orderId: string;
      amount: number;
      currency: string;
      actor: Actor;
      device: string | null;
      /** A tip entered on the screen, charged with the amount. */
      tip?: number | undefined;
      /** The part of a split bill it pays. */
      part?: number | undefined;
    },
    at: number,
  ): void {
    tx.insert(paymentIntents)
      .values({
        ...intent,
        tip: intent.tip ?? null,
        part: intent.part ?? null,
        method: 'card',
        status: 'open',
        createdAt: at,
        updatedAt: at,
      })
      .run();
  }

  find(id: string): PaymentIntentRow | undefined {
    return this.db.select().from(paymentIntents).where(eq(paymentIntents.id, id)).get();
  }

  /**
   * Move an intent to `to` from a status that may precede it (or only from those of `from`),
   * setting `change` too. False when it is not in such a status any more (someone else settled it
   * first): nothing is written.
   */
  settle(
    id: string,
    to: PaymentIntentStatus,
    change: IntentChange,
    at: number,
    tx: Db | Tx = this.db,
    from: readonly PaymentIntentStatus[] = intentStatusesBefore(to),
  ): boolean {
    const allowed = from.filter((f) => intentStatusesBefore(to).includes(f));
    const result = tx
      .update(paymentIntents)
      .set({ ...change, status: to, updatedAt: at })
      .where(and(eq(paymentIntents.id, id), inArray(paymentIntents.status, allowed)))
      .run();
    return result.changes === 1;
  }

  /**
   * Card payments approved offline (store-and-forward) that no reconciliation has settled yet,
   * oldest first; read through the attention index (each has its reason set while pending).
   */
  pendingOffline(limit = 1000): PaymentIntentRow[] {
    return this.db
      .select()
      .from(paymentIntents)
      .where(and(isNotNull(paymentIntents.attention), eq(paymentIntents.status, 'approved-offline')))
      .orderBy(asc(paymentIntents.createdAt))
      .limit(limit)
      .all();
  }

  /**
   * A reconciliation forwarded what the terminal stored offline: every offline approval made up to
   * `upTo` is settled (approved, nothing for a person to do). Answers how many.
   */
  settleOffline(upTo: number, at: number): number {
    return this.db
      .update(paymentIntents)
      .set({ status: 'approved', attention: null, updatedAt: at })
      .where(
        and(
          isNotNull(paymentIntents.attention),
          eq(paymentIntents.status, 'approved-offline'),
          lte(paymentIntents.updatedAt, upTo),
        ),
      )
      .run().changes;
  }

  /** A reversal that failed again: it stays pending, with when to try next and why it failed. */
  reversalFailed(id: string, failures: number, nextAttemptAt: number, error: string, at: number): void {
    this.db
      .update(paymentIntents)
      .set({ reversalAttempts: failures, nextAttemptAt, lastError: error, updatedAt: at })
      .where(and(eq(paymentIntents.id, id), eq(paymentIntents.status, 'reversal-pending')))
      .run();
  }

  /** Open intents, oldest first (at start: the ones a crash left). */
  open(limit = 1000): PaymentIntentRow[] {
    return this.db
      .select()
      .from(paymentIntents)
      .where(and(UNSETTLED, eq(paymentIntents.status, 'open')))
      .orderBy(asc(paymentIntents.createdAt))
      .limit(limit)
      .all();
  }

  /** Pending reversals whose next attempt is due at `at`, oldest first. */
  dueReversals(at: number, limit = 20): PaymentIntentRow[] {
    return this.db
      .select()
      .from(paymentIntents)
      .where(and(UNSETTLED, eq(paymentIntents.status, 'reversal-pending'), lte(paymentIntents.nextAttemptAt, at)))
      .orderBy(asc(paymentIntents.nextAttemptAt))
      .limit(limit)
      .all();
  }

  /** Intents a person should look at, oldest first. */
  needingAttention(limit = 200): PaymentIntentRow[] {
    return this.db
      .select()
      .from(paymentIntents)
      .where(isNotNull(paymentIntents.attention))
      .orderBy(asc(paymentIntents.createdAt))
      .limit(limit)
      .all();
  }
}
