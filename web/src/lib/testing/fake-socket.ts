/** A WebSocket stand-in for unit tests: records what the client sends, lets a test speak for the edge. */
import type { SocketLike } from '$lib/stream-client.js';

export class FakeSocket implements SocketLike {
  static readonly all: FakeSocket[] = [];
  readyState = 1;
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  readonly sent: unknown[] = [];
  closed = false;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  static reset(): void {
    FakeSocket.all.length = 0;
  }

  static last(): FakeSocket {
    const s = FakeSocket.all.at(-1);
    if (!s) throw new Error('no socket was opened');
    return s;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closed = true;
    this.readyState = 3;
  }

  /** The edge sends `message`. */
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }

  /** The connection drops. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
}
