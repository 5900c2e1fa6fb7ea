/**
 * How many loyalty lookups one screen may make: at most `perMinute` in any sliding minute, so a
 * paired kiosk cannot be used to try phone numbers one after another. A refused lookup is not
 * counted and changes nothing; the error says how long to wait.
 */
import { TillboxError } from '@tillbox/core';

const MINUTE_MS = 60_000;

export class LookupLimit {
  /** Each device's lookups of the last minute, oldest first. */
  readonly #recent = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Counts one lookup from `device` at `now`, or throws `rate-limited` when it has had its share. */
  take(device: string, now: number): void {
    const since = now - MINUTE_MS;
    const times = (this.#recent.get(device) ?? []).filter((t) => t > since);
    if (times.length >= this.perMinute) {
      const waitSeconds = Math.max(1, Math.ceil(((times[0] ?? now) + MINUTE_MS - now) / 1000));
      this.#recent.set(device, times);
      throw new TillboxError(
        'rate-limited',
        `Too many loyalty lookups from this screen: try again in ${waitSeconds} s`,
        { details: [{ path: 'device', message: `at most ${this.perMinute} lookups a minute from one screen` }] },
      );
    }
    times.push(now);
    this.#recent.set(device, times);
    // Forget screens that have not looked anyone up for a minute (the map stays as small as the store).
    if (this.#recent.size > 64)
      for (const [d, t] of this.#recent) if ((t[t.length - 1] ?? 0) <= since) this.#recent.delete(d);
  }
}
