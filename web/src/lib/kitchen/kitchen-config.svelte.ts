/**
 * The kitchen settings the screens need (`GET /api/v1/kitchen/config`): stations with their
 * timer thresholds, bump bar keys, recall and pickup-board times. A screen opened while the edge
 * is away keeps asking until it answers.
 */
import { kitchenConfigSchema, type KitchenConfig, type Station } from '@tillbox/core';
import { api } from '$lib/api.js';

export class KitchenSettings {
  config = $state<KitchenConfig | undefined>(undefined);
  /** The last failure while there is no config yet. */
  error = $state<unknown>(undefined);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = true;
  readonly #load: () => Promise<KitchenConfig>;
  readonly #retryMs: number;

  constructor(options: { load?: () => Promise<KitchenConfig>; retryMs?: number } = {}) {
    this.#load = options.load ?? (() => api.get('/kitchen/config', { schema: kitchenConfigSchema }));
    this.#retryMs = options.retryMs ?? 2000;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.#attempt();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  station(id: string): Station | undefined {
    return this.config?.stations.find((s) => s.id === id);
  }

  async #attempt(): Promise<void> {
    try {
      const config = await this.#load();
      if (this.#stopped) return;
      this.config = config;
      this.error = undefined;
    } catch (error) {
      if (this.#stopped) return;
      this.error = error;
      this.#timer = setTimeout(() => void this.#attempt(), this.#retryMs);
    }
  }
}
