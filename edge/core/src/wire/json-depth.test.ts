import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth, jsonDepthError, MAX_JSON_DEPTH } from './json-depth.js';

/** A JSON value nested exactly `depth` levels: arrays and objects alternating. */
function nested(depth: number): string {
  let text = '1';
  for (let d = 0; d < depth; d++) text = d % 2 === 0 ? `[${text}]` : `{"k":${text}}`;
  return text;
}

/** The depth JSON.parse sees, counted on the parsed value. */
function parsedDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(parsedDepth));
}

describe('exceedsJsonDepth', () => {
  it('accepts the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('refuses a modifier chain a thousand levels deep without recursing', () => {
    let chain = '{"groupId":"milk","optionId":"oat"}';
    for (let i = 0; i < 1000; i++) chain = `{"groupId":"milk","optionId":"oat","modifiers":[${chain}]}`;
    expect(jsonDepthError(`{"lines":[{"itemId":"latte","quantity":1,"modifiers":[${chain}]}]}`)).toMatch(
      /nested more than 32 levels/,
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ note: '[[[[{{{{"\\"[[[['.repeat(20), deep: [[1]] });
    expect(exceedsJsonDepth(text, 3)).toBe(false);
    expect(exceedsJsonDepth(text, 2)).toBe(true);
  });

  it('measures the depth JSON.parse builds, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, limit) => {
        const text = JSON.stringify(value);
        expect(exceedsJsonDepth(text, limit)).toBe(parsedDepth(value) > limit);
      }),
    );
  });

  it('gives no reason for a flat document', () => {
    expect(jsonDepthError('{"type":"ping"}')).toBeUndefined();
  });
});
