import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleCollector, youngGenerationFill } from './idle-gc.js';
import { EDGE_NODE_FLAGS } from './node-flags.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

  it('reads how full the young generation is from V8', () => {
    const fill = youngGenerationFill();
    expect(fill).toBeGreaterThan(0);
    expect(fill).toBeLessThanOrEqual(1);
  });

  it('with the store box’s Node flags, empties the young generation in a quiet moment', () => {
    const here = dirname(fileURLToPath(import.meta.url));
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
    const out = execFileSync(
      process.execPath,
      [...EDGE_NODE_FLAGS, '--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: here,
        encoding: 'utf8',
      },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
      enabled: boolean;
      collections: number;
      before: number;
      after: number;
    };
    expect(r.enabled).toBe(true);
    expect(r.collections).toBe(1);
    expect(r.before).toBeGreaterThanOrEqual(0.5);
    expect(r.after).toBeLessThan(0.25);
  });
});
