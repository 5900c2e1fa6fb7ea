/**
 * End of day: the X report (every event since the last Z up to the head of the log, any time,
 * changing nothing) and the Z report, which closes the business day — computed and appended as
 * `day.closed {businessDay, fromSeq, throughSeq, report}` in one transaction, so no event can slip
 * between the head it read and the close. After it the day takes nothing more (see
 * `BusinessDays`). A closed day's report is the stored one, never computed again differently.
 *
 * The open period's sums are kept as events commit (the core's `DayReportBuilder`, the same fold
 * `dayReport` makes of the log): built from the log in one pass by seq when a report is first
 * asked for (not at start: a store's boot never waits for it), again if hearing a batch ever
 * fails, caught up from the log if it is behind the head, and started afresh by each `day.closed`.
 */
import {
  DayReportBuilder,
  TillboxError,
  dayReportDocument,
  dayReportText,
  type ClosedDays,
  type CommandContext,
  type DayReport,
  type DayReportPrint,
  type PendingCardPayment,
  type ReportPerson,
  type StoreEvent,
} from '@tillbox/core';
import type { EventLog } from '../events/event-log.js';
import { renderTicketEscPos } from '../kitchen/escpos-render.js';
import type { BusinessDays } from './business-days.js';
import type { DayReportRepository, StoredClose } from './day-report-repository.js';

export interface DayReportServiceContext {
  events: EventLog;
  repository: DayReportRepository;
  days: BusinessDays;
  store: { timeZone: string };
  /** The store's currency (the pricing engine's). */
  currency: () => string;
  /** Card payments not settled now: intents under way or needing a person (not in the event log). */
  pendingCardPayments: () => PendingCardPayment[];
  /** A drawer's name, for the report to show. */
  drawerName: (drawerId: string) => string | undefined;
  now?: () => number;
}

/** Names of staff by id, for the report to show (else the name their events carried). */
export type StaffNames = Pick<ReadonlyMap<string, string>, 'get'>;

interface Period {
  builder: DayReportBuilder;
  /** Rows of the period the log could not read. */
  damaged: number;
}

function personOf(actor: CommandContext['actor']): ReportPerson {
  return {
    kind: actor.kind,
    id: actor.id,
    role: actor.role,
    ...(actor.name !== undefined ? { name: actor.name } : {}),
  };
}

/** The calendar day before `day` (`YYYY-MM-DD`). */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The business day a report of the period closes: the open day, unless orders of an earlier day
 * were placed in it (nobody closed last night) — then that day, looking back one day at most (a
 * store's first Z, or one after days left open, is named after yesterday and lists its order days).
 */
function dayToClose(earliestPlaced: string | undefined, open: string): string {
  if (earliestPlaced === undefined || earliestPlaced >= open) return open;
  const yesterday = dayBefore(open);
  return earliestPlaced > yesterday ? earliestPlaced : yesterday;
}

export class DayReportService {
  private readonly now: () => number;
  private period: Period | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly ctx: DayReportServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  /** Follow the log (the open period is read from it when a report is first asked for, not at start). */
  start(): void {
    this.unsubscribe = this.ctx.events.subscribe((batch) => this.heard(batch));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.period = undefined;
  }

  private fresh(afterSeq: number): Period {
    const builder = new DayReportBuilder(afterSeq + 1, this.ctx.store.timeZone, (orderId) =>
      this.ctx.repository.orderHistory([orderId], afterSeq + 1),
    );
    return { builder, damaged: 0 };
  }

  private heard(batch: readonly StoreEvent[]): void {
    if (!this.period) return; // read from the log when first needed
    try {
      for (const e of batch) {
        if (e.type === 'day.closed') {
          const through = (e.data as { throughSeq?: unknown }).throughSeq;
          this.period = this.fresh(typeof through === 'number' ? through : e.seq);
        }
        this.period.builder.add(e);
      }
    } catch {
      this.period = undefined; // read again from the log when next needed
    }
  }

  /** The open period's sums, up to the head of the log. */
  private current(): Period {
    this.period ??= this.fresh(this.ctx.repository.lastClose()?.data.throughSeq ?? 0);
    const { builder } = this.period;
    const head = this.ctx.events.lastSeq;
    if (builder.throughSeq < head) {
      const { events, damaged } = this.ctx.repository.period(builder.throughSeq, head);
      for (const e of events) builder.add(e);
      builder.advanceTo(head);
      this.period.damaged += damaged;
    }
    return this.period;
  }

  private report(kind: 'x' | 'z', at: number, staff: StaffNames, closedBy?: ReportPerson): DayReport {
    const { builder, damaged } = this.current();
    return builder.report({
      kind,
      businessDay: dayToClose(builder.earliestPlacedDay, this.ctx.days.dayAt(at)),
      currency: this.ctx.currency(),
      throughSeq: builder.throughSeq,
      generatedAt: new Date(at).toISOString(),
      pendingCardPayments: this.ctx.pendingCardPayments(),
      names: { staff, drawers: { get: this.ctx.drawerName } },
      damagedEvents: damaged,
      ...(closedBy ? { closedBy } : {}),
    });
  }

  /** The X report: everything since the last Z, now. Changes nothing. */
  x(staff: StaffNames): DayReport {
    return this.report('x', this.now(), staff);
  }

  /**
   * Close the open business day with a Z report. `businessDay` is the day the person saw and
   * confirmed: a day already closed, or not the open one, is refused and nothing changes.
   */
  close(cmd: CommandContext, businessDay: string, staff: StaffNames): DayReport {
    const at = this.now();
    const report = this.ctx.events.transact(cmd, (_tx, append) => {
      const last = this.ctx.repository.lastClose();
      const done =
        this.ctx.repository.closeOf(businessDay) ?? (last?.data.businessDay === businessDay ? last : undefined);
      if (done) throw this.alreadyClosed(done);
      if (last && businessDay < last.data.businessDay)
        throw new TillboxError(
          'conflict',
          `Business day ${businessDay} is before the last closed day (${last.data.businessDay}): it cannot be closed now`,
          { details: [{ path: 'businessDay', message: `the open day comes after ${last.data.businessDay}` }] },
        );
      const z = this.report('z', at, staff, personOf(cmd.actor));
      if (z.businessDay !== businessDay)
        throw new TillboxError(
          'conflict',
          `The open business day is ${z.businessDay}, not ${businessDay}: look at the X report again, then close ${z.businessDay}`,
          { details: [{ path: 'businessDay', message: `the open day is ${z.businessDay}` }] },
        );
      append({
        type: 'day.closed',
        subject: businessDay,
        at,
        data: { businessDay, fromSeq: z.fromSeq, throughSeq: z.throughSeq, report: z },
      });
      return z;
    });
    this.ctx.days.dayClosed(businessDay);
    return report;
  }

  private alreadyClosed(done: StoredClose): TillboxError {
    const by = done.actor.name ?? done.actor.role;
    const when = new Date(done.at).toISOString();
    return new TillboxError(
      'conflict',
      `Business day ${done.data.businessDay} is already closed: its Z report was taken at ${when} by ${by}. A day is closed once`,
      { details: [{ path: 'businessDay', message: 'already closed' }] },
    );
  }

  /** The stored Z report of a closed day (the latest one when no day is given). */
  closed(day?: string): DayReport {
    const found = day === undefined ? this.ctx.repository.lastClose() : this.ctx.repository.closeOf(day);
    if (!found) {
      const open = this.ctx.days.dayAt(this.now());
      throw new TillboxError(
        'not-found',
        day === undefined
          ? 'No business day has been closed yet: take a Z report to close one'
          : `Business day ${day} has no Z report (the open day is ${open}; a day left open is closed with the next Z)`,
      );
    }
    return found.data.report;
  }

  /** The latest closed days, newest first, and the day new orders go to now. */
  closedDays(limit: number): ClosedDays {
    return {
      openDay: this.ctx.days.dayAt(this.now()),
      days: this.ctx.repository.closes(limit).map((c) => ({
        businessDay: c.data.businessDay,
        closedAt: new Date(c.at).toISOString(),
        ...(c.data.report.closedBy ? { closedBy: c.data.report.closedBy } : {}),
        fromSeq: c.data.fromSeq,
        throughSeq: c.data.throughSeq,
        total: c.data.report.sales.net,
      })),
    };
  }

  /** A closed day's Z report as ESC/POS bytes for a printer `width` characters wide, and as text. */
  print(day: string, width: number): DayReportPrint {
    const report = this.closed(day);
    const doc = dayReportDocument(report, { width });
    return {
      businessDay: report.businessDay,
      width,
      contentType: 'application/vnd.escpos',
      base64: renderTicketEscPos(doc).toString('base64'),
      text: dayReportText(report, { width }),
    };
  }
}
