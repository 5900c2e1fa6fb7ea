/**
 * A TCP relay between a store box and the broker that goes silent in both directions once the
 * store has sent a given number of bytes: what was forwarded reached the broker, the broker's
 * answers to it (PUBACKs) never reach the store. With it, "mid-drain" is a fact, not a race.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export class BlackholeProxy {
  #server: Server | undefined;
  #sockets = new Set<Socket>();
  #forwarded = 0;
  #silent = false;
  #onSilent: (() => void) | undefined;
  readonly silent: Promise<void>;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly silentAfterBytes: number,
  ) {
    this.silent = new Promise((resolve) => (this.#onSilent = resolve));
  }

  /** Bytes the store sent that went through. */
  get forwarded(): number {
    return this.#forwarded;
  }

  async start(): Promise<this> {
    const server = createServer((store) => {
      const broker = connect(this.targetPort, '127.0.0.1');
      for (const s of [store, broker]) {
        this.#sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          this.#sockets.delete(s);
          store.destroy();
          broker.destroy();
        });
      }
      store.on('data', (chunk: Buffer) => {
        if (this.#silent) return;
        broker.write(chunk);
        this.#forwarded += chunk.length;
        if (this.#forwarded >= this.silentAfterBytes) {
          this.#silent = true;
          this.#onSilent?.();
        }
      });
      broker.on('data', (chunk: Buffer) => {
        if (!this.#silent) store.write(chunk);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
