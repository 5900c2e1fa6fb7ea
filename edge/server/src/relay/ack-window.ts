/**
 * Messages in flight to the broker, in the order they were sent, and how far every one of them
 * has been acknowledged. An event may stand for more than one message (its status update for the
 * guest's app goes with it); it counts as acknowledged when all of its messages are. The relay's
 * durable cursor may only move to {@link AckWindow.through}: past events whose every predecessor
 * has been acknowledged too, whatever order the PUBACKs come in.
 */
interface Entry {
  seq: number;
  pending: number;
}

export class AckWindow {
  #entries: Entry[] = [];
  #head = 0;
  #bySeq = new Map<number, Entry>();
  #messages = 0;
  #through: number;

  /** `through`: the seq acknowledged before anything was sent (the durable cursor). */
  constructor(through: number) {
    this.#through = through;
  }

  /** Messages sent and not yet acknowledged. */
  get inFlight(): number {
    return this.#messages;
  }

  /** The last seq up to which every event has been acknowledged. */
  get through(): number {
    return this.#through;
  }

  /** Record that the event `seq` went out as `messages` messages (after every event added before). */
  add(seq: number, messages: number): void {
    if (seq <= this.#through || this.#bySeq.has(seq)) throw new Error(`seq ${seq} is not after the window`);
    const last = this.#entries[this.#entries.length - 1];
    if (last && last.seq >= seq) throw new Error(`seq ${seq} sent out of order`);
    const entry = { seq, pending: messages };
    this.#entries.push(entry);
    this.#bySeq.set(seq, entry);
    this.#messages += messages;
  }

  /** One message of the event `seq` was acknowledged; answers whether {@link through} moved. */
  ack(seq: number): boolean {
    const entry = this.#bySeq.get(seq);
    if (!entry || entry.pending === 0) return false;
    entry.pending -= 1;
    this.#messages -= 1;
    let moved = false;
    while (this.#head < this.#entries.length) {
      const first = this.#entries[this.#head];
      if (!first || first.pending > 0) break;
      this.#through = first.seq;
      this.#bySeq.delete(first.seq);
      this.#head += 1;
      moved = true;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
    return moved;
  }
}
