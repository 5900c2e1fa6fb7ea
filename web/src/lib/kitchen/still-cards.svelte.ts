/** A kitchen screen's cards held still under a finger (the rules in ./still.ts). */
import { PRESS_MAX_MS, STILL_MS, stillOrder, type Placed } from './still.js';

/**
 * A screen's cards, held still from a press until {@link STILL_MS} after the last release, and never
 * for more than {@link PRESS_MAX_MS} from a press without one.
 */
export class StillCards<T> {
  #still = $state.raw<ReadonlyMap<string, T> | undefined>(undefined);
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly current: () => readonly T[],
    private readonly idOf: (entry: T) => string,
  ) {}

  /** The cards as they are to be shown now. */
  get shown(): Placed<T>[] {
    return stillOrder(this.current(), this.idOf, this.#still);
  }

  /** A pointer went down: the cards keep the places they are shown in now (a press while still keeps the same places). */
  press(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.stop(), PRESS_MAX_MS);
    const shown = this.shown;
    // Replaced whole, never changed in place: a plain map in a raw state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.#still = new Map(shown.map((p) => [this.idOf(p.entry), p.entry]));
  }

  /** The pointer was lifted (or the press cancelled): the cards may move again after {@link STILL_MS}. */
  lift(): void {
    if (this.#still === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.stop(), STILL_MS);
  }

  /** Let the cards move at once (the screen is going). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#still = undefined;
  }
}
