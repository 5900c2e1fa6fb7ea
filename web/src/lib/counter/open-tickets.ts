/**
 * Open tickets as the counter lists them, and the guard that keeps an unfinished ticket from
 * being lost when the screen goes idle: the edge signs an idle cashier out after
 * `security.staffIdleMinutes` without a request, so a little before that the counter places the
 * ticket (without sending it to the kitchen) and holds it, and it waits in the open tickets.
 *
 * Pure: no Svelte, no DOM (the watch takes its timers).
 */
import type { OrderView } from '@tillbox/core';

/** How long ago, in words: "just now", "4 min", "1 h 05". */
export function heldFor(since: string | undefined, now: number): string {
  const at = since === undefined ? Number.NaN : Date.parse(since);
  if (!Number.isFinite(at)) return '';
  const minutes = Math.max(0, Math.floor((now - at) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** The name an open ticket goes by: "Ana", "Table 4", or its number. */
export function ticketName(order: Pick<OrderView, 'guestName' | 'table' | 'number'>): string {
  if (order.guestName) return order.table ? `${order.guestName} · table ${order.table}` : order.guestName;
  if (order.table) return `Table ${order.table}`;
  return `Order ${order.number}`;
}

/** What is still owed on an open ticket. */
export function dueOf(order: Pick<OrderView, 'due' | 'totals'>): number {
  return order.due ?? order.totals.total;
}

/** How long before the edge's idle sign-out the counter holds an unfinished ticket. */
export const HOLD_BEFORE_SIGN_OUT_MS = 45_000;

/** When to hold: a little before the edge signs the cashier out (never sooner than 10 s). */
export function holdDelayMs(idleMinutes: number): number {
  return Math.max(10_000, idleMinutes * 60_000 - HOLD_BEFORE_SIGN_OUT_MS);
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `onIdle` once after `delayMs` without a touch; every touch starts the wait over. */
export class IdleWatch {
  #handle: unknown;
  #delayMs: number;
  readonly #onIdle: () => void;
  readonly #timers: Timers;

  constructor(delayMs: number, onIdle: () => void, timers: Timers = browserTimers) {
    this.#delayMs = delayMs;
    this.#onIdle = onIdle;
    this.#timers = timers;
  }

  touch(): void {
    this.stop();
    this.#handle = this.#timers.set(() => {
      this.#handle = undefined;
      this.#onIdle();
    }, this.#delayMs);
  }

  /** A new delay (the store's idle time is known once the session is). */
  setDelay(delayMs: number): void {
    this.#delayMs = delayMs;
    if (this.#handle !== undefined) this.touch();
  }

  stop(): void {
    if (this.#handle !== undefined) this.#timers.clear(this.#handle);
    this.#handle = undefined;
  }
}
