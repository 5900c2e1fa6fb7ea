/** A kitchen screen's cards held still under a finger (the rules in ./still.ts). */
import { HOLD_MAX_MS, STILL_MS, stillOrder, type Placed } from './still.js';

/**
 * A screen's cards, held still from a press until {@link STILL_MS} after the last pointer is lifted
 * (several may be down at once: two hands, two cooks), and never for more than {@link HOLD_MAX_MS}
 * without a break.
 */
export class StillCards<T> {
  #still = $state.raw<ReadonlyMap<string, T> | undefined>(undefined);
  /** Pointers down now, by id. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly #down = new Set<number>();
  /** When the hold began (ms, `Date.now()`). */
  #since = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly current: () => readonly T[],
    private readonly idOf: (entry: T) => string,
  ) {}

  /** The cards as they are to be shown now. */
  get shown(): Placed<T>[] {
    return stillOrder(this.current(), this.idOf, this.#still);
  }

  /** Pointer `id` went down: the cards keep the places they are shown in now (a press while held keeps the same places). */
  press(id: number, now = Date.now()): void {
    this.#down.add(id);
    clearTimeout(this.#timer);
    if (this.#still === undefined) this.#since = now;
    this.#timer = setTimeout(() => this.#overdue(), Math.max(0, this.#since + HOLD_MAX_MS - now));
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never changed in place (raw state)
    this.#still = new Map(this.shown.map((p) => [this.idOf(p.entry), p.entry]));
  }

  /** Pointer `id` was lifted (or its press cancelled): once none is down, the cards may move after {@link STILL_MS}. */
  lift(id: number, now = Date.now()): void {
    this.#down.delete(id);
    if (this.#still === undefined || this.#down.size > 0) return;
    clearTimeout(this.#timer);
    if (now - this.#since >= HOLD_MAX_MS) return this.stop();
    this.#timer = setTimeout(() => this.stop(), STILL_MS);
  }

  /** Held for {@link HOLD_MAX_MS}: let go now if no pointer is down, else when it is lifted (or after as long again). */
  #overdue(): void {
    if (this.#down.size === 0) return this.stop();
    this.#timer = setTimeout(() => this.stop(), HOLD_MAX_MS);
  }

  /** Let the cards take their own order at once (the hold is over, or the screen is going). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#still = undefined;
    this.#down.clear();
  }
}
