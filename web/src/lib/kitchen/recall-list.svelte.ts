/**
 * A station's recently bumped tickets (`GET /api/v1/kitchen/stations/:station/recall`), newest
 * first, for the KDS recall panel. Loaded when the panel opens and again whenever the kitchen
 * changes while it is open.
 */
import { recallListSchema } from '@tillbox/core';
import { api } from '$lib/api.js';

export type RecallList = ReturnType<typeof recallListSchema.parse>;
export type RecallEntry = RecallList['tickets'][number];

export class RecallPanel {
  open = $state(false);
  entries = $state<RecallEntry[]>([]);
  loaded = $state(false);
  error = $state<unknown>(undefined);
  #request = 0;
  readonly station: string;
  readonly #load: (station: string) => Promise<RecallList>;

  constructor(station: string, load?: (station: string) => Promise<RecallList>) {
    this.station = station;
    this.#load =
      load ??
      ((station) => api.get('/kitchen/stations/{station}/recall', { params: { station }, schema: recallListSchema }));
  }

  show(): void {
    this.open = true;
    this.loaded = false;
    void this.refresh();
  }

  hide(): void {
    this.open = false;
    this.#request += 1;
  }

  toggle(): void {
    if (this.open) this.hide();
    else this.show();
  }

  /** Reload the list; an answer to an older request than the latest is dropped. */
  async refresh(): Promise<void> {
    if (!this.open) return;
    const request = ++this.#request;
    try {
      const list = await this.#load(this.station);
      if (request !== this.#request) return;
      this.entries = list.tickets;
      this.error = undefined;
    } catch (error) {
      if (request !== this.#request) return;
      this.error = error;
    } finally {
      if (request === this.#request) this.loaded = true;
    }
  }
}
