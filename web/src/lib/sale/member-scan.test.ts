import { describe, expect, it } from 'vitest';
import { MemberScanDetector, type MemberScanVerdict } from './member-scan.js';

function feed(detector: MemberScanDetector, keys: string[], gap: number, start = 1000): MemberScanVerdict[] {
  return keys.map((key, i) => detector.feed(key, start + i * gap));
}
const keysOf = (code: string): string[] => [...code, 'Enter'];
const CARD = 'TBXM1-demo-ada-0000000001';

describe('a loyalty card read by the counter scanner', () => {
  it('takes every key from the end of the prefix and reports the card at its Enter', () => {
    const verdicts = feed(new MemberScanDetector(), keysOf(CARD), 6);
    expect(verdicts.slice(0, 5).every((v) => v.kind === 'pass')).toBe(true);
    // The "-" (a counter key: one less) and everything after it are the scanner's.
    expect(verdicts.slice(5, -1).every((v) => v.kind === 'swallow')).toBe(true);
    expect(verdicts.at(-1)).toEqual({ kind: 'card', code: CARD, passed: 'TBXM1' });
  });

  it('leaves typing and item barcodes alone', () => {
    expect(feed(new MemberScanDetector(), keysOf(CARD), 120).every((v) => v.kind === 'pass')).toBe(true);
    expect(feed(new MemberScanDetector(), keysOf('4006381333931'), 6).every((v) => v.kind === 'pass')).toBe(true);
  });

  it('says a card cut short or too long is unreadable, and takes nothing after', () => {
    const cut = new MemberScanDetector();
    feed(cut, [...'TBXM1-demo'], 6);
    expect(cut.feed('x', 2000)).toEqual({ kind: 'unreadable' });
    expect(cut.feed('Enter', 2005)).toEqual({ kind: 'pass' });
    const short = feed(new MemberScanDetector(), keysOf('TBXM1-abc'), 6);
    expect(short.at(-1)).toEqual({ kind: 'unreadable' });
  });
});
