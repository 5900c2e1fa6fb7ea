import { describe, expect, it } from 'vitest';
import { WedgeDetector, withoutScanned, type WedgeVerdict } from './wedge.js';

/** Feed `keys` starting at `start` ms, `gap` ms apart (or the gaps given one by one); the verdicts. */
function feed(detector: WedgeDetector, keys: string[], gap: number | number[], start = 1000): WedgeVerdict[] {
  let at = start;
  return keys.map((key, i) => {
    if (i > 0) at += Array.isArray(gap) ? (gap[i - 1] ?? 0) : gap;
    return detector.feed(key, at);
  });
}

const keysOf = (code: string): string[] => [...code, 'Enter'];
const last = (verdicts: WedgeVerdict[]): WedgeVerdict | undefined => verdicts[verdicts.length - 1];

describe('keyboard wedge scanner', () => {
  it('reads a fast burst of digits closed by Enter as a scan', () => {
    const wedge = new WedgeDetector();
    const verdicts = feed(wedge, keysOf('4006381333931'), 8);
    expect(last(verdicts)).toEqual({ kind: 'scan', code: '4006381333931' });
    // Every digit went through as an ordinary key: only the closing Enter is the scanner's.
    expect(verdicts.slice(0, -1).every((v) => v.kind === 'key')).toBe(true);
  });

  it('leaves typing alone: the same digits at a person’s pace and Enter are just keys', () => {
    const wedge = new WedgeDetector();
    expect(last(feed(wedge, keysOf('4006381333931'), 120))).toEqual({ kind: 'key' });
    // A fast typist (60 ms) is still a person.
    expect(last(feed(wedge, keysOf('036000291452'), 60, 5000))).toEqual({ kind: 'key' });
  });

  it('needs the whole burst fast: one slow gap, or a slow Enter, makes it typing', () => {
    const wedge = new WedgeDetector();
    const gaps = [8, 8, 8, 8, 8, 8, 200, 8, 8, 8, 8, 8, 8];
    // After the pause the run starts again, and six digits plus Enter are still a (short) code.
    expect(last(feed(wedge, keysOf('4006381333931'), gaps))).toEqual({ kind: 'scan', code: '333931' });
    const slowEnter = [...Array<number>(12).fill(8), 300];
    expect(last(feed(wedge, keysOf('4006381333931'), slowEnter, 9000))).toEqual({ kind: 'key' });
  });

  it('starts a new scan after typing, and after a scan', () => {
    const wedge = new WedgeDetector();
    feed(wedge, ['l', 'a', 't'], 150);
    expect(last(feed(wedge, keysOf('036000291452'), 5, 2000))).toEqual({ kind: 'scan', code: '036000291452' });
    expect(last(feed(wedge, keysOf('4006381333931'), 5, 3000))).toEqual({ kind: 'scan', code: '4006381333931' });
  });

  it('does not take a short fast chord, letters, or a burst longer than any code for a scan', () => {
    const wedge = new WedgeDetector();
    expect(last(feed(wedge, keysOf('12'), 5))).toEqual({ kind: 'key' });
    expect(last(feed(wedge, keysOf('400638133393a'), 5, 2000))).toEqual({ kind: 'key' });
    expect(last(feed(wedge, keysOf('1'.repeat(25)), 5, 3000))).toEqual({ kind: 'key' });
  });

  it('lets the scanner hold Shift inside a code, and forgets a burst on reset', () => {
    const wedge = new WedgeDetector();
    expect(last(feed(wedge, ['0', '3', 'Shift', '6', '0', '0', '0', '2', 'Enter'], 5))).toEqual({
      kind: 'scan',
      code: '0360002',
    });
    feed(wedge, [...'4006381'], 5, 2000);
    expect(wedge.pending).toBe('4006381');
    wedge.reset();
    expect(wedge.pending).toBe('');
    expect(wedge.feed('Enter', 2040)).toEqual({ kind: 'key' });
  });

  it('reports fast bursts that are not valid codes too (the screen says what is wrong with them)', () => {
    const wedge = new WedgeDetector();
    expect(last(feed(wedge, keysOf('4006381333932'), 5))).toEqual({ kind: 'scan', code: '4006381333932' });
  });
});

describe('taking a scanned code back out of a field', () => {
  it('removes the code typed just before the caret and puts the caret where it began', () => {
    expect(withoutScanned('lat4006381333931', 16, '4006381333931')).toEqual({ value: 'lat', caret: 3 });
    expect(withoutScanned('ab036000291452cd', 14, '036000291452')).toEqual({ value: 'abcd', caret: 2 });
  });

  it('changes nothing when the code is not right before the caret', () => {
    expect(withoutScanned('latte', 5, '4006381333931')).toBeUndefined();
    expect(withoutScanned('4006381333931x', 14, '4006381333931')).toBeUndefined();
    expect(withoutScanned('', 0, '')).toBeUndefined();
  });
});
