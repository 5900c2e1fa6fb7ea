/**
 * A guest who walks away: while the kiosk watches (an order started), no touch for
 * `idleSeconds` asks "Are you still there?" and counts `countdownSeconds` down on screen; at
 * zero the kiosk clears the order for the next guest. "I'm still here" goes back to watching.
 * Also the confirmation screen's return to the start, which "More time" extends.
 */

export interface IdleTimings {
  idleSeconds: number;
  countdownSeconds: number;
}

export interface IdleOptions {
  /** The countdown reached zero: clear the order. */
  ontimeout: () => void;
  now?: () => number;
  /** How often the clock is read (the countdown shows whole seconds). */
  tickMs?: number;
}

export type IdlePhase = 'off' | 'watching' | 'asking';

export class IdleWatch {
  phase = $state<IdlePhase>('off');
  /** Whole seconds left on the countdown while asking. */
  secondsLeft = $state(0);
  #timings: IdleTimings;
  #options: IdleOptions;
  #now: () => number;
  #lastActivity = 0;
  #askedAt = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(timings: IdleTimings, options: IdleOptions) {
    this.#timings = timings;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** New timings (from the edge's kiosk config); a countdown under way keeps its end. */
  configure(timings: IdleTimings): void {
    this.#timings = timings;
  }

  /** Watch from now (an order was started); does nothing while already watching or asking. */
  start(): void {
    if (this.phase !== 'off') return;
    this.phase = 'watching';
    this.#lastActivity = this.#now();
    this.#timer ??= setInterval(() => this.tick(), this.#options.tickMs ?? 250);
  }

  stop(): void {
    this.phase = 'off';
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** The guest touched or typed: the idle time starts again (a question on screen stays until answered). */
  touch(): void {
    if (this.phase === 'watching') this.#lastActivity = this.#now();
  }

  /** "I'm still here". */
  resume(): void {
    if (this.phase !== 'asking') return;
    this.phase = 'watching';
    this.#lastActivity = this.#now();
  }

  /** Read the clock: ask, count down, or time out. */
  tick(): void {
    const now = this.#now();
    if (this.phase === 'watching' && now - this.#lastActivity >= this.#timings.idleSeconds * 1000) {
      this.phase = 'asking';
      this.#askedAt = now;
    }
    if (this.phase !== 'asking') return;
    const leftMs = this.#timings.countdownSeconds * 1000 - (now - this.#askedAt);
    this.secondsLeft = Math.max(0, Math.ceil(leftMs / 1000));
    if (leftMs <= 0) {
      this.stop();
      this.#options.ontimeout();
    }
  }
}

/** The confirmation screen's way back to the start: `seconds` from now, and "More time" adds as much again. */
export class ReturnCountdown {
  secondsLeft = $state(0);
  #endsAt = 0;
  #seconds: number;
  #now: () => number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #ondone: () => void;

  constructor(seconds: number, ondone: () => void, now: () => number = Date.now) {
    this.#seconds = seconds;
    this.#ondone = ondone;
    this.#now = now;
  }

  start(tickMs = 250): void {
    this.#endsAt = this.#now() + this.#seconds * 1000;
    this.secondsLeft = this.#seconds;
    this.#timer ??= setInterval(() => this.tick(), tickMs);
  }

  /** "More time": the screen stays as long again, counted from now or from the current end, whichever is later. */
  extend(): void {
    this.#endsAt = Math.max(this.#endsAt, this.#now()) + this.#seconds * 1000;
    this.tick();
  }

  tick(): void {
    const leftMs = this.#endsAt - this.#now();
    this.secondsLeft = Math.max(0, Math.ceil(leftMs / 1000));
    if (leftMs <= 0) {
      this.stop();
      this.#ondone();
    }
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
