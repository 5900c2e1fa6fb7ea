/**
 * How deeply a JSON text nests, measured before it is parsed. Schemas with recursive parts (a
 * modifier inside a modifier) are validated by recursion, so a body nested a thousand levels deep
 * would exhaust the stack; every edge that parses JSON from outside (HTTP bodies, stream messages,
 * MQTT payloads) refuses such text first with {@link jsonDepthError}. The scan is one pass over
 * the characters with a counter: no recursion, no allocation, safe on any input.
 */

/** Deepest nesting of objects and arrays accepted from outside. A real order nests about 14. */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * True when `text` opens more than `maxDepth` objects or arrays inside one another. Brackets
 * inside strings do not count. Text that is not JSON gives an approximate answer; the parser
 * refuses it anyway.
 */
export function exceedsJsonDepth(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/** The reason given for text that nests too deeply, or undefined when it does not. */
export function jsonDepthError(text: string, maxDepth: number = MAX_JSON_DEPTH): string | undefined {
  return exceedsJsonDepth(text, maxDepth)
    ? `The JSON is nested more than ${maxDepth} levels deep; send a flatter document`
    : undefined;
}
