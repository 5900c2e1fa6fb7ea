/**
 * Young-generation garbage collection in the quiet moments between commits, instead of in the
 * middle of the next order.
 *
 * V8 collects its young generation (a scavenge) when it is full, which is whenever an allocation
 * finds it so: nearly always while a request, a commit or a print run is being handled, since that
 * is when the edge allocates. On the store box a scavenge pauses the event loop for 2–8 ms (it
 * copies what is still alive, 1–2.5 MB), and at 20 orders/s one fell inside about one order in a
 * hundred, on its way to the kitchen screens: the bench's p99 (docs/performance.md, 2026-11-30).
 *
 * So once the log has been quiet for {@link IdleCollectorOptions.quietMs} after a commit and the
 * young generation is more than {@link IdleCollectorOptions.fill} full, the collector runs the
 * scavenge itself (`gc({ type: 'minor' })`, which needs Node's `--expose-gc`: EDGE_NODE_FLAGS).
 * It would have come within the next few orders anyway; it now comes when nobody waits for it.
 * In a rush there is no quiet moment and V8 collects as it always does. The cost: a scavenge a
 * little earlier than needed (about one more in five), never one that was not going to happen.
 *
 * The old generation likewise: each order leaves ~16 KB there that outlived two scavenges and is
 * garbage soon after, so it grows by ~13 MB a second at 800 orders/s and V8 collects it all
 * (a full collection: ~100 ms of marking, some of it on the main thread, and a pause of 10–25 ms)
 * when it nears its limit, whenever that is — in the bench, inside the 800/s step, where the
 * queue it left took ~200 ms to drain (docs/performance.md, session 12). So once the log has been
 * quiet for {@link IdleCollectorOptions.fullQuietMs} and the old generation has grown by
 * {@link IdleCollectorOptions.fullGrowthBytes} since its smallest size seen, the collector runs
 * a full collection itself (`gc()`, ~40 ms for ~100 MB): after a rush, not in the next one. At
 * 20 orders/s the old generation grows 32 MB in ~100 s, so that is at most one a minute or two,
 * and only in a second with no commit.
 *
 * Without `--expose-gc` (a test's process) it does nothing.
 */
import { getHeapSpaceStatistics } from 'node:v8';

export interface IdleCollectorOptions {
  /** How long after the last commit the log counts as quiet (ms). */
  quietMs?: number;
  /** How full the young generation must be (0–1) for a collection to be worth it. */
  fill?: number;
  /** Runs a young-generation collection (default: Node's `gc`, when exposed). */
  collect?: (() => void) | undefined;
  /** How full the young generation is, 0–1 (default: V8's heap statistics). */
  youngFill?: () => number;
  /** How long after the last commit the log counts as quiet for a full collection (ms). */
  fullQuietMs?: number;
  /** How much the old generation must have grown since its smallest size seen (bytes). */
  fullGrowthBytes?: number;
  /** Runs a full collection (default: Node's `gc`, when exposed). */
  collectFull?: (() => void) | undefined;
  /** The old generation's bytes in use (default: V8's heap statistics). */
  oldUsed?: () => number;
}

/** The old generation's bytes in use: V8's old space and its space for large objects. */
export function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics())
    if (space.space_name === 'old_space' || space.space_name === 'large_object_space') used += space.space_used_size;
  return used;
}

/** How full V8's young generation is: used over used plus what is left before a scavenge. */
export function youngGenerationFill(): number {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!space) return 0;
  const room = space.space_used_size + space.space_available_size;
  return room > 0 ? space.space_used_size / room : 0;
}

/** Node's `gc` as a young-generation collection, when `--expose-gc` exposed it. */
function exposedMinorGc(): (() => void) | undefined {
  const gc = globalThis.gc;
  return gc ? () => gc({ type: 'minor' }) : undefined;
}

/**
 * Node's `gc` as a full collection, when exposed. (On Node 20 `gc({ type: 'major' })` left the
 * old generation's garbage in place; `gc()` collects it.)
 */
function exposedFullGc(): (() => void) | undefined {
  const gc = globalThis.gc;
  return gc ? () => gc() : undefined;
}

/** Runs `then` once there has been no commit for `ms` (`last`: when the last one was); one timer at a time. */
class QuietWait {
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly last: () => number,
    private readonly then: () => void,
  ) {}

  /** A commit: unless a timer is set already (it looks at the last commit when it fires). */
  arm(): void {
    if (!this.#timer) this.#set(this.ms);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #set(ms: number): void {
    this.#timer = setTimeout(() => this.#fire(), ms);
    this.#timer.unref();
  }

  #fire(): void {
    this.#timer = undefined;
    const quietFor = performance.now() - this.last();
    if (quietFor < this.ms) return this.#set(this.ms - quietFor);
    this.then();
  }
}

export class IdleCollector {
  readonly #fill: number;
  readonly #collect: (() => void) | undefined;
  readonly #youngFill: () => number;
  readonly #fullGrowth: number;
  readonly #collectFull: (() => void) | undefined;
  readonly #oldUsed: () => number;
  readonly #young: QuietWait;
  readonly #full: QuietWait;
  #last = 0;
  /** The old generation's smallest size seen: what was alive at V8's last full collection, or ours. */
  #oldFloor: number | undefined;
  #collections = 0;
  #fullCollections = 0;

  constructor(options: IdleCollectorOptions = {}) {
    this.#fill = options.fill ?? 0.8;
    this.#collect = 'collect' in options ? options.collect : exposedMinorGc();
    this.#youngFill = options.youngFill ?? youngGenerationFill;
    this.#fullGrowth = options.fullGrowthBytes ?? 32 * 1024 * 1024;
    this.#collectFull = 'collectFull' in options ? options.collectFull : exposedFullGc();
    this.#oldUsed = options.oldUsed ?? oldGenerationUsed;
    const last = (): number => this.#last;
    this.#young = new QuietWait(options.quietMs ?? 25, last, () => this.#collectYoung());
    this.#full = new QuietWait(options.fullQuietMs ?? 1000, last, () => this.#collectOld());
  }

  /** Whether it can collect at all (Node's `gc` is exposed, or one was given). */
  get enabled(): boolean {
    return this.#collect !== undefined;
  }

  /** How many young-generation collections it has run. */
  get collections(): number {
    return this.#collections;
  }

  /** How many full collections it has run. */
  get fullCollections(): number {
    return this.#fullCollections;
  }

  /** A commit: look again once the log has been quiet for `quietMs` (and `fullQuietMs`). */
  heard(): void {
    this.#last = performance.now();
    if (this.#collect) this.#young.arm();
    if (!this.#collectFull) return;
    this.#oldFloor ??= this.#oldUsed(); // from the first commit on
    this.#full.arm();
  }

  stop(): void {
    this.#young.stop();
    this.#full.stop();
  }

  #collectYoung(): void {
    if (this.#youngFill() <= this.#fill) return;
    this.#collections += 1;
    this.#collect?.();
  }

  #collectOld(): void {
    const used = this.#oldUsed();
    this.#oldFloor = Math.min(this.#oldFloor ?? used, used); // lower after a full collection of V8's
    if (used - this.#oldFloor < this.#fullGrowth) return;
    this.#fullCollections += 1;
    this.#collectFull?.();
    this.#oldFloor = this.#oldUsed();
  }
}
