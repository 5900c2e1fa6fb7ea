/**
 * A printer's status by DLE EOT n ("transmit real-time status", Epson ESC/POS): the printer answers
 * each with one byte at once, even while it is offline. Every answer has bit 1 and bit 4 set and
 * bits 0 and 7 clear (0x12 when all is well), which tells a status byte from anything else.
 *
 * | n | answers | bits used here |
 * | --- | --- | --- |
 * | 1 | printer status | 3: offline |
 * | 2 | offline cause | 2: cover open; 5: printing stopped at paper end; 6: an error happened |
 * | 4 | paper roll sensor | 2–3: paper near its end; 5–6: paper end |
 *
 * Drawer kicks: ESC p m t1 t2 (pin 2 when m = 0, pin 5 when m = 1; on for t1 × 2 ms, off for
 * t2 × 2 ms). Star Line Mode has no DLE EOT (its printers are sent to without asking) and opens the
 * drawer with BEL after ESC BEL n1 n2 sets the pulse.
 */
import type { DeviceState } from '@tillbox/core';

export const DLE = 0x10;
export const EOT = 0x04;

/** The three questions asked before a job, answered with three bytes in order. */
export const STATUS_QUERY = Buffer.from([DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 4]);
export const STATUS_ANSWER_BYTES = 3;

export interface PrinterStatus {
  readonly offline: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
  readonly error: boolean;
}

/** Whether `b` can be an answer to DLE EOT (fixed bits 1 and 4 set, 0 and 7 clear). */
export const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

/** The status from the answers to DLE EOT 1, 2 and 4; undefined when they are not status bytes. */
export function parseStatus(answer: Uint8Array): PrinterStatus | undefined {
  const [printer, offlineCause, paper] = answer;
  if (printer === undefined || offlineCause === undefined || paper === undefined) return undefined;
  if (![printer, offlineCause, paper].every(isStatusByte)) return undefined;
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (paper & 0x60) === 0x60 || (offlineCause & 0x20) !== 0,
    paperNearEnd: (paper & 0x0c) === 0x0c,
    error: (offlineCause & 0x40) !== 0,
  };
}

/** What the hub shows for a status: the most specific reason first. */
export function stateOfStatus(status: PrinterStatus): DeviceState {
  if (status.coverOpen) return 'cover-open';
  if (status.paperOut) return 'paper-out';
  if (status.error) return 'error';
  if (status.offline) return 'offline';
  return 'ready';
}

/** What a printer in `state` answers to DLE EOT n (the virtual printer answers with these). */
export function statusByte(state: 'ready' | 'paper-out' | 'cover-open' | 'error', n: number): number {
  const stopped = state !== 'ready';
  switch (n) {
    case 1:
      return 0x12 | (stopped ? 0x08 : 0);
    case 2:
      return (
        0x12 | (state === 'cover-open' ? 0x04 : 0) | (state === 'paper-out' ? 0x20 : 0) | (state === 'error' ? 0x40 : 0)
      );
    case 3:
      return 0x12 | (state === 'error' ? 0x40 : 0);
    case 4:
      return 0x12 | (state === 'paper-out' ? 0x6c : 0);
    default:
      return 0x12;
  }
}

/** The bytes that open a cash drawer on `pin` through a printer of `dialect`. */
export function drawerKick(dialect: 'escpos' | 'star', pin: 2 | 5): Buffer {
  // ESC BEL n1 n2 sets the pulse (22 ms on, 110 ms off), then BEL drives drawer 1 and SUB drawer 2.
  if (dialect === 'star') return Buffer.from([0x1b, 0x07, 0x0b, 0x37, pin === 2 ? 0x07 : 0x1a]);
  return Buffer.from([0x1b, 0x70, pin === 2 ? 0 : 1, 25, 250]); // ESC p m: 50 ms on, 500 ms off
}
