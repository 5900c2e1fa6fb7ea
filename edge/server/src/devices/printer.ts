/**
 * One printer of the profile: its state (ready, offline, paper-out, cover-open, error with the last
 * error and when), a status poll while idle, and `printRun(jobs)`. A session opens, asks the
 * status (DLE EOT, when the printer answers) before each job and sends it only when the printer is
 * ready, and closes. A printer that is not ready is never sent a job — it would keep the bytes and
 * print them when its cover closes, and the retry would print them again. Sessions never overlap
 * (a printer on port 9100 takes one connection at a time).
 *
 * A printer asked its status takes a whole run in one session: it prints bytes as they come and
 * says it is ready before each job. One that is not asked gets a session per job, the way raw
 * printing takes a connection as one job (some print servers print a connection's bytes only when
 * it closes).
 */
import { printerAsksStatus, TillboxError, type DeviceState, type PrinterDevice } from '@tillbox/core';
import type { Logger } from 'pino';
import { parseStatus, STATUS_ANSWER_BYTES, STATUS_QUERY, stateOfStatus } from './escpos-status.js';
import type { PrinterSession, PrinterTransport } from './transport.js';

export interface PrinterContext {
  readonly device: PrinterDevice;
  readonly transport: PrinterTransport;
  /** Longest wait for a connection, a status answer or a job to be taken. */
  readonly timeoutMs: number;
  /** Status poll while idle; 0: none. */
  readonly pollMs: number;
  readonly log: Pick<Logger, 'info' | 'warn'>;
  readonly now?: () => number;
}

export interface DeviceStatusView {
  readonly state: DeviceState;
  readonly lastError?: string;
  readonly lastErrorAt?: number;
  /** When the state was last learnt (a session or a poll). */
  readonly checkedAt?: number;
}

const WORDS: Readonly<Record<DeviceState, string>> = {
  ready: 'ready',
  offline: 'offline',
  'paper-out': 'out of paper',
  'cover-open': 'open (its cover)',
  error: 'in error',
};

export class Printer {
  #state: DeviceState = 'offline';
  #lastError: { message: string; at: number } | undefined;
  #checkedAt: number | undefined;
  #chain: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;
  readonly #listeners = new Set<(state: DeviceState) => void>();

  constructor(private readonly ctx: PrinterContext) {}

  get id(): string {
    return this.ctx.device.id;
  }

  get device(): PrinterDevice {
    return this.ctx.device;
  }

  get address(): string {
    return this.ctx.transport.address;
  }

  /** The command set of its driver, for rendering and decoding. */
  get dialect(): 'escpos' | 'star' {
    return this.ctx.device.driver === 'star-line' ? 'star' : 'escpos';
  }

  get status(): DeviceStatusView {
    return {
      state: this.#state,
      ...(this.#lastError ? { lastError: this.#lastError.message, lastErrorAt: this.#lastError.at } : {}),
      ...(this.#checkedAt !== undefined ? { checkedAt: this.#checkedAt } : {}),
    };
  }

  /** Hear state changes (the print queue sends waiting jobs when a printer is ready again). */
  onState(listener: (state: DeviceState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.check();
    if (this.ctx.pollMs > 0) {
      this.#timer = setInterval(() => void this.check(), this.ctx.pollMs);
      this.#timer.unref();
    }
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#listeners.clear();
  }

  /** Mark it unreachable without asking (its USB device was unplugged). */
  unplugged(why: string): void {
    this.#set('offline', why);
  }

  /** Ask the printer how it is (opening a session); resolves to the state, never rejects. */
  check(): Promise<DeviceState> {
    return this.#serial(async () => {
      try {
        const session = await this.ctx.transport.open(this.ctx.timeoutMs);
        try {
          await this.#askStatus(session);
        } finally {
          await session.close();
        }
        if (this.#state !== 'ready') this.#set('ready');
      } catch (e) {
        this.#failed(e);
      }
      return this.#state;
    });
  }

  /**
   * Send a job. Resolves once the printer has taken every byte; rejects with a TillboxError
   * (`device-unavailable`, `device-timeout`) saying why when it could not, having sent nothing when
   * the printer said it was not ready.
   */
  async print(bytes: Uint8Array): Promise<void> {
    await this.printRun([bytes], { sent: () => undefined });
  }

  /**
   * Send a run of jobs in order, each reported to `sent` once the printer has taken every byte of
   * it. Before each job `proceed` (when given) may stop the run: it resolves with how many were
   * sent. Rejects like {@link print} at the first job that could not be sent; those before it were
   * reported, it and those after it were not sent.
   */
  printRun(
    jobs: readonly Uint8Array[],
    hooks: { readonly sent: (index: number) => void; readonly proceed?: () => boolean },
  ): Promise<number> {
    return this.#serial(async () => {
      let count = 0;
      try {
        // One session for the run when the printer says it is ready before each job; otherwise one each.
        const shared = this.#asksStatus();
        let session: PrinterSession | undefined;
        try {
          for (const bytes of jobs) {
            if (hooks.proceed && !hooks.proceed()) break;
            session ??= await this.ctx.transport.open(this.ctx.timeoutMs);
            await this.#askStatus(session);
            await session.write(bytes);
            if (!shared) {
              const done = session;
              session = undefined;
              await done.close();
            }
            hooks.sent(count);
            count += 1;
          }
        } finally {
          await session?.close();
        }
        if (count > 0) this.#set('ready');
        return count;
      } catch (e) {
        throw this.#failed(e);
      }
    });
  }

  #asksStatus(): boolean {
    return printerAsksStatus(this.ctx.device) && this.ctx.transport.canRead;
  }

  /** Asks DLE EOT 1, 2, 4 when the printer answers; throws when it is not ready. */
  async #askStatus(session: PrinterSession) {
    if (!this.#asksStatus()) return;
    await session.write(STATUS_QUERY);
    const answer = await session.read(STATUS_ANSWER_BYTES, this.ctx.timeoutMs);
    const status = parseStatus(answer);
    if (!status)
      throw new NotReady('error', `answered its status with ${answer.toString('hex')}, not a DLE EOT status`);
    const state = stateOfStatus(status);
    if (state !== 'ready') throw new NotReady(state, `is ${WORDS[state]}`);
  }

  #failed(e: unknown): TillboxError {
    const now = this.ctx.now ?? Date.now;
    if (e instanceof NotReady) {
      const message = `Printer ${this.id} ${e.message}`;
      this.#set(e.state, message, now());
      return new TillboxError('device-unavailable', message);
    }
    const error =
      e instanceof TillboxError
        ? e
        : new TillboxError('device-unavailable', `Printer ${this.id}: ${(e as Error).message}`, { cause: e });
    this.#set(
      error.code === 'device-unavailable' || error.code === 'device-timeout' ? 'offline' : 'error',
      error.message,
      now(),
    );
    return error;
  }

  #set(state: DeviceState, error?: string, at = (this.ctx.now ?? Date.now)()): void {
    this.#checkedAt = at;
    if (error !== undefined) this.#lastError = { message: error, at };
    if (state === this.#state) return;
    const was = this.#state;
    this.#state = state;
    if (!this.#stopped) this.ctx.log.info({ printer: this.id, was, state, error }, `printer ${this.id} is ${state}`);
    for (const listener of this.#listeners) listener(state);
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(work, work);
    this.#chain = run.catch(() => undefined);
    return run;
  }
}

class NotReady extends Error {
  constructor(
    readonly state: DeviceState,
    message: string,
  ) {
    super(message);
  }
}
