/**
 * Checking the store's log against the cloud's copy, and restoring what the store lost
 * (docs/reliability.md, "A store box restored from an older copy"; docs/mqtt.md, `events.since`).
 *
 * On connecting, the edge asks the cloud for its copy of the log after the last seq known to agree
 * (the `cloud-verified` cursor, or the outbox's acknowledged seq before the first check). Every
 * page is checked before anything is written: the store's own id, seqs following on with no gap,
 * each event's type, version and payload against the core's event catalogue, a UUIDv7 id and a
 * time. Then, seq by seq:
 * - the log has the same event (same id): nothing to do;
 * - the log has no event there (its database lost its tail, or a range the data folder's marker
 *   names as missing): it is restored, with its original seq, id, actor and time, and every
 *   projection rebuilt, in one transaction (`LogRestore`);
 * - the log has another event there (the box sold again before it heard from the cloud): a
 *   conflict. Nothing is overwritten or restored; the health names the seqs for an admin, and the
 *   outbox stops sending (the cloud would drop those events as seqs it has).
 * A cloud that cannot be asked (offline, no answer, an older cloud relay) tells nothing: the store
 * sells and relays as usual and asks again on the next connection.
 */
import { isUuidV7, TillboxError, validateEvent, type RelayEvent, type RpcResult, type StoreEvent } from '@tillbox/core';
import type { StorageHealth } from '../db/storage-health.js';
import type { CursorRepository } from '../events/cursor-repository.js';
import type { LogRestore } from '../events/log-restore.js';

/** The cursor up to which the store's log and the cloud's copy are known to agree. */
export const VERIFIED_CURSOR = 'cloud-verified';
/** Events asked for per request. */
const PAGE = 200;
/** Restored events written per transaction (a new box restores a store's whole log a chunk at a time). */
const WRITE_CHUNK = 2000;

interface RestoredSoFar {
  count: number;
  fromSeq: number;
  toSeq: number;
}

export type RestoreOutcome =
  | { kind: 'in-step'; cloudSeq: number }
  | { kind: 'restored'; cloudSeq: number; count: number; fromSeq: number; toSeq: number }
  | { kind: 'conflict'; cloudSeq: number; fromSeq: number; toSeq: number; count: number }
  | { kind: 'refused'; reason: string }
  | { kind: 'unknown'; reason: string };

export interface CloudRestoreContext {
  storeId: string;
  /** Ask the cloud for a page of its copy (`events.since`); rejects when it cannot be asked. */
  page: (afterSeq: number, limit: number) => Promise<RpcResult<'events.since'>>;
  /** The first seq not yet checked: events up to it are known to agree (or were acknowledged by the broker). */
  checkedThrough: () => number;
  writer: Pick<LogRestore, 'localIds' | 'write'>;
  cursors: Pick<CursorRepository, 'advance'>;
  /** Cursors moved past restored events (the outbox's: restored events are never sent again). */
  restoredCursors: readonly string[];
  /** Restored events written per transaction (default {@link WRITE_CHUNK}). */
  writeChunk?: number;
  /** Runs the restore's write (the outbox stops around it, so it never hears the restored events). */
  around?: (write: () => void) => void;
  health: Pick<StorageHealth, 'report' | 'clear' | 'problems'>;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void };
}

export class CloudRestore {
  constructor(private readonly c: CloudRestoreContext) {}

  /** Check the log against the cloud's copy and restore what it lacks. Never throws. */
  async run(): Promise<RestoreOutcome> {
    const from = this.c.checkedThrough();
    const done: RestoredSoFar = { count: 0, fromSeq: 0, toSeq: 0 };
    let pending: StoreEvent[] = [];
    let after = from;
    let cloudSeq = from;
    try {
      for (;;) {
        const page = await this.c.page(after, PAGE);
        cloudSeq = Math.max(cloudSeq, page.lastSeq);
        if (page.events.length === 0) break;
        const events = page.events.map((e, i) => this.checked(e, after + 1 + i));
        const last = events[events.length - 1]?.seq ?? after;
        const local = this.c.writer.localIds(after + 1, last);
        const differ = events.filter((e) => local.has(e.seq) && local.get(e.seq) !== e.id);
        if (differ.length > 0) {
          // What came before this page is the store's own history: restored all the same.
          this.write(pending, after, done);
          return this.conflict(cloudSeq, differ);
        }
        pending.push(...events.filter((e) => !local.has(e.seq)));
        after = last;
        if (pending.length >= (this.c.writeChunk ?? WRITE_CHUNK)) {
          this.write(pending, after, done);
          pending = [];
        }
        if (after >= page.lastSeq) break;
      }
      this.write(pending, after, done, true);
    } catch (err) {
      if (err instanceof TillboxError && err.code === 'validation') return this.refused(err.message);
      const reason = err instanceof Error ? err.message : String(err);
      this.c.log.warn(
        { reason, restored: done.count },
        'the cloud could not be asked for its copy of the log; checking again later',
      );
      return { kind: 'unknown', reason };
    }
    this.c.health.clear(REFUSED_KEY);
    this.c.health.clear(CONFLICT_KEY);
    this.c.cursors.advance(VERIFIED_CURSOR, after);
    if (done.count === 0) return { kind: 'in-step', cloudSeq: after };
    for (const p of this.c.health.problems)
      if (p.kind === 'missing-events' && this.isBack(p.key)) this.c.health.clear(p.key);
    return { kind: 'restored', cloudSeq: after, ...done };
  }

  /**
   * Restore `events` (checked; every seq up to `through` is now in the log as in the cloud's copy)
   * in one transaction. `validation` when they do not fit the store's log (nothing written).
   */
  private write(events: readonly StoreEvent[], through: number, done: RestoredSoFar, last = false): void {
    const first = events[0]?.seq ?? 0;
    const end = events[events.length - 1]?.seq ?? 0;
    const count = done.count + events.length;
    // The last write of a restore says what it brought back in all (`log.restored`, after every restored seq).
    const summary = last && count > 0 ? { count, fromSeq: done.fromSeq || first, toSeq: end || done.toSeq } : undefined;
    if (events.length === 0 && !summary) return;
    const cursors = [...this.c.restoredCursors, VERIFIED_CURSOR];
    try {
      const write = (): void => void this.c.writer.write(events, cursors, through, summary);
      if (this.c.around) this.c.around(write);
      else write();
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new TillboxError('validation', `it does not fit the store's log: ${why}`);
    }
    if (events.length === 0) return;
    done.count = count;
    if (done.fromSeq === 0) done.fromSeq = first;
    done.toSeq = end;
    this.c.log.info(
      { count: events.length, fromSeq: first, toSeq: end },
      `restored ${events.length} events from the cloud (seq ${first}–${end})`,
    );
  }

  /** Whether a `missing-events:{from}-{to}` range is all in the log now. */
  private isBack(key: string): boolean {
    const m = /^missing-events:(\d+)-(\d+)$/.exec(key);
    if (!m) return false;
    const [from, to] = [Number(m[1]), Number(m[2])];
    return this.c.writer.localIds(from, to).size === to - from + 1;
  }

  /** One event of the cloud's answer as the log would hold it, or `validation` naming what is wrong. */
  private checked(e: RelayEvent, expected: number): StoreEvent {
    const refuse = (why: string): TillboxError =>
      new TillboxError('validation', `event seq ${e.seq} (${e.type}) ${why}`);
    if (e.storeId !== this.c.storeId) throw refuse(`belongs to store "${e.storeId}", not "${this.c.storeId}"`);
    if (e.seq !== expected) throw refuse(`came where seq ${expected} was due (the seqs must follow on)`);
    if (!isUuidV7(e.id)) throw refuse(`has an id that is not a UUIDv7: "${e.id}"`);
    const at = Date.parse(e.at);
    if (Number.isNaN(at)) throw refuse(`has no readable time: "${e.at}"`);
    let version: number;
    try {
      version = validateEvent(e.type, e.data).version;
    } catch (err) {
      throw refuse(`does not match the event catalogue: ${(err as Error).message}`);
    }
    if (version !== e.version) throw refuse(`is version ${e.version}; this edge knows version ${version}`);
    return {
      seq: e.seq,
      id: e.id,
      type: e.type,
      version: e.version,
      subject: e.subject,
      actor: e.actor,
      device: e.device,
      data: e.data as Record<string, unknown>,
      at: new Date(at).toISOString(),
    };
  }

  private refused(why: string): RestoreOutcome {
    const reason = `The cloud's copy of the store's log was refused: ${why}. Nothing from there on was restored.`;
    this.c.health.report('cloud-log', REFUSED_KEY, `${reason} Call support.`);
    return { kind: 'refused', reason };
  }

  private conflict(cloudSeq: number, differ: readonly StoreEvent[]): RestoreOutcome {
    const fromSeq = differ[0]?.seq ?? 0;
    const toSeq = differ[differ.length - 1]?.seq ?? 0;
    this.c.health.report(
      'cloud-log',
      CONFLICT_KEY,
      `The store's log and the cloud's copy differ at ${differ.length} events (seq ${fromSeq}–${toSeq}): the store's ` +
        'database was restored from an older copy and the store sold again before it heard from the cloud. ' +
        'Nothing was overwritten; the store keeps selling, but its events are not sent to the cloud until ' +
        'support has resolved it (docs/reliability.md).',
      { fromSeq, toSeq, cloudSeq },
    );
    return { kind: 'conflict', cloudSeq, fromSeq, toSeq, count: differ.length };
  }
}

const REFUSED_KEY = 'cloud-log:refused';
const CONFLICT_KEY = 'cloud-log:conflict';
