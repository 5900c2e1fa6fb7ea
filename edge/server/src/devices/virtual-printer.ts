/**
 * The virtual printer: a real raw-printing server (TCP, port 9100 style) that behaves like a
 * thermal printer, so the demo and the tests run the very driver code a store runs. It answers
 * DLE EOT status queries at once (ESC/POS dialect) and keeps every other byte it receives. What
 * came before a status query, or before the connection's end, is one printout — decoded with
 * `decodeEscPos` for the admin screen: the driver asks before each job it sends, several in one
 * connection (a real printer tells them apart by their cuts, which the twin does not parse as the
 * bytes arrive). A printer that is not asked its status gets a connection per job.
 *
 * Like a real printer, what it receives while its cover is open or its paper is out is kept and
 * printed when it is ready again; switched `off`, it refuses connections (and comes back on the
 * same port).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { decodeEscPos, type DecodedPrintout } from '../kitchen/escpos-decode.js';
import { DLE, EOT, statusByte } from './escpos-status.js';

export const VIRTUAL_PRINTER_STATES = ['ready', 'paper-out', 'cover-open', 'error', 'off'] as const;
export type VirtualPrinterState = (typeof VIRTUAL_PRINTER_STATES)[number];

export interface Printout {
  /** When it came out (ms). */
  readonly at: number;
  readonly bytes: Buffer;
}

export interface VirtualPrinterOptions {
  readonly dialect: 'escpos' | 'star';
  readonly columns: number;
  readonly host?: string;
  /** 0 picks a free port (kept when it is switched off and on). */
  readonly port?: number;
  /** Printouts kept (the oldest go first). */
  readonly keep?: number;
  readonly now?: () => number;
}

export class VirtualPrinter {
  #server: Server | undefined;
  #port: number;
  #state: VirtualPrinterState = 'ready';
  readonly #sockets = new Set<Socket>();
  #printouts: Printout[] = [];
  /** Jobs received while not ready: printed when it is. */
  #held: Buffer[] = [];
  #printed = 0;
  readonly #listeners = new Set<(p: Printout) => void>();

  constructor(private readonly options: VirtualPrinterOptions) {
    this.#port = options.port ?? 0;
  }

  get port(): number {
    return this.#port;
  }

  get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  get state(): VirtualPrinterState {
    return this.#state;
  }

  /** Every printout kept, oldest first. */
  get printouts(): readonly Printout[] {
    return this.#printouts;
  }

  /** How many printouts came out since it started (kept or not). */
  get printed(): number {
    return this.#printed;
  }

  /** A printout as the paper shows it. */
  decode(printout: Printout): DecodedPrintout {
    return decodeEscPos(printout.bytes, { dialect: this.options.dialect, columns: this.options.columns });
  }

  onPrintout(listener: (p: Printout) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(): Promise<number> {
    if (this.#server) return this.#port;
    if (this.#state === 'off') return this.#port;
    const server = createServer((socket) => this.#accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, this.host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address && typeof address === 'object') this.#port = address.port;
    this.#server = server;
    return this.#port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Paper out, cover open, an error, off (refusing connections), or ready (printing what it held). */
  async setState(state: VirtualPrinterState): Promise<void> {
    const was = this.#state;
    this.#state = state;
    if (state === 'off') await this.stop();
    else if (was === 'off') await this.start();
    if (state === 'ready') {
      const held = this.#held;
      this.#held = [];
      for (const job of held) this.#print(job);
    }
  }

  #accept(socket: Socket): void {
    this.#sockets.add(socket);
    let job: Buffer[] = [];
    /** Whether bytes of the job came while it was not ready: then it is kept until it is ready. */
    let keep = false;
    let carry = Buffer.alloc(0);
    const received = (bytes: Buffer): void => {
      if (bytes.length === 0) return;
      job.push(bytes);
      if (this.#state !== 'ready') keep = true;
    };
    /** The job received so far comes out (or is held); the next one starts. */
    const printout = (): void => {
      const bytes = Buffer.concat(job);
      // Ready again by now (switched back while the job came in): it prints as a held job would.
      const held = keep && this.#state !== 'ready';
      job = [];
      keep = false;
      if (bytes.length === 0) return;
      if (held) this.#held.push(bytes);
      else this.#print(bytes);
    };
    // Its answers go at once, like a printer's real-time status (not held back for an ACK).
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      carry = Buffer.alloc(0);
      let from = 0;
      const answers: number[] = [];
      // Only the ESC/POS dialect answers DLE EOT.
      const first = this.options.dialect === 'escpos' ? data.indexOf(DLE) : -1;
      for (let i = first; i !== -1 && i < data.length; i = data.indexOf(DLE, i + 1)) {
        if (i + 2 >= data.length) {
          // Perhaps a DLE EOT cut between two chunks: wait for the rest.
          if (i + 1 >= data.length || data[i + 1] === EOT) {
            received(data.subarray(from, i));
            carry = Buffer.from(data.subarray(i));
            from = data.length;
            break;
          }
          continue;
        }
        if (data[i + 1] !== EOT) continue;
        const n = data[i + 2] ?? 0;
        received(data.subarray(from, i));
        // Asked before the next job: the one before it is whole.
        printout();
        answers.push(statusByte(this.#state === 'off' ? 'error' : this.#state, n));
        from = i + 3;
        i += 2;
      }
      if (from < data.length) received(data.subarray(from));
      // The answers to the queries of one chunk (DLE EOT 1, 2 and 4) in one write.
      if (answers.length > 0) socket.write(Buffer.from(answers));
    });
    const finish = (): void => {
      if (!this.#sockets.delete(socket)) return;
      received(carry);
      carry = Buffer.alloc(0);
      printout();
    };
    socket.on('end', () => {
      finish();
      socket.end();
    });
    socket.on('close', finish);
    socket.on('error', () => socket.destroy());
  }

  #print(bytes: Buffer): void {
    const printout = { at: (this.options.now ?? Date.now)(), bytes };
    this.#printed += 1;
    this.#printouts.push(printout);
    const keep = this.options.keep ?? 20;
    if (this.#printouts.length > keep) this.#printouts = this.#printouts.slice(-keep);
    for (const listener of this.#listeners) listener(printout);
  }
}
