/**
 * The HID POS scanned data report, read from report bytes as scanners send them: a Honeywell
 * Voyager's six-report answer (published byte for byte by python_hon_usbhid), the two-report
 * example of Access-IS's manuals (a 60-byte code), and reports that are not right.
 */
import { describe, expect, it } from 'vitest';
import { decodeHidPosReport, encodeHidPosReports, HidPosAssembler, REPORT_SIZE } from './hid-pos-report.js';

/** A 64-byte report: id, length, AIM, data, padding, then bytes 61–63. */
function report(aim: string, data: string, trailer: [number, number, number]): Uint8Array {
  const bytes = new Uint8Array(REPORT_SIZE);
  bytes[0] = 2;
  bytes[1] = data.length;
  for (let i = 0; i < 3; i++) bytes[2 + i] = aim.charCodeAt(i);
  for (let i = 0; i < data.length; i++) bytes[5 + i] = data.charCodeAt(i);
  bytes.set(trailer, 61);
  return bytes;
}

// A Honeywell Voyager 1602g in HID POS mode (python_hon_usbhid's README): the first report of a
// 6-report message, as received — id 2, 56 bytes, ]X0, the data, then '?' (Honeywell's id), 0, 1.
const VOYAGER_FIRST = Uint8Array.from([
  2, 56, 93, 88, 48, 80, 114, 111, 100, 117, 99, 116, 32, 78, 97, 109, 101, 58, 32, 86, 111, 121, 97, 103, 101, 114, 32,
  49, 54, 48, 50, 103, 13, 10, 66, 111, 111, 116, 32, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 58, 32, 56, 57, 57,
  50, 13, 10, 83, 111, 102, 116, 63, 0, 1,
]);
// Its last report: 9 bytes, the rest zeros, the more-data bit clear.
const VOYAGER_LAST = Uint8Array.from([
  2, 9, 93, 88, 48, 117, 109, 58, 32, 78, 47, 65, 13, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 63, 0, 0,
]);

describe('decodeHidPosReport', () => {
  it('reads a scanned data report: the AIM identifier, the data of its length, the more-data bit', () => {
    const first = decodeHidPosReport(VOYAGER_FIRST);
    expect(first).toMatchObject({ kind: 'data', aim: ']X0', more: true });
    expect(first.kind === 'data' && Buffer.from(first.data).toString('latin1')).toBe(
      'Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoft',
    );
    const last = decodeHidPosReport(VOYAGER_LAST);
    expect(last).toMatchObject({ kind: 'data', aim: ']X0', more: false });
    expect(last.kind === 'data' && Buffer.from(last.data).toString('latin1')).toBe('um: N/A\r\n');
  });

  it("leaves the scanner's other reports alone", () => {
    expect(decodeHidPosReport(Uint8Array.from([0x01, 0x00, 0x05]))).toEqual({ kind: 'other', reportId: 1 });
  });

  it('says what is wrong with a report that breaks the layout', () => {
    expect(decodeHidPosReport(new Uint8Array())).toEqual({ kind: 'bad', problem: 'an empty report' });
    expect(decodeHidPosReport(Uint8Array.from([2, 1, 93]))).toEqual({
      kind: 'bad',
      problem: 'a scanned data report of 3 bytes',
    });
    const tooLong = report(']E0', '', [0, 0, 0]);
    tooLong[1] = 57;
    expect(decodeHidPosReport(tooLong)).toEqual({
      kind: 'bad',
      problem: 'a data length of 57 (at most 56 in one report)',
    });
    expect(decodeHidPosReport(Uint8Array.from([2, 8, 93, 69, 48, 52, 48]))).toEqual({
      kind: 'bad',
      problem: 'a data length of 8 in a report of 7 bytes',
    });
    expect(decodeHidPosReport(report('\0\0\0', '4006381333931', [0, 0, 0]))).toEqual({
      kind: 'bad',
      problem: 'no AIM symbology identifier (bytes 0x00 0x00 0x00 where "]" and two characters belong)',
    });
  });
});

describe('HidPosAssembler', () => {
  it('gives one EAN-13 code from one report, named by its AIM identifier', () => {
    const a = new HidPosAssembler();
    expect(a.push(report(']E0', '4006381333931', [100, 0, 0]))).toEqual({
      kind: 'scan',
      code: '4006381333931',
      aim: ']E0',
      symbology: 'ean-upc',
    });
    expect(a.pending).toBe(false);
  });

  it('puts a code sent in several reports together (the Voyager answer, six reports)', () => {
    const a = new HidPosAssembler();
    const middle = (text: string) => report(']X0', text, [63, 0, 1]);
    expect(a.push(VOYAGER_FIRST)).toBeUndefined();
    expect(a.pending).toBe(true);
    expect(a.push(middle('ware Part Number: CW000082BBA\r\nSoftware Revision: $Proje'))).toBeUndefined();
    expect(a.push(middle('ctRevision: 16345 \r\nSerial Number: 15232B1F0C\r\nSupported'))).toBeUndefined();
    expect(a.push(middle(' IF: Bluetooth\r\nPCB Assembly ID: 000000\r\nEngine Firmware'))).toBeUndefined();
    expect(a.push(middle(' Type: N/A   Revision: N/A   Serial Number: N/A   Checks'))).toBeUndefined();
    const done = a.push(VOYAGER_LAST);
    expect(done).toMatchObject({ kind: 'scan', aim: ']X0', symbology: 'other' });
    const code = done?.kind === 'scan' ? done.code : '';
    expect(code.startsWith('Product Name: Voyager 1602g\r\nBoot Revision')).toBe(true);
    expect(code.endsWith('Serial Number: N/A   Checksum: N/A')).toBe(true); // the trailing CR LF dropped
    expect(code).toHaveLength(56 * 5 + 9 - 2);
  });

  it("reads Access-IS's example: a 60-byte boarding pass in two reports, the second padded with zeros", () => {
    const a = new HidPosAssembler();
    const pass = 'M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23  ';
    const first = report(']Q0', pass.padEnd(56, ' '), [0x73, 0, 1]);
    const second = report(']Q0', '1234', [0x73, 0, 0]);
    expect(a.push(first)).toBeUndefined();
    expect(a.push(second)).toEqual({ kind: 'scan', code: `${pass.padEnd(56, ' ')}1234`, aim: ']Q0', symbology: 'qr' });
  });

  it('makes a code unreadable when a bad report comes in the middle, and reads the next one', () => {
    const a = new HidPosAssembler();
    expect(
      a.push(report(']Q1', 'TBXM1-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN', [0, 0, 1])),
    ).toBeUndefined();
    const broken = report(']Q1', 'OP', [0, 0, 0]);
    broken[1] = 200;
    expect(a.push(broken)).toEqual({
      kind: 'unreadable',
      problem: 'the scanner sent a data length of 200 (at most 56 in one report)',
      aim: ']Q1',
      symbology: 'qr',
    });
    expect(a.pending).toBe(false);
    expect(a.push(report(']E0', '0012345678905', [0, 0, 0]))).toMatchObject({ kind: 'scan', code: '0012345678905' });
  });

  it('refuses parts of two symbologies as one code', () => {
    const a = new HidPosAssembler();
    a.push(report(']E0', '400638', [0, 0, 1]));
    expect(a.push(report(']C0', '1333931', [0, 0, 0]))).toMatchObject({
      kind: 'unreadable',
      problem: 'the code cannot be read: its parts name two symbologies (]E0, then ]C0)',
    });
  });

  it('says a code was cut short when its last part never comes, and an empty code is not one', () => {
    const a = new HidPosAssembler();
    expect(a.abandon('unplugged')).toBeUndefined();
    a.push(report(']E0', '400638', [0, 0, 1]));
    expect(a.abandon('the scanner was unplugged')).toMatchObject({
      kind: 'unreadable',
      problem: 'the code was cut short: the scanner was unplugged',
    });
    expect(a.push(report(']E0', '', [0, 0, 0]))).toMatchObject({
      kind: 'unreadable',
      problem: 'the scanner sent an empty code',
    });
  });
});

describe('encodeHidPosReports', () => {
  it('makes the reports a scanner sends, which read back as the code', () => {
    const code = `https://store.example/receipt/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b?t=${'x'.repeat(50)}`;
    const reports = encodeHidPosReports(code, ']Q1');
    expect(reports).toHaveLength(3);
    expect(reports.map((r) => [r.length, r[0], r[1], r[63]])).toEqual([
      [64, 2, 56, 1],
      [64, 2, 56, 1],
      [64, 2, code.length - 112, 0],
    ]);
    const a = new HidPosAssembler();
    const out = reports.map((r) => a.push(r));
    expect(out.at(-1)).toEqual({ kind: 'scan', code, aim: ']Q1', symbology: 'qr' });
    expect(encodeHidPosReports('4006381333931', ']E0')[0]?.subarray(0, 18)).toEqual(
      Uint8Array.from([2, 13, 93, 69, 48, 52, 48, 48, 54, 51, 56, 49, 51, 51, 51, 57, 51, 49]),
    );
  });
});
