/**
 * How bytes reach a printer: one session at a time (open, ask its status and write a job — for
 * each job of a run, when the printer is asked its status — close).
 * TCP (port 9100, "raw" printing, what network printers and the virtual printer listen on),
 * device files and serial ports here; USB in `usb/usb-transport.ts`. A session that fails rejects with a
 * `device-unavailable` or `device-timeout` TillboxError naming the printer's address; nothing here
 * throws outside the promise it returned.
 */
import { constants as fsConstants } from 'node:fs';
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { TillboxError } from '@tillbox/core';

export interface PrinterSession {
  write(bytes: Uint8Array): Promise<void>;
  /** `n` bytes the printer sends back (its status answers), or a `device-timeout` after `timeoutMs`. */
  read(n: number, timeoutMs: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PrinterTransport {
  /** Where it goes, as the profile writes it (`tcp:10.0.0.5:9100`). */
  readonly address: string;
  /** Whether the printer can answer (status queries need it). */
  readonly canRead: boolean;
  open(timeoutMs: number): Promise<PrinterSession>;
}

const unavailable = (address: string, why: string, cause?: unknown) =>
  new TillboxError('device-unavailable', `Cannot reach the printer at ${address}: ${why}`, { cause });
const timedOut = (address: string, what: string) =>
  new TillboxError('device-timeout', `The printer at ${address} did not ${what} in time`);

/** Raw printing over TCP: one connection per session, as printers on port 9100 take them. */
export class TcpTransport implements PrinterTransport {
  readonly canRead = true;
  readonly address: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.address = `tcp:${host}:${port}`;
  }

  open(timeoutMs: number): Promise<PrinterSession> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(timedOut(this.address, 'accept a connection'));
      }, timeoutMs);
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(unavailable(this.address, err.message, err));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new TcpSession(socket, this.address));
      });
    });
  }
}

class TcpSession implements PrinterSession {
  #received = Buffer.alloc(0);
  #failure: Error | undefined;
  #waiter: (() => void) | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly address: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.#received = Buffer.concat([this.#received, chunk]);
      this.#waiter?.();
    });
    socket.on('error', (err) => {
      this.#failure = unavailable(address, err.message, err);
      this.#waiter?.();
    });
    socket.on('close', () => {
      this.#failure ??= unavailable(address, 'the printer closed the connection');
      this.#waiter?.();
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (err) =>
        err ? reject(this.#failure ?? unavailable(this.address, err.message, err)) : resolve(),
      );
    });
  }

  read(n: number, timeoutMs: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const done = (): boolean => {
        if (this.#received.length >= n) {
          const out = this.#received.subarray(0, n);
          this.#received = this.#received.subarray(n);
          finish();
          resolve(Buffer.from(out));
          return true;
        }
        if (this.#failure) {
          finish();
          reject(this.#failure);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(timedOut(this.address, 'answer its status'));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.#waiter = undefined;
      };
      if (!done()) this.#waiter = () => void done();
    });
  }

  /** Ends the connection once everything written has gone out; at most 2 s, then it is cut. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      const timer = setTimeout(() => this.socket.destroy(), 2000);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
  }
}

/** A device file (`/dev/usb/lp0`) or any file: written, never read (no status). */
export class FileTransport implements PrinterTransport {
  readonly canRead = false;
  readonly address: string;

  /** `flags`: how it is opened (`a`: appended to, made when missing); `address`: `file:PATH` unless given. */
  constructor(
    private readonly path: string,
    private readonly options: { readonly address?: string; readonly flags?: string | number } = {},
  ) {
    this.address = options.address ?? `file:${path}`;
  }

  async open(timeoutMs: number): Promise<PrinterSession> {
    let handle: FileHandle;
    try {
      handle = await withTimeout(openFile(this.path, this.options.flags ?? 'a'), timeoutMs, () =>
        timedOut(this.address, 'open'),
      );
    } catch (e) {
      throw e instanceof TillboxError ? e : unavailable(this.address, (e as Error).message, e);
    }
    const address = this.address;
    return {
      async write(bytes) {
        try {
          await handle.write(bytes);
        } catch (e) {
          throw unavailable(address, (e as Error).message, e);
        }
      },
      read: () => Promise.reject(new TillboxError('device-unavailable', `${address} cannot be read`)),
      close: () => handle.close().catch(() => undefined),
    };
  }
}

/** The one baud rate a serial port is driven at: Linux's default for a port (nothing sets another). */
export const SERIAL_BAUD = 9600;

/**
 * A serial port (`/dev/ttyS0`, `/dev/ttyUSB0`): written like a device file at the port's default
 * 9600 baud, never read (no status, as for a device file), and never made when it is missing (a
 * USB-serial adapter unplugged is an error, not a new file in /dev). Pole displays and printers
 * both use it. Another baud rate: the reason it cannot be driven.
 */
export function serialTransport(c: {
  readonly path: string;
  readonly baud: number;
}): { ok: true; transport: PrinterTransport } | { ok: false; message: string } {
  if (c.baud !== SERIAL_BAUD)
    return {
      ok: false,
      message: `Only ${SERIAL_BAUD} baud is driven (the port's default): set the device to ${SERIAL_BAUD}, not ${c.baud}`,
    };
  const flags = fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_NOCTTY;
  return { ok: true, transport: new FileTransport(c.path, { address: `serial:${c.path}@${c.baud}`, flags }) };
}

/** A device the store box cannot drive as written (say, a baud rate it does not set): every session fails with why. */
export class UnusableTransport implements PrinterTransport {
  readonly canRead = false;

  constructor(
    readonly address: string,
    private readonly why: string,
  ) {}

  open(): Promise<PrinterSession> {
    return Promise.reject(new TillboxError('validation', `${this.address}: ${this.why}`));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(error()), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
