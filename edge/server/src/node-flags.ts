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
 * `--expose-gc`: `gc()` for the idle collector (./idle-gc.ts), which runs that scavenge itself in
 * a quiet moment between commits when it is near, rather than let it fall inside the next order.
 */
export const EDGE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64', '--expose-gc'];
