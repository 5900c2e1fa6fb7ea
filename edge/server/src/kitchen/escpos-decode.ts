/**
 * Reads ESC/POS bytes back into what the paper shows: text lines with their alignment and styles,
 * cuts, feeds, beeps and code-page changes. It follows the command formats of the Epson ESC/POS
 * reference (and, with `dialect: 'star'`, Star Line Mode), including their quirks: ESC a and GS V
 * act only at the beginning of a line, ESC ! and GS ! both set the character size (the last one
 * wins), ESC ! also sets emphasis, and ESC @ throws away unprinted text. Tests decode what the
 * renderer emits; the virtual printer shows what a real printer would have printed.
 *
 * Works on any Uint8Array (a Buffer is one) and uses no Node API.
 */

export type EscPosDialect = 'escpos' | 'star';
export type DecodedAlign = 'left' | 'center' | 'right';

export interface DecodedStyle {
  readonly bold: boolean;
  readonly underline: boolean;
  /** White on black (GS B / Star ESC 4). */
  readonly invert: boolean;
  /** Character magnification, 1 to 8. */
  readonly widthScale: number;
  readonly heightScale: number;
}

export interface DecodedSpan extends DecodedStyle {
  readonly text: string;
}

export interface DecodedLine extends DecodedStyle {
  /** The characters as printed, decoded through the code page that was active for each byte. */
  readonly text: string;
  /** `text` placed as the printer aligns it, in character cells of the line's width scale (needs `columns`). */
  readonly layout: string;
  readonly align: DecodedAlign;
  /** Runs of equal style; the line's own style flags are true only when every span has them. */
  readonly spans: readonly DecodedSpan[];
  /** Byte offset of the line's first character (or of its LF when blank). */
  readonly offset: number;
}

export type DecodedEvent =
  | { readonly kind: 'init'; readonly offset: number }
  | { readonly kind: 'line'; readonly index: number; readonly offset: number }
  | { readonly kind: 'feed'; readonly lines: number; readonly dots: number; readonly offset: number }
  | { readonly kind: 'cut'; readonly partial: boolean; readonly offset: number }
  | { readonly kind: 'beep'; readonly command: string; readonly times: number; readonly offset: number }
  | { readonly kind: 'drawer'; readonly pin: 2 | 5; readonly offset: number }
  | { readonly kind: 'code-page'; readonly table: number; readonly name: string; readonly offset: number }
  | { readonly kind: 'graphic'; readonly command: string; readonly offset: number };

export interface EscPosWarning {
  readonly offset: number;
  readonly message: string;
}

export interface DecodedPrintout {
  readonly lines: readonly DecodedLine[];
  /** Everything in the order the printer did it. */
  readonly events: readonly DecodedEvent[];
  readonly cuts: readonly { readonly partial: boolean; readonly afterLine: number }[];
  /** Unknown or truncated commands, commands a printer would ignore, bytes it cannot show. */
  readonly warnings: readonly EscPosWarning[];
}

export interface DecodeOptions {
  readonly dialect?: EscPosDialect;
  /** Characters per line at normal size, to compute `layout`; without it `layout` equals `text`. */
  readonly columns?: number;
}

// Upper halves (0x80–0xFF) of the DOS code pages. The 437 family shares its box drawing and maths
// rows; 858 is 850 with the euro sign at 0xD5. 1252 is spelled out because Node 20's TextDecoder
// reads "windows-1252" as Latin-1; the other Windows and ISO pages come from TextDecoder.
const BOX = '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀';
const MATHS = 'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0';
const PC850 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';
const DOS_PAGES: Readonly<Record<string, string>> = {
  PC437: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»' + BOX + MATHS,
  PC860: 'ÇüéâãàÁçêÊèÍÔìÃÂÉÀÈôõòÚùÌÕÜ¢£Ù₧ÓáíóúñÑªº¿Ò¬½¼¡«»' + BOX + MATHS,
  PC863: 'ÇüéâÂà¶çêëèïî‗À§ÉÈÊôËÏûù¤ÔÜ¢£ÙÛƒ¦´óú¨¸³¯Î⌐¬½¼¾«»' + BOX + MATHS,
  PC865: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤' + BOX + MATHS,
  PC850,
  WPC1252:
    '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ' +
    String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i)),
  PC858: PC850.slice(0, 0x55) + '€' + PC850.slice(0x56),
  PC737: 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψ' + BOX + 'ωάέήϊίόύϋώΆΈΉΊΌΎΏ±≥≤ΪΫ÷≈°∙·√ⁿ²■\u00A0',
  PC852:
    'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00AD˝˛ˇ˘§÷¸°¨˙űŘř■\u00A0',
  PC857:
    'ÇüéâäàåçêëèïîıÄÅÉæÆôöòûùİÖÜø£ØŞşáíóúñÑĞğ¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ºªÊËÈ\uFFFDÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµ\uFFFD×ÚÛÙìÿ¯´\u00AD±\uFFFD¾¶§÷¸°¨·¹³²■\u00A0',
};

/** TextDecoder's label for the Windows, ISO and IBM 866 pages. */
function whatwgLabel(name: string): string | undefined {
  const m = /^(?:WPC(125\d)|ISO8859_(\d+)|PC(866))$/.exec(name);
  if (m?.[1]) return `windows-${m[1]}`;
  if (m?.[2]) return `iso-8859-${m[2]}`;
  return m?.[3] ? 'ibm866' : undefined;
}

/** "n NAME, …" → {n: NAME}. */
const tableMap = (spec: string): Readonly<Record<number, string>> =>
  Object.fromEntries(spec.split(', ').map((e) => [Number(e.split(' ')[0]), e.split(' ')[1] ?? '']));
/** ESC t n: Epson character code tables. */
const ESCPOS_TABLES = tableMap(
  '0 PC437, 2 PC850, 3 PC860, 4 PC863, 5 PC865, 13 PC857, 14 PC737, 15 ISO8859_7, 16 WPC1252, 17 PC866, ' +
    '18 PC852, 19 PC858, 39 ISO8859_2, 40 ISO8859_15, 45 WPC1250, 46 WPC1251, 47 WPC1253, 48 WPC1254, ' +
    '49 WPC1255, 50 WPC1256, 51 WPC1257, 52 WPC1258',
);
/** ESC GS t n: Star Line Mode code pages. */
const STAR_TABLES = tableMap(
  '0 PC437, 1 PC437, 3 PC437, 4 PC858, 5 PC852, 6 PC860, 8 PC863, 9 PC865, 10 PC866, 12 PC857, 15 PC737, ' +
    '32 WPC1252, 33 WPC1250, 34 WPC1251',
);

const upperHalves = new Map<string, string>();
function upperHalf(name: string): string | undefined {
  const known = DOS_PAGES[name] ?? upperHalves.get(name);
  if (known !== undefined) return known;
  const label = whatwgLabel(name);
  if (label === undefined) return undefined;
  const bytes = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
  const half = new TextDecoder(label).decode(bytes);
  upperHalves.set(name, half);
  return half;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

const STYLE_KEYS = ['bold', 'underline', 'invert', 'widthScale', 'heightScale'] as const;
type State = { -readonly [K in keyof DecodedStyle]: DecodedStyle[K] } & { align: DecodedAlign; table: number };
const initialState = (): State => {
  return { align: 'left', bold: false, underline: false, invert: false, widthScale: 1, heightScale: 1, table: 0 };
};

/** n, or n − 48 when it is given as an ASCII digit ("0" = 48), as many commands allow. */
const digit = (n: number): number => (n >= 48 && n <= 57 ? n - 48 : n);
const ALIGNS: readonly DecodedAlign[] = ['left', 'center', 'right'];

export function decodeEscPos(bytes: Uint8Array, options: DecodeOptions = {}): DecodedPrintout {
  const dialect = options.dialect ?? 'escpos';
  const tables = dialect === 'star' ? STAR_TABLES : ESCPOS_TABLES;
  const lines: DecodedLine[] = [];
  const events: DecodedEvent[] = [];
  const cuts: { partial: boolean; afterLine: number }[] = [];
  const warnings: EscPosWarning[] = [];
  let state = initialState();
  let spans: DecodedSpan[] = [];
  let lineAlign: DecodedAlign = 'left';
  let lineOffset = 0;
  let pos = 0;

  const at = (k: number): number => bytes[pos + k] ?? 0;
  const warn = (message: string, offset = pos): void => void warnings.push({ offset, message });
  const pending = (): boolean => spans.length > 0;

  const addText = (text: string): void => {
    if (!pending()) {
      lineAlign = state.align;
      lineOffset = pos;
    }
    const { bold, underline, invert, widthScale, heightScale } = state;
    const last = spans.at(-1);
    if (last && STYLE_KEYS.every((k) => last[k] === state[k]))
      spans[spans.length - 1] = { ...last, text: last.text + text };
    else spans.push({ text, bold, underline, invert, widthScale, heightScale });
  };

  const endLine = (): void => {
    const all = (f: (s: DecodedSpan) => boolean): boolean => spans.length > 0 && spans.every(f);
    const text = spans.map((s) => s.text).join('');
    const widthScale = Math.max(1, ...spans.map((s) => s.widthScale));
    const line: DecodedLine = {
      text,
      layout: layout(text, pending() ? lineAlign : state.align, widthScale, options.columns),
      align: pending() ? lineAlign : state.align,
      bold: all((s) => s.bold),
      underline: all((s) => s.underline),
      invert: all((s) => s.invert),
      widthScale,
      heightScale: Math.max(1, ...spans.map((s) => s.heightScale)),
      spans,
      offset: pending() ? lineOffset : pos,
    };
    events.push({ kind: 'line', index: lines.length, offset: line.offset });
    lines.push(line);
    spans = [];
  };

  /** ESC d n, ESC J n and the like print what is pending, then feed. */
  const feed = (lineCount: number, dots: number): void => {
    if (pending()) endLine();
    events.push({ kind: 'feed', lines: lineCount, dots, offset: pos });
  };

  const cut = (partial: boolean, needsLineStart: boolean): void => {
    if (needsLineStart && pending()) return warn('cut ignored: not at the beginning of a line');
    if (pending()) endLine();
    events.push({ kind: 'cut', partial, offset: pos });
    cuts.push({ partial, afterLine: lines.length });
  };

  const setAlign = (n: number): void => {
    const align = ALIGNS[digit(n)];
    if (!align) return warn(`unknown justification ${n}`);
    if (pending() && dialect === 'escpos') return warn('ESC a ignored: not at the beginning of a line');
    state.align = align;
  };

  const setTable = (n: number): void => {
    const name = tables[n];
    if (name === undefined) warn(`code page ${n} is not decoded; its upper half shows as \uFFFD`);
    state.table = n;
    events.push({ kind: 'code-page', table: n, name: name ?? `#${n}`, offset: pos });
  };

  const init = (): void => {
    if (pending()) warn('ESC @ discarded unprinted text');
    spans = [];
    state = initialState();
    events.push({ kind: 'init', offset: pos });
  };

  const beep = (command: string, times: number): void =>
    void events.push({ kind: 'beep', command, times, offset: pos });
  const graphic = (command: string): void => void events.push({ kind: 'graphic', command, offset: pos });

  /** Length of a `pL pH` block starting at byte k of the command (the two length bytes plus the data). */
  const block = (k: number): number => 2 + at(k) + at(k + 1) * 256;

  // Each command: its length in bytes (fixed, or read from its parameters) and what it does.
  type Command = { readonly size: number | (() => number); readonly run?: () => void };
  const skip = (size: number): Command => ({ size });
  const skips = (size: number, ...codes: number[]): Record<number, Command> =>
    Object.fromEntries(codes.map((c) => [c, skip(size)]));

  /** ESC x for ESC/POS (Epson). */
  const escPos: Record<number, Command> = {
    0x40: { size: 2, run: init }, // ESC @
    0x21: { size: 3, run: () => printMode(at(2)) }, // ESC ! n
    0x2d: { size: 3, run: () => void (state.underline = digit(at(2)) !== 0) }, // ESC - n
    0x45: { size: 3, run: () => void (state.bold = (at(2) & 1) === 1) }, // ESC E n
    0x61: { size: 3, run: () => setAlign(at(2)) }, // ESC a n
    0x74: { size: 3, run: () => setTable(at(2)) }, // ESC t n
    0x52: { size: 3, run: () => at(2) !== 0 && warn(`ESC R ${at(2)} swaps some ASCII glyphs (international set)`) },
    0x64: { size: 3, run: () => feed(at(2), 0) }, // ESC d n: print and feed n lines
    0x4a: { size: 3, run: () => feed(0, at(2)) }, // ESC J n: print and feed n dots
    0x42: { size: 4, run: () => beep('ESC B', at(2)) }, // ESC B n t: beeper, n times
    0x70: { size: 5, run: () => drawer(digit(at(2)) === 1 ? 5 : 2) }, // ESC p m t1 t2
    0x69: { size: 2, run: () => cut(true, false) }, // ESC i (obsolete partial cut)
    0x6d: { size: 2, run: () => cut(true, false) }, // ESC m (obsolete partial cut)
    // ESC ( A pL pH fn …: beeper on the models that have one; other ESC ( functions are skipped
    0x28: { size: () => 3 + block(3), run: () => at(2) === 0x41 && beep('ESC ( A', 1) },
    // ESC * m nL nH d1…dk: bit image, three bytes a column in the 24-dot modes
    0x2a: { size: () => 5 + (at(3) + at(4) * 256) * (at(2) >= 32 ? 3 : 1), run: () => graphic('ESC *') },
    // Parsed and passed over: ESC 2 and ESC 3 n (line spacing), ESC SP n (character spacing), ESC % n (user
    // characters), ESC G n (double-strike), ESC M n (font), ESC U n, ESC V n (rotation), ESC { n (upside-down),
    // ESC = n (peripheral), ESC r n (colour), ESC $ and ESC \ nL nH (positions), ESC c x n (sensors, buttons).
    ...skips(2, 0x32),
    ...skips(3, 0x33, 0x20, 0x25, 0x47, 0x4d, 0x55, 0x56, 0x7b, 0x3d, 0x72),
    ...skips(4, 0x24, 0x5c, 0x63),
  };

  /** GS x for ESC/POS (Epson). */
  const gsPos: Record<number, Command> = {
    0x21: { size: 3, run: () => characterSize(at(2)) }, // GS ! n
    0x42: { size: 3, run: () => void (state.invert = (at(2) & 1) === 1) }, // GS B n
    // GS V m (function A: 0/48 full, 1/49 partial) or GS V m n (B: 65/66, C: 97/98, D: 103/104)
    0x56: { size: () => (at(2) <= 1 || at(2) === 48 || at(2) === 49 ? 3 : 4), run: () => cutCommand(at(2)) },
    0x28: { size: () => 3 + block(3), run: () => graphic(`GS ( ${String.fromCharCode(at(2))}`) },
    // GS v 0 m xL xH yL yH d1…dk: raster image of k = (xL + xH·256) · (yL + yH·256) bytes
    0x76: { size: () => 8 + (at(4) + at(5) * 256) * (at(6) + at(7) * 256), run: () => graphic('GS v 0') },
    // GS k m d1…dk NUL (m ≤ 6) or GS k m n d1…dn (m ≥ 65): bar code
    0x6b: { size: () => (at(2) >= 65 ? 4 + at(3) : barcodeLength()), run: () => graphic('GS k') },
    // Passed over: GS H/f/h/w n (bar code settings), GS b n (smoothing), GS a n and GS r n (status),
    // GS / m (downloaded image), GS L, GS W nL nH (margin, print width), GS P x y (motion units).
    ...skips(3, 0x48, 0x66, 0x68, 0x77, 0x62, 0x61, 0x72, 0x2f),
    ...skips(4, 0x4c, 0x57, 0x50),
  };

  /** ESC x for Star Line Mode. */
  const escStar: Record<number, Command> = {
    0x40: { size: 2, run: init }, // ESC @
    0x45: { size: 2, run: () => void (state.bold = true) }, // ESC E
    0x46: { size: 2, run: () => void (state.bold = false) }, // ESC F
    0x34: { size: 2, run: () => void (state.invert = true) }, // ESC 4: white/black reverse
    0x35: { size: 2, run: () => void (state.invert = false) }, // ESC 5
    0x2d: { size: 3, run: () => void (state.underline = digit(at(2)) !== 0) }, // ESC - n
    // ESC i n1 n2: height and width expansion (0 = normal size)
    0x69: { size: 4, run: () => Object.assign(state, { heightScale: digit(at(2)) + 1, widthScale: digit(at(3)) + 1 }) },
    0x0e: { size: 2, run: () => void (state.heightScale = 2) }, // ESC SO: double height
    0x14: { size: 2, run: () => void (state.heightScale = 1) }, // ESC DC4
    // ESC d n: 0 full cut, 1 partial, 2 feed to the cutter then full cut, 3 feed then partial
    0x64: { size: 3, run: () => (digit(at(2)) <= 3 ? cut(digit(at(2)) % 2 === 1, false) : warn('bad ESC d')) },
    0x61: { size: 3, run: () => feed(at(2), 0) }, // ESC a n: feed n lines
    // Passed over: ESC BEL n1 n2 (drive pulse), ESC RS F n (font), ESC R/z/W/h/_ n (character set, spacing,
    // expansion, upperline), ESC 0 and ESC 2 (line spacing).
    ...skips(4, 0x07, 0x1e),
    ...skips(3, 0x52, 0x7a, 0x57, 0x68, 0x5f),
    ...skips(2, 0x30, 0x32),
    0x1d: { size: () => starGsSize(at(2)), run: () => starGs(at(2)) }, // ESC GS …
  };
  const starGsSize = (b: number): number => (b === 0x61 || b === 0x74 ? 4 : b === 0x07 ? 6 : 0);
  const starGs = (b: number): void => {
    if (b === 0x61)
      setAlign(at(3)); // ESC GS a n
    else if (b === 0x74)
      setTable(at(3)); // ESC GS t n
    else if (b === 0x07) beep('ESC GS BEL', 1); // ESC GS BEL m t1 t2: ring buzzer m once
  };

  function printMode(n: number): void {
    // ESC ! n: bit 0 font B, 3 emphasized, 4 double height, 5 double width, 7 underline
    state.bold = (n & 0x08) !== 0;
    state.heightScale = n & 0x10 ? 2 : 1;
    state.widthScale = n & 0x20 ? 2 : 1;
    state.underline = (n & 0x80) !== 0;
  }
  function characterSize(n: number): void {
    // GS ! n: bits 0–2 height magnification − 1, bits 4–6 width magnification − 1
    state.heightScale = (n & 0x07) + 1;
    state.widthScale = ((n >> 4) & 0x07) + 1;
  }
  function cutCommand(m: number): void {
    if (m <= 1 || m === 48 || m === 49) cut(digit(m) === 1, true);
    else if ([65, 66, 97, 98, 103, 104].includes(m)) cut(m % 2 === 0, true);
    else warn(`GS V ${m} is not a cut mode`);
  }
  function barcodeLength(): number {
    let end = pos + 3;
    while (end < bytes.length && bytes[end] !== 0) end++;
    return end - pos + 1;
  }
  const drawer = (pin: 2 | 5): void => void events.push({ kind: 'drawer', pin, offset: pos });

  /** The command at `pos`, or undefined when it is not one this dialect knows. */
  const command = (): Command | undefined => {
    const [b0, b1] = [at(0), at(1)];
    if (dialect === 'star') return b0 === ESC ? escStar[b1] : undefined;
    if (b0 === ESC) return escPos[b1];
    if (b0 === GS) return gsPos[b1];
    if (b0 === FS) return b1 === 0x26 || b1 === 0x2e ? skip(2) : b1 === 0x21 || b1 === 0x43 ? skip(3) : undefined;
    if (b0 === DLE) return b1 === 0x04 || b1 === 0x05 ? skip(3) : b1 === 0x14 ? skip(5) : undefined;
    return undefined;
  };

  while (pos < bytes.length) {
    const b = at(0);
    if (b >= 0x20 && b !== 0x7f) {
      const page = upperHalf(tables[state.table] ?? '');
      addText(b < 0x80 ? String.fromCharCode(b) : (page?.[b - 0x80] ?? '\uFFFD'));
      pos++;
      continue;
    }
    if (b === 0x0a) endLine();
    else if (b === 0x09) addText(' '.repeat(8 - (spans.reduce((n, s) => n + [...s.text].length, 0) % 8)));
    else if (b === 0x0d) {
      /* CR: ignored while automatic line feed is off (the default) */
    } else if (dialect === 'star' && b === 0x0b) feed(1, 0);
    else if (dialect === 'star' && b === 0x07) events.push({ kind: 'drawer', pin: 2, offset: pos });
    else if (dialect === 'star' && (b === 0x0e || b === 0x14)) state.widthScale = b === 0x0e ? 2 : 1;
    else if (dialect === 'star' && (b === 0x0f || b === 0x12)) {
      /* SI / DC2: upside-down on / off */
    } else {
      const cmd = command();
      const size = cmd === undefined ? 0 : typeof cmd.size === 'number' ? cmd.size : cmd.size();
      if (cmd === undefined || size === 0) {
        warn(`unknown command ${hex(bytes.subarray(pos, pos + 2))}`);
        pos += b === ESC || b === GS || b === FS ? 2 : 1;
        continue;
      }
      if (pos + size > bytes.length) {
        warn(`truncated command ${hex(bytes.subarray(pos, pos + 2))}`);
        break;
      }
      cmd.run?.();
      pos += size;
      continue;
    }
    pos++;
  }
  if (pending()) {
    warn('text after the last line feed is never printed', lineOffset);
    endLine();
  }
  return { lines, events, cuts, warnings };
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function layout(text: string, align: DecodedAlign, widthScale: number, columns: number | undefined): string {
  if (columns === undefined) return text;
  const pad = Math.max(0, Math.floor(columns / widthScale) - [...text].length);
  if (align === 'center') return ' '.repeat(Math.floor(pad / 2)) + text;
  if (align === 'right') return ' '.repeat(pad) + text;
  return text;
}
