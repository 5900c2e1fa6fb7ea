import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleCollector, oldGenerationUsed, youngGenerationFill } from './idle-gc.js';
import { EDGE_NODE_FLAGS } from './node-flags.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const here = dirname(fileURLToPath(import.meta.url));

/** Runs `script` (an ES module) in a Node with the store box's flags; answers the JSON of its last line. */
function withStoreFlags<T>(script: string): T {
  const out = execFileSync(
    process.execPath,
    [...EDGE_NODE_FLAGS, '--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: here,
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T;
}

describe('the idle collector', () => {
  let collector: IdleCollector | undefined;
  afterEach(() => collector?.stop());

  it('collects once the log has been quiet after a commit and the young generation is past the fill', async () => {
    let runs = 0;
    collector = new IdleCollector({ quietMs: 20, fill: 0.8, collect: () => (runs += 1), youngFill: () => 0.9 });
    collector.heard();
    expect(runs).toBe(0); // never inside the commit's own turn
    await sleep(80);
    expect(runs).toBe(1);
    expect(collector.collections).toBe(1);
    await sleep(60);
    expect(runs).toBe(1); // once per quiet moment, not on a clock
  });

  it('never collects while commits keep coming (a rush), and does once they stop', async () => {
    let runs = 0;
    collector = new IdleCollector({ quietMs: 100, fill: 0.8, collect: () => (runs += 1), youngFill: () => 0.95 });
    const c = collector;
    const rush = setInterval(() => c.heard(), 5);
    await sleep(300);
    clearInterval(rush);
    expect(runs).toBe(0);
    await sleep(400);
    expect(runs).toBe(1);
  });

  it('leaves a young generation that is not yet near full to V8', async () => {
    let runs = 0;
    collector = new IdleCollector({ quietMs: 10, fill: 0.8, collect: () => (runs += 1), youngFill: () => 0.5 });
    collector.heard();
    await sleep(60);
    expect(runs).toBe(0);
  });

  it('does nothing when Node does not expose gc (this test process)', async () => {
    expect(globalThis.gc).toBeUndefined();
    collector = new IdleCollector({ quietMs: 5, youngFill: () => 1 });
    expect(collector.enabled).toBe(false);
    collector.heard();
    await sleep(30);
    expect(collector.collections).toBe(0);
  });

  /** A collector of full collections only, over an old generation the test sets (`heap.old`). */
  function fullOnly(fullQuietMs: number, fullGrowthBytes: number, old: number, leftAfterFull?: number) {
    const heap = { old, full: 0 };
    collector = new IdleCollector({
      collect: undefined,
      fullQuietMs,
      fullGrowthBytes,
      oldUsed: () => heap.old,
      collectFull: () => {
        heap.full += 1;
        if (leftAfterFull !== undefined) heap.old = leftAfterFull; // what was alive
      },
    });
    return { c: collector, heap };
  }

  it('runs a full collection once the log has been quiet long enough and the old generation has grown', async () => {
    const { c, heap } = fullOnly(40, 50, 100, 110);
    c.heard(); // its floor: 100
    heap.old = 160;
    c.heard();
    await sleep(20);
    expect(heap.full).toBe(0); // not yet quiet for 40 ms
    await sleep(80);
    expect(heap.full).toBe(1);
    expect(c.fullCollections).toBe(1);
    // Its floor is now what was left (110): 150 is not 50 more.
    heap.old = 150;
    c.heard();
    await sleep(100);
    expect(heap.full).toBe(1);
    heap.old = 160;
    c.heard();
    await sleep(100);
    expect(heap.full).toBe(2);
  });

  it('never runs a full collection while commits keep coming, and does once they stop', async () => {
    const { c, heap } = fullOnly(60, 10, 0);
    const rush = setInterval(() => {
      heap.old += 5; // a rush fills the old generation
      c.heard();
    }, 5);
    await sleep(250);
    clearInterval(rush);
    expect(heap.old).toBeGreaterThan(10);
    expect(heap.full).toBe(0);
    await sleep(200);
    expect(heap.full).toBe(1);
  });

  it('leaves an old generation that has not grown since its smallest size to V8', async () => {
    const { c, heap } = fullOnly(10, 50, 200);
    c.heard(); // floor 200
    heap.old = 120; // V8 collected it itself: the floor follows
    c.heard();
    await sleep(50);
    heap.old = 160; // 40 above the new floor, 40 below the old one
    c.heard();
    await sleep(50);
    expect(heap.full).toBe(0);
    heap.old = 171;
    c.heard();
    await sleep(50);
    expect(heap.full).toBe(1);
  });

  it('reads how full the young generation is from V8', () => {
    const fill = youngGenerationFill();
    expect(fill).toBeGreaterThan(0);
    expect(fill).toBeLessThanOrEqual(1);
  });

  it('with the store box’s Node flags, empties the young generation in a quiet moment', () => {
    const script = `
      import { IdleCollector, youngGenerationFill } from ${JSON.stringify(join(here, 'idle-gc.ts'))};
      let last;
      for (let i = 0; youngGenerationFill() < 0.5; i++) last = { i, s: 'x'.repeat(i % 64) }; // garbage
      void last;
      const before = youngGenerationFill();
      const c = new IdleCollector({ quietMs: 10, fill: 0.3 });
      c.heard();
      setTimeout(() => {
        console.log(JSON.stringify({ enabled: c.enabled, collections: c.collections, before, after: youngGenerationFill() }));
      }, 100);
    `;
    const r = withStoreFlags<{ enabled: boolean; collections: number; before: number; after: number }>(script);
    expect(r.enabled).toBe(true);
    expect(r.collections).toBe(1);
    expect(r.before).toBeGreaterThanOrEqual(0.5);
    expect(r.after).toBeLessThan(0.25);
  });

  it('reads the old generation’s size from V8', () => {
    expect(oldGenerationUsed()).toBeGreaterThan(1024 * 1024);
  });

  it('with the store box’s Node flags, empties the old generation of its garbage in a quiet moment', () => {
    // Objects kept past two scavenges (so V8 moves them to the old generation), then dropped.
    const script = `
      import { IdleCollector, oldGenerationUsed } from ${JSON.stringify(join(here, 'idle-gc.ts'))};
      const c = new IdleCollector({ quietMs: 10_000, fullQuietMs: 20, fullGrowthBytes: 16 * 1024 * 1024 });
      c.heard(); // its floor: the old generation now
      let kept = [];
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 100_000; i++) kept.push({ i, s: 'x'.repeat(i % 64) });
        gc({ type: 'minor' });
        gc({ type: 'minor' });
      }
      kept = [];
      const before = oldGenerationUsed();
      c.heard();
      setTimeout(() => {
        console.log(JSON.stringify({ full: c.fullCollections, before, after: oldGenerationUsed() }));
      }, 200);
    `;
    const r = withStoreFlags<{ full: number; before: number; after: number }>(script);
    expect(r.full).toBe(1);
    expect(r.before).toBeGreaterThan(16 * 1024 * 1024);
    expect(r.after).toBeLessThan(r.before / 2);
  });
});
