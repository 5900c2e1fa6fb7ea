/**
 * The gathering builder makes exactly node-thermal-printer's bytes: the same commands on both
 * (every one the renderers use), and random text of ASCII, accents, other single-byte scripts,
 * CJK and emoji, on Epson and Star, with the code page switches the library makes on its own.
 */
import fc from 'fast-check';
import { BreakLine, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { EscPosBuilder, type BuilderConfig } from './escpos-builder.js';

const Library = ThermalPrinter as unknown as new (config: BuilderConfig) => ThermalPrinter;

type Command = (p: ThermalPrinter) => void;

/** Runs `commands` on a fresh builder of each kind; answers both buffers (an error as its message). */
function both(type: PrinterTypes, commands: readonly Command[]): { ours: string; library: string } {
  const run = (p: ThermalPrinter): string => {
    for (const c of commands) {
      try {
        c(p);
      } catch (e) {
        p.add(Buffer.from(`<${(e as Error).message}>`));
      }
    }
    return p.getBuffer().toString('hex');
  };
  const config = { type, width: 42, breakLine: BreakLine.NONE };
  return { ours: run(new EscPosBuilder(config)), library: run(new Library(config)) };
}

const TYPES = [PrinterTypes.EPSON, PrinterTypes.STAR] as const;

describe('the gathering ESC/POS builder', () => {
  it.each(TYPES)('makes the library’s bytes for every command the renderers use (%s)', (type) => {
    const { ours, library } = both(type, [
      (p) => p.add(Buffer.from([0x1b, 0x40])),
      (p) => p.setCharacterSet('PC858_EURO' as never),
      (p) => p.alignCenter(),
      (p) => p.setTextQuadArea(),
      (p) => p.bold(true),
      (p) => p.invert(true),
      (p) => p.print('#42 Ava'),
      (p) => p.newLine(),
      (p) => p.setTextDoubleHeight(),
      (p) => p.alignRight(),
      (p) => p.print('Crème brûlée €4.50 Łódź ΐ 抹茶 🍵'),
      (p) => p.newLine(),
      (p) => p.setTextNormal(),
      (p) => p.alignLeft(),
      (p) => p.bold(false),
      (p) => p.invert(false),
      (p) => p.print(''),
      (p) => p.print('-'.repeat(42)),
      (p) => p.beep(2, 3),
      (p) => p.printVerticalTab(),
      (p) => p.printQR('https://store.example/r/abc', { cellSize: 6, correction: 'M', model: 2 }),
      (p) => p.partialCut(),
      (p) => p.cut(),
    ]);
    expect(ours).toBe(library);
    expect(ours.length).toBeGreaterThan(100);
  });

  it('property: any text, on either printer, after any code page, gives the library’s bytes', () => {
    const pool = [
      'a',
      'Z',
      ' ',
      '7',
      '#',
      '\n',
      'é',
      'ü',
      'ñ',
      'ß',
      '€',
      'Ł',
      'ó',
      'ź',
      'Ω',
      'ΐ',
      'Ж',
      'א',
      'ع',
      '─',
      '抹',
      '茶',
      '🍵',
      '™',
    ];
    const text = fc.array(fc.constantFrom(...pool), { maxLength: 30 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        fc.constantFrom('PC858_EURO', 'WPC1252', 'PC437_USA', 'PC852_LATIN2'),
        fc.array(text, { minLength: 1, maxLength: 6 }),
        (type, page, texts) => {
          const commands: Command[] = [(p) => p.setCharacterSet(page as never)];
          for (const t of texts)
            commands.push(
              (p) => p.print(t),
              (p) => p.newLine(),
            );
          const { ours, library } = both(type, commands);
          expect(ours).toBe(library);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('clears and takes a buffer as the library does', () => {
    const p = new EscPosBuilder({ type: PrinterTypes.EPSON, width: 42, breakLine: BreakLine.NONE });
    p.print('gone');
    p.clear();
    expect(p.getBuffer().length).toBe(0);
    p.setBuffer(Buffer.from('kept'));
    p.print('!');
    expect(p.getText()).toBe('kept!');
  });
});
