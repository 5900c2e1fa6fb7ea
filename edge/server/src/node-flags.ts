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
 * `--heap-growing-percent=700`: after each full collection V8 sets the old generation's next limit
 * to the live heap times a factor it picks, at most 4 (~60–80 MB live → ~256–310 MB), and starts
 * marking ~80–100 MB below it; this makes the factor 8 (~500–600 MB). In a sustained rush each
 * order leaves ~15 KB that outlive two scavenges (~13 MB/s at 800 orders/s), so a full collection
 * — a 10–20 ms pause, with a queue behind it that takes several times as long to drain at that
 * load — came every ~10 s at 800/s; with it, every ~30 s. In the bench's warm sequence the first
 * 800/s turn had one every time without it (p99 61 and 63 ms in two runs) and none with it (p99 20
 * and 39). The cost is memory in a long rush: the edge's peak RSS there was 413–573 MB against 475,
 * and up to ~300 MB more old generation can wait to be collected (an idle box is shrunk by V8's
 * memory reducer, which collects once allocation has been low for a while).
 *
 * `--expose-gc`: `gc()` for the idle collector (./idle-gc.ts), which runs that scavenge itself in
 * a quiet moment between commits when it is near, rather than let it fall inside the next order.
 */
export const EDGE_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=64',
  '--initial-old-space-size=256',
  '--heap-growing-percent=700',
  '--expose-gc',
];
