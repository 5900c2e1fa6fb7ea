/**
 * The customer display's connection to the store box: what to show (`GET /api/v1/display` on every
 * (re)connect, then the stream's `display` topic, which pushes the linked counter's every change),
 * and the connection's state. A link code is asked again when it is about to expire.
 */
import { customerDisplayViewSchema, type CustomerDisplayView } from '@tillbox/core';
import { api } from '$lib/api.js';
import { StreamClient, streamUrl, type ConnectionState, type SocketLike } from '$lib/stream-client.js';

export interface DisplayFeedOptions {
  /** Tests: the stream URL and a fake socket. */
  url?: string;
  createSocket?: (url: string) => SocketLike;
  read?: () => Promise<CustomerDisplayView>;
}

const readView = (): Promise<CustomerDisplayView> => api.get('/display', { schema: customerDisplayViewSchema });

export class DisplayFeed {
  view = $state.raw<CustomerDisplayView | undefined>(undefined);
  connection = $state<ConnectionState>('connecting');
  readonly #client: StreamClient;
  readonly #read: () => Promise<CustomerDisplayView>;
  #refresh: ReturnType<typeof setTimeout> | undefined;

  constructor(options: DisplayFeedOptions = {}) {
    this.#read = options.read ?? readView;
    this.#client = new StreamClient({
      url: options.url ?? streamUrl(location, 'display'),
      topics: ['display'],
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
      handlers: {
        prepare: async (hello) => {
          this.#show(await this.#read());
          return hello.head;
        },
        event: () => undefined,
        display: (view) => this.#show(view),
        state: (state) => (this.connection = state),
      },
    });
  }

  start(): void {
    this.#client.start();
  }

  stop(): void {
    this.#client.stop();
    clearTimeout(this.#refresh);
  }

  #show(view: CustomerDisplayView): void {
    this.view = view;
    clearTimeout(this.#refresh);
    this.#refresh = undefined;
    if (view.counter !== null || view.linkCodeExpiresAt === undefined) return;
    // A new code a little after this one expires (the store box makes it on asking).
    const wait = Math.max(1000, Date.parse(view.linkCodeExpiresAt) - Date.now() + 1000);
    this.#refresh = setTimeout(() => {
      this.#read().then(
        (next) => this.#show(next),
        () => undefined, // the stream's reconnect asks again
      );
    }, wait);
  }
}
