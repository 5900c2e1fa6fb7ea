/**
 * A barcode scanner plugged in as a keyboard ("keyboard wedge") types a code's digits far faster
 * than anyone can, then Enter. The detector is told every key press with its time and says when
 * an Enter closes such a burst: the screen then swallows that Enter, takes the code out of any
 * field it went into, and adds the item — wherever the focus was. Anything slower is typing and
 * goes through untouched.
 *
 * Pure: no DOM. The screen feeds it `KeyboardEvent.key` and `KeyboardEvent.timeStamp`.
 */

export interface WedgeOptions {
  /**
   * Longest gap (ms) between two keys of one scan, the closing Enter included. Scanners send a
   * key every 2–20 ms; nobody types six digits and Enter with every gap under 50 ms.
   */
  readonly maxGapMs: number;
  /** Fewest characters a scan has (a shorter fast burst is a chord, not a code). */
  readonly minLength: number;
  /** Most characters a scan has; a longer burst is not a code this screen reads. */
  readonly maxLength: number;
  /** The characters a scan is made of (one `KeyboardEvent.key` each). */
  readonly chars: RegExp;
}

/** Retail codes (EAN-8, UPC-A, EAN-13) are digits; a shorter fast burst of 6 or more is still reported, as a bad code. */
export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 50, minLength: 6, maxLength: 20, chars: /^[0-9]$/ };

export type WedgeVerdict =
  /** An ordinary key: let it do what it does. */
  | { readonly kind: 'key' }
  /** This Enter closes a scan of `code`: swallow it and use the code. */
  | { readonly kind: 'scan'; readonly code: string };

/** Keys a scanner may send inside a code without ending it (it holds Shift for capitals). */
const IGNORED = new Set(['Shift', 'CapsLock']);

const KEY: WedgeVerdict = { kind: 'key' };

export class WedgeDetector {
  readonly #options: WedgeOptions;
  #run = '';
  #last = Number.NEGATIVE_INFINITY;
  /** The run grew past the longest code: it is not one, whatever follows. */
  #spoiled = false;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.#options = { ...DEFAULT_WEDGE, ...options };
  }

  /** The characters of the burst under way (what a field may have taken in so far). */
  get pending(): string {
    return this.#run;
  }

  /** A key was pressed at `at` (ms, any monotonic clock). */
  feed(key: string, at: number): WedgeVerdict {
    const { maxGapMs, minLength, maxLength, chars } = this.#options;
    const fast = at - this.#last <= maxGapMs;
    if (key === 'Enter') {
      const code = this.#run;
      const scan = fast && !this.#spoiled && code.length >= minLength;
      this.reset();
      return scan ? { kind: 'scan', code } : KEY;
    }
    if (IGNORED.has(key)) return KEY;
    if (!chars.test(key)) {
      this.reset();
      return KEY;
    }
    if (fast && this.#run !== '') {
      this.#run += key;
      if (this.#run.length > maxLength) this.#spoiled = true;
    } else {
      this.#run = key;
      this.#spoiled = false;
    }
    this.#last = at;
    return KEY;
  }

  reset(): void {
    this.#run = '';
    this.#spoiled = false;
    this.#last = Number.NEGATIVE_INFINITY;
  }
}

/**
 * A text field's value and caret with a scanned code taken back out: the code's characters just
 * before the caret (where the scanner typed them). Undefined when they are not there.
 */
export function withoutScanned(
  value: string,
  caret: number,
  code: string,
): { value: string; caret: number } | undefined {
  if (code === '' || caret < code.length || value.slice(caret - code.length, caret) !== code) return undefined;
  const start = caret - code.length;
  return { value: value.slice(0, start) + value.slice(caret), caret: start };
}
