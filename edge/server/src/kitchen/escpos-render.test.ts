import {
  isTillboxError,
  kitchenTicketDocument,
  kitchenTicketText,
  type KitchenTicketInput,
  type TicketDocument,
} from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, type DecodedLine, type DecodedPrintout } from './escpos-decode.js';
import { renderTicketEscPos, type EscPosRenderOptions } from './escpos-render.js';

function ticket(overrides: Partial<KitchenTicketInput> = {}, width = 32): TicketDocument {
  return kitchenTicketDocument(
    {
      station: 'Hot line',
      orderNumber: 42,
      channel: 'app',
      orderType: 'pickup',
      guestName: 'Zoë',
      placedAt: '2026-03-07T19:02:00Z',
      promisedAt: '2026-03-07T19:30:00Z', // 14:30 in New York
      timeZone: 'America/New_York',
      rush: true,
      split: { index: 1, count: 2 },
      lines: [
        {
          quantity: 2,
          name: 'Double Bacon Smokehouse Cheeseburger',
          variantName: 'Large',
          modifiers: ['Extra cheese', 'No onion'],
          note: 'Well done',
          allergens: ['milk', 'egg'],
        },
        { quantity: 1, name: 'Café crème brûlée', modifiers: ['€1 extra shot'], allergens: [] },
      ],
      ...overrides,
    },
    { width },
  );
}

function printed(doc: TicketDocument, options: EscPosRenderOptions = {}): { bytes: Buffer; out: DecodedPrintout } {
  const bytes = renderTicketEscPos(doc, options);
  const dialect = options.printerType === 'star' ? 'star' : 'escpos';
  return { bytes, out: decodeEscPos(bytes, { dialect, columns: options.width ?? doc.width }) };
}

const find = (out: DecodedPrintout, part: string): DecodedLine | undefined =>
  out.lines.find((l) => l.text.includes(part));
/** Index of `needle` in `haystack`, or −1. */
const indexOf = (haystack: Buffer, needle: number[]): number => haystack.indexOf(Buffer.from(needle));
const ESC = 0x1b;
const GS = 0x1d;

describe.each([
  { printerType: 'epson' as const, width: 32 },
  { printerType: 'epson' as const, width: 48 },
  { printerType: 'star' as const, width: 48 },
])('a kitchen ticket on a $width-column $printerType printer', ({ printerType, width }) => {
  const doc = ticket({}, width);
  const { bytes, out } = printed(doc, { printerType });

  it('starts by initialising the printer (ESC @), then selects PC858', () => {
    expect([...bytes.subarray(0, 2)]).toEqual([ESC, 0x40]);
    expect(out.events[0]).toEqual({ kind: 'init', offset: 0 });
    expect(out.events[1]).toMatchObject({ kind: 'code-page', name: 'PC858' });
  });

  it('prints exactly the plain-text preview, line for line, with nothing the decoder does not understand', () => {
    expect(out.lines.map((l) => l.layout)).toEqual(kitchenTicketText(doc).split('\n'));
    expect(out.warnings).toEqual([]);
  });

  it('prints the order number double width and double height, bold and centred', () => {
    expect(find(out, '#42')).toMatchObject({ text: '#42', widthScale: 2, heightScale: 2, bold: true, align: 'center' });
    expect(find(out, 'APP / PICKUP')).toMatchObject({ widthScale: 1, heightScale: 1 });
  });

  it('prints the allergy line bold and inverted, and turns inversion off after it', () => {
    expect(find(out, '!! ALLERGY')).toMatchObject({ text: '!! ALLERGY: milk, egg', bold: true, invert: true });
    const after = out.lines[out.lines.findIndex((l) => l.text.startsWith('!! ALLERGY')) + 1];
    expect(after).toMatchObject({ text: '1x Café crème brûlée', invert: false });
    expect(find(out, '- Extra cheese')).toMatchObject({ bold: false, invert: false });
  });

  it('shows RUSH inverted, and items double height', () => {
    expect(find(out, 'RUSH')).toMatchObject({ invert: true, widthScale: 2 });
    expect(find(out, '2x Double')).toMatchObject({ heightScale: 2, widthScale: 1, bold: true, align: 'left' });
  });

  it('ends with one full cut after the last line', () => {
    expect(out.cuts).toEqual([{ partial: false, afterLine: out.lines.length }]);
    const afterCut = out.events.slice(out.events.findIndex((e) => e.kind === 'cut') + 1);
    expect(afterCut.every((e) => e.kind === 'init')).toBe(true); // the library resets the printer after cutting
  });
});

describe('renderTicketEscPos: any document', () => {
  it('prints feeds as blank lines and right-aligned text where the preview shows it', () => {
    const text = (t: string, align: 'left' | 'right') =>
      ({ kind: 'text', text: t, align, size: 'normal', bold: false, invert: false }) as const;
    const doc: TicketDocument = {
      width: 32,
      blocks: [text('top', 'left'), { kind: 'feed', lines: 2 }, text('end', 'right'), { kind: 'cut' }],
    };
    const { out } = printed(doc);
    expect(out.lines.map((l) => l.layout)).toEqual(['top', '', '', ' '.repeat(29) + 'end']);
    expect(kitchenTicketText(doc).split('\n')).toEqual(out.lines.map((l) => l.layout));
    expect(out.lines[3]?.align).toBe('right');
  });
});

describe('renderTicketEscPos: characters', () => {
  it('encodes accents in PC858 (é = 0x82, è = 0x8A, û = 0x96, € = 0xD5) after ESC t 19', () => {
    const { bytes, out } = printed(ticket());
    expect([...bytes.subarray(2, 5)]).toEqual([ESC, 0x74, 19]);
    expect(indexOf(bytes, [...Buffer.from('Caf'), 0x82, 0x20, 0x63, 0x72, 0x8a, 0x6d, 0x65])).toBeGreaterThan(0);
    expect(indexOf(bytes, [...Buffer.from('br'), 0x96, 0x6c, 0x82, 0x65])).toBeGreaterThan(0);
    expect(indexOf(bytes, [0xd5, ...Buffer.from('1 extra shot')])).toBeGreaterThan(0);
    expect(find(out, 'extra shot')?.text).toBe('   - €1 extra shot');
    expect(find(out, 'GUEST')?.text).toBe('GUEST: Zoë');
  });

  it('uses the Star code page command (ESC GS t 4) for PC858 on a Star printer', () => {
    const { bytes } = printed(ticket(), { printerType: 'star' });
    expect([...bytes.subarray(2, 6)]).toEqual([ESC, GS, 0x74, 4]);
    expect(indexOf(bytes, [...Buffer.from('Caf'), 0x82])).toBeGreaterThan(0);
  });

  it('follows another code page when it is chosen (WPC1252: é = 0xE9, € = 0x80)', () => {
    const { bytes, out } = printed(ticket(), { characterSet: 'WPC1252' });
    expect([...bytes.subarray(2, 5)]).toEqual([ESC, 0x74, 16]);
    expect(indexOf(bytes, [...Buffer.from('Caf'), 0xe9])).toBeGreaterThan(0);
    expect(find(out, 'Caf')?.text).toBe('1x Café crème brûlée');
    expect(indexOf(bytes, [0x80, ...Buffer.from('1 extra')])).toBeGreaterThan(0); // € is 0x80 in 1252
    expect(find(out, 'extra shot')?.text).toBe('   - €1 extra shot');
  });

  it('switches code page mid-line for letters PC858 lacks and decodes them back (Łódź → PC852)', () => {
    const { bytes, out } = printed(
      ticket({ lines: [{ quantity: 1, name: 'Pierogi Łódź', modifiers: [], allergens: [] }] }),
    );
    expect(indexOf(bytes, [ESC, 0x74, 18, 0x9d, 0xa2, 0x64, 0xab])).toBeGreaterThan(0); // Ł ó d ź in PC852
    expect(find(out, 'Pierogi')?.text).toBe('1x Pierogi Łódź');
    expect(out.warnings).toEqual([]);
  });

  it('prints ? for what no single-byte page holds instead of switching to a double-byte mode', () => {
    const doc = ticket({ lines: [{ quantity: 1, name: '김치 Burger 🍔', modifiers: [], allergens: [] }] });
    const { bytes, out } = printed(doc);
    expect(find(out, 'Burger')?.text).toBe('1x ?? Burger ?');
    expect(indexOf(bytes, [ESC, 0x52])).toBe(-1); // no ESC R (international/Korean character set)
    const passed = renderTicketEscPos(doc, { doubleByte: 'pass-through' });
    expect(indexOf(passed, [ESC, 0x52, 13])).toBeGreaterThan(0); // the library's EUC-KR path
  });

  it('survives a character the Star driver has no page command for, and keeps later accents right', () => {
    const doc = ticket({
      lines: [
        { quantity: 1, name: 'Greek salad ΐ', modifiers: [], allergens: [] },
        { quantity: 1, name: 'Café', modifiers: [], allergens: [] },
      ],
    });
    const { out } = printed(doc, { printerType: 'star' });
    expect(find(out, 'Greek')?.text).toBe('1x Greek salad ?');
    expect(find(out, '1x Caf')?.text).toBe('1x Café');
  });
});

describe('renderTicketEscPos: cutting and the buzzer', () => {
  it('cuts with GS V 0 by default, GS V 1 for a partial cut, and only feeds when told not to cut', () => {
    const doc = ticket();
    expect(indexOf(renderTicketEscPos(doc), [GS, 0x56, 0])).toBeGreaterThan(0);
    const partial = printed(doc, { cut: 'partial' });
    expect(indexOf(partial.bytes, [GS, 0x56, 1])).toBeGreaterThan(0);
    expect(partial.out.cuts).toEqual([{ partial: true, afterLine: partial.out.lines.length }]);
    const none = printed(doc, { cut: 'none' });
    expect(none.out.cuts).toEqual([]);
    expect(none.out.events.filter((e) => e.kind === 'feed')).toHaveLength(2);
  });

  it('sounds the Epson buzzer with ESC B n t just before the cut, and only when asked', () => {
    const { bytes, out } = printed(ticket(), { beep: { times: 3, length: 2 } });
    const beep = indexOf(bytes, [ESC, 0x42, 3, 2]);
    expect(beep).toBeGreaterThan(0);
    expect(beep).toBeLessThan(indexOf(bytes, [GS, 0x56, 0]));
    expect(out.events.filter((e) => e.kind === 'beep')).toEqual([
      { kind: 'beep', command: 'ESC B', times: 3, offset: beep },
    ]);
    expect(printed(ticket()).out.events.some((e) => e.kind === 'beep')).toBe(false);
  });

  it('rings a Star buzzer with ESC GS BEL 1 t1 t2 once per beep, and cuts with ESC d 2', () => {
    const { bytes, out } = printed(ticket(), { printerType: 'star', beep: { times: 2, length: 3 } });
    const ring = [ESC, GS, 0x07, 1, 15, 5]; // 15 × 20 ms on, 5 × 20 ms off
    expect(indexOf(bytes, [...ring, ...ring])).toBeGreaterThan(0);
    expect(out.events.filter((e) => e.kind === 'beep')).toHaveLength(2);
    expect(indexOf(bytes, [ESC, 0x64, 2])).toBeGreaterThan(indexOf(bytes, ring));
    expect(out.cuts).toHaveLength(1);
  });

  it('refuses a printer narrower than the ticket, a bad beep and a code page the driver lacks', () => {
    const codes = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isTillboxError(e) ? `${e.code}:${e.details[0]?.path}` : 'other';
      }
      return undefined;
    };
    expect(codes(() => renderTicketEscPos(ticket({}, 48), { width: 32 }))).toBe('validation:width');
    expect(codes(() => renderTicketEscPos(ticket(), { beep: { times: 10, length: 1 } }))).toBe('validation:beep');
    expect(codes(() => renderTicketEscPos(ticket(), { printerType: 'star', characterSet: 'ISO8859_7_GREEK' }))).toBe(
      'validation:characterSet',
    );
    expect(codes(() => renderTicketEscPos(ticket({}, 32), { width: 48 }))).toBeUndefined();
  });
});

describe('decodeEscPos reads the Epson command formats, not just what the renderer happens to send', () => {
  const bytes = (...parts: (string | number[])[]): Uint8Array =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

  it('takes height from bits 0–2 and width from bits 4–6 of GS ! n, and lets ESC ! override it', () => {
    const out = decodeEscPos(bytes([GS, 0x21, 0x01], 'tall\n', [GS, 0x21, 0x10], 'wide\n', [ESC, 0x21, 0x00], 'n\n'));
    expect(out.lines.map((l) => [l.text, l.widthScale, l.heightScale])).toEqual([
      ['tall', 1, 2],
      ['wide', 2, 1],
      ['n', 1, 1],
    ]);
  });

  it('turns emphasis off with ESC ! n unless bit 3 is set', () => {
    const out = decodeEscPos(bytes([ESC, 0x45, 1], 'a\n', [ESC, 0x21, 0x10], 'b\n', [ESC, 0x21, 0x18], 'c\n'));
    expect(out.lines.map((l) => l.bold)).toEqual([true, false, true]);
  });

  it('ignores ESC a and GS V when they arrive in the middle of a line, as the printer does', () => {
    const out = decodeEscPos(bytes('ab', [ESC, 0x61, 1], 'c', [GS, 0x56, 0x42, 0], '\n', [GS, 0x56, 0x42, 0]));
    expect(out.lines).toMatchObject([{ text: 'abc', align: 'left' }]);
    expect(out.cuts).toEqual([{ partial: true, afterLine: 1 }]); // GS V 66 n: feed and partial cut
    expect(out.warnings.map((w) => w.message)).toEqual([
      'ESC a ignored: not at the beginning of a line',
      'cut ignored: not at the beginning of a line',
    ]);
  });

  it('reads Star Line Mode: ESC i sizes, ESC E/F bold, ESC 4/5 reverse, ESC GS a, and ESC d n cuts after printing', () => {
    const out = decodeEscPos(
      bytes(
        [ESC, GS, 0x61, 1],
        [ESC, 0x69, 1, 1],
        [ESC, 0x45],
        '#7\n',
        [ESC, 0x69, 0, 0],
        [ESC, 0x46],
        [ESC, 0x34],
        'x',
        [ESC, 0x64, 3],
      ),
      { dialect: 'star' },
    );
    expect(out.lines).toMatchObject([
      { text: '#7', align: 'center', widthScale: 2, heightScale: 2, bold: true, invert: false },
      { text: 'x', align: 'center', widthScale: 1, heightScale: 1, bold: false, invert: true },
    ]);
    expect(out.cuts).toEqual([{ partial: true, afterLine: 2 }]);
    expect(out.warnings).toEqual([]);
  });

  it('decodes bytes through the selected table and reports unknown and truncated commands', () => {
    const out = decodeEscPos(
      bytes([ESC, 0x74, 0], [0x9b], ' ', [ESC, 0x74, 19], [0xd5], '\n', [ESC, 0x7e], [GS, 0x21]),
    );
    expect(out.lines[0]?.text).toBe('¢ €'); // 0x9B is ¢ in PC437; 0xD5 is € in PC858
    expect(out.warnings.map((w) => w.message)).toEqual(['unknown command 1b 7e', 'truncated command 1d 21']);
  });
});
