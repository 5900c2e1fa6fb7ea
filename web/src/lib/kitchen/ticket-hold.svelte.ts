/** The tickets a KDS keeps in place after bumping them (rules in ./hold.ts), and the cook's last tap and key press. */
import { SvelteMap } from 'svelte/reactivity';
import { expiredHolds, type Held } from './hold.js';

export class TicketHold<T extends { ticket: { id: string } }> {
  readonly held = new SvelteMap<string, Held<T>>();
  readonly #last = { tap: 0, key: 0 };

  /** Keep `entry` (shown at `index`) in its place once it leaves the open tickets. */
  keep(entry: T, index: number, now: number): void {
    this.held.set(entry.ticket.id, { entry, index, at: now });
  }

  release(id: string): void {
    this.held.delete(id);
  }

  tapped(now: number): void {
    this.#last.tap = now;
  }

  pressed(now: number): void {
    this.#last.key = now;
  }

  /** Let go of the held tickets whose time is up; answers their ids. */
  expire(now: number, selectedId: string | undefined): string[] {
    const ids = expiredHolds(this.held, now, selectedId, this.#last);
    for (const id of ids) this.held.delete(id);
    return ids;
  }
}
