/** A stream client for tests and benchmarks: records every message and waits for conditions. */
import type { StoreEvent, StreamEventFrame, StreamServerMessage } from '@tillbox/core';
import WebSocket from 'ws';

export class StreamTestClient {
  readonly messages: StreamServerMessage[] = [];
  closeCode: number | undefined;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as StreamServerMessage);
      this.wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  /**
   * Open the stream as a screen: `screen` goes in the URL as browsers send it (`?screen=kds`),
   * `headers` (e.g. `authorization: Bearer …`) on the upgrade request as programs send them.
   */
  static async connect(
    baseUrl: string,
    options: { screen?: string; headers?: Record<string, string> } = {},
  ): Promise<StreamTestClient> {
    const query = options.screen === undefined ? '' : `?screen=${encodeURIComponent(options.screen)}`;
    const url = baseUrl.replace(/^http/, 'ws') + '/api/v1/stream' + query;
    const socket = new WebSocket(url, options.headers ? { headers: options.headers } : {});
    // Listen before the socket opens: the greeting can arrive in the same read as the upgrade.
    const client = new StreamTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  get events(): StoreEvent[] {
    return this.messages.flatMap((m) => (m.type === 'event' ? [m.event] : []));
  }

  /** The event frames: each event with the view of its order that came with it. */
  get frames(): StreamEventFrame[] {
    return this.messages.flatMap((m) => (m.type === 'event' ? [m] : []));
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  subscribe(since: number, topics: string[] = ['order']): void {
    this.send({ type: 'subscribe', topics, since });
  }

  /** Resolve once `check` holds, or reject after `timeoutMs` naming what was awaited. */
  async waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages.slice(-5))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitForType(type: StreamServerMessage['type'], timeoutMs?: number): Promise<StreamServerMessage> {
    await this.waitFor(`a "${type}" message`, () => this.messages.some((m) => m.type === type), timeoutMs);
    return this.messages.find((m) => m.type === type) as StreamServerMessage;
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
