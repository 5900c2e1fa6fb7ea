/**
 * The counter's side of its customer display: what the guest should see goes to the store box
 * (`PUT /api/v1/counter/display`) when it changes — a little after, so a burst of keys is one
 * send, and never two at once; a send that fails for the network is tried again shortly. Nothing
 * is sent while no display follows this counter (most counters have none); linking one sends it
 * the ticket as it is. The displays linked to this counter, and linking one by the code it shows.
 */
import {
  counterDisplaysSchema,
  deviceViewSchema,
  displayPublishedSchema,
  type CustomerDisplayStateInput,
  type DeviceView,
} from '@tillbox/core';
import { api, ApiError } from '$lib/api.js';

export interface DisplayCalls {
  publish(state: CustomerDisplayStateInput): Promise<unknown>;
  linked(): Promise<{ id: string; name: string }[]>;
  link(code: string): Promise<DeviceView>;
}

export const displayCalls: DisplayCalls = {
  publish: (state) => api.put('/counter/display', { body: state, schema: displayPublishedSchema }),
  linked: async () => (await api.get('/counter/display', { schema: counterDisplaysSchema })).displays,
  link: (code) => api.post('/counter/display/link', { body: { code }, schema: deviceViewSchema }),
};

const RETRY_MS = 3000;

export class DisplayPublisher {
  /** The displays linked to this counter (undefined until asked). */
  linked = $state<readonly { id: string; name: string }[] | undefined>(undefined);
  readonly #calls: DisplayCalls;
  readonly #delayMs: number;
  /** The state wanted on the display, and the one it last got. */
  #wanted: string | undefined;
  #sent: string | undefined;
  #state: CustomerDisplayStateInput | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sending = false;
  #stopped = false;

  constructor(calls: DisplayCalls = displayCalls, delayMs = 150) {
    this.#calls = calls;
    this.#delayMs = delayMs;
  }

  /** The display should show `state`: sent shortly, unless it is what it shows already. */
  update(state: CustomerDisplayStateInput): void {
    const json = JSON.stringify(state);
    if (json === this.#wanted) return;
    this.#wanted = json;
    this.#state = state;
    this.#schedule(this.#delayMs);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  async refresh(): Promise<void> {
    this.linked = await this.#calls.linked();
    if (this.linked.length > 0 && this.#wanted !== this.#sent) this.#schedule(0);
  }

  /** Link the display showing `code` to this counter; throws the store box's refusal. */
  async link(code: string): Promise<DeviceView> {
    const display = await this.#calls.link(code);
    await this.refresh().catch(() => undefined);
    // It shows this counter from now on: send it the ticket as it is.
    this.#sent = undefined;
    this.#schedule(0);
    return display;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#flush(), ms);
  }

  async #flush(): Promise<void> {
    this.#timer = undefined;
    if (this.#sending || this.#stopped) return;
    const json = this.#wanted;
    const state = this.#state;
    if (json === undefined || state === undefined || json === this.#sent) return;
    // No display follows this counter (as far as it knows): nothing to send until one does.
    if (this.linked?.length === 0) return;
    this.#sending = true;
    let retry = false;
    try {
      await this.#calls.publish(state);
      this.#sent = json;
    } catch (e) {
      // The network or the store box: again shortly. A refusal (signed out, a bad state) waits for the next change.
      retry = !(e instanceof ApiError) || e.retryable;
    } finally {
      this.#sending = false;
    }
    if (retry) this.#schedule(RETRY_MS);
    else if (this.#wanted !== json) this.#schedule(0);
  }
}
