/**
 * The stream's `scanner` topic: the codes the store box's HID POS scanners read, live only (they
 * are input, not facts: nothing goes into the event log), each to the stream clients of the screen
 * role its scanner belongs to (the profile's `screen`) and to no other. The stream hub checks the
 * topic's permission when a client subscribes and hands the client here (`watch`).
 */
import type { DeviceRole, Scan } from '@tillbox/core';

interface Watcher {
  readonly role: DeviceRole;
  readonly send: (frame: string) => void;
}

export class ScanFeed {
  readonly #watchers = new Set<Watcher>();

  /** How many clients are listening (for tests and the health of the feed). */
  get size(): number {
    return this.#watchers.size;
  }

  /** A stream client subscribed to `scanner`: it hears the scans of its role's scanners until it stops. */
  watch(principal: { readonly device: { readonly role: DeviceRole } }, send: (frame: string) => void): () => void {
    const watcher: Watcher = { role: principal.device.role, send };
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  /** Send a scan to the clients of `screen`; answers how many got it (none without a screen). */
  deliver(scan: Scan, screen: DeviceRole | undefined): number {
    if (screen === undefined) return 0;
    const frame = JSON.stringify({ type: 'scan', scan });
    let sent = 0;
    for (const w of this.#watchers) {
      if (w.role !== screen) continue;
      w.send(frame);
      sent += 1;
    }
    return sent;
  }
}
