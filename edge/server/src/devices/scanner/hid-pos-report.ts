/**
 * HID POS barcode scanner reports (usage page 0x8C, Bar Code Scanner, of the USB HID Point of Sale
 * Usage Tables), as Honeywell, Zebra, Datalogic and Access-IS scanners send them in HID POS mode on
 * their interrupt IN endpoint: the Scanned Data Report, 64 bytes with report id 2 —
 *
 *   byte 0      report id, 0x02
 *   byte 1      how many bytes of decoded data this report carries (0–56)
 *   bytes 2–4   the AIM symbology identifier (ISO/IEC 15424): `]`, the code character, the modifier
 *   bytes 5–60  the decoded data (up to 56 bytes), padded with zeros
 *   byte 61     the maker's own symbology identifier (Honeywell's code id; not read here)
 *   byte 62     reserved
 *   byte 63     bit 0: more data follows (Decoded Data Continued) — a longer code comes in several
 *               reports, each with the same AIM identifier, the last with bit 0 clear
 *
 * Pure: bytes in, codes out. `encodeHidPosReports` makes the same reports for the virtual scanner.
 */
import { MAX_SCAN_LENGTH, symbologyOfAim, type Symbology } from '@tillbox/core';

export const SCANNED_DATA_REPORT_ID = 0x02;
export const REPORT_SIZE = 64;
const LENGTH_AT = 1;
const AIM_AT = 2;
const DATA_AT = 5;
export const DATA_PER_REPORT = 56;
const FLAGS_AT = 63;
const MORE_DATA = 0x01;

export type DecodedReport =
  /** A part of a scanned code. */
  | { readonly kind: 'data'; readonly aim: string; readonly data: Uint8Array; readonly more: boolean }
  /** Another report of the scanner (its attributes, status): not a scan, nothing to do. */
  | { readonly kind: 'other'; readonly reportId: number }
  /** Not a report this layout allows: why. */
  | { readonly kind: 'bad'; readonly problem: string };

const hex = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

/** Read one input report. */
export function decodeHidPosReport(bytes: Uint8Array): DecodedReport {
  if (bytes.length === 0) return { kind: 'bad', problem: 'an empty report' };
  const id = bytes[0] ?? 0;
  if (id !== SCANNED_DATA_REPORT_ID) return { kind: 'other', reportId: id };
  if (bytes.length < DATA_AT) return { kind: 'bad', problem: `a scanned data report of ${bytes.length} bytes` };
  if (bytes.length > REPORT_SIZE)
    return { kind: 'bad', problem: `a scanned data report of ${bytes.length} bytes (at most ${REPORT_SIZE})` };
  const length = bytes[LENGTH_AT] ?? 0;
  if (length > DATA_PER_REPORT)
    return { kind: 'bad', problem: `a data length of ${length} (at most ${DATA_PER_REPORT} in one report)` };
  if (DATA_AT + length > bytes.length)
    return { kind: 'bad', problem: `a data length of ${length} in a report of ${bytes.length} bytes` };
  const aimBytes = bytes.subarray(AIM_AT, DATA_AT);
  const aim = String.fromCharCode(...aimBytes);
  if (aimBytes[0] !== 0x5d || !aimBytes.every((b) => b >= 0x21 && b <= 0x7e))
    return {
      kind: 'bad',
      problem: `no AIM symbology identifier (bytes ${[...aimBytes].map(hex).join(' ')} where "]" and two characters belong)`,
    };
  const more = bytes.length > FLAGS_AT && ((bytes[FLAGS_AT] ?? 0) & MORE_DATA) !== 0;
  return { kind: 'data', aim, data: bytes.slice(DATA_AT, DATA_AT + length), more };
}

export type AssembledScan =
  | { readonly kind: 'scan'; readonly code: string; readonly aim: string; readonly symbology: Symbology }
  | { readonly kind: 'unreadable'; readonly problem: string; readonly aim: string; readonly symbology: Symbology };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A code's bytes as text: UTF-8 (QR codes), else Latin-1; a scanner's trailing CR/LF suffix dropped. */
function textOf(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = String.fromCharCode(...bytes);
  }
  return text.replace(/[\r\n]+$/, '');
}

/**
 * Puts codes together from reports: a report with the more-data bit waits for the next; the last
 * part gives the code. A bad report, parts of two symbologies, or a code past the longest the hub
 * passes on make the code unreadable (said once, at its last part); the scanner's other reports are
 * left alone. `abandon()` drops a code cut short (unplugged, or its next part never came).
 */
export class HidPosAssembler {
  #parts: Uint8Array[] = [];
  #size = 0;
  #aim = '';
  #problem: string | undefined;

  /** Whether part of a code has come and the rest has not. */
  get pending(): boolean {
    return this.#parts.length > 0 || this.#problem !== undefined;
  }

  /** One input report; a scan (or why it cannot be read) when it completes a code. */
  push(bytes: Uint8Array): AssembledScan | undefined {
    const report = decodeHidPosReport(bytes);
    if (report.kind === 'other') return undefined;
    if (report.kind === 'bad') {
      const problem = `the scanner sent ${report.problem}`;
      const aim = this.#aim;
      this.#reset();
      return { kind: 'unreadable', problem, aim, symbology: symbologyOfAim(aim) };
    }
    if (this.pending && report.aim !== this.#aim)
      this.#problem ??= `its parts name two symbologies (${this.#aim}, then ${report.aim})`;
    this.#aim = report.aim;
    this.#size += report.data.length;
    if (this.#size > MAX_SCAN_LENGTH * 4) this.#problem ??= `it is longer than ${MAX_SCAN_LENGTH} characters`;
    else if (this.#problem === undefined) this.#parts.push(report.data);
    if (report.more) return undefined;
    const aim = this.#aim;
    const symbology = symbologyOfAim(aim);
    const problem = this.#problem;
    const code = problem === undefined ? textOf(concat(this.#parts)) : '';
    this.#reset();
    if (problem !== undefined)
      return { kind: 'unreadable', problem: `the code cannot be read: ${problem}`, aim, symbology };
    if (code.length === 0) return { kind: 'unreadable', problem: 'the scanner sent an empty code', aim, symbology };
    if (code.length > MAX_SCAN_LENGTH)
      return {
        kind: 'unreadable',
        problem: `the code cannot be read: it is longer than ${MAX_SCAN_LENGTH} characters`,
        aim,
        symbology,
      };
    return { kind: 'scan', code, aim, symbology };
  }

  /** The code under way was cut short: why, if one was. */
  abandon(why: string): AssembledScan | undefined {
    if (!this.pending) return undefined;
    const aim = this.#aim;
    this.#reset();
    return { kind: 'unreadable', problem: `the code was cut short: ${why}`, aim, symbology: symbologyOfAim(aim) };
  }

  #reset(): void {
    this.#parts = [];
    this.#size = 0;
    this.#aim = '';
    this.#problem = undefined;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The scanned data reports a scanner sends for `code` read as `aim` (e.g. `]E0`): 56 bytes of it a report. */
export function encodeHidPosReports(code: string, aim: string): Uint8Array[] {
  if (!/^\][\x21-\x7e]{2}$/.test(aim)) throw new RangeError(`not an AIM symbology identifier: ${aim}`);
  const data = new TextEncoder().encode(code);
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < data.length; at += DATA_PER_REPORT) {
    const part = data.subarray(at, at + DATA_PER_REPORT);
    const report = new Uint8Array(REPORT_SIZE);
    report[0] = SCANNED_DATA_REPORT_ID;
    report[LENGTH_AT] = part.length;
    for (let i = 0; i < 3; i++) report[AIM_AT + i] = aim.charCodeAt(i);
    report.set(part, DATA_AT);
    report[FLAGS_AT] = at + DATA_PER_REPORT < data.length ? MORE_DATA : 0;
    reports.push(report);
  }
  return reports;
}
