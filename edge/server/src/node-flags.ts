/**
 * The Node flags the store box runs with. Every launcher uses these: the edge container's `CMD`
 * (deploy/Dockerfile.edge), the `npm start` demo (deploy/demo/start.js), and the tests', the
 * Playwright suite's and the bench's edge processes; node-flags.test.ts keeps them in step.
 *
 * `--max-semi-space-size=64` (MB): V8's young generation may grow to 64 MB semi-spaces instead of
 * 16. An order allocates ~650 KB, so at 20 orders/s a scavenge came every ~20 orders and paused
 * the event loop 2–6 ms, often in an order's path to the kitchen screens; with 64 MB it comes
 * every ~80 orders and costs about the same (it copies what survives, not the space). The cost is
 * memory: up to ~150 MB more for the young generation at the busiest (docs/performance.md).
 *
 * `--initial-old-space-size=256` (MB): V8 lets the old generation grow to 256 MB before its first
 * full collection and never sets its next limit below that. Without it the limit follows the live
 * heap (~40 MB) closely, so at 200 orders/s — each order leaves a few tens of KB that outlive two
 * scavenges — a full collection came every ~2 s (16–17 in 30 s, each a 4–16 ms pause with ~100 ms
 * of marking on the other core), and at the first 800/s step every ~0.6 s; with it, 1 in 30 s at
 * 200/s and the 200/s p99 went from 16–19 ms to 7 ms. The cost is memory: the edge's peak RSS in
 * the bench went from ~280 MB to ~400 MB (docs/performance.md, session 11).
 *
 * `--expose-gc`: `gc()` for the idle collector (./idle-gc.ts), which runs that scavenge itself in
 * a quiet moment between commits when it is near, rather than let it fall inside the next order.
 */
export const EDGE_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=64',
  '--initial-old-space-size=256',
  '--expose-gc',
];
