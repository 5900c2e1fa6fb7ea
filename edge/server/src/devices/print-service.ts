/**
 * Print jobs: recorded from the log by a consumer with a durable cursor, carried out after that.
 *
 * - **Recording** ({@link PRINT_AFTER_MS} after the commit, at the start of the print run — or of a
 *   recording pass of its own while the hub is not printing yet or a run is under way; at most
 *   {@link RECORD_CHUNK} events per commit, the next chunk on a later turn of the event loop): a
 *   log consumer (`print-jobs` cursor) hands over the committed events; `order.fired` → one
 *   ticket job per fired ticket whose station prints tickets (`kitchen.stations[].printTickets`)
 *   and has a kitchen printer; `order.paid` on a screen of the store (not an order paid in the
 *   app) → its receipt; `drawer.kick-requested` → a kick through the drawer's printer. The jobs
 *   and the cursor's advance past their events are one commit, so after a crash the consumer
 *   hands over the same events again; each job's idempotency key names the event and the ticket,
 *   so an event recorded twice is one job. The order's own transaction writes no print job (it
 *   was ~6 of its ~35 pages and ~0.15 ms of the order's path to the kitchen screens:
 *   docs/performance.md). Events restored from the cloud's copy of the log print nothing: the
 *   restore moves this cursor past them.
 * - **Carrying out** ({@link PRINT_AFTER_MS} after a commit or a printer coming back): due jobs
 *   printer by printer in the order they were made, in runs of up to {@link RUN_MAX}: a run is
 *   claimed (queued → printing) in one commit before its first bytes go, its jobs are sent one
 *   after another (in one session with a printer asked its status before each: `printer.ts`) and
 *   each is marked printed once its printer took it. Claims and marks of every
 *   printer made in one turn share one commit (`print-job-commits.ts`). A failed attempt puts the
 *   printer's waiting jobs (the rest of its run too) back with a growing delay, and after
 *   `rerouteAfterFailures` on their printer, on its backup; a stop puts the unsent rest back.
 * - **Restarts**: a job found `printing` at start may have printed; it becomes `unconfirmed`
 *   (shown to staff, reprintable) and is never sent again by itself. After a crash that can be a
 *   whole run: the job being sent and the rest of its run.
 */
import {
  isPrinter,
  TillboxError,
  uuidv7,
  type OrderView,
  type PrinterDevice,
  type PrintJobState,
  type Station,
  type StoreEvent,
} from '@tillbox/core';
import type { Logger } from 'pino';
import { MemoryCursor, PRINT_JOBS_CURSOR, type CursorRepository } from '../events/cursor-repository.js';
import type { EventLog } from '../events/event-log.js';
import { LogConsumer } from '../events/log-consumer.js';
import { isRestoredEvent } from '../events/log-restore.js';
import type { DeviceHub } from './device-hub.js';
import { PrintJobCommits } from './print-job-commits.js';
import type { NewPrintJob, PrintJobRepository, PrintJobRow } from './print-job-repository.js';
import { afterFailure, type RetryPolicy } from './print-policy.js';
import {
  renderKick,
  renderReceipt,
  renderTestSlip,
  renderTicket,
  type StoreForPrinting,
  type TicketJobDetail,
} from './print-render.js';

export interface PrintServiceContext {
  readonly events: EventLog;
  readonly hub: DeviceHub;
  readonly repository: PrintJobRepository;
  /** Where the print cursor is kept (its advance is committed with the jobs it recorded). */
  readonly cursors: Pick<CursorRepository, 'seq' | 'advance'>;
  /** The orders as the screens see them, by id. */
  readonly orders: (ids: readonly string[]) => Map<string, OrderView>;
  /** A cash drawer's name by id (profiles may name drawers). */
  readonly drawerName: (drawerId: string) => string | undefined;
  readonly stations: readonly Station[];
  readonly store: StoreForPrinting;
  readonly policy: RetryPolicy;
  readonly kickExpiryMs: number;
  /** The e-receipt's address for an order, or undefined. */
  readonly receiptUrl: (orderId: string) => string | undefined;
  readonly log: Logger;
  readonly now?: () => number;
}

/** The idempotency key of a job staff asked for, by the id their screen made. */
const clientKey = (id: string): string => `request:${id}`;

/**
 * Most jobs of one printer claimed in one commit. A crash while sending a run leaves all of its
 * jobs `unconfirmed` (staff reprint them), so a run is kept short; in a rush it is what piled up
 * behind the printer since its last run.
 */
export const RUN_MAX = 8;

/**
 * How long after a commit (or a printer coming back) its print run starts. By then the commit's
 * stream frames and HTTP answer are out, but the screens still have to take them in, and a run
 * started at once (rendering, its claim's disk sync, the printer's socket) competes with them for
 * the store box's cores: with the bench's twenty KDS clients on the same two cores, an order's
 * ticket took them 1.4 ms after its last frame was written instead of 0.7 ms (docs/performance.md,
 * 2026-11-30). A thermal printer takes about a second for a ticket; a few milliseconds later is the
 * same to the kitchen. Commits in the meantime join the same run.
 */
export const PRINT_AFTER_MS = 5;

/** Events a receipt is printed for: paid on a screen of the store, not paid in the app. */
const RECEIPT_ACTORS = new Set(['staff', 'guest', 'device']);

/** What recording a job needs of its event. */
type PrintingEvent = Pick<StoreEvent, 'seq' | 'id' | 'type' | 'actor' | 'data' | 'at'>;

/** The events that make print jobs, and their topics (what the consumer is handed). */
const PRINTING_EVENTS = new Set(['order.fired', 'order.paid', 'drawer.kick-requested']);
const PRINTING_TOPICS = ['order', 'drawer'];

/**
 * With nothing to record, the cursor's row is still moved on once it is this far behind, so a
 * restart does not read far back through events that print nothing.
 */
const CURSOR_LAG = 1000;

/**
 * Most events whose jobs one recording commit writes. Events that piled up (a rush while the
 * printers are busy, a restart behind the log) are recorded this many at a time, one commit per
 * turn of the event loop: recording 600 events in one go held the event loop ~35 ms, with every
 * order's request and screen frames behind it (docs/performance.md, 2026-11-30, session 9).
 */
export const RECORD_CHUNK = 64;

/** A failed recording pass is tried again after this, doubling up to {@link RECORD_RETRY_MAX_MS}. */
const RECORD_RETRY_MS = 200;
const RECORD_RETRY_MAX_MS = 30_000;

export class PrintService {
  #started = false;
  #printing = false;
  /** Hands over the committed events that make print jobs, from the print cursor on. */
  #consumer: LogConsumer | undefined;
  /** Events handed over and not yet recorded (the cursor's row is still before them). */
  #unrecorded: PrintingEvent[] = [];
  /** The seq in the cursor's row. */
  #recordedThrough = 0;
  /**
   * A recording pass of its own: while the hub is not printing or a run is under way (otherwise
   * the next run records first), for the next chunk of a backlog, or after a failed pass.
   */
  #recordTimer: NodeJS.Timeout | undefined;
  /** When {@link #recordTimer} is due (`performance.now()`). */
  #recordDue = 0;
  #recordRetryMs = RECORD_RETRY_MS;
  readonly #unwatch: (() => void)[] = [];
  #running: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  /** {@link #timer} is a wake's (due within {@link PRINT_AFTER_MS}), not a retry's. */
  #woken = false;
  readonly #commits: PrintJobCommits;

  constructor(private readonly ctx: PrintServiceContext) {
    this.#commits = new PrintJobCommits(ctx.repository, ctx.log);
  }

  #now(): number {
    return (this.ctx.now ?? Date.now)();
  }

  /** Record jobs from the log: from the print cursor on, then each command's as it commits. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    for (const job of this.ctx.repository.markInterrupted(this.#now()))
      this.ctx.log.warn(
        { job: job.id, kind: job.kind, printer: job.deviceId },
        'print job interrupted by a stop: unconfirmed, not sent again',
      );
    this.#recordedThrough = this.ctx.cursors.seq(PRINT_JOBS_CURSOR);
    this.#unrecorded = [];
    this.#consumer = new LogConsumer({
      events: this.ctx.events,
      // Advanced in memory as events are handed over; the row moves in the commit that records them.
      cursor: new MemoryCursor(PRINT_JOBS_CURSOR, this.#recordedThrough),
      topics: PRINTING_TOPICS,
      log: this.ctx.log,
      handler: (events) => this.#heard(events),
    });
    this.#consumer.start();
  }

  /** Carry out the jobs: those waiting from before, then each as it is recorded. */
  startPrinting(): void {
    if (!this.#started || this.#printing) return;
    this.#printing = true;
    for (const printer of this.ctx.hub.printers)
      this.#unwatch.push(
        printer.onState((state) => {
          if (state !== 'ready') return;
          if (this.ctx.repository.dueNow(printer.id, this.#now()) > 0) this.wake();
        }),
      );
    this.wake();
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#printing = false;
    const consumer = this.#consumer;
    consumer?.stop();
    for (const unwatch of this.#unwatch.splice(0)) unwatch();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#woken = false;
    clearTimeout(this.#recordTimer);
    this.#recordTimer = undefined;
    await this.#running;
    // What was handed over is recorded now: the next start goes on from the cursor past it (a
    // start meanwhile has its own consumer, and goes on from the cursor itself).
    if (this.#consumer === consumer) {
      while (this.#record());
      clearTimeout(this.#recordTimer);
      this.#recordTimer = undefined;
      this.#consumer = undefined;
    }
    this.#commits.flush();
  }

  /** Look at the queue soon: {@link PRINT_AFTER_MS} from the first wake since the last run. */
  wake(): void {
    if (!this.#printing) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#woken) return; // a run is already due within PRINT_AFTER_MS
    clearTimeout(this.#timer); // a retry's timer: this run comes sooner and sets it again
    this.#woken = true;
    this.#timer = setTimeout(() => this.#run(), PRINT_AFTER_MS);
  }

  // ---- recording, from the log ----------------------------------------------------------------

  /** The consumer hands over committed events (in seq order, at least once): recorded soon. */
  #heard(events: readonly StoreEvent[]): void {
    for (const event of events)
      if (PRINTING_EVENTS.has(event.type) && !isRestoredEvent(this.ctx.events, event)) {
        // What a job needs of it, not the event itself: the stored event holds on to more (the
        // order's decided state, for the stream), which would then outlive a young collection.
        const { seq, id, type, actor, data, at } = event;
        this.#unrecorded.push({ seq, id, type, actor, data, at });
      }
    if (this.#unrecorded.length === 0 && this.#lag() < CURSOR_LAG) return;
    // Printing and no run under way, the next run records first; during a run (a printer can
    // take seconds), a pass of its own records them meanwhile, so they never pile up behind it.
    if (this.#printing && !this.#running) return this.wake();
    this.#recordIn(PRINT_AFTER_MS);
  }

  /**
   * A recording pass of its own in `ms`, unless one is due by then (one due later, a failed
   * pass's retry, is brought forward): while not printing or during a run, after a failed pass,
   * or for the next chunk of a backlog.
   */
  #recordIn(ms: number): void {
    const due = performance.now() + ms;
    if (this.#recordTimer && this.#recordDue <= due) return;
    clearTimeout(this.#recordTimer);
    this.#recordDue = due;
    this.#recordTimer = setTimeout(() => {
      this.#recordTimer = undefined;
      // Printing and no run under way: the run records first and then carries out what it recorded.
      if (this.#printing && !this.#running) return this.wake();
      this.#record();
      // During a run: the jobs just recorded are carried out by the run after it.
      if (this.#printing) this.wake();
    }, ms);
    this.#recordTimer.unref();
  }

  /** How far the cursor's row is behind what the consumer has handed over. */
  #lag(): number {
    return (this.#consumer?.position ?? this.#recordedThrough) - this.#recordedThrough;
  }

  /**
   * The jobs of the events handed over, at most {@link RECORD_CHUNK} of them, and the cursor past
   * them (past everything handed over, with the last chunk), in one commit; a pass of its own
   * records the next chunk on a later turn. When that commit fails, each event is tried in a
   * commit of its own, in order: one that fails alone while a later one is recorded is left out
   * (reported; staff can reprint), so one job that cannot be written never holds up the tickets
   * after it. Those that failed at the chunk's end go on at once, with the next chunk after them
   * (left out if one of it is recorded); when nothing could be recorded they all wait for a pass
   * of their own, sooner or later (a storage that refuses everything keeps them all — the sales
   * were committed, a restart hands their events over again). Answers whether events are left
   * for another pass that goes on at once.
   */
  #record(): boolean {
    if (this.#unrecorded.length === 0 && this.#lag() < CURSOR_LAG) return false;
    const events = this.#unrecorded.slice(0, RECORD_CHUNK);
    const rest = this.#unrecorded.slice(RECORD_CHUNK);
    const last = events[events.length - 1];
    const through = rest.length > 0 && last ? last.seq : (this.#consumer?.position ?? this.#recordedThrough);
    try {
      this.#commitJobs(events, through);
    } catch (err) {
      const kept = events.length > 1 ? this.#oneByOne(events, through) : events;
      if (kept.length === 0) return this.#recorded(rest, through);
      this.#unrecorded = [...kept, ...rest];
      if (kept.length < events.length && rest.length > 0) {
        // Some were recorded: the last ones failed with nothing after them in this chunk.
        this.#recordIn(0);
        return true;
      }
      this.ctx.log.error(
        { err, events: this.#unrecorded.length, retryInMs: this.#recordRetryMs },
        'print jobs not recorded; tried again soon',
      );
      this.#recordIn(this.#recordRetryMs);
      this.#recordRetryMs = Math.min(this.#recordRetryMs * 2, RECORD_RETRY_MAX_MS);
      return false;
    }
    return this.#recorded(rest, through);
  }

  /** The jobs of `events` and the cursor at `through`, in one commit (throws when it is refused). */
  #commitJobs(events: readonly PrintingEvent[], through: number): void {
    const jobs = events.flatMap((event) => {
      try {
        return this.#jobsFor(event);
      } catch (err) {
        // Never hold the queue up for one event: its jobs can be printed again from the admin screen.
        this.ctx.log.error({ err, seq: event.seq, type: event.type }, 'recording a print job failed');
        return [];
      }
    });
    this.ctx.repository.recordAll(jobs, () => this.ctx.cursors.advance(PRINT_JOBS_CURSOR, through));
  }

  /** Each event in a commit of its own; answers those still to record (from the first that failed with nothing recorded after it). */
  #oneByOne(events: readonly PrintingEvent[], through: number): PrintingEvent[] {
    let failed: PrintingEvent[] = [];
    for (const [i, event] of events.entries()) {
      try {
        const last = i === events.length - 1;
        this.#commitJobs([event], last ? through : event.seq);
      } catch (err) {
        failed.push(event);
        this.ctx.log.error({ err, seq: event.seq, type: event.type }, 'a print job cannot be recorded');
        continue;
      }
      for (const lost of failed)
        this.ctx.log.error(
          { seq: lost.seq, type: lost.type },
          'print jobs left out: they could not be recorded while later ones were; reprint from the admin screen',
        );
      failed = [];
    }
    return failed;
  }

  /** Recorded up to `through`; `rest` still to record, by a pass of its own at once (answers whether there is any). */
  #recorded(rest: PrintingEvent[], through: number): boolean {
    this.#unrecorded = rest;
    this.#recordedThrough = through;
    this.#recordRetryMs = RECORD_RETRY_MS;
    if (rest.length === 0) return false;
    this.#recordIn(0);
    return true;
  }

  #jobsFor(event: PrintingEvent): NewPrintJob[] {
    const at = this.#now();
    // A kick's time runs from the request, not from when its job is recorded (after a restart, a
    // power cut or a failed commit that can be much later): a drawer must not open minutes later.
    const asked = Math.min(Date.parse(event.at), at);
    const base = { eventSeq: event.seq, at };
    const data = event.data as Record<string, unknown>;
    if (event.type === 'order.fired') {
      const tickets = (data.tickets ?? []) as { id: string; station: string; lineIds: string[] }[];
      const round = typeof data.round === 'number' ? data.round : undefined;
      return tickets.flatMap((t, i) => {
        const station = this.ctx.stations.find((s) => s.id === t.station);
        const printer = this.ctx.hub.kitchenPrinterFor(t.station);
        if (!station?.printTickets || !printer) return [];
        const detail: TicketJobDetail = {
          lineIds: t.lineIds,
          index: i + 1,
          count: tickets.length,
          ...(round ? { round } : {}),
        };
        return [
          {
            ...base,
            id: uuidv7(at),
            key: `ticket:${event.id}:${t.id}`,
            kind: 'ticket' as const,
            deviceId: printer.id,
            orderId: data.orderId as string,
            ticketId: t.id,
            station: t.station,
            detail: { ...detail },
          },
        ];
      });
    }
    if (event.type === 'order.paid' && RECEIPT_ACTORS.has(event.actor.kind)) {
      const printer = this.ctx.hub.receiptPrinter();
      if (!printer) return [];
      const orderId = data.orderId as string;
      return [
        {
          ...base,
          id: uuidv7(at),
          key: `receipt:${event.id}`,
          kind: 'receipt',
          deviceId: printer.id,
          orderId,
          detail: {},
        },
      ];
    }
    if (event.type === 'drawer.kick-requested') {
      const drawerId = data.drawerId as string;
      const drawer = this.ctx.hub.drawerFor(drawerId, this.ctx.drawerName(drawerId));
      if (!drawer) return [];
      return [
        {
          ...base,
          id: uuidv7(at),
          key: `kick:${event.id}`,
          kind: 'kick',
          deviceId: drawer.printer,
          detail: { pin: drawer.pin, drawer: drawer.id, reason: data.reason },
          expiresAt: asked + this.ctx.kickExpiryMs,
        },
      ];
    }
    return [];
  }

  // ---- carrying out, after commit -----------------------------------------------------------

  #run(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#woken = false;
    this.#running = this.#runOnce().finally(() => {
      this.#running = undefined;
      if (!this.#printing) return;
      if (this.#again) {
        // At once, not after a timer: the last run's printed marks then share the next claims' commit.
        this.#again = false;
        this.#run();
        return;
      }
      this.#commits.settle();
      const next = this.ctx.repository.nextDueAt();
      if (next !== undefined) {
        this.#timer = setTimeout(() => this.#run(), Math.max(0, next - this.#now()));
        this.#timer.unref();
      }
    });
  }

  async #runOnce(): Promise<void> {
    this.#record();
    this.#commits.settle();
    const due = this.ctx.repository.due(this.#now(), 500);
    const byPrinter = new Map<string, PrintJobRow[]>();
    for (const job of due) {
      const jobs = byPrinter.get(job.deviceId);
      if (jobs) jobs.push(job);
      else byPrinter.set(job.deviceId, [job]);
    }
    await Promise.all([...byPrinter.values()].map((jobs) => this.#drain(jobs)));
  }

  /** One printer's due jobs, a run at a time; the first failure puts the rest back with it. */
  async #drain(jobs: PrintJobRow[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += RUN_MAX) {
      if (!this.#printing) return;
      const ok = await this.#carryOutRun(jobs.slice(i, i + RUN_MAX));
      if (!ok) return;
    }
  }

  /**
   * Prints a run of one printer's jobs: lays each out, claims them in one commit, then sends them
   * one after another. False when the printer failed (its other due jobs wait with it) or the
   * queue stopped.
   */
  async #carryOutRun(run: readonly PrintJobRow[]): Promise<boolean> {
    const now = this.#now();
    const deviceId = run[0]?.deviceId ?? '';
    const printer = this.ctx.hub.printer(deviceId);
    const orderIds = [...new Set(run.flatMap((j) => (j.orderId ? [j.orderId] : [])))];
    const orders = printer && orderIds.length > 0 ? this.ctx.orders(orderIds) : new Map<string, OrderView>();
    const ready: { job: PrintJobRow; bytes: Buffer }[] = [];
    for (const job of run) {
      if (job.expiresAt !== null && job.expiresAt < now) {
        this.#commits.finish(job.id, 'expired', 'Not sent in time: a drawer must not open minutes later', now);
        continue;
      }
      if (!printer) {
        this.#commits.finish(job.id, 'failed', `Printer ${job.deviceId} is not in the hardware profile`, now);
        continue;
      }
      try {
        ready.push({ job, bytes: this.#render(job, printer.device, printer.address, orders) });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.#commits.finish(job.id, 'failed', `It cannot be laid out: ${message}`, now);
        this.ctx.log.error({ err, job: job.id }, 'a print job cannot be laid out');
      }
    }
    if (!printer || ready.length === 0) return true;
    let claimed: Set<string>;
    try {
      claimed = await this.#commits.claim(
        ready.map((r) => r.job.id),
        now,
      );
    } catch {
      return false; // not saved (logged): the jobs are still queued and are tried again later
    }
    const sending = ready.filter((r) => claimed.has(r.job.id));
    let sent = 0;
    try {
      await printer.printRun(
        sending.map((r) => r.bytes),
        {
          proceed: () => this.#printing,
          sent: (i) => {
            sent = i + 1;
            this.#commits.printed(sending[i]?.job.id ?? '', this.#now());
          },
        },
      );
    } catch (err) {
      const failed = sending[sent]?.job;
      if (!failed) {
        // The session failed as it closed, after the printer took every job: all of them printed.
        this.#commits.done();
        return true;
      }
      const unsent = sending.slice(sent + 1).map((r) => r.job);
      this.#failed(printer.device.backup, { ...failed, attempts: failed.attempts + 1 }, unsent, err);
      return false;
    }
    if (sent < sending.length) {
      // Stopping: what was claimed and not sent goes back to the queue as it was.
      for (const r of sending.slice(sent)) this.#commits.release(r.job.id, this.#now());
      return false;
    }
    this.#commits.done();
    return true;
  }

  /** `job` failed on its printer: it, the rest of its run and the printer's others that are due wait (or reroute). */
  #failed(backup: string | undefined, job: PrintJobRow, unsent: readonly PrintJobRow[], err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    const at = this.#now();
    this.#commits.settle();
    const mine = new Set([job.id, ...unsent.map((j) => j.id)]);
    // The same failure, counted for each.
    const waiting = [job, ...unsent, ...this.ctx.repository.queuedOf(job.deviceId, at).filter((j) => !mine.has(j.id))];
    for (const j of waiting) {
      const retry = afterFailure(j, backup, this.ctx.policy, message, at);
      this.#commits.retry(j.id, retry);
      if (retry.reroutedFrom !== j.reroutedFrom)
        this.ctx.log.warn(
          { job: j.id, from: j.deviceId, to: retry.deviceId },
          'print job rerouted to the backup printer',
        );
    }
    if (waiting.some((j) => j.deviceId !== job.deviceId)) this.wake();
  }

  #render(job: PrintJobRow, printer: PrinterDevice, address: string, orders: Map<string, OrderView>): Buffer {
    const detail = (job.detail ?? {}) as Record<string, unknown>;
    if (job.kind === 'kick') return renderKick(printer, detail.pin === 5 ? 5 : 2);
    if (job.kind === 'test') return renderTestSlip(printer, address, new Date(this.#now()), this.ctx.store);
    const order = job.orderId ? orders.get(job.orderId) : undefined;
    if (!order) throw new TillboxError('not-found', `order ${job.orderId ?? '(none)'} is not found`);
    if (job.kind === 'ticket')
      return renderTicket(order, job.station ?? '', detail as unknown as TicketJobDetail, printer, this.ctx.store);
    const madeFor = this.ctx.hub.devices.find((d) => d.id === (job.reroutedFrom ?? job.deviceId));
    return renderReceipt(
      {
        order,
        store: this.ctx.store,
        receipt: madeFor?.role === 'receipt-printer' ? madeFor.receipt : undefined,
        eReceiptUrl: this.ctx.receiptUrl(order.id),
        reprint: job.reprintOf !== null,
      },
      printer,
    );
  }

  // ---- for staff ----------------------------------------------------------------------------

  list(filter: { deviceId?: string; orderId?: string; state?: PrintJobState; limit: number }): PrintJobRow[] {
    return this.ctx.repository.list(filter);
  }

  get(id: string): PrintJobRow | undefined {
    return this.ctx.repository.get(id);
  }

  queueCounts(): Map<string, { queued: number; failing: number }> {
    return this.ctx.repository.queueCounts();
  }

  /** Print a job again (the same request `id` twice is one reprint), on its printer or another. */
  reprint(originalId: string, id: string, deviceId?: string): { job: PrintJobRow; created: boolean } {
    const original = this.ctx.repository.get(originalId);
    if (!original) throw new TillboxError('not-found', 'There is no such print job');
    if (original.kind === 'kick')
      throw new TillboxError('conflict', 'A drawer kick is not printed again: open the drawer with a no-sale');
    const target = deviceId ?? original.reroutedFrom ?? original.deviceId;
    this.#needPrinter(target);
    const at = this.#now();
    const { row, inserted } = this.ctx.repository.record({
      id: uuidv7(at),
      key: clientKey(id),
      kind: original.kind,
      deviceId: target,
      ...(original.orderId ? { orderId: original.orderId } : {}),
      ...(original.ticketId ? { ticketId: original.ticketId } : {}),
      ...(original.station ? { station: original.station } : {}),
      detail: (original.detail ?? {}) as Record<string, unknown>,
      reprintOf: original.id,
      at,
    });
    if (!inserted && row.reprintOf !== original.id)
      throw new TillboxError('conflict', 'This job id was already used for another print job');
    if (inserted) this.wake();
    return { job: row, created: inserted };
  }

  /** A test slip on `deviceId` (the same `id` twice is one slip). */
  testPrint(deviceId: string, id: string): { job: PrintJobRow; created: boolean } {
    this.#needPrinter(deviceId);
    const at = this.#now();
    const { row, inserted } = this.ctx.repository.record({
      id: uuidv7(at),
      key: clientKey(id),
      kind: 'test',
      deviceId,
      detail: {},
      at,
    });
    if (!inserted && (row.kind !== 'test' || row.reprintOf !== null || row.deviceId !== deviceId))
      throw new TillboxError('conflict', 'This job id was already used for another print job');
    if (inserted) this.wake();
    return { job: row, created: inserted };
  }

  #needPrinter(deviceId: string): void {
    const device = this.ctx.hub.devices.find((d) => d.id === deviceId);
    if (!device) throw new TillboxError('not-found', `There is no device ${deviceId} in the hardware profile`);
    if (!isPrinter(device)) throw new TillboxError('validation', `${deviceId} is a ${device.role}, not a printer`);
  }
}
