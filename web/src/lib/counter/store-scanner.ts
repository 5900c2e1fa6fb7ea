/**
 * The store box's HID POS scanner paired with this counter (the hardware profile's
 * `screen: counter`): its codes arrive over the stream's `scanner` topic, already classified by
 * the core (`classifyScan`), and the counter acts on each exactly as on a keyboard-wedge scan.
 * Nothing is replayed after a reconnect: a scan is live input, not an event of the log.
 */
import type { Scan } from '@tillbox/core';
import { StreamClient, streamUrl } from '../stream-client.js';

export class StoreScanner {
  #client: StreamClient | undefined;
  /** Scans already acted on (the stream sends each once; this keeps a repeat from adding twice). */
  readonly #seen = new Set<string>();

  constructor(private readonly onScan: (scan: Scan) => void) {}

  start(): void {
    if (this.#client || typeof window === 'undefined') return;
    this.#client = new StreamClient({
      url: streamUrl(window.location, 'counter'),
      topics: ['scanner'],
      handlers: {
        prepare: (hello) => Promise.resolve(hello.head),
        event: () => undefined,
        scan: (scan) => this.#heard(scan),
        problem: (message) => console.warn('[store-scanner]', message),
      },
    });
    this.#client.start();
  }

  stop(): void {
    this.#client?.stop();
    this.#client = undefined;
  }

  #heard(scan: Scan): void {
    if (this.#seen.has(scan.id)) return;
    this.#seen.add(scan.id);
    if (this.#seen.size > 100) this.#seen.delete(this.#seen.values().next().value ?? '');
    this.onScan(scan);
  }
}
