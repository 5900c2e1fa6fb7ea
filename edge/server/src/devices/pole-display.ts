/**
 * A pole display of the hardware profile (driver `escpos-display`): it is sent two lines whenever
 * its counter's customer display changes — over TCP, a device file, or to the virtual pole display
 * that reads the same bytes. One write at a time; when several changes come while one is written,
 * only the newest follows it. A failed write leaves the display `offline` with why, and the next
 * change tries again.
 */
import { decodePoleDisplay, poleDisplayBytes, POLE_ROWS, type HardwareDevice } from '@tillbox/core';
import type { Logger } from 'pino';
import type { DeviceStatusView } from './printer.js';
import type { PrinterSession, PrinterTransport } from './transport.js';

export type PoleDisplayDevice = Extract<HardwareDevice, { role: 'customer-display' }>;

/** The virtual pole display: what it was sent, decoded as a real one shows it. */
export class VirtualPoleDisplay implements PrinterTransport {
  readonly address = 'virtual';
  readonly canRead = false;
  lines: string[];

  constructor(private readonly columns: number) {
    this.lines = Array.from({ length: POLE_ROWS }, () => ' '.repeat(columns));
  }

  open(): Promise<PrinterSession> {
    return Promise.resolve({
      write: (bytes) => {
        this.lines = decodePoleDisplay(bytes, this.columns, this.lines);
        return Promise.resolve();
      },
      read: () => Promise.reject(new Error('a pole display does not answer')),
      close: () => Promise.resolve(),
    });
  }
}

export class PoleDisplay {
  #status: DeviceStatusView = { state: 'ready' };
  #pending: Uint8Array | undefined;
  #writing = false;
  #stopped = false;

  constructor(
    private readonly ctx: {
      device: PoleDisplayDevice;
      transport: PrinterTransport;
      timeoutMs: number;
      log: Logger;
      now?: () => number;
    },
  ) {}

  get status(): DeviceStatusView {
    return this.#status;
  }

  get device(): PoleDisplayDevice {
    return this.ctx.device;
  }

  /** Put these lines on the display (after the write under way, if any). */
  show(lines: readonly string[]): void {
    if (this.#stopped) return;
    this.#pending = poleDisplayBytes(lines, this.ctx.device.columns);
    void this.#drain();
  }

  stop(): void {
    this.#stopped = true;
    this.#pending = undefined;
  }

  async #drain(): Promise<void> {
    if (this.#writing) return;
    this.#writing = true;
    const now = this.ctx.now ?? Date.now;
    try {
      while (this.#pending && !this.#stopped) {
        const bytes = this.#pending;
        this.#pending = undefined;
        try {
          const session = await this.ctx.transport.open(this.ctx.timeoutMs);
          try {
            await session.write(bytes);
          } finally {
            await session.close();
          }
          this.#status = { state: 'ready', checkedAt: now() };
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.#status = { state: 'offline', lastError: message, lastErrorAt: now(), checkedAt: now() };
          this.ctx.log.warn({ device: this.ctx.device.id, err: message }, 'pole display not reached');
        }
      }
    } finally {
      this.#writing = false;
    }
  }
}
