/**
 * The print queue's state changes, gathered over one turn of the event loop and committed in one
 * transaction: every printer's claims, printed marks and retries share one disk sync (each was a
 * commit of its own, two per job).
 *
 * A run's printed marks wait for the run's end (or the next claim), then share its commit too.
 * A claim resolves only once its commit is on the disk, so a job's bytes never go to a printer
 * before the disk says it is `printing` (a restart then finds it `printing` and never sends it
 * again); the commit itself does not wait for the disk: the repository syncs the write-ahead log
 * aside, in Node's thread pool, and the claim resolves after that.
 * The other changes need no wait: a printed mark lost to a crash leaves the job `printing`, which
 * the next start makes `unconfirmed` — never printed twice, at worst shown to staff as maybe
 * printed. So a commit of printed marks alone does not wait for the disk either (a sync blocks the
 * event loop for milliseconds, with the next order's request and broadcast queued behind it). Whoever reads the queue calls {@link PrintJobCommits.settle} first, so it never reads a
 * job as queued that a pending change has already finished, retried or released.
 */
import type { Logger } from 'pino';
import type { JobRetry, PrintJobRepository } from './print-job-repository.js';

interface Pending {
  printed: { id: string; at: number }[];
  finished: { id: string; state: 'expired' | 'failed'; error: string; at: number }[];
  retries: { id: string; retry: JobRetry }[];
  released: { id: string; at: number }[];
  claims: { id: string; at: number }[];
  waiters: { resolve: (claimed: Set<string>) => void; reject: (err: unknown) => void }[];
}

const nothing = (): Pending => ({ printed: [], finished: [], retries: [], released: [], claims: [], waiters: [] });

export class PrintJobCommits {
  #pending = nothing();
  #scheduled = false;

  constructor(
    private readonly repository: Pick<PrintJobRepository, 'apply'> &
      Partial<Pick<PrintJobRepository, 'onDisk' | 'syncsAside'>>,
    private readonly log: Pick<Logger, 'error'>,
  ) {}

  /** queued → printing for those still queued; resolves, once committed, to the ids claimed. */
  claim(ids: readonly string[], at: number): Promise<Set<string>> {
    return new Promise((resolve, reject) => {
      for (const id of ids) this.#pending.claims.push({ id, at });
      this.#pending.waiters.push({ resolve, reject });
      this.#schedule();
    });
  }

  /** Kept until the run's end ({@link done}) or the next commit: a run's marks share one commit. */
  printed(id: string, at: number): void {
    this.#pending.printed.push({ id, at });
  }

  /** A run is over: commit its printed marks at the end of this turn (with whatever else comes). */
  done(): void {
    if (this.#pending.printed.length > 0) this.#schedule();
  }

  finish(id: string, state: 'expired' | 'failed', error: string, at: number): void {
    this.#pending.finished.push({ id, state, error, at });
    this.#schedule();
  }

  retry(id: string, retry: JobRetry): void {
    this.#pending.retries.push({ id, retry });
    this.#schedule();
  }

  release(id: string, at: number): void {
    this.#pending.released.push({ id, at });
    this.#schedule();
  }

  /** Commit now what changes which jobs are queued (printed marks may wait for the next claim). */
  settle(): void {
    const p = this.#pending;
    if (p.finished.length + p.retries.length + p.released.length + p.claims.length > 0) this.flush();
  }

  /**
   * Commit everything pending now (at the end of the turn by itself; at once when stopping). A
   * batch with changes that must be on the disk (claims, finishes, retries, releases) is committed
   * without SQLite's sync and its claims resolve once the repository has synced the log aside
   * ({@link PrintJobRepository.onDisk}), so the event loop never waits for the disk here.
   */
  flush(): void {
    const batch = this.#take();
    const mustReachDisk = this.#mustReachDisk(batch);
    const aside = mustReachDisk && this.repository.syncsAside === true;
    let claimed: Set<string>;
    try {
      claimed = this.#write(batch, mustReachDisk && !aside);
    } catch (err) {
      this.#failed(batch, err);
      return;
    }
    if (!aside) return this.#settled(batch, claimed);
    this.repository.onDisk?.().then(
      () => this.#settled(batch, claimed),
      (err: unknown) => {
        // Committed but maybe not on the disk: refused like a failed commit. The jobs claimed stay
        // `printing` and are sent by nobody; the next start makes them `unconfirmed`.
        this.log.error({ err, jobs: batch.claims.length }, 'print job states not synced to the disk');
        for (const w of batch.waiters) w.reject(err);
      },
    );
  }

  #mustReachDisk(batch: Pending): boolean {
    return batch.claims.length + batch.finished.length + batch.retries.length + batch.released.length > 0;
  }

  #take(): Pending {
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = nothing();
    return batch;
  }

  /**
   * Writes the batch's changes (nothing when it has none); answers the ids claimed. `durable`: the
   * commit waits for the disk (a claim must be on it before anything prints, unless the log is
   * synced aside; printed marks alone need no wait).
   */
  #write(batch: Pending, durable: boolean): Set<string> {
    const { waiters: _waiters, ...changes } = batch;
    const size = Object.values(changes).reduce((n, list) => n + list.length, 0);
    return size === 0 ? new Set() : this.repository.apply(changes, durable);
  }

  #settled(batch: Pending, claimed: Set<string>): void {
    for (const w of batch.waiters) w.resolve(claimed);
  }

  /**
   * Nothing of the batch is written. Its claims are refused (those jobs stay queued and are tried
   * again); the other changes go again with the next commit (a crash meanwhile leaves printed jobs
   * `printing`, which the next start makes `unconfirmed`).
   */
  #failed(batch: Pending, err: unknown): void {
    this.log.error({ err, jobs: batch.claims.length + batch.printed.length }, 'print job states not saved');
    this.#pending.printed.unshift(...batch.printed);
    this.#pending.finished.unshift(...batch.finished);
    this.#pending.retries.unshift(...batch.retries);
    this.#pending.released.unshift(...batch.released);
    for (const w of batch.waiters) w.reject(err);
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      if (this.#scheduled) this.flush();
    });
  }
}
